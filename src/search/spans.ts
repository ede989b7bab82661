/**
 * Typed spans of a sentence (dates, money, percentages, counts, ages, quotes), found by patterns of general
 * English at index time. wink-nlp's entities are merged in by the annotator; these patterns cover what it
 * misses ("Nov. 12", "£1.5bn", "three out of four", "Mr Smith, 32,").
 */

/** What kind of thing a span is; the question classifier asks for one or more of these. */
export type SpanKind =
  | 'date'
  | 'duration'
  | 'money'
  | 'percent'
  | 'count'
  | 'score'
  | 'ordinal'
  | 'age'
  | 'quote'
  | 'name';

/** A typed span, as offsets into its sentence's text. */
export interface Span {
  kind: SpanKind;
  start: number;
  end: number;
}

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const YEAR = '(?:1[5-9]\\d\\d|20\\d\\d)';
const NUMBER_WORD =
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|a dozen|dozens|hundreds|thousands|millions|billions)';
const COMPOUND_WORD = `${NUMBER_WORD}(?:[- ]${NUMBER_WORD})*`;
const DIGITS = '\\d+(?:[.,]\\d+)*';
const NUMBER = `(?:${DIGITS}|${COMPOUND_WORD}(?: point ${COMPOUND_WORD})?)`;
const SCALE = '(?:\\s?(?:bn|m|k|tn|million|billion|trillion|thousand)\\b)';
const CURRENCY_WORD =
  '(?:dollars?|euros?|pounds?(?: sterling)?|pence|cents?|roubles?|rubles?|yen|yuan|renminbi|rupees?|francs?|pesos?|reais|real|rand|dinars?|dirhams?|riyals?|shekels?|lira|liras|won|krona|kronor|kroner|crowns?|zloty|naira|shillings?)';
const RELATIVE_UNIT =
  '(?:day|week|fortnight|month|year|decade|century|weekend|morning|afternoon|evening|night)';

const DATE_PATTERNS: RegExp[] = [
  // "from 2011 to 2014", "between March and May 2020"
  new RegExp(
    `\\b(?:[Ff]rom|[Bb]etween) (?:${MONTH} )?(?:${DAY} )?${YEAR} (?:to|and|until) (?:${MONTH} )?(?:${DAY} )?${YEAR}\\b`,
    'g',
  ),
  new RegExp(`\\b${YEAR}\\s?[-/]\\s?(?:${YEAR}|\\d\\d)\\b`, 'g'),
  // "from March to May", "between June and August 2021"
  new RegExp(`\\b(?:[Ff]rom|[Bb]etween) ${MONTH} (?:to|and|until) ${MONTH}(?:,? ${YEAR})?`, 'g'),
  // "Nov. 3, 2019", "October 4", "June 1987", "the autumn of 2011"
  new RegExp(
    `\\b(?:(?:early|mid|late)[- ])?${MONTH}(?: ${DAY}(?:,? ${YEAR})?| ${YEAR}|(?= ?[,.;]| (?:last|next|this)\\b))`,
    'g',
  ),
  new RegExp(`\\b${DAY} (?:of )?${MONTH}(?:,? ${YEAR})?`, 'g'),
  // "until December", "since last March": a bare month after a time preposition.
  new RegExp(
    `\\b(?:in|since|by|until|till|before|after|during|through|from|last|next|this|early|late|mid-)[ ]?${MONTH}(?![\\p{L}-]| ?\\d)`,
    'gu',
  ),
  new RegExp(`\\b(?:(?:early|mid|late)[- ])?(?:spring|summer|autumn|fall|winter) (?:of )?${YEAR}\\b`, 'g'),
  new RegExp(
    `\\b(?:(?:last|next|this|on|early|late) )?${WEEKDAY}(?:'s)?(?: (?:morning|afternoon|evening|night))?\\b`,
    'g',
  ),
  /\b(?:the )?(?:early |late |mid-)?(?:1[5-9]|20)\d0s\b/g,
  new RegExp(
    `\\b(?:in|since|by|from|until|till|during|before|after|of|early|late|mid|around|circa) ${YEAR}\\b`,
    'g',
  ),
  /\b(?:yesterday|today|tonight|tomorrow)\b/gi,
  // "last fall", "this spring", "next winter"
  /\b(?:last|next|this|early|late) (?:spring|summer|autumn|fall|winter)\b/gi,
  new RegExp(
    `\\b(?:(?:earlier|later) )?(?:last|next|this|that|the previous|the following|the same) ${RELATIVE_UNIT}\\b`,
    'gi',
  ),
  new RegExp(`\\b(?:${NUMBER}|a|an) ${RELATIVE_UNIT}s? (?:ago|later|earlier|before|after)\\b`, 'gi'),
  new RegExp(`\\b${YEAR}\\b(?![.,]?\\d|%| per)`, 'g'),
];

