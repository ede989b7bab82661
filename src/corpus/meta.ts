/**
 * Article metadata given beside the text: a `<id>.meta.json` sidecar or Markdown front matter. Both are
 * validated with zod, and a bad field is reported by name with what was expected.
 */
import { z } from 'zod';
import { collapseWhitespace } from '../nlp/normalize.ts';
import { ArticleFileError } from './errors.ts';
import type { ArticleMeta } from './types.ts';

const ISO_DATE_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Whether a string is an ISO day (`2020-10-05`) or date-time with a real calendar day and time. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE_RE.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi, s] = m.map((x) => (x === undefined ? undefined : Number(x)));
  if (y === undefined || mo === undefined || d === undefined) return false;
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return false;
  return (h ?? 0) < 24 && (mi ?? 0) < 60 && (s ?? 0) < 61;
}

const text = z
  .string({ error: 'expected a string' })
  .transform(collapseWhitespace)
  .refine((v) => v.length > 0, { error: 'expected a non-empty string' });

const fields = {
  title: text.optional(),
  source: text.optional(),
  url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  byline: text.optional(),
  published: z
    .string({ error: 'expected an ISO date (YYYY-MM-DD or a date-time)' })
    .refine(isIsoDate, { error: 'expected an ISO date (YYYY-MM-DD or a date-time)' })
    .optional(),
};

/** A sidecar is our own format, so an unknown key is more likely a typo than extra data: reject it. */
export const sidecarSchema = z.strictObject(fields, { error: 'expected a JSON object' });

/**
 * Front matter is written for other tools too (tags, layout...), so unknown keys are ignored, and the common
 * spellings `author` and `date` stand for `byline` and `published`.
 */
const frontMatterSchema = z.looseObject(fields, { error: 'expected key: value pairs' });

/** Turns zod issues into one line that names each field and what was expected. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      if (issue.code === 'unrecognized_keys') {
        const keys = issue.keys.map((k) => `"${k}"`).join(', ');
        return `unknown field ${keys} (expected only title, source, url, byline, published)`;
      }
      const field = issue.path.length ? `field "${issue.path.join('.')}"` : 'the file';
      return `${field}: ${issue.message}`;
    })
    .join('; ');
}

function toMeta(data: z.infer<typeof sidecarSchema>): ArticleMeta {
  const meta: ArticleMeta = {};
  for (const key of ['title', 'source', 'url', 'byline', 'published'] as const) {
    const value = data[key];
    if (value !== undefined) meta[key] = value;
  }
  return meta;
}

/** Parses and validates a `<id>.meta.json` sidecar; throws ArticleFileError naming the bad field. */
export function parseSidecar(json: string): ArticleMeta {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new ArticleFileError(`invalid JSON (${(error as Error).message})`);
  }
  const result = sidecarSchema.safeParse(data);
  if (!result.success) throw new ArticleFileError(describeIssues(result.error));
  return toMeta(result.data);
}

/** Validates front matter already parsed from YAML; throws ArticleFileError naming the bad field. */
export function validateFrontMatter(data: unknown): ArticleMeta {
  if (data === null || data === undefined) return {};
  const aliased =
    typeof data === 'object' && !Array.isArray(data) ? withAliases(data as Record<string, unknown>) : data;
  const result = frontMatterSchema.safeParse(aliased);
  if (!result.success) throw new ArticleFileError(`front matter ${describeIssues(result.error)}`);
  return toMeta(result.data);
}

function withAliases(data: Record<string, unknown>): Record<string, unknown> {
  const out = { ...data };
  if (out.byline === undefined && out.author !== undefined) out.byline = out.author;
  if (Array.isArray(out.byline) && out.byline.every((a) => typeof a === 'string')) {
    out.byline = out.byline.join(', ');
  }
  // YAML reads `title: 1984` or `source: 9to5` style values as numbers; the writer meant the text.
  for (const key of ['title', 'source', 'byline'] as const) {
    if (typeof out[key] === 'number' && Number.isFinite(out[key])) out[key] = String(out[key]);
  }
  if (out.published === undefined && out.date !== undefined) out.published = out.date;
  // YAML 1.1 tools write unquoted dates that some parsers turn into Date objects; accept them as days.
  if (out.published instanceof Date && !Number.isNaN(out.published.getTime())) {
    out.published = out.published.toISOString().slice(0, 10);
  }
  return out;
}

/** Merges metadata sources: later ones win field by field. */
export function mergeMeta(...sources: ArticleMeta[]): ArticleMeta {
  const out: ArticleMeta = {};
  for (const source of sources) {
    for (const key of ['title', 'source', 'url', 'byline', 'published'] as const) {
      const value = source[key];
      if (value !== undefined) out[key] = value;
    }
  }
  return out;
}
