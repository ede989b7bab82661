/**
 * Figures: money, percentages, ratios, counts, scores and ages, each with its parsed value, its unit, what it
 * measures and the period it refers to.
 *
 * Decisions worth knowing:
 * - `value` is null when the text gives no single number: "dozens of volunteers" (display "dozens"),
 *   "10-19%", a "7-2" vote or a "2-0" score (unit "votes" / "score").
 * - Units: ISO currency codes (USD for a bare "$"; a code or a country's currency name read as written, "NOK 9.8
 *   billion", "1.4 billion Norwegian kroner"), "%", "ratio" (value 0.75 for "three out of four"),
 *   "years" for ages ("Ms X, 27," measures "age of Ms X"), and for counts the counted noun as written
 *   ("ferry crossings").
 * - Dates and durations are never figures ("May 4", "2011", "for 18 months" belong to the timeline), nor are
 *   ordinals, numbers that name things ("Section 8"), or the lone word "one".
 * - `display` keeps a qualifier written before the number ("nearly $3.2bn", "as much as 15%"): without it the
 *   figure would say more than the article does.
 * - `measures` follows the phrase around the figure: the comparison ("28% less likely to ..."), whoever had a
 *   count after "with" ("votes of <candidate>"), the share a bracketed percentage is of the figure before it,
 *   what changed for a level reached ("rose 18% to $X" measures what rose). It ends on a whole phrase.
 * - `period` is the date in the figure's own clause piece, else the nearest date before it in the sentence, else
 *   null. A date that only says when something was said ("said on Thursday that ...") is not a period, and a
 *   date later in another piece ("..., ending a search that began in 1998") is not either.
 */

import type { Sentence } from '../nlp/sentences.ts';
import { nlp } from '../nlp/wink.ts';
import type { FigureItem, WhenItem } from '../schema.ts';
import { citeSentence } from './cite.ts';
import { clauseBreaks, type DatePhrase, sentenceDatePhrases } from './dates.ts';
import { findEntities } from './entities.ts';
import { findQuantities, type Quantity } from './numbers.ts';
import type { AnalyzedArticle } from './types.ts';

/** A word of a sentence with its part of speech and offsets. */
interface Token {
  text: string;
  lower: string;
  pos: string;
  start: number;
  end: number;
}

/** What is known about one sentence while its figures are described. */
interface SentenceView {
  s: Sentence;
  tokens: Token[];
  dates: DatePhrase[];
  quantities: Quantity[];
}

/** A described figure, kept so the next one in the sentence can borrow its noun ("60% of X ... and 31% from Y"). */
interface Described {
  q: Quantity;
  unit: string;
  measures: string;
  /** The noun phrase alone, without a verb phrase ("the region's grain imports"). */
  base: string;
}

/** Counts of these are durations or frequencies, which the timeline covers. */
const TIME_UNITS =
  /^(?:seconds?|minutes?|hours?|days?|mornings?|afternoons?|evenings?|nights?|weekends?|weeks?|fortnights?|months?|years?|decades?|centuries|century|times)$/i;
const LINKING_VERBS =
  /^(?:add|total|amount|reach|be|stand|come|hit|top|exceed|equal|represent|account|number|run|near|surpass)$/;
const CHANGE_VERBS =
  /^(?:rise|fall|drop|decline|increase|decrease|grow|jump|climb|slip|slide|plunge|soar|gain|lose|shrink|cut|fell|rose|dip|surge|slump|tumble|sink|double|halve|widen|narrow|expand|contract|improve|worsen|ease|rebound|recover|edge)$/;
const CHANGE_NOUNS =
  /^(?:rise|fall|drop|decline|increase|decrease|growth|jump|climb|gain|loss|cut|reduction|hike|surge|slump|dip|improvement)$/;
const NP_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART']);
/** Verbs whose object, not subject, ends up "with" something: "leaves X with", "provided X with". */
const HANDING_VERBS = /^(?:leav|left|provid|suppl|equip|credit|present|reward|hand|fill)/;
const COMPARATIVE =
  /^(?:less|more|fewer|lower|higher|greater|smaller|larger|bigger|cheaper|dearer|faster|slower|better|worse|longer|shorter|stronger|weaker)$/;
const POSSESSIVE = /^(?:its|their|his|her|our|my|your)$/;
/** Prepositions that may continue a noun phrase ("ferries from the island", "sales from corner shops"). */
const PHRASE_PREPOSITIONS = /^(?:from|in|at|on|with|among|across|for)$/;
const MAX_MEASURE_WORDS = 14;
const DANGLING_WORD =
  /^(?:the|a|an|of|on|in|at|to|by|for|from|with|and|or|but|their|its|his|her|our|that|which|who)$/i;

/** Money, percentages and counts with their value, unit, what they measure and the period. */
export function extractFigures(a: AnalyzedArticle, ctx: { when: WhenItem[] }): FigureItem[] {
  const out: FigureItem[] = [];
  const datesBySentence = groupWhenBySentence(ctx.when);
  for (const s of a.sentences) {
    const dates = sentenceDatePhrases(s);
    const quantities = findQuantities(
      s.norm,
      dates.map((d) => [d.start, d.end] as const),
    );
    if (quantities.length === 0) continue;
    // Tokens come from the normalised text (straight quotes, so "'s" is one form); offsets are the same.
    const view: SentenceView = { s, tokens: tokenize(s.norm), dates, quantities };
    const when = datesBySentence.get(sentenceKey(s.paragraph, s.text)) ?? [];
    let previous: Described | null = null;
    for (const q of quantities) {
      const described = describeQuantity(view, q, previous);
      if (!described) continue;
      const owner = described.measures === 'age' ? ageOwner(a, s, q) : null;
      out.push({
        value: q.value,
        unit: described.unit,
        display: s.text.slice(q.qualifierStart, q.end),
        measures: owner ? `age of ${owner}` : described.measures,
        period: periodOf(view, q, when),
        citations: [citeSentence(s)],
      });
      previous = described;
    }
  }
  return out;
}

/** How far back "She was 87." looks for the person it is said of. */
const AGE_OWNER_REACH = 2;

/**
 * "She was 87.", "the 78-year-old retires in May": an age with no name beside it is the age of the person
 * named last before it, in the sentence or the two before. A bare "until age 5" is nobody's.
 */
