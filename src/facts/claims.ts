/**
 * Attributed claims: who said, told, alleged, denied... what. A claim is anchored on a speech verb outside
 * quotation marks (or on "according to"); its speaker is the subject before the verb, the noun phrase after
 * it when the attribution is reversed ('"...," said X'), the antecedent of "who", the last person who spoke
 * or was the subject for "he"/"she", or the subject of the clause for a participle (", adding that ...").
 * Its content is the that-clause, the quote or the object after the verb, else the words before the
 * attribution; a quotation that runs over several sentences is followed to its end, and a wholly quoted
 * sentence right after a quoted claim in the same paragraph goes on with the same speaker.
 *
 * Speakers: the head of the phrase counts, not what follows a preposition ("Analyst X at <Firm>" is X, "the
 * government of <Country>" is the government, "a spokesperson for <Party>" is "<Party> spokesperson", "a
 * statement from <Firm>" is the firm). "he"/"she" never stand for someone the text titles or describes as the
 * other sex ("Mr", "spokeswoman"). Verbs that also take plain objects ("maintain", "find", "rule") attribute
 * only with a that-clause, a quotation or when they close the sentence (", the researchers found.").
 *
 * Decisions: `verb` is the lemma ("say", "tell", "allege", "according to"). `hedged` is true only when
 * hedging words surround the claim (allegedly, reportedly, unconfirmed, "not confirmed", could,
 * may, might, probably...) or the source is a vague plural ("reports", "sources"); the verb itself
 * ("allege", "claim") does not hedge, it is kept in `verb` for the reader to weigh. A speaker that is a
 * known entity gets its canonical name; "the agency's spokesman" becomes "<Agency> spokesman"
 * when the ministry was named before; otherwise the noun phrase is kept as written.
 */

import { matchKey } from '../nlp/normalize.ts';
import type { Sentence } from '../nlp/sentences.ts';
import type { Citation, ClaimItem, WhenItem, WhoItem } from '../schema.ts';
import { citeSpan } from './cite.ts';
import { type Entity, type EntityMention, type EntityTable, findEntities } from './entities.ts';
import { ORG_HEADS, ORG_NOUNS, ROLE_NOUNS } from './entities-lexicon.ts';
import type { Token, TokenizedSentence } from './entities-tokens.ts';
import {
  HEDGE_PHRASES,
  HEDGE_WORDS,
  OBJECT_VERBS,
  SOURCE_NOUNS,
  speechVerbClass,
  THAT_ONLY_VERBS,
  UNCONFIRMED_SOURCE,
  VAGUE_SOURCES,
} from './speech.ts';
import type { AnalyzedArticle } from './types.ts';

type HitKind = 'verb' | 'gerund' | 'according' | 'unnamed' | 'quoted-as';

/** A speech verb (or "according to") found in a sentence. */
interface Hit {
  kind: HitKind;
  /** Token index of the verb ("said", "according"). */
  at: number;
  /** First token after the verb phrase ("according to" and "point out" are two words). */
  after: number;
  lemma: string;
}

/** Who a hit attributes the words to, as found in the text. */
interface SpeakerSpan {
  /** Token range in the sentence, or null when the speaker comes from an earlier sentence. */
  start: number;
  end: number;
  pronoun: string | null;
  /** A relative clause about the source ("a report that could not be verified"). */
  relative: [number, number] | null;
  reversed: boolean;
  /** The verb sits in a relative clause set off by commas (", which claims ..., is"): its content ends there. */
  aside?: boolean;
  /** Same speaker as the previous attribution of the sentence (", adding that", "and condemned"). */
  shared?: boolean;
  /** The subject lies away from the verb (a participle's clause subject): it is not part of the attribution. */
  remote?: boolean;
  /** Where the subject's clause starts, when it is not the subject itself. */
  clause?: number;
}

interface Resolved {
  name: string;
  entity: Entity | null;
  vague: boolean;
}

interface Draft {
  hit: Hit;
  span: SpeakerSpan;
  speaker: Resolved;
  /** Token range of the attribution (speaker and verb) in the sentence. */
  attrStart: number;
  attrEnd: number;
  /** Where this attribution's clause begins, for ending the previous claim's content. */
  cutAt: number;
  continuation: boolean;
}

