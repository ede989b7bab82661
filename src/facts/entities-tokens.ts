/**
 * Tokens with parts of speech, lemmas and offsets for every sentence of an article, plus whether each token
 * sits inside quotation marks. Both the entity finder and the claim extractor read these, so they are
 * computed once per analysed article.
 */

import type { ItsFunction } from 'wink-nlp';
import type { Sentence } from '../nlp/sentences.ts';
import { nlp } from '../nlp/wink.ts';
import type { ParagraphKind } from '../schema.ts';
import type { AnalyzedArticle } from './types.ts';

/** One word or punctuation mark of a sentence. */
export interface Token {
  /** The article's own characters. */
  text: string;
  /** Lower-cased, with typographic quotes and dashes made ASCII. */
  lower: string;
  /** Universal part-of-speech tag from wink-nlp. */
  pos: string;
  lemma: string;
  /** Offsets in the sentence's text. */
  start: number;
  end: number;
  /** Starts with a capital letter (names, titles, acronyms; also the first word of a sentence). */
  cap: boolean;
  /** First word of a sentence, of a quotation or after a colon: capitalised by grammar, not because it names. */
  initial: boolean;
  /** Inside quotation marks. */
  quoted: boolean;
  /** An opening (1) or closing (-1) quotation mark; 0 otherwise. */
  quote: -1 | 0 | 1;
}

/** A sentence with its tokens. */
export interface TokenizedSentence {
  sentence: Sentence;
  kind: ParagraphKind;
  tokens: Token[];
  /** Quotation state at the start and the end of the sentence (quotes may span sentences). */
  quotedAtStart: boolean;
  quotedAtEnd: boolean;
}

const cache = new WeakMap<AnalyzedArticle, TokenizedSentence[]>();

/** Tokenises every sentence of an article once (wink-nlp), tracking quotation marks across sentences. */
export function tokenizeArticle(a: AnalyzedArticle): TokenizedSentence[] {
  const hit = cache.get(a);
  if (hit) return hit;
  const kinds = new Map(a.article.paragraphs.map((p) => [p.n, p.kind]));
  const raw = readTokens(a.sentences);
  const out: TokenizedSentence[] = [];
  let paragraph = -1;
  let quoted = false;
  a.sentences.forEach((s, i) => {
    if (s.paragraph !== paragraph) {
      paragraph = s.paragraph;
      quoted = false;
    }
    const ts = tokenizeSentence(s, raw[i] ?? [], quoted, kinds.get(s.paragraph) ?? 'body');
    quoted = ts.quotedAtEnd;
    out.push(ts);
  });
  cache.set(a, out);
  return out;
}

/**
 * Runs wink once over all sentences (one document per sentence costs far more than one per article) and
 * hands each sentence its tokens with offsets into its own text.
 */
function readTokens(sentences: Sentence[]): Token[][] {
  const gap = '\n\n';
  const bases: number[] = [];
  let length = 0;
  for (const s of sentences) {
    bases.push(length);
    length += s.norm.length + gap.length;
  }
  const joined = sentences.map((s) => s.norm).join(gap);
  const doc = nlp().readDoc(joined);
  const its = nlp().its;
  const texts = doc.tokens().out() as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  // wink's typings declare its.lemma with a signature that does not match ItsFunction; the runtime accepts it.
  const lemmas = doc.tokens().out(its.lemma as unknown as ItsFunction<string>) as string[];
  const out: Token[][] = sentences.map(() => []);
  let cursor = 0;
  let si = 0;
  texts.forEach((text, k) => {
    let at = joined.indexOf(text, cursor);
    // wink rewrites a few contractions ("can't" -> "ca" + "n't"); fall back to the next non-space position.
    if (at < 0 || joined.slice(cursor, at).trim() !== '') {
      at = cursor;
      while (at < joined.length && /\s/.test(joined[at] ?? '')) at++;
    }
    cursor = at + text.length;
    while (si + 1 < sentences.length && at >= (bases[si + 1] ?? Number.POSITIVE_INFINITY)) si++;
    const s = sentences[si];
    const base = bases[si] ?? 0;
    if (!s) return;
    const start = at - base;
    const end = Math.min(s.norm.length, start + text.length);
    if (start < 0 || start >= s.norm.length) return;
    out[si]?.push({
      text: s.text.slice(start, end),
      lower: s.norm.slice(start, end).toLowerCase(),
      pos: String(tags[k] ?? 'X'),
      lemma: String(lemmas[k] ?? text).toLowerCase(),
      start,
      end,
      cap: false,
      initial: false,
      quoted: false,
      quote: 0,
    });
  });
  return out;
}

