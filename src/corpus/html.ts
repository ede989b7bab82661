/**
 * Saved web pages: @mozilla/readability (over linkedom's DOM) finds the article; its content is split into
 * blocks (paragraphs, subheadings, list items, quotes, figure captions) for the same boilerplate filter as
 * the other formats, since newsletter boxes and "read more" links often sit inside the article element.
 */
import { collapseWhitespace } from '../nlp/normalize.ts';
import type { Block, BlockTag } from './blocks.ts';
import { isIsoDate } from './meta.ts';
import type { ArticleMeta } from './types.ts';

/**
 * The few DOM members used here. The project compiles without the DOM library (it runs on Node), and
 * linkedom's own typings return the browser `Window`, so pages are read through this structural view.
 */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

interface DomDocument extends DomNode {
  body: DomNode | null;
  querySelector(selector: string): DomNode | null;
  querySelectorAll(selector: string): ArrayLike<DomNode>;
}

export interface ExtractedHtml {
  /** What the page says about itself (title, byline, published, source, url). */
  meta: ArticleMeta;
  blocks: Block[];
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const LEAF_TAGS: Record<string, BlockTag> = {
  P: 'p',
  H1: 'h1',
  H2: 'h',
  H3: 'h',
  H4: 'h',
  H5: 'h',
  H6: 'h',
  LI: 'li',
  DT: 'p',
  DD: 'p',
  PRE: 'p',
  BLOCKQUOTE: 'quote',
  FIGCAPTION: 'caption',
  CAPTION: 'caption',
  TD: 'p',
  TH: 'p',
};
const CONTAINER_TAGS = new Set([
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'UL',
  'OL',
  'DL',
  'FIGURE',
  'TABLE',
  'THEAD',
  'TBODY',
  'TFOOT',
  'TR',
  'BODY',
  'HTML',
  'FORM',
  'FIELDSET',
  'DETAILS',
  'CENTER',
  'HR',
]);
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'IMG',
  'PICTURE',
  'VIDEO',
  'AUDIO',
  'CANVAS',
  'OBJECT',
  'HEAD',
]);

interface Run {
  text: string;
  link: number;
}

function isBlockTag(name: string): boolean {
  return name in LEAF_TAGS || CONTAINER_TAGS.has(name);
}

function hasBlockChild(node: DomNode): boolean {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType !== ELEMENT_NODE) continue;
    if (isBlockTag(child.nodeName.toUpperCase()) || hasBlockChild(child)) return true;
  }
  return false;
}

/** Collects inline text with how much of it sits inside links. */
function collectInline(node: DomNode, inLink: boolean, out: Run): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === TEXT_NODE) {
      const text = child.textContent ?? '';
      out.text += text;
      if (inLink) out.link += text.replace(/\s+/g, '').length;
    } else if (child.nodeType === ELEMENT_NODE) {
      const name = child.nodeName.toUpperCase();
      if (SKIP_TAGS.has(name)) continue;
      if (name === 'BR') out.text += ' ';
      else collectInline(child, inLink || name === 'A', out);
    }
  }
}

/** Splits an element tree into blocks in reading order: leaf blocks by tag, loose text as paragraphs. */
export function splitHtmlBlocks(root: DomNode): Block[] {
  const blocks: Block[] = [];
  const emit = (run: Run, tag: BlockTag): void => {
    const text = collapseWhitespace(run.text);
    if (!text) return;
    const letters = text.replace(/\s+/g, '').length;
    blocks.push({ text, tag, linkShare: letters ? Math.min(1, run.link / letters) : 0 });
  };
  const walk = (node: DomNode, inLink: boolean, context: BlockTag | null): void => {
    let loose: Run = { text: '', link: 0 };
    const flushLoose = (): void => {
      emit(loose, context ?? 'p');
      loose = { text: '', link: 0 };
    };
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        const text = child.textContent ?? '';
        loose.text += text;
        if (inLink) loose.link += text.replace(/\s+/g, '').length;
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const name = child.nodeName.toUpperCase();
      if (SKIP_TAGS.has(name)) continue;
      const leaf = LEAF_TAGS[name];
      if (leaf && !hasBlockChild(child)) {
        flushLoose();
        const run: Run = { text: '', link: 0 };
        collectInline(child, inLink, run);
        emit(run, leaf === 'p' && context ? context : leaf);
      } else if (leaf || CONTAINER_TAGS.has(name)) {
        flushLoose();
        walk(child, inLink, leaf && leaf !== 'p' ? leaf : context);
      } else if (hasBlockChild(child)) {
        // An inline wrapper (span, a) around block elements: treat it as a container.
        flushLoose();
        walk(child, inLink || name === 'A', context);
      } else if (name === 'BR') {
        loose.text += ' ';
      } else {
        collectInline(child, inLink || name === 'A', loose);
      }
    }
    flushLoose();
  };
  walk(root, false, null);
  return blocks;
}

