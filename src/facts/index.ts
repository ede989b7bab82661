import type { Article } from '../corpus/types.ts';
import { articleSentences } from '../nlp/sentences.ts';
import { extractClaims } from './claims.ts';
import { extractFigures } from './figures.ts';
import type { AnalyzedArticle, ArticleFacts } from './types.ts';
import { extractTimeline } from './when.ts';
import { extractWho } from './who.ts';

/** Splits an article into sentences. */
export function analyzeArticle(article: Article): AnalyzedArticle {
  return { article, sentences: articleSentences(article) };
}

/** Extracts people, dates, claims and figures from one article, each with citations. */
export function extractFacts(analyzed: AnalyzedArticle): ArticleFacts {
  const who = extractWho(analyzed);
  const { anchor, items: when } = extractTimeline(analyzed);
  const claims = extractClaims(analyzed, { who, when });
  const figures = extractFigures(analyzed, { when });
  return { anchor, who, when, claims, figures };
}
