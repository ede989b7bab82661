/**
 * One MiniSearch index over every sentence and every fact of the corpus, plus the side tables the question
 * path needs (each sentence's lemmatised terms and typed spans, the facts, the lemma table, document
 * frequencies), all computed at build time so that answering a question is a table lookup and one query.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { z } from 'zod';
import type { AnalyzedArticle, ArticleFacts } from '../facts/types.ts';
import {
  type Citation,
  claimItemSchema,
  figureItemSchema,
  paragraphKindSchema,
  whenItemSchema,
  whoItemSchema,
} from '../schema.ts';
import { analyzeParagraph, annotateSentence, type ParagraphAnalysis, type Vocabulary } from './annotate.ts';
import { extractTerms, type LemmaMap } from './terms.ts';

/** What the index is built from: each article with its extracted facts. */
export interface IndexInput {
  analyzed: AnalyzedArticle;
  facts: ArticleFacts;
}

const spanSchema = z.object({
  kind: z.enum(['date', 'duration', 'money', 'percent', 'count', 'score', 'ordinal', 'age', 'quote', 'name']),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

const indexedSentenceSchema = z.object({
  article: z.string(),
  paragraph: z.number().int().positive(),
  kind: paragraphKindSchema,
  /** Position of the sentence in its article (reading order). */
  index: z.number().int().nonnegative(),
  inParagraph: z.number().int().nonnegative(),
  text: z.string(),
  /** Offset of the sentence in its paragraph. */
  start: z.number().int().nonnegative(),
  terms: z.array(z.string()),
  /** Offset of each term's word in `text`. */
  at: z.array(z.number().int().nonnegative()),
  spans: z.array(spanSchema),
});

/** A sentence as the question path sees it. */
export type IndexedSentence = z.infer<typeof indexedSentenceSchema>;

const indexedFactSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('who'),
    article: z.string(),
    sentences: z.array(z.number()),
    item: whoItemSchema,
  }),
  z.object({
    kind: z.literal('when'),
    article: z.string(),
    sentences: z.array(z.number()),
    item: whenItemSchema,
  }),
  z.object({
    kind: z.literal('claim'),
    article: z.string(),
    sentences: z.array(z.number()),
    item: claimItemSchema,
  }),
  z.object({
    kind: z.literal('figure'),
    article: z.string(),
    sentences: z.array(z.number()),
    item: figureItemSchema,
  }),
]);

/** A fact with the sentences (positions in `SearchIndex.sentences`) its citations quote. */
export type IndexedFact = z.infer<typeof indexedFactSchema>;

const articleEntrySchema = z.object({
  id: z.string(),
  title: z.string(),
  published: z.string().nullable(),
  /** Position of the article's first sentence in `SearchIndex.sentences`; its sentences are contiguous. */
  first: z.number().int().nonnegative(),
  count: z.number().int().nonnegative(),
});

/** An indexed article: where its sentences sit in the sentence table. */
export type ArticleEntry = z.infer<typeof articleEntrySchema>;

/** The MiniSearch index and its side tables. Sentence documents have ids 0..n-1; fact documents follow. */
export interface SearchIndex {
  mini: MiniSearch<IndexDocument>;
  sentences: IndexedSentence[];
  facts: IndexedFact[];
  articles: ArticleEntry[];
  /** `articles` by id. */
  byId: ReadonlyMap<string, ArticleEntry>;
  /** The facts citing each sentence, and each article's facts: lookups the question path makes often. */
  factsAt: ReadonlyMap<number, readonly IndexedFact[]>;
  factsOf: ReadonlyMap<string, readonly IndexedFact[]>;
  lemmas: LemmaMap;
  /** Lower-case words the corpus uses mostly as verbs: the question reader stops a noun phrase at one. */
  verbs: ReadonlySet<string>;
  /** Number of sentences each term occurs in. */
  df: ReadonlyMap<string, number>;
}

/** A MiniSearch document: pre-tokenised, space-separated lemmas. */
export interface IndexDocument {
  id: number;
  text: string;
  names: string;
}

// 4: value spans read compound lengths ("a 48-hour strike"), rate changes in words and bare months.
const FORMAT_VERSION = 4;

const MINI_OPTIONS = {
  fields: ['text', 'names'],
  idField: 'id',
  // Documents and queries are tokenised and lemmatised by extractTerms before they reach MiniSearch.
  tokenize: (text: string) => text.split(' '),
  processTerm: (term: string) => term || null,
};

function newMiniSearch(): MiniSearch<IndexDocument> {
  return new MiniSearch<IndexDocument>(MINI_OPTIONS);
}

/** Where each fact's citations land among the sentences. */
function citedSentences(citations: Citation[], sentences: IndexedSentence[], entry: ArticleEntry): number[] {
  const out = new Set<number>();
  for (const c of citations) {
    for (let i = entry.first; i < entry.first + entry.count; i++) {
      const s = sentences[i];
      if (!s || s.paragraph !== c.paragraph) continue;
      if (s.text.includes(c.quote) || c.quote.includes(s.text)) out.add(i);
    }
  }
  return [...out];
}

