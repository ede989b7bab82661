/**
 * Question -> short answer with the sentence that holds it, or an honest "the article does not say".
 *
 * 1. Read the question against the corpus: acronyms the article spells out are spelt out ("GDP"), names typed
 *    in lower case get their capitals back, then the question is analysed (kind, expected span types, content
 *    terms, entities, the role, verb and voice it asks about).
 * 2. Retrieve candidate sentences with one MiniSearch query (facts map to the sentences they cite).
 * 3. Score each candidate by how much of the question's weight (idf; names count more) it covers, counting
 *    its neighbours, the article's main names and (for a sentence that meets the question's own words) its
 *    headline at a discount, and try to extract an answer of the expected type from it.
 * 4. Answer only when the best candidate covers the question's key content AND yields an answer of the
 *    expected type (an answer outside the clause of the question's words must cover more), and no passage
 *    that covers the question as well denies it ("no group has claimed ..."); otherwise return the nearest
 *    passages with a low confidence.
 */
import { citeSentence } from '../facts/cite.ts';
import type { Sentence } from '../nlp/sentences.ts';
import type { Answer, Citation } from '../schema.ts';
import { type IndexedSentence, type SearchIndex, searchTerms } from '../search/index.ts';
import { LIGHT_VERBS, SERIES_WORDS } from '../search/lexicon.ts';
import { extractTerms } from '../search/terms.ts';
import { expandAcronyms } from './acronyms.ts';
import { termMatch } from './extract.ts';
import { type Extraction, extractAnswer, predicateNegated } from './kinds.ts';
import { headlineTerms, matchesSubject, mentionsOf, namesIn, speakerOf, topicTerms } from './people.ts';
import { analyzeQuestion, type Question } from './question.ts';
import { recaseNames } from './recase.ts';

export interface AskOptions {
  /** Restrict the answer to one article id. */
  article?: string | undefined;
}

/** One candidate sentence and what the answerer made of it. */
export interface Candidate {
  id: number;
  search: number;
  coverage: number;
  entitiesOk: boolean;
  extracted: Extraction | null;
  /** The sentence denies what the question asks ("no group has claimed responsibility"). */
  denied: boolean;
  score: number;
}

const CANDIDATES = 20;
const EXTRACT_TOP = 8;
const FIRST_MENTIONS = 5;
/** Share of the question's weight the evidence must cover before the answerer commits to an answer. */
const MIN_COVERAGE: Record<Question['kind'], number> = {
  when: 0.6,
  duration: 0.6,
  figure: 0.6,
  age: 0.8,
  who: 0.6,
  role: 0.5,
  claim: 0.55,
  where: 0.6,
  why: 0.6,
  what: 0.65,
};

const WEAKER_MARGIN = 0.1;

/** Words a sum stands for: the question "What did it cost?" is met by "$48 million" in a sentence. */
const SUM_NOUNS = new Set(['cost', 'price', 'value', 'amount', 'sum', 'worth', 'money', 'bill', 'total']);

const NEGATIVE = /\b(?:no|not|never|nobody|none|neither|nor|without)\b|n't\b/i;

const NOT_FOUND: Answer = { found: false, answer: null, citations: [], confidence: 0 };

function idf(index: SearchIndex, term: string): number {
  const n = index.sentences.length;
  const df = index.df.get(term) ?? 0;
  return Math.log(1 + (n + 1) / (df + 0.5));
}

/** Each question term's weight: rarer terms weigh more, and names more than common words. */
function termWeights(index: SearchIndex, q: Question): Map<string, number> {
  const weights = new Map<string, number>();
  for (const t of q.terms) {
    const light = LIGHT_VERBS.has(t.term) || SERIES_WORDS.has(t.term) ? 0.4 : 1;
    weights.set(t.term, idf(index, t.term) * (t.entity ? 1.3 : 1) * light);
  }
  return weights;
}

/** Heads of which-questions that ask for a person, whose kind articles do not write into the name. */
const PERSON_HEAD = /^(?:person|people|man|woman|official|politician|player|leader|minister)$/;

/** Whether a name in the sentence holds the head noun of a which-question ("the Bardo National Museum"). */
function headInName(index: SearchIndex, id: number, head: string): boolean {
  const s = index.sentences[id];
  return (
    s?.spans.some(
      (sp) =>
        sp.kind === 'name' &&
        extractTerms(s.text.slice(sp.start, sp.end), index.lemmas).some((t) => t.term === head),
    ) ?? false
  );
}