const PUBLISHED_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[property="og:published_time"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish-date"]',
  'meta[name="date"]',
  'meta[name="dc.date.issued"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dcterms.created"]',
  'meta[name="sailthru.date"]',
  'meta[name="parsely-pub-date"]',
  'time[itemprop="datePublished"]',
  'time[pubdate]',
];

/** An ISO form of a page's date string, or undefined when it is not a date. */
export function toIsoDate(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (isIsoDate(text)) return text;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function attr(node: DomNode | null, name: string): string | undefined {
  return node?.getAttribute?.(name)?.trim() || undefined;
}

/** Reads metadata from meta tags, before readability rewrites the document. */
function readMetaTags(doc: DomDocument): ArticleMeta {
  const meta: ArticleMeta = {};
  for (const selector of PUBLISHED_SELECTORS) {
    const node = doc.querySelector(selector);
    const value = toIsoDate(attr(node, 'content') ?? attr(node, 'datetime'));
    if (value) {
      meta.published = value;
      break;
    }
  }
  const url =
    attr(doc.querySelector('link[rel="canonical"]'), 'href') ??
    attr(doc.querySelector('meta[property="og:url"]'), 'content');
  if (url && /^https?:\/\//i.test(url)) meta.url = url;
  const site = attr(doc.querySelector('meta[property="og:site_name"]'), 'content');
  if (site) meta.source = collapseWhitespace(site);
  const author = attr(doc.querySelector('meta[name="author"]'), 'content');
  if (author && !/^https?:/i.test(author)) meta.byline = collapseWhitespace(author);
  return meta;
}

/** Cleans a byline for display: collapsed whitespace and no leading "By". */
export function tidyByline(byline: string): string {
  return collapseWhitespace(byline).replace(/^by[:\s]\s*/i, '');
}

// Inline SVG drawings, scripts, styles and base64 images can be most of a saved page's bytes and carry no article
// text; the DOM and readability would walk every node of them. JSON-LD scripts stay: readability reads their dates.
const HEAVY_ELEMENT_RE =
  /<(svg|style|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>|<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script\s*>|<!--[\s\S]*?-->/gi;
// Written as {256} then *: V8 runs `{256,}` over a megabyte of base64 a hundred times slower.
const DATA_URI_RE = /data:[^"'\s>)]{256}[^"'\s>)]*/g;

/** Removes page parts that hold no article text (drawings, code, inline images), so big pages parse fast. */
export function slimHtml(html: string): string {
  return html.replace(HEAVY_ELEMENT_RE, ' ').replace(DATA_URI_RE, 'data:,');
}

/** Extracts the article of a saved web page: its metadata and its content as blocks. */
export async function extractHtml(page: string): Promise<ExtractedHtml> {
  const html = slimHtml(page);
  // Loaded on demand: readability and linkedom cost ~100 ms to import and only .html files need them.
  const [{ parseHTML }, { Readability }] = await Promise.all([
    import('linkedom'),
    import('@mozilla/readability'),
  ]);
  const { document } = parseHTML(html) as unknown as { document: DomDocument };
  const meta = readMetaTags(document);
  // Readability's document type is the browser DOM's; linkedom's document is that shape at run time.
  const reader = new Readability<DomNode>(document as never, {
    serializer: (node) => node as unknown as DomNode,
  });
  const parsed = reader.parse();
  const title = collapseWhitespace(parsed?.title ?? '');
  if (title) meta.title = title;
  const byline = parsed?.byline ? tidyByline(parsed.byline) : '';
  if (byline) meta.byline = byline;
  else if (meta.byline) meta.byline = tidyByline(meta.byline);
  const published = toIsoDate(parsed?.publishedTime);
  if (published) meta.published = published;
  if (parsed?.siteName) meta.source = collapseWhitespace(parsed.siteName);
  // Readability rewrites the document it reads; when it finds no article, split a fresh copy of the page.
  const root = parsed?.content ?? (parseHTML(html) as unknown as { document: DomDocument }).document.body;
  return { meta, blocks: root ? splitHtmlBlocks(root) : [] };
}
