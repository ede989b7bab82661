/**
 * The one tokenizer used on both sides of the index: article sentences at build time and questions at ask
 * time. Words are lower-cased, function words dropped and each word mapped to its lemma through a table built
 * from the corpus (wink-nlp lemmas, computed once at index time), so the question path never loads wink.
 */
import { STOP_WORDS } from '../nlp/stopwords.ts';

/** A word of a text with its offsets in that text. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

/** A content term (a lemma) and where its word sits in the text. */
export interface Term {
  term: string;
  start: number;
  end: number;
}

/** Lower-case word form -> lemma, learnt from the corpus. */
export type LemmaMap = ReadonlyMap<string, string>;

// Letters then digits stay one word ("G7", "K2"); a number keeps its separators; words keep inner apostrophes.
// Initials with dots ("U.S.", "U.N.") are one word, the same as "US" and "UN".
const WORD_RE =
  /(?:\p{Lu}\.){2,}|[\p{L}\p{M}]+\d[\p{L}\p{M}\d]*|\d+(?:[.,]\d+)*|[\p{L}\p{M}]+(?:['\u2019][\p{L}\p{M}]+)*/gu;

/** Splits a text into words (letters with inner apostrophes, or numbers with inner separators) with offsets. */
export function splitWords(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The lower-case form a word is looked up by: possessive `'s` dropped, digit group separators removed. */
export function normalizeWord(word: string): string {
  const first = word.charCodeAt(0);
  if (first >= 48 && first <= 57) return word.includes(',') ? word.replace(/,/g, '') : word;
  const lower = word.toLowerCase();
  // Most words have no apostrophe and no dot: the question path normalises every word of every question.
  if (lower.includes('.')) return /^(?:\p{Lu}\.){2,}$/u.test(word) ? lower.replace(/\./g, '') : lower;
  if (!lower.includes("'") && !lower.includes('\u2019')) return lower;
  return lower.replace(/\u2019/g, "'").replace(/'s$/, '');
}

/** Suffix rules for a word the corpus never showed: good enough to meet the corpus lemma by prefix search. */
export function stemWord(word: string): string {
  if (word.length <= 3 || /^\d/.test(word)) return word;
  if (/ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:sses|xes|zes|ches|shes)$/.test(word)) return word.slice(0, -2);
  if (/s$/.test(word) && !/(?:ss|us|is|ous)$/.test(word)) return word.slice(0, -1);
  if (/ceed$/.test(word)) return word;
  const verb = /^(.{3,}?)(?:ing|ed)$/.exec(word);
  const stem = verb?.[1];
  if (!stem) return word;
  if (/([^aeiouls])\1$/.test(stem) && stem.length > 3) return stem.slice(0, -1);
  // "voted" -> "vote", "nicknamed" -> "nickname", "forced" -> "force", "agreed" -> "agree": these ends had an
  // "e" ("opened", "visited", "offered" end on an unstressed syllable and had none).
  const cvc =
    /[^aeiou][aeiou][bcdfgklmnprstvz]$/.test(stem) && !/(?:en|er|on|et|it|el|al|or|ar|ow)$/.test(stem);
  const e = cvc || /(?:[^aeiou]c|rg|[iu]at|[^aeiou]u)$/.test(stem) || (/eed$/.test(word) && word.length >= 6);
  return e ? `${stem}e` : stem;
}

const knownLemmas = new WeakMap<LemmaMap, Set<string>>();

/** Past forms of common irregular English verbs, for words a question uses that its corpus never did. */
const IRREGULAR = new Map(
  `bought:buy sold:sell paid:pay said:say told:tell won:win lost:lose made:make took:take taken:take gave:give
  given:give went:go gone:go came:come saw:see seen:see found:find held:hold led:lead left:leave met:meet ran:run
  spent:spend thought:think brought:bring built:build began:begin begun:begin became:become fell:fall fallen:fall
  rose:rise risen:rise shot:shoot struck:strike knew:know known:know wrote:write written:write spoke:speak
  spoken:speak chose:choose chosen:choose drove:drive driven:drive fought:fight caught:catch taught:teach
  sent:send kept:keep felt:feel stood:stand sought:seek upheld:uphold withdrew:withdraw withdrawn:withdraw
  overtook:overtake forbade:forbid forbidden:forbid hid:hide hidden:hide stole:steal stolen:steal froze:freeze
  frozen:freeze broke:break broken:break woke:wake swore:swear sworn:swear bore:bear borne:bear tore:tear
  torn:tear wore:wear worn:wear drew:draw drawn:draw grew:grow grown:grow threw:throw thrown:throw flew:fly
  flown:fly ate:eat eaten:eat fed:feed fled:flee bled:bleed bred:breed slept:sleep swept:sweep wept:weep
  lent:lend bent:bend sank:sink sunk:sink rang:ring rung:ring sang:sing sung:sing swam:swim swum:swim
  hung:hang dealt:deal meant:mean heard:hear sat:sit laid:lay understood:understand
  forgot:forget forgotten:forget forgave:forgive forgiven:forgive undertook:undertake undertaken:undertake
  overcame:overcome arose:arise arisen:arise shook:shake shaken:shake suing:sue sued:sue`
    .trim()
    .split(/\s+/)
    .map((pair) => pair.split(':') as [string, string]),
);

/** The lemma of a normalised word: the corpus table first, else the suffix rules, preferring a corpus lemma. */
export function lemmatizeWord(word: string, lemmas: LemmaMap): string {
  const known = lemmas.get(word) ?? IRREGULAR.get(word);
  if (known !== undefined) return known;
  const stem = stemWord(word);
  if (stem === word) return stem;
  let values = knownLemmas.get(lemmas);
  if (!values) {
    values = new Set(lemmas.values());
    knownLemmas.set(lemmas, values);
  }
  // "fined" -> "fin" by the rules; the corpus says "fine".
  return !values.has(stem) && values.has(`${stem}e`) ? `${stem}e` : stem;
}

/** Whether a word is a function word; acronyms written in capitals ("US", "IT") are kept. */
export function isStopWord(raw: string, norm: string): boolean {
  if (raw.length >= 2 && raw === raw.toUpperCase() && /\p{Lu}/u.test(raw)) return false;
  return STOP_WORDS.has(norm) || norm.length < 2;
}

/** The content terms of a text, lemmatised, with offsets: the tokenizer of the index and of the questions. */
export function extractTerms(text: string, lemmas: LemmaMap): Term[] {
  const out: Term[] = [];
  for (const w of splitWords(text)) {
    const norm = normalizeWord(w.text);
    if (!norm || isStopWord(w.text, norm)) continue;
    out.push({ term: lemmatizeWord(norm, lemmas), start: w.start, end: w.end });
  }
  return out;
}

/** Whether two terms are forms of one word family ("canada"/"canadian", "approve"/"approval"). */
export function relatedTerms(a: string, b: string): boolean {
  if (a === b) return true;
  const short = Math.min(a.length, b.length);
  if (short < 4 || /^\d/.test(a) || /^\d/.test(b)) return false;
  let common = 0;
  while (common < short && a[common] === b[common]) common++;
  return common >= Math.min(short, Math.max(5, short - 2)) && Math.max(a.length, b.length) - common <= 5;
}

const spellings = new Map<string, string>();

/**
 * One spelling for British and American forms of a word ("centre"/"center", "programme"/"program",
 * "organise"/"organize", "defence"/"defense", "labour"/"labor"), so a question meets the article's spelling.
 */
export function spellingKey(term: string): string {
  let key = spellings.get(term);
  if (key === undefined) {
    key =
      term.length < 5
        ? term
        : term
            .replace(/([^aeiou])re$/, '$1er')
            .replace(/our$/, 'or')
            .replace(/is(e|ed|es|ing|ation|ations)$/, 'iz$1')
            .replace(/([^aeiou])ence$/, '$1ense')
            .replace(/mme$/, 'm')
            .replace(/ogue$/, 'og');
    if (spellings.size > 50_000) spellings.clear();
    spellings.set(term, key);
  }
  return key;
}
