import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load.ts';
import type { Article } from '../src/corpus/types.ts';
import { findDatePhrases } from '../src/facts/dates.ts';
import { analyzeArticle } from '../src/facts/index.ts';
import type { AnalyzedArticle, DateAnchor } from '../src/facts/types.ts';
import { extractTimeline } from '../src/facts/when.ts';
import { type WhenItem, whenItemSchema } from '../src/schema.ts';

const SEED_DIR = new URL('../corpus/', import.meta.url).pathname;
const FIXTURES_DIR = new URL('./fixtures/articles/', import.meta.url).pathname;

type Timeline = { anchor: DateAnchor; items: WhenItem[]; analyzed: AnalyzedArticle };
const timelines = new Map<string, Timeline>();

beforeAll(async () => {
  const corpora = await Promise.all([loadCorpus(SEED_DIR), loadCorpus(FIXTURES_DIR)]);
  for (const article of corpora.flatMap((c) => c.articles)) {
    const analyzed = analyzeArticle(article);
    timelines.set(article.id, { ...extractTimeline(analyzed), analyzed });
  }
});

function timeline(id: string): Timeline {
  const t = timelines.get(id);
  if (!t) throw new Error(`no article ${id} in the test corpora`);
  return t;
}

const seed = (): Timeline => timeline('000_7fd6d06c3ce83a04');

/** The items whose label is exactly this phrase, in timeline order. */
function byLabel(t: Timeline, label: string): WhenItem[] {
  return t.items.filter((i) => i.label === label);
}

function only(t: Timeline, label: string): WhenItem {
  const found = byLabel(t, label);
  expect(found, `items labelled ${label}`).toHaveLength(1);
  return found[0] as WhenItem;
}

/** A one-off made-up article from paragraph strings. */
function articleOf(paragraphs: string[], published?: string): AnalyzedArticle {
  const article: Article = {
    id: 'made-up',
    file: 'made-up.txt',
    title: paragraphs[0] ?? '',
    meta: published ? { published } : {},
    paragraphs: paragraphs.map((text, i) => ({ n: i + 1, text, kind: i === 0 ? 'headline' : 'body' })),
    dropped: [],
    hash: '',
  };
  return analyzeArticle(article);
}

describe('extractTimeline on the seed article', () => {
  it('lists the dated events in date order, relative ones resolved', () => {
    const dated = seed()
      .items.filter((i) => i.date !== null)
      .map((i) => `${i.date} ${i.label}`);
    expect(dated).toEqual([
      '1992-04 April 1992',
      '1993 A year later',
      '2009 2009',
      '2015/2019 from 2015 to 2019',
      '2016 2016',
      '2017 2017',
      '2020-09-20 two weeks ago',
      '2020-09-30 Sept. 30',
      '2020-09-30 Sept. 30',
      '2020-10-01 Oct. 1',
      '2020-10-02 Oct. 2',
      '2020-10-02 Oct. 2',
      '2020-10-02 Oct. 2',
      '2020-10-04 October 4, 2020',
      '2020-10-04 today',
      '2020-10-04 This afternoon',
    ]);
  });

  it('infers the publication date from the dated photo caption and marks every date that depends on it', () => {
    const t = seed();
    expect(t.anchor).toEqual({ date: '2020-10-04', inferred: true });
    for (const label of ['Oct. 1', 'today', 'two weeks ago', 'This afternoon']) {
      expect(only(t, label).inferred, label).toBe(true);
    }
    for (const label of ['April 1992', 'A year later', '2009', 'from 2015 to 2019', 'October 4, 2020']) {
      expect(only(t, label).inferred, label).toBe(false);
    }
  });

  it('resolves "a year later" against the previous date in the text, not the publication date', () => {
    expect(only(seed(), 'A year later')).toMatchObject({ date: '1993', precision: 'year' });
  });

  it('describes each event by its clause, without the date phrase', () => {
    const t = seed();
    expect(only(t, 'Oct. 1').event).toBe(
      'Armenia recalled its ambassador to Israel for consultations over Israeli weapons sales to its enemy',
    );
    expect(only(t, 'A year later').event).toBe('Israel opened an embassy in Baku');
    expect(only(t, 'April 1992').event).toBe('Israel and Azerbaijan established diplomatic relations');
    expect(only(t, 'today').event).toMatch(/^Armenian President Armen Sarkissian .* spoke on the phone/);
    const oct2 = byLabel(t, 'Oct. 2').map((i) => i.event);
    expect(oct2.some((e) => e.startsWith('Reports contained a video'))).toBe(true);
    expect(oct2.some((e) => e.startsWith('The Armenian Foreign Ministry tweeted'))).toBe(true);
    expect(oct2.some((e) => /Macron alleging/.test(e))).toBe(true);
    for (const item of t.items.filter((i) => i.precision !== 'relative')) {
      expect(item.event, item.label).not.toContain(item.label);
    }
  });

  it('keeps durations as undated relative items that never move the anchor', () => {
    expect(only(seed(), 'over a week')).toMatchObject({ date: null, precision: 'relative', inferred: false });
  });

  it('keeps the range of a year span as a range', () => {
    expect(only(seed(), 'from 2015 to 2019')).toMatchObject({ date: '2015/2019', precision: 'range' });
  });
});

