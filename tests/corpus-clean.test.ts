import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { splitTextBlocks } from '../src/corpus/blocks.ts';
import { cleanBlocks } from '../src/corpus/clean.ts';
import { parseArticle } from '../src/corpus/load.ts';
import type { Article } from '../src/corpus/types.ts';
import { collapseWhitespace } from '../src/nlp/normalize.ts';

const SEED = new URL('../corpus/000_7fd6d06c3ce83a04.txt', import.meta.url).pathname;
const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;

async function loadText(path: string, id = 'article'): Promise<Article> {
  const bytes = await readFile(path);
  return parseArticle({ id, file: `${id}.txt`, format: 'text', bytes });
}

function cleanText(text: string) {
  return cleanBlocks(splitTextBlocks(text));
}

const OFFER_RE =
  /subscri|newsletter|membership|free trial|sign in|per month|\/\s*month|billed|[$€£]\s?\d+\.\d\d/i;

describe('cleaning the seed article', () => {
  it('keeps the headline, the standfirst, the photo caption and the 13 body paragraphs, in that order', async () => {
    const article = await loadText(SEED);
    expect(article.paragraphs.map((p) => p.kind)).toEqual([
      'headline',
      'standfirst',
      'caption',
      ...Array<string>(13).fill('body'),
    ]);
    expect(article.paragraphs.map((p) => p.n)).toEqual(article.paragraphs.map((_, i) => i + 1));
    expect(article.title).toBe(article.paragraphs[0]?.text);
    const body = article.paragraphs.filter((p) => p.kind === 'body');
    expect(body[0]?.text).toMatch(/^Clashes between Armenian and Azerbaijani forces/);
    expect(body.at(-1)?.text).toMatch(/Israel[’']s silence\.$/);
    expect(article.paragraphs[2]?.text).toMatch(/^TOPSHOT .*\(Photo by .*\)$/);
  });

  it('keeps no subscription, newsletter or price text', async () => {
    const article = await loadText(SEED);
    for (const p of article.paragraphs) expect(p.text).not.toMatch(OFFER_RE);
    expect(article.paragraphs.some((p) => /Join hundreds of/.test(p.text))).toBe(false);
  });

  it('lists every dropped block with a reason, so that each line of the file is either kept or dropped', async () => {
    const article = await loadText(SEED);
    const raw = await readFile(SEED, 'utf8');
    const lines = raw
      .split('\n')
      .map((l) => collapseWhitespace(l).replace(/^• /, ''))
      .filter(Boolean);
    const seen = [...article.paragraphs.map((p) => p.text), ...article.dropped.map((d) => d.text)];
    expect(seen.sort()).toEqual(lines.sort());
    for (const d of article.dropped) expect(d.reason.length).toBeGreaterThan(3);
    const reasons = new Set(article.dropped.map((d) => d.reason));
    for (const reason of [
      'site navigation',
      'subscription offer',
      'price',
      'list of short links',
      'unrelated photo caption',
      'related-story headline',
    ]) {
      expect(reasons).toContain(reason);
    }
    expect(article.dropped[0]).toEqual({ text: 'Skip to main content', reason: 'site navigation' });
  });

  it("turns no-break spaces into plain spaces but keeps the article's curly quotes", async () => {
    const article = await loadText(SEED);
    const text = article.paragraphs.map((p) => p.text).join('\n');
    expect(text).not.toMatch(/[\u00a0]|\s{2,}/);
    expect(text).toContain('\u2019');
    expect(text).toContain('\u201c');
  });
});

describe('cleaning made-up pages', () => {
  it('keeps the whole body of a page with a cookie banner, a newsletter box mid-article, related links and a footer', async () => {
    const article = await loadText(`${FIXTURES}corpus/lake-cleanup.txt`, 'lake-cleanup');
    expect(article.paragraphs.map((p) => p.kind)).toEqual([
      'headline',
      'standfirst',
      'caption',
      ...Array<string>(6).fill('body'),
    ]);
    expect(article.title).toBe('Volunteers pull three tonnes of rubbish from Lake Verrin');
    const body = article.paragraphs.filter((p) => p.kind === 'body').map((p) => p.text);
    expect(body[0]).toMatch(/^More than 400 volunteers/);
    expect(body).toContain('"It is heartbreaking," said Ines Call, who has volunteered every year.');
    expect(body.at(-1)).toMatch(/^The board has promised/);
    expect(article.meta).toEqual({ byline: 'Maya Ortolan', published: '2024-03-14' });
    const reasonOf = (text: string) => article.dropped.find((d) => d.text === text)?.reason;
    expect(reasonOf('Accept all cookies')).toBe('cookie notice');
    expect(reasonOf('Sign up for our weekly Environment newsletter')).toBe('newsletter sign-up');
    expect(reasonOf('River otters return to the Calder after forty years')).toBe('related-story headline');
    expect(reasonOf('A kayaker rests near a reservoir outlet. (Photo by Staff / Reuters)')).toBe(
      'unrelated photo caption',
    );
    expect(reasonOf('Storm warning for the coast')).toBe('list of short links');
    expect(reasonOf('© 2024 The Verrin Courier. All rights reserved.')).toBe('site footer');
    for (const p of article.paragraphs) expect(p.text).not.toMatch(OFFER_RE);
  });

  it('finds the headline and standfirst of a short page with sign-in links around it', async () => {
    const article = await loadText(`${FIXTURES}articles/harbor-bridge.txt`, 'harbor-bridge');
    expect(article.paragraphs.map((p) => p.kind)).toEqual([
      'headline',
      'standfirst',
      ...Array(5).fill('body'),
    ]);
    expect(article.dropped.map((d) => d.reason)).toEqual([
      'sign-in prompt',
      'subscription offer',
      'newsletter sign-up',
      'subscription offer',
      'sign-in prompt',
    ]);
  });

  it('keeps a news paragraph that mentions subscribers and a monthly price', () => {
    const result = cleanText(
      [
        'Streaming service raises prices',
        'The company said on Tuesday that its premium plan would rise to $22.99 a month, and that it had gained four million subscribers in the spring.',
        'Analysts said the increase was expected after two years of flat prices across the industry.',
        'Subscribe to our newsletter',
      ].join('\n'),
    );
    expect(result.paragraphs.map((p) => p.kind)).toEqual(['headline', 'body', 'body']);
    expect(result.dropped).toEqual([{ text: 'Subscribe to our newsletter', reason: 'subscription offer' }]);
  });

  it('stops the body at a comment section even when the comments are long prose', () => {
    const result = cleanText(
      [
        'Museum reopens after two-year restoration',
        'The city museum reopened on Saturday after a two-year restoration that cost more than the original estimate, officials said.',
        'Visitors queued for an hour to see the restored ceiling, which had been hidden behind scaffolding since the work began.',
        '12 Comments',
        'I visited yesterday and honestly the ceiling is beautiful but the queue was far too long and nobody was managing it at all.',
      ].join('\n'),
    );
    expect(result.paragraphs.filter((p) => p.kind === 'body')).toHaveLength(2);
    expect(result.dropped.map((d) => d.reason)).toEqual(['comments section', 'comments section']);
  });

  it('does not take a site name above the article for its headline', () => {
    const result = cleanText(
      [
        'The Northern Ledger',
        'Home',
        'Weather',
        'Farmers count the cost of the late frost',
        'Apple growers across the valley lost up to half of their blossom to frost last week, the growers association said.',
        'The association asked the regional government for emergency support for the smallest farms.',
      ].join('\n'),
    );
    expect(result.headline).toBe('Farmers count the cost of the late frost');
    expect(result.dropped.map((d) => d.text)).toEqual(['The Northern Ledger', 'Home', 'Weather']);
  });

  it('reads a hard-wrapped text file as paragraphs separated by blank lines', () => {
    const wrapped = [
      'Port workers end strike',
      '',
      'Dock workers returned to work on Friday after a three-day strike over',
      'night-shift pay, the union said, ending the longest stoppage at the port',
      'since 2009.',
      '',
      'The port authority said ships delayed by the strike would be unloaded by',
      'the middle of next week, and that no cargo had been lost or damaged.',
    ].join('\n');
    const result = cleanText(wrapped);
    expect(result.paragraphs.map((p) => p.text)).toEqual([
      'Port workers end strike',
      'Dock workers returned to work on Friday after a three-day strike over night-shift pay, the union said, ending the longest stoppage at the port since 2009.',
      'The port authority said ships delayed by the strike would be unloaded by the middle of next week, and that no cargo had been lost or damaged.',
    ]);
  });

  it('drops a date stamp, byline and author e-mail that sit under the first paragraph, keeping them as metadata', () => {
    const result = cleanText(
      [
        'Mayor unveils plan to plant ten thousand trees',
        'Mayor Tessa Grant on Thursday unveiled a plan to plant ten thousand trees across the city over five years.',
        'Posted Thursday, May 2, 2024 9:10 am',
        'By Lee Park',
        'lpark@example.com',
        'The plan targets the neighbourhoods with the least shade, the mayor said.',
      ].join('\n'),
    );
    expect(result.paragraphs.map((p) => p.kind)).toEqual(['headline', 'body', 'body']);
    expect(result.dropped.map((d) => d.reason)).toEqual(['date line', 'byline', 'author contact']);
    expect(result.byline).toBe('Lee Park');
    expect(result.published).toBe('2024-05-02');
  });

  it('keeps a body sentence that starts like a byline', () => {
    const result = cleanText(
      [
        'Shops close early across the region',
        'Most shops in the region closed early on Saturday as the storm moved inland, the chamber of commerce said.',
        'By Christmas, most shops had closed.',
        'The chamber said it expected trade to recover in the new year once repairs were finished.',
      ].join('\n'),
    );
    expect(result.paragraphs.map((p) => p.text)).toContain('By Christmas, most shops had closed.');
    expect(result.byline).toBeNull();
  });

  it('keeps one paragraph per line when short lines of similar length each end a sentence', () => {
    const lines = [
      'Storm closes mountain pass',
      '',
      'The mountain pass was closed on Sunday after heavy snow fell overnight, police said.',
      'Drivers were told to use the coast road, which adds about an hour to the trip.',
      'Snow ploughs will work through the night and the pass may reopen on Tuesday.',
      'Two cars were stuck near the summit but nobody was hurt, the police said later.',
    ];
    const result = cleanText(lines.join('\n'));
    expect(result.paragraphs.map((p) => p.text)).toEqual(lines.filter(Boolean));
  });

  it('keeps a list inside the body and strips its bullets', () => {
    const result = cleanText(
      [
        'School budget approved',
        'The school board approved next year’s budget on Wednesday after a short debate, members said.',
        'The budget includes:',
        '• two new science teachers',
        '• a repaired gym roof',
        'The board will publish the full budget on its website next week, the chair said.',
      ].join('\n'),
    );
    expect(result.paragraphs.map((p) => p.text)).toContain('two new science teachers');
    expect(result.paragraphs.at(-1)?.text).toMatch(/^The board will publish/);
  });
});

describe('cleaning Markdown', () => {
  it('strips Markdown syntax but keeps the words, and reads the emphasised standfirst and image caption', async () => {
    const bytes = await readFile(`${FIXTURES}corpus/library-hours.md`);
    const article = await parseArticle({
      id: 'library-hours',
      file: 'library-hours.md',
      format: 'markdown',
      bytes,
    });
    expect(article.meta).toEqual({
      title: 'Library extends opening hours after petition',
      source: 'Eastfield Weekly',
      published: '2024-02-20',
      byline: 'Priya Holm',
    });
    expect(article.paragraphs.map((p) => p.kind)).toEqual([
      'headline',
      'standfirst',
      'caption',
      ...Array(7).fill('body'),
    ]);
    const texts = article.paragraphs.map((p) => p.text);
    for (const text of texts) expect(text).not.toMatch(/[*`#]|\]\(|^_|_$|^- /);
    expect(texts).toContain(
      "Eastfield's central library will open from 10am to 4pm on Sundays starting in March, the council's culture committee decided on Monday.",
    );
    expect(texts).toContain('Readers in the main hall of the central library');
    expect(texts).toContain('Cost');
    expect(texts.at(-1)).toMatch(/^Councillor Ruth Mbeki/);
  });
});
