/**
 * The timeline: every date phrase of an article, resolved against the publication date (given, or inferred
 * from the body) or against the previous date in the text, with a short description of what happened.
 *
 * Rules worth knowing:
 * - The anchor is `meta.published` when the corpus gives it. Otherwise it is the latest full calendar date of
 *   the article (day, month and year: "on March 3, 2021", a dated photo caption included) that is not in a
 *   clause about the future or a plan ("is expected to last from 2025 to 2027"). A month and year or a bare year
 *   is not enough: articles cite those for background ("the mill closed in May 1998" in a story written years
 *   later) far more often than for their own date, and a wrong anchor would misdate every relative phrase.
 * - Every date that needed an inferred anchor is `inferred: true`; a phrase nothing anchors keeps `date: null`.
 * - Durations ("for 18 months", "over two days") are kept as `relative` items with no date: they say how long,
 *   which users ask about, but they never move the anchor and never become a point in time.
 * - Captions keep their absolute dates only; their relative words ("today") describe the photo, not the story.
 */
import type { Sentence } from '../nlp/sentences.ts';
import type { WhenItem } from '../schema.ts';
import { citeSentence } from './cite.ts';
import {
  clauseBreaks,
  type DatePhrase,
  isFutureContext,
  isoOf,
  isoOfResolved,
  needsAnchor,
  parseIso,
  precisionOfResolved,
  type ResolvedDate,
  resolveDate,
  sentenceDatePhrases,
  sortKeyOf,
  type Ymd,
} from './dates.ts';
import type { AnalyzedArticle, DateAnchor } from './types.ts';

/** One date phrase where it was found. */
interface Mention {
  sentence: Sentence;
  phrase: DatePhrase;
  /** All date phrases of the sentence, so an event description can leave every one of them out. */
  siblings: DatePhrase[];
  future: boolean;
}

/** The article's dated events in date order, and the anchor partial and relative dates were resolved against. */
export function extractTimeline(a: AnalyzedArticle): { anchor: DateAnchor; items: WhenItem[] } {
  const mentions = findMentions(a);
  const anchor = chooseAnchor(a.article.meta.published, a.article.meta.url, mentions);
  const items: Array<WhenItem & { order: number; key: number }> = [];
  let previous: { date: ResolvedDate; inferred: boolean } | null = null;

  mentions.forEach((m, order) => {
    const { spec } = m.phrase;
    const resolved = resolveDate(spec, {
      anchor: anchor.value,
      previous: previous?.date ?? null,
      future: m.future,
      storyDay: anchor.fromBody,
    });
    const inferred =
      resolved !== null &&
      (spec.type === 'shift' ? (previous?.inferred ?? false) : needsAnchor(spec) && anchor.inferred);
    if (resolved) previous = { date: resolved, inferred };
    items.push({
      date: resolved ? isoOfResolved(resolved) : null,
      precision: resolved ? precisionOfResolved(resolved) : 'relative',
      inferred,
      label: m.phrase.label,
      event: describeEvent(m.sentence, m.phrase, m.siblings),
      citations: [citeSentence(m.sentence)],
      order,
      key: resolved ? sortKeyOf(resolved) : Number.POSITIVE_INFINITY,
    });
  });

  items.sort((x, y) => x.key - y.key || x.order - y.order);
  return {
    anchor: { date: anchor.value ? isoOf(anchor.value) : null, inferred: anchor.inferred },
    items: items.map(({ order: _order, key: _key, ...item }) => item),
  };
}

function findMentions(a: AnalyzedArticle): Mention[] {
  const kinds = new Map(a.article.paragraphs.map((p) => [p.n, p.kind]));
  const out: Mention[] = [];
  for (const sentence of a.sentences) {
    const kind = kinds.get(sentence.paragraph) ?? 'body';
    const phrases = sentenceDatePhrases(sentence);
    for (const phrase of phrases) {
      if (kind === 'caption' && (needsAnchor(phrase.spec) || phrase.spec.type === 'duration')) continue;
      const future = isFutureContext(sentence.norm, phrase.lead, phrase.end);
      out.push({ sentence, phrase, siblings: phrases, future });
    }
  }
  return out;
}

/** A date in a page address: "/2015/03/18/" or "/2015-03-18-", as news sites file their stories. */
const URL_DATE = /[/_-]((?:19|20)\d\d)[/_-](0[1-9]|1[0-2])[/_-](0[1-9]|[12]\d|3[01])(?=[/_.-]|$)/;

/**
 * The publication date if the corpus gives it; else the date in the page address (news sites file a story
 * under the day it ran); else the latest full date of a past event in the body (see above). `fromBody` says the
 * anchor is a day the story tells of, which the story was written on or a few days after.
 */
