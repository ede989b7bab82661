/**
 * `npm run bench`: load, memory and latency figures on the bundled corpus and on a generated corpus of 1,000
 * articles. It prints numbers next to their targets; it never fails a build (timing targets do not belong in
 * tests on a shared machine).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engine } from '../engine.ts';
import { loadEngine } from '../load-engine.ts';
import { searchRaw } from '../search/index.ts';
import { writeBenchCorpus } from './bench-corpus.ts';
import { findBin } from './bin-path.ts';

/** Questions drawn from the engine's own facts plus a few the corpus cannot answer. */
function benchQuestions(engine: Engine, count: number): string[] {
  const qs: string[] = [];
  for (const w of engine.who().items.slice(0, 40)) qs.push(`Who is ${w.name}?`, `What is ${w.name}'s role?`);
  for (const c of engine.claims().items.slice(0, 40)) qs.push(`What did ${c.speaker} say?`);
  for (const f of engine.figures().items.slice(0, 40)) qs.push(`How much was ${f.measures}?`);
  for (const t of engine.when().items.slice(0, 40))
    qs.push(`When did ${t.event.split(' ').slice(0, 6).join(' ')}?`);
  qs.push(
    'What is the capital of Peru?',
    'Who won the 1998 World Cup?',
    'How many moons does Jupiter have?',
    '',
  );
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) out.push(qs[i % qs.length] ?? '');
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Per-call latencies in ms, sorted, after a warm-up pass over the first questions. */
function time(runs: string[], call: (q: string) => unknown): number[] {
  for (const q of runs.slice(0, 50)) call(q);
  const out: number[] = [];
  for (const q of runs) {
    const t = performance.now();
    call(q);
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

/** Milliseconds from process start until the engine is ready, measured in a fresh `factdesk` process. */
function readyInChild(corpusDir: string, dataDir: string, env: Record<string, string | undefined>): number {
  const r = spawnSync(process.execPath, [findBin(), 'bench-ready', '--corpus', corpusDir], {
    env: { ...env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  const ms = Number(/ready (\d+(?:\.\d+)?)/.exec(r.stdout)?.[1]);
  if (!Number.isFinite(ms)) throw new Error(`bench-ready failed: ${r.stderr || r.stdout}`);
  return ms;
}

interface Row {
  corpus: string;
  articles: number;
  sentences: number;
  coldReadyMs: number;
  warmReadyMs: number;
  heapMb: number;
  askMedian: number;
  askP99: number;
  bareMedian: number;
  bareP99: number;
}

async function measure(label: string, corpusDir: string, opts: BenchOptions): Promise<Row> {
  const { out, env } = opts;
  const dataDir = await mkdtemp(join(tmpdir(), 'factdesk-bench-data-'));
  try {
    out.write(`  ${label}: cold start (no cache)...\n`);
    const coldReadyMs = readyInChild(corpusDir, dataDir, env);
    out.write(`  ${label}: warm start (cache)...\n`);
    const warmReadyMs = Math.min(
      readyInChild(corpusDir, dataDir, env),
      readyInChild(corpusDir, dataDir, env),
    );
    const before = process.memoryUsage().heapUsed;
    const engine = await loadEngine(corpusDir, { cacheDir: join(dataDir, 'cache') });
    const heapMb = (process.memoryUsage().heapUsed - before) / 2 ** 20;
    const questions = benchQuestions(engine, 1000);
    const ask = time(questions, (q) => engine.ask(q));
    const bare = time(questions, (q) => searchRaw(engine.index, q));
    return {
      corpus: label,
      articles: engine.articles.length,
      sentences: engine.index.sentences.length,
      coldReadyMs,
      warmReadyMs,
      heapMb,
      askMedian: percentile(ask, 50),
      askP99: percentile(ask, 99),
      bareMedian: percentile(bare, 50),
      bareP99: percentile(bare, 99),
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

export interface BenchOptions {
  corpusDir: string;
  out: NodeJS.WritableStream;
  /** The environment of the child processes that measure start-up. */
  env: Record<string, string | undefined>;
}

/** Runs the benchmark and prints its table. */
export async function runBench(opts: BenchOptions): Promise<number> {
  const { out } = opts;
  const generated = await mkdtemp(join(tmpdir(), 'factdesk-bench-corpus-'));
  try {
    out.write('factdesk bench (each ask/bare figure over 1,000 questions)\n');
    const rows = [await measure(opts.corpusDir, opts.corpusDir, opts)];
    await writeBenchCorpus(generated, 1000);
    rows.push(await measure('generated x1000', generated, opts));
    const f = (n: number, d = 1) => n.toFixed(d);
    const header = [
      'corpus',
      'articles',
      'sentences',
      'cold ready',
      'warm ready',
      'heap',
      'ask p50',
      'ask p99',
      'bare p50',
      'bare p99',
      'ask/bare p50',
    ];
    const lines = rows.map((r) => [
      r.corpus,
      String(r.articles),
      String(r.sentences),
      `${f(r.coldReadyMs, 0)} ms`,
      `${f(r.warmReadyMs, 0)} ms`,
      `${f(r.heapMb)} MB`,
      `${f(r.askMedian, 2)} ms`,
      `${f(r.askP99, 2)} ms`,
      `${f(r.bareMedian, 2)} ms`,
      `${f(r.bareP99, 2)} ms`,
      `${f(r.askMedian / Math.max(r.bareMedian, 1e-6))}x`,
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
    const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
    out.write(`\n${fmt(header)}\n${lines.map(fmt).join('\n')}\n\n`);
    out.write(
      [
        'Targets: seed ready < 300 ms after process start (warm: engine cache in DATA_DIR/cache; cold rebuilds it),',
        'ask p99 < 5 ms on the seed and < 50 ms at 1,000 articles, ask no more than 5x the bare MiniSearch query.',
        '"ready" is measured in a fresh `factdesk` process from its start until the engine can answer.',
      ].join('\n'),
    );
    out.write('\n');
    return 0;
  } finally {
    await rm(generated, { recursive: true, force: true });
  }
}

/** `factdesk bench-ready`: loads the engine and prints how long after process start it was ready. */
export async function benchReady(
  corpusDir: string,
  dataDir: string,
  out: NodeJS.WritableStream,
): Promise<number> {
  await loadEngine(corpusDir, { cacheDir: join(dataDir, 'cache') });
  out.write(`ready ${performance.now().toFixed(1)}\n`);
  return 0;
}