function ageOwner(a: AnalyzedArticle, s: Sentence, q: Quantity): string | null {
  const lead = s.norm.slice(0, q.qualifierStart);
  if (!/\b(?:he|she)\s+(?:was|is)\s+$|\bthe\s+$/i.test(lead)) return null;
  const table = findEntities(a);
  for (let si = s.index; si >= 0 && si >= s.index - AGE_OWNER_REACH; si--) {
    const tokens = table.sentences[si]?.tokens ?? [];
    const people = table.mentionsIn(si).filter(({ entity, mention }) => {
      const at = tokens[mention.start]?.start ?? 0;
      return entity.kind === 'person' && (si < s.index || at < q.qualifierStart);
    });
    const last = people[people.length - 1];
    if (last) return last.entity.name;
  }
  return null;
}

function sentenceKey(paragraph: number, text: string): string {
  return `${paragraph}\u0000${text}`;
}

function groupWhenBySentence(items: WhenItem[]): Map<string, WhenItem[]> {
  const map = new Map<string, WhenItem[]>();
  for (const item of items) {
    for (const c of item.citations) {
      const key = sentenceKey(c.paragraph, c.quote);
      map.set(key, [...(map.get(key) ?? []), item]);
    }
  }
  return map;
}

/** wink's tokens with their offsets in the sentence, so noun phrases can be quoted as written. */
function tokenize(text: string): Token[] {
  const n = nlp();
  const doc = n.readDoc(text);
  const values = doc.tokens().out(n.its.value) as string[];
  const pos = doc.tokens().out(n.its.pos) as string[];
  const out: Token[] = [];
  let cursor = 0;
  values.forEach((value, i) => {
    const at = text.indexOf(value, cursor);
    if (at < 0) return;
    out.push({
      text: value,
      lower: value.toLowerCase(),
      pos: pos[i] ?? 'X',
      start: at,
      end: at + value.length,
    });
    cursor = at + value.length;
  });
  return out;
}

/** What a figure measures: in full, and as a bare noun phrase a gapped figure after it can borrow. */
interface Meaning {
  measures: string;
  base: string;
}

/** A figure with the words around it, as the meaning rules below read it. */
interface FigureContext {
  v: SentenceView;
  q: Quantity;
  before: Token[];
  after: Token[];
  previous: Described | null;
  /** For counts: the counted noun phrase ("old ferries from the island") and where it ends. */
  noun: { phrase: string; end: number; unit: string } | null;
}

