import type { Summary } from '../schema.ts';
import type { IndexInput } from '../search/index.ts';

/** An extractive summary of one article: its headline and 3-5 cited key points. */
export function summarize(input: IndexInput): Summary {
  return { title: input.analyzed.article.title, points: [] }; // TODO(summary helper): implement
}
