import type { ClaimItem, WhenItem, WhoItem } from '../schema.ts';
import type { AnalyzedArticle } from './types.ts';

/** Who said, alleged, denied... what: attributed claims with their speaker, hedging and date. */
export function extractClaims(_a: AnalyzedArticle, _ctx: { who: WhoItem[]; when: WhenItem[] }): ClaimItem[] {
  return []; // TODO(claims helper): implement
}
