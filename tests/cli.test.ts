/**
 * The `factdesk` bin, run as a user runs it: a real process, real files, stdout and the exit code.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerSchema,
  articlesResultSchema,
  figuresResultSchema,
  whenResultSchema,
  whoResultSchema,
} from '../src/schema.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'factdesk.js');
let dataDir: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function factdesk(args: string[], opts: { input?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [bin, ...args],
      { cwd: root, env: { PATH: process.env.PATH, DATA_DIR: dataDir, ...opts.env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(opts.input ?? '');
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'factdesk-cli-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('factdesk (the command line)', () => {
  it('lists the people of the bundled article as JSON, each with a verbatim quote', async () => {
    const run = await factdesk(['who', '--json']);
    expect(run.code).toBe(0);
    const who = whoResultSchema.parse(JSON.parse(run.stdout));
    expect(who.items.filter((i) => i.kind === 'person').length).toBeGreaterThanOrEqual(9);
    const article = articlesResultSchema.parse(JSON.parse((await factdesk(['article', '--json'])).stdout));
    const paragraphs = new Map(article.articles[0]?.paragraphs.map((p) => [p.n, p.text]));
    for (const item of who.items) {
      for (const c of item.citations) expect(paragraphs.get(c.paragraph)).toContain(c.quote);
    }
  });

  it('prints the timeline for people with [¶n] markers and filters it', async () => {
    const run = await factdesk(['when', 'embassy']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\[¶\d+\]/);
    for (const line of run.stdout.split('\n').filter((l) => /\[¶\d+\]/.test(l))) {
      expect(line.toLowerCase()).toContain('embassy');
    }
    const all = whenResultSchema.parse(JSON.parse((await factdesk(['when', '--json'])).stdout));
    const dated = all.items.map((i) => i.date).filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort());
  });

  it('answers piped questions one JSON object per line, refusing what the article does not say', async () => {
    const run = await factdesk(['ask', '--json'], {
      input: 'When did Armenia recall its ambassador?\nWhat is the population of Armenia?\n\n',
    });
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    const [recall, population] = lines.map((l) => answerSchema.parse(JSON.parse(l)));
    expect(recall?.found).toBe(true);
    expect(recall?.answer).toMatch(/Oct(ober|\.)? 1|2020-10-01/);
    expect(population?.found).toBe(false);
  });

  it('asks for a question instead of printing nothing when the question is empty', async () => {
    const run = await factdesk(['ask', '']);
    expect(run.code).toBe(64);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('ask needs a question');
  });

  it('answers odd questions calmly, one line each, quoting only the article', async () => {
    const odd = [
      '?!?...',
      'the of and to',
      `Who ${'x'.repeat(5000)}`,
      '```js console.log(1) ``` who recalled the ambassador?',
      'https://example.com/a?b=1&c=(2)',
      '🙂🙂🙂',
      '<@123456789012345678> @everyone **who** _said_ it?',
      '¿Quién retiró al embajador?',
      '2020?',
      '1 2 3 4 5',
      'SELECT * FROM t; DROP TABLE t; -- (.*)+[a-z]{2,}$^|\\',
      '"unmatched ((( [[ {{ quotes',
      '__proto__',
    ];
    const run = await factdesk(['ask', '--json'], { input: `${odd.join('\n')}\n` });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(odd.length);
    const article = articlesResultSchema.parse(JSON.parse((await factdesk(['article', '--json'])).stdout));
    const paragraphs = new Map(article.articles[0]?.paragraphs.map((p) => [p.n, p.text]));
    for (const line of lines) {
      const answer = answerSchema.parse(JSON.parse(line));
      for (const c of answer.citations) expect(paragraphs.get(c.paragraph)).toContain(c.quote);
      if (answer.found) expect(answer.answer?.length ?? 0).toBeLessThan(400);
    }
  });

  it('reads --corpus, skips a bad file with its name and reason, and still answers', async () => {
    const corpus = join(dataDir, 'corpus');
    await rm(corpus, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(corpus));
    await writeFile(
      join(corpus, 'ferry.md'),
      '# Ferry fares rise\n\nThe Island Ferry Company raised fares by 12% on Monday, its director Ana Costa said.\n',
    );
    await writeFile(join(corpus, 'broken.pdf'), '%PDF-1.4');
    const run = await factdesk(['figures', '--json', '--corpus', corpus]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('factdesk: skipped broken.pdf: unsupported file type ".pdf"');
    const figures = figuresResultSchema.parse(JSON.parse(run.stdout));
    expect(figures.items.map((f) => f.display)).toContain('12%');
  });

  it('stops with a clear message naming the folder when the corpus is empty', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'factdesk-empty-'));
    const run = await factdesk(['who', '--corpus', empty]);
    await rm(empty, { recursive: true, force: true });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(empty);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('says how to use it when the command is unknown', async () => {
    const run = await factdesk(['whom']);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('unknown command "whom"');
    expect(run.stderr).toContain('Usage: factdesk');
  });

  it('runs the console without a token, saying so first, and answers slash commands typed into it', async () => {
    const run = await factdesk(['start'], { input: '/figures\nWho is Hikmet Hajiyev?\n/quit\n' });
    expect(run.code).toBe(0);
    const [first] = run.stdout.split('\n');
    expect(first).toMatch(/no DISCORD_TOKEN configured.*console mode/);
    expect(run.stdout).toContain('$250 million');
    expect(run.stdout).toMatch(/assistant to Azerbaijan President/);
  });
});
