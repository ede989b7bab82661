/**
 * People in sentences: which name a sentence attributes speech to, what role the article gives a person
 * ("Health minister Clara Jensen", "Lee Park, head of ...", "the party's leader, Ann Lee,"), and the full
 * form of a surname. Patterns of English apposition over the index's name spans; who facts come first when
 * the extractor found them.
 */
import { normalizeChars } from '../nlp/normalize.ts';
import { STOP_WORDS } from '../nlp/stopwords.ts';
import type { IndexedSentence, SearchIndex } from '../search/index.ts';
import { ORG_HEADS, ROLE_NOUNS, SPEECH_VERBS, TITLE_WORDS } from '../search/lexicon.ts';
import {
  lemmatizeWord,
  normalizeWord,
  relatedTerms,
  splitWords,
  stemWord,
  type Word,
} from '../search/terms.ts';

/** A name as written in one sentence. */
export interface NameMention {
  sentence: number;
  text: string;
  start: number;
  end: number;
}

const ORG_WORDS =
  /\b(?:Ministry|Council|Group|Institute|Association|Court|Party|Agency|Department|Office|Bank|Fund|Company|Corporation|Corp|Inc|Ltd|University|College|School|Network|Union|Government|Commission|Committee|Forum|Foundation|Church|Army|Police|Service|News|Times|Post|Press|Club|League|Federation|Authority|Board|Parliament|Senate|Congress|Assembly|Embassy|Hospital|Centre|Center|Society|Trust|Organisation|Organization|Programme|Program|Initiative|Fair|Museum|Airlines?|Motors|Systems|Holdings|Partners|Capital|Media|Television|Radio|Studios?|Industries|Nations|States|Republic|Kingdom|Region|City|County|Province|Street|Square|Bridge|River|Lake|Island|Mountains?)\b/;

const PRONOUN_SUBJECT = /^(?:he|she|they|we|i)$/i;
const PRONOUN = /^(?:he|she|they|we|i|it|you)$/i;

