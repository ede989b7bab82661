/**
 * The wink-nlp pipeline, loaded once on first use. Loading the model takes ~300 ms, so nothing on the
 * question-answering path imports it: only fact extraction does.
 */

import model from 'wink-eng-lite-web-model';
import winkNLP, { type WinkMethods } from 'wink-nlp';

let instance: WinkMethods | undefined;

/** The shared wink-nlp instance (tokens, lemmas, parts of speech, entity spans). */
export function nlp(): WinkMethods {
  instance ??= winkNLP(model);
  return instance;
}
