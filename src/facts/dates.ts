/**
 * Date phrases in one sentence, and how to resolve them to ISO prefixes.
 *
 * chrono-node reads calendar dates that carry a day ("May 4", "1 June", "March 3, 2021"); everything
 * chrono does not read the way a timeline needs (bare years, year and month ranges, decades, "a year later"
 * relative to the previous date, "two weeks ago" relative to the publication date, durations) is matched here
 * with patterns built from general English: month and weekday names, units of time, prepositions.
 */
import * as chrono from 'chrono-node';
import type { Sentence } from '../nlp/sentences.ts';
import type { DatePrecision } from '../schema.ts';
import { NUMBER_WORDS_PATTERN, parseQuantity } from './numbers.ts';

/** A calendar date, possibly partial: a null month means a year, a null day a month. */
export interface Ymd {
  y: number;
  m: number | null;
  d: number | null;
}

/** A date as written, before resolution: the year may be missing ("Nov. 8", "in January"). */
interface PartialDate {
  y: number | null;
  m: number | null;
  d: number | null;
}

type Unit = 'day' | 'week' | 'month' | 'year' | 'decade';

/** What a date phrase says, before it is resolved against the anchor or the previous date. */
export type DateSpec =
  /** A calendar date, month or year; `direction` comes from "last March" / "next March". */
  | { type: 'point'; at: PartialDate; direction: 'past' | 'future' | null }
  | { type: 'range'; from: PartialDate; to: PartialDate }
  | { type: 'weekday'; weekday: number; direction: 'past' | 'future' | null }
  /** today (0), yesterday (-1), tomorrow (1), this afternoon (0). */
  | { type: 'deictic'; days: number }
  /** last week (-1), this month (0), next year (1). */
  | { type: 'calendar-unit'; unit: 'week' | 'month' | 'year' | 'season'; offset: number }
  /** "two weeks ago": counted back from the anchor. `n` is null for "a few", "several". */
  | { type: 'ago'; unit: Unit; n: number | null }
  /** "a year later", "the next day": counted from the previous date in the text. */
  | { type: 'shift'; unit: Unit; n: number }
  /** "for 18 months", "over two days": how long, not when. */
  | { type: 'duration' };

/** A date phrase found in a sentence. Offsets are into the sentence text. */
export interface DatePhrase {
  /** Start of the phrase as labelled ("Nov. 8", "three days ago", "from 2011 to 2014"). */
  start: number;
  end: number;
  /** Start of the words that go with the phrase and leave with it when an event is described ("On", "just"). */
  lead: number;
  label: string;
  spec: DateSpec;
}

/** A resolved date: one point, or a range when `to` is set. */
export interface ResolvedDate {
  from: Ymd;
  to: Ymd | null;
}

const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const FULL_MONTH = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** Month names, abbreviated ones only with their full stop or a following day/year (checked by the caller). */
const MONTH = `(?:${FULL_MONTH}|Jan\\.?|Feb\\.?|Mar\\.|Apr\\.?|Jun\\.|Jul\\.|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?)(?![a-z])`;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAY = WEEKDAYS.join('|');
/** Four-digit years a news article plausibly means as years. */
const YEAR = '(?:1[7-9]\\d\\d|20\\d\\d)';
const PART_OF_DAY = '(?:morning|afternoon|evening|night)';
const UNIT = '(?:day|week|fortnight|month|year|decade)';
const HOW_MANY = `(?:\\d+|${NUMBER_WORDS_PATTERN}|an?|a few|a couple of|several|many|few)`;
/** Words before a bare year that make it a year whatever follows ("in 2012 bus fares", "since 1998"). */
const YEAR_PREPOSITIONS = new Set([
  'in',
  'since',
  'by',
  'until',
  'till',
  'from',
  'through',
  'before',
  'after',
  'during',
  // "the 2012 Olympics": news style writes a count that size with a comma ("the 2,000 people").
  'the',
  // "for fiscal 2024": company reports name their years so.
  'fiscal',
]);
/** A plural noun right after a number: "2000 people", "1800 workers" (not "was", "has", "this"). */
const PLURAL_AFTER_RE =
  /^\s+(?:people|men|women|children|staff|police|troops|(?!(?:was|has|is|does|this|his|its|as|us|plus|thus|always|perhaps|less|unless|across)\b)[a-z]+s)\b/;
/**
 * Words before a bare year that make it a year unless a plural noun follows: "up to 2013" is a year, "more than
 * 1800 workers" a count.
 */
const WEAK_YEAR_PREPOSITIONS = new Set([
  'to',
  'of',
  'between',
  'and',
  'around',
  'circa',
  'early',
  'late',
  'mid',
  'year',
  'for',
  'as',
  'than',
  'spring',
  'summer',
  'autumn',
  'fall',
  'winter',
]);

function monthNumber(word: string): number | null {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? null;
}

