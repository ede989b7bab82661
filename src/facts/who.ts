import type { WhoItem } from '../schema.ts';
import type { AnalyzedArticle } from './types.ts';

/** People, organisations and places named in the article, with roles, aliases and mention counts. */
export function extractWho(_a: AnalyzedArticle): WhoItem[] {
  return []; // TODO(who helper): implement
}
