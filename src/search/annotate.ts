/**
 * Index-time analysis with wink-nlp: lemmas for the tokenizer's table, proper-noun runs and wink's value
 * entities for each sentence. This is the only part of search/ that loads wink; the question path reads what
 * it leaves in the index.
 */

import type { ItsFunction } from 'wink-nlp';
import type { Paragraph } from '../corpus/types.ts';
import { normalizeChars } from '../nlp/normalize.ts';
import type { Sentence } from '../nlp/sentences.ts';
import { nlp } from '../nlp/wink.ts';
import { ROLE_NOUNS, TITLE_WORDS } from './lexicon.ts';
import { findValueSpans, mergeSpans, type Span, type SpanKind } from './spans.ts';
import { normalizeWord } from './terms.ts';

/** A wink token with its offsets in the paragraph. */
interface Token {
  value: string;
  pos: string;
  lemma: string;
  start: number;
  end: number;
}

/** What wink found in one paragraph. */
export interface ParagraphAnalysis {
  tokens: Token[];
  entities: Array<{ kind: SpanKind; start: number; end: number }>;
}

const ENTITY_KINDS: Record<string, SpanKind> = {
  DATE: 'date',
  TIME: 'date',
  DURATION: 'duration',
  MONEY: 'money',
  PERCENT: 'percent',
  CARDINAL: 'count',
  ORDINAL: 'ordinal',
};

/** What the corpus teaches the tokenizer: each word's lemma, and which words are written in lower case. */
export interface Vocabulary {
  lemmas: Map<string, string>;
  lowercase: Set<string>;
  /** Words whose lemma so far comes only from a capitalised reading. */
  capitalised: Set<string>;
  /** Per lower-case word: times read as a verb minus times read as a noun or adjective. */
  verbiness: Map<string, number>;
}

/** Runs wink over a paragraph and records every word's lemma in the vocabulary (first reading wins). */
export function analyzeParagraph(paragraph: Paragraph, vocab: Vocabulary): ParagraphAnalysis {
  const text = normalizeChars(paragraph.text);
  const winkNlp = nlp();
  const its = winkNlp.its;
  const doc = winkNlp.readDoc(text);
  const all = doc.tokens();
  const values = all.out(its.value) as string[];
  const tags = all.out(its.pos) as string[];
  // wink's typings declare its.lemma with a signature that does not match ItsFunction; the runtime accepts it.
  const lemmaOf = all.out(its.lemma as unknown as ItsFunction<string>) as string[];
  const tokens: Token[] = [];
  let cursor = 0;
  values.forEach((value, i) => {
    const at = text.indexOf(value, cursor);
    const start = at < 0 ? cursor : at;
    cursor = at < 0 ? cursor : at + value.length;
    const token = {
      value,
      pos: tags[i] ?? '',
      lemma: (lemmaOf[i] ?? value).toLowerCase(),
      start,
      end: cursor,
    };
    tokens.push(token);
    const word = normalizeWord(value);
    // A capitalised word ("Chips" in a title-case headline) may be read as a name and keep its form; the
    // reading of the word in lower case, when the corpus has one, is the better lemma.
    const lower = /^\p{Ll}/u.test(value);
    if (/^\p{L}/u.test(word) && (!vocab.lemmas.has(word) || (lower && vocab.capitalised.has(word)))) {
      vocab.lemmas.set(word, token.lemma);
      if (lower) vocab.capitalised.delete(word);
      else vocab.capitalised.add(word);
    }
    if (/^\p{Ll}/u.test(value)) {
      vocab.lowercase.add(value);
      const lean = token.pos === 'VERB' ? 1 : token.pos === 'NOUN' || token.pos === 'ADJ' ? -1 : 0;
      if (lean) vocab.verbiness.set(value, (vocab.verbiness.get(value) ?? 0) + lean);
    }
  });
  const found = doc.entities();
  const details = found.out(its.detail) as unknown as Array<{ type: string }>;
  const ranges = found.out(its.span) as unknown as Array<[number, number]>;
  const entities: ParagraphAnalysis['entities'] = [];
  details.forEach((detail, i) => {
    const kind = ENTITY_KINDS[detail.type];
    const [first, last] = ranges[i] ?? [-1, -1];
    const a = tokens[first];
    const b = tokens[last];
    if (kind && a && b) entities.push({ kind, start: a.start, end: b.end });
  });
  return { tokens, entities };
}

