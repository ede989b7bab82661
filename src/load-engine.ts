/**
 * Loading the engine for a corpus folder, through a cache: extraction and indexing need wink-nlp and
 * chrono-node (~0.5 s to load, more to run), so the result is kept in `<cacheDir>/engine-<key>.json`, keyed by
 * the article files' content and the engine's own code. A start-up whose corpus and code did not change reads it
 * back instead, cleaned articles included, so it only reads and hashes the files. The cache is an optimisation
 * only: a missing, stale or unreadable file means a rebuild.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type CorpusScan, checkCorpus, parseCorpus, scanCorpus } from './corpus/load.ts';
import type { Article, Corpus } from './corpus/types.ts';
import { createEngine, type Engine } from './engine.ts';
import type { ArticleFacts } from './facts/types.ts';
import type { Logger } from './log.ts';
import { normalizeChars } from './nlp/normalize.ts';
import type { Sentence } from './nlp/sentences.ts';
import {
  claimItemSchema,
  droppedBlockSchema,
  figureItemSchema,
  paragraphSchema,
  whenItemSchema,
  whoItemSchema,
} from './schema.ts';
import { loadIndex, type SearchIndex, serializeIndex } from './search/index.ts';

export interface LoadEngineOptions {
  logger?: Logger | undefined;
  /** Where to keep the engine cache; no caching when undefined. */
  cacheDir?: string | undefined;
}

/** Loads the corpus folder and builds the engine (or reads it from the cache); bad files are logged and skipped. */
export async function loadEngine(corpusDir: string, opts: LoadEngineOptions = {}): Promise<Engine> {
  const { logger, cacheDir } = opts;
  const scan = await scanCorpus(corpusDir);
  const file = cacheDir ? join(cacheDir, `engine-${cacheKey(scan)}.json`) : undefined;
  const cached = file ? await readCache(file, scan, logger) : null;
  const corpus = cached?.corpus ?? (await parseCorpus(scan));
  for (const problem of corpus.problems) {
    logger?.warn({ file: problem.file, reason: problem.reason }, 'skipped a corpus file');
  }
  if (cached) {
    logger?.debug({ file }, 'engine loaded from cache');
    return cached.engine;
  }
  const engine = await build(corpus);
  if (file) {
    await writeCache(file, engine, corpus).catch((err: unknown) =>
      logger?.debug({ err, file }, 'could not write the engine cache (continuing without it)'),
    );
  }
  return engine;
}

async function build(corpus: Corpus): Promise<Engine> {
  const { buildEngine } = await import('./build-engine.ts');
  return buildEngine(corpus);
}

const ENGINE_DIRS = ['corpus', 'nlp', 'facts', 'search', 'answer', 'summary'];
let codeVersion: string | undefined;

/** The engine's source files (running from src/ through tsx). */
function engineFiles(here: string): string[] {
  const sources = ENGINE_DIRS.flatMap((d) =>
    readdirSync(join(here, d), { recursive: true, encoding: 'utf8' }).map((f) => join(d, f)),
  );
  return [...sources, 'engine.ts', 'build-engine.ts'].filter((f) => f.endsWith('.ts'));
}

/** A hash of the engine's own code, so that a changed extractor never serves facts from an older one. */
function engineCodeVersion(): string {
  if (codeVersion) return codeVersion;
  const here = dirname(fileURLToPath(import.meta.url));
  const stamp = join(here, '.stamp');
  if (existsSync(stamp)) {
    // Running from the bundle in dist/: every build writes a new stamp, so it versions the code.
    codeVersion = createHash('sha256').update(readFileSync(stamp)).digest('hex').slice(0, 16);
    return codeVersion;
  }
  const hash = createHash('sha256');
  for (const f of engineFiles(here).sort()) hash.update(f).update(readFileSync(join(here, f)));
  codeVersion = hash.digest('hex').slice(0, 16);
  return codeVersion;
}

function cacheKey(scan: CorpusScan): string {
  const hash = createHash('sha256').update(engineCodeVersion());
  for (const f of scan.files) hash.update(`\n${f.file}\t${f.hash}`);
  return hash.digest('hex').slice(0, 24);
}