const BE = /^(is|are|was|were|be|been|being|'s|'re)$/;
const NEGATION = /^(not|n't|never|no)$/;
const SUBJECT_PRONOUNS = /^(he|she|it|they|we|i|you)$/;
const RELATIVE = /^(who|which|that)$/;
/** Pronouns "it"/"they" reach back this many sentences for an organisation or group that spoke. */
const NON_PERSON_REACH = 3;
/** A quotation is followed over at most this many further sentences. */
const MAX_QUOTE_SENTENCES = 5;

/** Who said, alleged, denied... what: attributed claims with their speaker, hedging and date. */
export function extractClaims(a: AnalyzedArticle, ctx: { who: WhoItem[]; when: WhenItem[] }): ClaimItem[] {
  const table = findEntities(a);
  const canonical = canonicalNames(ctx.who);
  const state: ReaderState = {
    lastPerson: null,
    lastPersonAt: -1,
    lastOther: null,
    claimed: new Set(),
    sentences: table.sentences,
    genders: knownGenders(table),
  };
  const paragraphs = new Map(a.article.paragraphs.map((p) => [p.n, p.text]));
  const out: ClaimItem[] = [];
  /** The last claim that quoted its speaker, and the last sentence it covers. */
  let quoted: { item: ClaimItem; end: number } | null = null;
  table.sentences.forEach((ts, si) => {
    if (ts.kind === 'caption' || ts.kind === 'headline') return;
    const drafts = readDrafts(table, ts, si, state);
    if (drafts.length === 0 && quoted && continuesQuote(ts, si, quoted.end, state)) {
      appendQuote(quoted.item, ts);
      state.claimed.add(si);
      quoted.end = si;
    }
    drafts.forEach((d, di) => {
      const claim = buildClaim(ts, si, d, drafts.slice(di + 1), drafts[di - 1], state);
      const entity = d.speaker.entity;
      const speaker = entity ? (canonical.get(matchKey(entity.name)) ?? entity.name) : d.speaker.name;
      const date = dateOf(ts, d, paragraphs.get(ts.sentence.paragraph) ?? '', ctx.when);
      if (!claim) {
        // 'X also said:' over a list of points, one paragraph each: every point is a claim.
        if (di === drafts.length - 1)
          for (const point of listAfterColon(ts, si, d, state)) out.push({ ...point, speaker, date });
        return;
      }
      const item = { ...claim, speaker, date };
      out.push(item);
      let end = si;
      while (state.claimed.has(end + 1)) end++;
      const cited = item.citations.map((c) => c.quote).join(' ');
      quoted = /["\u201c\u201d]/.test(cited) && ts.tokens.some((t) => t.quoted) ? { item, end } : null;
    });
    updateSubject(table, ts, si, state);
  });
  return out;
}

/**
 * '"We were brave," he said. "Maya was outstanding."': a sentence that is all quotation, right after a quoted
 * claim in the same paragraph and with no attribution of its own, goes on with the same speaker.
 */
function continuesQuote(ts: TokenizedSentence, si: number, end: number, state: ReaderState): boolean {
  const prev = state.sentences[end];
  if (si !== end + 1 || !prev || state.claimed.has(si)) return false;
  if (prev.sentence.paragraph !== ts.sentence.paragraph && !continuesParagraph(prev, si, state)) return false;
  return isWhollyQuoted(ts);
}

/**
 * A paragraph that goes on with the previous speaker: the quotation was left open at the end of the previous
 * paragraph (the convention for a quote running over paragraphs), or the new paragraph is all quotation with no
 * attribution of its own ('..." he said.' then '"We will need more buses."').
 */
function continuesParagraph(prev: TokenizedSentence, si: number, state: ReaderState): boolean {
  const first = state.sentences[si];
  if (first?.kind !== 'body' || first.tokens[0]?.quote !== 1) return false;
  if (prev.quotedAtEnd) return true;
  const own = state.sentences.filter((x) => x.sentence.paragraph === first.sentence.paragraph);
  return own.every(
    (x) =>
      findHits(x.tokens).length === 0 &&
      x.tokens.every((t) => t.quoted || t.quote !== 0 || !/[\p{L}\p{N}]/u.test(t.text)),
  );
}

/** A sentence that is all quotation: it opens with a quotation mark (or inside one) and never leaves it. */
function isWhollyQuoted(ts: TokenizedSentence): boolean {
  const tk = ts.tokens;
  const words = tk.filter((t) => /[\p{L}\p{N}]/u.test(t.text));
  const opens = tk[0]?.quote === 1 || (ts.quotedAtStart && tk[0]?.quote === 0);
  // Quotation marks only where the quotation opens (first) and closes (last, before the full stop at most).
  const inner = tk.slice(1).filter((t, k) => t.quote !== 0 && k < tk.length - 3);
  return opens && words.length >= 2 && words.every((t) => t.quoted) && inner.length === 0;
}

/** Adds a whole quoted sentence to a claim: its words without the quotation marks, and its citation. */
function appendQuote(item: ClaimItem, ts: TokenizedSentence): void {
  const s = ts.sentence;
  const inner = s.text.replace(/^["\u201c\u201d\s]+/u, '').replace(/["\u201c\u201d\s]+$/u, '');
  if (!inner) return;
  item.claim = `${item.claim.replace(/[.,;:]?(["\u201d]?)$/u, '.$1')} ${inner.replace(/[.]$/, '')}`;
  item.hedged = item.hedged || hedgedText(inner);
  item.citations.push(citeSpan(s, 0, s.text.length));
}

interface ReaderState {
  lastPerson: Entity | null;
  /** The sentence where `lastPerson` was last set. */
  lastPersonAt: number;
  lastOther: { resolved: Resolved; sentence: number } | null;
  /** Sentences already quoted by an earlier claim. */
  claimed: Set<number>;
  sentences: TokenizedSentence[];
  /** What "he" or "she" can stand for: from titles, gendered roles and earlier pronouns. */
  genders: Map<Entity, Gender>;
}

type Gender = 'm' | 'f';

const MALE_TITLES = /^(?:mr|sir|lord|messrs)\.?\s/i;
const FEMALE_TITLES = /^(?:mrs|ms|miss|dame|lady|mme)\.?\s/i;
const MALE_ROLES =
  /\b(?:spokesman|chairman|businessman|congressman|councilman|sportsman|husband|father|son|brother|widower|king|prince|grandfather|grandson|uncle|nephew|boyfriend|fiance)\b/i;
const FEMALE_ROLES =
  /\b(?:spokeswoman|chairwoman|businesswoman|congresswoman|councilwoman|sportswoman|actress|wife|mother|daughter|sister|widow|queen|princess|grandmother|granddaughter|aunt|niece|girlfriend|fiancee)\b/i;

/** The people whose sex the text states by a title ("Mr", "Ms") or a gendered role ("spokeswoman", "wife"). */
function knownGenders(table: EntityTable): Map<Entity, Gender> {
  const out = new Map<Entity, Gender>();
  for (const e of table.entities) {
    if (e.kind !== 'person') continue;
    const forms = [...e.mentions.map((m) => `${m.surface} `), ...e.roles.map((r) => ` ${r.text} `)];
    const male = forms.some((f) => MALE_TITLES.test(f) || MALE_ROLES.test(f));
    const female = forms.some((f) => FEMALE_TITLES.test(f) || FEMALE_ROLES.test(f));
    if (male !== female) out.set(e, male ? 'm' : 'f');
  }
  return out;
}

/** Canonical names by every name and alias the who list knows. */
function canonicalNames(who: WhoItem[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const w of who) {
    out.set(matchKey(w.name), w.name);
    for (const alias of w.aliases) if (!out.has(matchKey(alias))) out.set(matchKey(alias), w.name);
  }
  return out;
}

/** Finds the speech verbs of a sentence that attribute something, with their speakers. */
function readDrafts(table: EntityTable, ts: TokenizedSentence, si: number, state: ReaderState): Draft[] {
  const tk = ts.tokens;
  const drafts: Draft[] = [];
  for (const hit of findHits(tk)) {
    const span = findSpeaker(tk, hit, drafts[drafts.length - 1]);
    if (!span) continue;
    const speaker = resolveSpeaker(table, ts, si, span, hit, drafts[drafts.length - 1], state);
    if (!speaker) continue;
    const local = span.start >= 0 && !span.remote && !span.shared;
    const attrStart = local ? Math.min(span.start, hit.at) : hit.at;
    const attrEnd = local ? Math.max(span.end, hit.after) : hit.after;
    const before = tk[attrStart - 1];
    const continuation =
      hit.kind === 'gerund' ||
      hit.kind === 'according' ||
      before === undefined ||
      before.text === ',' ||
      before.text === ';' ||
      before.pos === 'CCONJ' ||
      before.quote === -1 ||
      // "X said ..., while Y said ...": a contrast opens a new attribution.
      (/^(while|whereas)$/.test(before.lower) && tk[attrStart - 2]?.text === ',');
    const cutAt =
      span.remote && span.start >= 0 ? Math.min(span.clause ?? span.start, span.start, hit.at) : attrStart;
    drafts.push({ hit, span, speaker, attrStart, attrEnd, cutAt, continuation });
    if (speaker.entity?.kind === 'person' && !span.pronoun) {
      state.lastPerson = speaker.entity;
      state.lastPersonAt = si;
    } else if (speaker.entity?.kind !== 'person' && !span.pronoun)
      state.lastOther = { resolved: speaker, sentence: si };
  }
  // 'The report adds "...", said Y': Y closes the sentence and is the one speaking; the document is quoted.
  const last = drafts[drafts.length - 1];
  const inner = drafts[drafts.length - 2];
  if (
    last &&
    inner &&
    last.span.reversed &&
    last.hit.kind === 'verb' &&
    inner.speaker.entity?.kind !== 'person' &&
    !inner.span.pronoun &&
    closesSentence(tk, last)
  ) {
    drafts.splice(drafts.length - 2, 1);
  }
  return drafts;
}

/** A reversed attribution (", said Y.") that ends its sentence. */
function closesSentence(tk: Token[], d: Draft): boolean {
  const after = tk[d.attrEnd];
  return (
    after === undefined || /^[.!?]$/.test(after.text) || (after.text === ',' && d.attrEnd >= tk.length - 6)
  );
}

/** Speech verbs outside quotation marks that are not negated, passive or infinitive. */
function findHits(tk: Token[]): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < tk.length; i++) {
    const t = tk[i];
    if (!t || t.quoted || t.quote !== 0) continue;
    if (t.lower === 'according' && tk[i + 1]?.lower === 'to') {
      hits.push({ kind: 'according', at: i, after: i + 2, lemma: 'according to' });
      continue;
    }
    const lemma = verbLemma(tk, i);
    if (!lemma) continue;
    let p = i - 1;
    while (tk[p]?.pos === 'ADV' && !NEGATION.test(tk[p]?.lower ?? '')) p--;
    const prev = tk[p];
    if (t.lower === 'saying' && tk[i - 1]?.lower === 'as' && tk[i - 2]?.lower === 'quoted') {
      hits.push({ kind: 'quoted-as', at: i, after: i + 1, lemma: 'say' });
      continue;
    }
    if (prev?.lower === 'to') continue;
    if (isNegated(tk, i) || isConditional(tk, i)) continue;
    if (prev && BE.test(prev.lower)) {
      if (tk[p - 1]?.lower === 'it' && /^(report|say|claim|allege|understand|believe|think)$/.test(t.lemma)) {
        hits.push({ kind: 'unnamed', at: i, after: i + 1, lemma: t.lemma });
      }
      continue;
    }
    // "the claims made by X", "a survey carried out by ...": a participle describing a noun.
    if (tk[i + 1]?.lower === 'by' && (prev?.pos === 'NOUN' || prev?.pos === 'PROPN')) continue;
    let after = i + 1;
    if (lemma === 'point') {
      if (tk[i + 1]?.lower !== 'out') continue;
      after = i + 2;
    }
    if (THAT_ONLY_VERBS.has(lemma) && !opensClause(tk, after)) continue;
    if (lemma === 'call' && !tk.slice(i + 1, i + 9).some((x) => x.quote === 1 || x.lower === 'for')) continue;
    const gerund = /ing$/.test(t.lower);
    // ", adding that", "by claiming", "X alleging": a participle attributes; "may change thinking" does not.
    const before = tk[i - 1];
    const attached =
      before !== undefined &&
      (before.text === ',' ||
        before.quote === -1 ||
        /^(by|while|after|before|without|when)$/.test(before.lower) ||
        before.pos === 'NOUN' ||
        before.pos === 'PROPN');
    if (gerund && !attached) continue;
    hits.push({ kind: gerund ? 'gerund' : 'verb', at: i, after, lemma });
  }
  return hits;
}

/**
 * What a that-only verb needs after it: "that" within a few words, a quotation or a colon, or nothing at all
 * (", the researchers found.": the words before are the content).
 */
function opensClause(tk: Token[], after: number): boolean {
  const next = tk[after];
  if (!next || /^[.,;!?]$/.test(next.text) || next.quote === -1) return true;
  if (next.quote === 1 || next.text === ':') return true;
  return tk.slice(after, after + 4).some((x) => x.lower === 'that' && x.pos === 'SCONJ');
}

/** "would not comment", "has never confirmed": a negation reaching the verb over auxiliaries and adverbs only. */
function isNegated(tk: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    const t = tk[k];
    if (!t) break;
    if (NEGATION.test(t.lower)) return true;
    if (!(t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART')) break;
  }
  return false;
}

/**
 * "if the panel finds that ...", "unless the board confirms ...": a verb in a condition reports nothing yet.
 * Only the verb's own clause counts (back to the last comma or semicolon), and only the writer's words.
 */
function isConditional(tk: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const t = tk[k];
    if (!t || t.text === ',' || t.text === ';' || t.text === ':' || t.quote !== 0) break;
    if (!t.quoted && /^(if|unless|whether)$/.test(t.lower)) return true;
  }
  return false;
}

/** The speech-verb lemma of token i, if it is one used as a verb. */
function verbLemma(tk: Token[], i: number): string | null {
  const t = tk[i];
  if (!t) return null;
  if (t.pos === 'VERB' && speechVerbClass(t.lemma)) return t.lemma;
  // wink sometimes tags "says"/"said" as nouns after a capitalised subject.
  const forms: Record<string, string> = { says: 'say', said: 'say', told: 'tell', adds: 'add', added: 'add' };
  const lemma = forms[t.lower];
  const nominal = t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ';
  if (lemma && nominal && tk[i - 1]?.pos !== 'DET') return lemma;
  // "a rival who claims ...": after a relative pronoun the word can only be the verb.
  if (nominal && /^(who|which)$/.test(tk[i - 1]?.lower ?? '') && speechVerbClass(t.lemma)) return t.lemma;
  // "the report states: ...": a noun subject, then a colon, "that" or a quotation.
  const next = tk[i + 1];
  const framed = next !== undefined && (next.text === ':' || next.lower === 'that' || next.quote === 1);
  const stem = t.lower.replace(/s$/, '');
  if (nominal && framed && /^(NOUN|PROPN)$/.test(tk[i - 1]?.pos ?? '') && speechVerbClass(stem)) return stem;
  return null;
}

