import { describe, expect, it } from 'vitest';
import { buildEngine } from '../src/build-engine.ts';
import type { Article } from '../src/corpus/types.ts';
import { LIMITS } from '../src/discord/layout.ts';
import {
  buildDigest,
  digestPayloadSchema,
  hashCorpus,
  occurrenceMarker,
} from '../src/discord/schedule/digest.ts';
import { fakeEngine, makeArticle, sampleArticles } from './schedule-helpers.ts';

const at = new Date('2024-03-04T09:00:00Z');
const stamps = (articles: Article[]) => articles.map((a) => ({ id: a.id, hash: a.hash }));

function embedSize(p: {
  title: string;
  description: string;
  footer: string;
  fields: { name: string; value: string }[];
}) {
  return (
    p.title.length +
    p.description.length +
    p.footer.length +
    p.fields.reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

describe('the daily digest', () => {
  it('leads with the newest article’s headline, links it, and lists its key points with paragraph markers', () => {
    const articles = sampleArticles();
    const digest = buildDigest({
      engine: fakeEngine(articles),
      previous: null,
      at,
      timezone: 'Europe/London',
    });
    expect(digest?.payload.title).toBe('Town council backs new cycle lanes');
    expect(digest?.payload.url).toBe('https://example.org/easthaven/cycle-lanes');
    const bullets = digest?.payload.description.split('\n').filter((l) => l.startsWith('• ')) ?? [];
    expect(bullets).toHaveLength(4);
    expect(bullets[0]).toBe(
      '• The Easthaven town council voted 5-2 on Monday to build cycle lanes on three main roads. [¶2]',
    );
    expect(digest?.payload.description).toContain(
      '[Read the article](https://example.org/easthaven/cycle-lanes)',
    );
  });

  it('quotes the article verbatim in every key point', () => {
    const articles = sampleArticles();
    const digest = buildDigest({ engine: fakeEngine(articles), previous: null, at, timezone: 'UTC' });
    const lead = articles[0];
    for (const line of digest?.payload.description.split('\n').filter((l) => l.startsWith('• ')) ?? []) {
      const match = /^• (.*) \[¶(\d+)\]$/.exec(line);
      expect(match, line).not.toBeNull();
      const paragraph = lead?.paragraphs.find((p) => p.n === Number(match?.[2]));
      expect(paragraph?.text).toContain(match?.[1]);
    }
  });

  it('shows at most five key points', () => {
    const digest = buildDigest({
      engine: fakeEngine(sampleArticles(), 9),
      previous: null,
      at,
      timezone: 'UTC',
    });
    expect(digest?.payload.description.split('\n').filter((l) => l.startsWith('• '))).toHaveLength(5);
  });

  it('lists the other headlines, with links where the corpus knows them', () => {
    const digest = buildDigest({ engine: fakeEngine(sampleArticles()), previous: null, at, timezone: 'UTC' });
    expect(digest?.payload.fields).toEqual([
      { name: 'More articles', value: '• Riverside library reopens after flood repairs' },
    ]);
  });

  it('has no "new since" section on the first post, and none when nothing changed', () => {
    const articles = sampleArticles();
    const first = buildDigest({ engine: fakeEngine(articles), previous: null, at, timezone: 'UTC' });
    expect(first?.unchanged).toBe(false);
    expect(first?.changes).toEqual([]);
    const again = buildDigest({
      engine: fakeEngine(articles),
      previous: stamps(articles),
      at,
      timezone: 'UTC',
    });
    expect(again?.unchanged).toBe(true);
    expect(again?.payload.fields.map((f) => f.name)).toEqual(['More articles']);
  });

  it('reports added and changed articles by content, and leads with the newest of them', () => {
    const [council, library] = sampleArticles();
    if (!council || !library) throw new Error('fixture');
    const before = [council, library];
    const edited = makeArticle(
      library.id,
      library.title,
      [...library.paragraphs.slice(1).map((p) => p.text), 'A late correction.'],
      library.meta,
    );
    const added = makeArticle(
      'harbour-ferry',
      'Harbour ferry gets a second boat',
      ['The ferry company bought a second boat on Friday.'],
      {
        url: 'https://example.org/harbour-ferry',
        published: '2024-03-01',
      },
    );
    const digest = buildDigest({
      engine: fakeEngine([council, edited, added]),
      previous: stamps(before),
      at,
      timezone: 'UTC',
    });
    expect(digest?.changes.map((c) => [c.id, c.kind])).toEqual([
      ['library-reopens', 'updated'],
      ['harbour-ferry', 'new'],
    ]);
    expect(digest?.payload.title).toBe('Harbour ferry gets a second boat');
    expect(digest?.payload.fields[0]).toEqual({
      name: 'New since the last post',
      value:
        '• Updated: Riverside library reopens after flood repairs\n• New: [Harbour ferry gets a second boat](https://example.org/harbour-ferry)',
    });
  });

  it('does not count a renamed but identical article as new', () => {
    const [council] = sampleArticles();
    if (!council) throw new Error('fixture');
    const renamed = { ...council, id: 'council-vote-copy' };
    const digest = buildDigest({
      engine: fakeEngine([renamed]),
      previous: stamps([council]),
      at,
      timezone: 'UTC',
    });
    expect(digest?.unchanged).toBe(true);
  });

  it('carries the occurrence marker and the local date in the footer', () => {
    const digest = buildDigest({
      engine: fakeEngine(sampleArticles()),
      previous: null,
      at,
      timezone: 'America/New_York',
    });
    expect(digest?.payload.footer).toContain(occurrenceMarker(at));
    expect(digest?.payload.footer).toContain('04:00 America/New_York');
    expect(digest?.payload.timestamp).toBe('2024-03-04T09:00:00.000Z');
  });

  it('stays inside Discord’s embed limits for huge articles and corpora', () => {
    const long = 'word '.repeat(2000).trim();
    const many = Array.from({ length: 60 }, (_, i) =>
      makeArticle(
        `a${i}`,
        `${'Very long headline '.repeat(20)}${i}`,
        [`${long}.`, `${long}.`, `${long}.`, `${long}.`, `${long}.`],
        {
          url: `https://example.org/${i}`,
          published: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
        },
      ),
    );
    const digest = buildDigest({
      engine: fakeEngine(many, 5),
      previous: stamps(many.slice(0, 5)),
      at,
      timezone: 'UTC',
    });
    expect(digest).not.toBeNull();
    if (!digest) return;
    expect(digestPayloadSchema.safeParse(digest.payload).success).toBe(true);
    expect(embedSize(digest.payload)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(
      digest.payload.description.split('\n').filter((l) => l.startsWith('• ')).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('escapes Markdown and defuses mentions in quotes, so they read as written', () => {
    const article = makeArticle('stars', 'Stars', [
      'The rating rose to 4*5 in the *new* survey.',
      'A sign read @everyone welcome <@123456789012345678> today.',
    ]);
    const digest = buildDigest({ engine: fakeEngine([article]), previous: null, at, timezone: 'UTC' });
    const description = digest?.payload.description ?? '';
    expect(description).toContain('4\\*5 in the \\*new\\* survey.');
    expect(description).not.toMatch(/@everyone|<@\d/);
    expect(description.replace(/\u200b/g, '')).toContain('@everyone welcome <@123456789012345678> today.');
  });

  it('is null for an empty corpus, and hashes a corpus independently of article order', () => {
    expect(buildDigest({ engine: fakeEngine([]), previous: null, at, timezone: 'UTC' })).toBeNull();
    const s = stamps(sampleArticles());
    expect(hashCorpus(s)).toBe(hashCorpus([...s].reverse()));
    expect(hashCorpus(s)).not.toBe(hashCorpus(s.slice(1)));
  });

  it('builds a valid payload from the real engine, every marker naming a paragraph of the lead article', () => {
    const articles = sampleArticles();
    const engine = buildEngine({ articles, problems: [] });
    const digest = buildDigest({ engine, previous: null, at, timezone: 'UTC' });
    expect(digest && digestPayloadSchema.safeParse(digest.payload).success).toBe(true);
    const lead = articles.find((a) => a.title === digest?.payload.title);
    expect(lead).toBeDefined();
    for (const [, n] of digest?.payload.description.matchAll(/¶(\d+)/g) ?? []) {
      expect(lead?.paragraphs.some((p) => p.n === Number(n))).toBe(true);
    }
  });
});