/** Best match of a question term among a sentence's terms; remembered per question, as neighbours repeat. */
type SentenceMatch = (id: number, q: string) => number;

function sentenceMatcher(index: SearchIndex): SentenceMatch {
  const memo = new Map<number, Map<string, number>>();
  return (id, q) => {
    let row = memo.get(id);
    if (!row) {
      row = new Map();
      memo.set(id, row);
    }
    let best = row.get(q);
    if (best === undefined) {
      const terms = index.sentences[id]?.terms ?? [];
      best = terms.includes(q) ? 1 : 0;
      for (let i = 0; i < terms.length && best < 0.8; i++)
        best = Math.max(best, termMatch(q, terms[i] ?? ''));
      row.set(q, best);
    }
    return best;
  };
}

/** How a question term is met around a sentence: in it, next to it, in its paragraph, or as the article's topic. */
function contextMatch(
  index: SearchIndex,
  match: SentenceMatch,
  id: number,
  q: string,
  headline = false,
): number {
  const s = index.sentences[id];
  if (!s) return 0;
  let best = match(id, q);
  if (best === 1) return 1;
  // The article's main names hold for every sentence of it, at a discount; so do its headline's words, for a
  // sentence that meets the question's own words too.
  if (best < 0.5 && (topicTerms(index, s.article).has(q) || (headline && inHeadline(index, s.article, q))))
    best = 0.5;
  for (const d of NEIGHBOURS) {
    const n = index.sentences[id + d];
    if (!n || n.article !== s.article || n.paragraph !== s.paragraph) continue;
    best = Math.max(best, match(id + d, q) * (Math.abs(d) === 1 ? 0.5 : 0.35));
  }
  return best;
}

const NEIGHBOURS = [-1, 1, -2, 2, -3, 3];

/** Whether the article's headline holds a question term or a word of its family ("mayor" in "mayoral race"). */
function inHeadline(index: SearchIndex, article: string, q: string): boolean {
  for (const t of headlineTerms(index, article)) if (termMatch(q, t) >= 0.7) return true;
  return false;
}

function coverageOf(
  index: SearchIndex,
  match: SentenceMatch,
  id: number,
  weights: Map<string, number>,
  credited: Map<string, number>,
  predicate: readonly string[],
): number {
  const headline = predicate.some((t) => match(id, t) >= 0.7);
  let total = 0;
  let got = 0;
  for (const [term, w] of weights) {
    total += w;
    got += w * Math.max(contextMatch(index, match, id, term, headline), credited.get(term) ?? 0);
  }
  return total > 0 ? got / total : 0;
}

/** Every question entity is named in the sentence, its paragraph, or by the resolved speaker. */
function entitiesPresent(
  index: SearchIndex,
  match: SentenceMatch,
  id: number,
  q: Question,
  credited: Map<string, number>,
): boolean {
  return q.entityTerms.every(
    (terms) =>
      terms.length === 0 || terms.some((t) => credited.has(t) || contextMatch(index, match, id, t) >= 0.35),
  );
}

function toSentence(s: IndexedSentence): Sentence {
  return { ...s, norm: s.text };
}

/** Candidate sentences from one MiniSearch query; a matching fact brings the sentences it cites. */
function retrieve(index: SearchIndex, q: Question, opts: AskOptions): Map<number, number> {
  // Words in a tenth of all sentences find too much to rank and cost the most to look up; the coverage score
  // still counts them.
  const common = Math.max(50, 0.1 * index.sentences.length);
  const all = [...new Set([...q.terms.map((t) => t.term), ...q.typeTerms])];
  const rare = all.filter((t) => (index.df.get(t) ?? 0) <= common);
  const terms = rare.length >= 2 ? rare : all;
  const results = searchTerms(index, terms, {
    article: opts.article,
    boost: q.kind === 'who' || q.kind === 'role' || q.kind === 'claim' ? { names: 2.5 } : {},
  });
  const out = new Map<number, number>();
  const add = (id: number, score: number) => out.set(id, Math.max(out.get(id) ?? 0, score));
  for (const r of results.slice(0, CANDIDATES)) {
    const id = r.id as number;
    if (id < index.sentences.length) add(id, r.score);
    else for (const s of index.facts[id - index.sentences.length]?.sentences ?? []) add(s, r.score);
  }
  return out;
}

