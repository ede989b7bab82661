import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load.ts';
import type { Article } from '../src/corpus/types.ts';
import { extractFigures } from '../src/facts/figures.ts';
import { analyzeArticle } from '../src/facts/index.ts';
import { findQuantities, parseQuantity } from '../src/facts/numbers.ts';
import type { AnalyzedArticle } from '../src/facts/types.ts';
import { extractTimeline } from '../src/facts/when.ts';
import { type FigureItem, figureItemSchema } from '../src/schema.ts';

const SEED_DIR = new URL('../corpus/', import.meta.url).pathname;
const FIXTURES_DIR = new URL('./fixtures/articles/', import.meta.url).pathname;

type Figures = { items: FigureItem[]; analyzed: AnalyzedArticle; dateLabels: string[] };
const figures = new Map<string, Figures>();

function figuresOf(analyzed: AnalyzedArticle): Figures {
  const { items: when } = extractTimeline(analyzed);
  return { items: extractFigures(analyzed, { when }), analyzed, dateLabels: when.map((w) => w.label) };
}

beforeAll(async () => {
  const corpora = await Promise.all([loadCorpus(SEED_DIR), loadCorpus(FIXTURES_DIR)]);
  for (const article of corpora.flatMap((c) => c.articles))
    figures.set(article.id, figuresOf(analyzeArticle(article)));
});

function article(id: string): Figures {
  const f = figures.get(id);
  if (!f) throw new Error(`no article ${id} in the test corpora`);
  return f;
}

/** The one figure displayed exactly so. */
function shown(id: string, display: string): FigureItem {
  const found = article(id).items.filter((f) => f.display === display);
  expect(found, `figures shown as ${display} in ${id}`).toHaveLength(1);
  return found[0] as FigureItem;
}

const SEED = '000_7fd6d06c3ce83a04';

/** A one-off made-up article from paragraph strings. */
function articleOf(paragraphs: string[]): AnalyzedArticle {
  const a: Article = {
    id: 'made-up',
    file: 'made-up.txt',
    title: paragraphs[0] ?? '',
    meta: {},
    paragraphs: paragraphs.map((text, i) => ({ n: i + 1, text, kind: i === 0 ? 'headline' : 'body' })),
    dropped: [],
    hash: '',
  };
  return analyzeArticle(a);
}

describe('extractFigures on the seed article', () => {
  it('reads money with its currency, what it measures and the year of its own clause', () => {
    expect(shown(SEED, '$250 million')).toMatchObject({
      value: 250_000_000,
      unit: 'USD',
      measures: 'arms exports from Israel to Azerbaijan',
      period: '2016',
    });
    expect(shown(SEED, '$136 million')).toMatchObject({ value: 136_000_000, unit: 'USD', period: '2017' });
  });

  it('reads percentages with what they are a share of and the range of their sentence', () => {
    expect(shown(SEED, '60%')).toMatchObject({
      value: 60,
      unit: '%',
      measures: 'Azerbaijan’s arms imports came from Israel',
      period: '2015/2019',
    });
    expect(shown(SEED, '31%')).toMatchObject({
      value: 31,
      measures: 'Azerbaijan’s arms imports from Russia',
      period: '2015/2019',
    });
    expect(shown(SEED, 'as much as 40%')).toMatchObject({
      value: 40,
      measures: 'its local petrol consumption',
    });
  });

  it('reads counts with the counted noun, and "hundreds" with no single value', () => {
    expect(shown(SEED, 'two')).toMatchObject({ value: 2, unit: 'cargo flights', period: '2020-09-30' });
    expect(shown(SEED, 'two').measures).toMatch(/^mysterious cargo flights from Israel had landed in Baku/);
    const hundreds = shown(SEED, 'hundreds');
    expect(hundreds.value).toBeNull();
    expect(hundreds.unit).toMatch(/fighters$/);
  });

  it('never turns a date or a year into a figure', () => {
    const { items } = article(SEED);
    expect(items.map((f) => f.display)).toEqual([
      'two',
      '$250 million',
      '$136 million',
      '60%',
      '31%',
      'as much as 40%',
      'hundreds',
    ]);
  });
});