const NP_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM', 'DET']);

function isNpToken(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.quote !== 0) return false;
  if (NP_POS.has(t.pos)) return true;
  if ((t.lower === "'s" || t.lower === "'") && (t.pos === 'PART' || t.pos === 'PUNCT')) return true;
  if (t.pos === 'PRON' && /^(his|her|its|their|our)$/.test(t.lower)) return true;
  return t.cap && /\p{L}/u.test(t.text);
}

/** The noun phrase ending at token `end` (inclusive), walking left: "adviser to the <Country> Prime Minister X". */
function leftNounPhrase(tk: Token[], end: number, withPrepositions = true): [number, number] | null {
  let i = end;
  if (!isNpToken(tk[i]) || tk[i]?.pos === 'DET') return null;
  let steps = 0;
  while (i > 0 && steps < 14) {
    const t = tk[i - 1];
    if (isNpToken(t) || isParticipleModifier(tk, i - 1) || isWordHyphen(tk, i - 1)) {
      if (t?.pos === 'DET') {
        i--;
        // "a spokesperson for the party", "X of the University of Y": the phrase goes on before the article.
        const prep = tk[i - 1];
        const joined =
          withPrepositions &&
          prep !== undefined &&
          /^(of|at|from|for)$/.test(prep.lower) &&
          isNpToken(tk[i - 2]) &&
          tk[i - 2]?.pos !== 'DET';
        if (!joined) break;
        i--;
        steps++;
        continue;
      }
      i--;
      steps++;
      continue;
    }
    if (
      withPrepositions &&
      t &&
      /^(of|to|at|from|for|in)$/.test(t.lower) &&
      isNpToken(tk[i - 2]) &&
      tk[i - 2]?.pos !== 'DET'
    ) {
      i -= 2;
      steps++;
      continue;
    }
    break;
  }
  return [i, end + 1];
}

/** A hyphen inside a word ("34-year-old"): wink splits it off, but it joins the word's parts. */
function isWordHyphen(tk: Token[], i: number): boolean {
  const t = tk[i];
  return t?.text === '-' && tk[i - 1]?.end === t.start && tk[i + 1]?.start === t.end;
}

/** "the returning officer", "a retired teacher": a participle between a determiner or adjective and a noun. */
function isParticipleModifier(tk: Token[], i: number): boolean {
  const t = tk[i];
  const next = tk[i + 1];
  return (
    t !== undefined &&
    t.pos === 'VERB' &&
    !t.cap &&
    /(ing|ed|en)$/.test(t.lower) &&
    next?.pos === 'NOUN' &&
    i > 0 &&
    /^(DET|ADJ|NOUN|PART|PRON)$/.test(tk[i - 1]?.pos ?? '')
  );
}

/** The noun phrase starting at token `start`, walking right: "the agency's spokesman". */
function rightNounPhrase(tk: Token[], start: number): [number, number] | null {
  let i = start;
  while (
    i < tk.length &&
    (isNpToken(tk[i]) || (i > start && (isParticipleModifier(tk, i) || isWordHyphen(tk, i)))) &&
    i < start + 12
  ) {
    if (i > start && (tk[i]?.pos === 'DET' || tk[i]?.pos === 'PRON')) break;
    i++;
  }
  if (i === start || (i === start + 1 && tk[start]?.pos === 'DET')) return null;
  return [start, i];
}

/** Finds who a hit attributes the words to, in the sentence (or marks a pronoun / earlier subject). */
function findSpeaker(tk: Token[], hit: Hit, prev: Draft | undefined): SpeakerSpan | null {
  const span = (
    start: number,
    end: number,
    reversed = false,
    relative: [number, number] | null = null,
  ): SpeakerSpan => ({
    start,
    end,
    pronoun: null,
    relative,
    reversed,
  });
  if (hit.kind === 'according') {
    let e = hit.after;
    while (e < tk.length && e < hit.after + 12 && !/^[,.;:]$/.test(tk[e]?.text ?? '') && tk[e]?.quote === 0)
      e++;
    return e > hit.after ? span(hit.after, e) : null;
  }
  if (hit.kind === 'unnamed') return span(hit.at - 2, hit.at);
  if (hit.kind === 'quoted-as') {
    let j = hit.at - 3;
    while (tk[j] && BE.test(tk[j]?.lower ?? '')) j--;
    const np = leftNounPhrase(tk, j);
    return np ? span(np[0], np[1]) : null;
  }
  if (hit.kind === 'gerund') {
    const before = tk[hit.at - 1];
    if (before && before.text !== ',' && !/^(by|while|when|after|before)$/.test(before.lower)) {
      const np = leftNounPhrase(tk, hit.at - 1);
      if (np) return span(np[0], np[1]);
    }
    if (prev) return { ...prev.span, start: -1, end: -1, shared: true };
    const subject = clauseSubject(tk, 0, hit.at);
    return subject ? { ...subject, remote: true } : null;
  }
  let j = hit.at - 1;
  while (
    tk[j] &&
    (tk[j]?.pos === 'ADV' ||
      tk[j]?.pos === 'AUX' ||
      (tk[j]?.pos === 'PART' && !NEGATION.test(tk[j]?.lower ?? '')))
  )
    j--;
  const t = tk[j];
  if (t?.pos === 'CCONJ') {
    // "was arrested and told ...": coordinated with a passive, so the subject is the one told.
    const before = tk[j - 1];
    if (before?.pos === 'VERB' && tk.slice(Math.max(0, j - 4), j - 1).some((x) => BE.test(x.lower)))
      return null;
    // "praised X and condemned Y": the coordinated verb shares the subject.
    if (prev) return { ...prev.span, start: -1, end: -1, shared: true };
    const subject = clauseSubject(tk, 0, j);
    return subject ? { ...subject, remote: true } : null;
  }
  // 'the "security agent" told him': a description in scare quotes, not the end of a quotation.
  const scare = t?.quote === -1 ? scareQuoted(tk, j) : null;
  if (scare) return span(scare[0], scare[1]);
  if (!t || t.text === ',' || t.quote === -1 || t.text === ':') {
    // '"...," told Reuters' names the listener, never the speaker.
    const after = hit.lemma === 'tell' ? null : reversedSpeaker(tk, hit.after);
    if (after) return span(after[0], after[1], true);
    if (t?.text === ',' && !tk[j - 1]?.quoted && tk[j - 1]?.quote === 0) {
      const from = clauseFrom(tk, j);
      const subject = clauseSubject(tk, from, j);
      if (!subject) return null;
      // "Another report, which could not be verified, claimed": the aside describes the source.
      const aside = tk.slice(subject.end, j).some((x) => RELATIVE.test(x.lower))
        ? ([subject.end, j] as [number, number])
        : null;
      return { ...subject, remote: true, clause: from, relative: subject.relative ?? aside };
    }
    return null;
  }
  if (t.pos === 'PRON' && SUBJECT_PRONOUNS.test(t.lower)) {
    // 'the "safe haven" it says it is': a clause describing the noun before it, not an attribution.
    const before = tk[j - 1];
    const quotedNoun = before?.quote === -1 && !/^[,.?!]$/.test(tk[j - 2]?.text ?? '');
    if (before && (before.pos === 'NOUN' || before.pos === 'PROPN' || quotedNoun)) return null;
    return { start: j, end: j + 1, pronoun: t.lower, relative: null, reversed: false };
  }
  if (RELATIVE.test(t.lower) && (t.pos === 'PRON' || t.pos === 'DET' || t.pos === 'SCONJ')) {
    let k = j - 1;
    const aside = tk[k]?.text === ',';
    if (aside) k--;
    const np = leftNounPhrase(tk, k, false);
    return np ? { ...span(np[0], np[1]), aside } : null;
  }
  if (t.pos === 'VERB' || t.pos === 'AUX') {
    // "A report that could not be verified claimed ...": the noun before the relative pronoun.
    for (let r = j; r > 0; r--) {
      const x = tk[r];
      if (!x || x.text === ',' || x.quote !== 0) break;
      if (RELATIVE.test(x.lower) && (tk[r - 1]?.pos === 'NOUN' || tk[r - 1]?.pos === 'PROPN')) {
        const np = leftNounPhrase(tk, r - 1);
        return np ? span(np[0], np[1], false, [r, hit.at]) : null;
      }
    }
    return null;
  }
  let np = leftNounPhrase(tk, j);
  if (!np) return null;
  // "A study published on Wednesday said": the date only says when; the phrase goes on before "on".
  const dateOnly = tk
    .slice(np[0], np[1])
    .every((x) => x.pos === 'NUM' || isWeekday(x.lower) || isMonth(x.lower));
  if (dateOnly && /^(on|in)$/.test(tk[np[0] - 1]?.lower ?? '')) {
    const k = np[0] - 2;
    const participle = tk[k]?.pos === 'VERB' && /(ed|en)$/.test(tk[k]?.lower ?? '');
    const before = leftNounPhrase(tk, participle ? k - 1 : k);
    if (before) np = before;
  }
  // "memos seen by X suggest": X only saw them; the memos speak.
  if (tk[np[0] - 1]?.lower === 'by' && tk[np[0] - 2]?.pos === 'VERB') {
    const agent = leftNounPhrase(tk, np[0] - 3, false);
    if (agent) return span(agent[0], agent[1]);
  }
  return span(np[0], np[1]);
}

