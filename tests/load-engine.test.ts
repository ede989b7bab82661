import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadEngine } from '../src/load-engine.ts';

const fixtures = join(import.meta.dirname, 'fixtures', 'articles');

describe('loadEngine with a cache folder', () => {
  let dir: string;
  let corpus: string;
  let cache: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'factdesk-cache-'));
    corpus = join(dir, 'corpus');
    cache = join(dir, 'cache');
    await cp(join(fixtures, 'harbor-bridge.txt'), join(corpus, 'harbor-bridge.txt'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('answers the same from the cache as from a fresh build', async () => {
    const fresh = await loadEngine(corpus, { cacheDir: cache });
    expect(await readdir(cache)).toHaveLength(1);
    const cached = await loadEngine(corpus, { cacheDir: cache });
    expect(cached.who()).toEqual(fresh.who());
    expect(cached.when()).toEqual(fresh.when());
    expect(cached.figures()).toEqual(fresh.figures());
    expect(cached.claims()).toEqual(fresh.claims());
    // The summary reads the sentences, which the cache rebuilds from the index rather than splitting again.
    expect(cached.summary()).toEqual(fresh.summary());
    const question = 'How much will the repair of the bridge cost?';
    expect(cached.ask(question)).toEqual(fresh.ask(question));
  });

  it('rebuilds when an article changes, recognising it by content', async () => {
    await loadEngine(corpus, { cacheDir: cache });
    const file = join(corpus, 'harbor-bridge.txt');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('The bridge opened in 1961.', 'The bridge opened in 1958.'));
    const changed = await loadEngine(corpus, { cacheDir: cache });
    expect(changed.articles[0]?.paragraphs.some((p) => p.text.includes('opened in 1958'))).toBe(true);
    expect(changed.when().items.map((i) => i.date)).toContain('1958');
    expect(await readdir(cache)).toHaveLength(2);
  });

  it('serves the cleaned articles from the cache and still names the files it skips', async () => {
    await writeFile(join(corpus, 'blank.txt'), '   \n');
    await writeFile(join(corpus, 'notes.pdf'), 'not an article');
    const fresh = await loadEngine(corpus, { cacheDir: cache });
    const cached = await loadEngine(corpus, { cacheDir: cache });
    expect(await readdir(cache)).toHaveLength(1);
    expect(cached.describe()).toEqual(fresh.describe());
    expect(cached.problems).toEqual(fresh.problems);
    expect(cached.problems.map((p) => p.file)).toEqual(['blank.txt', 'notes.pdf']);
  });

  it('starts from the cache without loading the language libraries or the sentence splitter', async () => {
    await loadEngine(corpus, { cacheDir: cache });
    const script = `
      import { createRequire } from 'node:module';
      import { loadEngine } from ${JSON.stringify(join(import.meta.dirname, '..', 'src/load-engine.ts'))};
      const engine = await loadEngine(${JSON.stringify(corpus)}, { cacheDir: ${JSON.stringify(cache)} });
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((k) => /wink|chrono|sbd|linkedom|readability/.test(k));
      console.log(JSON.stringify({ articles: engine.articles.length, loaded }));
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: join(import.meta.dirname, '..'),
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ articles: 1, loaded: [] });
  });

  it('ignores a damaged cache file and rebuilds', async () => {
    const fresh = await loadEngine(corpus, { cacheDir: cache });
    const [name] = await readdir(cache);
    await writeFile(join(cache, name ?? ''), '{"articles": [], "index": 42');
    const rebuilt = await loadEngine(corpus, { cacheDir: cache });
    expect(rebuilt.who()).toEqual(fresh.who());
  });
});