function unitOf(word: string): Unit {
  const w = word.toLowerCase().replace(/s$/, '');
  if (w === 'fortnight') return 'week';
  return (['day', 'week', 'month', 'year', 'decade'].includes(w) ? w : 'day') as Unit;
}

/** Reads "two", "a", "several" as a count; null for vague amounts. */
function countOf(word: string): number | null {
  const w = word.toLowerCase().trim();
  if (w === 'a' || w === 'an') return 1;
  if (/^(a few|a couple of|several|many|few)$/.test(w)) return null;
  return parseQuantity(w);
}

function fullYear(fromYear: number, to: string): number {
  if (to.length === 4) return Number(to);
  const century = Math.floor(fromYear / 100) * 100;
  const y = century + Number(to);
  return y < fromYear ? y + 100 : y;
}

/** Collects non-overlapping phrases; the first pattern to claim characters keeps them. */
class PhraseCollector {
  readonly phrases: DatePhrase[] = [];
  constructor(private readonly text: string) {}

  overlaps(start: number, end: number): boolean {
    return this.phrases.some((p) => start < p.end && end > p.lead);
  }

  add(start: number, end: number, lead: number, spec: DateSpec): void {
    if (end <= start || this.overlaps(lead, end)) return;
    this.phrases.push({ start, end, lead, label: this.text.slice(start, end), spec });
  }
}

/** Offsets of a regex group: the match start plus the group's position inside the match. */
function groupStart(m: RegExpExecArray, group: number): number {
  const whole = m[0];
  const part = m[group];
  if (part === undefined) return m.index;
  return m.index + whole.indexOf(part);
}

function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    yield m;
    if (m[0] === '') re.lastIndex++;
  }
}

const RANGE_RE = new RegExp(
  `\\b([Ff]rom|[Bb]etween)\\s+(?:(?:early|mid|late)[- ])?((${MONTH})\\s+(?:(${YEAR})\\s+)?|(${YEAR})\\s+)(?:to|and|until|till|through|-)\\s+(?:(?:early|mid|late)[- ])?(?:(${MONTH})(?:,?\\s+(${YEAR}))?|(${YEAR}))(?![\\d%])`,
  'g',
);
const YEAR_SPAN_RE = new RegExp(
  `(?<![\\d$£€.,-])(${YEAR})\\s?-\\s?(\\d{4}|\\d{2})(?![\\d%-]|\\s?per\\s?cent)`,
  'g',
);
const DECADE_RE = /\b(?:the\s+)?(?:(early|mid|late)[- ])?(1[7-9]\d0|20\d0)'?s\b/g;
const MONTH_YEAR_RE = new RegExp(
  `\\b(?:(?:early|mid|late)[- ])?(?:the\\s+end\\s+of\\s+)?(${MONTH}),?\\s+(?:of\\s+)?(${YEAR})(?![\\d%])`,
  'g',
);
const SEASON_YEAR_RE = new RegExp(
  `\\b(?:the\\s+)?(?:(?:early|late)\\s+)?(?:spring|summer|autumn|fall|winter)\\s+(?:of\\s+)?(${YEAR})\\b`,
  'gi',
);
const PART_YEAR_RE = new RegExp(`\\b(?:early|mid|late|the\\s+end\\s+of)[- ](${YEAR})\\b`, 'gi');
/** "in", "In": the month name stays case-sensitive (so "may" is never May), the word before it need not. */
const bothCases = (words: string): string =>
  words
    .split('|')
    .map((w) => `[${w[0]}${w[0]?.toUpperCase()}]${w.slice(1)}`)
    .join('|');
const MONTH_ONLY_RE = new RegExp(
  `\\b(${bothCases('in|since|until|till|by|from|during|through|before|after|of|early|late|mid|last|next|this|earlier|later')}|(?:year|months|quarter|weeks|period)\\s+to)[- ](?:(early|mid|late)[- ])?(?:this\\s+)?(${FULL_MONTH})\\b(?![\\s,]*\\d)`,
  'g',
);
const BARE_YEAR_RE = new RegExp(
  `(?<![\\d$£€.,/-])(${YEAR})(?:'s)?(?![\\d%,.]\\d|\\d|\\s?per\\s?cent|-)`,
  'g',
);
/** Holidays on a fixed day of the year, so "before Christmas" resolves like "before Dec. 25". */
const HOLIDAYS: Record<string, [number, number]> = {
  'christmas eve': [12, 24],
  'christmas day': [12, 25],
  christmas: [12, 25],
  'boxing day': [12, 26],
  "new year's eve": [12, 31],
  "new year's day": [1, 1],
  "valentine's day": [2, 14],
  halloween: [10, 31],
};
const HOLIDAY_RE = new RegExp(
  `\\b(?:(before|by|after|since|until|at|over|on|for)\\s+)?(Christmas(?: Eve| Day)?|Boxing Day|New Year's (?:Eve|Day)|Valentine's Day|Halloween)(?:,?\\s+(${YEAR}))?\\b`,
  'g',
);
const DEICTIC_RE = new RegExp(
  `\\b(?:(earlier|later)\\s+)?(today|tonight|yesterday|tomorrow)(?:'s)?(?:\\s+(${PART_OF_DAY}))?\\b|\\b(this|last)\\s+(${PART_OF_DAY})\\b`,
  'gi',
);
const CALENDAR_UNIT_RE =
  /\b(?:(earlier|later)\s+)?(this|last|next|past|coming)\s+(week|weekend|month|year|season)\b/gi;
