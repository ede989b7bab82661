/**
 * The daily digest: the lead article's headline and cited key points, what is new since the channel's last post,
 * and the other headlines, as a transport-free payload (title, description, fields, footer) that already
 * respects Discord's embed limits. The footer carries the occurrence's marker so the post can be found again.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Article } from '../../corpus/types.ts';
import type { Engine } from '../../engine.ts';
import type { Citation } from '../../schema.ts';
import { formatOccurrence } from '../../store/store.ts';
import type { ArticleStamp } from '../../store/types.ts';
import { LIMITS } from '../layout.ts';
import { byRecency, pickLeadArticle } from './lead.ts';

export const digestPayloadSchema = z.object({
  title: z.string().min(1).max(LIMITS.title),
  url: z.string().nullable(),
  description: z.string().min(1).max(LIMITS.description),
  fields: z
    .array(
      z.object({
        name: z.string().min(1).max(LIMITS.fieldName),
        value: z.string().min(1).max(LIMITS.fieldValue),
      }),
    )
    .max(LIMITS.fields),
  footer: z.string().min(1).max(LIMITS.footer),
  /** The occurrence's scheduled time (ISO), shown by Discord in the reader's own time zone. */
  timestamp: z.string(),
});
/** One summary post, ready for an embed renderer. */
export type DigestPayload = z.infer<typeof digestPayloadSchema>;

/** An article added or changed (by content hash) since the channel's last post. */
export interface ArticleChange {
  id: string;
  title: string;
  url: string | null;
  kind: 'new' | 'updated';
}

export interface Digest {
  payload: DigestPayload;
  /** Every article of the corpus as this post covers it: the next post's "new since" compares against these. */
  articles: ArticleStamp[];
  corpusHash: string;
  changes: ArticleChange[];
  /** True when the channel had a post before and no article was added or changed since. */
  unchanged: boolean;
}

export interface DigestInput {
  engine: Pick<Engine, 'articles' | 'summary'>;
  /** The articles the channel's last post covered; null when nothing was posted there yet. */
  previous: readonly ArticleStamp[] | null;
  /** The occurrence's scheduled time. */
  at: Date;
  /** The schedule's time zone, for the footer's local date. */
  timezone: string;
}

const MAX_POINTS = 5;
const MAX_POINT_CHARS = 600;
const MAX_LISTED_ARTICLES = 10;

/** The text a post's footer carries so the post can be recognised later (after a crash mid-post). */
export function occurrenceMarker(at: Date): string {
  return `ref ${formatOccurrence(at)}`;
}

/** A stable hash of a corpus: its articles' ids and content hashes. */
export function hashCorpus(articles: readonly ArticleStamp[]): string {
  const lines = articles.map((a) => `${a.id}\t${a.hash}\n`).sort();
  return createHash('sha256').update(lines.join('')).digest('hex');
}

/** The articles added or changed since a post that covered `previous`. */
export function findChanges(
  articles: readonly Article[],
  previous: readonly ArticleStamp[],
): ArticleChange[] {
  const hashes = new Set(previous.map((a) => a.hash));
  const ids = new Set(previous.map((a) => a.id));
  return articles
    .filter((a) => !hashes.has(a.hash))
    .map((a) => ({
      id: a.id,
      title: a.title,
      url: a.meta.url ?? null,
      kind: ids.has(a.id) ? 'updated' : 'new',
    }));
}

