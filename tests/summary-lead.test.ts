import { describe, expect, it } from 'vitest';
import { summarySchema } from '../src/schema.ts';
import { articleFrom, engineOf, LIBRARY } from './answer-helpers.ts';

const older = articleFrom(
  'older',
  [
    'Harbour fees to rise in spring',
    'The port board voted on Monday to raise harbour fees by 4% from April, its chair said.',
    'Fishing crews said the rise would cost each boat about $900 a year.',
    '"We were not asked," said skipper Jon Brae, who has fished from the harbour for 20 years.',
  ],
  '2024-01-10',
);
const newer = articleFrom(
  'newer',
  [
    'School roof repaired before winter',
    'Workers finished repairing the roof of Kelby primary school on Friday, two weeks ahead of schedule.',
    'The repair cost $310,000 and was paid for by the county, the head teacher said.',
    'Pupils had been taught in the town hall since a storm damaged the roof in October.',
  ],
  '2024-03-02',
);

describe('engine.summary', () => {
  it('summarises the newest article when no article is named', () => {
    const engine = engineOf(older, newer, LIBRARY);
    const summary = summarySchema.parse(engine.summary());
    expect(summary.title).toBe('School roof repaired before winter');
    expect(summary.points.every((p) => p.citations.every((c) => c.article === 'newer'))).toBe(true);
  });

  it('summarises the named article, and nothing for an unknown one', () => {
    const engine = engineOf(older, newer);
    expect(engine.summary({ article: 'older' }).title).toBe('Harbour fees to rise in spring');
    expect(engine.summary({ article: 'missing' })).toEqual({ title: '', points: [] });
  });

  it('puts an undated article after dated ones', () => {
    const engine = engineOf(LIBRARY, older);
    expect(engine.summary().title).toBe('Harbour fees to rise in spring');
  });

  it('never uses half of a quotation split across sentences as a point', () => {
    const quoted = articleFrom('quoted', [
      'Bakery wins national prize',
      'A family bakery in Corran won the national bread prize on Saturday, the judges said.',
      '"We have baked here for forty years. Nobody expected this," owner Ruth Gale said after the ceremony.',
      'The prize comes with $5,000 and a year of free advertising in the trade press.',
      'The bakery employs eleven people and sells about 2,000 loaves a week.',
    ]);
    const points = engineOf(quoted).summary().points;
    expect(points.length).toBeGreaterThanOrEqual(3);
    for (const p of points) expect((p.text.match(/"/g) ?? []).length % 2).toBe(0);
  });
});
