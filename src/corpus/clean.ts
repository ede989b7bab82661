/**
 * Boilerplate removal: decides which blocks of a page are the article (headline, standfirst, captions,
 * body) and which are site furniture, and says why each dropped block was dropped.
 *
 * - The body is the main block of prose: each block is scored (prose earns its word count, furniture,
 *   link lists and short fragments cost), and the contiguous run with the highest total wins, as in
 *   boilerpipe-style extractors. Penalties are moderate, so a newsletter box inside the article does not
 *   cut it in two; a comment section ends it outright.
 * - The headline is the block repeating the given title, an h1, or the nearest title-like line above the
 *   body that shares a content word with it. The first prose block under it is the standfirst when it reads
 *   like a summary rather than a dated lead. Caption-like lines (photo credits) at the top of the body and
 *   inside it are the article's own captions.
 * - Bylines, date stamps and author contacts are dropped wherever they sit (and kept as metadata); web
 *   furniture inside the body is dropped with its reason.
 * - After the body, captions belong to other stories, short title lines are related-story headlines, and
 *   bullet runs are link lists.
 */
import { matchKey } from '../nlp/normalize.ts';
import { splitSentences } from '../nlp/sentences.ts';
import { STOP_WORDS } from '../nlp/stopwords.ts';
import type { Block } from './blocks.ts';
import {
  ARTICLE_NOTES,
  COMMENTS,
  detectFurniture,
  isCaptionLike,
  parseByline,
  parseDateline,
  WORD_RE,
} from './furniture.ts';
import type { DroppedBlock, Paragraph } from './types.ts';

export interface CleanOptions {
  /** Titles the metadata or the page give: a block repeating one of them is the headline. */
  titles?: readonly string[] | undefined;
  /**
   * The headline a page gives outside its content (readability takes the h1 out of an HTML article): kept as
   * the headline paragraph when no block repeats it.
   */
  pageTitle?: string | undefined;
}

export interface CleanResult {
  paragraphs: Paragraph[];
  dropped: DroppedBlock[];
  /** The headline paragraph's text, when one was kept. */
  headline: string | null;
  /** Found in a byline line ("By Jane Doe"). */
  byline: string | null;
  /** ISO day from a date line ("Published October 5, 2020"). */
  published: string | null;
}

interface Features {
  block: Block;
  words: number;
  /** Share of function words: prose has many, menus and labels few. */
  stopShare: number;
  /** Ends like a sentence. */
  sentence: boolean;
  furniture: string | null;
  caption: boolean;
  byline: string | null;
  /** ISO day, '' for a stamp without a full date, null when not a date line. */
  date: string | null;
  /** A short line without a final full stop, as headlines and section labels are. */
  titleLike: boolean;
  /** Mostly link text (HTML). */
  linky: boolean;
  score: number;
}

