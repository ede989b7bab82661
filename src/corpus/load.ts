/**
 * The corpus stage: reads every article file of a folder, validates its metadata, and cleans it into kept
 * paragraphs. One bad file never stops the others: it becomes a CorpusProblem naming the file and the reason.
 *
 * Folder rules:
 * - Articles are `.txt` (scraped page text), `.md`/`.markdown` (optional YAML front matter) and
 *   `.html`/`.htm` (saved pages), directly in the folder. The id is the file name without its extension.
 * - `<id>.meta.json` beside an article is its metadata sidecar (title, source, url, byline, published), never
 *   an article itself; it wins over front matter and what the page says.
 * - Hidden files (`.DS_Store`, `.gitkeep`), sub-folders and documentation files (README, LICENSE, CHANGELOG,
 *   NOTICE... in any extension) are skipped silently: they are how a folder is kept, not articles.
 * - Anything else (a .pdf, a binary or empty file, bad front matter or sidecar) is reported and skipped.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { type Block, splitTextBlocks } from './blocks.ts';
import { type CleanResult, cleanBlocks, NOTHING_AROUND } from './clean.ts';
import { ArticleFileError, CorpusError } from './errors.ts';
import { extractHtml } from './html.ts';
import { parseMarkdown } from './markdown.ts';
import { mergeMeta, parseSidecar } from './meta.ts';
import type { Article, ArticleMeta, Corpus, CorpusProblem, Paragraph } from './types.ts';

export { CorpusError } from './errors.ts';

export type ArticleFormat = 'text' | 'markdown' | 'html';

const FORMATS: Record<string, ArticleFormat> = {
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
};
const SIDECAR_SUFFIX = '.meta.json';
const DOC_FILE_RE =
  /^(?:readme|license|licence|changelog|changes|contributing|notice|authors|copying)(?:\.[\w.]+)?$/i;
/** Larger files are not news articles; reading them would only slow start-up. */
const MAX_BYTES = 10 * 1024 * 1024;
/**
 * Kept text beyond this is not read: the longest features run to ~60,000 characters, and extraction and search
 * grow with the text (a 3 MB file took half a minute to load and a third of a second per question).
 */
export const MAX_ARTICLE_CHARS = 100_000;

/** The input of `parseArticle`: a file's bytes and, when present, its sidecar's. */
export interface ArticleFile {
  id: string;
  /** File name relative to the corpus folder. */
  file: string;
  format: ArticleFormat;
  bytes: Uint8Array;
  sidecar?: Uint8Array | undefined;
  /** `hashArticle` of the bytes and the sidecar, when the caller already has it. */
  hash?: string | undefined;
}

/** The article format of a file name, or null when the extension is not one we read. */
export function formatOf(file: string): ArticleFormat | null {
  return FORMATS[extname(file).toLowerCase()] ?? null;
}

/** The article id of a file name: the name without its extension. */
export function articleIdOf(file: string): string {
  const ext = extname(file);
  return ext ? file.slice(0, -ext.length) : file;
}

function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m?.[1]?.toLowerCase() ?? null;
}

/** windows-1252's 0x80-0x9F block (undefined bytes map to themselves, as browsers do). */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const CP1252_LABELS = /^(?:windows-1252|cp1252|x-cp1252|iso-8859-1|iso8859-1|latin1|l1|us-ascii|ascii)$/;

/**
 * Decodes a page in a declared character set. Browsers read latin1 labels as windows-1252; Node 20's
 * TextDecoder reads them as plain latin1 and would turn curly quotes into control characters.
 */
function decodeCharset(bytes: Uint8Array, charset: string): string {
  if (!CP1252_LABELS.test(charset)) return new TextDecoder(charset).decode(bytes);
  let out = '';
  for (const byte of bytes) {
    out += byte >= 0x80 && byte < 0xa0 ? (CP1252_HIGH[byte - 0x80] ?? '') : String.fromCharCode(byte);
  }
  return out;
}

/** Decodes a file's bytes as text, or throws ArticleFileError saying why it is not a text article. */
export function decodeText(bytes: Uint8Array, format: ArticleFormat): string {
  if (bytes.length === 0) throw new ArticleFileError('empty file');
  if (bytes.subarray(0, 8192).includes(0))
    throw new ArticleFileError('binary file (contains NUL bytes), not text');
  const charset = format === 'html' ? declaredCharset(bytes) : null;
  let text: string;
  if (charset && !/^utf-?8$/.test(charset)) {
    try {
      text = decodeCharset(bytes, charset);
    } catch {
      throw new ArticleFileError(`unknown character set "${charset}" declared in the page`);
    }
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Text that is not UTF-8 is, for English news, almost always a Windows or Latin-1 save; browsers make the
      // same guess for pages that declare nothing.
      text = decodeCharset(bytes, 'windows-1252');
    }
  }
  if (!text.trim()) throw new ArticleFileError('empty file (only whitespace)');
  return text;
}

