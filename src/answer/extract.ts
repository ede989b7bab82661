/**
 * Picks the short answer inside the chosen sentence: the value span the question's words point at (a date,
 * an amount, a count and what it counts), the quoted or reported words of a claim, or a trimmed clause.
 */

import { normalizeChars } from '../nlp/normalize.ts';
import type { IndexedSentence, SearchIndex } from '../search/index.ts';
import { areSynonyms, LIGHT_VERBS, SPEECH_VERBS } from '../search/lexicon.ts';
import { findValueSpans, type Span, type SpanKind } from '../search/spans.ts';
import { relatedTerms, spellingKey, splitWords } from '../search/terms.ts';
import { type LemmaWord, speechVerbs, wordsOf } from './people.ts';
import type { Question } from './question.ts';

/** A span the answer was taken from, as offsets into the sentence text. */
export interface Pick {
  start: number;
  end: number;
  /** The answer text; usually the span, sometimes with its unit ("31,000 vehicles"). */
  text: string;
}

/** How well a sentence term serves a question term: 1 same lemma, 0.8 listed synonym, 0.7 same word family. */
export function termMatch(q: string, t: string): number {
  if (q === t) return 1;
  if (areSynonyms(q, t)) return 0.8;
  // "centre" and "center" are one word; the first letters differ at once for most pairs.
  if (q.charCodeAt(0) === t.charCodeAt(0) && q.length > 4 && spellingKey(q) === spellingKey(t)) return 1;
  // Word families share their first letters; most pairs differ at once.
  return q.charCodeAt(0) === t.charCodeAt(0) && relatedTerms(q, t) ? 0.7 : 0;
}

/** Positions (offsets) of the sentence terms that match question terms, with the weight of the match. */
export function matchedAt(
  s: IndexedSentence,
  weights: Map<string, number>,
): Array<{ at: number; w: number }> {
  const out: Array<{ at: number; w: number }> = [];
  s.terms.forEach((t, i) => {
    let best = 0;
    for (const [q, w] of weights) best = Math.max(best, termMatch(q, t) * w);
    if (best > 0) out.push({ at: s.at[i] ?? 0, w: best });
  });
  return out;
}

/** Whether the question itself writes this value ("in 2017"): then it is the question's, not the answer. */
function overlapsQuestion(text: string, question: Question): boolean {
  if (text.length < 2) return false;
  const hay = question.text.toLowerCase();
  const needle = text.toLowerCase();
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    if (!WORD_CHAR.test(hay.charAt(at - 1)) && !WORD_CHAR.test(hay.charAt(at + needle.length))) return true;
  }
  return false;
}

const WORD_CHAR = /^[\p{L}\d]$/u;

/** How a value relates to what the question counts: named right after it, named nearby, or something else. */
export type TargetFit = 'direct' | 'near' | 'other' | null;

/**
 * Whether the words after a value (up to the next value or punctuation) name the thing the question counts:
 * "31,000 vehicles" fits "how many vehicles" and not "how many trucks"; "three blue vans" does not fit
 * "how many red vans", "two reds" does.
 */
