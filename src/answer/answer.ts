import type { Answer } from '../schema.ts';
import type { SearchIndex } from '../search/index.ts';

export interface AskOptions {
  /** Restrict the answer to one article id. */
  article?: string | undefined;
}

/** Answers a question from the index with a short answer and the sentence that holds it, or says it can't. */
export function answerQuestion(_index: SearchIndex, _question: string, _opts: AskOptions = {}): Answer {
  return { found: false, answer: null, citations: [], confidence: 0 }; // TODO(answer helper): implement
}