function factText(fact: IndexedFact): { text: string; names: string } {
  switch (fact.kind) {
    case 'who':
      return {
        text: [...fact.item.roles].join(' '),
        names: [fact.item.name, ...fact.item.aliases].join(' '),
      };
    case 'when':
      return { text: `${fact.item.label} ${fact.item.event}`, names: '' };
    case 'claim':
      return { text: `${fact.item.verb} ${fact.item.claim}`, names: fact.item.speaker };
    case 'figure':
      return { text: `${fact.item.display} ${fact.item.measures} ${fact.item.period ?? ''}`, names: '' };
  }
}

function sentenceNames(s: IndexedSentence): string {
  return s.spans
    .filter((sp) => sp.kind === 'name')
    .map((sp) => s.text.slice(sp.start, sp.end))
    .join(' ');
}

function toDocument(id: number, text: string, names: string, lemmas: LemmaMap): IndexDocument {
  const terms = (t: string) =>
    extractTerms(t, lemmas)
      .map((x) => x.term)
      .join(' ');
  return { id, text: terms(text), names: terms(names) };
}

function countTerms(sentences: IndexedSentence[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const s of sentences) for (const t of new Set(s.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  return df;
}

type Derived = 'df' | 'byId' | 'factsAt' | 'factsOf';

/** The lookup tables derived from the stored ones (built after a build or a load, never serialised). */
function derive(index: Omit<SearchIndex, Derived>): SearchIndex {
  const factsAt = new Map<number, IndexedFact[]>();
  const factsOf = new Map<string, IndexedFact[]>();
  const push = <K>(map: Map<K, IndexedFact[]>, key: K, f: IndexedFact) => {
    const list = map.get(key);
    if (list) list.push(f);
    else map.set(key, [f]);
  };
  for (const f of index.facts) {
    for (const id of f.sentences) push(factsAt, id, f);
    push(factsOf, f.article, f);
  }
  return {
    ...index,
    byId: new Map(index.articles.map((a) => [a.id, a])),
    factsAt,
    factsOf,
    df: countTerms(index.sentences),
  };
}

function addDocuments(index: Omit<SearchIndex, Derived>): void {
  const docs: IndexDocument[] = index.sentences.map((s, i) =>
    toDocument(i, s.text, sentenceNames(s), index.lemmas),
  );
  index.facts.forEach((f, i) => {
    const { text, names } = factText(f);
    docs.push(toDocument(index.sentences.length + i, text, names, index.lemmas));
  });
  index.mini.addAll(docs);
}

/** wink cuts "fined" to "fin"; when the corpus also has "fine", the "-ed" word's lemma is "fine". */
function repairLemmas(lemmas: Map<string, string>): void {
  for (const [word, lemma] of lemmas) {
    if (/ed$/.test(word) && lemma === word.slice(0, -2) && lemmas.has(`${lemma}e`))
      lemmas.set(word, `${lemma}e`);
  }
}

/** Builds one MiniSearch index over every sentence and fact of the corpus (loads wink-nlp once). */
export function buildIndex(inputs: IndexInput[]): SearchIndex {
  const vocab: Vocabulary = {
    lemmas: new Map(),
    lowercase: new Set(),
    capitalised: new Set(),
    verbiness: new Map(),
  };
  const { lemmas } = vocab;
  const analyses: Array<Map<number, ParagraphAnalysis>> = inputs.map(({ analyzed }) => {
    const byParagraph = new Map<number, ParagraphAnalysis>();
    for (const p of analyzed.article.paragraphs) byParagraph.set(p.n, analyzeParagraph(p, vocab));
    return byParagraph;
  });

  repairLemmas(lemmas);
  const sentences: IndexedSentence[] = [];
  const facts: IndexedFact[] = [];
  const articles: ArticleEntry[] = [];
  inputs.forEach(({ analyzed, facts: extracted }, a) => {
    const { article } = analyzed;
    const kinds = new Map(article.paragraphs.map((p) => [p.n, p.kind]));
    const entry: ArticleEntry = {
      id: article.id,
      title: article.title,
      published: article.meta.published ?? null,
      first: sentences.length,
      count: analyzed.sentences.length,
    };
    articles.push(entry);
    for (const s of analyzed.sentences) {
      const analysis = analyses[a]?.get(s.paragraph) ?? { tokens: [], entities: [] };
      const terms = extractTerms(s.text, lemmas);
      sentences.push({
        article: s.article,
        paragraph: s.paragraph,
        kind: kinds.get(s.paragraph) ?? 'body',
        index: s.index,
        inParagraph: s.inParagraph,
        text: s.text,
        start: s.start,
        terms: terms.map((t) => t.term),
        at: terms.map((t) => t.start),
        spans: annotateSentence(s, analysis, vocab),
      });
    }
    const add = (fact: Omit<IndexedFact, 'sentences'>, citations: Citation[]) =>
      facts.push({ ...fact, sentences: citedSentences(citations, sentences, entry) } as IndexedFact);
    for (const item of extracted.who) add({ kind: 'who', article: article.id, item }, item.citations);
    for (const item of extracted.when) add({ kind: 'when', article: article.id, item }, item.citations);
    for (const item of extracted.claims) add({ kind: 'claim', article: article.id, item }, item.citations);
    for (const item of extracted.figures) add({ kind: 'figure', article: article.id, item }, item.citations);
  });

  const verbs = new Set([...vocab.verbiness].filter(([, n]) => n > 0).map(([w]) => w));
  const index = { mini: newMiniSearch(), sentences, facts, articles, lemmas, verbs };
  addDocuments(index);
  return derive(index);
}

/** The index as a JSON-safe value, for a cache file; `loadIndex` reads it back. */
export function serializeIndex(index: SearchIndex): unknown {
  return {
    version: FORMAT_VERSION,
    mini: index.mini.toJSON(),
    sentences: index.sentences,
    facts: index.facts,
    articles: index.articles,
    lemmas: [...index.lemmas],
    verbs: [...index.verbs],
  };
}

const serializedSchema = z.object({
  version: z.literal(FORMAT_VERSION),
  mini: z.object({ documentCount: z.number(), nextId: z.number() }).passthrough(),
  sentences: z.array(indexedSentenceSchema),
  facts: z.array(indexedFactSchema),
  articles: z.array(articleEntrySchema),
  lemmas: z.array(z.tuple([z.string(), z.string()])),
  verbs: z.array(z.string()),
});

/** A cached index that cannot be read back; the message names what was wrong. */
export class IndexFormatError extends Error {
  override readonly name = 'IndexFormatError';
  constructor(
    message: string,
    readonly issues: string[],
  ) {
    super(message);
  }
}

/** Reads back a value made by `serializeIndex`; throws IndexFormatError when it is not one. */
export function loadIndex(json: unknown): SearchIndex {
  const parsed = serializedSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new IndexFormatError(`search index: not a version ${FORMAT_VERSION} index (${issues[0]})`, issues);
  }
  const { mini, sentences, facts, articles, lemmas, verbs } = parsed.data;
  const expected = sentences.length + facts.length;
  if (mini.documentCount !== expected) {
    throw new IndexFormatError(
      `search index: MiniSearch holds ${mini.documentCount} documents, expected ${expected}`,
      [],
    );
  }
  let restored: MiniSearch<IndexDocument>;
  try {
    // MiniSearch's plain-object form is its own format; loadJS checks it and throws on a mismatch.
    restored = MiniSearch.loadJS(mini as unknown as Parameters<typeof MiniSearch.loadJS>[0], MINI_OPTIONS);
  } catch (err) {
    throw new IndexFormatError(`search index: MiniSearch could not load it (${(err as Error).message})`, []);
  }
  return derive({
    mini: restored,
    sentences,
    facts,
    articles,
    lemmas: new Map(lemmas),
    verbs: new Set(verbs),
  });
}

/** Options of a raw search: the same ones the answerer uses. */
export interface RawSearchOptions {
  article?: string | undefined;
  /** Extra weight per field, e.g. `{ names: 2 }` when the question names people. */
  boost?: Record<string, number> | undefined;
}

/** Runs one MiniSearch query of already-extracted terms; the bench times this bare. */
export function searchTerms(
  index: SearchIndex,
  terms: string[],
  opts: RawSearchOptions = {},
): SearchResult[] {
  if (terms.length === 0) return [];
  const { article } = opts;
  const articleOf = (id: number) =>
    id < index.sentences.length
      ? index.sentences[id]?.article
      : index.facts[id - index.sentences.length]?.article;
  return index.mini.search(terms.join(' '), {
    boost: { text: 1, names: 1.5, ...opts.boost },
    // A word the corpus never used may still start one it did ("approv" -> "approval"); known words match as
    // they are, and the answerer's own matching relates word families among the candidates.
    prefix: (term) => term.length >= 4 && !index.df.has(term),
    weights: { fuzzy: 0.3, prefix: 0.4 },
    // With an article given, only its sentences and facts compete.
    ...(article ? { filter: (r: SearchResult) => articleOf(r.id as number) === article } : {}),
  });
}

/** Tokenises a free-text query with the index's tokenizer and searches it: the bare query a bench compares to. */
export function searchRaw(index: SearchIndex, query: string, opts: RawSearchOptions = {}): SearchResult[] {
  return searchTerms(
    index,
    extractTerms(query, index.lemmas).map((t) => t.term),
    opts,
  );
}
