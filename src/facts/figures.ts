import type { FigureItem, WhenItem } from '../schema.ts';
import type { AnalyzedArticle } from './types.ts';

/** Money, percentages and counts with their value, unit, what they measure and the period. */
export function extractFigures(_a: AnalyzedArticle, _ctx: { when: WhenItem[] }): FigureItem[] {
  return []; // TODO(figures helper): implement
}
