/**
 * The answer engine: a loaded corpus with its facts and search index, and the questions it answers. Pure and
 * transport-free: the CLI, the console and the Discord bot all call these functions and render the values.
 */
import { type AskOptions, answerQuestion } from './answer/answer.ts';
import type { Article, Corpus, CorpusProblem } from './corpus/types.ts';
import type { ArticleFacts } from './facts/types.ts';
import { matchKey } from './nlp/normalize.ts';
import type {
  Answer,
  ArticlesResult,
  ClaimsResult,
  FiguresResult,
  Summary,
  WhenResult,
  WhoResult,
} from './schema.ts';
import type { IndexInput, SearchIndex } from './search/index.ts';
import { pickNewestArticle } from './summary/lead.ts';
import { summarize } from './summary/summarize.ts';

export interface ListOptions {
  /** Keep items whose text mentions this (case- and accent-insensitive). */
  filter?: string | undefined;
  /** Restrict to one article id. */
  article?: string | undefined;
}

export interface Engine {
  readonly articles: readonly Article[];
  readonly problems: readonly CorpusProblem[];
  readonly index: SearchIndex;
  /** Everything extracted from one article (for the cache and for tools). */
  factsOf(article: string): ArticleFacts | undefined;
  who(opts?: ListOptions): WhoResult;
  when(opts?: ListOptions): WhenResult;
  claims(opts?: ListOptions): ClaimsResult;
  figures(opts?: ListOptions): FiguresResult;
  ask(question: string, opts?: AskOptions): Answer;
  summary(opts?: { article?: string | undefined }): Summary;
  describe(opts?: { article?: string | undefined }): ArticlesResult;
}

/** Wraps already-extracted inputs and their index (built fresh or loaded from a cache) as an engine. */
export function createEngine(corpus: Corpus, inputs: IndexInput[], index: SearchIndex): Engine {
  const pick = (article: string | undefined): IndexInput[] =>
    article ? inputs.filter((i) => i.analyzed.article.id === article) : inputs;

  const list = <T>(opts: ListOptions, get: (i: IndexInput) => T[], text: (item: T) => string[]): T[] => {
    const items = pick(opts.article).flatMap(get);
    const needle = opts.filter ? matchKey(opts.filter) : '';
    if (!needle) return items;
    return items.filter((item) => text(item).some((t) => matchKey(t).includes(needle)));
  };

  return {
    articles: corpus.articles,
    problems: corpus.problems,
    index,
    factsOf: (id) => inputs.find((i) => i.analyzed.article.id === id)?.facts,
    who: (opts = {}) => ({
      items: list(
        opts,
        (i) => i.facts.who,
        (w) => [w.name, ...w.aliases, ...w.roles],
      ),
    }),
    when: (opts = {}) => ({
      items: list(
        opts,
        (i) => i.facts.when,
        (w) => [w.label, w.event, w.date ?? '', ...w.citations.map((c) => c.quote)],
      ),
    }),
    claims: (opts = {}) => ({
      items: list(
        opts,
        (i) => i.facts.claims,
        (c) => [c.speaker, c.claim, ...c.citations.map((q) => q.quote)],
      ),
    }),
    figures: (opts = {}) => ({
      items: list(
        opts,
        (i) => i.facts.figures,
        (f) => [f.display, f.measures, f.unit, f.period ?? ''],
      ),
    }),
    ask: (question, opts = {}) => answerQuestion(index, question, opts),
    summary: (opts = {}) => {
      // Without an article: the newest one, the article the daily post leads with (see summary/lead.ts).
      const id = opts.article ?? pickNewestArticle(corpus.articles)?.id;
      const input = inputs.find((i) => i.analyzed.article.id === id);
      return input ? summarize(input) : { title: '', points: [] };
    },
    describe: (opts = {}) => ({
      articles: pick(opts.article).map(({ analyzed: { article: a } }) => ({
        id: a.id,
        title: a.title,
        published: a.meta.published ?? null,
        source: a.meta.source ?? null,
        url: a.meta.url ?? null,
        byline: a.meta.byline ?? null,
        paragraphs: a.paragraphs.map((p) => ({ n: p.n, text: p.text, kind: p.kind })),
        dropped: a.dropped,
      })),
    }),
  };
}