const SPEAKER_AFTER =
  /^(?:\s*|\s+(?:Mr|Mrs|Ms|Dr|Sir|Prof|Dame|Lord)\.?\s+|\s+(?:the\s+|a\s+|an\s+)?[^,;:.!?"\u201c\u201d]{0,60},\s+|[^,;:]{0,40}\bby\s+(?:\p{Lu}[\p{L}.]*\s+){0,2})$/u;

/** What may stand between a speaker's name and the speech verb: nothing, an appositive, an adverb or auxiliary. */
const SPEAKER_GAP =
  /^(?:\s*|\s*,\s*|\s*,[^"\u201c\u201d]*,\s*|(?:\s+(?:\w+ly|has|have|had|also|later|again|then|would|will|could|did|does|not|never))+\s+)$/u;

function lemmaOf(word: string, index: SearchIndex): string {
  return lemmatizeWord(normalizeWord(word), index.lemmas);
}

function isRoleWord(word: string, index: SearchIndex): boolean {
  const w = word.toLowerCase();
  return ROLE_NOUNS.has(w) || ROLE_NOUNS.has(lemmaOf(word, index));
}

/** The names of one article, computed once per index and article: the question path looks them up often. */
interface ArticleNames {
  bySentence: Map<number, NameMention[]>;
  /** Mentions by each of their lower-case words: a subject's mentions all hold its last word. */
  byWord: Map<string, NameMention[]>;
  /** Last word of a multi-word name -> the longest such name ("Smith" -> "Anna Smith"). */
  full: Map<string, string>;
}

const nameCache = new WeakMap<SearchIndex, Map<string, ArticleNames>>();

/** A word of a sentence with its lemma. */
export interface LemmaWord extends Word {
  lemma: string;
}

const wordCache = new WeakMap<IndexedSentence, LemmaWord[]>();

/** The words of a sentence with their lemmas, split once per sentence. */
export function wordsOf(index: SearchIndex, s: IndexedSentence): LemmaWord[] {
  let words = wordCache.get(s);
  if (!words) {
    words = splitWords(s.text).map((w) => ({
      ...w,
      lemma: lemmatizeWord(normalizeWord(w.text), index.lemmas),
    }));
    wordCache.set(s, words);
  }
  return words;
}

function articleNames(index: SearchIndex, article: string): ArticleNames {
  let byArticle = nameCache.get(index);
  if (!byArticle) {
    byArticle = new Map();
    nameCache.set(index, byArticle);
  }
  const cached = byArticle.get(article);
  if (cached) return cached;
  const names: ArticleNames = { bySentence: new Map(), byWord: new Map(), full: new Map() };
  const entry = index.byId.get(article);
  for (let id = entry?.first ?? 0; entry && id < entry.first + entry.count; id++) {
    const s = index.sentences[id];
    if (!s) continue;
    const mentions = s.spans
      .filter((sp) => sp.kind === 'name')
      .map((sp) => ({ sentence: id, text: s.text.slice(sp.start, sp.end), start: sp.start, end: sp.end }));
    names.bySentence.set(id, mentions);
    for (const m of mentions) {
      for (const w of new Set(nameWords(m.text))) {
        const list = names.byWord.get(w);
        if (list) list.push(m);
        else names.byWord.set(w, [m]);
      }
      const parts = m.text.split(/\s+/);
      const last = parts.at(-1);
      const known = last ? names.full.get(last) : undefined;
      if (
        last &&
        parts.length > 1 &&
        parts.length <= 4 &&
        (!known || known.split(/\s+/).length < parts.length)
      ) {
        names.full.set(last, m.text);
      }
    }
  }
  byArticle.set(article, names);
  return names;
}

/**
 * The speech verbs of a sentence: words whose lemma is a speech verb, used as a verb ("put the question to"
 * and "a statement of" are nouns).
 */
export function speechVerbs(index: SearchIndex, s: IndexedSentence): LemmaWord[] {
  const words = wordsOf(index, s);
  return words.filter((w, i) => {
    const prev = words[i - 1]?.text ?? '';
    const next = words[i + 1]?.text.toLowerCase() ?? '';
    // "Islamic State", "the Reporters' Union": a capitalised word inside a sentence is part of a name.
    if (i > 0 && /^\p{Lu}/u.test(w.text)) return false;
    // "pointed out that ...": a verb and its particle report speech together.
    if (w.lemma === 'point' && next === 'out') return true;
    // The lemma table may hold a noun reading ("repeating"); the suffix rules give the verb.
    if (!SPEECH_VERBS.has(w.lemma) && !(/ing$/.test(w.lemma) && SPEECH_VERBS.has(stemWord(w.lemma))))
      return false;
    // "a statement of", "the say of" are nouns; "he said of his rival" is speech.
    const subject = /^(?:he|she|they|we|i|it|who)$/i.test(prev) || /^\p{Lu}/u.test(prev);
    return (
      !/^(?:the|a|an|this|that|his|her|its|their|our|my|your|no|any|each|every)$/i.test(prev) &&
      (next !== 'of' || subject)
    );
  });
}

/** The name spans of a sentence as mentions. */
export function namesIn(index: SearchIndex, id: number): readonly NameMention[] {
  const s = index.sentences[id];
  return s ? (articleNames(index, s.article).bySentence.get(id) ?? []) : [];
}

/** The longest name of the article that ends with this one: "Smith" -> "Anna Smith". */
export function fullName(index: SearchIndex, article: string, name: string): string {
  if (/\s/.test(name)) return name;
  return articleNames(index, article).full.get(name) ?? name;
}

/** Whether a name looks like a person's: two or three capitalised words without an organisation word, or titled. */
export function isPersonName(
  index: SearchIndex,
  article: string,
  name: string,
  s?: IndexedSentence,
): boolean {
  if (ORG_WORDS.test(name) || factKinds(index, article).get(name) === 'other') return false;
  const full = fullName(index, article, name);
  const parts = full.split(/\s+/);
  if (s) {
    const at = s.text.indexOf(name);
    const before = at > 0 ? s.text.slice(Math.max(0, at - 6), at) : '';
    if (/\b(?:Mr|Mrs|Ms|Dr|Sir|Prof|Dame|Lord)\.?\s$/.test(before)) return true;
  }
  return (
    parts.length >= 2 &&
    parts.length <= 4 &&
    parts.every((p) => /^\p{Lu}/u.test(p) || /^(?:van|de|von|bin|al)$/.test(p))
  );
}

const kindCache = new WeakMap<SearchIndex, Map<string, Map<string, 'person' | 'other'>>>();

/** The who facts' kind of each name and alias of an article: "Danish farmers" is a group, not a person. */
function factKinds(index: SearchIndex, article: string): Map<string, 'person' | 'other'> {
  let byArticle = kindCache.get(index);
  if (!byArticle) {
    byArticle = new Map();
    kindCache.set(index, byArticle);
  }
  let kinds = byArticle.get(article);
  if (!kinds) {
    kinds = new Map();
    for (const f of index.factsOf.get(article) ?? []) {
      if (f.kind !== 'who') continue;
      const kind = f.item.kind === 'person' ? 'person' : 'other';
      for (const n of [f.item.name, ...f.item.aliases]) if (!kinds.has(n)) kinds.set(n, kind);
    }
    byArticle.set(article, kinds);
  }
  return kinds;
}

/** Whether a mention (or its surname) refers to the named subject of a question. */
export function matchesSubject(mention: string, subject: string): boolean {
  const a = nameWords(mention);
  const b = nameWords(subject);
  const key = keyWord(b);
  if (!a.length || !key) return false;
  return a.includes(key) || b.every((w) => a.includes(w));
}

/** The word a name is known by: its last (a surname), or its last distinctive one before a generic head. */
function keyWord(words: readonly string[]): string | undefined {
  const last = words.at(-1);
  if (!last || words.length === 1 || !ORG_HEADS.has(last)) return last;
  return [...words].reverse().find((w) => !ORG_HEADS.has(w) && !/^(?:of|the|for|and)$/.test(w)) ?? last;
}

const nameWordMemo = new Map<string, string[]>();

/** The lower-case words of a name without titles or possessive endings, memoised: names recur. */
function nameWords(name: string): string[] {
  let words = nameWordMemo.get(name);
  if (!words) {
    words = name
      .split(/\s+/)
      .map((w) => w.replace(/(?:'s|\u2019s|'|\u2019)$/u, '').toLowerCase())
      .filter((w) => w && !TITLE_WORDS.has(w));
    if (nameWordMemo.size > 20_000) nameWordMemo.clear();
    nameWordMemo.set(name, words);
  }
  return words;
}

/** Whether a text names the entity (by its key word, as articles shorten "Anna Smith" to "Smith"). */
export function textMentions(text: string, name: string): boolean {
  const key = keyWord(nameWords(name));
  if (!key) return false;
  return splitWords(text).some((w) => relatedTerms(normalizeWord(w.text), key));
}

function wordsBefore(index: SearchIndex, s: IndexedSentence, at: number): LemmaWord[] {
  return wordsOf(index, s).filter((w) => w.end <= at);
}

/** "Ruritanian Transport Ministry spokesman Tom Reyes": the title-like words right before the name. */
function roleBefore(index: SearchIndex, s: IndexedSentence, m: { start: number }): string | null {
  const prefix = s.text.slice(0, m.start);
  const words = wordsBefore(index, s, m.start);
  let i = words.length - 1;
  while (i >= 0 && TITLE_WORDS.has((words[i]?.text ?? '').toLowerCase())) i--;
  const head = words[i];
  if (!head || !isRoleWord(head.text, index)) return null;
  if (/[,;:(")\]]\s*$/.test(prefix.slice(head.end, words[i + 1]?.start ?? m.start))) return null;
  let from = i;
  let nouns = 0;
  for (let j = i - 1; j >= 0; j--) {
    const w = words[j];
    const next = words[j + 1];
    if (!w || !next) break;
    if (/[,;:()"\u201c\u201d]/.test(s.text.slice(w.end, next.start))) break;
    const lower = w.text.toLowerCase();
    const capital = /^\p{Lu}/u.test(w.text) && j > 0;
    const possessive = /(?:'s|\u2019s|s'|s\u2019)$/u.test(s.text.slice(w.start, next.start).trim());
    if (/^(?:to|of|for|at)$/.test(lower) && words[j - 1] && isRoleWord(words[j - 1]?.text ?? '', index)) {
      from = j - 1;
      j--;
      continue;
    }
    if (
      capital ||
      possessive ||
      isRoleWord(w.text, index) ||
      /^(?:chief|senior|deputy|vice|former|acting|interim|cabinet|opposition|government|coalition|army|navy|club|company|hospital|university|bank|assistant|junior|lead|principal|general|executive|managing|foreign|home|health|finance|defence|defense|justice|interior|economy|trade|education|transport|environment|communications|press|city|state|federal|national|regional|local|union|party|team|medical|research|legal|economic|political|military|police|shadow)$/.test(
        lower,
      )
    ) {
      from = j;
      continue;
    }
    // "board members Tom Hale": up to two more nouns of the title, not a verb, an adverb or a function word.
    if (
      /^\p{Ll}/u.test(w.text) &&
      !STOP_WORDS.has(lower) &&
      !/(?:ly|ed|ing)$/.test(lower) &&
      !SPEECH_VERBS.has(w.lemma) &&
      nouns < 2
    ) {
      nouns++;
      from = j;
      continue;
    }
    if (
      j === 0 &&
      /^\p{Lu}/u.test(w.text) &&
      !/^(?:The|A|An|But|And|His|Her|Their|Its|Our|When|After|Then)$/.test(w.text)
    ) {
      from = j;
      continue;
    }
    break;
  }
  const first = words[from];
  return first ? s.text.slice(first.start, head.end) : null;
}

const SAID = /^\s+(?:said|says|told|added|explained|warned|argued|claimed|stated)\b/;

const APPOSITIVE_END =
  /^([^,;:()"\u201c\u201d]{3,140}?)(?=,|\.\s*$|;|\s+(?:said|says|told|added|explained|warned|argued|claimed|stated)\b)/;

/** "Lee Park, head of the group, said": the phrase between commas after the name. */
function roleAfter(index: SearchIndex, s: IndexedSentence, m: { end: number }): string | null {
  const rest = s.text.slice(m.end);
  const who =
    /^,\s+who\s+(?:is|was|has been|had been|became|serves as|served as)\s+((?:the|a|an)\s+[^,;.]{3,120})/.exec(
      rest,
    );
  if (who?.[1] && hasRoleWord(index, who[1])) return who[1].trim();
  const after = rest.replace(/^,\s+/, '');
  const app = /^,\s+/.exec(rest) ? APPOSITIVE_END.exec(after) : null;
  const phrase = app?.[1]?.trim();
  // "Ivo Brandt, the company said.": a phrase its speech verb follows without a comma said the sentence.
  if (app?.[1] && SAID.test(after.slice(app[1].length))) return null;
  if (!phrase || /^(?:who|which|where|whose|and|but|aged?\b|\d)/i.test(phrase)) return null;
  if (/\b(?:who|which|that)\b/i.test(phrase) || splitWords(phrase).length > 14) return null;
  // An appositive is a noun phrase ("head of the group", "Norland's Chief Minister"), not a new clause
  // ("Smith spoke to reporters").
  if (/^\p{Lu}[\p{L}-]*\s+\p{Ll}/u.test(phrase) && !/^\p{Lu}[\p{L}-]*(?:'s|s'|\u2019s)\s/u.test(phrase))
    return null;
  if (hasRoleWord(index, phrase) || /^(?:the|a|an)\s/i.test(phrase)) return phrase;
  return null;
}

/** "The party's transport spokeswoman, Ann Lee, said": the phrase before ", NAME,". */
function roleBeforeComma(
  index: SearchIndex,
  s: IndexedSentence,
  m: { start: number; end: number },
): string | null {
  const before = s.text.slice(0, m.start);
  if (!/,\s*$/.test(before) || !/^\s*(?:[,.;:)]|$)/.test(s.text.slice(m.end))) return null;
  const chunk = before.replace(/,\s*$/, '');
  const from = Math.max(
    chunk.lastIndexOf(','),
    chunk.lastIndexOf(';'),
    chunk.lastIndexOf(':'),
    chunk.lastIndexOf(' - '),
  );
  const all = splitWords(chunk.slice(from + 1));
  // "The leader of the Harbour Trust, Ann Lee,": the role noun may come before "of <Name>".
  let headAt = all.length - 1;
  const ofName = /\s(?:of|for|at)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'\u2019-]*\s*)+$/u.exec(chunk.slice(from + 1));
  if (ofName) headAt = all.filter((w) => w.end <= (ofName.index ?? 0)).length - 1;
  const words = all.slice(0, headAt + 1);
  const last = words.at(-1);
  if (!last || !isRoleWord(last.text, index)) return null;
  // Walk back over the noun phrase: "The Green Party's council leader", "its founder".
  let i = words.length - 1;
  while (i > 0) {
    const w = words[i - 1];
    if (!w || words.length - i >= 8) break;
    const lower = w.text.toLowerCase();
    if (
      /^(?:of|for|to|at|in|on|with|by|from|and|but|while|as|meanwhile|is|was|are|were|has|have|had|said|says)$/.test(
        lower,
      )
    )
      break;
    i--;
    if (/^(?:the|a|an|its|his|her|their|our|my)$/.test(lower)) break;
  }
  const start = words[i];
  return start ? chunk.slice(from + 1 + start.start).trim() : null;
}

/** "A solar kettle called Emberly": the description a name is given with "called", "named", "known as". */
function roleCalled(s: IndexedSentence, m: { start: number }): string | null {
  const before = /\b((?:a|an|the)\s+[^,;:.()"]{2,50}?)\s+(?:called|named|known as|dubbed)\s+$/i.exec(
    s.text.slice(0, m.start),
  );
  return before?.[1] ?? null;
}

/**
 * "He's the chair of the trust.": the role a sentence gives the person the sentence before ended on,
 * through a pronoun and "is/was".
 */
export function roleInNext(index: SearchIndex, id: number, subject: string): string | null {
  const s = index.sentences[id];
  if (!s) return null;
  // The splitter may keep "... says Ann Lee, MD. She's the director ..." as one sentence.
  const inside = /[.;]\s+(?:She|He)\b/u.exec(s.text)?.index ?? s.text.length;
  const people = namesIn(index, id).filter(
    (m) => m.end <= inside && isPersonName(index, s.article, m.text, s),
  );
  const last = people.at(-1);
  if (!last || !matchesSubject(last.text, subject)) return null;
  const next = index.sentences[id + 1];
  const follow = next && next.article === s.article && next.paragraph === s.paragraph ? next.text : '';
  const text = `${s.text.slice(last.end).replace(/^.*?[.;]\s+(?=(?:She|He)\b)/u, '')} ${follow}`;
  const m =
    /(?:^|[.;]\s+)(?:She|He)(?:'s|\u2019s| is| was| has been| had been)\s+((?:the|a|an)\s+[^;:.()"]{3,200}?)(?=[;.]|$)/u.exec(
      /^(?:She|He)\b/.test(text) ? text : follow,
    );
  return m?.[1] && hasRoleWord(index, m[1]) ? m[1] : null;
}

/** "as prime minister" in a sentence that names only this person. */
function roleAs(index: SearchIndex, s: IndexedSentence): string | null {
  const m = /\bas (?:the |a |an )?((?:[\p{L}'-]+ ){0,3}[\p{L}'-]+)/u.exec(s.text);
  if (!m?.[1]) return null;
  const words = splitWords(m[1]);
  const cut = words.findIndex((w) => isRoleWord(w.text, index));
  const head = words[cut];
  return head ? m[1].slice(0, head.end) : null;
}

function hasRoleWord(index: SearchIndex, phrase: string): boolean {
  return splitWords(phrase).some((w) => isRoleWord(w.text, index));
}

/** The roles the article gives a person in one sentence, in the order written. */
export function rolesInSentence(index: SearchIndex, id: number, subject: string): string[] {
  let known = roleCache.get(index);
  if (!known) {
    known = new Map();
    roleCache.set(index, known);
  }
  const key = `${id}\u0000${subject}`;
  let roles = known.get(key);
  if (!roles) {
    roles = findRoles(index, id, subject);
    if (known.size > 50_000) known.clear();
    known.set(key, roles);
  }
  return roles;
}

/** Roles per index, sentence and subject: who and role questions look the same sentences up again. */
const roleCache = new WeakMap<SearchIndex, Map<string, string[]>>();

function findRoles(index: SearchIndex, id: number, subject: string): string[] {
  const s = index.sentences[id];
  if (!s) return [];
  const out: string[] = [];
  const mentions = namesIn(index, id).filter((m) => matchesSubject(m.text, subject));
  for (const m of mentions) {
    const found = [
      roleBefore(index, s, m),
      roleAfter(index, s, m),
      roleBeforeComma(index, s, m),
      roleCalled(s, m),
    ];
    for (const role of found) if (role && !out.includes(role)) out.push(role);
  }
  // "cabinet ministers Ann Lee and Tom Hale": the second of a pair titled together shares the title.
  const all = namesIn(index, id);
  for (const m of mentions) {
    if (out.length > 0) break;
    const prev = all.filter((p) => p.end <= m.start).at(-1);
    if (!prev || !/^\s*(?:,|and|&)\s*$/.test(s.text.slice(prev.end, m.start))) continue;
    const shared = roleBefore(index, s, prev);
    if (shared) out.push(shared);
  }
  if (mentions.length > 0 && out.length === 0) {
    const people = all.filter((m) => isPersonName(index, s.article, m.text, s));
    const role = roleAs(index, s);
    if (role && people.every((p) => matchesSubject(p.text, subject))) out.push(role);
  }
  return out;
}

/** Every sentence of an article that names the subject. */
export function mentionsOf(index: SearchIndex, article: string, subject: string): number[] {
  const out: number[] = [];
  const key = keyWord(nameWords(subject)) ?? '';
  for (const m of articleNames(index, article).byWord.get(key) ?? []) {
    if (out.at(-1) !== m.sentence && matchesSubject(m.text, subject)) out.push(m.sentence);
  }
  return out;
}

/** An article's who facts with roles that read like roles, computed once per index and article. */
const whoCache = new WeakMap<
  SearchIndex,
  Map<string, Array<{ names: string[]; roles: string[]; sentences: number[] }>>
>();

function whoRoles(
  index: SearchIndex,
  article: string,
): Array<{ names: string[]; roles: string[]; sentences: number[] }> {
  let byArticle = whoCache.get(index);
  if (!byArticle) {
    byArticle = new Map();
    whoCache.set(index, byArticle);
  }
  let people = byArticle.get(article);
  if (!people) {
    people = [];
    for (const f of index.factsOf.get(article) ?? []) {
      if (f.kind !== 'who') continue;
      // A role reads like one: a few words holding a role noun ("Ruritanian Foreign Ministry spokesperson").
      const roles = f.item.roles.filter((r) => splitWords(r).length <= 8 && hasRoleWord(index, r));
      if (roles.length)
        people.push({ names: [f.item.name, ...f.item.aliases], roles, sentences: f.sentences });
    }
    byArticle.set(article, people);
  }
  return people;
}

/** Roles from the who facts of an article for the subject. */
export function factRoles(
  index: SearchIndex,
  article: string,
  subject: string,
): { roles: string[]; sentences: number[] } {
  for (const p of whoRoles(index, article)) {
    if (p.names.some((n) => matchesSubject(n, subject) || matchesSubject(subject, n))) {
      return { roles: p.roles, sentences: p.sentences };
    }
  }
  return { roles: [], sentences: [] };
}

/** The person a sentence names next to one of its speech verbs ("Anna Smith said", "said Anna Smith."). */
function namedSpeaker(index: SearchIndex, id: number): NameMention | null {
  const s = index.sentences[id];
  if (!s) return null;
  const names = namesIn(index, id).filter(
    (m) => isPersonName(index, s.article, m.text, s) || hasTitleBefore(s, m),
  );
  let best: NameMention | null = null;
  let bestGap = Number.POSITIVE_INFINITY;
  for (const v of speechVerbs(index, s)) {
    for (const n of names) {
      // "said Anna Smith." names the speaker; "says Smith damaged ..." names who the claim is about, and
      // "The Rome marathon winner says" names no one.
      const after = n.start >= v.end;
      if (after && /^\s+\p{Ll}/u.test(s.text.slice(n.end, n.end + 2))) continue;
      // After its verb a speaker comes at once ("said Ann Lee", "said Dr Lee", "said the party's leader, Ann
      // Lee"); a name further on is what the words are about ("said she would not stand against Okafor").
      if (after && !SPEAKER_AFTER.test(s.text.slice(v.end, n.start))) continue;
      if (!after && !SPEAKER_GAP.test(s.text.slice(n.end, v.start))) continue;
      const gap = after ? n.start - v.end : v.start - n.end;
      if (gap >= 0 && gap < bestGap && gap <= 120) {
        best = n;
        bestGap = gap;
      }
    }
  }
  return best;
}

/** Whether a speech verb of the sentence has this mention as its speaker ("Vantor said", "said Vantor,"). */
export function speaksIn(index: SearchIndex, id: number, m: { start: number; end: number }): boolean {
  const s = index.sentences[id];
  if (!s) return false;
  return speechVerbs(index, s).some((v) =>
    m.start >= v.end
      ? m.start - v.end <= 2 && !/^\s+\p{Ll}/u.test(s.text.slice(m.end, m.end + 2))
      : SPEAKER_GAP.test(s.text.slice(m.end, v.start)),
  );
}

/** The person a sentence attributes its words to: the name next to a speech verb, a claim fact, or "he" resolved. */
export function speakerOf(index: SearchIndex, id: number): NameMention | null {
  // A sentence's speaker does not depend on the question: work it out once per index and sentence.
  let known = speakerCache.get(index);
  if (!known) {
    known = new Map();
    speakerCache.set(index, known);
  }
  const cached = known.get(id);
  if (cached !== undefined) return cached;
  const speaker = findSpeaker(index, id);
  known.set(id, speaker);
  return speaker;
}

const speakerCache = new WeakMap<SearchIndex, Map<number, NameMention | null>>();

function findSpeaker(index: SearchIndex, id: number): NameMention | null {
  const s = index.sentences[id];
  if (!s) return null;
  const words = wordsOf(index, s);
  const verbs = speechVerbs(index, s);
  // A sentence that goes on with a quotation the one before opened is still that speaker's.
  if (verbs.length === 0 && opensQuote(index.sentences[id - 1], s)) return speakerOf(index, id - 1);
  // '"Patience is what I do best. I never shout at staff," he said.': a quotation the next sentence
  // closes and attributes.
  const following = index.sentences[id + 1];
  if (verbs.length === 0 && following && opensQuote(s, following) && speechVerbs(index, following).length > 0)
    return speakerOf(index, id + 1);
  // A point of a list introduced by "The minister also said:" is that speaker's.
  const intro = verbs.length === 0 ? listIntro(index, id) : null;
  if (intro !== null) return speakerOf(index, intro);
  const best = namedSpeaker(index, id);
  if (best) return best;
  // The claims extractor may know a speaker the patterns above miss (an organisation, a pronoun it resolved).
  for (const f of index.factsAt.get(id) ?? []) {
    if (f.kind !== 'claim' || !/^\p{Lu}/u.test(f.item.speaker) || PRONOUN.test(f.item.speaker)) continue;
    const mention = mentionBefore(index, id, f.item.speaker);
    if (mention) return mention;
  }
  const next = (v: LemmaWord) => words[words.indexOf(v) + 1]?.text ?? '';
  const prev = (v: LemmaWord) => words[words.indexOf(v) - 1]?.text ?? '';
  // "It said ...", "..., it said.": an organisation named as the subject of the sentence before.
  if (
    verbs.some((v) => /^(?:it|they)$/i.test(prev(v)) || /^(?:it|they)$/i.test(next(v))) ||
    (verbs.length > 0 && /^(?:It|They)\b/.test(s.text))
  ) {
    return firstNameBefore(index, id);
  }
  const pronoun = verbs.some((v) => PRONOUN_SUBJECT.test(prev(v)) || PRONOUN_SUBJECT.test(next(v)));
  if (!pronoun && !/^\s*["\u201c]/.test(s.text)) return null;
  return lastPersonBefore(index, id);
}

const LIST_ITEMS = 12;

/**
 * The sentence ending in "said:" that introduces a list this one-sentence paragraph belongs to, looking back
 * over the list's other points (short paragraphs of one sentence without a speech verb); null when there is none.
 */
export function listIntro(index: SearchIndex, id: number): number | null {
  const s = index.sentences[id];
  if (!s || !isListPoint(index, id)) return null;
  for (let i = id - 1; i >= 0 && id - i <= LIST_ITEMS; i--) {
    const prev = index.sentences[i];
    if (!prev || prev.article !== s.article) return null;
    if (/:\s*$/.test(prev.text)) return speechVerbs(index, prev).length > 0 ? i : null;
    if (!isListPoint(index, i)) return null;
  }
  return null;
}

/** A paragraph of one short sentence with no speech verb: how a list point reads once the bullets are gone. */
function isListPoint(index: SearchIndex, id: number): boolean {
  const s = index.sentences[id];
  const next = index.sentences[id + 1];
  const alone =
    s?.inParagraph === 0 && (!next || next.article !== s.article || next.paragraph !== s.paragraph);
  return s !== undefined && alone && s.text.length <= 200 && speechVerbs(index, s).length === 0;
}

/** Whether `prev` (of the same paragraph) leaves a quotation open that `s` continues. */
export function opensQuote(prev: IndexedSentence | undefined, s: IndexedSentence): boolean {
  if (!prev || prev.article !== s.article) return false;
  // A quotation running over paragraphs leaves its paragraph unclosed and opens the next one with a quotation
  // mark.
  const next =
    prev.paragraph === s.paragraph || (prev.paragraph === s.paragraph - 1 && /^\s*["\u201c]/.test(s.text));
  return next && (normalizeChars(prev.text).match(/"/g) ?? []).length % 2 === 1;
}

function hasTitleBefore(s: IndexedSentence, m: { start: number }): boolean {
  return /\b(?:Mr|Mrs|Ms|Dr|Sir|Prof|Dame|Lord)\.?\s$/.test(s.text.slice(Math.max(0, m.start - 6), m.start));
}

/** The first name (the subject, usually) of the sentence before, within the paragraph. */
function firstNameBefore(index: SearchIndex, id: number): NameMention | null {
  const s = index.sentences[id];
  const prev = index.sentences[id - 1];
  if (!s || !prev || prev.article !== s.article || prev.paragraph !== s.paragraph) return null;
  return namesIn(index, id - 1)[0] ?? null;
}

/** Where a name was last written, in this sentence or the ones before it in the paragraph. */
function mentionBefore(index: SearchIndex, id: number, name: string): NameMention | null {
  const s = index.sentences[id];
  for (let i = id; s && i >= 0; i--) {
    const prev = index.sentences[i];
    if (!prev || prev.article !== s.article || prev.paragraph !== s.paragraph) break;
    const at = prev.text.indexOf(name);
    if (at >= 0) return { sentence: i, text: name, start: at, end: at + name.length };
  }
  return null;
}

/** The last person named before a sentence, looking back through its paragraph and the one before. */
export function lastPersonBefore(index: SearchIndex, id: number): NameMention | null {
  const s = index.sentences[id];
  if (!s) return null;
  for (let i = id - 1; i >= 0; i--) {
    const prev = index.sentences[i];
    if (!prev || prev.article !== s.article || prev.paragraph < s.paragraph - 1) break;
    // "he" is most often the one who spoke last (resolved through the sentence's own "he added"), else the
    // sentence's first person (its subject).
    const spoke = speechVerbs(index, prev).length > 0 ? speakerOf(index, i) : null;
    const speaker =
      (spoke && isPersonName(index, prev.article, spoke.text) ? spoke : null) ??
      namedSpeaker(index, i) ??
      namesIn(index, i).find(
        (m) => isPersonName(index, prev.article, m.text, prev) || hasTitleBefore(prev, m),
      );
    if (speaker) return speaker;
  }
  return null;
}

/** "Anna Smith, Ruritanian Foreign Ministry spokesperson": a person's full name with the first role found. */
export function describePerson(index: SearchIndex, article: string, name: string): string {
  const full = fullName(index, article, name);
  if (!isPersonName(index, article, full)) return full;
  const fromFacts = factRoles(index, article, full).roles[0];
  if (fromFacts) return `${full}, ${fromFacts}`;
  for (const id of mentionsOf(index, article, full)) {
    const role = rolesInSentence(index, id, full)[0];
    if (role) return `${full}, ${role}`;
  }
  return full;
}

const topics = new WeakMap<SearchIndex, Map<string, Set<string>>>();

/** The names in an article's headline and standfirst, and the names most of it mentions: its topic. */
export function topicTerms(index: SearchIndex, article: string): Set<string> {
  let byArticle = topics.get(index);
  if (!byArticle) {
    byArticle = new Map();
    topics.set(index, byArticle);
  }
  let terms = byArticle.get(article);
  if (terms) return terms;
  const found = new Set<string>();
  const counts = new Map<string, number>();
  const entry = index.byId.get(article);
  const from = entry?.first ?? 0;
  const to = entry ? entry.first + entry.count : 0;
  for (let i = from; i < to; i++) {
    const s = index.sentences[i];
    if (!s) continue;
    const names = s.spans.filter((sp) => sp.kind === 'name');
    const inNames = new Set(
      s.terms.filter((_, k) => names.some((n) => (s.at[k] ?? -1) >= n.start && (s.at[k] ?? -1) < n.end)),
    );
    for (const t of inNames) {
      counts.set(t, (counts.get(t) ?? 0) + 1);
      if (s.kind === 'headline' || s.kind === 'standfirst') found.add(t);
    }
  }
  const often = Math.max(3, 0.2 * (to - from));
  for (const [t, n] of counts) if (n >= often) found.add(t);
  terms = found;
  byArticle.set(article, terms);
  return terms;
}

const headlines = new WeakMap<SearchIndex, Map<string, Set<string>>>();

/** The terms of an article's headline: what the whole article is about, whichever sentence is read. */
export function headlineTerms(index: SearchIndex, article: string): Set<string> {
  let byArticle = headlines.get(index);
  if (!byArticle) {
    byArticle = new Map();
    headlines.set(index, byArticle);
  }
  let terms = byArticle.get(article);
  if (terms) return terms;
  terms = new Set();
  const entry = index.byId.get(article);
  for (let i = entry?.first ?? 0; entry && i < entry.first + entry.count; i++) {
    const s = index.sentences[i];
    if (s?.kind === 'headline') for (const t of s.terms) terms.add(t);
  }
  byArticle.set(article, terms);
  return terms;
}
