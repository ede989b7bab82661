/**
 * A small, made-up engine for Discord tests: one or two invented articles and fixed answers that cite their
 * paragraphs verbatim. It implements the Engine contract directly, so the bot's tests do not depend on the
 * state of extraction. Texts include markdown and mention syntax on purpose: the bot must show them, not run them.
 */
import type { Article } from '../../src/corpus/types.ts';
import type { Engine, ListOptions } from '../../src/engine.ts';
import { matchKey } from '../../src/nlp/normalize.ts';
import type {
  Answer,
  Citation,
  ClaimItem,
  FigureItem,
  Summary,
  WhenItem,
  WhoItem,
} from '../../src/schema.ts';
import type { SearchIndex } from '../../src/search/index.ts';

export const LIBRARY_ID = 'riverside-library';
export const FERRY_ID = 'ferry-timetable';

const libraryParagraphs = [
  'Riverside library reopens after a two-year rebuild',
  'The Riverside public library reopened on March 4, 2024, after a rebuild that cost $12.5 million, the council said.',
  'Head librarian Ana Lopez said the new building "doubles the space for children" and called the opening "a *great* day".',
  'Councillor Tom Reyes claimed the project ran 18% over budget, a figure the council has not confirmed. He reportedly wants an audit.',
  'A notice taped to the old door read "@everyone welcome back <@123456789012345678>" in marker pen.',
  'Visitors borrowed 4,200 books in the first week, and the library expects 150,000 visits a year.',
];

const ferryParagraphs = [
  'Ferry timetable changes in spring',
  'The harbour ferry will run every 20 minutes from April, the operator Blue Line said on Monday.',
];

function article(id: string, title: string, paragraphs: string[], url?: string): Article {
  return {
    id,
    file: `${id}.txt`,
    title,
    meta: { title, ...(url ? { url } : {}), source: 'Example Gazette', published: '2024-03-05' },
    paragraphs: paragraphs.map((text, i) => ({ n: i + 1, text, kind: i === 0 ? 'headline' : 'body' })),
    dropped: [],
    hash: id,
  };
}

/** Cites the sentence of paragraph `n` (1-based) that contains `fragment`, verbatim. */
function cite(a: Article, n: number, fragment: string): Citation {
  const text = a.paragraphs[n - 1]?.text ?? '';
  if (!text.includes(fragment))
    throw new Error(`sample engine: paragraph ${n} of ${a.id} lacks "${fragment}"`);
  const sentence = text.split(/(?<=[.!?"])\s+(?=[A-Z"])/).find((s) => s.includes(fragment)) ?? text;
  return { article: a.id, paragraph: n, quote: sentence };
}

export interface SampleEngineOptions {
  /** Add a second article, so commands take the `article` option. */
  twoArticles?: boolean;
  /** How many extra figures to invent, to make `/figures` page. */
  extraFigures?: number;
}