/**
 * Question terms a sentence meets without writing them: the full name of a person it names by surname ("Mr
 * Smith" for "Anna Smith", full credit) and the speaker its pronoun refers to ("he said", 0.8).
 */
function creditedTerms(index: SearchIndex, id: number, q: Question): Map<string, number> {
  const credited = new Map<string, number>();
  const names = namesIn(index, id);
  q.entities.forEach((e, i) => {
    if (!e.includes(' ') || !names.some((m) => matchesSubject(m.text, e))) return;
    for (const t of q.entityTerms[i] ?? []) credited.set(t, 1);
  });
  // "How much will the repair cost?": a sentence holding a sum says what it costs without the word.
  const s = index.sentences[id];
  if (q.expect[0] === 'money' && s?.spans.some((sp) => sp.kind === 'money')) {
    for (const t of q.terms)
      if (SUM_NOUNS.has(t.term)) credited.set(t.term, Math.max(credited.get(t.term) ?? 0, 0.7));
  }
  const subject = q.subject;
  if (!subject) return credited;
  const speaker = speakerOf(index, id);
  if (speaker && matchesSubject(speaker.text, subject)) {
    for (const t of extractTerms(subject, index.lemmas))
      credited.set(t.term, Math.max(credited.get(t.term) ?? 0, 0.8));
  }
  return credited;
}