const DURATION_PATTERNS: RegExp[] = [
  // "a 48-hour strike", "a three-week trial": a length written as a compound adjective.
  new RegExp(
    `\\b(?:${DIGITS}|${COMPOUND_WORD})-(?:second|minute|hour|day|week|fortnight|month|year|decade)(?!-old)\\b`,
    'gi',
  ),
  // "in the last three years", "over the past decade"
  new RegExp(
    `\\b(?:in|over|during|for|within) the (?:last|past|next|previous|coming|following) (?:(?:${NUMBER}|few|several) )?${RELATIVE_UNIT}s?\\b`,
    'gi',
  ),
  new RegExp(
    `\\b(?:(?:for|over|within|after|in) )?(?:(?:more than|less than|about|nearly|almost|around|some|over|under|up to) )?(?:${NUMBER}|a|an) ${RELATIVE_UNIT}s?\\b(?! (?:ago|later|earlier|before|after)\\b)`,
    'gi',
  ),
];

const MONEY_PATTERNS: RegExp[] = [
  new RegExp(
    `(?:(?:US|A|C|NZ|HK)?[$£€¥₹]|\\b(?:USD|EUR|GBP|Rs\\.?) ?)\\s?${DIGITS}${SCALE}?(?:\\s?-\\s?(?:[$£€¥₹])?${DIGITS}${SCALE}?)?(?: ${CURRENCY_WORD}\\b)?`,
    'g',
  ),
  new RegExp(`\\b${NUMBER}${SCALE}? ${CURRENCY_WORD}\\b`, 'gi'),
];

const PERCENT_PATTERNS: RegExp[] = [
  new RegExp(
    `\\b${DIGITS}(?:\\s?-\\s?${DIGITS})?\\s?(?:%|per ?cent\\b|percent\\b|percentage points?\\b)`,
    'gi',
  ),
  new RegExp(`\\b${NUMBER} (?:per ?cent|percent|percentage points?)\\b`, 'gi'),
  // "by half a percentage point", "a quarter point": a change in a rate written in words.
  /\b(?:half|a quarter|three[- ]quarters|a third)(?: of)? a (?:percentage )?point\b|\ba (?:half|quarter)[- ](?:percentage[- ])?point\b/gi,
  // "half the money", "two-thirds of voters", "one in five adults": shares written as words.
  /\b(?:(?:about|nearly|almost|more than|less than|over|under|roughly|around|just over|just under) )?(?<!\b(?:first|second|other|the|a|an) )(?:half|a third|a quarter|two[- ]thirds|three[- ]quarters|one[- ](?:third|quarter|fifth|tenth))(?= (?:of|the|its|their|his|her|all|those|these|them)\b)/gi,
  /\b(?:one|two|three|four|five|six|seven|eight|nine) in (?:two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\b(?! (?:years?|months?|weeks?|days?)\b)/gi,
];

const APPROX =
  '(?:(?:close to|nearly|about|around|almost|more than|less than|fewer than|over|under|some|up to|at least|roughly|approximately) )?';

const COUNT_PATTERNS: RegExp[] = [
  new RegExp(`\\b${APPROX}(?:a|one) (?:hundred|thousand|million|billion)\\b`, 'gi'),
  new RegExp(`\\b${NUMBER} out of ${NUMBER}\\b`, 'gi'),
  /\b(?:tens|hundreds|thousands|millions) of (?:thousands|millions)\b/gi,
  /\b\d+-\d+\b/g,
  new RegExp(`\\b${DIGITS}${SCALE}?`, 'gi'),
  new RegExp(`\\b${COMPOUND_WORD}${SCALE}?\\b`, 'gi'),
];

/** "won 2-1", "voted 7-2": a result, not a range ("10-19%" is a percentage, "2015-16" a date, both ranked higher). */
const SCORE_PATTERNS: RegExp[] = [/(?<![\d.,-])\d{1,3} ?- ?\d{1,3}(?![\d.,%-]|\s*(?:per ?cent|percent)\b)/g];

const ORDINAL_PATTERNS: RegExp[] = [
  /\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|twentieth|hundredth)\b/gi,
  /\b\d+(?:st|nd|rd|th)\b/g,
];