/** Hashes a file's bytes and its sidecar's, so a change to either is noticed. */
export function hashArticle(bytes: Uint8Array, sidecar?: Uint8Array): string {
  const hash = createHash('sha256').update(bytes);
  if (sidecar) hash.update(sidecar);
  return hash.digest('hex');
}

/** A title for an article without headline or metadata title: its first sentence, shortened. */
function fallbackTitle(paragraphs: readonly Paragraph[]): string | undefined {
  const first = paragraphs.find((p) => p.kind !== 'caption')?.text;
  if (!first) return undefined;
  const sentence = /^.+?[.!?](?=\s|$)/.exec(first)?.[0] ?? first;
  return sentence.length <= 100 ? sentence : `${sentence.slice(0, 99).replace(/\s+\S*$/, '')}…`;
}

/** Keeps the paragraphs within MAX_ARTICLE_CHARS and records the rest as one dropped block saying so. */
function capLength(cleaned: CleanResult): CleanResult {
  let total = 0;
  let cut = 0;
  while (cut < cleaned.paragraphs.length && total <= MAX_ARTICLE_CHARS) {
    total += cleaned.paragraphs[cut]?.text.length ?? 0;
    cut++;
  }
  // The paragraph that crosses the limit is the first one left out; a first paragraph alone is always kept.
  cut = total > MAX_ARTICLE_CHARS ? Math.max(1, cut - 1) : cut;
  if (cut >= cleaned.paragraphs.length) return cleaned;
  const rest = cleaned.paragraphs.slice(cut);
  const chars = rest.reduce((sum, p) => sum + p.text.length, 0);
  const first = rest[0]?.text ?? '';
  return {
    ...cleaned,
    paragraphs: cleaned.paragraphs.slice(0, cut),
    dropped: [
      ...cleaned.dropped,
      {
        text: first.length > 200 ? `${first.slice(0, 200)}…` : first,
        reason: `past the ${MAX_ARTICLE_CHARS.toLocaleString('en-US')}-character limit of one article: this and ${rest.length - 1} more paragraphs (${chars.toLocaleString('en-US')} characters) are not read`,
      },
    ],
  };
}

/** Why a file has no article text, in words a user can act on: the language, or what its blocks looked like. */
function whyNoText(cleaned: CleanResult): string {
  const text = [...cleaned.paragraphs, ...cleaned.dropped].map((b) => b.text).join(' ');
  const latin = (text.match(/\p{Script=Latin}/gu) ?? []).length;
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (letters > 0 && latin / letters < 0.5)
    return 'no article text found (factdesk reads articles in English)';
  const furniture = cleaned.dropped.filter((d) => d.reason !== NOTHING_AROUND);
  const reasons = [...new Set(furniture.map((d) => d.reason))].slice(0, 3);
  const short = furniture.length < cleaned.dropped.length ? ['short lines such as a headline'] : [];
  const seen = [...reasons, ...short];
  return `no article text found (no paragraph of prose${seen.length ? `, only ${seen.join(', ')}` : ''})`;
}

/** Parses and cleans one article file; throws ArticleFileError when it cannot be used. */
export async function parseArticle(input: ArticleFile): Promise<Article> {
  const text = decodeText(input.bytes, input.format);
  let sidecarMeta: ArticleMeta = {};
  if (input.sidecar) {
    try {
      sidecarMeta = parseSidecar(Buffer.from(input.sidecar).toString('utf8'));
    } catch (error) {
      if (!(error instanceof ArticleFileError)) throw error;
      throw new ArticleFileError(`sidecar ${input.id}${SIDECAR_SUFFIX}: ${error.message}`);
    }
  }
  let pageMeta: ArticleMeta = {};
  let blocks: Block[];
  if (input.format === 'markdown') {
    ({ meta: pageMeta, blocks } = await parseMarkdown(text));
  } else if (input.format === 'html') {
    ({ meta: pageMeta, blocks } = await extractHtml(text));
  } else {
    blocks = splitTextBlocks(text);
  }
  const given = mergeMeta(pageMeta, sidecarMeta);
  const cleaned = capLength(
    cleanBlocks(blocks, {
      titles: [given.title, pageMeta.title].filter((t): t is string => t !== undefined),
      pageTitle: input.format === 'html' ? pageMeta.title : undefined,
    }),
  );
  if (!cleaned.paragraphs.some((p) => p.kind === 'body')) throw new ArticleFileError(whyNoText(cleaned));
  const found: ArticleMeta = {};
  if (cleaned.byline) found.byline = cleaned.byline;
  if (cleaned.published) found.published = cleaned.published;
  const meta = mergeMeta(found, given);
  return {
    id: input.id,
    file: input.file,
    title: meta.title ?? cleaned.headline ?? fallbackTitle(cleaned.paragraphs) ?? input.id,
    meta,
    paragraphs: cleaned.paragraphs,
    dropped: cleaned.dropped,
    hash: input.hash ?? hashArticle(input.bytes, input.sidecar),
  };
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new ArticleFileError(`cannot be read (${code})`);
  }
}