const cachedArticleSchema = z.object({
  id: z.string(),
  file: z.string(),
  title: z.string(),
  meta: z.object({
    title: z.string().optional(),
    source: z.string().optional(),
    url: z.string().optional(),
    byline: z.string().optional(),
    published: z.string().optional(),
  }),
  paragraphs: z.array(paragraphSchema),
  dropped: z.array(droppedBlockSchema),
  hash: z.string(),
});
const cachedFactsSchema = z.object({
  anchor: z.object({ date: z.string().nullable(), inferred: z.boolean() }),
  who: z.array(whoItemSchema),
  when: z.array(whenItemSchema),
  claims: z.array(claimItemSchema),
  figures: z.array(figureItemSchema),
});
const cacheSchema = z.object({
  articles: z.array(z.object({ article: cachedArticleSchema, facts: cachedFactsSchema })),
  /** Files that were read but could not be used, as the build found them. */
  problems: z.array(z.object({ file: z.string(), reason: z.string() })),
  index: z.unknown(),
});

/** The engine and its corpus from a cache file, or null when there is none or it does not fit the scan. */
async function readCache(
  file: string,
  scan: CorpusScan,
  logger: Logger | undefined,
): Promise<{ engine: Engine; corpus: Corpus } | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const cache = cacheSchema.parse(JSON.parse(text));
    const hashes = new Map(scan.files.map((f) => [f.file, f.hash]));
    const articles: Article[] = cache.articles.map((entry) => entry.article);
    if (articles.some((a) => hashes.get(a.file) !== a.hash)) throw new Error('corpus mismatch');
    // The build's own refusals are of files it read (the scan lists the others again itself).
    const refused = cache.problems.filter((p) => hashes.has(p.file));
    const corpus = checkCorpus(scan.dir, { articles, problems: [...scan.problems, ...refused] });
    const index = loadIndex(cache.index);
    const sentences = sentencesByArticle(index);
    const inputs = cache.articles.map(({ article, facts }) => {
      const checked: ArticleFacts = facts;
      return { analyzed: { article, sentences: sentences.get(article.id) ?? [] }, facts: checked };
    });
    return { engine: createEngine(corpus, inputs, index), corpus };
  } catch (err) {
    logger?.warn({ err, file }, 'ignored an unreadable engine cache; rebuilding');
    return null;
  }
}

/**
 * Each article's sentences as the index holds them (text and offsets, in reading order): the same split the
 * build made, without loading the sentence splitter again.
 */
function sentencesByArticle(index: SearchIndex): Map<string, Sentence[]> {
  const out = new Map<string, Sentence[]>();
  for (const s of index.sentences) {
    const list = out.get(s.article) ?? [];
    if (list.length === 0) out.set(s.article, list);
    const { article, paragraph, index: i, inParagraph, text, start } = s;
    list.push({ article, paragraph, index: i, inParagraph, text, norm: normalizeChars(text), start });
  }
  return out;
}

const KEEP_CACHE_FILES = 8;

async function writeCache(file: string, engine: Engine, corpus: Corpus): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const articles = corpus.articles.map((article) => {
    const facts = engine.factsOf(article.id);
    if (!facts) throw new Error(`no facts for article ${article.id}`);
    return { article, facts };
  });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(
    tmp,
    JSON.stringify({ articles, problems: corpus.problems, index: serializeIndex(engine.index) }),
  );
  await rename(tmp, file);
  // Keep the few most recent caches (several corpora may share the folder); drop older ones.
  const names = (await readdir(dir)).filter((n) => /^engine-[0-9a-f]+\.json$/.test(n));
  const dated = await Promise.all(names.map(async (n) => ({ n, t: (await stat(join(dir, n))).mtimeMs })));
  dated.sort((a, b) => b.t - a.t);
  await Promise.all(dated.slice(KEEP_CACHE_FILES).map(({ n }) => unlink(join(dir, n)).catch(() => {})));
}
