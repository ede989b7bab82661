/**
 * Odd but real files fed to the corpus loader: pages scraped onto one line, huge files, Windows encodings,
 * invisible characters, numeric front matter, pages padded with drawings. Each must load calmly and fast.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus, MAX_ARTICLE_CHARS } from '../src/corpus/load.ts';
import type { Article } from '../src/corpus/types.ts';

const folders: string[] = [];

async function loadOne(name: string, content: string | Uint8Array): Promise<Article> {
  const dir = await mkdtemp(join(tmpdir(), 'factdesk-odd-'));
  folders.push(dir);
  await writeFile(join(dir, name), content);
  const { articles, problems } = await loadCorpus(dir);
  expect(problems).toEqual([]);
  const [article] = articles;
  if (!article) throw new Error('no article loaded');
  return article;
}

afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const HEADLINE = 'Village school reopens after flood repairs';
const PARAGRAPHS = [
  'The primary school in Ashcombe reopened on Monday, eight months after a flood ruined its ground floor.',
  'Head teacher Ruth Pemberley said the pupils were "overjoyed to be back in their own classrooms."',
  'Repairs cost about 400,000 pounds, most of it paid by the county council, a spokesman said.',
  'The school had used rooms in a church hall across the river since the flood in March.',
];

describe('loading odd article files', () => {
  it('splits an article scraped onto one line into paragraphs and drops the sign-up line glued to its end', async () => {
    const line = `${[HEADLINE, ...PARAGRAPHS, ...PARAGRAPHS, ...PARAGRAPHS].join(' ')} Subscribe to our newsletter. Sign in to read more.`;
    const article = await loadOne('one-line.txt', line);
    expect(article.paragraphs.length).toBeGreaterThan(1);
    const kept = article.paragraphs.map((p) => p.text).join(' ');
    expect(kept).toContain('Ruth Pemberley');
    expect(kept).not.toMatch(/Subscribe|Sign in/);
    for (const p of article.paragraphs) expect(p.text.length).toBeLessThanOrEqual(2000);
  });

  it('reads only the first 100,000 characters of a huge file and says what it left out', async () => {
    const body = Array.from({ length: 6000 }, (_, i) => `${PARAGRAPHS[i % 4]} (Update ${i}.)`);
    const started = performance.now();
    const article = await loadOne('huge.txt', [HEADLINE, ...body].join('\n\n'));
    expect(performance.now() - started).toBeLessThan(3000);
    const kept = article.paragraphs.reduce((sum, p) => sum + p.text.length, 0);
    expect(kept).toBeLessThanOrEqual(MAX_ARTICLE_CHARS);
    expect(kept).toBeGreaterThan(MAX_ARTICLE_CHARS * 0.9);
    expect(article.paragraphs[0]?.text).toBe(HEADLINE);
    const note = article.dropped.at(-1);
    expect(note?.reason).toMatch(/100,000-character limit.*not read/);
    expect(article.dropped.length).toBeLessThan(5);
  });

  it('reads a Windows-1252 text file with its accents and curly quotes instead of refusing it', async () => {
    const text = [HEADLINE, ...PARAGRAPHS].join('\n').replace('Pemberley', 'Pembérley');
    const bytes = Buffer.from(text.replace(/"([^"]*)"/, '\u0093$1\u0094'), 'latin1');
    const article = await loadOne('windows.txt', bytes);
    const second = article.paragraphs.find((p) => p.text.includes('Ruth'))?.text;
    expect(second).toContain('Ruth Pembérley');
    expect(second).toContain('\u201coverjoyed');
  });

  it('drops invisible direction marks and soft hyphens inside words, so names read whole', async () => {
    const text = [HEADLINE, ...PARAGRAPHS]
      .join('\n')
      .replace('Ruth Pemberley', '\u202bRuth\u202c Pem\u00adber\u2060ley\u200e');
    const article = await loadOne('marks.txt', text);
    expect(article.paragraphs.some((p) => p.text.includes('Head teacher Ruth Pemberley said'))).toBe(true);
  });

  it('keeps the short last point of an article written as a list of sentences', async () => {
    const points = [
      'The school reopened on Monday.',
      'Repairs cost 400,000 pounds.',
      'Classes resume in full.',
      'Buses run again.',
    ];
    const article = await loadOne(
      'points.md',
      `# ${HEADLINE}\n\n${points.map((p) => `- ${p}`).join('\n')}\n`,
    );
    expect(article.paragraphs.map((p) => p.text)).toEqual([HEADLINE, ...points]);
  });

  it('says why a file with no article is skipped: only a headline, or not English', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'factdesk-odd-'));
    folders.push(dir);
    await writeFile(join(dir, 'good.txt'), [HEADLINE, ...PARAGRAPHS].join('\n'));
    await writeFile(join(dir, 'headline.txt'), `${HEADLINE}\n`);
    await writeFile(
      join(dir, 'other.txt'),
      '市议会周一投票通过了新的预算。\n\n学校将在下个月重新开放，校长说学生们都很高兴。\n',
    );
    const reasons = Object.fromEntries((await loadCorpus(dir)).problems.map((p) => [p.file, p.reason]));
    expect(reasons['headline.txt']).toMatch(/no paragraph of prose, only short lines such as a headline/);
    expect(reasons['other.txt']).toMatch(/reads articles in English/);
  });

  it('takes a number given as the title in front matter as the title text', async () => {
    const article = await loadOne('numbered.md', `---\ntitle: 1984\n---\n\n${PARAGRAPHS.join('\n\n')}\n`);
    expect(article.title).toBe('1984');
  });

  it('reads a page padded with inline drawings and base64 images in well under a second', async () => {
    const drawing = `<svg viewBox="0 0 9 9">${'<path d="M0 0 L9 9 Z"/>'.repeat(30_000)}</svg>`;
    const image = `<img src="data:image/png;base64,${'QUJDRA'.repeat(200_000)}">`;
    const html = `<html><head><title>${HEADLINE}</title></head><body><article><h1>${HEADLINE}</h1>${drawing}${image}${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    await loadOne('warm-up.html', `<html><body><p>${PARAGRAPHS.join(' ')}</p></body></html>`);
    const started = performance.now();
    const article = await loadOne('drawings.html', html);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(article.paragraphs.map((p) => p.text)).toEqual([HEADLINE, ...PARAGRAPHS]);
  });
});