async function listFolder(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() || e.isSymbolicLink())
      .map((e) => e.name)
      .sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CorpusError(dir, 'does not exist');
    if (code === 'ENOTDIR') throw new CorpusError(dir, 'is not a folder');
    throw new CorpusError(dir, `cannot be read (${code ?? String(error)})`);
  }
}

/** A corpus folder read but not yet parsed: each article file's bytes and hash, and the files already refused. */
export interface CorpusScan {
  dir: string;
  files: Array<ArticleFile & { hash: string }>;
  problems: CorpusProblem[];
}

/** Reads and hashes every article file of a corpus folder; files that cannot be read are listed in `problems`. */
export async function scanCorpus(dir: string): Promise<CorpusScan> {
  const names = (await listFolder(dir)).filter((name) => !name.startsWith('.') && !DOC_FILE_RE.test(name));
  const sidecars = new Set(names.filter((name) => name.toLowerCase().endsWith(SIDECAR_SUFFIX)));
  const problems: CorpusProblem[] = [];
  const ids = new Map<string, string>();
  const jobs: Array<{ input: Omit<ArticleFile, 'bytes' | 'sidecar'>; sidecar: string | undefined }> = [];

  for (const name of names) {
    if (sidecars.has(name)) continue;
    const format = formatOf(name);
    if (!format) {
      const ext = extname(name) || 'no extension';
      problems.push({ file: name, reason: `unsupported file type "${ext}" (expected .txt, .md or .html)` });
      continue;
    }
    const id = articleIdOf(name);
    const twin = ids.get(id);
    if (twin) {
      problems.push({ file: name, reason: `duplicate article id "${id}" (${twin} has the same name)` });
      continue;
    }
    ids.set(id, name);
    const sidecar = [...sidecars].find((s) => s.slice(0, -SIDECAR_SUFFIX.length) === id);
    jobs.push({ input: { id, file: name, format }, sidecar });
  }
  for (const sidecar of sidecars) {
    if (!ids.has(sidecar.slice(0, -SIDECAR_SUFFIX.length))) {
      problems.push({
        file: sidecar,
        reason: 'sidecar without an article beside it (expected the same name as .txt, .md or .html)',
      });
    }
  }

  const read = await Promise.all(
    jobs.map(async ({ input, sidecar }) => {
      try {
        const bytes = await readBytes(join(dir, input.file));
        if (bytes.length > MAX_BYTES)
          throw new ArticleFileError(`too large (${bytes.length} bytes; the limit is ${MAX_BYTES})`);
        const sidecarBytes = sidecar ? await readBytes(join(dir, sidecar)) : undefined;
        return { ...input, bytes, sidecar: sidecarBytes, hash: hashArticle(bytes, sidecarBytes) };
      } catch (error) {
        if (!(error instanceof ArticleFileError)) throw error;
        return { file: input.file, reason: error.message } satisfies CorpusProblem;
      }
    }),
  );
  const files: CorpusScan['files'] = [];
  for (const item of read) {
    if ('hash' in item) files.push(item);
    else problems.push(item);
  }
  return { dir, files, problems };
}

/** Parses and cleans the scanned files; a file that cannot be used joins `problems`. Throws on an empty corpus. */
export async function parseCorpus(scan: CorpusScan): Promise<Corpus> {
  const problems = [...scan.problems];
  const parsed = await Promise.all(
    scan.files.map(async (file) => {
      try {
        return await parseArticle(file);
      } catch (error) {
        if (!(error instanceof ArticleFileError)) throw error;
        return { file: file.file, reason: error.message } satisfies CorpusProblem;
      }
    }),
  );
  const articles: Article[] = [];
  for (const item of parsed) {
    if ('id' in item) articles.push(item);
    else problems.push(item);
  }
  return checkCorpus(scan.dir, { articles, problems });
}

/** Sorts the problems and refuses a corpus with no article: the one place an empty corpus becomes an error. */
export function checkCorpus(dir: string, corpus: Corpus): Corpus {
  const problems = [...corpus.problems].sort((a, b) => a.file.localeCompare(b.file));
  if (corpus.articles.length === 0) {
    const summary = problems.length
      ? 'has no loadable article'
      : 'has no article files (expected .txt, .md or .html files)';
    throw new CorpusError(dir, summary, problems);
  }
  return { articles: corpus.articles, problems };
}

/** Loads every article file of a corpus folder; unreadable files are reported in `problems` and skipped. */
export async function loadCorpus(dir: string): Promise<Corpus> {
  return parseCorpus(await scanCorpus(dir));
}