/** Builds the sample engine. */
export function createSampleEngine(options: SampleEngineOptions = {}): Engine {
  const library = article(
    LIBRARY_ID,
    'Riverside library reopens after a two-year rebuild',
    libraryParagraphs,
    'https://news.example.org/riverside-library',
  );
  const ferry = article(FERRY_ID, 'Ferry timetable changes in spring', ferryParagraphs);
  const articles = options.twoArticles ? [library, ferry] : [library];

  const who: WhoItem[] = [
    {
      name: 'Ana Lopez',
      kind: 'person',
      roles: ['head librarian'],
      aliases: ['Lopez'],
      mentions: 1,
      citations: [cite(library, 3, 'Head librarian Ana Lopez')],
    },
    {
      name: 'Tom Reyes',
      kind: 'person',
      roles: ['councillor'],
      aliases: ['Reyes'],
      mentions: 2,
      citations: [cite(library, 4, 'Councillor Tom Reyes')],
    },
    {
      name: 'Riverside council',
      kind: 'organization',
      roles: [],
      aliases: [],
      mentions: 2,
      citations: [cite(library, 2, 'the council said')],
    },
  ];
  const when: WhenItem[] = [
    {
      date: '2024-03-04',
      precision: 'day',
      inferred: false,
      label: 'March 4, 2024',
      event: 'The library reopened',
      citations: [cite(library, 2, 'March 4, 2024')],
    },
    {
      date: '2022',
      precision: 'year',
      inferred: true,
      label: 'two-year rebuild',
      event: 'The rebuild began',
      citations: [cite(library, 1, 'two-year rebuild')],
    },
  ];
  const claims: ClaimItem[] = [
    {
      speaker: 'Ana Lopez',
      verb: 'said',
      claim: 'the new building "doubles the space for children"',
      hedged: false,
      date: null,
      citations: [cite(library, 3, 'doubles the space')],
    },
    {
      speaker: 'Tom Reyes',
      verb: 'claimed',
      claim: 'the project ran 18% over budget',
      hedged: true,
      date: null,
      citations: [cite(library, 4, '18% over budget')],
    },
  ];
  const figures: FigureItem[] = [
    {
      value: 12_500_000,
      unit: 'USD',
      display: '$12.5 million',
      measures: 'cost of the rebuild',
      period: null,
      citations: [cite(library, 2, '$12.5 million')],
    },
    {
      value: 4200,
      unit: 'books',
      display: '4,200',
      measures: 'books borrowed',
      period: 'first week',
      citations: [cite(library, 6, '4,200 books')],
    },
    ...Array.from({ length: options.extraFigures ?? 0 }, (_, i) => ({
      value: 150_000 + i,
      unit: 'visits',
      display: `${150 + i},000`,
      measures: `expected visits (estimate ${i + 1})`,
      period: 'a year',
      citations: [cite(library, 6, '150,000 visits')],
    })),
  ];
  if (options.twoArticles) {
    figures.push({
      value: 20,
      unit: 'minutes',
      display: 'every 20 minutes',
      measures: 'ferry frequency',
      period: 'from April',
      citations: [cite(ferry, 2, 'every 20 minutes')],
    });
  }

  const inScope = <T extends { citations: Citation[] }>(
    items: T[],
    opts: ListOptions,
    text: (t: T) => string[],
  ) => {
    const needle = matchKey(opts.filter ?? '');
    return items
      .filter((i) => !opts.article || i.citations.some((c) => c.article === opts.article))
      .filter((i) => !needle || text(i).some((t) => matchKey(t).includes(needle)));
  };

  const ask = (question: string, opts: { article?: string | undefined } = {}): Answer => {
    const q = matchKey(question);
    if (opts.article !== FERRY_ID && (q.includes('reopen') || q.includes('when'))) {
      return {
        found: true,
        answer: 'March 4, 2024',
        citations: [cite(library, 2, 'March 4, 2024')],
        confidence: 0.9,
      };
    }
    if (q.includes('notice')) {
      const quote = cite(library, 5, 'A notice taped');
      return { found: true, answer: quote.quote, citations: [quote], confidence: 0.7 };
    }
    if (q.includes('cost')) {
      return {
        found: true,
        answer: '$12.5 million',
        citations: [cite(library, 2, '$12.5 million')],
        confidence: 0.8,
      };
    }
    return { found: false, answer: null, citations: [cite(library, 6, '150,000 visits')], confidence: 0 };
  };

  const summary = (opts: { article?: string | undefined } = {}): Summary =>
    opts.article === FERRY_ID
      ? {
          title: ferry.title,
          points: [{ text: 'The ferry will run every 20 minutes.', citations: [cite(ferry, 2, 'every 20')] }],
        }
      : {
          title: library.title,
          points: [
            {
              text: 'The library reopened after a $12.5 million rebuild.',
              citations: [cite(library, 2, 'reopened')],
            },
            {
              text: 'A councillor says it ran 18% over budget.',
              citations: [cite(library, 4, '18% over budget')],
            },
          ],
        };

  return {
    articles,
    problems: [],
    // The bot never reads the search index; the sample answers questions itself.
    index: undefined as unknown as SearchIndex,
    // Nothing in the bot reads per-article facts directly; every command goes through the list functions.
    factsOf: () => undefined,
    who: (opts = {}) => ({ items: inScope(who, opts, (w) => [w.name, ...w.aliases, ...w.roles]) }),
    when: (opts = {}) => ({
      items: inScope(when, opts, (w) => [w.label, w.event, ...w.citations.map((c) => c.quote)]),
    }),
    claims: (opts = {}) => ({ items: inScope(claims, opts, (c) => [c.speaker, c.claim]) }),
    figures: (opts = {}) => ({ items: inScope(figures, opts, (f) => [f.display, f.measures, f.unit]) }),
    ask,
    summary,
    describe: (opts = {}) => ({
      articles: articles
        .filter((a) => !opts.article || a.id === opts.article)
        .map((a) => ({
          id: a.id,
          title: a.title,
          published: a.meta.published ?? null,
          source: a.meta.source ?? null,
          url: a.meta.url ?? null,
          byline: null,
          paragraphs: a.paragraphs,
          dropped: [],
        })),
    }),
  };
}