describe('extractFigures on made-up articles', () => {
  it('reads a vote as a figure with no single value, and a count with its qualifier', () => {
    expect(shown('harbor-bridge', '7-2')).toMatchObject({
      value: null,
      unit: 'votes',
      measures: 'The Millbrook City Council voted',
    });
    expect(shown('harbor-bridge', 'about 31,000')).toMatchObject({ value: 31_000, unit: 'vehicles' });
    expect(shown('harbor-bridge', '40%')).toMatchObject({
      measures: 'the steel supports',
      period: null,
    });
    expect(shown('harbor-bridge', '60%')).toMatchObject({ measures: 'the cost', period: null });
  });

  it('says what "them" stands for in a share of the previous count', () => {
    expect(shown('harbor-bridge', '12%').measures).toBe('vehicles that are trucks');
  });

  it('gives a number that repeats an earlier count the same unit, and each its own period', () => {
    expect(shown('clinic-vaccines', '18,500')).toMatchObject({
      value: 18_500,
      unit: 'flu shots',
      period: '2024-09/2024-10',
    });
    expect(shown('clinic-vaccines', '14,200')).toMatchObject({
      value: 14_200,
      unit: 'flu shots',
      period: '2023',
    });
    expect(shown('clinic-vaccines', 'three out of four')).toMatchObject({ value: 0.75, unit: 'ratio' });
    expect(shown('clinic-vaccines', '$2.5 million')).toMatchObject({
      value: 2_500_000,
      unit: 'USD',
      period: '2025',
    });
  });

  it('reads euros, pounds, yen and dollars, scale words and abbreviations', () => {
    const id = 'grain-terminal';
    expect(shown(id, '€450 million')).toMatchObject({ value: 450_000_000, unit: 'EUR' });
    expect(shown(id, 'about £3.5 million')).toMatchObject({
      value: 3_500_000,
      unit: 'GBP',
      period: '2018/2021',
    });
    expect(shown(id, '12 billion yen')).toMatchObject({ value: 12_000_000_000, unit: 'JPY' });
    expect(shown(id, '$1.2bn')).toMatchObject({ value: 1_200_000_000, unit: 'USD' });
    expect(shown(id, '18 per cent')).toMatchObject({ value: 18, unit: '%', period: '2022' });
    expect(shown(id, 'one in five')).toMatchObject({ value: 0.2, unit: 'ratio', period: '2018/2021' });
    expect(shown(id, '2.4 million')).toMatchObject({ value: 2_400_000, unit: 'tonnes' });
  });

  it('gives a converted amount in brackets the same meaning as the amount it converts', () => {
    const yen = shown('grain-terminal', '12 billion yen');
    expect(shown('grain-terminal', '$85 million')).toMatchObject({
      value: 85_000_000,
      measures: yen.measures,
    });
  });

  it('reads "Name, 41," as an age', () => {
    expect(shown('grain-terminal', '41')).toMatchObject({
      value: 41,
      unit: 'years',
      measures: 'age of Ines Varga',
    });
  });

  it('leaves out durations, ordinals, labels like "Section 8" and the lone word "one"', () => {
    const { items } = figuresOf(
      articleOf([
        'Filing',
        'The firm sought Section 8 protection after 12 days of talks, its third filing, and one analyst said 25 staff quit.',
      ]),
    );
    expect(items.map((f) => [f.display, f.unit])).toEqual([['25', 'staff']]);
  });
});

describe('numbers', () => {
  it('parses spelled-out numbers and digits with separators', () => {
    expect(parseQuantity('twenty-five')).toBe(25);
    expect(parseQuantity('one hundred and five')).toBe(105);
    expect(parseQuantity('one point three')).toBe(1.3);
    expect(parseQuantity('18,500')).toBe(18_500);
    expect(parseQuantity('several')).toBeNull();
  });

  it('finds roubles, pounds with "m", ranges of percentages and spelled-out percentages', () => {
    const text = 'It paid 480.5bn roubles (£5.1bn), won 20-25% here and seven per cent there, fined £9m.';
    expect(findQuantities(text, []).map((q) => [text.slice(q.start, q.end), q.value, q.unit])).toEqual([
      ['480.5bn roubles', 480_500_000_000, 'RUB'],
      ['£5.1bn', 5_100_000_000, 'GBP'],
      ['20-25%', null, '%'],
      ['seven per cent', 7, '%'],
      ['£9m', 9_000_000, 'GBP'],
    ]);
  });
});

describe('extractFigures citations', () => {
  it('quotes each cited sentence verbatim from the cited paragraph, and every item fits the schema', () => {
    expect(figures.size).toBeGreaterThanOrEqual(4);
    for (const f of figures.values()) {
      const paragraphs = new Map(f.analyzed.article.paragraphs.map((p) => [p.n, p.text]));
      for (const item of f.items) {
        expect(() => figureItemSchema.parse(item)).not.toThrow();
        for (const c of item.citations) {
          expect(paragraphs.get(c.paragraph) ?? '', `${c.article} ${c.paragraph}`).toContain(c.quote);
          expect(c.quote).toContain(item.display);
        }
      }
    }
  });
});