function chooseAnchor(
  published: string | undefined,
  url: string | undefined,
  mentions: Mention[],
): { value: Ymd | null; inferred: boolean; fromBody: boolean } {
  const given = parseIso(published);
  if (given) return { value: given, inferred: false, fromBody: false };
  const filed = url ? URL_DATE.exec(url) : null;
  if (filed) {
    const value = { y: Number(filed[1]), m: Number(filed[2]), d: Number(filed[3]) };
    return { value, inferred: true, fromBody: false };
  }
  let best: Ymd | null = null;
  for (const m of mentions) {
    if (m.future) continue;
    const { spec } = m.phrase;
    let candidate: Ymd | null = null;
    if (spec.type === 'point' && spec.at.y !== null && spec.at.m !== null && spec.at.d !== null) {
      candidate = { y: spec.at.y, m: spec.at.m, d: spec.at.d };
    } else if (spec.type === 'range' && spec.to.y !== null && spec.to.m !== null && spec.to.d !== null) {
      candidate = { y: spec.to.y, m: spec.to.m, d: spec.to.d };
    }
    if (!candidate) continue;
    const key = sortKeyOf({ from: candidate, to: null });
    if (!best || key > sortKeyOf({ from: best, to: null })) best = candidate;
  }
  return { value: best, inferred: best !== null, fromBody: best !== null };
}

const LEADING_NOISE =
  /^(?:(?:and|but|so|or|yet|then|now|still|meanwhile|however|also|in any case|in fact|indeed|instead|moreover|earlier|later|already|just|only|since)\b[\s,]*)+/i;