describe('extractTimeline on made-up articles', () => {
  it('does not take a future plan as the inferred publication date', () => {
    const t = extractTimeline(
      articleOf([
        'Plant to reopen',
        'The plant closed on May 3, 2021, two days after a fire.',
        'It is expected to reopen on June 1, 2026, the owners said on Monday.',
      ]),
    );
    expect(t.anchor).toEqual({ date: '2021-05-03', inferred: true });
    expect(t.items.find((i) => i.label === 'June 1, 2026')).toMatchObject({
      date: '2026-06-01',
      inferred: false,
    });
    expect(t.items.find((i) => i.label === 'Monday')).toMatchObject({ date: '2021-05-03', inferred: true });
  });

  it('infers no publication date from a month or a year alone, and leaves what needs one undated', () => {
    const t = timeline('harbor-bridge');
    expect(t.anchor).toEqual({ date: null, inferred: false });
    expect(only(t, 'March 2023')).toMatchObject({ date: '2023-03', precision: 'month', inferred: false });
    expect(only(t, 'from 2025 to 2027')).toMatchObject({
      date: '2025/2027',
      precision: 'range',
      inferred: false,
    });
    expect(only(t, 'A year later')).toMatchObject({ date: '1962', inferred: false });
    for (const label of ['Jan. 9', 'Tuesday']) {
      expect(only(t, label), label).toMatchObject({ date: null, precision: 'relative', inferred: false });
    }
  });

  it('resolves relative dates against the published date from the front matter', () => {
    const t = timeline('clinic-vaccines');
    expect(t.anchor).toEqual({ date: '2024-11-15', inferred: false });
    expect(only(t, 'Thursday')).toMatchObject({ date: '2024-11-14', precision: 'day', inferred: false });
    expect(only(t, 'Two weeks ago')).toMatchObject({ date: '2024-11-01', precision: 'day' });
    expect(only(t, 'next year')).toMatchObject({ date: '2025', precision: 'year' });
    expect(only(t, 'between September and October')).toMatchObject({
      date: '2024-09/2024-10',
      precision: 'range',
    });
    expect(only(t, 'a year earlier')).toMatchObject({ date: '2023', precision: 'year' });
  });

  it('reads calendar weeks and months, decades, seasons and days counted from the previous date', () => {
    const t = timeline('grain-terminal');
    expect(only(t, 'yesterday').date).toBe('2023-06-08');
    expect(only(t, 'Wednesday').date).toBe('2023-06-07');
    expect(only(t, 'Two days earlier').date).toBe('2023-06-05');
    expect(only(t, 'Last week')).toMatchObject({ date: '2023-05-29/2023-06-04', precision: 'range' });
    expect(only(t, 'Earlier this month')).toMatchObject({ date: '2023-06', precision: 'month' });
    expect(only(t, 'last year').date).toBe('2022');
    expect(only(t, 'the late 1990s')).toMatchObject({ date: '1997/1999', precision: 'range' });
    expect(only(t, 'Between 2018 and 2021').date).toBe('2018/2021');
    expect(only(t, 'from March to May').date).toBe('2023-03/2023-05');
    expect(only(t, 'the spring of 2026')).toMatchObject({ date: '2026', precision: 'year' });
  });

  it('names the person a "who" clause describes when the date is inside it', () => {
    expect(only(timeline('grain-terminal'), '2004').event).toBe('Dock worker Tomas Reyes joined the port');
    expect(only(timeline('harbor-bridge'), 'March 2023').event).toBe('Mayor Daniela Ruiz proposed the plan');
  });

  it('reads fixed holidays as days and keeps "last season" as an undated label', () => {
    const t = extractTimeline(
      articleOf(
        ['Stadium plans', 'The club won the cup last season.', 'Its new stand will open before Christmas.'],
        '2024-10-01',
      ),
    );
    expect(t.items.map((i) => [i.label, i.date, i.precision])).toEqual([
      ['Christmas', '2024-12-25', 'day'],
      ['last season', null, 'relative'],
    ]);
  });

  it('keeps a phrase nothing anchors, with no date and without inventing one', () => {
    const t = extractTimeline(
      articleOf([
        'Library hours',
        'The library board met on Tuesday and agreed to open on Sundays two weeks ago.',
      ]),
    );
    expect(t.anchor).toEqual({ date: null, inferred: false });
    expect(t.items.map((i) => [i.label, i.date, i.precision, i.inferred])).toEqual([
      ['Tuesday', null, 'relative', false],
      ['two weeks ago', null, 'relative', false],
    ]);
  });

  it('sorts undated items after dated ones, each group in text order', () => {
    const t = extractTimeline(
      articleOf([
        'Market report',
        'Prices rose for three weeks before the market closed on Friday.',
        'The market first opened in 1950.',
        'It was rebuilt in 1975 and has been busy for decades.',
      ]),
    );
    expect(t.items.map((i) => i.label)).toEqual(['1950', '1975', 'three weeks', 'Friday']);
  });

  it('does not read counts, prices or percentages as years', () => {
    const text =
      'About 2,000 people paid $2019 each, 1999 of them in cash, more than 1800 workers left and 2015-16% said so.';
    expect(findDatePhrases(text).map((p) => p.label)).toEqual([]);
  });

  it('reads a bare year after "in", "since" or "the", and at the start of a sentence', () => {
    const text =
      '2016 was calm. In 2017 arms exports rose, the 2018 Olympics came and sales have grown since 2019.';
    expect(findDatePhrases(text).map((p) => p.label)).toEqual(['2016', '2017', '2018', '2019']);
  });
});

