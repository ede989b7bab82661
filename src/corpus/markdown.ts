/**
 * Markdown articles: optional YAML front matter, then paragraphs separated by blank lines. Markdown syntax
 * (headings, emphasis, links, images, code spans, list markers) is stripped; the words stay verbatim.
 */
import { collapseWhitespace } from '../nlp/normalize.ts';
import { type Block, type BlockTag, normalizeNewlines } from './blocks.ts';
import { ArticleFileError } from './errors.ts';
import { validateFrontMatter } from './meta.ts';
import type { ArticleMeta } from './types.ts';

export interface ParsedMarkdown {
  meta: ArticleMeta;
  blocks: Block[];
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  hellip: '\u2026',
};

/** Decodes the HTML entities Markdown allows in text (`&amp;`, `&#8217;`, `&#x2019;`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Strips inline Markdown (links -> their text, emphasis, code spans, images -> alt text, inline HTML). */
export function stripInlineMarkdown(text: string): string {
  let out = text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/gi, '$1')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/`+([^`]+?)`+/g, '$1');
  // Emphasis markers: asterisks anywhere they pair up; underscores only at word edges (snake_case stays).
  for (let i = 0; i < 2; i++) {
    out = out
      .replace(/(\*{1,3})(?=\S)([^*]*?\S)\1/g, '$2')
      .replace(/(^|[^\p{L}\p{N}_])(_{1,3})(?=\S)(.*?\S)\2(?![\p{L}\p{N}_])/gu, '$1$3')
      .replace(/~~(?=\S)(.*?\S)~~/g, '$1');
  }
  out = out.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  return decodeEntities(out);
}

const EMPHASISED_RE = /^(\*{1,3}|_{1,3})(?=\S)[\s\S]*\S\1$/;

/** Reads `---` YAML front matter at the top of a file; returns it (unparsed) and the rest of the text. */
function splitFrontMatter(text: string): { yaml: string | null; body: string } {
  if (!/^---[ \t]*\n/.test(text)) return { yaml: null, body: text };
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    if (/^(?:---|\.\.\.)[ \t]*$/.test(lines[i] ?? '')) {
      return { yaml: lines.slice(1, i).join('\n'), body: lines.slice(i + 1).join('\n') };
    }
  }
  throw new ArticleFileError('front matter starts with "---" on line 1 but has no closing "---" line');
}

async function parseFrontMatter(yamlText: string): Promise<ArticleMeta> {
  // Loaded on demand: most corpora are .txt and need no YAML parser.
  const { parse } = await import('yaml');
  let data: unknown;
  try {
    data = parse(yamlText);
  } catch (error) {
    const e = error as Error & { linePos?: Array<{ line: number }> };
    const line = e.linePos?.[0]?.line;
    const where = line === undefined ? '' : ` at line ${line + 1}`;
    throw new ArticleFileError(`invalid front matter${where}: ${e.message.split('\n')[0]}`);
  }
  if (typeof data === 'string' || typeof data === 'number' || Array.isArray(data)) {
    throw new ArticleFileError('invalid front matter: expected "key: value" lines');
  }
  return validateFrontMatter(data);
}

/** Splits a Markdown body into blocks: headings, paragraphs, list items, block quotes and image captions. */
export function splitMarkdownBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  // The block being read; an object so that the closures below and the loop see the same state.
  const open: { lines: string[]; tag: BlockTag } = { lines: [], tag: 'p' };
  let inFence: string | null = null;
  const flush = (): void => {
    const raw = open.lines.join('\n').trim();
    const tag = open.tag;
    open.lines = [];
    open.tag = 'p';
    if (!raw) return;
    const text = collapseWhitespace(stripInlineMarkdown(raw));
    if (text) blocks.push({ text, tag, emphasis: EMPHASISED_RE.test(raw) });
  };
  const start = (next: BlockTag, line: string): void => {
    flush();
    open.tag = next;
    open.lines.push(line);
  };
  for (const line of body.split('\n')) {
    const fence = /^ {0,3}(```|~~~)/.exec(line);
    if (inFence !== null) {
      if (fence && fence[1] === inFence) inFence = null;
      continue;
    }
    if (fence?.[1]) {
      flush();
      inFence = fence[1];
      continue;
    }
    if (!line.trim() || /^ {0,3}<!--.*-->\s*$/.test(line)) {
      flush();
      continue;
    }
    const heading = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (heading) {
      start(heading[1] === '#' ? 'h1' : 'h', heading[2] ?? '');
      flush();
      continue;
    }
    const setext = /^ {0,3}(=+|-+)\s*$/.exec(line);
    if (setext && open.lines.length > 0 && open.tag === 'p') {
      open.tag = setext[1]?.startsWith('=') ? 'h1' : 'h';
      flush();
      continue;
    }
    if (/^ {0,3}([-*_])(?:\s*\1){2,}\s*$/.test(line) || /^ {0,3}\[[^\]]+\]:\s*\S+/.test(line)) {
      flush();
      continue;
    }
    if (/^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) continue;
    const image = /^\s*!\[([^\]]*)\]\([^)]*\)\s*$/.exec(line);
    if (image) {
      start('caption', image[1] ?? '');
      flush();
      continue;
    }
    const quote = /^ {0,3}>\s?(.*)$/.exec(line);
    if (quote) {
      if (open.tag !== 'quote') start('quote', quote[1] ?? '');
      else open.lines.push(quote[1] ?? '');
      continue;
    }
    const item = /^ {0,3}(?:[-*+•]|\d{1,9}[.)])\s+(.*)$/.exec(line);
    if (item) {
      start('li', item[1] ?? '');
      continue;
    }
    open.lines.push(line);
  }
  flush();
  return blocks;
}

/** Parses a Markdown article: validated front matter (if any) and the body's blocks. */
export async function parseMarkdown(raw: string): Promise<ParsedMarkdown> {
  const { yaml, body } = splitFrontMatter(normalizeNewlines(raw));
  const meta = yaml === null ? {} : await parseFrontMatter(yaml);
  return { meta, blocks: splitMarkdownBlocks(body) };
}
