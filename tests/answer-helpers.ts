/**
 * Small made-up articles for the search, answer and summary tests: an Article built straight from a list of
 * paragraphs (the first is the headline), so a test states its whole input in a few lines.
 */
import { join } from 'node:path';
import { buildEngine } from '../src/build-engine.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import type { Article } from '../src/corpus/types.ts';
import type { Engine } from '../src/engine.ts';
import type { ParagraphKind } from '../src/schema.ts';

export const root = join(import.meta.dirname, '..');

/** An article whose first paragraph is its headline and the rest its body. */
export function articleFrom(id: string, paragraphs: string[], published?: string): Article {
  return {
    id,
    file: `${id}.txt`,
    title: paragraphs[0] ?? id,
    meta: published ? { published } : {},
    paragraphs: paragraphs.map((text, i) => ({
      n: i + 1,
      text,
      kind: (i === 0 ? 'headline' : 'body') satisfies ParagraphKind,
    })),
    dropped: [],
    hash: id,
  };
}

/** The engine over some made-up articles. */
export function engineOf(...articles: Article[]): Engine {
  return buildEngine({ articles, problems: [] });
}

/** The engine over a corpus folder of the repository, loaded as the bot loads it. */
export async function engineFrom(...dir: string[]): Promise<Engine> {
  return buildEngine(await loadCorpus(join(root, ...dir)));
}

/** A made-up article about a town library, used by several tests. */
export const LIBRARY = articleFrom('library', [
  'Town library reopens after repairs',
  'The Eastbrook public library reopened on Monday after a $2.4 million renovation that took 18 months.',
  'Head librarian Marta Olsen said visits doubled in the first week. "People missed this place," Olsen said.',
  'The council paid 70% of the cost, and a local charity raised the rest. About 1,200 people attended the opening.',
  'The building was first opened in 1932 by the town founder, Harold Vance.',
]);