function refuse(index: SearchIndex, ranked: Candidate[]): Answer {
  const citations: Citation[] = [];
  for (const c of ranked) {
    if (citations.length >= 3 || c.coverage <= 0) break;
    const s = index.sentences[c.id];
    if (s) citations.push(citeSentence(toSentence(s)));
  }
  const top = ranked[0]?.coverage ?? 0;
  return { found: false, answer: null, citations, confidence: round(Math.min(0.3, 0.05 + 0.25 * top)) };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The question read against the index: its acronyms spelt out, its lower-case names recased, then analysed. */
function readQuestion(index: SearchIndex, question: string): Question {
  return analyzeQuestion(recaseNames(index, expandAcronyms(index, question)), index.lemmas, index.verbs);
}

/** Candidate sentences for a question, best first, each with its coverage and the answer it yields. */
function rankCandidates(index: SearchIndex, q: Question, opts: AskOptions): Candidate[] {
  const weights = termWeights(index, q);
  const pool = retrieve(index, q, opts);
  // "Which museum was attacked?": when the article names one ("the Bardo Museum" in an invented story), the
  // kind asked for is evidence too, so the sentence naming it outranks one that only says "attack".
  if (
    q.head &&
    !PERSON_HEAD.test(q.head) &&
    [...pool.keys()].some((id) => headInName(index, id, q.head ?? ''))
  )
    weights.set(q.head, 0.6 * idf(index, q.head));
  if (q.subject) {
    // Articles introduce a person with their role early: their first mentions join the candidates.
    const articles = new Set([...pool.keys()].map((id) => index.sentences[id]?.article));
    for (const a of articles) {
      if (a)
        for (const id of mentionsOf(index, a, q.subject).slice(0, FIRST_MENTIONS))
          if (!pool.has(id)) pool.set(id, 0);
    }
  }
  const top = Math.max(...pool.values(), 1e-9);
  const negative = NEGATIVE.test(q.text);
  const predicate = q.terms.filter((t) => !t.entity).map((t) => t.term);
  const match = sentenceMatcher(index);
  const finalVerb = whenVerb(index, q);
  const candidates: Candidate[] = [...pool].map(([id, search]) => {
    const credited = creditedTerms(index, id, q);
    const coverage = coverageOf(index, match, id, weights, credited, predicate);
    const s = index.sentences[id];
    const aside = s?.kind === 'headline' || s?.kind === 'caption' ? 0.03 : 0;
    // The question's own wording of the answer type ("claimed", "percentage") breaks ties between equals.
    const worded = s ? q.typeTerms.filter((t) => s.terms.includes(t)).length * 0.02 : 0;
    const entitiesOk = entitiesPresent(index, match, id, q, credited);
    // "Which firms have no plan?": a sentence that also says no is the likelier answer.
    const polar = negative && s && NEGATIVE.test(s.text) ? 0.08 : 0;
    const score = (coverage + 0.05 * (search / top) + worded - aside + polar) * (entitiesOk ? 1 : 0.7);
    return { id, search, coverage, entitiesOk, extracted: null, denied: false, score };
  });
  candidates.sort((a, b) => b.score - a.score);
  // Extraction only lowers a score, so once an acceptable candidate outscores the next unread one, the rest
  // cannot win.
  let settled = Number.NEGATIVE_INFINITY;
  for (const c of candidates.slice(0, EXTRACT_TOP)) {
    if (c.score <= settled) break;
    const s = index.sentences[c.id];
    c.denied = q.kind === 'who' && s !== undefined && predicateNegated(s, q);
    c.extracted =
      c.denied || !verbMet(index, match, c.id, finalVerb) ? null : extractAnswer(index, c.id, q, weights);
    if (!c.extracted) c.score *= 0.55;
    else if (c.extracted.weaker) c.score *= 0.8;
    if (acceptable(c, q)) settled = Math.max(settled, c.score);
  }
  return candidates.sort((a, b) => b.score - a.score);
}

const WHEN_VERB =
  /^\W*when\s+(?:did|does|do|will|would|is|was|were|has|have|had|can|could)\s+.+\s([a-z][a-z-]*)\s*\??\s*$/i;

/** "When does the term end?": the verb a when-question ends on, which the dated sentence must hold. */
function whenVerb(index: SearchIndex, q: Question): string | null {
  if (q.kind !== 'when') return null;
  const word = WHEN_VERB.exec(q.text)?.[1];
  if (!word) return null;
  const term = extractTerms(word, index.lemmas)[0]?.term;
  return term && q.terms.some((t) => t.term === term && !t.entity) && !LIGHT_VERBS.has(term) ? term : null;
}

/** Whether the sentence or a neighbour in its paragraph holds the verb (or a word of its family). */
function verbMet(index: SearchIndex, match: SentenceMatch, id: number, verb: string | null): boolean {
  if (verb === null) return true;
  const s = index.sentences[id];
  return [id, id - 1, id + 1].some((i) => {
    const n = index.sentences[i];
    return (
      n !== undefined && n.paragraph === s?.paragraph && n.article === s.article && match(i, verb) >= 0.7
    );
  });
}

function acceptable(c: Candidate, q: Question): boolean {
  // An age asked of no one in particular ("By what age did the children ...") is a value like any other.
  const min = q.kind === 'age' && q.entities.length === 0 ? MIN_COVERAGE.figure : MIN_COVERAGE[q.kind];
  // A value outside the clause of the question's own words must be met by more of the question.
  const margin = c.extracted?.weaker && q.expect.length > 0 ? WEAKER_MARGIN : 0;
  return c.extracted !== null && c.entitiesOk && c.coverage >= min + margin;
}

/** What the answerer made of a question: its analysis and the ranked candidates (for `ask --explain`, tests). */
export function explainQuestion(
  index: SearchIndex,
  question: string,
  opts: AskOptions = {},
): { question: Question; candidates: Array<Candidate & { text: string; paragraph: number }> } {
  const q = readQuestion(index, question);
  const candidates = q.terms.length === 0 ? [] : rankCandidates(index, q, opts);
  return {
    question: q,
    candidates: candidates.map((c) => ({
      ...c,
      text: index.sentences[c.id]?.text ?? '',
      paragraph: index.sentences[c.id]?.paragraph ?? 0,
    })),
  };
}

/** Answers a question from the index with a short answer and the sentence that holds it, or says it can't. */
export function answerQuestion(index: SearchIndex, question: string, opts: AskOptions = {}): Answer {
  const q = readQuestion(index, question);
  if (q.terms.length === 0) return NOT_FOUND;
  if (opts.article && !index.byId.has(opts.article)) return NOT_FOUND;
  const candidates = rankCandidates(index, q, opts);
  // An answer found elsewhere does not stand against a passage that covers the question as well and denies it.
  const denial = candidates.find((c) => c.denied && c.entitiesOk);
  const best = candidates.find((c) => acceptable(c, q) && !(denial && denial.coverage >= c.coverage));
  const s = best ? index.sentences[best.extracted?.at ?? best.id] : undefined;
  if (!best?.extracted || !s) return refuse(index, candidates);
  const citations = [citeSentence(toSentence(s))];
  for (const id of best.extracted.also) {
    const other = index.sentences[id];
    if (other && citations.length < 3) citations.push(citeSentence(toSentence(other)));
  }
  const confidence = round(Math.min(0.95, 0.45 + 0.5 * Math.min(1, best.coverage)));
  return { found: true, answer: best.extracted.answer, citations, confidence };
}