/**
 * A noun phrase of at most four words in quotation marks after "the" or "a", closing at token `close`:
 * 'the "security agent"'. Null for the end of a real quotation.
 */
function scareQuoted(tk: Token[], close: number): [number, number] | null {
  const open = tk.findLastIndex((t, q) => q < close && t.quote === 1);
  if (open < 1 || close - open > 5 || !/^(the|a|an)$/.test(tk[open - 1]?.lower ?? '')) return null;
  const inner = tk.slice(open + 1, close);
  if (inner.length === 0 || !inner.every((t) => /^(NOUN|PROPN|ADJ|NUM)$/.test(t.pos))) return null;
  return [open - 1, close + 1];
}

/** '"...," said the agency's spokesman': the noun phrase after the verb, if it ends the clause. */
function reversedSpeaker(tk: Token[], from: number): [number, number] | null {
  let i = from;
  while (tk[i]?.pos === 'ADV') i++;
  const np = rightNounPhrase(tk, i);
  if (!np) return null;
  const after = tk[np[1]];
  if (after && !/^[.,;!?]$/.test(after.text) && after.quote !== -1) return null;
  if (!tk.slice(np[0], np[1]).some((t) => t.pos === 'NOUN' || t.pos === 'PROPN')) return null;
  return np;
}

/** Where the clause holding token `j` starts: after the last ", and", ", but" or ";" before it. */
function clauseFrom(tk: Token[], j: number): number {
  for (let k = j - 1; k > 0; k--) {
    const t = tk[k];
    if (t?.text === ';') return k + 1;
    if (t && (t.pos === 'CCONJ' || t.lower === 'while') && tk[k - 1]?.text === ',') return k + 1;
    // '..."Is that fair?" The party's spokeswoman, X, said': a quotation closed a sentence.
    if (t?.quote === -1 && /^[.?!]$/.test(tk[k - 1]?.text ?? '')) return k + 1;
  }
  return 0;
}

/**
 * The subject of the clause that ends before `limit`, skipping introductory phrases ("On <date>,",
 * "Asked about X,") and the appositions between the subject and its verb ("X, 32, from Y, said").
 */
function clauseSubject(tk: Token[], from: number, limit: number): SpeakerSpan | null {
  let c = from;
  for (let guard = 0; guard < 4 && c < limit; guard++) {
    while (c < limit && (tk[c]?.pos === 'CCONJ' || (tk[c]?.pos === 'ADV' && tk[c + 1]?.text === ','))) c++;
    if (tk[c]?.text === ',') {
      c++;
      continue;
    }
    const t = tk[c];
    if (t && (t.pos === 'ADP' || t.pos === 'SCONJ' || t.pos === 'VERB' || (t.pos === 'ADV' && !t.cap))) {
      const comma = tk.findIndex((x, k) => k > c && k < limit && x.text === ',');
      if (comma < 0) return null;
      c = comma + 1;
      continue;
    }
    break;
  }
  const t = tk[c];
  if (t?.pos === 'PRON' && SUBJECT_PRONOUNS.test(t.lower))
    return { start: c, end: c + 1, pronoun: t.lower, relative: null, reversed: false };
  const np = rightNounPhrase(tk, c);
  if (!np || np[1] > limit) return null;
  // "The party's transport spokeswoman, X, said", "The leader of the Y Party, X, said": prefer the name in
  // the apposition.
  let close = np[1];
  if (/^(?:of|at|for)$/.test(tk[close]?.lower ?? '')) {
    let k = close + 1;
    while (k < limit && k - close <= 6 && /^(?:DET|ADJ|NOUN|PROPN)$/.test(tk[k]?.pos ?? '')) k++;
    if (k > close + 1 && tk[k]?.text === ',') close = k;
  }
  if (tk[close]?.text === ',') {
    const next = rightNounPhrase(tk, close + 1);
    const last = tk[np[1] - 1];
    if (next && tk[next[1]]?.text === ',' && last && ROLE_NOUNS.has(last.lemma) && tk[close + 1]?.cap) {
      return { start: next[0], end: next[1], pronoun: null, relative: null, reversed: false };
    }
  }
  return { start: np[0], end: np[1], pronoun: null, relative: null, reversed: false };
}

/** Turns a speaker span into a name: an entity when the text names one, else the noun phrase. */
function resolveSpeaker(
  table: EntityTable,
  ts: TokenizedSentence,
  si: number,
  span: SpeakerSpan,
  hit: Hit,
  prev: Draft | undefined,
  state: ReaderState,
): Resolved | null {
  const tk = ts.tokens;
  if (span.shared) return prev ? prev.speaker : null;
  if (span.pronoun) return resolvePronoun(table, span.pronoun, si, state, span.start);
  if (span.start < 0) return null;
  if (hit.kind === 'unnamed') return { name: 'unnamed sources', entity: null, vague: true };
  // "X in <city> says": the place only locates the speaker.
  let end = span.end;
  const located = table.mentionsIn(si).find((m) => m.mention.end === span.end && m.entity.kind === 'place');
  const prep = located ? tk[located.mention.spanStart - 1] : undefined;
  if (located && prep && /^(in|at|from)$/.test(prep.lower) && located.mention.spanStart - 1 > span.start) {
    end = located.mention.spanStart - 1;
  }
  const mentions = table.mentionsIn(si).filter((m) => m.mention.end <= end && m.mention.start >= span.start);
  const headed = resolveHead(ts, span, end, mentions);
  if (headed) return headed;
  const last = mentions[mentions.length - 1];
  if (last && last.mention.end === end) return { name: last.entity.name, entity: last.entity, vague: false };
  // "X alleging that ...": a participle right after a noun attributes only when the noun names someone.
  if (hit.kind === 'gerund' && !span.remote) return null;
  let s = span.start;
  while (s < span.end && (tk[s]?.pos === 'CCONJ' || tk[s]?.pos === 'ADV')) s++;
  const words = tk.slice(s, end);
  // "No party claimed ...": nobody claimed anything.
  if (/^(no|none|nobody|neither)$/.test(words[0]?.lower ?? '')) return null;
  const definite = words[0]?.lower === 'the';
  // "its submission states", "her lawsuit says": the document speaks for its owner.
  const owner = words[0]?.lower ?? '';
  const document = words[words.length - 1];
  if (words.length === 2 && /^(its|his|her)$/.test(owner) && document && DOCUMENT_NOUNS.has(document.lemma)) {
    const who =
      owner === 'its'
        ? subjectOrg(table, si, s)
        : resolvePronoun(table, owner === 'his' ? 'he' : 'she', si, state)?.entity;
    if (who) return { name: who.name, entity: who, vague: false };
  }
  // 'the "security agent"': scare quotes around a description leave its head word inside them.
  const head = words.findLast((t) => t.quote === 0);
  // "the agency", "the agency's spokesman": the organisation named earlier with that head word.
  if (definite && head) {
    const possessed =
      words.length >= 4 && (words[2]?.lower === "'s" || words[2]?.lower === "'") ? words[1] : undefined;
    const orgWord = possessed ?? (words.length === 2 ? head : undefined);
    if (orgWord && ORG_HEADS.has(orgWord.lemma)) {
      const org =
        lastOrgWithHead(table, orgWord.lemma, si) ?? companyFor(table, orgWord.lemma, si, span.start);
      if (org) {
        if (!possessed) return { name: org.name, entity: org, vague: false };
        const role = ts.sentence.text.slice(words[3]?.start ?? 0, head.end);
        return { name: `${org.name} ${role}`, entity: null, vague: false };
      }
    }
    // "The city engineer", "the Harbour United boss", "the 34-year-old": the one person named before who fits.
    const described = describedPerson(table, ts, words.slice(1), si);
    if (described) return { name: described.name, entity: described, vague: false };
  }
  // "The weather may explain ...": only sources and people speak.
  const aged = /^\d{1,3}[- ]years?[- ]old$/.test(
    matchKey(ts.sentence.text.slice(words[1]?.start ?? 0, head?.end)),
  );
  if (!head || !((head.cap && !head.initial) || isSourceNoun(head) || (definite && aged))) return null;
  // "reports", "sources", "a report": as hedged as "reportedly"; "the report" is a known document.
  const indefinite = /^(a|an|another|one|some)$/.test(words[0]?.lower ?? '');
  const vague = VAGUE_SOURCES.has(head.lower) && (indefinite || head.lower.endsWith('s'));
  return { name: describeSource(ts, tk.slice(s, span.end), span), entity: null, vague };
}

/**
 * A speaker phrase whose head comes before a preposition or a participle: "Analyst X at <Firm>" is X, "a
 * spokesperson for <Party>" is the party's spokesperson, "the government of <Country>" and "a study published
 * in <Journal>" are the government and the study, not the country or the journal. Null when the phrase has no
 * such head.
 */
