/**
 * The engine's public answer shapes, defined once. The CLI prints them with `--json`, the Discord renderer
 * turns them into embeds, and tests validate against them.
 */
import { z } from 'zod';

export const citationSchema = z.object({
  /** Article id: the corpus file name without its extension. */
  article: z.string(),
  /** 1-based number of the kept paragraph, as shown by `factdesk article`. */
  paragraph: z.number().int().positive(),
  /** A verbatim sentence (or sentence part) of that paragraph. */
  quote: z.string().min(1),
});
export type Citation = z.infer<typeof citationSchema>;

export const entityKindSchema = z.enum(['person', 'organization', 'place']);
export type EntityKind = z.infer<typeof entityKindSchema>;

export const whoItemSchema = z.object({
  name: z.string(),
  kind: entityKindSchema,
  roles: z.array(z.string()),
  aliases: z.array(z.string()),
  mentions: z.number().int().nonnegative(),
  citations: z.array(citationSchema),
});
export type WhoItem = z.infer<typeof whoItemSchema>;

export const datePrecisionSchema = z.enum(['day', 'month', 'year', 'range', 'relative']);
export type DatePrecision = z.infer<typeof datePrecisionSchema>;

export const whenItemSchema = z.object({
  /** ISO prefix (`2024-03-05`, `1998-04`, `2011`, `2016/2018`), or null when nothing anchors the phrase. */
  date: z.string().nullable(),
  precision: datePrecisionSchema,
  /** True when the date depends on an inferred publication date. */
  inferred: z.boolean(),
  /** The date phrase as written ("a year later", "March 5"). */
  label: z.string(),
  event: z.string(),
  citations: z.array(citationSchema),
});
export type WhenItem = z.infer<typeof whenItemSchema>;

export const claimItemSchema = z.object({
  speaker: z.string(),
  verb: z.string(),
  claim: z.string(),
  hedged: z.boolean(),
  date: z.string().nullable(),
  citations: z.array(citationSchema),
});
export type ClaimItem = z.infer<typeof claimItemSchema>;

export const figureItemSchema = z.object({
  value: z.number().nullable(),
  unit: z.string(),
  display: z.string(),
  measures: z.string(),
  period: z.string().nullable(),
  citations: z.array(citationSchema),
});
export type FigureItem = z.infer<typeof figureItemSchema>;

export const whoResultSchema = z.object({ items: z.array(whoItemSchema) });
export const whenResultSchema = z.object({ items: z.array(whenItemSchema) });
export const claimsResultSchema = z.object({ items: z.array(claimItemSchema) });
export const figuresResultSchema = z.object({ items: z.array(figureItemSchema) });
export type WhoResult = z.infer<typeof whoResultSchema>;
export type WhenResult = z.infer<typeof whenResultSchema>;
export type ClaimsResult = z.infer<typeof claimsResultSchema>;
export type FiguresResult = z.infer<typeof figuresResultSchema>;

export const answerSchema = z.object({
  found: z.boolean(),
  /** The short answer (a date, a figure, a person and role, a quote), or null when not found. */
  answer: z.string().nullable(),
  /** Best first. When found, the first one holds the answer; when not, the nearest passages. */
  citations: z.array(citationSchema),
  /** 0..1 */
  confidence: z.number().min(0).max(1),
});
export type Answer = z.infer<typeof answerSchema>;

export const summarySchema = z.object({
  title: z.string(),
  points: z.array(z.object({ text: z.string(), citations: z.array(citationSchema) })),
});
export type Summary = z.infer<typeof summarySchema>;

export const paragraphKindSchema = z.enum(['headline', 'standfirst', 'caption', 'body']);
export type ParagraphKind = z.infer<typeof paragraphKindSchema>;

/** A kept paragraph: its number is what every citation shows. */
export const paragraphSchema = z.object({
  n: z.number().int().positive(),
  text: z.string(),
  kind: paragraphKindSchema,
});
/** A block cleaning dropped, and why. */
export const droppedBlockSchema = z.object({ text: z.string(), reason: z.string() });

export const articleViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** ISO date (or prefix) when the corpus or the page says so; null otherwise. */
  published: z.string().nullable(),
  source: z.string().nullable(),
  url: z.string().nullable(),
  byline: z.string().nullable(),
  paragraphs: z.array(paragraphSchema),
  dropped: z.array(droppedBlockSchema),
});
export type ArticleView = z.infer<typeof articleViewSchema>;
export const articlesResultSchema = z.object({ articles: z.array(articleViewSchema) });
export type ArticlesResult = z.infer<typeof articlesResultSchema>;