describe('extractTimeline citations', () => {
  it('quotes each cited sentence verbatim from the cited paragraph, and every item fits the schema', () => {
    expect(timelines.size).toBeGreaterThanOrEqual(4);
    for (const t of timelines.values()) {
      const paragraphs = new Map(t.analyzed.article.paragraphs.map((p) => [p.n, p.text]));
      for (const item of t.items) {
        expect(() => whenItemSchema.parse(item)).not.toThrow();
        expect(item.citations.length).toBeGreaterThan(0);
        for (const c of item.citations) {
          expect(c.article).toBe(t.analyzed.article.id);
          expect(paragraphs.get(c.paragraph) ?? '', `${c.article} ${c.paragraph}`).toContain(c.quote);
          expect(c.quote).toContain(item.label);
        }
      }
    }
  });
});

describe('extractTimeline on phrasing from company, science and election reports', () => {
  const timelineOf = (published: string, ...body: string[]) =>
    extractTimeline(articleOf(['Made-up headline', ...body], published));

  it('does not read "analysts had expected" as the future', () => {
    const t = timelineOf(
      '2024-08-02',
      'Revenue grew to $9.8 billion in the three months to June 30, above the $9.6 billion analysts had expected.',
    );
    expect(t.items.find((i) => i.label === 'June 30')?.date).toBe('2024-06-30');
  });

  it('reads "fiscal 2024" as a year', () => {
    const t = timelineOf('2024-08-02', 'The firm expects revenue of $40 billion for fiscal 2024.');
    expect(t.items.map((i) => [i.label, i.date])).toContainEqual(['2024', '2024']);
  });

  it('describes a date inside "according to ..." by its source, and a date after ", and that" by its own clause', () => {
    const t = timelineOf(
      '2024-03-07',
      'Walkers were less likely to fall ill, according to a study published on Wednesday in the Journal of Ageing Research.',
      'Dementia affects 55 million people, according to the World Health Organization, and that number is expected to nearly triple by 2050.',
    );
    const wednesday = t.items.find((i) => i.label === 'Wednesday');
    expect(wednesday).toMatchObject({ date: '2024-03-06' });
    expect(wednesday?.event).toBe('A study published in the Journal of Ageing Research');
    expect(t.items.find((i) => i.label === '2050')?.event).toBe('That number is expected to nearly triple');
  });

  it('keeps a date that qualifies a noun in the event ("next year\'s elections")', () => {
    const t = timelineOf(
      '2024-03-22',
      "The party maintains that it can win three more seats in next year's elections.",
    );
    const next = t.items.find((i) => i.label === 'next year');
    expect(next).toMatchObject({ date: '2025' });
    expect(next?.event).not.toContain(" 's");
    expect(next?.event).toContain("next year's elections");
  });

  it('puts "the" in place of a possessive date written with a typographic apostrophe', () => {
    const t = timelineOf('2024-03-22', 'The party leader criticised Friday\u2019s vote on the budget.');
    expect(t.items.find((i) => i.label === 'Friday\u2019s')?.event).toBe(
      'The party leader criticised the vote on the budget',
    );
  });
});