/** The figures of a made-up body text, one sentence or several. */
function figuresOfText(...paragraphs: string[]): FigureItem[] {
  return figuresOf(articleOf(['Made-up headline', ...paragraphs])).items;
}

function displayed(items: FigureItem[], display: string): FigureItem {
  const found = items.filter((f) => f.display === display);
  expect(found, `figures shown as ${display} among ${items.map((f) => f.display).join(', ')}`).toHaveLength(
    1,
  );
  return found[0] as FigureItem;
}

describe('extractFigures on genres the fixtures did not cover', () => {
  it('reads ISO currency codes before an amount and a country-named currency after it', () => {
    const items = figuresOfText(
      'Net profit rose 18% to 1.42 billion Norwegian kroner, and revenue grew 6.5% to NOK 9.8 billion.',
      'The firm expects full-year revenue of between NOK 38 billion and NOK 40 billion.',
    );
    expect(displayed(items, '1.42 billion Norwegian kroner')).toMatchObject({
      value: 1_420_000_000,
      unit: 'NOK',
      measures: 'Net profit',
    });
    expect(displayed(items, 'NOK 9.8 billion')).toMatchObject({ value: 9_800_000_000, measures: 'revenue' });
    expect(displayed(items, 'NOK 38 billion').measures).toMatch(/full-year revenue$/);
    expect(displayed(items, 'NOK 40 billion').measures).toMatch(/full-year revenue$/);
  });

  it('says what a comparison measures ("28% less likely to ...", "a 34% lower risk")', () => {
    const items = figuresOfText(
      'Walkers were 28% less likely to develop dementia over a decade.',
      'They saw the largest benefit, a 34% lower risk.',
    );
    expect(displayed(items, '28%').measures).toBe('less likely to develop dementia');
    expect(displayed(items, '34%').measures).toBe('lower risk');
  });

  it('gives a count after "with" to whoever had it, and a bracketed percentage its share', () => {
    const items = figuresOfText(
      'Liberal candidate Derek Fenn came second with 3,105 votes (29.7%).',
      "The result leaves the Liberals with 28 of the council's 51 seats.",
    );
    expect(displayed(items, '3,105').measures).toBe('votes of Liberal candidate Derek Fenn');
    expect(displayed(items, '29.7%').measures).toBe('share: votes of Liberal candidate Derek Fenn');
    expect(displayed(items, '28')).toMatchObject({ unit: 'seats' });
    expect(displayed(items, '28').measures).toContain('the Liberals');
  });

  it('counts the noun before "of" when none follows, and a rate\'s noun rather than its time unit', () => {
    const items = figuresOfText(
      'A crowd of 11,240 watched the match.',
      'Walkers who covered more than 5 kilometres a day did best.',
    );
    expect(displayed(items, '11,240')).toMatchObject({ unit: 'crowd', measures: 'crowd watched the match' });
    expect(displayed(items, 'more than 5')).toMatchObject({ value: 5, unit: 'kilometres' });
  });

  it('ends what a figure measures on a whole phrase, and keeps a date that qualifies a noun', () => {
    const items = figuresOfText(
      'He said hundreds of fighters had passed through the border town of Kessel en route for the coast.',
      "The party maintains that it can win three more seats in next year's elections.",
    );
    expect(displayed(items, 'hundreds').measures).toBe(
      'fighters had passed through the border town of Kessel',
    );
    expect(displayed(items, 'three').measures).toBe("more seats in next year's elections");
  });

  it('reads the age in "Kovac, a 34-year-old teacher" as the age of the name before it', () => {
    const items = figuresOfText('Kovac, a 34-year-old primary school teacher, thanked voters.');
    expect(displayed(items, '34-year-old')).toMatchObject({ value: 34, measures: 'age of Kovac' });
  });
});

