import type { Sentence } from '../nlp/sentences.ts';
import type { Citation } from '../schema.ts';

/** Cites a whole sentence. */
export function citeSentence(s: Sentence): Citation {
  return { article: s.article, paragraph: s.paragraph, quote: s.text };
}

/**
 * Cites part of a sentence, given as offsets into `s.text` (or `s.norm`, which has the same offsets).
 * The quote is always the article's own words.
 */
export function citeSpan(s: Sentence, start: number, end: number): Citation {
  const quote = s.text.slice(Math.max(0, start), Math.min(s.text.length, end)).trim();
  return { article: s.article, paragraph: s.paragraph, quote: quote || s.text };
}