function describeQuantity(v: SentenceView, q: Quantity, previous: Described | null): Described | null {
  const after = v.tokens.filter((t) => t.start >= q.end);
  const before = v.tokens.filter((t) => t.end <= q.qualifierStart);
  if (q.kind === 'age') return { q, unit: 'years', ...ageMeaning(v, q, after, before) };

  // "(£7m)" after "$9m": the same amount in another currency measures the same thing.
  if (previous && q.kind === 'money' && previous.q.kind === 'money') {
    const between = v.s.norm.slice(previous.q.end, q.qualifierStart).trim();
    if (/^[(:;/]?$/.test(between) || /^[^()]*\($/.test(between)) {
      return { q, unit: q.unit ?? '', measures: previous.measures, base: previous.base };
    }
  }

  // "3,105 votes (29.7%)": a percentage in brackets is the share the figure before it makes.
  const bracketed = /^[\p{L}\s'-]*\($/u.test(v.s.norm.slice(previous?.q.end ?? 0, q.qualifierStart));
  if (previous && previous.q.kind !== 'percent' && q.kind === 'percent' && bracketed) {
    return { q, unit: '%', measures: cap(`share: ${previous.measures}`), base: previous.base };
  }
  if (q.kind !== 'count') {
    return { q, unit: q.unit ?? '', ...meaningOf({ v, q, before, after, previous, noun: null }) };
  }
  // "a one-room library", "a one-man show": "one" in a compound describes, it counts nothing.
  if (/\bone$/i.test(v.s.norm.slice(q.qualifierStart, q.end)) && v.s.norm[q.end] === '-') return null;
  const noun = countedNoun(v, after) ?? nounOfBefore(before, q);
  if (!noun) {
    // "18,500 flu shots, up from 14,200": a number without a noun counts what the previous one counted.
    const between = v.s.norm.slice(previous?.q.end ?? 0, q.qualifierStart);
    if (
      previous?.q.kind === 'count' &&
      /\b(?:from|to|than|versus|vs|and|or|compared with)\s*$/i.test(between)
    ) {
      return { q, unit: previous.unit, measures: previous.measures, base: previous.base };
    }
    return null;
  }
  if (TIME_UNITS.test(noun.unit)) return null;
  return { q, unit: noun.unit, ...meaningOf({ v, q, before, after, previous, noun }) };
}

/** "a crowd of 11,240 watched": a count with no noun after it counts the noun before "of". */
function nounOfBefore(before: Token[], q: Quantity): { unit: string; end: number; phrase: string } | null {
  const of = before[before.length - 1];
  const head = before[before.length - 2];
  if (of?.lower !== 'of' || head?.pos !== 'NOUN') return null;
  if (
    /^(?:total|number|sum|figure|amount|average|maximum|minimum|majority|record|score|rate|ages?)$/.test(
      head.lower,
    )
  )
    return null;
  return { unit: head.text, end: q.end, phrase: head.text };
}

/** The first meaning rule that applies, in order of how specific it is; the clause itself as a last resort. */
function meaningOf(c: FigureContext): Meaning {
  const rules = [
    gappedMeaning,
    levelMeaning,
    withMeaning,
    countMeaning,
    comparativeMeaning,
    stateMeaning,
    shareMeaning,
    modifierMeaning,
    changeMeaning,
    byMeaning,
    headMeaning,
    scoreMeaning,
    verbMeaning,
  ];
  for (const rule of rules) {
    const found = rule(c);
    if (found) return { measures: cap(found.measures), base: found.base };
  }
  const clause = clauseWithout(c.v, c.q);
  return { measures: cap(clause), base: clause };
}

/** "55% of X came from Chile and 20% from Peru": the second figure borrows X and keeps its own phrase. */
function gappedMeaning({ v, q, previous, noun }: FigureContext): Meaning | null {
  if (!previous || noun || !isGapped(v, q, previous)) return null;
  const pp = trailingPhrase(v, q.end);
  return { measures: [previous.base, pp].filter(Boolean).join(' '), base: previous.base };
}

/** "profit rose 18% to $1.4bn": the level reached after a change measures what changed. */
function levelMeaning({ v, before, previous }: FigureContext): Meaning | null {
  const last = before[before.length - 1];
  if (!previous?.base || !last || !/^(?:to|from)$/.test(last.lower)) return null;
  if (!/^\s*$/.test(v.s.norm.slice(previous.q.end, last.start))) return null;
  const changed = v.tokens.some(
    (t) => t.end <= previous.q.qualifierStart && t.pos === 'VERB' && CHANGE_VERBS.test(lemmaOf(t.lower)),
  );
  if (!changed) return null;
  return { measures: previous.base, base: previous.base };
}

/** "X won the seat with 4,312 votes": the count is what the clause's subject had. */
function withMeaning({ v, q, before, noun }: FigureContext): Meaning | null {
  const withAt = before.length - 1;
  if (q.kind !== 'count' || !noun || before[withAt]?.lower !== 'with') return null;
  const breaks = clauseBreaks(v.s.norm).filter((b) => b.end <= q.qualifierStart);
  const from = breaks[breaks.length - 1]?.end ?? 0;
  const verb = before.find((t) => t.start >= from && (t.pos === 'VERB' || t.pos === 'AUX'));
  if (verb && HANDING_VERBS.test(verb.lower)) {
    // "leaves the party with 28 seats": the object has them.
    const object = clean(v.s.text.slice(verb.end, before[withAt]?.start ?? verb.end));
    return object ? { measures: `${noun.phrase} of ${object}`, base: noun.phrase } : null;
  }
  const subject = verb ? subjectBefore(v, verb) : '';
  if (!subject || subject.split(' ').length > 8) return null;
  return { measures: `${noun.phrase} of ${subject}`, base: noun.phrase };
}

/** "were 28% less likely to develop dementia", "a 34% lower risk": the comparison is what the figure measures. */
function comparativeMeaning({ v, q, after }: FigureContext): Meaning | null {
  const first = after[0];
  if (q.kind !== 'percent' || !first || !COMPARATIVE.test(first.lower)) return null;
  let end = first.end;
  for (const t of after.slice(1, 8)) {
    if (t.pos === 'PUNCT' || t.pos === 'CCONJ' || isQuantityStart(v, t.start)) break;
    if (v.dates.some((d) => t.start >= d.lead && t.start < d.end)) break;
    end = t.end;
  }
  const text = clean(v.s.text.slice(first.start, end));
  return { measures: text, base: text };
}

/**
 * "three old ferries from the island had sunk", "three out of four smaller farms had never been visited"; a
 * count that is a verb's object says what was done to it ("had burned 12,400 acres": "acres burned"), and one
 * in a subject joined by "and" takes the shared verb ("600 firefighters and 12 helicopters were assigned").
 */
function countMeaning({ v, q, before, after, noun }: FigureContext): Meaning | null {
  if (q.kind !== 'count' && !(q.kind === 'ratio' && after[0]?.lower !== 'of')) return null;
  // "by 25 basis points", "rose 12 points": points measure a change, which the rules after this one read.
  if (
    noun &&
    POINT_UNITS.test(noun.phrase) &&
    (/\s/.test(noun.phrase) || before[before.length - 1]?.lower === 'by')
  )
    return null;
  const np = noun ? { text: noun.phrase, end: noun.end } : npFrom(v, after[0]?.start ?? q.end);
  const base = [possessor(before), np.text].filter(Boolean).join(' ');
  const predicate = predicateAfter(v, np.end) || sharedPredicate(v, np.end);
  if (predicate) return { measures: `${base} ${predicate}`, base };
  const done = noun && noun.end > q.end ? objectParticiple(before) : '';
  if (!done) return { measures: base, base };
  // "killing at least 14 people in a landslide": "people killed in a landslide".
  const unitFirst =
    noun && np.text.startsWith(noun.unit) && /^\s+(?!of\b)[a-z]+\s/.test(np.text.slice(noun.unit.length));
  const measures =
    unitFirst && noun ? `${noun.unit} ${done}${np.text.slice(noun.unit.length)}` : `${base} ${done}`;
  return { measures, base };
}

const POINT_UNITS = /^(?:(?:basis|percentage)\s+)?points?$/i;

/** "was 15% contained", "is 80% complete": a share of a state, said of the clause's subject when it is short. */
function stateMeaning({ v, q, before, after }: FigureContext): Meaning | null {
  const word = after[0];
  const be = before[before.length - 1];
  if (q.kind !== 'percent' || !word || !be || !/^(?:is|are|was|were|be|been|being|now)$/.test(be.lower))
    return null;
  if (word.pos !== 'ADJ' && !(word.pos === 'VERB' && /ed$/.test(word.lower))) return null;
  if (COMPARATIVE.test(word.lower)) return null;
  const verb = [...before].reverse().find((t) => t.pos === 'AUX' || t.pos === 'VERB');
  const subject = verb ? subjectBefore(v, verb) : '';
  const short = subject && subject.split(' ').length <= 8 && !/\b(?:and|but)$/i.test(subject);
  const text = short ? `${subject} ${word.text}` : word.text;
  return { measures: text, base: short ? subject : word.text };
}

/** "600 firefighters and 12 helicopters were assigned": the verb after the last figure of the subject. */
function sharedPredicate(v: SentenceView, from: number): string {
  const rest = v.s.norm.slice(from);
  if (!/^\s*and\s/.test(rest)) return '';
  const next = v.quantities.find((x) => x.qualifierStart >= from);
  if (!next || v.s.norm.slice(from, next.qualifierStart).trim() !== 'and') return '';
  const noun = countedNoun(
    v,
    v.tokens.filter((t) => t.start >= next.end),
  );
  return noun ? predicateAfter(v, noun.end) : '';
}

/** Past participles that differ from the past tense, or that a rule cannot build from the "-ing" form. */
const PARTICIPLES: Record<string, string> = {
  took: 'taken',
  taking: 'taken',
  gave: 'given',
  giving: 'given',
  saw: 'seen',
  seeing: 'seen',
  wrote: 'written',
  writing: 'written',
  drew: 'drawn',
  drawing: 'drawn',
  threw: 'thrown',
  throwing: 'thrown',
  stole: 'stolen',
  stealing: 'stolen',
  broke: 'broken',
  breaking: 'broken',
  chose: 'chosen',
  choosing: 'chosen',
  ate: 'eaten',
  eating: 'eaten',
  winning: 'won',
  losing: 'lost',
  selling: 'sold',
  holding: 'held',
  building: 'built',
  spending: 'spent',
  lending: 'lent',
  sending: 'sent',
  leaving: 'left',
  making: 'made',
  paying: 'paid',
  buying: 'bought',
  bringing: 'brought',
  catching: 'caught',
  finding: 'found',
  keeping: 'kept',
  hitting: 'hit',
  cutting: 'cut',
  putting: 'put',
  shooting: 'shot',
  feeding: 'fed',
  meeting: 'met',
};
/** Verbs whose object is not something done to: "had 300 staff", "is 40", "including 17 foreigners". */
const NOT_ACTIONS =
  /^(?:has|have|had|having|is|are|was|were|be|been|being|including|include|includes|included|excluding|involving|involved|said|says|saying|told|telling|became|become|becoming|remain|remained|remains|seem|seemed|seems|see|expect|expects|expected|need|needs|needed|want|wants|wanted)$/;

/** The verb right before an object count, as a participle: "destroying at least 37 houses" -> "destroyed". */
function objectParticiple(before: Token[]): string {
  const verb = verbBefore(before);
  if (verb?.pos !== 'VERB' || NOT_ACTIONS.test(verb.lower)) return '';
  // Only adverbs, "at least", "about", "more than" and the like between the verb and the figure.
  const between = before.slice(before.indexOf(verb) + 1);
  if (between.some((t) => t.pos !== 'ADV' && t.pos !== 'ADP' && t.pos !== 'ADJ')) return '';
  const word = verb.lower;
  const known = PARTICIPLES[word];
  if (known) return known;
  if (/ed$/.test(word)) return word;
  if (!/ing$/.test(word))
    return /^(?:won|lost|sold|held|built|spent|lent|sent|left|made|paid|bought|found|kept|killed)$/.test(word)
      ? word
      : '';
  const stem = word.slice(0, -3);
  if (stem.length < 2) return '';
  // "burying" -> "buried"; otherwise the "-ing" stem takes "-ed" whether or not an "e" was dropped
  // ("forcing" -> "forced", "killing" -> "killed", "stopping" -> "stopped").
  if (/[^aeiou]y$/.test(stem)) return `${stem.slice(0, -1)}ied`;
  return `${stem}ed`;
}

/** "55% of the region's grain imports came from Chile", "half of the votes", "12% of them are trucks". */
function shareMeaning({ v, q, after, previous }: FigureContext): Meaning | null {
  if (after[0]?.lower !== 'of') return null;
  const pronoun = after[1] && /^(?:them|these|those|it|this)$/.test(after[1].lower) ? after[1] : null;
  if (pronoun) {
    // "them" are what the previous figure counted.
    const referent = previous?.q.kind === 'count' ? previous.unit : pronoun.text;
    const predicate = predicateAfter(v, pronoun.end);
    return { measures: predicate ? `${referent} that ${predicate}` : referent, base: referent };
  }
  const np = npFrom(v, after[1]?.start ?? q.end);
  return { measures: [np.text, predicateAfter(v, np.end)].filter(Boolean).join(' '), base: np.text };
}

/** "a $48 million plan to repair the bridge": the figure describes the noun after it. */
function modifierMeaning({ v, q, after }: FigureContext): Meaning | null {
  const first = after[0];
  // "the $4m Acme says it lost": a name after the amount can only start a clause about it.
  const clauseAfter = first?.pos === 'PROPN' && /^(?:VERB|AUX)$/.test(after[1]?.pos ?? '');
  if (
    (q.kind !== 'money' && q.kind !== 'percent') ||
    !first ||
    (first.pos !== 'NOUN' && !clauseAfter) ||
    CHANGE_NOUNS.test(first.lower)
  ) {
    return null;
  }
  const np = npFrom(v, first.start);
  // "above the $9.6m analysts had expected": the noun after starts a clause of its own.
  const predicate = predicateAfter(v, np.end);
  if (predicate) return { measures: `${np.text} ${predicate}`, base: np.text };
  const toClause =
    v.s.norm.slice(np.end).match(/^\s+to\s+\w+(?:\s+(?:the|a|an|its|their)?\s*[\w'-]+){0,4}/)?.[0] ?? '';
  return { measures: clean(`${np.text}${v.s.text.slice(np.end, np.end + toClause.length)}`), base: np.text };
}

/** "a 12 per cent fall in ferry bookings": the change and what changed. */
function changeMeaning({ v, after }: FigureContext): Meaning | null {
  const at = after.findIndex((t) => CHANGE_NOUNS.test(t.lower));
  if (at < 0 || at > 2 || !after.slice(0, at).every((t) => t.pos === 'NOUN' || t.pos === 'ADJ')) return null;
  const change = after[at] as Token;
  const next = after[at + 1];
  const head = v.s.text.slice(after[0]?.start ?? change.start, change.end);
  if (!next || !/^(?:in|of)$/.test(next.lower)) return { measures: head, base: head };
  const np = npFrom(v, after[at + 2]?.start ?? change.end);
  const text = `${head} ${next.text} ${np.text}`;
  return { measures: text, base: text };
}

/** "shrinking coffee sales of 8% in Brenton", "a bond of nearly $3.2bn", "fines up to £400". */
function headMeaning({ v, q, before }: FigureContext): Meaning | null {
  const last = before[before.length - 1];
  const upTo = last?.lower === 'to' && before[before.length - 2]?.lower === 'up';
  // "revenue of between $38m and $40m": the range belongs to the noun before "of".
  const between = last?.lower === 'between' && before[before.length - 2]?.lower === 'of';
  const joinAt = last?.lower === 'of' ? before.length - 1 : upTo || between ? before.length - 2 : -1;
  if (joinAt < 0) return null;
  const np = npBefore(v, joinAt, before);
  if (!np || /^(?:a |the )?(?:total|sum|figure|amount|number)$/i.test(np)) return null;
  return { measures: [np, trailingPhrase(v, q.end)].filter(Boolean).join(' '), base: np };
}

/** "reduced the risk of a fall by 40%": what the verb changed, by that much. */
function byMeaning({ v, q, before, noun }: FigureContext): Meaning | null {
  const by = before[before.length - 1];
  const points = q.kind === 'count' && noun !== null && POINT_UNITS.test(noun.phrase);
  if ((q.kind !== 'percent' && !points) || by?.lower !== 'by') return null;
  for (let i = before.length - 2; i >= Math.max(0, before.length - 10); i--) {
    const t = before[i] as Token;
    if (t.pos === 'PUNCT' || isQuantityStart(v, t.start)) return null;
    // "has fallen by 6%" has no object: the subject says what fell (see verbMeaning).
    if (/^(?:VERB|AUX|ADV)$/.test(t.pos) && i === before.length - 2) return null;
    if (t.pos === 'VERB' && !/ing$/.test(t.lower)) {
      const text = clean(dropDates(v, auxiliaryStart(before, t), by.start));
      return text.includes(' ') ? { measures: text, base: text } : null;
    }
  }
  return null;
}

/** "the board approved the deal 5-4", "Rovers won 4-1": the clause up to the score says what was decided. */
function scoreMeaning({ v, q }: FigureContext): Meaning | null {
  if (q.kind !== 'score') return null;
  const breaks = clauseBreaks(v.s.norm).filter((b) => b.end <= q.qualifierStart);
  const text = clean(dropDates(v, breaks[breaks.length - 1]?.end ?? 0, q.qualifierStart));
  return { measures: text, base: text };
}

/** "grain imports ... added up to $70 million", "trust has dropped by 9%", "the club paid ... for the ground". */
function verbMeaning({ v, q, before }: FigureContext): Meaning | null {
  const verb = verbBefore(before);
  const subject = verb ? subjectBefore(v, verb) : '';
  if (!verb || !subject) return null;
  const lemma = lemmaOf(verb.lower);
  // "added up to $75 million" totals; "will add $1.2bn" contributes.
  const between = v.s.norm.slice(verb.end, q.qualifierStart);
  if (LINKING_VERBS.test(lemma) && (lemma !== 'add' || /\bup\s+to\b/.test(between))) {
    return { measures: subject, base: subject };
  }
  if (CHANGE_VERBS.test(lemma)) {
    return {
      measures: `${subject} ${v.s.text.slice(auxiliaryStart(before, verb), verb.end)}`,
      base: subject,
    };
  }
  const verbPhrase = clean(v.s.text.slice(auxiliaryStart(v.tokens, verb), q.qualifierStart));
  return { measures: [subject, verbPhrase, restOfClause(v, q.end)].filter(Boolean).join(' '), base: subject };
}

/** "Ms Lind, 27," measures the age of Ms Lind; "a 27-year-old nurse" the age of the nurse. */
function ageMeaning(v: SentenceView, q: Quantity, after: Token[], before: Token[]): Meaning {
  const names: string[] = [];
  // "Kovac, a 34-year-old teacher": the age describes the name before the apposition.
  let last = before.length - 1;
  if (q.unit === 'years' && /^(?:a|an)$/.test(before[last]?.lower ?? '') && before[last - 1]?.text === ',')
    last--;
  for (let i = last; i >= 0; i--) {
    const t = before[i] as Token;
    if (t.text === ',' && names.length === 0) continue;
    if (t.pos !== 'PROPN' && !/^(?:Mr|Mrs|Ms|Dr|Sir)\.?$/.test(t.text)) break;
    names.unshift(t.text);
  }
  // "the 70 year-old retires next month", "until age 3 learn": no noun follows, only a verb.
  const verbAfter = /^(?:VERB|AUX)$/.test(after[0]?.pos ?? '') || /^(?:PRON|DET)$/.test(after[1]?.pos ?? '');
  const who = names.join(' ') || (verbAfter ? '' : npFrom(v, after[0]?.start ?? q.end).text);
  return { measures: who ? `age of ${who}` : 'age', base: who };
}

/** The noun a count counts: "three old ferry boats" -> "ferry boats"; "dozens of volunteers" -> "volunteers". */
function countedNoun(v: SentenceView, after: Token[]): { unit: string; end: number; phrase: string } | null {
  let i = 0;
  // "dozens of volunteers", "12 of the country's biggest banks": the counted noun follows "of".
  if (after[0]?.lower === 'of') i = 1;
  // "5,000-strong crowd": the hyphenated word describes the noun that follows.
  if (after[i]?.text === '-' && after[i + 1]) {
    const word = after[i + 1] as Token;
    if (TIME_UNITS.test(word.lower)) return null;
    if (word.lower !== 'strong') {
      const np = npFrom(v, after[i + 2]?.start ?? word.end);
      return { unit: `${word.lower}s`, end: np.end, phrase: np.text };
    }
    i += 2;
  }
  const first = after[i];
  if (!first) return null;
  const np = npFrom(v, first.start);
  // "28 of the council's 51 seats": the phrase stops at the total, whose noun both numbers count.
  const total =
    i === 1 ? v.quantities.find((x) => x.kind === 'count' && x.qualifierStart >= np.end - 1) : undefined;
  if (total && /^\s*$/.test(v.s.norm.slice(np.end, total.qualifierStart)) && np.text) {
    const rest = countedNoun(
      v,
      v.tokens.filter((t) => t.start >= total.end),
    );
    if (rest && !TIME_UNITS.test(rest.unit)) {
      return { unit: rest.unit, end: rest.end, phrase: `${np.text} ${rest.unit}` };
    }
  }
  const words = v.tokens.filter(
    (t) =>
      t.start >= first.start && t.end <= np.end && !v.dates.some((d) => t.start >= d.lead && t.end <= d.end),
  );
  // The unit is the run of nouns the phrase ends on ("ferry crossings"), before any "of ..." tail and before a
  // rate ("5 kilometres a day" counts kilometres).
  const rateAt = words.findIndex(
    (t, k) =>
      k > 0 && /^(?:a|an|per|each|every)$/.test(t.lower) && TIME_UNITS.test(words[k + 1]?.lower ?? ''),
  );
  const ofAt = words.findIndex((t) => t.pos === 'ADP');
  const cut = [ofAt, rateAt].filter((k) => k > 0);
  const head = cut.length > 0 ? words.slice(0, Math.min(...cut)) : words;
  const nouns: Token[] = [];
  for (let k = head.length - 1; k >= 0; k--) {
    const t = head[k] as Token;
    if (t.pos === 'NOUN' || (t.pos === 'PROPN' && nouns.length === 0 && /s$/.test(t.lower))) nouns.unshift(t);
    else if (nouns.length > 0) break;
  }
  // "300 people rent flats": wink may read the verb after a plural as a noun; the plural ends the unit.
  const plural = nouns.findIndex((t) => looksPlural(t.lower));
  if (plural >= 0 && plural < nouns.length - 1 && !looksPlural((nouns[nouns.length - 1] as Token).lower)) {
    nouns.splice(plural + 1);
  }
  const firstNoun = nouns[0];
  const lastNoun = nouns[nouns.length - 1];
  if (!firstNoun || !lastNoun) return null;
  return { unit: v.s.text.slice(firstNoun.start, lastNoun.end), end: np.end, phrase: np.text };
}

function looksPlural(word: string): boolean {
  return /(?:[^s]s|people|men|children|women|staff|police|cattle)$/.test(word);
}

/** A noun phrase starting at an offset: determiners, adjectives, nouns, possessives, and "of" + noun phrase. */
function npFrom(v: SentenceView, start: number): { text: string; end: number } {
  const tokens = v.tokens.filter((t) => t.start >= start);
  let end = start;
  let lastContent = -1;
  let contentEnd = start;
  let prepositions = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    // "the 1,400 nurses": a number right after the determiner belongs to the phrase; any other ends it.
    if (isQuantityStart(v, t.start) && lastContent >= 0) break;
    const next = tokens[i + 1];
    const joinsPhrase =
      PHRASE_PREPOSITIONS.test(t.lower) &&
      lastContent >= 0 &&
      prepositions < 2 &&
      next !== undefined &&
      (NP_POS.has(next.pos) || POSSESSIVE.test(next.lower)) &&
      !isQuantityStart(v, next.start);
    if (joinsPhrase) prepositions++;
    const ok =
      joinsPhrase ||
      NP_POS.has(t.pos) ||
      POSSESSIVE.test(t.lower) ||
      /^(?:more|other|extra|additional|new|so-called)$/.test(t.lower) ||
      (t.text === '-' && next !== undefined && NP_POS.has(next.pos)) ||
      // "suspended union officials": a participle before the noun; after it ("officials suspended") it starts
      // a clause.
      (t.pos === 'VERB' &&
        lastContent < 0 &&
        /(?:ed|ing)$/.test(t.lower) &&
        next !== undefined &&
        /^(?:NOUN|PROPN|ADJ)$/.test(next.pos)) ||
      (t.lower === 'of' &&
        lastContent >= 0 &&
        next !== undefined &&
        (NP_POS.has(next.pos) || POSSESSIVE.test(next.lower)));
    if (t.pos === 'DET' && lastContent >= 0 && !/^(?:the|a|an|this|that|these|those)$/.test(t.lower)) break;
    if (!ok) break;
    if (t.pos === 'PART' && t.lower !== "'s" && t.lower !== "'") break;
    end = t.end;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM') {
      lastContent = i;
      contentEnd = t.end;
    }
  }
  // "matches in all competitions" stops at "all": a preposition with nothing after it is not part of it.
  if (
    lastContent >= 0 &&
    PHRASE_PREPOSITIONS.test(v.s.norm.slice(contentEnd, end).trim().split(/\s+/).pop() ?? '')
  )
    end = contentEnd;
  const text = clean(dropDates(v, start, end));
  return { text, end: text ? end : start };
}

/** The noun phrase ending just before token `at` ("a bond" before "of $3.2bn"). */
function npBefore(v: SentenceView, at: number, before: Token[]): string {
  let first = at;
  for (let i = at - 1; i >= 0; i--) {
    const t = before[i] as Token;
    const left = before[i - 1];
    const ok =
      NP_POS.has(t.pos) ||
      POSSESSIVE.test(t.lower) ||
      (t.pos === 'VERB' && /ing$/.test(t.lower) && i < at - 1) ||
      // "the race start time": wink may read a noun inside a compound as a verb.
      (t.pos === 'VERB' && i < at - 1 && left !== undefined && /^(?:NOUN|ADJ|DET)$/.test(left.pos)) ||
      (t.text === '-' && i > 0);
    if (!ok || (t.pos === 'NUM' && isQuantityStart(v, t.start))) break;
    first = i;
    // A determiner starts the phrase: "which reports an average price" stops at "an".
    if (t.pos === 'DET' || POSSESSIVE.test(t.lower)) break;
  }
  if (first === at) return '';
  const start = before[first]?.start ?? 0;
  const end = before[at - 1]?.end ?? start;
  return clean(v.s.text.slice(start, end));
}

/** "the network's" before "eleven clinics". */
function possessor(before: Token[]): string {
  const last = before[before.length - 1];
  const prev = before[before.length - 2];
  if (
    last &&
    prev &&
    (last.lower === "'s" || last.lower === "'") &&
    (prev.pos === 'NOUN' || prev.pos === 'PROPN')
  ) {
    const det = before[before.length - 3];
    return `${det?.pos === 'DET' ? `${det.text} ` : ''}${prev.text}${last.text}`;
  }
  if (last && POSSESSIVE.test(last.lower)) return last.text;
  return '';
}

/** A short prepositional phrase right after the figure ("in Leeds", "from Peru"), dates left out. */
function trailingPhrase(v: SentenceView, from: number): string {
  const tokens = v.tokens.filter((t) => t.start >= from);
  const first = tokens[0];
  if (!first || !/^(?:in|from|among|for|on|at|across|within)$/.test(first.lower)) return '';
  let end = first.end;
  for (const t of tokens.slice(1, 6)) {
    if (
      t.pos === 'PUNCT' ||
      t.pos === 'CCONJ' ||
      t.pos === 'VERB' ||
      t.pos === 'AUX' ||
      isQuantityStart(v, t.start)
    )
      break;
    end = t.end;
  }
  if (v.dates.some((d) => d.lead <= first.start && d.end >= end - 1)) return '';
  const text = clean(dropDates(v, first.start, end));
  // "among its" before another figure is no phrase at all.
  return /\b(?:its|their|his|her|the|a|an|of)$/i.test(text) ? '' : text;
}

/** A verb phrase after a noun phrase ("had sunk off the coast"), up to the end of the clause piece or the next figure. */
function predicateAfter(v: SentenceView, from: number): string {
  const tokens = v.tokens.filter((t) => t.start >= from);
  const [first, second] = tokens;
  // "tenants who still want to stay": a relative clause is the predicate too.
  const relative =
    first && /^(?:who|that|which)$/.test(first.lower) && second && /^(?:VERB|AUX|ADV)$/.test(second.pos);
  if (!first || (!relative && first.pos !== 'VERB' && first.pos !== 'AUX')) return '';
  const kept = [first];
  let whole = false;
  for (const [k, t] of tokens.slice(1, 10).entries()) {
    if (t.pos === 'PUNCT' || t.pos === 'CCONJ') {
      whole = true;
      break;
    }
    // "eleven clinics gave 18,500 ...": a verb whose object is another figure says nothing on its own.
    if (isQuantityStart(v, t.start)) return '';
    if (k === 8) break;
    kept.push(t);
  }
  if (kept.length === tokens.length) whole = true;
  // "stayed at the mayor's": a possessive with its noun left out goes, and the words that led to it.
  if (kept[kept.length - 1]?.lower === "'s") {
    kept.pop();
    while (kept.length > 1 && /^(?:NOUN|PROPN)$/.test(kept[kept.length - 1]?.pos ?? '')) kept.pop();
  }
  // Cut short in mid-phrase ("... the port of Varna en route"): end on the last noun that ends its phrase.
  const nominal = (t: Token | undefined) => t !== undefined && /^(?:NOUN|PROPN|NUM)$/.test(t.pos);
  for (let k = kept.length - 1; k > 0 && !whole; k--) {
    const next = k + 1 < kept.length ? kept[k + 1] : tokens[kept.length];
    // A name ends its phrase even when wink reads the next word as a noun ("Varna en route").
    const continues = nominal(next) && !(kept[k]?.pos === 'PROPN' && next?.pos === 'NOUN');
    if (nominal(kept[k]) && !continues) {
      kept.splice(k + 1);
      break;
    }
  }
  while (kept.length > 1 && DANGLING_WORD.test(kept[kept.length - 1]?.lower ?? '')) kept.pop();
  return clean(dropDates(v, first.start, kept[kept.length - 1]?.end ?? first.end));
}

/** The rest of the clause piece after a figure, other figures and dates left out ("for the ground"). */
function restOfClause(v: SentenceView, from: number): string {
  const tokens = v.tokens.filter((t) => t.start >= from);
  let end = from;
  let depth = 0;
  let words = 0;
  for (const t of tokens) {
    if (t.text === '(') depth++;
    if (t.text === ')') {
      depth = Math.max(0, depth - 1);
      end = t.end;
      continue;
    }
    if (depth > 0) continue;
    const spacedDash = t.text === '-' && v.s.norm[t.start - 1] === ' ';
    if (
      (t.pos === 'PUNCT' && (t.text !== '-' || spacedDash)) ||
      t.pos === 'CCONJ' ||
      isQuantityStart(v, t.start)
    )
      break;
    if (++words > 8) break;
    end = t.end;
  }
  return clean(dropDates(v, from, end).replace(/\([^)]*\)?/g, ' '));
}

/** The verb right before a figure, over "up to", "by", "about" and adverbs. */
function verbBefore(before: Token[]): Token | null {
  for (let i = before.length - 1, steps = 0; i >= 0 && steps < 4; i--, steps++) {
    const t = before[i] as Token;
    if (t.pos === 'VERB' || (t.pos === 'AUX' && !/^(?:to)$/.test(t.lower))) return t;
    if (!/^(?:ADP|PART|ADV)$/.test(t.pos)) return null;
  }
  return null;
}

/** Where the auxiliaries before a verb start ("has dropped", "will be cut"). */
function auxiliaryStart(before: Token[], verb: Token): number {
  let start = verb.start;
  for (let i = before.indexOf(verb) - 1; i >= 0; i--) {
    const t = before[i] as Token;
    if (t.pos !== 'AUX' && !(t.pos === 'PART' && t.lower === 'not')) break;
    start = t.start;
  }
  return start;
}

/** The subject of a verb: the clause text before it, without framing ("According to X,"), dates or "that". */
function subjectBefore(v: SentenceView, verb: Token): string {
  const breaks = clauseBreaks(v.s.norm).filter((b) => b.end <= verb.start);
  const from = breaks[breaks.length - 1]?.end ?? 0;
  let text = dropDates(v, from, auxiliaryStart(v.tokens, verb));
  text = text
    .replace(/\([^)]*\)?/g, ' ')
    .replace(
      /^.*\b(?:that|when|because|if|as|which|who)\b(?:\s+(?:says?|said|claims?|claimed|believes?|thinks?))?\s+/i,
      '',
    )
    .replace(/^.*\b(?:and|but)\s+(?=(?:he|she|it|they|we|i|you|the|a|an|this|his|her|its|their)\b)/i, '')
    .replace(/^\s*according to [^,]{1,80},\s*/i, '');
  // A subject after a leading phrase and a comma ("In a statement, the ministry"): keep what follows the comma.
  const lastComma = text.lastIndexOf(',');
  if (
    lastComma >= 0 &&
    text
      .slice(lastComma + 1)
      .trim()
      .split(/\s+/).length >= 1
  )
    text = text.slice(lastComma + 1);
  text = clean(text).replace(/^(?:and|but|so|while|meanwhile|however|also|now|still)\s+/i, '');
  return text.split(/\s+/).length <= 12 ? text : '';
}

/** True when a figure is a gapped repeat of the previous one: "... and 20% from Peru", "and $40 million in 2012". */
function isGapped(v: SentenceView, q: Quantity, previous: Described): boolean {
  if (previous.q.kind !== q.kind || !previous.base) return false;
  const between = v.s.norm.slice(previous.q.end, q.qualifierStart);
  const lastJoin = /(?:,|\band\b|\bor\b|\bwhile\b|\bversus\b|\bvs\b)\s*$/i.exec(between);
  if (!lastJoin) return false;
  const tokens = v.tokens.filter((t) => t.start >= q.end);
  for (const t of tokens) {
    if (t.pos === 'PUNCT' || t.pos === 'CCONJ') break;
    if (t.pos === 'VERB' || t.pos === 'AUX') return false;
  }
  return true;
}

/** The clause around a figure with the figure taken out: the last resort for what it measures. */
function clauseWithout(v: SentenceView, q: Quantity): string {
  const breaks = clauseBreaks(v.s.norm);
  const from = breaks.filter((b) => b.end <= q.qualifierStart).pop()?.end ?? 0;
  const to = breaks.find((b) => b.start >= q.end)?.start ?? v.s.norm.length;
  const text = `${dropDates(v, from, q.qualifierStart)} ${dropDates(v, q.end, to)}`;
  return clean(text.replace(/\([^)]*\)?/g, ' ').replace(/^\s*according to [^,]{1,80},\s*/i, ''));
}

function isQuantityStart(v: SentenceView, offset: number): boolean {
  return v.quantities.some((q) => offset >= q.qualifierStart && offset < q.end);
}

/** The original text of a span with its date phrases (and their prepositions) taken out; durations stay. */
function dropDates(v: SentenceView, from: number, to: number): string {
  let out = '';
  let cursor = from;
  for (const d of v.dates) {
    if (d.end <= from || d.lead >= to || d.spec.type === 'duration') continue;
    // "next year's elections": a date that qualifies a noun stays, or the noun would be left with a bare "'s".
    if (/^['’]s?\b/.test(v.s.text.slice(d.end))) continue;
    out += v.s.text.slice(cursor, Math.max(cursor, d.lead));
    cursor = Math.max(cursor, d.end);
  }
  return out + v.s.text.slice(cursor, Math.max(cursor, to));
}

function clean(text: string): string {
  return text
    .replace(/[\u201c\u201d"]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/^[\s,;:.'\u2013\u2014-]+|[\s,;:.'\u2013\u2014-]+$/g, '')
    .trim();
}

/** At most MAX_MEASURE_WORDS words, never ending on a word that needs a next one ("on their"). */
function cap(text: string): string {
  const words = clean(text).split(' ');
  if (words.length <= MAX_MEASURE_WORDS) return words.join(' ');
  const kept = words.slice(0, MAX_MEASURE_WORDS);
  while (kept.length > 1 && DANGLING_WORD.test(kept[kept.length - 1] ?? '')) kept.pop();
  return `${kept.join(' ')}…`;
}

/** A rough lemma for the verb lists above ("added" -> "add", "rose" -> "rose"). */
function lemmaOf(word: string): string {
  const irregular: Record<string, string> = {
    is: 'be',
    are: 'be',
    was: 'be',
    were: 'be',
    been: 'be',
    stood: 'stand',
    came: 'come',
    rose: 'rise',
    fell: 'fall',
    fallen: 'fall',
    risen: 'rise',
    grown: 'grow',
    shrunk: 'shrink',
    sunk: 'sink',
    grew: 'grow',
    lost: 'lose',
    ran: 'run',
    sank: 'sink',
    shrank: 'shrink',
  };
  if (irregular[word]) return irregular[word] as string;
  for (const [suffix, replacement] of [
    ['ied', 'y'],
    ['ies', 'y'],
    ['pped', 'p'],
    ['mmed', 'm'],
    ['ed', ''],
    ['es', ''],
    ['s', ''],
    ['ing', ''],
  ] as const) {
    if (word.endsWith(suffix)) {
      const stem = word.slice(0, -suffix.length) + replacement;
      if (LINKING_VERBS.test(stem) || CHANGE_VERBS.test(stem)) return stem;
      if (LINKING_VERBS.test(`${stem}e`) || CHANGE_VERBS.test(`${stem}e`)) return `${stem}e`;
    }
  }
  return word;
}

/** The period a figure refers to: the ISO date of the nearest date in its clause piece (see the module note). */
function periodOf(v: SentenceView, q: Quantity, when: WhenItem[]): string | null {
  const dated = when
    .filter((w) => w.date !== null)
    .map((w) => ({ date: w.date as string, at: v.s.text.indexOf(w.label) }))
    .filter((w) => w.at >= 0);
  if (dated.length === 0) return null;
  const speech = (at: number): boolean =>
    /\b(?:said|says|told|announced|reported|claimed|stated|added|wrote|tweeted|alleging|alleged)\s+(?:\S+\s+){0,3}?(?:on|in|at)?\s*$/i.test(
      v.s.norm.slice(Math.max(0, at - 40), at),
    );
  const [pieceFrom, pieceTo] = pieceAround(v, q);
  const candidates = dated.filter((d) => !speech(d.at));
  const inPiece = candidates
    .filter((d) => d.at >= pieceFrom && d.at < pieceTo)
    .sort((x, y) => Math.abs(x.at - q.start) - Math.abs(y.at - q.start));
  const before = candidates.filter((d) => d.at < q.start).sort((x, y) => y.at - x.at);
  // "four wins and two draws at home in 2014": a date closing the next, verbless "and" piece
  // covers both.
  const seps = pieceSeparators(v);
  const joined = /^\s(?:and|or)\s/.test(v.s.norm.slice(pieceTo, pieceTo + 5));
  const nextTo = Math.min(v.s.norm.length, ...seps.filter((i) => i > pieceTo));
  const shared = joined
    ? candidates.filter(
        (d) =>
          d.at > pieceTo &&
          d.at < nextTo &&
          !v.tokens.some((t) => t.start > pieceTo && t.start < d.at && (t.pos === 'VERB' || t.pos === 'AUX')),
      )
    : [];
  return (inPiece[0] ?? before[0] ?? shared[0])?.date ?? null;
}

/** Where clause pieces meet: commas, semicolons, "and", "but", "while" and clause breaks. */
function pieceSeparators(v: SentenceView): number[] {
  const seps = [...v.s.norm.matchAll(/,\s|;\s|\s(?:and|but|while)\s/g)].map((m) => m.index ?? 0);
  for (const b of clauseBreaks(v.s.norm)) seps.push(b.start);
  return seps;
}

/** The clause piece around a figure: between commas, "and", or clause breaks, and never across another figure. */
function pieceAround(v: SentenceView, q: Quantity): [number, number] {
  const seps = pieceSeparators(v);
  const from = Math.max(0, ...seps.filter((i) => i < q.qualifierStart));
  const to = Math.min(v.s.norm.length, ...seps.filter((i) => i >= q.end));
  return [from, to];
}