const NAMED_RELATIVE_RE = new RegExp(`\\b(last|next|this|coming)\\s+(${WEEKDAY}|${FULL_MONTH})\\b`, 'g');
const AGO_RE = new RegExp(
  `\\b(?:(just|only|about|around|some|nearly|almost|roughly|barely|more than|less than|over)\\s+)?(${HOW_MANY})\\s+(${UNIT})s?\\s+ago\\b`,
  'gi',
);
const SHIFT_RE = new RegExp(
  `\\b(${HOW_MANY})\\s+(${UNIT})s?\\s+(later|earlier|afterwards?|before)\\b(?!\\s+(?:the|a|an|his|her|its|their|this|that|he|she|it|they|we|I|[A-Z]))`,
  'gi',
);
const SHIFT_WORDS_RE = new RegExp(
  `\\b(?:the\\s+(following|next|previous|same)\\s+(${UNIT})|(?:(later|earlier)\\s+)?that\\s+(same\\s+)?(day|week|month|year)|the\\s+(day|week|month|year)\\s+(before|after)(?![\\s-]+\\w+\\s+(?:the|a|an|his|her|its|their)))\\b`,
  'gi',
);
const WEEKDAY_RE = new RegExp(
  `\\b(?:(on|since|until|by|from|every|late|early)\\s+)?(${WEEKDAY})(?:'s)?(?:\\s+(${PART_OF_DAY}))?\\b`,
  'g',
);
const DURATION_RE = new RegExp(
  `\\b(for|over|during|in|within|throughout|lasting|after)?\\s*(?:(the\\s+(?:past|last|next|previous|first|following)|more\\s+than|less\\s+than|nearly|almost|about|around|over|some|just|only|at\\s+least|up\\s+to)\\s+)?(${HOW_MANY})\\s+(?:more\\s+|long\\s+)?(minute|hour|${UNIT}|centur(?:y|ie))s?\\b(\\s+of\\b)?`,
  'gi',
);

