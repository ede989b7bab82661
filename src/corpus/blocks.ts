/**
 * Blocks: the candidate paragraphs of a file before cleaning. Every format (.txt, .md, .html) is first
 * turned into blocks in reading order, with the little structure the format gives (a heading, a list item,
 * a caption), and one cleaner decides what is article and what is page furniture.
 */
import { collapseWhitespace } from '../nlp/normalize.ts';

/**
 * What the format says about a block. `line` is a plain-text line (no structure known), `h1` a top-level
 * heading, `h` a lower heading, `li` a list item, `quote` a block quotation, `caption` a figure caption.
 */
export type BlockTag = 'line' | 'p' | 'h1' | 'h' | 'li' | 'quote' | 'caption';

export interface Block {
  /** The block's own words, whitespace collapsed. */
  text: string;
  tag: BlockTag;
  /** Share of the text inside links (HTML only), 0..1: navigation and related-story lists are mostly links */
  linkShare?: number | undefined;
  /** The whole block is emphasised (Markdown `*...*`), as standfirsts and captions often are. */
  emphasis?: boolean | undefined;
}

const BULLET_RE = /^\s*(?:[•·▪●◦‣∙►▸*+-]|\d{1,2}[.)])\s+(?=\S)/u;

/** Removes a leading bullet or list number ("• ", "- ", "2. "), returning null when the line has none. */
export function stripBullet(line: string): string | null {
  const m = BULLET_RE.exec(line);
  return m ? line.slice(m[0].length) : null;
}

/** Normalises line ends and drops a byte-order mark. */
export function normalizeNewlines(text: string): string {
  return text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
}

/**
 * Whether plain text is hard-wrapped at a fixed width (lines inside a paragraph end near the same column),
 * in which case paragraphs are blank-line separated groups rather than lines.
 */
export function isHardWrapped(lines: readonly string[]): boolean {
  const inner: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]?.trimEnd() ?? '';
    const next = lines[i + 1]?.trim() ?? '';
    if (line.trim() && next && stripBullet(next) === null) inner.push(line);
  }
  // Wrapped paragraphs need blank lines between them; a file of consecutive lines is one paragraph per line.
  if (inner.length < 3 || !lines.some((line) => !line.trim())) return false;
  const width = Math.max(...inner.map((line) => line.length));
  if (width < 50 || width > 130) return false;
  const nearWidth = inner.filter((line) => line.length >= width - 25).length;
  // A wrapped line usually stops mid-sentence; lines that end sentences are paragraphs of their own.
  const sentenceEnds = inner.filter((line) => /[.!?]["'”’)]?$/.test(line)).length;
  return nearWidth / inner.length >= 0.7 && sentenceEnds / inner.length < 0.5;
}

/**
 * Splits scraped plain text into blocks. Scrapes put one paragraph per line and blank lines are not reliable
 * separators, so each non-blank line is a block, unless the whole file is hard-wrapped at a fixed width.
 */
export function splitTextBlocks(raw: string): Block[] {
  const lines = normalizeNewlines(raw).split('\n');
  const blocks: Block[] = [];
  if (isHardWrapped(lines)) {
    let current: string[] = [];
    let tag: BlockTag = 'line';
    const flush = (): void => {
      const text = collapseWhitespace(current.join(' '));
      if (text) blocks.push({ text, tag });
      current = [];
      tag = 'line';
    };
    for (const line of lines) {
      if (!line.trim()) {
        flush();
        continue;
      }
      const item = stripBullet(line);
      if (item !== null) {
        flush();
        tag = 'li';
        current.push(item);
      } else {
        current.push(line);
      }
    }
    flush();
    return blocks;
  }
  for (const line of lines) {
    const item = stripBullet(line);
    const text = collapseWhitespace(item ?? line);
    if (text) blocks.push({ text, tag: item === null ? 'line' : 'li' });
  }
  return blocks;
}