export function measuresTarget(
  index: SearchIndex,
  s: IndexedSentence,
  sp: Span,
  target: readonly string[],
): TargetFit {
  const head = target.at(-1);
  if (!head) return null;
  const matches = (w: LemmaWord, t: string) => termMatch(t, w.lemma) >= 0.7;
  // "18 months" for "how many months": the unit is inside the value.
  const own = wordsOf(index, s).filter((w) => w.start >= sp.start && w.end <= sp.end);
  if (own.some((w) => matches(w, head))) return 'direct';
  const next = s.spans.find((x) => x.kind !== 'name' && x.kind !== 'quote' && x.start >= sp.end);
  // "23 of the 51 seats": the part counts what the whole counts.
  if (next?.kind === 'count' && PART_OF.test(s.text.slice(sp.end, next.start)))
    return measuresTarget(index, s, next, target);
  const stop = next?.start ?? s.text.length;
  const rest = s.text.slice(sp.end, stop);
  const words = wordsOf(index, s);
  const region: LemmaWord[] = [];
  for (const w of words) {
    if (w.start < sp.end || w.end > stop || region.length >= 5) continue;
    if (/[,.;:()"]/.test(s.text.slice(region.at(-1)?.end ?? sp.end, w.start))) break;
    region.push(w);
  }
  const first = region[0];
  // "thousands of commuters" against "How many guards ...": a count of another thing.
  // "31 of the region's biggest ports": the head may stand a few words on.
  if (sp.kind === 'count' && first?.text.toLowerCase() === 'of' && /^\s+of\s/.test(rest)) {
    const phrase = words.filter((w) => w.start >= sp.end && w.end <= stop).slice(1, 7);
    const noun = phrase.find((w) => !/^(?:the|its|their|his|her|our|these|those)$/i.test(w.text));
    if (phrase.some((w) => matches(w, head))) return 'direct';
    if (!next && noun && /^\p{Ll}/u.test(noun.text) && !/^(?:them|us|whom|which|whose)$/.test(noun.text))
      return 'other';
  }
  // "Four stewards needed stitches, while six others were treated": "others" counts the thing named before.
  if (first && /^(?:others?|more)$/i.test(first.text)) {
    const before = words.filter((w) => w.end <= sp.start);
    if (before.some((w) => target.some((t) => matches(w, t)))) return 'direct';
  }
  // "5,000-strong crowd": a hyphenated compound describes the value, it does not name what is counted.
  const compound = /^-/.test(rest);
  // "A crowd of 41,250 watched": a verb after the value ends its noun phrase; what it counts came before.
  const verb = first !== undefined && index.verbs.has(first.text.toLowerCase());
  const adjacent = first && !compound && !verb && /^\p{Ll}/u.test(first.text) && !UNIT_STOP.test(first.text);
  if (adjacent) {
    // The noun phrase after the value, up to four words ("four other suspended union officials").
    const stop = region.findIndex((w) => UNIT_STOP.test(w.text));
    const firstWords = region.slice(0, Math.min(4, stop < 0 ? 4 : stop));
    const headAt = firstWords.findIndex((w) => matches(w, head));
    if (headAt >= 0) {
      // "three blue vans" against "red vans": a different modifier names a different thing.
      const modifiers = target.slice(0, -1);
      const own = firstWords.slice(0, headAt).filter((w) => !UNIT_STOP.test(w.text));
      const clash =
        modifiers.length > 0 && own.length > 0 && !own.some((w) => modifiers.some((m) => matches(w, m)));
      return clash ? 'other' : 'direct';
    }
    // "two million litres of milk", "40 tonnes of grain": a unit of what the question measures.
    const of = region.findIndex((w, i) => i > 0 && i <= 2 && w.text.toLowerCase() === 'of');
    const measured = of > 0 ? region[of + 1] : undefined;
    if (measured && matches(measured, head)) return 'direct';
    return target.some((t) => matches(first, t)) ? 'direct' : 'other';
  }
  if (region.some((w) => target.some((t) => matches(w, t)))) return 'near';
  const before = words.filter((w) => w.end <= sp.start && w.start >= sp.start - 40).slice(-3);
  return before.some((w) => target.some((t) => matches(w, t))) ? 'near' : null;
}

const CLAUSE_START =
  /\b(?:that|which|who|whom|because|although|though|whereas|while|but)\b|[;:]|\s[-\u2013\u2014]\s|,\s+(?:and|but|while|whereas)\b|\band\s+(?=(?:he|she|they|it|we)\b)/g;

/**
 * Start offsets of a sentence's clauses: a reported "that ...", a "which ..." or ", and she ..." is a clause
 * of its own; a relative clause ends at its comma (unless the comma sets off a place: "in Lyon, France,").
 */
export function clauseStarts(text: string): number[] {
  let starts = clauseCache.get(text);
  if (!starts) {
    starts = findClauseStarts(text);
    if (clauseCache.size > 20_000) clauseCache.clear();
    clauseCache.set(text, starts);
  }
  return starts;
}

/** Clause starts per sentence text: every check of a candidate asks for them again. */
const clauseCache = new Map<string, number[]>();

function findClauseStarts(text: string): number[] {
  const out = [0];
  const attribution = /^according to [^,]+,\s*/i.exec(text);
  if (attribution) out.push(attribution[0].length);
  // "The ban on Monday - a halt to all building work - was lifted": a pair of dashes sets off an aside, and
  // the clause goes on after it; a single dash starts a clause of its own.
  const dashes = [...text.matchAll(/\s[-\u2013\u2014]\s/g)].length;
  for (const m of text.matchAll(CLAUSE_START)) {
    if (dashes >= 2 && /^\s[-\u2013\u2014]\s$/.test(m[0])) continue;
    out.push(m.index);
    if (!/^(?:which|who|whom)\b/.test(m[0])) continue;
    const commas = /,\s/g;
    commas.lastIndex = m.index;
    for (let c = commas.exec(text); c; c = commas.exec(text)) {
      const place = /^,\s+\p{Lu}[\p{L}.' -]*,\s/u.exec(text.slice(c.index));
      if (place) {
        commas.lastIndex = c.index + place[0].length - 1;
        continue;
      }
      out.push(c.index + 1);
      break;
    }
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

/** "the 30% of drivers who want to stop": whether a relative clause right after a value describes it. */
function describedBy(text: string, starts: number[], clause: number, end: number): boolean {
  const next = starts[clause + 1];
  return next !== undefined && next - end <= 30 && /^(?:who|which|that)\b/.test(text.slice(next));
}

/** The clause (start, end) holding an offset. */
export function clauseAround(text: string, at: number): { start: number; end: number } {
  const starts = clauseStarts(text);
  const i = clauseAt(starts, at);
  return { start: starts[i] ?? 0, end: starts[i + 1] ?? text.length };
}

function clauseAt(starts: number[], at: number): number {
  let i = 0;
  while (i + 1 < starts.length && (starts[i + 1] ?? Number.POSITIVE_INFINITY) <= at) i++;
  return i;
}

const DATE_NOISE =
  /^(?:in|on|at|from|to|between|and|by|since|until|till|of|the|a|an|during|before|after|around|circa)$/i;

function dateKeys(text: string): string[] {
  return splitWords(text)
    .map((w) => w.text.toLowerCase().replace(/\.$/, ''))
    .filter((w) => !DATE_NOISE.test(w))
    .map((w) => (/^\d/.test(w) ? w : w.slice(0, 3)));
}

/**
 * Whether the sentence's dates agree with a date the question names: "How many jobs were cut last year?" is
 * not answered by a sentence about "between 2018 and 2021". A sentence without dates does not disagree.
 */
export function datesAgree(s: IndexedSentence, question: Question): boolean {
  const asked = askedDates(question);
  if (asked.length === 0) return true;
  const dates = s.spans.filter((sp) => sp.kind === 'date').map((sp) => s.text.slice(sp.start, sp.end));
  // "that day", "a year later": a date that points back at another cannot disagree with a named one.
  const named = asked.some((d) => NAMED_DATE.test(d));
  const written = new Set((named ? dates.filter((d) => NAMED_DATE.test(d)) : dates).flatMap(dateKeys));
  if (written.size === 0) return true;
  return asked.every((d) => dateKeys(d).every((k) => written.has(k)));
}

const askedCache = new WeakMap<Question, string[]>();

/** What every date pattern needs: a digit, a month, a weekday, a season or a time word. */
const MAY_DATE =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|spring|summer|autumn|fall|winter|year|month|week|day|decade|century|yesterday|today|tonight|tomorrow|weekend|morning|afternoon|evening|night|fortnight)/i;

/** The dates a question names, read once per question (every candidate sentence is checked against them). */
function askedDates(question: Question): string[] {
  let dates = askedCache.get(question);
  if (!dates && !MAY_DATE.test(question.text)) dates = [];
  if (!dates) {
    dates = findValueSpans(normalizeChars(question.text))
      .filter((sp) => sp.kind === 'date')
      .map((sp) => question.text.slice(sp.start, sp.end));
    askedCache.set(question, dates);
  }
  return dates;
}

/** What may stand between a speech verb and the quote it introduces: an object, "as", a colon. */
const INTRODUCES = /^\s*(?:[\p{L}'-]+\s+){0,2}(?:as\s+)?[,:]?\s*["\u201c]?\s*$/u;

const NAMED_DATE =
  /\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|spring|summer|autumn|fall|winter|yesterday|today|tomorrow)/i;

const NEGATION = /\b(?:not|never|no|neither|nor|without|none)\b|n't\b/i;

/**
 * Whether the question's words around a picked value stand in its clause, and not negated there: "Kim, who
 * did not play in May, has never lost a match" holds no date for "When did Kim lose a match?".
 */
export function valueHeld(
  s: IndexedSentence,
  pick: Pick,
  weights: Map<string, number>,
  question: Question,
): boolean {
  const hits = matchedAt(s, weights);
  const total = hits.reduce((a, h) => a + h.w, 0);
  if (total === 0) return true;
  const starts = clauseStarts(s.text);
  const clause = clauseAt(starts, pick.start);
  const describes = describedBy(s.text, starts, clause, pick.end);
  const own = hits.filter((h) => {
    const c = clauseAt(starts, h.at);
    return c === clause || (describes && c === clause + 1);
  });
  if (own.reduce((a, h) => a + h.w, 0) < 0.2 * total) return false;
  if (NEGATION.test(question.text)) return true;
  // A denied predicate holds no value for it ("Kim, who did not play in May"); a name after a "not" does not
  // deny the question's own verb ("who did not perform in Tarn in May" still dates Tarn).
  const entities = new Set(question.terms.filter((t) => t.entity).map((t) => t.term));
  const predicate = new Map([...weights].filter(([t]) => !entities.has(t)));
  const denied = matchedAt(s, predicate).filter((h) => {
    const c = clauseAt(starts, h.at);
    return c === clause || (describes && c === clause + 1);
  });
  return !denied.some((h) => {
    const before = s.text.slice(Math.max(starts[clause] ?? 0, h.at - 30), h.at);
    return NEGATION.test(before) && before.split(/\s+/).length <= 6;
  });
}

/**
 * Whether the value's clause holds one of the question's own words other than names ("held" in "How long was
 * X held?"): a value in a clause that only shares the names answers another question about them.
 */
export function predicateNear(s: IndexedSentence, pick: Pick, question: Question): boolean {
  const predicate = new Map(
    question.terms.filter((t) => !t.entity && !LIGHT_VERBS.has(t.term)).map((t) => [t.term, 1]),
  );
  if (predicate.size === 0) return true;
  const starts = clauseStarts(s.text);
  const clause = clauseAt(starts, pick.start);
  const describes = describedBy(s.text, starts, clause, pick.end);
  return matchedAt(s, predicate).some((h) => {
    const c = clauseAt(starts, h.at);
    return c === clause || (describes && c === clause + 1);
  });
}

/**
 * Ranks the value spans of the wanted kinds, best first. Each is scored by the question words in its stretch of
 * the sentence (from the previous value of those kinds to the next; words before the first value are shared by
 * all), so "55% of imports came from Norland and 20% from Estavia" answers "from Estavia" with 20%. Words in
 * another clause count less ("told MPs on Tuesday that the programme would begin in 2026"), a date the
 * question names pins the value next to it, a name the question does not ask about right after a value counts
 * against it, nearer words break ties.
 */
export function pickValues(
  index: SearchIndex,
  s: IndexedSentence,
  question: Question,
  weights: Map<string, number>,
  kinds: readonly SpanKind[],
): Pick[] {
  const spoken = kinds.includes('date') && !asksAboutSpeech(question) ? speechVerbs(index, s) : [];
  const spans = groupConversions(
    s,
    s.spans.filter(
      (sp) =>
        kinds.includes(sp.kind) &&
        !overlapsQuestion(s.text.slice(sp.start, sp.end), question) &&
        !(sp.kind === 'date' && spoken.some((v) => datesSpeech(s, v, sp))),
    ),
  );
  const first = spans[0];
  if (!first) return [];
  const hits = matchedAt(s, weights);
  const starts = clauseStarts(s.text);
  // A date the question names ("in 2012", "a year earlier") pins the value written next to it.
  const pivots = s.spans.filter(
    (d) => d.kind === 'date' && !kinds.includes('date') && hits.some((h) => h.at >= d.start && h.at < d.end),
  );
  const mean = hits.length ? hits.reduce((a, h) => a + h.w, 0) / hits.length : 0;
  const foreign = s.spans.filter(
    (n) =>
      n.kind === 'name' &&
      !hits.some((h) => h.at >= n.start && h.at < n.end) &&
      !question.entities.some((e) => e.toLowerCase().includes(s.text.slice(n.start, n.end).toLowerCase())),
  );
  // "What share of the vote ...": a percentage answers it better than a count of votes beside it.
  const share = question.typeTerms.some((t) => SHARE_WORDS.has(t));
  // "When was the ban lifted?": the date beside the question's verb; "When did X tell ...?": the date
  // the telling is dated by.
  const verbAt =
    question.predicate && kinds.includes('date')
      ? matchedAt(s, new Map([[question.predicate, 1]])).map((h) => h.at)
      : [];
  const told = kinds.includes('date') && asksAboutSpeech(question) ? speechVerbs(index, s) : [];
  const negative = NEGATION.test(question.text);
  const before = question.preposition ? new RegExp(`\\b${question.preposition}\\s+$`, 'i') : null;
  const stretch = (i: number) => {
    const whole = spans[i + 1] && PART_OF.test(s.text.slice(spans[i]?.end, spans[i + 1]?.start));
    return [spans[i - 1]?.end ?? 0, spans[i + (whole ? 2 : 1)]?.start ?? s.text.length] as const;
  };
  const denials = new Set(spans.map((_, i) => i).filter((i) => NEGATION.test(s.text.slice(...stretch(i)))));
  // "rose by 0.5 points to 4.75%": the value after "by" is a change, the one after "to" the level reached.
  const change = /^\W*by how much\b/i.test(question.text) || CHANGE_WORD.test(question.text);
  const byValue = (sp: Span) => /\bby\s+$/i.test(s.text.slice(Math.max(0, sp.start - 4), sp.start));
  const toValue = (sp: Span) => /\b(?:to|at)\s+$/i.test(s.text.slice(Math.max(0, sp.start - 4), sp.start));
  const scored = spans.map((sp, i) => {
    // "14 of the 40 seats": the part's stretch runs on over the whole it is part of.
    const [lo, hi] = stretch(i);
    const clause = clauseAt(starts, sp.start);
    const described = describedBy(s.text, starts, clause, sp.end);
    let score = 0;
    for (const h of hits) {
      const c = clauseAt(starts, h.at);
      const same = c === clause || (described && c === clause + 1) ? 1 : 0.6;
      if ((h.at >= lo && h.at < hi) || h.at < first.start) score += h.w * same;
      const dist = h.at < sp.start ? sp.start - h.at : h.at - sp.end;
      score += (0.3 * h.w * same) / (1 + Math.max(0, dist) / 20);
    }
    if (foreign.some((n) => n.start >= sp.end && n.start < hi)) score -= 0.5 * mean;
    for (const d of pivots) {
      const gap = d.start >= sp.end ? s.text.slice(sp.end, d.start) : s.text.slice(d.end, sp.start);
      const words = gap.split(/\s+/).filter(Boolean).length;
      const w = hits.filter((h) => h.at >= d.start && h.at < d.end).reduce((a, h) => a + h.w, 0);
      score += (2 * w) / (1 + words / 3);
    }
    score -= 0.05 * kinds.indexOf(sp.kind);
    if (share && sp.kind === 'percent') score += 2 * Math.max(mean, 0.5);
    for (const at of verbAt) {
      if (clauseAt(starts, at) !== clause) continue;
      // A date after the verb is the verb's ("was lifted on Friday"); one before may date its subject ("the
      // ban on Monday").
      const after = at < sp.start;
      const gap = after ? s.text.slice(at, sp.start) : s.text.slice(sp.end, at);
      score += ((after ? 2 : 1) * Math.max(mean, 0.5)) / (1 + gap.split(/\s+/).filter(Boolean).length / 3);
    }
    if (sp.kind === 'date' && told.some((v) => datesSpeech(s, v, sp))) score += Math.max(mean, 0.5);
    // "By what age ...": the value written after that preposition.
    if (before?.test(s.text.slice(Math.max(0, sp.start - 12), sp.start))) score += Math.max(mean, 0.5);
    // "pupils who did not eat fish": of values told apart by a "not", the one whose stretch says it.
    // "3% of those who ate it, against 17% of those who didn't": without a "not" in the question, the other.
    if (denials.size > 0 && denials.size < spans.length && denials.has(i))
      score += (negative ? 3 : -1.5) * Math.max(mean, 0.5);
    if (change ? byValue(sp) : byValue(sp) && spans.some((o) => o.kind === sp.kind && toValue(o)))
      score += (change ? 1 : -1) * Math.max(mean, 0.5);
    const fit = measuresTarget(index, s, sp, question.target);
    if (fit === 'direct') score += 2 * Math.max(mean, 0.5);
    if (fit === 'near') score += 0.5 * Math.max(mean, 0.5);
    if (fit === 'other') score -= 2 * Math.max(mean, 0.5);
    // "won 14 of the 40 seats": the part is what was won, the whole is its measure.
    if (WHOLE.test(s.text.slice(Math.max(0, sp.start - 30), sp.start))) score -= Math.max(mean, 0.5);
    return { sp, score };
  });
  // A stable sort: of equal scores, the value written first comes first.
  return scored
    .sort((a, b) => b.score - a.score)
    .map(({ sp }) => ({ start: sp.start, end: sp.end, text: withUnit(s, sp) }));
}

/** Words that ask for a change in a value ("How much did prices rise?"), not the value itself. */
const CHANGE_WORD =
  /\b(?:ris(?:e|es|en|ing)|rose|rais(?:e|ed|es|ing)|increas(?:e|ed|es|ing)|cut|cuts|fall|fell|fallen|falls|drop(?:s|ped)?|lower(?:ed|s)?|gain(?:ed|s)?|lose|lost|grow|grew|grown|jump(?:ed|s)?|climb(?:ed|s)?|reduc(?:e|ed|es|ing)|decline[ds]?|change[ds]?)\b/i;

const WHOLE = /\d\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?$/;
const PART_OF = /^\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?$/;

const SHARE_WORDS = new Set(['percentage', 'percent', 'proportion', 'share', 'fraction']);

/** Whether the question is about something said ("When did X announce ...", "What did Y say ..."). */
function asksAboutSpeech(question: Question): boolean {
  return (
    question.speech ||
    [...question.terms.map((t) => t.term), ...question.typeTerms].some((t) => SPEECH_VERBS.has(t))
  );
}

/**
 * Whether a date tells when something was said ("Ames said on Tuesday", "told reporters on Wednesday that
 * ..."): it dates the statement, not the event the statement is about.
 */
function datesSpeech(s: IndexedSentence, verb: { start: number; end: number }, date: Span): boolean {
  if (date.start >= verb.end) {
    const between = s.text.slice(verb.end, date.start);
    return (
      !/[,;:"\u201c\u201d]|\bthat\b/.test(between) && between.trim().split(/\s+/).filter(Boolean).length <= 4
    );
  }
  return date.end <= verb.start && /^\s*$/.test(s.text.slice(date.end, verb.start));
}

/**
 * "5bn crowns ($480m: £380m)": values in brackets right after a value restate it in other units;
 * they join the first as one span, so the answer carries all three and they do not compete.
 */
function groupConversions(s: IndexedSentence, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const sp of spans) {
    const head = out.at(-1);
    const between = head ? s.text.slice(head.end, sp.start) : '';
    if (head && head.kind === sp.kind && /^\s*\((?:[^()]*[:;,/=]\s*)?$/.test(between)) {
      const close = s.text.indexOf(')', sp.end);
      const end = close >= 0 && !/[()]/.test(s.text.slice(sp.end, close)) ? close + 1 : sp.end;
      out[out.length - 1] = { ...head, end };
      continue;
    }
    if (head && head.end > sp.start) continue;
    out.push(sp);
  }
  return out;
}

const UNIT_STOP =
  /^(?:of|in|a|an|the|and|or|to|from|were|was|are|is|be|been|have|has|had|who|that|which|for|with|on|at|by|than|more|less|between|during|since|until|after|before|per|each|will|would|could|can|may|might|should|must|did|do|does)$/;

/** "31,000" -> "31,000 vehicles", "$4.99" -> "$4.99 per month": the value with the words that say what it is. */
function withUnit(s: IndexedSentence, sp: Span): string {
  const value = s.text.slice(sp.start, sp.end);
  const rest = s.text.slice(sp.end);
  if (sp.kind === 'date' || sp.kind === 'duration') {
    // "before Christmas" is not "Christmas": keep a preposition that changes what the date means.
    const lead = /\b(?:before|after|until|till|by|since|from|around|about|within)\s+$/i.exec(
      s.text.slice(Math.max(0, sp.start - 8), sp.start),
    );
    return lead ? `${lead[0]}${value}` : value;
  }
  if (sp.kind === 'money') {
    const per = /^\s+(?:a|an|per|each) (?:year|month|week|day|hour|head|person|share|barrel)\b/.exec(rest);
    return per ? value + per[0] : value;
  }
  if (sp.kind === 'count') {
    const words = /^((?:\s+[\p{Ll}][\p{L}-]*){1,3})/u.exec(rest)?.[1]?.trim().split(/\s+/) ?? [];
    const stop = words.findIndex((w) => UNIT_STOP.test(w));
    const kept = stop < 0 ? words : words.slice(0, stop);
    return kept.length ? `${value} ${kept.join(' ')}` : value;
  }
  return value;
}

/**
 * The words of a claim: the quotation nearest the speaker if the sentence has one, else what follows the
 * speech verb nearest the speaker ("said the city should have ..."), else what precedes ", Smith said".
 */
export function pickClaim(
  index: SearchIndex,
  s: IndexedSentence,
  weights: Map<string, number>,
  speaker?: { start: number; end: number },
  continued = false,
): Pick | null {
  const near = (from: number, to: number) =>
    speaker ? Math.min(Math.abs(from - speaker.end), Math.abs(speaker.start - to)) : 0;
  const hits = matchedAt(s, weights);
  const quotes = s.spans.filter((sp) => sp.kind === 'quote');
  const verbs = speechVerbs(index, s);
  // A short quote the question's words miss is a scare quote ("for more details"), not the claim, unless a
  // speech verb introduces it ("called the plan 'a fantasy'"); a quote made only of the question's words
  // ("the 'night guard' told him") is its topic, not its answer.
  const claimQuotes = quotes
    .map((q) => {
      const inside = hits.filter((h) => h.at >= q.start && h.at < q.end);
      const words = splitWords(s.text.slice(q.start, q.end)).length;
      const introduced = verbs.some((v) => INTRODUCES.test(s.text.slice(v.end, q.start)));
      return { q, w: inside.reduce((a, h) => a + h.w, 0), words, introduced, echo: inside.length >= words };
    })
    .filter(({ w, words, introduced, echo }) => !echo && (w > 0 || words >= 4 || introduced));
  const ranked = claimQuotes
    .map(({ q, w }) => ({ q, w, score: w + (q.end - q.start) / 1000 - near(q.start, q.end) / 200 }))
    .sort((a, b) => b.score - a.score)[0];
  // 'said she would not order a review and that the claims were "badly sourced"': a quote without the
  // question's words loses to the speaker's own words that hold them.
  const spoken = [...verbs].sort((a, b) => near(a.start, a.end) - near(b.start, b.end))[0];
  const gap = ranked && spoken ? s.text.slice(spoken.end, ranked.q.start) : '';
  const reported =
    spoken !== undefined &&
    splitWords(gap).length >= 6 &&
    !/[:,]\s*["\u201c]?\s*$/.test(gap) &&
    hits.some((h) => h.at > spoken.end && !quotes.some((q) => h.at >= q.start && h.at < q.end));
  const top = ranked && (ranked.w > 0 || !reported) ? ranked.q : undefined;
  if (top) {
    return { start: top.start, end: top.end, text: s.text.slice(top.start, top.end).replace(/[\s,]+$/, '') };
  }
  const verb = [...verbs].sort((a, b) => near(a.start, a.end) - near(b.start, b.end))[0];
  if (!verb) {
    // The rest of a quotation opened in the sentence before: the sentence is the claim.
    if (!continued) return null;
    const text = s.text.replace(/["\u201d]\s*$/, '').trim();
    return { start: 0, end: text.length, text };
  }
  const after = s.text.slice(verb.end);
  // "told reporters that ...", "alleging on Friday that ...": the claim starts after a nearby "that".
  const that = /^(?:\s+[^\s,.;:"]+){0,5}?\s+that\s+/.exec(after);
  const lead =
    that?.[0] ??
    /^(?:\s+(?:on \w+|in a statement|in an interview))*\s*[,:]?\s*["\u201c]?/.exec(after)?.[0] ??
    '';
  let body = after
    .slice(lead.length)
    .replace(/[.\s]+$/, '')
    .replace(/["\u201d]$/, '');
  // "X claimed that A, and a spokesman, Y, said B": X's claim ends where Y's attribution begins.
  const next = verbs.find((v) => v.start > verb.end);
  if (next) {
    const cut = body
      .slice(0, next.start - verb.end - lead.length)
      .search(/,\s+(?:and|but|while)\s+[^,]*(?:,[^,]*,)?\s*$/);
    if (cut > 0) body = body.slice(0, cut);
  }
  // '..., Hart added: "...': the claim ends where someone else's words are introduced.
  const other = /,\s+(?:\p{Lu}[\p{L}'-]*\s+){1,3}(?:\p{Ll}+ly\s+)?\p{Ll}+:?\s*["\u201c]/u.exec(body);
  if (other && other.index > 0 && verbs.some((v) => v.start > verb.end + lead.length + other.index))
    body = body.slice(0, other.index);
  if (body.split(/\s+/).length >= 3) {
    const start = verb.end + lead.length;
    return { start, end: start + body.length, text: body };
  }
  const before = s.text.slice(0, verb.start);
  const cut = before.lastIndexOf(',');
  if (cut > 10) return { start: 0, end: cut, text: s.text.slice(0, cut) };
  return null;
}

const REASON =
  /\b(?:because(?: of)?|since|as a result of|due to|owing to|thanks to|in order to|so that|for fear|after|amid|over|to avoid|to protect|to prevent)\b/i;

/** Markers that state a reason outright; "after", "amid" and "over" may only tell what came first. */
const STRONG_REASON =
  /\b(?:because(?: of)?|as a result of|due to|owing to|thanks to|in order to|so that|for fear|to avoid|to protect|to prevent)\b/i;

/** A phrase right after the question's words that gives the cause: "taken to hospital with a broken ankle". */
const CAUSE_PHRASE =
  /^,?\s+((?:with|for|over|after|amid|following|on suspicion of|from)\s+[^;]+?)(?=;|\.\s*$|$)/i;

/**
 * The reason clause of a why question ("because ..."), or null to fall back to the sentence. A stated reason
 * anywhere wins; else the phrase right after the question's own words when a preposition opens it ("fined for
 * ..."); else a weaker marker ("after ...").
 */
export function pickReason(s: IndexedSentence, weights: Map<string, number>): Pick | null {
  const strong = reasonFrom(s, STRONG_REASON.exec(s.text)?.index);
  if (strong) return strong;
  const last = matchedAt(s, weights).at(-1);
  const word = last ? splitWords(s.text.slice(last.at))[0] : undefined;
  if (last && word) {
    const from = last.at + word.end;
    const m = CAUSE_PHRASE.exec(s.text.slice(from));
    if (m?.[1]) {
      const start = from + m[0].length - m[1].length;
      const text = m[1].trim();
      if (text.split(/\s+/).length >= 3) return { start, end: start + text.length, text };
    }
  }
  return reasonFrom(s, REASON.exec(s.text)?.index);
}

function reasonFrom(s: IndexedSentence, at: number | undefined): Pick | null {
  if (at === undefined) return null;
  const rest = s.text.slice(at);
  const end = at + (/^[^;]*?(?=[;]|\.\s*$|$)/.exec(rest)?.[0].length ?? rest.length);
  const text = s.text.slice(at, end).trim();
  return text.split(/\s+/).length >= 3 ? { start: at, end, text } : null;
}

const LONG_SENTENCE = 240;

/** A sentence short enough to read as an answer: whole when short, else the clauses holding the question's words. */
export function pickClause(s: IndexedSentence, weights: Map<string, number>): Pick {
  const text = s.text.replace(/\s+$/, '');
  if (text.length <= LONG_SENTENCE) return { start: 0, end: text.length, text };
  const cuts = [0];
  for (const m of text.matchAll(/[,;:]\s+|\s+[-\u2013\u2014]\s+/g)) cuts.push(m.index + m[0].length);
  cuts.push(text.length);
  const hits = matchedAt(s, weights);
  let best = { start: 0, end: Math.min(text.length, LONG_SENTENCE), score: -1 };
  for (let i = 0; i < cuts.length - 1; i++) {
    for (let j = i + 1; j < cuts.length; j++) {
      const start = cuts[i] ?? 0;
      const end = cuts[j] ?? text.length;
      if (end - start > LONG_SENTENCE) break;
      const score =
        hits.filter((h) => h.at >= start && h.at < end).reduce((a, h) => a + h.w, 0) + (end - start) / 10000;
      if (score > best.score) best = { start, end, score };
    }
  }
  const slice = text.slice(best.start, best.end).replace(/[\s,;:]+$/, '');
  return { start: best.start, end: best.start + slice.length, text: slice };
}