describe('extractTimeline when the page gives no publication date', () => {
  const timelineOf = (published: string, ...body: string[]) =>
    extractTimeline(articleOf(['Made-up headline', ...body], published));
  const withMeta = (meta: Article['meta'], ...body: string[]): Timeline => {
    const analyzed = articleOf(['Made-up headline', ...body]);
    analyzed.article.meta = meta;
    return { ...extractTimeline(analyzed), analyzed };
  };

  it('takes the day a news site files the story under in its address as the anchor', () => {
    const t = withMeta(
      { url: 'https://news.example.com/world/2019/06/12/gunmen-storm-market/' },
      'Gunmen stormed the market on Tuesday. In January, the same group attacked a bus.',
    );
    expect(t.anchor).toEqual({ date: '2019-06-12', inferred: true });
    expect(only(t, 'Tuesday')).toMatchObject({ date: '2019-06-11', inferred: true });
    expect(only(t, 'January')).toMatchObject({ date: '2019-01' });
  });

  it('puts a bare weekday within days of a story day the body gives, after it as well as before', () => {
    const t = withMeta(
      {},
      'The fire started on Friday, July 4, 2025, near a campground and was 20% contained on Sunday.',
      'The sheriff ordered the evacuation late Thursday. The governor visited on Saturday.',
      'Forecasters expect rain by Tuesday.',
    );
    expect(t.anchor).toEqual({ date: '2025-07-04', inferred: true });
    expect(only(t, 'Sunday').date).toBe('2025-07-06');
    expect(only(t, 'Saturday').date).toBe('2025-07-05');
    expect(only(t, 'late Thursday').date).toBe('2025-07-03');
    expect(only(t, 'Tuesday').date).toBe('2025-07-08');
  });

  it('reads a month after "the year to" and a month opening a sentence', () => {
    const t = {
      ...timelineOf(
        '2025-03-12',
        'Prices rose 5.8% in the year to February. In January, the rate was 6.3%.',
        'We are prepared to act again in May.',
      ),
      analyzed: articleOf([]),
    };
    expect(only(t, 'February').date).toBe('2025-02');
    expect(only(t, 'January').date).toBe('2025-01');
    expect(only(t, 'May').date).toBe('2025-05');
  });
});
