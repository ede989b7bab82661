/**
 * Which article the daily post leads with: the newest of the articles that changed since the last post, else
 * the newest (the same one `engine.summary()` and `/summary` show). Kept apart from the digest so the command
 * modules load without the store (and SQLite).
 */
import type { Article } from '../../corpus/types.ts';
import { byRecency, pickNewestArticle } from '../../summary/lead.ts';

export { byRecency };

/** The article a post (and `/summary` without an article) leads with: the newest changed one, else the newest. */
export function pickLeadArticle(
  articles: readonly Article[],
  changed: ReadonlySet<string> = new Set(),
): Article {
  const pool = articles.filter((a) => changed.has(a.id));
  const lead = pickNewestArticle(pool.length ? pool : articles);
  if (!lead) throw new Error('pickLeadArticle: no articles');
  return lead;
}