function resolveHead(
  ts: TokenizedSentence,
  span: SpeakerSpan,
  end: number,
  mentions: Array<{ entity: Entity; mention: EntityMention }>,
): Resolved | null {
  const tk = ts.tokens;
  const inside = (k: number) => mentions.some((m) => k >= m.mention.spanStart && k < m.mention.end);
  let head = -1;
  for (let k = span.start + 1; k < end; k++) {
    const t = tk[k];
    const before = tk[k - 1];
    if (!t || !before || inside(k) || !/^(NOUN|PROPN)$/.test(before.pos)) continue;
    const prep = t.pos === 'ADP' && /^(at|for|from|with|of|in|on)$/.test(t.lower);
    const participle = t.pos === 'VERB' && /(ed|en)$/.test(t.lower);
    if (prep || participle) {
      head = k;
      break;
    }
  }
  if (head < 0) return null;
  const prep = tk[head]?.lower ?? '';
  const own = mentions.filter((m) => m.mention.end <= head);
  const named = own[own.length - 1];
  if (named && named.mention.end === head) {
    const org = named.entity.kind === 'organization' && prep !== 'of';
    return named.entity.kind === 'person' || org
      ? { name: named.entity.name, entity: named.entity, vague: false }
      : null;
  }
  if (own.length > 0) return null;
  const last = tk[head - 1];
  if (!last || last.cap || !isSourceNoun(last)) return null;
  const object = mentions.find((m) => m.mention.spanStart > head);
  let first = span.start;
  while (first < head && /^(DET|CCONJ)$/.test(tk[first]?.pos ?? '')) first++;
  if (object?.entity.kind === 'organization' && /^(for|at|from|with)$/.test(prep) && first < head) {
    // "a statement from X" is X speaking; "a spokesperson for X" is X's spokesperson.
    if (!isRoleNoun(last)) return { name: object.entity.name, entity: object.entity, vague: false };
    const role = ts.sentence.text.slice(tk[first]?.start ?? 0, last.end);
    return { name: `${object.entity.name} ${role}`, entity: null, vague: false };
  }
  const vague = VAGUE_SOURCES.has(last.lower) && !/^(the|this|that)$/.test(tk[span.start]?.lower ?? '');
  return { name: describeSource(ts, tk.slice(span.start, span.end), span), entity: null, vague };
}

/** Role nouns that name the same post in news usage: "the club's boss" is its manager. */
const SAME_POST: readonly ReadonlySet<string>[] = [
  new Set(['boss', 'manager', 'coach', 'head', 'chief', 'gaffer']),
  new Set(['minister', 'secretary']),
  new Set(['leader', 'head', 'chief']),
];

/** Role nouns the text uses for the same post as `head` (itself included). */
function samePost(head: string): Set<string> {
  const out = new Set([head]);
  for (const group of SAME_POST) if (group.has(head)) for (const w of group) out.add(w);
  return out;
}

/** Modifiers a description adds without narrowing who it is: "the former minister", "the veteran coach". */
const LOOSE_MODIFIERS = /^(?:former|then|new|veteran|young|current|outgoing|embattled|beleaguered|ex)$/;

/**
 * The one person named up to sentence `si` whom a description (without its "the") fits: a role phrase
 * ("city engineer", "Harbour United boss") whose head is the head of a role the person was given, or one
 * that names the same post, and whose other words all occur in that role; or an age ("34-year-old") the text
 * gave the person (", 34," or "34-year-old X"). Null when nobody or several people fit.
 */
function describedPerson(
  table: EntityTable,
  ts: TokenizedSentence,
  words: Token[],
  si: number,
): Entity | null {
  const head = words[words.length - 1];
  if (!head) return null;
  const text = matchKey(ts.sentence.text.slice(words[0]?.start ?? 0, head.end));
  const seen = (e: Entity) => e.kind === 'person' && e.mentions.some((m) => m.sentence <= si);
  const age = /^(\d{1,3})[- ]years?[- ]old$/.exec(text)?.[1];
  if (age) return unique(table.entities.filter((e) => seen(e) && givenAge(table, e, age)));
  if (!ROLE_NOUNS.has(head.lemma)) return null;
  const posts = samePost(head.lemma);
  const mods = text
    .split(' ')
    .slice(0, -1)
    .filter((w) => !LOOSE_MODIFIERS.test(w));
  const fits = (role: string) => {
    const rw = matchKey(role).split(' ');
    const last = rw[rw.length - 1] ?? '';
    return (posts.has(last) || posts.has(last.replace(/s$/, ''))) && mods.every((m) => rw.includes(m));
  };
  // Someone named before fits; else, as in "The home secretary said ... Home Secretary X told ...", later.
  const fitting = table.entities.filter((e) => e.kind === 'person' && e.roles.some((r) => fits(r.text)));
  const before = fitting.filter((e) => seen(e) && e.roles.some((r) => r.sentence <= si && fits(r.text)));
  return before.length > 0 ? unique(before) : unique(fitting);
}

function unique(list: Entity[]): Entity | null {
  return list.length === 1 ? (list[0] ?? null) : null;
}

/** Whether the text gives the person this age: "X, 34," or "the 34-year-old X". */
function givenAge(table: EntityTable, e: Entity, age: string): boolean {
  return e.mentions.some((m) => {
    const tk = table.sentences[m.sentence]?.tokens ?? [];
    const after = tk[m.end]?.text === ',' && tk[m.end + 1]?.text === age;
    // "the 28-year-old X", "the 28-year-old midfielder X": the age a few words before the name.
    const ts = table.sentences[m.sentence];
    const from = tk[m.spanStart]?.start ?? 0;
    const lead = ts ? ts.sentence.text.slice(Math.max(0, from - 40), from) : '';
    const before = new RegExp(`\\b${age}[- ]years?[- ]old(?: [a-z]+){0,2} $`).test(lead);
    return after || before;
  });
}

function isRoleNoun(t: Token): boolean {
  return [t.lemma, t.lower, t.lower.replace(/s$/, '')].some((w) => ROLE_NOUNS.has(w));
}

function isSourceNoun(t: Token): boolean {
  // wink leaves capitalised plurals ("Experts") unlemmatised.
  return [t.lemma, t.lower, t.lower.replace(/s$/, '')].some(
    (w) =>
      ROLE_NOUNS.has(w) ||
      ORG_NOUNS.has(w) ||
      ORG_HEADS.has(w) ||
      SOURCE_NOUNS.has(w) ||
      VAGUE_SOURCES.has(w),
  );
}

/**
 * "he"/"she": the last person who spoke or was a subject, unless the sentence just before names other
 * people and not them (then the last person it names). "it"/"they": a recent organisation that spoke.
 */
function resolvePronoun(
  table: EntityTable,
  pronoun: string,
  si: number,
  state: ReaderState,
  at = -1,
): Resolved | null {
  if (pronoun === 'he' || pronoun === 'she') {
    // "She said" never stands for a "Mr", nor "he" for a "spokeswoman".
    const want: Gender = pronoun === 'he' ? 'm' : 'f';
    const fits = (e: Entity | null | undefined): e is Entity =>
      e !== null && e !== undefined && (state.genders.get(e) ?? want) === want;
    let person = fits(state.lastPerson) ? state.lastPerson : null;
    const before = table.mentionsIn(si - 1).filter((m) => m.entity.kind === 'person' && fits(m.entity));
    const recent = before[before.length - 1]?.entity;
    if (recent && state.lastPersonAt < si && !before.some((m) => m.entity === person)) person = recent;
    // Nobody fits nearby: the last person of that sex named in the few sentences before.
    for (let k = si - 2; !person && k >= Math.max(0, si - NON_PERSON_REACH - 1); k--) {
      const named = table.mentionsIn(k).filter((m) => m.entity.kind === 'person' && fits(m.entity));
      person = named[named.length - 1]?.entity ?? null;
    }
    if (!person) return null;
    if (!state.genders.has(person)) state.genders.set(person, want);
    return { name: person.name, entity: person, vague: false };
  }
  if (pronoun !== 'it' && pronoun !== 'they') return null;
  // "Dravex filed a brief. ..., it said.": "it" is the organisation last the subject, if one was.
  const subject = pronoun === 'it' ? subjectOrg(table, si, at) : null;
  if (subject) return { name: subject.name, entity: subject, vague: false };
  const other = state.lastOther;
  // A named organisation that spoke carries over a few sentences; "the city council" only to the next one.
  const definite = other?.resolved.name.startsWith('the ') === true && si - (other?.sentence ?? 0) <= 1;
  if (other && ((other.resolved.entity && si - other.sentence <= NON_PERSON_REACH) || definite)) {
    return other.resolved;
  }
  return null;
}

/**
 * What "it" at token `at` of sentence `si` stands for: an organisation that is the subject of that sentence
 * before it, else of the sentences before, over those whose subject is "it" too. Null when the last
 * subject is something else ("The study ... It found").
 */
function subjectOrg(table: EntityTable, si: number, at: number): Entity | null {
  for (let k = si; k >= Math.max(0, si - NON_PERSON_REACH); k--) {
    const ts = table.sentences[k];
    if (!ts || ts.kind === 'headline' || ts.kind === 'caption') return null;
    const tk = ts.tokens;
    const limit = k === si ? at : tk.length;
    const verb = tk.findIndex(
      (t, i) => i < limit && !t.quoted && (t.pos === 'VERB' || t.pos === 'AUX') && tk[i - 1]?.lower !== 'to',
    );
    const subject = verb > 0 ? clauseSubject(tk, 0, verb) : null;
    if (!subject) {
      if (k === si) continue;
      return null;
    }
    if (subject.pronoun === 'it') continue;
    const org = table
      .mentionsIn(k)
      .find(
        (m) =>
          m.entity.kind === 'organization' &&
          m.mention.spanStart >= subject.start &&
          m.mention.end <= subject.end &&
          m.mention.end >= subject.end - 1,
      );
    if (org) return org.entity;
    if (k < si) return null;
  }
  return null;
}

