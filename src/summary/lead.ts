/**
 * Which article a summary without an `article` option is about. With several articles, `engine.summary()`
 * summarises the newest one (the same article the daily post leads with when nothing changed), so `/summary`
 * and the post agree. Pure: the order comes from the articles' own publication dates, never from the clock.
 */
import type { Article } from '../corpus/types.ts';

/** Newest first by publication date; undated articles last. */
export function byRecency(a: Article, b: Article): number {
  return (b.meta.published ?? '').localeCompare(a.meta.published ?? '');
}

/** The newest article (by `meta.published`; among equals, the later one in the corpus), or null when none. */
export function pickNewestArticle(articles: readonly Article[]): Article | null {
  // reverse() first so that, among equally dated articles, the one later in the corpus wins the stable sort.
  return [...articles].reverse().sort(byRecency)[0] ?? null;
}
