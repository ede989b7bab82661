import type { CorpusProblem } from './types.ts';

/**
 * The corpus as a whole cannot be used: the folder is missing or unreadable, or not one of its files is a
 * loadable article. The message names the folder and lists every file problem, one per line.
 */
export class CorpusError extends Error {
  override readonly name = 'CorpusError';
  /** The corpus folder as given. */
  readonly dir: string;
  /** The files that were skipped, and why (empty when the folder itself is the fault). */
  readonly problems: readonly CorpusProblem[];

  constructor(dir: string, summary: string, problems: readonly CorpusProblem[] = []) {
    const lines = problems.map((p) => `  - ${p.file}: ${p.reason}`);
    super([`Corpus folder "${dir}" ${summary}`, ...lines].join('\n'));
    this.dir = dir;
    this.problems = problems;
  }
}

/** One file cannot be loaded; `loadCorpus` turns it into a CorpusProblem and goes on with the others. */
export class ArticleFileError extends Error {
  override readonly name = 'ArticleFileError';
}