const AGE_PATTERNS: RegExp[] = [
  /(?<=\p{Lu}[\p{L}'-]+, )(?:aged )?\d{1,3}(?=,)/gu,
  /\baged (?:about )?\d{1,3}\b/g,
  /\b\d{1,3}[- ]years?[- ]old\b/g,
  /\bage (?:of )?\d{1,3}\b/g,
  /\b\d{1,2} (?:months|years) of age\b/g,
];

const QUOTE_RE = /"([^"]{2,})"/g;

function collect(text: string, kind: SpanKind, patterns: RegExp[], out: Span[]): void {
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      if (!m[0].trim()) continue;
      const lead = m[0].length - m[0].trimStart().length;
      out.push({ kind, start: m.index + lead, end: m.index + m[0].trimEnd().length });
    }
  }
}

const PRIORITY: Record<SpanKind, number> = {
  quote: 0,
  name: 1,
  age: 9,
  money: 8,
  percent: 7,
  date: 6,
  duration: 5,
  ordinal: 4,
  score: 4,
  count: 3,
};

/**
 * Keeps one span per stretch of text: the higher-priority kind wins, then the longer span. Quotes and names
 * are layered over the value spans, not merged with them.
 */
export function mergeSpans(spans: Span[]): Span[] {
  const values = spans
    .filter((s) => s.kind !== 'quote' && s.kind !== 'name')
    .sort((a, b) => PRIORITY[b.kind] - PRIORITY[a.kind] || b.end - b.start - (a.end - a.start));
  const kept: Span[] = [];
  for (const s of values) {
    if (kept.some((k) => s.start < k.end && k.start < s.end)) continue;
    kept.push(s);
  }
  const layered = spans.filter((s) => s.kind === 'quote' || s.kind === 'name');
  return [...kept, ...layered].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Dates, durations, money, percentages, counts, scores, ordinals, ages and quotes in a (normalised) sentence. */
export function findValueSpans(norm: string): Span[] {
  const out: Span[] = [];
  collect(norm, 'date', DATE_PATTERNS, out);
  collect(norm, 'duration', DURATION_PATTERNS, out);
  collect(norm, 'money', MONEY_PATTERNS, out);
  collect(norm, 'percent', PERCENT_PATTERNS, out);
  collect(norm, 'age', AGE_PATTERNS, out);
  collect(norm, 'ordinal', ORDINAL_PATTERNS, out);
  collect(norm, 'score', SCORE_PATTERNS, out);
  collect(norm, 'count', COUNT_PATTERNS, out);
  for (const m of norm.matchAll(QUOTE_RE))
    out.push({ kind: 'quote', start: m.index + 1, end: m.index + m[0].length - 1 });
  return out;
}
