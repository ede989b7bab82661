/**
 * The shape of every reply and Discord's size limits. Renderers build `ReplyPayload`s from blocks of text with
 * citations; `paginate` splits long lists into pages instead of cutting them, and `fitPayload` is the last
 * guard that makes any payload acceptable to Discord (a payload over a limit is rejected whole, with a 400).
 */
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import type { Citation } from '../schema.ts';
import { CUSTOM_ID_MAX, encodeParagraphId } from './custom-id.ts';
import { escapeText, truncateText } from './escape.ts';

/** Discord's documented limits for message payloads, embeds, components and autocomplete. */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
  rows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** What the bot sends: message content and embeds, buttons, and whether only the asker sees it. */
export interface ReplyPayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  ephemeral: boolean;
}

/** An article as the renderer names it: title, link and where it came from. */
export interface ArticleRef {
  id: string;
  title: string;
  url: string | null;
  source: string | null;
  published: string | null;
}

/** One item of a list: its text (already escaped) and the citations its markers and buttons point at. */
export interface Block {
  text: string;
  citations: readonly Citation[];
}

export const EMBED_COLOR = 0x2b6cb0;
/** Room left on a page for the list itself once title, footer and intro are counted. */
const PAGE_BUDGET = 3600;
const ITEMS_PER_PAGE = 6;
const BLOCK_MAX = 1000;
/** Quotes inside lists are shortened; "Show paragraph" reveals the whole text. */
export const LIST_QUOTE_MAX = 300;

/** Label for an article when the corpus has several: A, B, … Z, AA, …; empty for a single article. */
export function articleLabel(articleId: string, articles: readonly ArticleRef[]): string {
  if (articles.length <= 1) return '';
  let index = articles.findIndex((a) => a.id === articleId);
  if (index < 0) return '?';
  let label = '';
  do {
    label = String.fromCharCode(65 + (index % 26)) + label;
    index = Math.floor(index / 26) - 1;
  } while (index >= 0);
  return label;
}

/** The citation marker shown after a quote: `[¶7]`, or `[B ¶7]` when several articles are indexed. */
export function citationMarker(c: Citation, articles: readonly ArticleRef[]): string {
  const label = articleLabel(c.article, articles);
  return `[${label ? `${label} ` : ''}¶${c.paragraph}]`;
}

/** Every distinct marker of a list of citations, in order. */
export function citationMarkers(citations: readonly Citation[], articles: readonly ArticleRef[]): string {
  return [...new Set(citations.map((c) => citationMarker(c, articles)))].join(' ');
}

/** A citation as a block quote followed by its marker. */
export function quoteLine(c: Citation, articles: readonly ArticleRef[], max = LIST_QUOTE_MAX): string {
  return `> ${truncateText(escapeText(c.quote), max)} ${citationMarker(c, articles)}`;
}

/** Splits blocks into pages that each fit an embed and stay short enough to read. */
export function paginate<T extends Block>(
  blocks: readonly T[],
  budget = PAGE_BUDGET,
  perPage = ITEMS_PER_PAGE,
): T[][] {
  const pages: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const raw of blocks) {
    const block = raw.text.length > BLOCK_MAX ? { ...raw, text: truncateText(raw.text, BLOCK_MAX) } : raw;
    const size = block.text.length + 2;
    if (current.length > 0 && (current.length >= perPage || used + size > budget)) {
      pages.push(current);
      current = [];
      used = 0;
    }
    current.push(block);
    used += size;
  }
  if (current.length > 0) pages.push(current);
  return pages;
}

/** The footer naming the articles a reply cites: title and link for one, labelled titles for several. */
export function articleFooter(cited: readonly string[], articles: readonly ArticleRef[]): string {
  const refs = articles.filter((a) => cited.includes(a.id));
  const shown = refs.length > 0 ? refs : articles.length === 1 ? articles : [];
  if (shown.length === 1 && shown[0]) {
    const a = shown[0];
    return [a.title, a.url].filter(Boolean).join(' · ');
  }
  return shown.map((a) => `${articleLabel(a.id, articles)}: ${a.title}`).join(' · ');
}