/** What an organisation or a person files or publishes, and that speaks for them: "its submission states". */
const DOCUMENT_NOUNS = new Set(
  'submission filing lawsuit suit complaint statement report letter brief petition appeal claim website memo'.split(
    ' ',
  ),
);

/** Public bodies: "the company" never stands for one of these. */
const PUBLIC_HEADS =
  /^(?:ministry|department|office|agency|council|committee|commission|court|tribunal|government|parliament|assembly|congress|senate|cabinet|administration|police|authority|board|bureau|army|navy|embassy|university|school|hospital|union|party)$/;

/** Nouns that stand for the business the story is about: "the company said", "the firm added". */
const COMPANY_NOUNS = new Set(
  'company firm carrier retailer maker manufacturer producer lender insurer operator developer supplier chain group business conglomerate airline bank'.split(
    ' ',
  ),
);

/**
 * The organisation last named in sentence `si` before token `at` (all of it when `at` is -1) or in the
 * NON_PERSON_REACH sentences before, among those `fits` accepts.
 */
function lastNamedOrg(
  table: EntityTable,
  si: number,
  at: number,
  fits: (e: Entity) => boolean,
): Entity | null {
  for (let k = si; k >= Math.max(0, si - NON_PERSON_REACH); k--) {
    const named = table
      .mentionsIn(k)
      .filter(
        (m) =>
          m.entity.kind === 'organization' && (k < si || at < 0 || m.mention.end <= at) && fits(m.entity),
      );
    const last = named[named.length - 1];
    if (last) return last.entity;
  }
  return null;
}

/**
 * "the company": the organisation the text calls a company ("X, the snack maker," or "the company X"),
 * else the last business named in the few sentences before.
 */
function companyFor(table: EntityTable, noun: string, si: number, at: number): Entity | null {
  if (!COMPANY_NOUNS.has(noun)) return null;
  const called = table.entities.filter(
    (e) =>
      e.kind === 'organization' &&
      e.roles.some((r) => matchKey(r.text).split(' ').includes(noun)) &&
      e.mentions.some((m) => m.sentence <= si),
  );
  if (called.length === 1 && called[0]) return called[0];
  return lastNamedOrg(table, si, at, (e) => !PUBLIC_HEADS.test(matchKey(e.name).split(' ').pop() ?? ''));
}

/** The organisation last named before sentence `si` whose name ends with `head` ("... Institute"). */
function lastOrgWithHead(table: EntityTable, head: string, si: number): Entity | null {
  let best: Entity | null = null;
  let bestAt = -1;
  for (const e of table.entities) {
    if (e.kind !== 'organization') continue;
    const words = matchKey(e.name).split(' ');
    if (words[words.length - 1] !== head) continue;
    for (const m of e.mentions) {
      if (m.sentence <= si && m.sentence > bestAt) {
        best = e;
        bestAt = m.sentence;
      }
    }
  }
  return best;
}

/** An unnamed source as a short phrase: "a report (unconfirmed)", "the city council", "local officials". */
function describeSource(ts: TokenizedSentence, words: Token[], span: SpeakerSpan): string {
  const dated = (t: Token | undefined) =>
    t !== undefined &&
    (t.pos === 'NUM' ||
      /^(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/.test(t.lower) ||
      isMonth(t.lower) ||
      isWeekday(t.lower));
  // "a study published on Wednesday": the date says when, not who; its preposition goes with it.
  const kept = words.filter(
    (t, i) =>
      i === words.length - 1 ||
      words[i + 1]?.start === t.end ||
      !(dated(t) || (/^(on|last|this|since)$/.test(t.lower) && dated(words[i + 1]) && !dated(words[i - 1]))),
  );
  let text = kept.map((t, i) => (i > 0 && hasSpaceBefore(ts, t) ? ' ' : '') + t.text).join('');
  text = text
    .replace(/^another\b/i, 'a')
    .replace(/^(The|A|An|His|Her|Its|Their|Our)\b/, (m) => m.toLowerCase());
  if (span.relative) {
    const rel = ts.tokens
      .slice(span.relative[0], span.relative[1])
      .map((t) => t.lower)
      .join(' ');
    if (UNCONFIRMED_SOURCE.test(rel)) text += ' (unconfirmed)';
  }
  return text;
}

function isWeekday(w: string): boolean {
  return /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)$/.test(w);
}

function isMonth(w: string): boolean {
  return /^(january|february|march|april|june|july|august|september|october|november|december)$/.test(w);
}

function hasSpaceBefore(ts: TokenizedSentence, t: Token): boolean {
  return t.start > 0 && /\s/.test(ts.sentence.text[t.start - 1] ?? '');
}

/** Builds the claim of one draft: its content, hedging and citations. */
function buildClaim(
  ts: TokenizedSentence,
  si: number,
  d: Draft,
  later: Draft[],
  prev: Draft | undefined,
  state: ReaderState,
): Omit<ClaimItem, 'speaker' | 'date'> | null {
  const tk = ts.tokens;
  const s = ts.sentence;
  // A later attribution that starts a new clause ends this claim's content.
  const next = later.find((x) => x.continuation && x.attrStart > d.hit.at);
  let end = next ? (next.cutAt > d.hit.at ? next.cutAt : next.attrStart) : tk.length;
  if (d.span.aside) {
    // "The union, which claims that ..., is planning": the relative clause ends at ", <verb>".
    const close = tk.findIndex(
      (t, k) => k > d.hit.at && k < end && t.text === ',' && /^(AUX|VERB)$/.test(tk[k + 1]?.pos ?? ''),
    );
    if (close > 0) end = close;
  }
  const joiner = (t: Token | undefined) =>
    t !== undefined &&
    (t.text === ',' || t.text === ';' || t.pos === 'CCONJ' || /^(while|whereas)$/.test(t.lower));
  while (end > 0 && joiner(tk[end - 1])) end--;
  // Nested attributions inside an earlier claim's content ("said the man who said ...") are not claims.
  if (prev && !d.continuation && prev.hit.at < d.hit.at && !prev.span.reversed) return null;
  const opening = contentStart(tk, d);
  const afterStart = opening.at;
  let range: [number, number] | null = null;
  let direction: 'after' | 'before' = 'after';
  if (d.hit.kind === 'according') {
    const atClauseStart = d.attrStart <= 1 || tk[d.attrStart - 1]?.text === ',';
    const comma = tk.findIndex((x, k) => k >= d.span.end && x.text === ',');
    // "X rose, according to Y, and Z fell": after a whole clause the attribution looks back.
    const clauseBefore =
      d.attrStart > 1 &&
      tk.slice(clauseStartBefore(tk, d, prev), d.attrStart).some((x) => x.pos === 'VERB' || x.pos === 'AUX');
    if (
      atClauseStart &&
      comma >= 0 &&
      !clauseBefore &&
      !(d.attrStart > 1 && comma === d.span.end && isLastClause(tk, comma))
    ) {
      range = [comma + 1, end];
    } else {
      range = [clauseStartBefore(tk, d, prev), d.attrStart];
      direction = 'before';
    }
  } else if (isParenthetical(tk, d, end)) {
    // "The safety reports, the ruling added, were misleading": the claim wraps around the attribution.
    return wrappedClaim(ts, d, prev, end, state);
  } else {
    const after = afterRange(tk, d, opening, afterStart, end);
    if (after) {
      range = after;
    } else if (tk[afterStart - 1]?.text === ':' && afterStart >= tk.length - 1) {
      // 'X said:' closing a paragraph: the quotation is the next paragraph.
      return quoteAfterColon(ts, si, d, state);
    } else {
      // The words before count only when the verb ends its clause ('..., she said in a statement.'), not
      // when it has an object of its own ("the club maintains close ties").
      const object = tk.slice(afterStart, end).find((t) => /[\p{L}\p{N}]/u.test(t.text));
      // "maintains good relations": wink may tag an adjective as an adverb; before a noun it is an object.
      const objectNoun = object?.pos === 'ADV' && /^(ADJ|NOUN)$/.test(tk[tk.indexOf(object) + 1]?.pos ?? '');
      if (
        object &&
        !d.span.reversed &&
        (!/^(ADP|ADV|SCONJ)$/.test(object.pos) || objectNoun) &&
        !isTimeWord(object)
      )
        return null;
      // "the rules X's rivals blamed on her": a judging verb whose object was left behind.
      if (object?.pos === 'ADP' && speechVerbClass(d.hit.lemma) === 'evaluate') return null;
      range = [clauseStartBefore(tk, d, prev), d.attrStart];
      direction = 'before';
      if (!tk.slice(range[0], range[1]).some((t) => t.pos === 'VERB' || t.pos === 'AUX' || t.quote !== 0))
        return null;
    }
  }
  const content = trimContent(s, tk, range[0], range[1]);
  if (!content || content.text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length < 2) return null;
  const parts: Array<{ sentence: Sentence; start: number; end: number; text: string }> = [];
  const attrFrom = tk[d.attrStart]?.start ?? 0;
  const attrTo = tk[d.attrEnd - 1]?.end ?? s.text.length;
  const mainStart = Math.min(attrFrom, content.start);
  const mainEnd = Math.max(attrTo, content.end);
  const extra = direction === 'after' ? followQuote(ts, si, content, state) : precedingQuote(ts, si, state);
  if (direction === 'before') parts.push(...extra);
  // When the quotation goes on, keep this sentence's own full stop so the joined text still reads.
  const stop =
    direction === 'after' && extra.length > 0 ? (/^[.?!]+/.exec(s.text.slice(content.end))?.[0] ?? '') : '';
  parts.push({ sentence: s, start: mainStart, end: mainEnd + stop.length, text: content.text + stop });
  if (direction === 'after') parts.push(...extra);
  state.claimed.add(si);
  for (const p of extra) state.claimed.add(p.sentence.index);
  const text = parts.map((p) => p.text).join(' ');
  const hedged = isHedged(ts, d, content) || d.speaker.vague || extra.some((p) => hedgedText(p.text));
  const citations: Citation[] = parts.map((p) =>
    p.sentence === s ? citeSpan(s, p.start, p.end) : citeSpan(p.sentence, p.start, p.end),
  );
  return { verb: d.hit.lemma, claim: text, hedged, citations };
}

