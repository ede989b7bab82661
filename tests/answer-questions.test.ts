/**
 * The question sets of tests/questions/ through the real pipeline (loadCorpus -> buildEngine -> ask). A
 * question counts as answered when one of its acceptable answers appears in `answer` and the first citation is
 * the paragraph that holds it; an absent question counts when it is refused.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildEngine } from '../src/build-engine.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import type { Engine } from '../src/engine.ts';
import { matchKey } from '../src/nlp/normalize.ts';
import { type Answer, answerSchema } from '../src/schema.ts';
import { root } from './answer-helpers.ts';

const questionSetSchema = z.object({
  article: z.string(),
  questions: z
    .array(
      z.object({
        kind: z.enum(['figure', 'claim', 'who', 'when', 'what', 'absent']),
        question: z.string().min(1),
        answers: z.array(z.string().min(1)),
        paragraph: z.union([z.number().int().positive(), z.array(z.number().int().positive()), z.null()]),
      }),
    )
    .min(10),
});
type QuestionSet = z.infer<typeof questionSetSchema>;
type Question = QuestionSet['questions'][number];

const dir = join(root, 'tests', 'questions');
const sets = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ name: f, set: questionSetSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))) }));

/** Whether an answer meets the question: the gold answer inside `answer`, cited from its paragraph. */
function meets(q: Question, a: Answer): boolean {
  if (q.answers.length === 0) return !a.found;
  const paragraphs = Array.isArray(q.paragraph) ? q.paragraph : [q.paragraph];
  const text = matchKey(a.answer ?? '');
  return (
    a.found &&
    q.answers.some((x) => text.includes(matchKey(x))) &&
    paragraphs.includes(a.citations[0]?.paragraph ?? -1)
  );
}

const engines = new Map<string, Engine>();
const results: Array<{ set: string; q: Question; a: Answer; ok: boolean }> = [];

beforeAll(async () => {
  for (const { name, set } of sets) {
    // Each article alone in its corpus, as a user with one article would have it.
    const corpus = mkdtempSync(join(tmpdir(), 'factdesk-questions-'));
    copyFileSync(join(root, set.article), join(corpus, basename(set.article)));
    const engine = buildEngine(await loadCorpus(corpus));
    rmSync(corpus, { recursive: true, force: true });
    engines.set(name, engine);
    for (const q of set.questions) {
      const a = answerSchema.parse(engine.ask(q.question));
      results.push({ set: name, q, a, ok: meets(q, a) });
    }
  }
});

afterAll(() => {
  const by = new Map<string, [number, number]>();
  for (const r of results) {
    const [ok, all] = by.get(r.q.kind) ?? [0, 0];
    by.set(r.q.kind, [ok + (r.ok ? 1 : 0), all + 1]);
  }
  const ok = results.filter((r) => r.ok).length;
  const kinds = [...by].map(([k, [o, n]]) => `${k} ${o}/${n}`).join(', ');
  console.log(
    `question sets: ${ok}/${results.length} (${((100 * ok) / results.length).toFixed(1)}%) - ${kinds}`,
  );
  for (const r of results.filter((x) => !x.ok)) {
    console.log(
      `  missed [${r.set}] ${r.q.question} -> ${JSON.stringify(r.a.answer)} (¶${r.a.citations[0]?.paragraph})`,
    );
  }
});

describe('the question sets', () => {
  it('cover every made-up fixture article and the seed, ten questions or more each', () => {
    const articles = new Set(sets.map((s) => basename(s.set.article)));
    for (const f of readdirSync(join(root, 'tests', 'fixtures', 'articles'))) expect(articles).toContain(f);
    expect(sets.find((s) => s.name === 'seed.json')?.set.questions.length).toBeGreaterThanOrEqual(30);
    const seedAbsent = sets
      .find((s) => s.name === 'seed.json')
      ?.set.questions.filter((q) => q.kind === 'absent');
    expect(seedAbsent?.length).toBeGreaterThanOrEqual(5);
  });

  it('are answered through the real pipeline at 95% or better', () => {
    expect(results.length).toBe(sets.reduce((n, s) => n + s.set.questions.length, 0));
    const score = results.filter((r) => r.ok).length / results.length;
    expect(score).toBeGreaterThanOrEqual(0.95);
  });

  it('refuse every question the article does not answer', () => {
    const wrong = results.filter((r) => r.q.kind === 'absent' && r.a.found).map((r) => r.q.question);
    expect(wrong).toEqual([]);
  });

  it('cite only verbatim text of the cited paragraph', () => {
    for (const { name } of sets) {
      const engine = engines.get(name);
      for (const r of results.filter((x) => x.set === name)) {
        for (const c of r.a.citations) {
          const paragraph = engine?.articles[0]?.paragraphs.find((p) => p.n === c.paragraph);
          expect(paragraph?.text).toContain(c.quote);
        }
      }
    }
  });
});