/** The link for an embed title: the article's URL when the reply cites exactly one article with a usable URL. */
export function articleUrl(cited: readonly string[], articles: readonly ArticleRef[]): string | undefined {
  const ids = new Set(cited);
  const only =
    ids.size === 1 ? articles.find((a) => ids.has(a.id)) : articles.length === 1 ? articles[0] : undefined;
  if (!only?.url) return undefined;
  try {
    const url = new URL(only.url);
    // Discord rejects the whole message when an embed URL is not http(s).
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** "Show ¶n" buttons for the distinct paragraphs cited, in order, at most `max` (5 per row). */
export function paragraphButtons(
  citations: readonly Citation[],
  articles: readonly ArticleRef[],
  max: number = LIMITS.buttonsPerRow,
): APIActionRowComponent<APIButtonComponent>[] {
  const seen = new Set<string>();
  const buttons: APIButtonComponent[] = [];
  for (const c of citations) {
    const key = `${c.article}\u0000${c.paragraph}`;
    if (seen.has(key) || buttons.length >= max) continue;
    seen.add(key);
    const index = Math.max(
      0,
      articles.findIndex((a) => a.id === c.article),
    );
    const label = articleLabel(c.article, articles);
    buttons.push({
      type: 2,
      style: 2,
      label: `Show ${label ? `${label} ` : ''}¶${c.paragraph}`,
      custom_id: encodeParagraphId(c.article, index, c.paragraph),
    });
  }
  return chunk(buttons, LIMITS.buttonsPerRow).map((components) => ({ type: 1, components }));
}

/** The Previous / "Page x of y" / Next row. */
export function pagingRow(
  page: number,
  pageCount: number,
  pageId: (page: number) => string,
): APIActionRowComponent<APIButtonComponent> {
  return {
    type: 1,
    components: [
      { type: 2, style: 2, label: '◀ Previous', custom_id: pageId(page - 1), disabled: page <= 0 },
      {
        type: 2,
        style: 2,
        label: `Page ${page + 1} of ${pageCount}`,
        custom_id: 'noop:page',
        disabled: true,
      },
      { type: 2, style: 2, label: 'Next ▶', custom_id: pageId(page + 1), disabled: page >= pageCount - 1 },
    ],
  };
}

/** What a paged list needs besides its blocks. */
export interface ListSpec {
  title: string;
  /** Shown above the items on every page (already escaped). */
  intro?: string;
  blocks: readonly Block[];
  /** The sentence shown when there are no items. */
  empty: string;
  articles: readonly ArticleRef[];
  /** Articles the list is about (for the footer when nothing is cited). */
  scope?: readonly string[];
  page: number;
  /** Makes the id of a page's button; without it, a long list shows its first page only. */
  pageId?: ((page: number) => string) | undefined;
  ephemeral?: boolean;
}

/** Renders one page of a list as an embed with citation buttons and paging. */
export function renderList(spec: ListSpec): ReplyPayload {
  const pages = paginate(spec.blocks);
  const pageCount = Math.max(1, pages.length);
  const page = Math.min(Math.max(0, spec.page), pageCount - 1);
  const blocks = pages[page] ?? [];
  const citations = blocks.flatMap((b) => b.citations);
  const cited = [...new Set(citations.map((c) => c.article))];
  const footerIds = cited.length > 0 ? cited : (spec.scope ?? []);
  const body = blocks.length > 0 ? blocks.map((b) => b.text).join('\n\n') : spec.empty;
  const description = [spec.intro, body].filter(Boolean).join('\n\n');
  const embed: APIEmbed = { color: EMBED_COLOR, title: truncateText(spec.title, LIMITS.title), description };
  const url = articleUrl(footerIds, spec.articles);
  if (url) embed.url = url;
  const footer = articleFooter(footerIds, spec.articles);
  if (footer) embed.footer = { text: footer };
  const paging = pageCount > 1 && spec.pageId ? [pagingRow(page, pageCount, spec.pageId)] : [];
  const rows = [...paragraphButtons(citations, spec.articles, 10), ...paging];
  return fitPayload({ embeds: [embed], components: rows, ephemeral: spec.ephemeral ?? false });
}

/** A short plain-text reply (notices, errors): only the asker sees it unless told otherwise. */
export function renderNotice(text: string, ephemeral = true): ReplyPayload {
  return { content: truncateText(text, LIMITS.content), embeds: [], components: [], ephemeral };
}

/** Characters an embed counts against the 6,000 total. */
export function embedSize(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** Enforces every Discord limit on a payload, shortening text and dropping what cannot fit. */
export function fitPayload(payload: ReplyPayload): ReplyPayload {
  let remaining: number = LIMITS.embedTotal;
  const embeds: APIEmbed[] = [];
  for (const raw of payload.embeds.slice(0, LIMITS.embeds)) {
    const embed = fitEmbed(raw);
    const size = embedSize(embed);
    if (size <= remaining) {
      embeds.push(embed);
      remaining -= size;
      continue;
    }
    const shrunk = shrinkEmbed(embed, remaining);
    if (shrunk) embeds.push(shrunk);
    break;
  }
  const components = payload.components.slice(0, LIMITS.rows).map((row) => ({
    ...row,
    components: row.components
      .slice(0, LIMITS.buttonsPerRow)
      .map((b) =>
        'label' in b && typeof b.label === 'string'
          ? { ...b, label: truncateText(b.label, LIMITS.buttonLabel) }
          : b,
      ),
  }));
  const valid = components
    .map((row) => ({
      ...row,
      components: row.components.filter((b) => !('custom_id' in b) || b.custom_id.length <= CUSTOM_ID_MAX),
    }))
    .filter((row) => row.components.length > 0);
  const out: ReplyPayload = { embeds, components: valid, ephemeral: payload.ephemeral };
  if (payload.content !== undefined) out.content = truncateText(payload.content, LIMITS.content);
  return out;
}

function fitEmbed(e: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...e };
  if (e.title !== undefined) out.title = truncateText(e.title, LIMITS.title);
  if (e.description !== undefined) out.description = truncateText(e.description, LIMITS.description);
  if (e.footer) out.footer = { ...e.footer, text: truncateText(e.footer.text, LIMITS.footer) };
  if (e.author) out.author = { ...e.author, name: truncateText(e.author.name, LIMITS.author) };
  if (e.fields) {
    out.fields = e.fields.slice(0, LIMITS.fields).map((f) => ({
      ...f,
      name: truncateText(f.name, LIMITS.fieldName) || '\u200b',
      value: truncateText(f.value, LIMITS.fieldValue) || '\u200b',
    }));
  }
  return out;
}

/** Cuts an embed down to `budget` characters: fields go first, then the description is shortened. */
function shrinkEmbed(e: APIEmbed, budget: number): APIEmbed | undefined {
  const out: APIEmbed = { ...e };
  while (out.fields && out.fields.length > 0 && embedSize(out) > budget) out.fields = out.fields.slice(0, -1);
  const over = embedSize(out) - budget;
  if (over > 0 && out.description)
    out.description = truncateText(out.description, out.description.length - over);
  if (embedSize(out) > budget && out.footer) {
    out.footer = {
      ...out.footer,
      text: truncateText(out.footer.text, out.footer.text.length - (embedSize(out) - budget)),
    };
  }
  return embedSize(out) <= budget && embedSize(out) > 0 ? out : undefined;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