/** The quotation in the sentence after 'X said:' (often the next paragraph), followed to its end. */
function quoteAfterColon(
  ts: TokenizedSentence,
  si: number,
  d: Draft,
  state: ReaderState,
): Omit<ClaimItem, 'speaker' | 'date'> | null {
  const next = state.sentences[si + 1];
  if (!next || next.kind === 'caption' || next.tokens[0]?.quote !== 1) return null;
  const content = trimContent(next.sentence, next.tokens, 0, next.tokens.length);
  if (!content) return null;
  const parts = [{ sentence: next.sentence, start: 0, end: next.sentence.text.length, text: content.text }];
  parts.push(...followQuote(next, si + 1, content, state));
  for (const p of parts) state.claimed.add(p.sentence.index);
  const s = ts.sentence;
  const attr = citeSpan(
    s,
    ts.tokens[d.attrStart]?.start ?? 0,
    ts.tokens[d.attrEnd - 1]?.end ?? s.text.length,
  );
  const text = parts.map((p) => p.text).join(' ');
  return {
    verb: d.hit.lemma,
    claim: text,
    hedged: d.speaker.vague || parts.some((p) => hedgedText(p.text)),
    citations: [attr, ...parts.map((p) => citeSpan(p.sentence, p.start, p.end))],
  };
}

/** List points are short and end without a full stop ("The deal will pass"); at most this many follow a colon. */
const MAX_LIST_POINTS = 12;
const MAX_POINT_WORDS = 40;

/**
 * 'In an interview, the minister also said:' closing a paragraph, followed by points one paragraph each and
 * without a full stop: each point is a claim of the speaker, cited with the attribution.
 */
