import type { WhenItem } from '../schema.ts';
import type { AnalyzedArticle, DateAnchor } from './types.ts';

/** The article's dated events in date order, and the anchor partial and relative dates were resolved against. */
export function extractTimeline(_a: AnalyzedArticle): { anchor: DateAnchor; items: WhenItem[] } {
  return { anchor: { date: null, inferred: false }, items: [] }; // TODO(when helper): implement
}
