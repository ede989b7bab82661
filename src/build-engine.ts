/**
 * Building the engine from scratch: fact extraction and indexing. This is the slow path (wink-nlp and
 * chrono-node load here), kept apart from src/engine.ts so that a start-up served from the cache never loads it.
 */
import type { Corpus } from './corpus/types.ts';
import { createEngine, type Engine } from './engine.ts';
import { analyzeArticle, extractFacts } from './facts/index.ts';
import { buildIndex, type IndexInput } from './search/index.ts';

/** Extracts the facts of every article and indexes them. */
export function buildEngine(corpus: Corpus): Engine {
  const inputs: IndexInput[] = corpus.articles.map((article) => {
    const analyzed = analyzeArticle(article);
    return { analyzed, facts: extractFacts(analyzed) };
  });
  return createEngine(corpus, inputs, buildIndex(inputs));
}