/** Builds the digest for one occurrence; null when the corpus has no article to summarise. */
export function buildDigest(input: DigestInput): Digest | null {
  const { engine, previous, at, timezone } = input;
  const articles = engine.articles;
  if (articles.length === 0) return null;
  const stamps = articles.map((a) => ({ id: a.id, hash: a.hash }));
  const changes = previous ? findChanges(articles, previous) : [];
  const lead = pickLeadArticle(articles, new Set(changes.map((c) => c.id)));
  const summary = engine.summary({ article: lead.id });

  const url = lead.meta.url ?? null;
  const points = summary.points.slice(0, MAX_POINTS).map((p) => formatPoint(p.text, p.citations, lead.id));
  const description = fitLines(
    [
      ...(points.length ? points : ['_No key points could be drawn from this article._']),
      ...(url ? ['', `[Read the article](${url})`] : []),
    ],
    LIMITS.description,
  );

  const fields: DigestPayload['fields'] = [];
  if (changes.length) {
    fields.push({
      name: 'New since the last post',
      value: fitLines(
        changes.map((c) => `• ${c.kind === 'new' ? 'New' : 'Updated'}: ${linkTitle(c.title, c.url)}`),
        LIMITS.fieldValue,
      ),
    });
  }
  const others = articles.filter((a) => a !== lead);
  if (others.length) {
    fields.push({
      name: 'More articles',
      value: fitLines(
        [...others]
          .sort(byRecency)
          .slice(0, MAX_LISTED_ARTICLES)
          .map((a) => `• ${linkTitle(a.title, a.meta.url ?? null)}`)
          .concat(
            others.length > MAX_LISTED_ARTICLES ? [`…and ${others.length - MAX_LISTED_ARTICLES} more`] : [],
          ),
        LIMITS.fieldValue,
      ),
    });
  }

  const payload: DigestPayload = {
    title: clip(summary.title || lead.title || lead.id, LIMITS.title),
    url,
    description,
    fields,
    footer: `Daily summary · ${formatLocal(at, timezone)} · ${occurrenceMarker(at)}`,
    timestamp: at.toISOString(),
  };
  return {
    payload: fitTotal(payload),
    articles: stamps,
    corpusHash: hashCorpus(stamps),
    changes,
    unchanged: previous !== null && changes.length === 0,
  };
}

/** Newest first by publication date; undated articles after dated ones, later files first. */
function formatPoint(text: string, citations: readonly Citation[], articleId: string): string {
  const paragraphs = [...new Set(citations.filter((c) => c.article === articleId).map((c) => c.paragraph))];
  const markers =
    /\[¶\d+/.test(text) || !paragraphs.length ? '' : ` [${paragraphs.map((n) => `¶${n}`).join(', ')}]`;
  return `• ${escapeMarkdown(clip(text, MAX_POINT_CHARS))}${markers}`;
}

function linkTitle(title: string, url: string | null): string {
  const text = escapeMarkdown(clip(title, 200)).replace(/[[\]]/g, '');
  return url ? `[${text}](${url})` : text;
}

/**
 * Keeps Discord from reading an article's asterisks, underscores or pipes as formatting, and its `@everyone` or
 * `<@id>` as mentions (a zero-width space breaks the syntax without changing how it reads).
 */
function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\*_~`|])/g, '\\$1')
    .replace(/@(everyone|here)/gi, '@\u200b$1')
    .replace(/<(@[!&]?|#|\/)/g, '<\u200b$1');
}

/** Shortens text to `max` characters at a word boundary, with an ellipsis. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Joins lines, dropping whole lines from the end (never cutting a quote) until the text fits. */
function fitLines(lines: readonly string[], max: number): string {
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    const extra = line.length + (kept.length ? 1 : 0);
    if (length + extra > max) break;
    kept.push(line);
    length += extra;
  }
  return kept.length ? kept.join('\n') : clip(lines[0] ?? '…', max);
}

/** Drops trailing fields until the embed's characters fit Discord's total limit. */
function fitTotal(payload: DigestPayload): DigestPayload {
  const size = (p: DigestPayload): number =>
    p.title.length +
    p.description.length +
    p.footer.length +
    p.fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  const fields = [...payload.fields];
  while (fields.length && size({ ...payload, fields }) > LIMITS.embedTotal) fields.pop();
  return { ...payload, fields };
}

function formatLocal(at: Date, timezone: string): string {
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return `${local} ${timezone}`;
}