function tokenizeSentence(
  s: Sentence,
  raw: Token[],
  quotedAtStart: boolean,
  kind: ParagraphKind,
): TokenizedSentence {
  const tokens = mergeHyphens(raw, s.norm);
  let quoted = quotedAtStart;
  let atStart = true;
  let sawQuote = false;
  for (const [i, tok] of tokens.entries()) {
    if (tok.lower === '"') {
      tok.quote = quoteDirection(s, tok.start);
      // An earlier quotation left unclosed ('... last year. She added: "The ...'): a new one opening in
      // mid-sentence means the words before it were the writer's, not the quote's.
      if (tok.quote === 1 && quoted && !sawQuote && i > 0)
        for (const t of tokens.slice(0, i)) t.quoted = false;
      sawQuote = true;
      quoted = tok.quote === 1;
      atStart = tok.quote === 1 ? true : atStart;
      continue;
    }
    tok.quoted = quoted;
    const isWord = /[\p{L}\p{N}]/u.test(tok.text);
    tok.cap = isWord && isCapitalised(tok.text);
    if (isWord) {
      tok.initial = atStart;
      atStart = false;
    } else if (tok.text === ':' || tok.text === '(' || tok.text === ';') {
      atStart = tok.text !== ';';
    }
  }
  return { sentence: s, kind, tokens, quotedAtStart, quotedAtEnd: quoted };
}

/** Joins "Guinea" "-" "Bissau" (written without spaces) back into one token. */
function mergeHyphens(tokens: Token[], norm: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    const prev = out[out.length - 1];
    const next = tokens[i + 1];
    if (
      t.text === '-' &&
      prev &&
      next &&
      prev.end === t.start &&
      t.end === next.start &&
      /\p{L}/u.test(prev.text) &&
      /\p{L}/u.test(next.text)
    ) {
      const lastCap = isCapitalised(next.text);
      prev.end = next.end;
      prev.text = prev.text + t.text + next.text;
      prev.lower = norm.slice(prev.start, prev.end).toLowerCase();
      prev.lemma = prev.lower;
      // "Canadian-made" is an adjective; "Franco-British" stays a name.
      prev.pos = lastCap ? 'PROPN' : next.pos === 'NOUN' ? 'NOUN' : 'ADJ';
      i++;
      continue;
    }
    out.push(t);
  }
  return out;
}

function isCapitalised(text: string): boolean {
  // Compounds ending in a lower-case word ("Canadian-made", "Euro-funded") are not names.
  const parts = text.split('-');
  const last = parts[parts.length - 1] ?? '';
  if (parts.length > 1 && !/^[\p{Lu}\p{N}]/u.test(last)) return false;
  // "iPod", "eBay"; "al-Jazeera".
  return /^\p{Lu}/u.test(text) || /^\p{Ll}\p{Lu}/u.test(text) || /^(al|el)-\p{Lu}/u.test(text);
}

/** Decides whether a straight or typographic double quote at `at` opens or closes a quotation. */
function quoteDirection(s: Sentence, at: number): -1 | 1 {
  const ch = s.text[at];
  if (ch === '\u201c' || ch === '\u201e' || ch === '\u00ab') return 1;
  if (ch === '\u201d' || ch === '\u00bb') return -1;
  const before = at === 0 ? ' ' : (s.norm[at - 1] ?? ' ');
  const after = s.norm[at + 1] ?? ' ';
  if (/[\s([{\-:]/.test(before) && !/\s/.test(after)) return 1;
  return -1;
}

let lexicon: ReturnType<ReturnType<typeof nlp>['readDoc']> | undefined;

/**
 * True when wink's English lexicon knows the lower-cased word ("officials", "demand"): a sentence-initial
 * capital on such a word is grammar, while "Dravex" is a name wherever it stands.
 */
export function isCommonWord(lower: string): boolean {
  lexicon ??= nlp().readDoc('');
  return !lexicon.isOOV(lower);
}