const CONNECTORS = new Set(['of', 'de', 'van', 'von', 'bin', 'al', 'la', 'du', 'der', 'da', 'del']);

function isNamey(t: Token, first: boolean): boolean {
  if (!/^\p{Lu}/u.test(t.value)) return false;
  if (t.pos === 'PROPN') return true;
  return !first && (t.pos === 'NOUN' || t.pos === 'ADJ');
}

/**
 * Proper-noun runs of a sentence ("Anna Smith", "Bank of England"), minus leading titles and role words; a
 * lone capitalised word opening the sentence is a name only if the corpus never writes it in lower case.
 */
function findNames(tokens: Token[], offset: number, taken: Span[], common: ReadonlySet<string>): Span[] {
  const out: Span[] = [];
  const inValue = (t: Token) => taken.some((s) => t.start - offset < s.end && s.start < t.end - offset);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t || !isNamey(t, i === 0) || inValue(t)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1];
      const after = tokens[j + 2];
      const glued = next && after && next.start === tokens[j]?.end && after.start === next.end;
      if (next && isNamey(next, false) && !inValue(next) && next.start - (tokens[j]?.end ?? 0) <= 1) j++;
      // "Anglo-American", "Rolls-Royce": a hyphen inside a name keeps it one name.
      else if (glued && /^[-\u2010\u2011]$/.test(next.value) && isNamey(after, false) && !inValue(after))
        j += 2;
      else if (next && after && CONNECTORS.has(next.value) && isNamey(after, false) && !inValue(after))
        j += 2;
      // "(Dorsey Port and Harbour Board)": inside brackets, "and" joins the words of one name.
      else if (
        next &&
        after &&
        /^(?:and|&)$/.test(next.value) &&
        isNamey(after, false) &&
        tokens[i - 1]?.value === '(' &&
        closesBracket(tokens, j + 2)
      )
        j += 2;
      else break;
    }
    // "Freedonia President Anna Smith": the name is what follows the last title or role word of the run.
    let k = j;
    while (k > i && !isAddressWord(tokens[k - 1]?.value ?? '')) k--;
    const a = tokens[k];
    const b = tokens[j];
    const lone = k === j && i === 0 && a !== undefined && common.has(a.value.toLowerCase());
    if (a && b && !isAddressWord(a.value) && !lone) {
      out.push({ kind: 'name', start: a.start - offset, end: b.end - offset });
    }
    i = j + 1;
  }
  return out;
}

/** Whether the capitalised words from `from` run on to a closing bracket. */
function closesBracket(tokens: Token[], from: number): boolean {
  for (let k = from; k < tokens.length && k < from + 6; k++) {
    const t = tokens[k];
    if (t?.value === ')') return true;
    if (!t || !(isNamey(t, false) || CONNECTORS.has(t.value))) return false;
  }
  return false;
}

function isAddressWord(word: string): boolean {
  const w = word.toLowerCase();
  return TITLE_WORDS.has(w) || ROLE_NOUNS.has(w);
}

/** The typed spans of one sentence: pattern spans, wink's value entities, and proper-noun runs. */
export function annotateSentence(s: Sentence, analysis: ParagraphAnalysis, vocab: Vocabulary): Span[] {
  const end = s.start + s.text.length;
  const fromWink: Span[] = analysis.entities
    .filter((e) => e.start >= s.start && e.end <= end)
    .map((e) => ({ kind: e.kind, start: e.start - s.start, end: e.end - s.start }));
  const values = mergeSpans([...findValueSpans(s.norm), ...fromWink]);
  const tokens = analysis.tokens.filter((t) => t.start >= s.start && t.end <= end);
  const valueSpans = values.filter((v) => v.kind !== 'quote');
  return mergeSpans([...values, ...findNames(tokens, s.start, valueSpans, vocab.lowercase)]);
}
