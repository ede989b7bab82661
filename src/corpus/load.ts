import type { Corpus } from './types.ts';

/** Loads every article file of a corpus folder; unreadable files are reported in `problems` and skipped. */
export async function loadCorpus(_dir: string): Promise<Corpus> {
  return { articles: [], problems: [] }; // TODO(corpus helper): implement
}