describe('extractFigures: what an amount measures when a clause follows it', () => {
  it('reads a clause after an amount ("the $4m Acme says it lost") and an object changed "by" a share', () => {
    const items = figuresOfText(
      'The offer falls short of the $4m Acme says it lost in the fire.',
      'Daily exercise reduced the risk of a second fall by 40%.',
      'Trust in the council has fallen by 6%.',
    );
    expect(displayed(items, '$4m').measures).toBe('Acme says it lost in the fire');
    expect(displayed(items, '40%').measures).toBe('reduced the risk of a second fall');
    expect(displayed(items, '6%').measures).toBe('Trust in the council has fallen');
  });

  it('reads "70 year-old" and "age 3" as ages, and never takes the verb after them for a person', () => {
    const items = figuresOfText('Fans hope the 70 year-old retires next month.', 'Pupils stay until age 3.');
    expect(displayed(items, '70 year-old')).toMatchObject({ value: 70, unit: 'years', measures: 'age' });
    expect(displayed(items, '3')).toMatchObject({ value: 3, unit: 'years' });
  });

  it('drops a possessive left without its noun at the end of what a figure measures', () => {
    const items = figuresOfText('Two guests stayed overnight at the mayor\'s "Green Gate" lodge.');
    expect(displayed(items, 'Two').measures).toBe('guests stayed overnight');
  });
});

describe('extractFigures: counts that are objects, shared verbs, points and states', () => {
  it('says what was done to a count that is a verb\'s object ("burned 9,800 acres", "killing 12 people")', () => {
    const items = figuresOfText(
      'The blaze had burned 9,800 acres by Monday, destroying at least 41 barns.',
      'Gunmen opened fire at a station, killing 12 people in the ticket hall.',
      'The club won three cups in 1999.',
    );
    expect(displayed(items, '9,800').measures).toBe('acres burned');
    expect(displayed(items, 'at least 41').measures).toBe('barns destroyed');
    expect(displayed(items, '12').measures).toBe('people killed in the ticket hall');
    expect(displayed(items, 'three').measures).toBe('cups won');
  });

  it('does not make "had", "is" or "including" into something done to a count', () => {
    const items = figuresOfText('The school had 300 pupils, including 40 boarders.');
    expect(displayed(items, '300').measures).toBe('pupils');
    expect(displayed(items, '40').measures).toBe('boarders');
  });

  it('gives counts joined by "and" the verb they share', () => {
    const items = figuresOfText('More than 500 firefighters and 14 helicopters were sent to the blaze.');
    expect(displayed(items, 'More than 500').measures).toBe('firefighters were sent to the blaze');
    expect(displayed(items, '14').measures).toBe('helicopters were sent to the blaze');
  });

  it('reads basis points as the change they make, not as a count of points', () => {
    const items = figuresOfText(
      'The central bank raised its main rate by 50 basis points to 3.75%.',
      'The yield on ten-year bonds rose 8 basis points.',
    );
    expect(displayed(items, '50').measures).toContain('raised its main rate');
    expect(displayed(items, '8').measures).toContain('yield on ten-year bonds rose');
  });

  it('reads "was 40% contained" as the share of a state, never as a phrase cut at "and"', () => {
    const items = figuresOfText('The fire began near a quarry on Route 4 and was 40% contained on Friday.');
    const share = displayed(items, '40%');
    expect(share.measures).toMatch(/contained$/);
    expect(share.measures).not.toMatch(/\band$/);
  });

  it('reads "She was 91." closing a sentence as an age', () => {
    const items = figuresOfText('Ada Lund died at home on Monday. She was 91.');
    expect(displayed(items, '91')).toMatchObject({ unit: 'years', value: 91 });
  });
});

describe('extractFigures: ages said of someone named before, and words that count nothing', () => {
  it('gives "She was 91." and "the 80-year-old" to the person named last before them', () => {
    const items = figuresOfText(
      'Ada Lund, who ran the village shop for forty years, died at home on Monday. She was 91.',
      'Chairman Piet Grau says the 80-year-old still chairs every meeting.',
    );
    expect(displayed(items, '91').measures).toBe('age of Ada Lund');
    expect(displayed(items, '80-year-old').measures).toBe('age of Piet Grau');
  });

  it('gives an age after "until" or "from" to nobody', () => {
    const items = figuresOfText('Nurse Ana Ruiz said children should eat peanuts from age 4.');
    expect(displayed(items, '4').measures).toBe('age');
  });

  it('reads neither "a one-room school" nor "two afternoons a week" as a figure', () => {
    const items = figuresOfText('The one-room school opened two afternoons a week and had 40 pupils.');
    expect(items.map((f) => f.display)).toEqual(['40']);
  });
});

describe('extractFigures: an age bracket', () => {
  it('does not count "ages" in "between the ages of 30 and 59"', () => {
    const items = figuresOfText(
      'The study counted working adults between the ages of 30 and 59 in 12 countries.',
    );
    expect(items.map((f) => `${f.display} ${f.unit}`)).toEqual(['12 countries']);
  });
});
