import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusError } from '../src/corpus/errors.ts';
import { loadCorpus } from '../src/corpus/load.ts';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
const SEED_DIR = new URL('../corpus/', import.meta.url).pathname;

const folders: string[] = [];

/** Writes files into a fresh temporary corpus folder. */
async function makeCorpus(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'factdesk-corpus-'));
  folders.push(dir);
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

async function fixture(path: string): Promise<string> {
  return readFile(join(FIXTURES, path), 'utf8');
}

afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const BODY = [
  'Town votes to keep its lighthouse',
  'The council voted on Monday to keep the old lighthouse open as a museum, ending a long dispute over its future.',
  'Repairs will cost about 90,000 pounds, the town clerk said, and volunteers will run tours in the summer.',
].join('\n');

describe('loadCorpus', () => {
  it('loads a .txt, a .md with front matter and an .html page from one folder, in file name order', async () => {
    const dir = await makeCorpus({
      'harbor-bridge.txt': await fixture('articles/harbor-bridge.txt'),
      'clinic-vaccines.md': await fixture('articles/clinic-vaccines.md'),
      'ferry-strike.html': await fixture('corpus/ferry-strike.html'),
    });
    const corpus = await loadCorpus(dir);
    expect(corpus.problems).toEqual([]);
    expect(corpus.articles.map((a) => a.id)).toEqual(['clinic-vaccines', 'ferry-strike', 'harbor-bridge']);
    const [clinic, ferry, harbor] = corpus.articles;
    expect(clinic?.file).toBe('clinic-vaccines.md');
    expect(clinic?.meta).toMatchObject({
      title: 'Rural clinics report record flu vaccinations',
      source: 'Valley Health Ledger',
      published: '2024-11-15',
      url: 'https://example.org/valley/rural-clinics-flu',
    });
    expect(ferry?.title).toBe('Ferry crews walk out over rota changes');
    expect(harbor?.title).toBe('Council approves $48 million repair of the Old Harbor Bridge');
    for (const article of corpus.articles) {
      expect(article.paragraphs.filter((p) => p.kind === 'body').length).toBeGreaterThanOrEqual(5);
    }
  });

  it("takes the sidecar's metadata over the page's and hashes the sidecar with the article", async () => {
    const sidecar = JSON.stringify({
      source: 'Harbor Weekly',
      published: '2024-01-16',
      title: 'Bridge repair approved',
    });
    const dir = await makeCorpus({ 'bridge.txt': BODY, 'bridge.meta.json': sidecar });
    const [article] = (await loadCorpus(dir)).articles;
    expect(article?.meta).toEqual({
      source: 'Harbor Weekly',
      published: '2024-01-16',
      title: 'Bridge repair approved',
    });
    expect(article?.title).toBe('Bridge repair approved');
    expect(article?.paragraphs[0]).toEqual({
      n: 1,
      text: 'Town votes to keep its lighthouse',
      kind: 'headline',
    });
    const expected = createHash('sha256').update(BODY).update(sidecar).digest('hex');
    expect(article?.hash).toBe(expected);

    await writeFile(join(dir, 'bridge.meta.json'), JSON.stringify({ source: 'Harbor Weekly' }));
    const [changed] = (await loadCorpus(dir)).articles;
    expect(changed?.hash).not.toBe(article?.hash);
  });

  it('hashes the file bytes alone when there is no sidecar', async () => {
    const dir = await makeCorpus({ 'lighthouse.txt': BODY });
    const [article] = (await loadCorpus(dir)).articles;
    expect(article?.hash).toBe(createHash('sha256').update(BODY).digest('hex'));
    expect(article?.meta).toEqual({});
    expect(article?.title).toBe('Town votes to keep its lighthouse');
  });

  it('names each bad file with its reason and still loads the good one', async () => {
    const dir = await makeCorpus({
      'good.txt': BODY,
      'photo.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      'blank.txt': '',
      'spaces.md': '   \n\n  \n',
      'report.pdf': '%PDF-1.4 fake',
      'broken-front.md': '---\ntitle: [unclosed\n---\n\n# Heading\n\nSome text here that is long enough.\n',
      'unclosed-front.md': '---\ntitle: Open\n\n# Heading\n',
      'dated.txt': BODY,
      'dated.meta.json': JSON.stringify({ published: 'last Tuesday' }),
      'linked.txt': BODY,
      'linked.meta.json': JSON.stringify({ url: 'not a url' }),
    });
    const { articles, problems } = await loadCorpus(dir);
    expect(articles.map((a) => a.id)).toEqual(['good']);
    const reasons = Object.fromEntries(problems.map((p) => [p.file, p.reason]));
    expect(Object.keys(reasons).sort()).toEqual([
      'blank.txt',
      'broken-front.md',
      'dated.txt',
      'linked.txt',
      'photo.txt',
      'report.pdf',
      'spaces.md',
      'unclosed-front.md',
    ]);
    expect(reasons['photo.txt']).toMatch(/binary/);
    expect(reasons['blank.txt']).toMatch(/empty/);
    expect(reasons['spaces.md']).toMatch(/empty/);
    expect(reasons['report.pdf']).toMatch(/unsupported file type "\.pdf".*\.txt, \.md or \.html/);
    expect(reasons['broken-front.md']).toMatch(/front matter/);
    expect(reasons['unclosed-front.md']).toMatch(/front matter.*no closing/);
    expect(reasons['dated.txt']).toMatch(/dated\.meta\.json.*field "published".*ISO date/);
    expect(reasons['linked.txt']).toMatch(/field "url".*URL/);
  });

  it('names the front matter field that has the wrong type', async () => {
    const dir = await makeCorpus({
      'good.txt': BODY,
      'numbered.md': '---\ntitle: Fine\npublished: 2024\n---\n\n# Fine\n\nThe body says something here.\n',
    });
    const { problems } = await loadCorpus(dir);
    expect(problems).toEqual([
      {
        file: 'numbered.md',
        reason: expect.stringMatching(/front matter field "published": expected an ISO date/),
      },
    ]);
  });

  it('rejects a sidecar with an unknown field, naming the field', async () => {
    const dir = await makeCorpus({
      'good.txt': BODY,
      'typo.txt': BODY,
      'typo.meta.json': JSON.stringify({ publised: '2024-01-01' }),
    });
    const { problems } = await loadCorpus(dir);
    expect(problems).toEqual([
      { file: 'typo.txt', reason: expect.stringMatching(/unknown field "publised"/) },
    ]);
  });

  it('reports a sidecar that has no article beside it', async () => {
    const dir = await makeCorpus({ 'good.txt': BODY, 'orphan.meta.json': '{}' });
    const { articles, problems } = await loadCorpus(dir);
    expect(articles).toHaveLength(1);
    expect(problems).toEqual([
      { file: 'orphan.meta.json', reason: expect.stringMatching(/without an article/) },
    ]);
  });

  it('reports a second file with the same id instead of loading two articles under one id', async () => {
    const dir = await makeCorpus({ 'story.txt': BODY, 'story.md': `# ${BODY}` });
    const { articles, problems } = await loadCorpus(dir);
    expect(articles.map((a) => a.file)).toEqual(['story.md']);
    expect(problems).toEqual([
      { file: 'story.txt', reason: expect.stringMatching(/duplicate article id "story"/) },
    ]);
  });

  it('skips hidden files, sub-folders and README or LICENSE files without reporting them', async () => {
    const dir = await makeCorpus({
      'good.txt': BODY,
      '.DS_Store': new Uint8Array([0, 0, 0, 1]),
      '.gitkeep': '',
      'README.md': '# About this folder\n\nPut articles here.\n',
      LICENSE: 'All rights reserved.',
    });
    await mkdir(join(dir, 'archive'));
    await writeFile(join(dir, 'archive', 'old.txt'), BODY);
    const { articles, problems } = await loadCorpus(dir);
    expect(articles.map((a) => a.id)).toEqual(['good']);
    expect(problems).toEqual([]);
  });

  it('throws a CorpusError naming a folder that does not exist', async () => {
    const dir = join(tmpdir(), 'factdesk-no-such-folder-4d1e');
    const error = await loadCorpus(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as CorpusError).message).toContain(dir);
    expect((error as CorpusError).message).toMatch(/does not exist/);
  });

  it('throws a CorpusError for an empty folder', async () => {
    const dir = await makeCorpus({});
    await expect(loadCorpus(dir)).rejects.toThrow(CorpusError);
    await expect(loadCorpus(dir)).rejects.toThrow(new RegExp(`${dir}.*has no article files`));
  });

  it('throws a CorpusError that lists every problem when no article loads', async () => {
    const dir = await makeCorpus({ 'a.pdf': 'x', 'b.txt': '' });
    const error = (await loadCorpus(dir).catch((e: unknown) => e)) as CorpusError;
    expect(error).toBeInstanceOf(CorpusError);
    expect(error.message.split('\n')).toEqual([
      `Corpus folder "${dir}" has no loadable article`,
      expect.stringMatching(/^ {2}- a\.pdf: unsupported file type/),
      '  - b.txt: empty file',
    ]);
    expect(error.problems).toHaveLength(2);
  });

  it('loads the seed corpus (with its sidecar) in well under 50 ms', async () => {
    await loadCorpus(SEED_DIR);
    // CPU time rather than wall time: the test machine is shared, and waiting for a core is not our cost.
    const start = process.cpuUsage();
    const corpus = await loadCorpus(SEED_DIR);
    const used = process.cpuUsage(start);
    expect((used.user + used.system) / 1000).toBeLessThan(50);
    expect(corpus.problems).toEqual([]);
    expect(corpus.articles).toHaveLength(1);
    expect(corpus.articles[0]?.meta).toEqual({ source: 'Al-Monitor' });
  });
});
