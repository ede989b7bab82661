import sbd from 'sbd';
import type { Article } from '../corpus/types.ts';
import { normalizeChars } from './normalize.ts';

/** One sentence of a kept paragraph, with its position so a citation can quote it verbatim. */
export interface Sentence {
  article: string;
  paragraph: number;
  /** 0-based position of the sentence in the whole article (reading order). */
  index: number;
  /** 0-based position of the sentence within its paragraph. */
  inParagraph: number;
  /** The article's own words. */
  text: string;
  /** `text` with quotes, dashes and spaces normalised; same length as `text`. */
  norm: string;
  /** Offset of `text` in its paragraph's text. */
  start: number;
}

/** Splits a paragraph into sentences with offsets (sbd knows abbreviations such as "Sept." and "Dr."). */
export function splitSentences(text: string): Array<{ text: string; start: number }> {
  // sbd works on normalised quotes more reliably; the normalised text has the same offsets as the original.
  const norm = normalizeChars(text);
  const parts = sbd.sentences(norm, { newline_boundaries: false, preserve_whitespace: true });
  const out: Array<{ text: string; start: number }> = [];
  let cursor = 0;
  for (const part of parts) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const at = norm.indexOf(trimmed, cursor);
    if (at < 0) continue;
    out.push({ text: text.slice(at, at + trimmed.length), start: at });
    cursor = at + trimmed.length;
  }
  return out;
}

/** All sentences of an article in reading order. */
export function articleSentences(article: Article): Sentence[] {
  const out: Sentence[] = [];
  for (const p of article.paragraphs) {
    let i = 0;
    for (const s of splitSentences(p.text)) {
      out.push({
        article: article.id,
        paragraph: p.n,
        index: out.length,
        inParagraph: i++,
        text: s.text,
        norm: normalizeChars(s.text),
        start: s.start,
      });
    }
  }
  return out;
}
