import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEngine } from '../src/build-engine.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import type { Engine } from '../src/engine.ts';
import { summarySchema } from '../src/schema.ts';

const root = join(import.meta.dirname, '..');
let seed: Engine;
let fixtures: Engine;

beforeAll(async () => {
  seed = buildEngine(await loadCorpus(join(root, 'corpus')));
  fixtures = buildEngine(await loadCorpus(join(root, 'tests', 'fixtures', 'articles')));
});

function paragraphsOf(engine: Engine, id: string): Map<number, { text: string; kind: string }> {
  const article = engine.articles.find((a) => a.id === id);
  return new Map(article?.paragraphs.map((p) => [p.n, p]));
}

describe('summarize', () => {
  it('gives the headline and 3-5 key points, each quoted verbatim from a body paragraph', () => {
    for (const [engine, id] of [
      [seed, seed.articles[0]?.id ?? ''],
      ...fixtures.articles.map((a) => [fixtures, a.id] as const),
    ] as const) {
      const summary = summarySchema.parse(engine.summary({ article: id }));
      const article = engine.articles.find((a) => a.id === id);
      expect(summary.title).toBe(article?.title);
      expect(summary.points.length).toBeGreaterThanOrEqual(3);
      expect(summary.points.length).toBeLessThanOrEqual(5);
      const paragraphs = paragraphsOf(engine, id);
      for (const point of summary.points) {
        const [citation] = point.citations;
        expect(citation?.article).toBe(id);
        const paragraph = paragraphs.get(citation?.paragraph ?? -1);
        expect(paragraph?.text).toContain(citation?.quote);
        expect(['body', 'standfirst']).toContain(paragraph?.kind);
        expect(point.text).toContain(citation?.quote);
      }
    }
  });

  it('keeps reading order and never repeats a point', () => {
    const points = seed.summary().points;
    const order = points.map((p) => p.citations[0]?.paragraph ?? 0);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(points.map((p) => p.text)).size).toBe(points.length);
  });

  it('leads with what the article reports, not with its rhetorical questions', () => {
    const points = seed.summary().points;
    expect(points.some((p) => p.text.trim().endsWith('?'))).toBe(false);
    // The standfirst states the news; a summary that misses it misses the story.
    const standfirst = seed.articles[0]?.paragraphs.find((p) => p.kind === 'standfirst');
    expect(points.map((p) => p.text)).toContain(standfirst?.text);
  });

  it('still gives cited points for an article made only of short lines', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'factdesk-summary-'));
    const lines = [
      'The pool opens today.',
      'Entry costs two pounds.',
      'Lessons start in June.',
      'Parking is free.',
    ];
    await writeFile(join(dir, 'notes.md'), `# Town pool reopens\n\n${lines.join('\n\n')}\n`);
    const engine = buildEngine(await loadCorpus(dir));
    await rm(dir, { recursive: true, force: true });
    const summary = summarySchema.parse(engine.summary());
    expect(summary.points.length).toBeGreaterThanOrEqual(3);
    for (const point of summary.points) expect(lines).toContain(point.citations[0]?.quote);
  });

  it('summarises a short article with at least three cited points', () => {
    const summary = fixtures.summary({ article: 'harbor-bridge' });
    expect(summary.points.length).toBeGreaterThanOrEqual(3);
    expect(summary.points[0]?.text).toMatch(/\$48 million/);
  });
});