const ATTRIBUTION_START = /^according to [^,]{1,80},\s*/i;
const ATTRIBUTION_END =
  /,\s*(?:(?:he|she|they|it|we|the [\w\s'-]{1,40}?|[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})\s+(?:said|says|added|told [\w\s'-]{1,30}?|stated|noted|explained|reported|claimed|argued)|(?:said|says|added|stated|noted)\s+[\w\s'-]{1,40}?)\s*$/;
const MAX_EVENT_WORDS = 32;
/** Words that cannot end a description once a date has been taken out after them ("until"). */
const DANGLING_END =
  /(?:\s+(?:up|until|till|since|by|before|after|from|to|in|on|at|of|for|during|the|a|an))+$/i;

/**
 * A short description of what happened: the clause holding the date, with the date phrases, attributions and
 * quotation marks taken out. A date in a ", who" clause borrows the noun it describes ("Mayor X, who proposed
 * the plan in March" -> "Mayor X proposed the plan"); a clause that ends in "said that" takes what was said;
 * a relative clause after the date is skipped; a clause too thin to stand alone takes the next one.
 */
function describeEvent(s: Sentence, phrase: DatePhrase, siblings: DatePhrase[]): string {
  const breaks = clauseBreaks(s.norm);
  const before = breaks.filter((b) => b.end <= phrase.lead);
  const after = breaks.filter((b) => b.start >= phrase.end);
  const opening = before[before.length - 1];
  const segments: Array<[number, number]> = [];
  let from = opening?.end ?? 0;
  let next = 0;
  let to = after[0]?.start ?? s.norm.length;

  if (opening?.relative) {
    // The noun phrase the relative clause describes, then the relative clause up to its closing comma.
    const antecedentFrom = Math.max(
      before[before.length - 2]?.end ?? 0,
      s.norm.lastIndexOf(',', opening.start - 1) + 1,
    );
    segments.push([antecedentStart(s.norm, antecedentFrom, opening.start), opening.start]);
    const close = closingComma(s.norm, opening.end);
    // After the closing comma comes the main clause again, unless all that follows is the date itself
    // ("..., which gathers in Lyon, France, next month").
    const mainClauseAfter = close >= 0 && cleanSegments(s, [[close + 1, to]], siblings) !== '';
    if (close >= 0 && close < phrase.lead && mainClauseAfter) from = close + 1;
    else if (close >= phrase.end && close < to) to = close;
  }
  let text = '';
  for (let step = 0; step < 4; step++) {
    const brk = after[next];
    if (brk?.relative && brk.start === to) {
      // Skip a relative clause after the date and carry on with the main clause.
      const close = closingComma(s.norm, brk.end);
      if (close < 0) {
        text = cleanSegments(s, [...segments, [from, to]], siblings);
        break;
      }
      segments.push([from, to]);
      from = close + 1;
      while (after[next] && (after[next]?.start ?? 0) < from) next++;
      to = after[next]?.start ?? s.norm.length;
      continue;
    }
    if (brk?.speech && brk.start === to) {
      next++;
      to = after[next]?.start ?? s.norm.length;
      continue;
    }
    text = cleanSegments(s, [...segments, [from, to]], siblings);
    const words = text.split(/\s+/).filter(Boolean);
    const dangling = /(?:\bthat|\bsaid|\bsays|\bas|\bthe|\ban?|:|,)$/i.test(text);
    if ((words.length >= 4 && !dangling) || to >= s.norm.length) break;
    next++;
    to = after[next]?.start ?? s.norm.length;
  }
  if (!text) text = cleanSegments(s, [...segments, [from, to]], siblings);
  // Which comma-separated piece held the date, so a long description is shortened around it.
  const head = cleanSegments(s, [...segments, [from, Math.max(from, phrase.lead)]], siblings);
  const piece = head ? (head.match(/,\s/g) ?? []).length : 0;
  return capAround(text, piece, MAX_EVENT_WORDS);
}

/**
 * Where the noun phrase before ", which" starts: a long clause ("The rules will appear in a schedule to the
 * Water Bill") gives only its last phrase, after the last preposition or verb ("the Water Bill").
 */
function antecedentStart(norm: string, from: number, to: number): number {
  const text = norm.slice(from, to);
  if (text.trim().split(/\s+/).length <= 6) return from;
  const m = /^.*\b(?:of|in|at|to|for|on|by|with|from|as|is|was|are|were|be|been|has|have|had)\s+/i.exec(text);
  return m ? from + m[0].length : from;
}

/** The comma that closes a relative clause: the first one followed by a lower-case word ("…, has since left"). */
function closingComma(norm: string, from: number): number {
  const re = /,\s+(?=[a-z"])/g;
  re.lastIndex = from;
  const m = re.exec(norm);
  return m ? m.index : -1;
}

/** The original words of some spans, minus date phrases (durations stay), brackets, quotation marks and framing. */
function cleanSegments(s: Sentence, segments: Array<[number, number]>, siblings: DatePhrase[]): string {
  const parts: string[] = [];
  for (const [from, to] of segments) {
    let out = '';
    let cursor = from;
    for (const p of siblings) {
      if (p.end <= from || p.lead >= to || p.spec.type === 'duration') continue;
      // "The vote is on 4 June": without its date the clause says nothing.
      if (/\b(?:is|are|was|were|be|been)\s*$/i.test(s.norm.slice(Math.max(0, p.lead - 12), p.lead))) continue;
      // "next year's elections": a date qualifying a noun stays, or the noun would keep a bare "'s".
      if (/^'s?\b/.test(s.norm.slice(p.end)) && !/['\u2019]s$/.test(p.label)) continue;
      out += s.text.slice(cursor, Math.max(cursor, p.lead));
      // "Friday's match" keeps an article in place of the possessive date.
      if (/['\u2019]s$/.test(p.label) && p.lead === p.start) out += 'the ';
      cursor = Math.max(cursor, p.end);
    }
    out += s.text.slice(cursor, Math.max(cursor, to));
    parts.push(out);
  }
  let text = parts
    .join(' ')
    .replace(/\([^)]*\)?/g, ' ')
    .replace(/[\u201c\u201d"]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/,(\s*,)+/g, ',')
    .trim();
  for (let i = 0; i < 3; i++) {
    const before = text;
    text = text
      .replace(/^[\s,;:.'-]+/, '')
      .replace(ATTRIBUTION_START, '')
      .replace(LEADING_NOISE, '')
      .replace(/^[A-Z][A-Z]+\s+-\s+/, '');
    if (text === before) break;
  }
  text = text
    .replace(/[\s,;:.!?'-]+$/, '')
    .replace(ATTRIBUTION_END, '')
    .replace(/\b(that|and|but|as|of|to)\s*,\s*/gi, '$1 ')
    .replace(/\bthat (A|An|The|This|These|Those|It|There) /g, (_m, w: string) => `that ${w.toLowerCase()} `)
    .replace(/[\s,;:'-]+$/, '')
    .replace(DANGLING_END, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Keeps at most `max` words: the first comma-separated piece (it usually holds the subject), the piece that
 * held the date, and as many pieces next to it as fit, with "…" for what is left out.
 */
function capAround(text: string, at: number, max: number): string {
  const count = (t: string): number => t.split(/\s+/).filter(Boolean).length;
  if (count(text) <= max) return text;
  const pieces = text.split(/(?<=,)\s+/);
  const target = Math.min(at, pieces.length - 1);
  const keep = new Set([0, target]);
  let total = count(pieces[0] ?? '') + (target > 0 ? count(pieces[target] ?? '') : 0);
  for (let d = 1; d < pieces.length; d++) {
    for (const i of [target + d, target - d]) {
      const piece = pieces[i];
      if (piece === undefined || keep.has(i)) continue;
      if (total + count(piece) > max) continue;
      keep.add(i);
      total += count(piece);
    }
  }
  let out = '';
  let last = -1;
  for (let i = 0; i < pieces.length; i++) {
    if (!keep.has(i)) continue;
    if (last >= 0 && i !== last + 1) out = `${out.replace(/,$/, '')} …`;
    out += `${out ? ' ' : ''}${pieces[i]}`;
    last = i;
  }
  out = out.replace(/,$/, '');
  if (count(out) <= max) return out;
  return `${out
    .split(/\s+/)
    .slice(0, max)
    .join(' ')
    .replace(/[,;:]$/, '')}…`;
}