const SENTENCE_END_RE = /[.!?…]["'”’»)\]]*$/u;

function describeBlock(block: Block): Features {
  const text = block.text;
  const tokens = text.match(WORD_RE) ?? [];
  const words = tokens.length;
  const stops = tokens.filter((t) => STOP_WORDS.has(t.toLowerCase())).length;
  const stopShare = words ? stops / words : 0;
  const sentence = SENTENCE_END_RE.test(text) || (words >= 8 && /:["'”’]?$/.test(text));
  const furniture = detectFurniture(text);
  const caption = block.tag === 'caption' || isCaptionLike(text);
  const byline = parseByline(text);
  const date = parseDateline(text);
  const titleLike =
    !/[.:;,]["'”’)]*$/.test(text) && words >= 2 && words <= 30 && /^["'“‘(]?[\p{Lu}\p{N}]/u.test(text);
  const linky = (block.linkShare ?? 0) >= 0.6;
  const f: Features = {
    block,
    words,
    stopShare,
    sentence,
    furniture,
    caption,
    byline,
    date,
    titleLike,
    linky,
    score: 0,
  };
  f.score = scoreBlock(f);
  return f;
}

/** How much a block looks like article prose: positive for prose, negative for furniture and fragments. */
function scoreBlock(f: Features): number {
  // Penalties are moderate so that a newsletter box inside the article does not cut the body in two, while a
  // footer of many such blocks still separates the body from promotions and related stories below it.
  if (f.furniture === COMMENTS) return -1000;
  if (f.furniture && !ARTICLE_NOTES.has(f.furniture)) return -15;
  // A linked subheading (a product or section name) is still part of the article; linked lines are not.
  if (f.linky && f.block.tag !== 'h') return -12;
  // Bylines, date stamps and author notes sit between the headline and the body or between paragraphs.
  if (f.furniture || f.byline !== null || f.date !== null) return -2;
  if (f.caption) return -3;
  if (f.block.tag === 'h1') return -6;
  if (f.block.tag === 'li' && !(f.sentence && f.words >= 6)) return f.words >= 4 ? -1 : -6;
  if (f.sentence && f.words >= 3) return Math.min(f.words, 120) * (f.stopShare >= 0.2 ? 1 : 0.5);
  if (f.words >= 20) return f.words / 3;
  return f.titleLike ? -6 : -10;
}

/** The contiguous run of blocks with the highest total score (Kadane), or null when nothing scores. */
function findMainRun(features: readonly Features[]): { start: number; end: number } | null {
  let best = 0;
  let bestRun: { start: number; end: number } | null = null;
  let sum = 0;
  let start = 0;
  features.forEach((f, i) => {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += f.score;
    if (sum > best) {
      best = sum;
      bestRun = { start, end: i };
    }
  });
  return bestRun;
}

const DATE_ANCHOR_RE =
  /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:yesterday|today|tonight|last night|this (?:morning|afternoon|evening|week)|last week)\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b/i;
const DATELINE_LEAD_RE = /^[\p{Lu}][\p{Lu} ,.'’-]{2,}(?:\([^)]*\))?\s*[-–—:]\s/u;
const ABBREVIATION_RE =
  /\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Sgt|Rep|Sen|Gov|Prof|No|vs|Inc|Co|Corp|Ltd|U\.S)\.$/;

/** Counts sentences cheaply (a full stop, ! or ? followed by a capital), skipping common abbreviations. */
function countSentences(text: string): number {
  let count = 1;
  const re = /[.!?]["'”’)]*\s+(?=["'“‘(]?[\p{Lu}\p{N}])/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 6), m.index + 1);
    if (!ABBREVIATION_RE.test(before) && !/\b\p{Lu}\.$/u.test(before)) count++;
  }
  return count;
}

/**
 * Whether the first prose block under a headline reads as a standfirst (a summary line) rather than the
 * body's lead: short, at most two sentences, not opening with a quotation or a dateline, and not reporting a
 * dated event the way a lead does ("on Tuesday", "Jan. 9").
 */
function isStandfirstLike(f: Features): boolean {
  if (f.block.emphasis) return true;
  const text = f.block.text;
  if (f.words > 45 || countSentences(text) > 2) return false;
  if (/^["“‘]/.test(text) || DATELINE_LEAD_RE.test(text)) return false;
  return !DATE_ANCHOR_RE.test(text);
}

/** Why a block outside the article was dropped, for users checking the cleaning. */
function reasonOutside(f: Features, after: boolean, neighbours: { listRun: boolean }): string {
  if (f.furniture) return f.furniture;
  if (f.byline !== null) return 'byline';
  if (f.date !== null) return 'date line';
  if (f.caption) return 'unrelated photo caption';
  if (f.linky || (f.block.tag === 'li' && neighbours.listRun)) return 'list of short links';
  if (f.block.tag === 'li') return 'site navigation';
  if (!after) return f.words >= 8 ? 'text above the article (page header)' : 'site navigation';
  if (f.titleLike && f.words >= 3) return 'related-story headline';
  if (f.words <= 3) return 'site section label';
  return 'text after the article body (promotion or related content)';
}

/** Content words of a text, cut to five letters so that "arming" and "armed" meet. */
function contentStems(text: string): Set<string> {
  const stems = new Set<string>();
  for (const word of text.match(WORD_RE) ?? []) {
    const lower = word.toLowerCase();
    if (lower.length >= 3 && !STOP_WORDS.has(lower)) stems.add(lower.slice(0, 5));
  }
  return stems;
}

/**
 * Index of the headline block: the one repeating a given title, an h1, or (when the page gives no headline of
 * its own) the nearest title-like line above the body that shares a content word with the body (a site name
 * or section label shares none).
 */
function findHeadline(
  features: readonly Features[],
  firstProse: number,
  bodyEnd: number,
  options: CleanOptions,
): number {
  const titles = [...(options.titles ?? []), ...(options.pageTitle ? [options.pageTitle] : [])];
  const window = Math.max(0, firstProse - 10);
  const keys = new Set(titles.map(matchKey));
  for (let i = 0; keys.size > 0 && i <= Math.min(firstProse, features.length - 1); i++) {
    const text = features[i]?.block.text;
    if (text && keys.has(matchKey(text))) return i;
  }
  for (let i = firstProse - 1; i >= window; i--) {
    if (features[i]?.block.tag === 'h1') return i;
  }
  // A page's own headline was taken out of its content: the lines above the body are kickers and labels.
  if (options.pageTitle) return -1;
  const body = new Set<string>();
  for (let i = firstProse; i <= bodyEnd; i++) {
    for (const stem of contentStems(features[i]?.block.text ?? '')) body.add(stem);
  }
  let proseSkipped = 0;
  for (let i = firstProse - 1; i >= window; i--) {
    const f = features[i];
    if (!f) break;
    if (f.furniture || f.caption || f.byline !== null || f.date !== null || f.linky) continue;
    if (f.titleLike && f.words >= 3 && f.block.tag !== 'li') {
      if ([...contentStems(f.block.text)].some((stem) => body.has(stem))) return i;
      continue;
    }
    if (f.sentence && ++proseSkipped > 1) break;
  }
  return -1;
}

/** Why a block that is not furniture was dropped from a page with no article. */
export const NOTHING_AROUND = 'no article text found around it';

/** Blocks longer than this are a whole page on one line (a scrape without line breaks), not a paragraph. */
const MAX_BLOCK_CHARS = 2000;
/** The size of the paragraphs such a block is cut into: a few sentences, as news paragraphs are. */
const CHUNK_CHARS = 600;

/** Cuts text at the last space before `max` characters, so that no piece is longer than a paragraph. */
function cutAtSpaces(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const at = rest.lastIndexOf(' ', max);
    const cut = at > max / 2 ? at : max;
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) out.push(rest);
  return out;
}

/**
 * Splits an oversized block into paragraph-sized blocks of whole sentences. A page scraped onto one line would
 * otherwise be one block: a "Subscribe" at its end would drop the whole article, and every citation would be ¶1.
 */
export function splitOversizedBlock(block: Block): Block[] {
  const { length } = block.text;
  // A long block that reads as furniture is usually prose with a sign-up line glued on: cut it to see which.
  if (length <= CHUNK_CHARS || (length <= MAX_BLOCK_CHARS && !detectFurniture(block.text))) return [block];
  const sentences = splitSentences(block.text).flatMap((s) => cutAtSpaces(s.text, CHUNK_CHARS * 2));
  const out: Block[] = [];
  let current = '';
  for (const sentence of sentences) {
    if (current && current.length + sentence.length + 1 > CHUNK_CHARS) {
      out.push({ ...block, text: current });
      current = sentence;
    } else current = current ? `${current} ${sentence}` : sentence;
  }
  if (current) out.push({ ...block, text: current });
  return out;
}

/** Splits blocks into kept paragraphs (numbered 1..n in reading order) and dropped blocks with reasons. */
export function cleanBlocks(blocks: readonly Block[], options: CleanOptions = {}): CleanResult {
  const features = blocks
    .filter((b) => b.text.trim())
    .flatMap(splitOversizedBlock)
    .map(describeBlock);
  const result: CleanResult = { paragraphs: [], dropped: [], headline: null, byline: null, published: null };
  const run = findMainRun(features) ?? findPointRun(features);
  const keep = (text: string, kind: Paragraph['kind']): void => {
    result.paragraphs.push({ n: result.paragraphs.length + 1, text, kind });
  };
  const drop = (f: Features, reason: string): void => {
    result.dropped.push({ text: f.block.text, reason });
    if (f.byline !== null && !result.byline) result.byline = f.byline;
    if (f.date && !result.published) result.published = f.date;
  };
  const isListRun = (i: number): boolean =>
    [i - 1, i + 1].some((j) => {
      const g = features[j];
      return g !== undefined && g.block.tag === 'li' && !g.sentence;
    });

  if (!run) {
    for (const f of features) drop(f, f.furniture ?? NOTHING_AROUND);
    return result;
  }
  // The body starts at the first substantial prose block of the run; what precedes it is the header zone.
  let firstProse = run.start;
  for (let i = run.start; i <= run.end; i++) {
    const f = features[i];
    if (f?.sentence && f.words >= 12 && !f.furniture && !f.caption) {
      firstProse = i;
      break;
    }
  }
  const bodyEnd = extendList(features, Math.max(run.end, firstProse));
  const headline = findHeadline(features, firstProse, bodyEnd, options);
  const articleStart = headline >= 0 ? headline : topOfBody(features, run.start);

  features.forEach((f, i) => {
    if (i < articleStart) drop(f, reasonOutside(f, false, { listRun: isListRun(i) }));
  });
  if (headline >= 0) {
    const f = features[headline];
    if (f) {
      keep(f.block.text, 'headline');
      result.headline = f.block.text;
    }
  } else if (options.pageTitle) {
    keep(options.pageTitle, 'headline');
    result.headline = options.pageTitle;
  }

  let seenBody = false;
  let standfirstDone = result.headline === null;
  for (let i = articleStart + (headline >= 0 ? 1 : 0); i <= bodyEnd; i++) {
    const f = features[i];
    if (!f) continue;
    if (f.furniture) drop(f, f.furniture);
    else if (f.byline !== null) drop(f, 'byline');
    else if (f.date !== null) drop(f, 'date line');
    else if (f.caption) keep(f.block.text, 'caption');
    else if (f.linky && f.words <= 25 && f.block.tag !== 'h') drop(f, 'list of short links');
    else if (
      !seenBody &&
      !standfirstDone &&
      f.sentence &&
      isStandfirstLike(f) &&
      hasBodyAfter(features, i, bodyEnd)
    ) {
      keep(f.block.text, 'standfirst');
      standfirstDone = true;
    } else if (!seenBody && !f.sentence && f.words <= 3 && i < firstProse) {
      drop(f, 'site navigation');
    } else {
      keep(f.block.text, 'body');
      seenBody = true;
      standfirstDone = true;
    }
  }
  let inComments = false;
  for (let i = bodyEnd + 1; i < features.length; i++) {
    const f = features[i];
    if (!f) continue;
    inComments ||= f.furniture === COMMENTS;
    drop(f, inComments ? (f.furniture ?? COMMENTS) : reasonOutside(f, true, { listRun: isListRun(i) }));
  }
  return result;
}

/**
 * Where an article without a headline line starts: the body, or a photo caption just above it (with only
 * labels, bylines or furniture in between), which is the article's own picture.
 */
function topOfBody(features: readonly Features[], start: number): number {
  let top = start;
  for (let i = start - 1; i >= 0; i--) {
    const f = features[i];
    if (!f) break;
    if (f.caption && !f.furniture) top = i;
    else if (!(f.furniture || f.byline !== null || f.date !== null || (!f.sentence && f.words <= 3))) break;
  }
  return top;
}

/** A list item that is a whole sentence of a few words: a point of an article written as a list. */
function isPoint(f: Features | undefined): boolean {
  return f !== undefined && f.block.tag === 'li' && f.sentence && f.words >= 3 && !f.furniture && !f.linky;
}

/** The longest run of at least two sentence points, for an article that is only a list of short points. */
function findPointRun(features: readonly Features[]): { start: number; end: number } | null {
  let best: { start: number; end: number } | null = null;
  let start = -1;
  features.forEach((f, i) => {
    if (!isPoint(f)) {
      start = -1;
      return;
    }
    if (start < 0) start = i;
    if (i - start >= 1 && (!best || i - start > best.end - best.start)) best = { start, end: i };
  });
  return best;
}

/**
 * Extends a body that ends in a list of sentences over the list's remaining sentence items: a short last point
 * ("Work ends in 2027.") scores below zero on its own, yet it is the article's, not a link.
 */
function extendList(features: readonly Features[], end: number): number {
  let last = end;
  if (!isPoint(features[last])) return end;
  while (isPoint(features[last + 1])) last++;
  return last;
}

function hasBodyAfter(features: readonly Features[], i: number, end: number): boolean {
  for (let j = i + 1; j <= end; j++) {
    const f = features[j];
    if (f?.sentence && !f.furniture && !f.caption && f.words >= 6) return true;
  }
  return false;
}
