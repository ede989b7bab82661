import type { AnalyzedArticle, ArticleFacts } from '../facts/types.ts';

/** What the index is built from: each article with its extracted facts. */
export interface IndexInput {
  analyzed: AnalyzedArticle;
  facts: ArticleFacts;
}

/** The MiniSearch index over sentences and facts (TODO(search helper): implement). */
export interface SearchIndex {
  inputs: IndexInput[];
}

/** Builds one MiniSearch index over every sentence and fact of the corpus. */
export function buildIndex(inputs: IndexInput[]): SearchIndex {
  return { inputs };
}