/** Finds the date phrases of a sentence; pass the normalised text (`Sentence.norm`) and the original for labels. */
export function findDatePhrases(norm: string, text: string = norm): DatePhrase[] {
  const c = new PhraseCollector(text);

  for (const m of matches(RANGE_RE, norm)) {
    const from: PartialDate = m[3]
      ? { y: m[4] ? Number(m[4]) : null, m: monthNumber(m[3]), d: null }
      : { y: Number(m[5]), m: null, d: null };
    const to: PartialDate = m[6]
      ? { y: m[7] ? Number(m[7]) : null, m: monthNumber(m[6]), d: null }
      : { y: Number(m[8]), m: null, d: null };
    // "from 2011 to 2014" is a range; "from September to October" too; mixed forms borrow the year.
    if (from.y === null && to.y !== null && from.m !== null) from.y = from.m > (to.m ?? 12) ? to.y - 1 : to.y;
    if (to.y === null && from.y !== null && to.m !== null) to.y = to.m < (from.m ?? 1) ? from.y + 1 : from.y;
    if ((from.m === null) !== (to.m === null) && (from.y === null || to.y === null)) continue;
    c.add(m.index, m.index + m[0].length, m.index, { type: 'range', from, to });
  }
  for (const m of matches(YEAR_SPAN_RE, norm)) {
    const from = Number(m[1]);
    const to = fullYear(from, m[2] ?? '');
    if (to <= from || to - from > ((m[2] ?? '').length === 2 ? 30 : 100)) continue;
    const lead = leadBefore(norm, m.index, /\b(?:in|from|for|during|between|of)\s+(?:the\s+)?$/i);
    c.add(m.index, m.index + m[0].length, lead, {
      type: 'range',
      from: { y: from, m: null, d: null },
      to: { y: to, m: null, d: null },
    });
  }
  addChronoDates(c, norm);
  for (const m of matches(DECADE_RE, norm)) {
    const decade = Number(m[2]);
    const part = m[1]?.toLowerCase();
    const first = part === 'late' ? decade + 7 : part === 'mid' ? decade + 4 : decade;
    const last = part === 'early' ? decade + 3 : part === 'mid' ? decade + 6 : decade + 9;
    const lead = leadBefore(norm, m.index, /\b(?:in|during|since|by|of|from)\s+$/i);
    c.add(m.index, m.index + m[0].length, lead, {
      type: 'range',
      from: { y: first, m: null, d: null },
      to: { y: last, m: null, d: null },
    });
  }
  for (const m of matches(MONTH_YEAR_RE, norm)) {
    const month = monthNumber(m[1] ?? '');
    if (month === null) continue;
    const lead = leadBefore(
      norm,
      m.index,
      /\b(?:in|since|by|until|till|from|during|of|before|after|as of)\s+$/i,
    );
    c.add(m.index, m.index + m[0].length, lead, {
      type: 'point',
      at: { y: Number(m[2]), m: month, d: null },
      direction: null,
    });
  }
  for (const re of [SEASON_YEAR_RE, PART_YEAR_RE]) {
    for (const m of matches(re, norm)) {
      const lead = leadBefore(norm, m.index, /\b(?:in|since|by|until|till|from|during|before|after)\s+$/i);
      c.add(m.index, m.index + m[0].length, lead, {
        type: 'point',
        at: { y: Number(m[1]), m: null, d: null },
        direction: null,
      });
    }
  }
  for (const m of matches(MONTH_ONLY_RE, norm)) {
    // A capitalised "In May" only opens a sentence: in a title-case headline "Early May" may be the verb.
    if (/^[A-Z]/.test(m[1] ?? '') && !/^[\s"'(\u201c]*$/.test(norm.slice(0, m.index))) continue;
    const prep = (m[1] ?? '').toLowerCase().replace(/^.*\s/, '');
    const keepsPrep = /^(early|late|mid|last|next|this)$/.test(prep);
    const start = keepsPrep ? m.index : groupStart(m, m[2] ? 2 : 3);
    const direction = prep === 'last' ? 'past' : prep === 'next' ? 'future' : null;
    c.add(start, m.index + m[0].length, m.index, {
      type: 'point',
      at: { y: null, m: monthNumber(m[3] ?? ''), d: null },
      direction,
    });
  }
  for (const m of matches(BARE_YEAR_RE, norm)) {
    const before = norm.slice(Math.max(0, m.index - 20), m.index);
    const prev = /([A-Za-z]+)[\s-]*$/.exec(before)?.[1]?.toLowerCase();
    const initial = m.index === 0 || /^[\s"'(]*$/.test(norm.slice(0, m.index));
    const pluralAfter = PLURAL_AFTER_RE.test(norm.slice(m.index + 4, m.index + 30));
    const strong = prev !== undefined && YEAR_PREPOSITIONS.has(prev);
    const weak = (prev !== undefined && WEAK_YEAR_PREPOSITIONS.has(prev)) || initial;
    if (!strong && !(weak && !pluralAfter)) continue;
    const lead = leadBefore(
      norm,
      m.index,
      /\b(?:in|since|by|until|till|from|during|of|as of|before|after)\s+$/i,
    );
    c.add(m.index, m.index + m[0].length, lead, {
      type: 'point',
      at: { y: Number(m[1]), m: null, d: null },
      direction: null,
    });
  }
  for (const m of matches(HOLIDAY_RE, norm)) {
    const [month, day] = HOLIDAYS[(m[2] ?? '').toLowerCase()] ?? [12, 25];
    const start = m[1] ? groupStart(m, 2) : m.index;
    c.add(start, m.index + m[0].length, m.index, {
      type: 'point',
      at: { y: m[3] ? Number(m[3]) : null, m: month, d: day },
      direction: null,
    });
  }
  for (const m of matches(DEICTIC_RE, norm)) {
    const word = (m[2] ?? m[4] ?? '').toLowerCase();
    const days = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : word === 'last' ? -1 : 0;
    c.add(m.index, m.index + m[0].length, m.index, { type: 'deictic', days });
  }
  for (const m of matches(NAMED_RELATIVE_RE, norm)) {
    const word = (m[1] ?? '').toLowerCase();
    const direction = word === 'last' ? 'past' : word === 'next' || word === 'coming' ? 'future' : null;
    const name = m[2] ?? '';
    const weekday = WEEKDAYS.indexOf(name);
    const spec: DateSpec =
      weekday >= 0
        ? { type: 'weekday', weekday, direction }
        : { type: 'point', at: { y: null, m: monthNumber(name), d: null }, direction };
    c.add(m.index, m.index + m[0].length, m.index, spec);
  }
  for (const m of matches(CALENDAR_UNIT_RE, norm)) {
    // "the last year" and "the past week" are durations, not calendar units.
    if (/\bthe\s+$/i.test(norm.slice(0, m.index))) continue;
    const word = (m[2] ?? '').toLowerCase();
    const offset = word === 'last' || word === 'past' ? -1 : word === 'next' || word === 'coming' ? 1 : 0;
    const unitWord = (m[3] ?? '').toLowerCase();
    const unit = unitWord === 'weekend' ? 'week' : (unitWord as 'week' | 'month' | 'year' | 'season');
    c.add(m.index, m.index + m[0].length, m.index, { type: 'calendar-unit', unit, offset });
  }
  for (const m of matches(AGO_RE, norm)) {
    const n = countOf(m[2] ?? '');
    const weeks = /fortnight/i.test(m[3] ?? '') ? 2 : 1;
    c.add(groupStart(m, 2), m.index + m[0].length, m.index, {
      type: 'ago',
      unit: unitOf(m[3] ?? ''),
      n: n === null ? null : n * weeks,
    });
  }
  for (const m of matches(SHIFT_RE, norm)) {
    const n = countOf(m[1] ?? '');
    if (n === null) continue;
    const sign = /later|after/i.test(m[3] ?? '') ? 1 : -1;
    const weeks = /fortnight/i.test(m[2] ?? '') ? 2 : 1;
    c.add(m.index, m.index + m[0].length, m.index, {
      type: 'shift',
      unit: unitOf(m[2] ?? ''),
      n: sign * n * weeks,
    });
  }
  for (const m of matches(SHIFT_WORDS_RE, norm)) {
    let unit: Unit;
    let n: number;
    if (m[1]) {
      unit = unitOf(m[2] ?? '');
      n = /previous/i.test(m[1]) ? -1 : /same/i.test(m[1]) ? 0 : 1;
    } else if (m[5]) {
      unit = unitOf(m[5]);
      n = 0;
    } else {
      unit = unitOf(m[6] ?? '');
      n = /before/i.test(m[7] ?? '') ? -1 : 1;
    }
    c.add(m.index, m.index + m[0].length, m.index, { type: 'shift', unit, n });
  }
  for (const m of matches(WEEKDAY_RE, norm)) {
    // A capitalised "In May" only opens a sentence: in a title-case headline "Early May" may be the verb.
    if (/^[A-Z]/.test(m[1] ?? '') && !/^[\s"'(\u201c]*$/.test(norm.slice(0, m.index))) continue;
    const prep = (m[1] ?? '').toLowerCase().replace(/^.*\s/, '');
    if (prep === 'every') continue;
    const start = prep === 'late' || prep === 'early' || !prep ? m.index : groupStart(m, 2);
    // "After Friday's vote": a possessive weekday takes no preposition with it.
    const lead = /'s\b/.test(m[0]) ? start : m.index;
    c.add(start, m.index + m[0].length, lead, {
      type: 'weekday',
      weekday: WEEKDAYS.indexOf(m[2] ?? ''),
      direction: null,
    });
  }
  for (const m of matches(DURATION_RE, norm)) {
    const prep = m[1]?.toLowerCase();
    const qualifier = m[2];
    const ofFollows = Boolean(m[5]);
    // A bare "two years" is a duration only with a preposition, a "the past" qualifier or "of" after it.
    if (!prep && !qualifier && !ofFollows) continue;
    if (!prep && !qualifier && countOf(m[3] ?? '') === 1) continue;
    const start = qualifier ? groupStart(m, 2) : groupStart(m, 3);
    const end = m.index + m[0].length - (m[5]?.length ?? 0);
    c.add(start, end, prep ? groupStart(m, 1) : start, { type: 'duration' });
  }
  c.phrases.sort((a, b) => a.start - b.start);
  return c.phrases;
}

const bySentence = new WeakMap<Sentence, DatePhrase[]>();

/** The date phrases of a sentence, computed once per sentence: the timeline and the figures both need them. */
export function sentenceDatePhrases(s: Sentence): DatePhrase[] {
  let phrases = bySentence.get(s);
  if (!phrases) {
    phrases = findDatePhrases(s.norm, s.text);
    bySentence.set(s, phrases);
  }
  return phrases;
}

/** Moves a phrase start back over a preposition that belongs to it ("in", "on", "since"). */
function leadBefore(norm: string, start: number, re: RegExp): number {
  const m = re.exec(norm.slice(0, start));
  return m ? m.index : start;
}

const CALENDAR_TEXT_RE = new RegExp(`${MONTH}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4}`);

/** Calendar dates with a day ("May 4", "1 June", "March 3, 2021", "Nov. 6 to Nov. 9") via chrono. */
function addChronoDates(c: PhraseCollector, norm: string): void {
  // chrono is the slow part: only ask it when a month name or a numeric date is present.
  if (!/[A-Z][a-z]{2}|\d{1,4}[/-]\d{1,2}[/-]\d{2,4}/.test(norm)) return;
  let results: chrono.ParsedResult[];
  try {
    results = chrono.strict.parse(norm, { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 });
  } catch {
    return;
  }
  for (const r of results) {
    const known = (k: chrono.Component): number | null =>
      r.start.isCertain(k) ? (r.start.get(k) ?? null) : null;
    const day = known('day');
    const month = known('month');
    if (day === null || month === null) continue;
    // chrono's strict mode still reads "in 14 days" and "two weeks ago"; those are matched here instead.
    if (!CALENDAR_TEXT_RE.test(r.text)) continue;
    let start = r.index;
    let text = r.text;
    // chrono sometimes keeps "on" or a weekday ("Saturday, Oct. 3"); the label is the date itself.
    const prefix = /^(?:on|by|from|since|until)\s+/i.exec(text);
    if (prefix) {
      start += prefix[0].length;
      text = text.slice(prefix[0].length);
    }
    const end = start + text.replace(/[\s,]+$/, '').length;
    const lead = leadBefore(norm, start, /\b(?:on|by|from|since|until|till|as of|before|after)\s+$/i);
    const from: PartialDate = { y: known('year'), m: month, d: day };
    if (r.end?.isCertain('day') && r.end.isCertain('month')) {
      const to: PartialDate = {
        y: r.end.isCertain('year') ? (r.end.get('year') ?? null) : from.y,
        m: r.end.get('month') ?? month,
        d: r.end.get('day') ?? null,
      };
      c.add(start, end, lead, { type: 'range', from, to });
    } else {
      c.add(start, end, lead, { type: 'point', at: from, direction: null });
    }
  }
}

/** True when the phrase needs the anchor (publication date) to become a date. */
export function needsAnchor(spec: DateSpec): boolean {
  switch (spec.type) {
    case 'point':
      return spec.at.y === null;
    case 'range':
      return spec.from.y === null || spec.to.y === null;
    case 'weekday':
    case 'deictic':
    case 'calendar-unit':
    case 'ago':
      return true;
    case 'shift':
    case 'duration':
      return false;
  }
}

// ---- date arithmetic (UTC days) ----

const DAY_MS = 86_400_000;

function dayNumber(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

function fromDayNumber(n: number): Ymd {
  const date = new Date(n * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The first and last day a (possibly partial) date can stand for. */
function dayBounds(v: Ymd): [number, number] {
  const m1 = v.m ?? 1;
  const m2 = v.m ?? 12;
  return [dayNumber(v.y, m1, v.d ?? 1), dayNumber(v.y, m2, v.d ?? lastDayOfMonth(v.y, m2))];
}

function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const k = y * 12 + (m - 1) + n;
  return { y: Math.floor(k / 12), m: (k % 12) + 1 };
}

/** ISO prefix of a partial date: "2021-03-03", "1998-05", "2012". */
export function isoOf(v: Ymd): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (v.m === null) return String(v.y).padStart(4, '0');
  if (v.d === null) return `${v.y}-${pad(v.m)}`;
  return `${v.y}-${pad(v.m)}-${pad(v.d)}`;
}

/** ISO form of a resolved date; a range is "from/to" ("2011/2014"). */
export function isoOfResolved(r: ResolvedDate): string {
  return r.to ? `${isoOf(r.from)}/${isoOf(r.to)}` : isoOf(r.from);
}

/** Parses an ISO date or prefix ("2024-11-15", "2024-11-15T10:00Z", "2024-11", "2024"); null otherwise. */
export function parseIso(text: string | undefined): Ymd | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(text?.trim() ?? '');
  if (!m) return null;
  const v: Ymd = { y: Number(m[1]), m: m[2] ? Number(m[2]) : null, d: m[3] ? Number(m[3]) : null };
  if (v.m !== null && (v.m < 1 || v.m > 12)) return null;
  if (v.m !== null && v.d !== null && (v.d < 1 || v.d > lastDayOfMonth(v.y, v.m))) return null;
  return v;
}

/** What a phrase is resolved against. */
export interface ResolveContext {
  /** The publication date (given or inferred), possibly only a month or a year. */
  anchor: Ymd | null;
  /** The previous resolved date in the text, for "a year later". */
  previous: ResolvedDate | null;
  /** True when the sentence speaks of the future ("will", "is expected to"), so partial dates look forward. */
  future: boolean;
  /**
   * True when the anchor is a day the story tells of rather than the day it ran: the story was written then or
   * a few days later, so a bare weekday may fall just after it ("on Friday, July 4" ... "by Sunday").
   */
  storyDay?: boolean;
}

/** With a story-day anchor, a bare weekday is the one from this many days before it to STORY_DAY_AFTER after. */
const STORY_DAY_BEFORE = 4;
const STORY_DAY_AFTER = 2;

/** Resolves a phrase to a date, or null when nothing anchors it. Never invents precision the text lacks. */
export function resolveDate(spec: DateSpec, ctx: ResolveContext): ResolvedDate | null {
  const { anchor } = ctx;
  switch (spec.type) {
    case 'point': {
      if (spec.at.y !== null) return { from: { y: spec.at.y, m: spec.at.m, d: spec.at.d }, to: null };
      if (!anchor || spec.at.m === null) return null;
      const direction = spec.direction ?? (ctx.future ? 'future' : 'past');
      return {
        from: placeInYear(spec.at.m, spec.at.d, anchor, direction, spec.direction !== null),
        to: null,
      };
    }
    case 'range': {
      if (spec.from.y !== null && spec.to.y !== null) {
        return { from: { ...spec.from, y: spec.from.y }, to: { ...spec.to, y: spec.to.y } };
      }
      if (!anchor || spec.to.m === null || spec.from.m === null) return null;
      const direction = ctx.future ? 'future' : 'past';
      const to = placeInYear(spec.to.m, spec.to.d, anchor, direction, false);
      const fromYear = spec.from.m > spec.to.m ? to.y - 1 : to.y;
      return { from: { y: fromYear, m: spec.from.m, d: spec.from.d }, to };
    }
    case 'weekday': {
      if (!anchor || anchor.m === null || anchor.d === null) return null;
      const today = dayNumber(anchor.y, anchor.m, anchor.d);
      const todayWeekday = (today + 4) % 7; // day 0 (1970-01-01) was a Thursday
      const future = spec.direction === 'future' || (spec.direction === null && ctx.future);
      if (ctx.storyDay && spec.direction === null && !future) {
        const delta = ((spec.weekday - todayWeekday + 7 + STORY_DAY_BEFORE) % 7) - STORY_DAY_BEFORE;
        return { from: fromDayNumber(today + (delta > STORY_DAY_AFTER ? delta - 7 : delta)), to: null };
      }
      const delta = future
        ? (spec.weekday - todayWeekday + 7) % 7 || 7
        : -((todayWeekday - spec.weekday + 7) % 7 || (spec.direction === 'past' ? 7 : 0));
      return { from: fromDayNumber(today + delta), to: null };
    }
    case 'deictic': {
      if (!anchor) return null;
      if (anchor.m !== null && anchor.d !== null) {
        return { from: fromDayNumber(dayNumber(anchor.y, anchor.m, anchor.d) + spec.days), to: null };
      }
      // Without a day the anchor still says which month (or year) "today" falls in.
      return spec.days === 0 ? { from: anchor, to: null } : null;
    }
    case 'calendar-unit': {
      // A sports or theatre season has no fixed dates: "last season" stays a label.
      if (!anchor || spec.unit === 'season') return null;
      if (spec.unit === 'year') return { from: { y: anchor.y + spec.offset, m: null, d: null }, to: null };
      if (anchor.m === null) return null;
      if (spec.unit === 'month') {
        const { y, m } = addMonths(anchor.y, anchor.m, spec.offset);
        return { from: { y, m, d: null }, to: null };
      }
      if (anchor.d === null) return null;
      const today = dayNumber(anchor.y, anchor.m, anchor.d);
      const monday = today - ((today + 3) % 7) + spec.offset * 7;
      return { from: fromDayNumber(monday), to: fromDayNumber(monday + 6) };
    }
    case 'ago':
      if (!anchor || spec.n === null) return null;
      return shiftDate(anchor, spec.unit, -spec.n);
    case 'shift': {
      const prev = ctx.previous;
      if (!prev) return null;
      const ref = spec.n >= 0 ? (prev.to ?? prev.from) : prev.from;
      return shiftDate(ref, spec.unit, spec.n);
    }
    case 'duration':
      return null;
  }
}

/** Moves a date by n units, keeping no more precision than both the date and the unit have. */
function shiftDate(ref: Ymd, unit: Unit, n: number): ResolvedDate | null {
  if (unit === 'year' || unit === 'decade') {
    return { from: { y: ref.y + n * (unit === 'decade' ? 10 : 1), m: null, d: null }, to: null };
  }
  if (unit === 'month') {
    if (ref.m === null) return n === 0 ? { from: ref, to: null } : null;
    const { y, m } = addMonths(ref.y, ref.m, n);
    return { from: { y, m, d: null }, to: null };
  }
  const days = unit === 'week' ? n * 7 : n;
  if (ref.m !== null && ref.d !== null) {
    return { from: fromDayNumber(dayNumber(ref.y, ref.m, ref.d) + days), to: null };
  }
  // A few days from a month is still (about) that month; more than that we cannot say.
  if (Math.abs(days) <= 3) return { from: ref, to: null };
  return null;
}

/**
 * The year of "Nov. 8" or "in January" given the anchor: the latest such date not after the anchor for past
 * events (with a month's slack, since an inferred anchor is only a lower bound), the earliest not before it for
 * future ones. `strict` ("last March", "next March") excludes the anchor's own month.
 */
function placeInYear(
  m: number,
  d: number | null,
  anchor: Ymd,
  direction: 'past' | 'future',
  strict: boolean,
): Ymd {
  const [anchorFirst, anchorLast] = dayBounds(anchor);
  const candidates = [anchor.y - 1, anchor.y, anchor.y + 1].map((y) => ({ y, m, d }));
  if (direction === 'past') {
    const limit = strict ? anchorFirst - 1 : anchorLast + (anchor.d === null ? 0 : 31);
    const fits = candidates.filter((c) => dayBounds(c)[0] <= limit);
    return fits[fits.length - 1] ?? (candidates[0] as Ymd);
  }
  const limit = strict ? anchorLast + 1 : anchorFirst - (anchor.d === null ? 0 : 7);
  return candidates.find((c) => dayBounds(c)[1] >= limit) ?? (candidates[2] as Ymd);
}

/** Sort key of a resolved date: its first day, partial dates first within their month or year. */
export function sortKeyOf(r: ResolvedDate): number {
  const v = r.from;
  return v.y * 10_000 + (v.m ?? 0) * 100 + (v.d ?? 0);
}

/** Precision of a resolved date. */
export function precisionOfResolved(r: ResolvedDate): DatePrecision {
  if (r.to) return 'range';
  return r.from.d !== null ? 'day' : r.from.m !== null ? 'month' : 'year';
}

const FUTURE_CUE =
  /\b(?:will|won't|'ll|shall|would|going\s+to|plans?\s+to|planning|planned|expects?\s+to|expected\s+to|(?:is|are|was|were|be|been)\s+expected|(?:is|are|was|were)\s+due|scheduled|set\s+to|(?:is|are)\s+to|aims?\s+to|intends?\s+to|hopes?\s+to|forecast|forecasters?|prepared\s+to|ready\s+to|predicted|projected|upcoming|next|later\s+this|is\s+to\s+be|to\s+be\s+held)\b/i;

/**
 * True when the clause around a span speaks of the future or of a plan ("Work is expected to last from 2025
 * to 2027"): such dates are not evidence of when the article was written.
 */
export function isFutureContext(norm: string, start: number, end: number): boolean {
  // "..., the owners said on Monday": when something was said is past, whatever the clause plans.
  if (SPOKEN_AT_RE.test(norm.slice(Math.max(0, start - 40), start))) return false;
  const [from, to] = clauseSpan(norm, start, end);
  return FUTURE_CUE.test(norm.slice(from, start)) || FUTURE_CUE.test(norm.slice(end, to));
}

/** A place where one clause ends and another starts. */
export interface ClauseBreak {
  start: number;
  end: number;
  /** "said that", "told reporters that": what follows is what was said. */
  speech: boolean;
  /** ", who" / ", which": what follows describes the noun phrase just before. */
  relative: boolean;
}

const SPEECH_VERB = String.raw`\b(?:said|says|told|tells|announced|reported|claimed|noted|added|stated|warned|argued|insisted|alleged|alleging|believes?|thinks?|asked|declared|admitted|denied|confirmed|revealed|suggested|explained|stressed)`;
/** A speech verb just before a date phrase: "said on Monday", "told reporters yesterday". */
const SPOKEN_AT_RE = new RegExp(`${SPEECH_VERB}(?:\\s+[\\w.'-]+){0,3}?\\s*$`);
const SUBJECT_START = String.raw`(?:(?:the|a|an|this|that|these|those|his|her|its|their|our|my|he|she|it|they|we|you|there)\b|[A-Z]|\d)`;
const CLAUSE_BREAK_RE = new RegExp(
  [
    String.raw`;|(?<!${SPEECH_VERB})\s*:(?!\d)|\s-\s`,
    String.raw`(?<speechColon>(?<=${SPEECH_VERB})\s*:)`,
    String.raw`,\s+(?:and|but|while|whereas|although|though)\s+(?=${SUBJECT_START})`,
    String.raw`,\s+(?:while|whereas|although|though|adding|saying)\b|,\s+according\s+to\b`,
    String.raw`(?<relative>,\s+(?:who|which)\b)`,
    String.raw`(?<speech>(?<=${SPEECH_VERB}(?:\s+(?!(?:is|was|are|were|be|been)\b)[\w.'-]+){0,5}?\s+)that\b)`,
  ].join('|'),
  'g',
);

/**
 * The clause breaks of a sentence: ";", ":", a spaced dash, ", and" before a new subject, ", while", ", who",
 * ", which" and "said that". Plain commas do not break clauses ("On Nov. 8, the council voted ...").
 */
export function clauseBreaks(norm: string): ClauseBreak[] {
  const found = [...matches(CLAUSE_BREAK_RE, norm)];
  // Two dashes enclose an aside ("the ban - a halt to all building work - was lifted"): not clause breaks.
  const dashes = found.filter((m) => /^\s-\s$/.test(m[0]));
  const kept = dashes.length === 2 ? found.filter((m) => !dashes.includes(m)) : found;
  return kept.map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    speech: m.groups?.speech !== undefined || m.groups?.speechColon !== undefined,
    relative: m.groups?.relative !== undefined,
  }));
}

/** The clause around a span: from the break before it to the break after it. */
function clauseSpan(norm: string, start: number, end: number): [number, number] {
  let from = 0;
  let to = norm.length;
  for (const b of clauseBreaks(norm)) {
    if (b.end <= start) from = b.end;
    else if (b.start >= end) {
      to = b.start;
      break;
    }
  }
  return [from, to];
}