function listAfterColon(
  ts: TokenizedSentence,
  si: number,
  d: Draft,
  state: ReaderState,
): Array<Omit<ClaimItem, 'speaker' | 'date'>> {
  const tk = ts.tokens;
  const last = tk[tk.length - 1];
  if (last?.text !== ':' || d.attrEnd < tk.length - 2) return [];
  const out: Array<Omit<ClaimItem, 'speaker' | 'date'>> = [];
  const s = ts.sentence;
  const attr = citeSpan(s, tk[d.attrStart]?.start ?? 0, tk[d.attrEnd - 1]?.end ?? s.text.length);
  for (let k = si + 1; k < state.sentences.length && out.length < MAX_LIST_POINTS; k++) {
    const point = state.sentences[k];
    const before = state.sentences[k - 1];
    if (!point || !before || point.kind !== 'body' || point.sentence.paragraph === before.sentence.paragraph)
      break;
    const next = state.sentences[k + 1];
    if (next && next.sentence.paragraph === point.sentence.paragraph) break;
    const text = point.sentence.text.replace(/^[-\u2013\u2022*]\s*/u, '').trim();
    const words = text.split(/\s+/).length;
    if (/[.!?:;]["\u201d']?$/u.test(text) || words < 3 || words > MAX_POINT_WORDS) break;
    if (findHits(point.tokens).length > 0) break;
    state.claimed.add(k);
    out.push({
      verb: d.hit.lemma,
      claim: text,
      hedged: d.speaker.vague || hedgedText(text),
      citations: [
        attr,
        citeSpan(point.sentence, point.sentence.text.indexOf(text), point.sentence.text.length),
      ],
    });
  }
  return out;
}

/** The content after the verb ("said that ...", "told X ...", "condemned Y"), or null when it holds none. */
function afterRange(
  tk: Token[],
  d: Draft,
  opening: { at: number; framed: boolean },
  afterStart: number,
  limit: number,
): [number, number] | null {
  let end = limit;
  if (
    afterStart >= end ||
    wordCount(tk, afterStart, end) < 2 ||
    d.span.reversed ||
    d.hit.kind === 'quoted-as'
  ) {
    return null;
  }
  if (!opening.framed) {
    // "claimed victory, the crowd cheered ...": the comma ends an object with no clause.
    const comma = tk.findIndex((t, k) => k > afterStart && k < end && t.text === ',');
    const report = speechVerbClass(d.hit.lemma) === 'report';
    const clauseBeforeComma = tk
      .slice(afterStart, comma)
      .some((t) => t.pos === 'VERB' || t.pos === 'AUX' || t.quote !== 0);
    if (report && comma > 0 && !clauseBeforeComma) end = comma;
    // "said in a statement", "keeps close ties": no clause, no quotation.
    if (!isClausal(tk, afterStart, end, d.hit.lemma)) return null;
    // "the rules X's rivals blamed on her": the object was left behind.
    if (tk[afterStart]?.pos === 'ADP') return null;
  }
  if (speechVerbClass(d.hit.lemma) === 'evaluate') {
    const stop = tk.findIndex(
      (t, k) =>
        k > afterStart &&
        k < end &&
        t.pos === 'CCONJ' &&
        !t.quoted &&
        /^(AUX|VERB)$/.test(tk[k + 1]?.pos ?? ''),
    );
    if (stop > 0) end = stop;
  }
  return [afterStart, end];
}

/** "X, the ruling added, were ...": an attribution set off by commas inside the clause it reports. */
function isParenthetical(tk: Token[], d: Draft, end: number): boolean {
  if (d.hit.kind !== 'verb' || d.span.reversed || d.span.remote || d.span.shared) return false;
  if (tk[d.attrStart - 1]?.text !== ',' || tk[d.attrEnd]?.text !== ',') return false;
  const next = tk[d.attrEnd + 1];
  return d.attrEnd + 1 < end && (next?.pos === 'AUX' || next?.pos === 'VERB');
}

function wrappedClaim(
  ts: TokenizedSentence,
  d: Draft,
  prev: Draft | undefined,
  end: number,
  state: ReaderState,
): Omit<ClaimItem, 'speaker' | 'date'> | null {
  const tk = ts.tokens;
  const s = ts.sentence;
  const head = trimContent(s, tk, clauseStartBefore(tk, d, prev), d.attrStart - 1);
  const tail = trimContent(s, tk, d.attrEnd + 1, end);
  if (!head || !tail) return null;
  state.claimed.add(s.index);
  const text = `${head.text} ${tail.text}`;
  return {
    verb: d.hit.lemma,
    claim: text,
    hedged: d.speaker.vague || hedgedText(text),
    citations: [citeSpan(s, head.start, tail.end)],
  };
}

function isTimeWord(t: Token): boolean {
  return /^(yesterday|today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|last|this|earlier|later)$/.test(
    t.lower,
  );
}

function isLastClause(tk: Token[], comma: number): boolean {
  return !tk.slice(comma + 1).some((t) => t.pos === 'VERB' || t.pos === 'AUX');
}

/** Where the content after the verb starts: after the addressee of "tell", a "that", a colon, a time phrase. */
function contentStart(tk: Token[], d: Draft): { at: number; framed: boolean } {
  let i = d.span.reversed ? d.span.end : d.hit.after;
  // 'she said, "We will ..."': the quotation after a comma.
  if (tk[i]?.text === ',' && tk[i + 1]?.quote === 1) return { at: i + 1, framed: true };
  let limit = Math.min(tk.length, i + 9);
  for (let k = i; k < limit; k++) {
    const t = tk[k];
    if (!t) break;
    const clause = tk.slice(k + 1).some((x) => x.pos === 'VERB' || x.pos === 'AUX');
    if (t.lower === 'that' && (t.pos === 'SCONJ' || clause)) return { at: k + 1, framed: true };
    if (t.text === ':') return { at: k + 1, framed: true };
    const participle = t.pos === 'VERB' && /^(DET|ADJ)$/.test(tk[k - 1]?.pos ?? '');
    if ((t.pos === 'VERB' && !participle) || t.pos === 'AUX' || t.quote !== 0) break;
    if (t.text === ',') {
      // "said on Thursday, May 2, 2024, that ...", "warned, however, that ...": commas inside the frame.
      const that = thatAfterCommas(tk, k);
      if (that < 0) break;
      limit = Math.min(tk.length, that + 1);
    }
  }
  if (d.hit.lemma === 'tell') {
    const np = rightNounPhrase(tk, i) ?? (tk[i]?.pos === 'PRON' ? ([i, i + 1] as [number, number]) : null);
    if (np) i = np[1];
    if (tk[i]?.text === ':') return { at: i + 1, framed: true };
  }
  return { at: i, framed: tk[i]?.quote === 1 };
}

/** The "that" a few words after a comma, with only a date or an adverb between ("…, however, that"); else -1. */
function thatAfterCommas(tk: Token[], comma: number): number {
  for (let k = comma + 1; k < tk.length && k <= comma + 8; k++) {
    const t = tk[k];
    if (!t) return -1;
    if (t.quote !== 0 || t.pos === 'VERB' || t.pos === 'AUX') return -1;
    if (t.lower === 'that' && t.pos === 'SCONJ') return tk[k - 1]?.text === ',' ? k : -1;
  }
  return -1;
}

/** Report verbs need a clause or a quotation ("keeps close ties" is not a claim); judging verbs take objects. */
function isClausal(tk: Token[], a: number, b: number, lemma: string): boolean {
  if (speechVerbClass(lemma) === 'evaluate' || OBJECT_VERBS.has(lemma)) return true;
  return tk.slice(a, b).some((t) => t.pos === 'VERB' || t.pos === 'AUX' || t.quote !== 0);
}

/** Start of the words before an attribution: the sentence start, or the end of the previous claim's clause. */
function clauseStartBefore(tk: Token[], d: Draft, prev: Draft | undefined): number {
  if (prev && prev.hit.at < d.attrStart) {
    const boundary = tk.findIndex(
      (t, k) =>
        k > prev.hit.at && k < d.attrStart && (t.text === ';' || (t.text === ',' && tk[k + 1]?.quote === 1)),
    );
    return boundary >= 0 ? boundary + 1 : d.attrStart;
  }
  return 0;
}

function wordCount(tk: Token[], a: number, b: number): number {
  return tk.slice(a, b).filter((t) => /\p{L}/u.test(t.text)).length;
}

/** The content as a verbatim slice of the sentence, without framing punctuation or an unpaired quote mark. */
function trimContent(
  s: Sentence,
  tk: Token[],
  a: number,
  b: number,
): { start: number; end: number; text: string } | null {
  const first = tk[a];
  const last = tk[b - 1];
  if (!first || !last || b <= a) return null;
  let start = first.start;
  let end = last.end;
  const norm = s.norm;
  const lead = /[\s,:;\-.]/;
  for (;;) {
    while (start < end && lead.test(norm[start] ?? '')) start++;
    while (end > start && /[\s,:;\-.]/.test(norm[end - 1] ?? '')) end--;
    const slice = norm.slice(start, end);
    const quotes = (slice.match(/"/g) ?? []).length;
    if (slice.startsWith('"') && (quotes % 2 === 1 || (slice.endsWith('"') && quotes === 2))) {
      start++;
      if (quotes === 2 && slice.endsWith('"')) end--;
      continue;
    }
    if (slice.endsWith('"') && quotes % 2 === 1) {
      end--;
      continue;
    }
    if (/^'\p{Lu}/u.test(slice) && !/'(\s|$)/.test(slice.slice(1))) {
      start++;
      continue;
    }
    if (/^that\s/i.test(slice)) {
      start += 5;
      continue;
    }
    break;
  }
  if (end <= start) return null;
  return { start, end, text: s.text.slice(start, end) };
}

/** The rest of a quotation that opens in the content and closes in a later sentence of the paragraph. */
function followQuote(
  ts: TokenizedSentence,
  si: number,
  content: { end: number },
  state: ReaderState,
): Array<{ sentence: Sentence; start: number; end: number; text: string }> {
  const out: Array<{ sentence: Sentence; start: number; end: number; text: string }> = [];
  if (!ts.quotedAtEnd || content.end < ts.sentence.text.trimEnd().length - 2) return out;
  const all = state.sentences;
  for (let k = si + 1; k < all.length && out.length < MAX_QUOTE_SENTENCES; k++) {
    const next = all[k];
    if (!next || next.sentence.paragraph !== ts.sentence.paragraph || !next.quotedAtStart) break;
    // A sentence with its own attribution outside the quote ('..." he added.') is its own claim.
    if (findHits(next.tokens).length > 0) break;
    const close = next.tokens.findIndex((t) => t.quote === -1);
    const endsQuoted = next.quotedAtEnd;
    const stop = endsQuoted
      ? next.sentence.text.length
      : (next.tokens[close]?.start ?? next.sentence.text.length);
    const text = next.sentence.text
      .slice(0, stop)
      .replace(/["\u201c\u201d\s]+$/u, '')
      .trim();
    if (text)
      out.push({ sentence: next.sentence, start: 0, end: stop, text: text.replace(/^["\u201c]/u, '') });
    if (!endsQuoted) break;
  }
  return out;
}

/** The start of a quotation that closes in this sentence's content but opened in an earlier sentence. */
function precedingQuote(
  ts: TokenizedSentence,
  si: number,
  state: ReaderState,
): Array<{ sentence: Sentence; start: number; end: number; text: string }> {
  const out: Array<{ sentence: Sentence; start: number; end: number; text: string }> = [];
  if (!ts.quotedAtStart) return out;
  const all = state.sentences;
  for (let k = si - 1; k >= 0 && out.length < MAX_QUOTE_SENTENCES; k--) {
    const prev = all[k];
    if (!prev || prev.sentence.paragraph !== ts.sentence.paragraph || state.claimed.has(k)) break;
    const open = lastIndexWhere(prev.tokens, (t) => t.quote === 1);
    const from = prev.quotedAtStart ? 0 : (prev.tokens[open]?.end ?? 0);
    const text = prev.sentence.text.slice(from).trim();
    if (text) out.unshift({ sentence: prev.sentence, start: from, end: prev.sentence.text.length, text });
    if (!prev.quotedAtStart) break;
  }
  return out;
}

function lastIndexWhere<T>(list: T[], test: (x: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i] as T)) return i;
  return -1;
}

function hedgedText(text: string): boolean {
  // "May" the month is capitalised; the modal is not.
  const lower = text
    .replace(/\bMay\b/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'");
  if (HEDGE_PHRASES.some((re) => re.test(lower))) return true;
  const words = lower.split(/[^a-z']+/).filter(Boolean);
  return words.some(
    (w, i) =>
      HEDGE_WORDS.has(w) &&
      !(/^(may|might|could)$/.test(w) && /^(not|n't)$/.test(words[i + 1] ?? '')) &&
      // "28% less likely to ...": a measured comparison, not a guess.
      !(/^(likely|unlikely)$/.test(w) && /^(less|more)$/.test(words[i - 1] ?? '')),
  );
}

/** Hedging words in the attribution, the description of the source or the content. */
function isHedged(ts: TokenizedSentence, d: Draft, content: { start: number; end: number }): boolean {
  const tk = ts.tokens;
  const s = ts.sentence;
  const from = d.span.start >= 0 ? Math.min(d.span.start, d.hit.at) : d.hit.at;
  const attr = s.text.slice(tk[from]?.start ?? 0, tk[d.hit.after - 1]?.end ?? 0);
  const rel = d.span.relative
    ? s.text.slice(tk[d.span.relative[0]]?.start ?? 0, tk[d.span.relative[1] - 1]?.end ?? 0)
    : '';
  // "may" the month is capitalised; the modal is not.
  const body = s.text.slice(content.start, content.end).replace(/\bMay\b/g, '');
  return hedgedText(attr) || hedgedText(rel) || hedgedText(body);
}

/** Remembers the person a sentence is about, for a following "he"/"she". */
function updateSubject(table: EntityTable, ts: TokenizedSentence, si: number, state: ReaderState): void {
  const tk = ts.tokens;
  const verb = tk.findIndex(
    (t, i) =>
      !t.quoted &&
      (t.pos === 'VERB' || t.pos === 'AUX') &&
      tk[i - 1]?.lower !== 'to' &&
      !/ing$/.test(t.lower),
  );
  if (verb <= 0) return;
  const subject = clauseSubject(tk, 0, verb);
  if (!subject || subject.pronoun) return;
  const people = table
    .mentionsIn(si)
    .filter(
      (m) => m.entity.kind === 'person' && m.mention.start >= subject.start && m.mention.end <= subject.end,
    );
  const last = people[people.length - 1];
  if (last && last.mention.end === subject.end && state.lastPersonAt < si) {
    state.lastPerson = last.entity;
    state.lastPersonAt = si;
  }
}

/**
 * The date of a claim: among the dated timeline items citing a quote that overlaps the sentence, the one
 * written nearest the speech verb, leaving out dates inside a relative clause about the speaker ("X, who
 * joined in 2004, said"). Null when the sentence gives no date.
 */
function dateOf(ts: TokenizedSentence, d: Draft, paragraph: string, when: WhenItem[]): string | null {
  const s = ts.sentence;
  const tk = ts.tokens;
  const from = s.start;
  const to = s.start + s.text.length;
  const verbAt = tk[d.hit.at]?.start ?? 0;
  let aside: [number, number] | null = null;
  if (
    d.span.start >= 0 &&
    d.span.end < d.hit.at &&
    tk.slice(d.span.end, d.hit.at).some((t) => RELATIVE.test(t.lower))
  ) {
    aside = [tk[d.span.end]?.start ?? 0, verbAt];
  }
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const item of when) {
    if (!item.date) continue;
    for (const c of item.citations) {
      if (c.article !== s.article || c.paragraph !== s.paragraph || !c.quote) continue;
      for (let at = paragraph.indexOf(c.quote); at >= 0; at = paragraph.indexOf(c.quote, at + 1)) {
        if (at >= to || at + c.quote.length <= from) continue;
        const local = s.text.indexOf(item.label);
        const pos = local >= 0 ? local : Math.max(0, at - from);
        if (aside && pos >= aside[0] && pos < aside[1]) continue;
        const distance = Math.abs(pos - verbAt);
        if (distance < bestDistance) {
          best = item.date;
          bestDistance = distance;
        }
      }
    }
  }
  return best;
}
