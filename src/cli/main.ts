/**
 * The `factdesk` command line: the engine's answers in a terminal (human text or `--json`), the console, the
 * bot (`start`), command registration and the benchmark.
 */
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CorpusError } from '../corpus/errors.ts';
import type { Engine } from '../engine.ts';
import { readEnvironment } from '../env.ts';
import { loadEngine } from '../load-engine.ts';
import { type StartIo, start } from '../main.ts';
import {
  answerSchema,
  articlesResultSchema,
  claimsResultSchema,
  figuresResultSchema,
  summarySchema,
  whenResultSchema,
  whoResultSchema,
} from '../schema.ts';
import {
  type FormatOptions,
  formatAnswer,
  formatArticles,
  formatClaims,
  formatFigures,
  formatSummary,
  formatWhen,
  formatWho,
} from './format.ts';

const USAGE = `Usage: factdesk <command> [options]

Commands:
  start                          run the bot (console mode when DISCORD_TOKEN is not set)
  console                        the interactive prompt on the corpus
  who [name]                     people and organisations, with roles
  when [about]                   the timeline
  claims [speaker]               who claimed what
  figures [about]                the numbers and what they measure
  ask "<question>"               answer a question (no question + piped stdin: one question per line)
  summary                        the headline and 3-5 cited key points
  article                        the cleaned articles: kept paragraphs and what was dropped
  shards [--count N|auto]        run the bot sharded (discord.js ShardingManager)
  deploy-commands [--guild ID]   register the slash commands with Discord
  bench                          print load, memory and latency figures

Options:
  --json           print JSON (one object per line for piped questions)
  --corpus DIR     the corpus folder (default: CORPUS_DIR or corpus/)
  --article ID     only this article (its file name without extension)
  --guild ID       deploy-commands: register to one guild
  -h, --help       this help`;

export interface CliIo extends StartIo {}

function processIo(): CliIo {
  return {
    env: readEnvironment(process.env),
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  };
}

/** Runs one `factdesk` command; resolves with the process exit code. */
export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  let parsed: ReturnType<typeof parseCli>;
  try {
    parsed = parseCli(argv);
  } catch (error) {
    io.stderr.write(`factdesk: ${(error as Error).message}\n\n${USAGE}\n`);
    return 64; // EX_USAGE
  }
  const { values, positionals } = parsed;
  const [command = 'help', ...rest] = positionals;
  if (values.help || command === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const corpusDir = values.corpus ?? io.env.CORPUS_DIR ?? 'corpus';

  switch (command) {
    case 'start':
      return start(values.corpus ? { ...io, env: { ...io.env, CORPUS_DIR: values.corpus } } : io);
    case 'console':
      return start({ ...io, env: { ...io.env, CORPUS_DIR: corpusDir, DISCORD_TOKEN: '' } });
    case 'deploy-commands': {
      const { deployCommandsCli } = await import('./deploy-commands.ts');
      return deployCommandsCli(io, values.guild);
    }
    case 'shards': {
      const { runShards } = await import('./shards.ts');
      return runShards(io, values.count);
    }
    case 'bench': {
      const { runBench } = await import('./bench.ts');
      return runBench({ corpusDir, out: io.stdout, env: io.env });
    }
    case 'bench-ready': {
      const { benchReady } = await import('./bench.ts');
      return benchReady(corpusDir, io.env.DATA_DIR || 'data', io.stdout);
    }
    case 'who':
    case 'when':
    case 'claims':
    case 'figures':
    case 'ask':
    case 'summary':
    case 'article':
      break;
    default:
      io.stderr.write(`factdesk: unknown command "${command}"\n\n${USAGE}\n`);
      return 64;
  }

  let engine: Engine;
  try {
    engine = await loadEngine(corpusDir, { cacheDir: join(io.env.DATA_DIR || 'data', 'cache') });
    // A person at a terminal reads plain lines, not log records.
    for (const p of engine.problems) io.stderr.write(`factdesk: skipped ${p.file}: ${p.reason}\n`);
  } catch (error) {
    if (error instanceof CorpusError) {
      io.stderr.write(`factdesk: ${error.message}\n`);
      return 66;
    }
    throw error;
  }
  if (values.article && !engine.articles.some((a) => a.id === values.article)) {
    const ids = engine.articles.map((a) => a.id).join(', ');
    io.stderr.write(`factdesk: no article "${values.article}" in ${corpusDir}/ (articles: ${ids})\n`);
    return 64;
  }

  const json = values.json ?? false;
  const fmt: FormatOptions = { showArticle: engine.articles.length > 1 && !values.article };
  const list = { filter: rest.join(' ') || undefined, article: values.article };
  const print = (text: string) => io.stdout.write(`${text}\n`);
  const emit = <T>(value: T, human: (v: T) => string) =>
    print(json ? JSON.stringify(value, null, 2) : human(value));

  switch (command) {
    case 'who':
      emit(whoResultSchema.parse(engine.who(list)), (v) => formatWho(v, fmt));
      return 0;
    case 'when':
      emit(whenResultSchema.parse(engine.when(list)), (v) => formatWhen(v, fmt));
      return 0;
    case 'claims':
      emit(claimsResultSchema.parse(engine.claims(list)), (v) => formatClaims(v, fmt));
      return 0;
    case 'figures':
      emit(figuresResultSchema.parse(engine.figures(list)), (v) => formatFigures(v, fmt));
      return 0;
    case 'summary':
      emit(summarySchema.parse(engine.summary({ article: values.article })), (v) => formatSummary(v, fmt));
      return 0;
    case 'article':
      emit(articlesResultSchema.parse(engine.describe({ article: values.article })), formatArticles);
      return 0;
    default: {
      const ask = (q: string) => answerSchema.parse(engine.ask(q, { article: values.article }));
      const question = rest.join(' ');
      if (question || ('isTTY' in io.stdin && io.stdin.isTTY)) {
        emit(ask(question), (v) => formatAnswer(v, fmt));
        return 0;
      }
      // A question set piped through one process: one question per line in, one answer per line out.
      let asked = 0;
      for await (const line of createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
        if (!line.trim()) continue;
        const answer = ask(line);
        asked++;
        print(
          json ? JSON.stringify({ question: line, ...answer }) : `? ${line}\n${formatAnswer(answer, fmt)}\n`,
        );
      }
      if (asked > 0) return 0;
      // `ask ""` or an empty pipe: silence would look like a hang or a crash.
      io.stderr.write('factdesk: ask needs a question: factdesk ask "<question>" (or pipe one per line)\n');
      return 64;
    }
  }
}

function parseCli(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      corpus: { type: 'string' },
      article: { type: 'string' },
      guild: { type: 'string' },
      count: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
