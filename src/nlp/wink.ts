/**
 * The wink-nlp pipeline, loaded on first use. Loading the model takes ~300 ms, so it is required lazily:
 * importing this module costs nothing, and a start-up served from the engine cache never loads it.
 */
import { createRequire } from 'node:module';
import type { WinkMethods } from 'wink-nlp';

const require = createRequire(import.meta.url);
let instance: WinkMethods | undefined;

/** The shared wink-nlp instance (tokens, lemmas, parts of speech, entity spans). */
export function nlp(): WinkMethods {
  if (!instance) {
    const winkNLP = require('wink-nlp') as typeof import('wink-nlp').default;
    const model = require('wink-eng-lite-web-model') as typeof import('wink-eng-lite-web-model').default;
    instance = winkNLP(model);
  }
  return instance;
}
