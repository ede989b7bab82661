import type { ParagraphKind } from '../schema.ts';

/** A kept paragraph. `text` is the article's own words with runs of whitespace collapsed to one space. */
export interface Paragraph {
  n: number;
  text: string;
  kind: ParagraphKind;
}

export interface DroppedBlock {
  text: string;
  reason: string;
}

/** Metadata found beside the text (front matter, sidecar) or in the page itself. Everything is optional. */
export interface ArticleMeta {
  title?: string | undefined;
  source?: string | undefined;
  url?: string | undefined;
  byline?: string | undefined;
  /** ISO date or date-time as given. */
  published?: string | undefined;
}

/** One cleaned article: what every later stage reads. */
export interface Article {
  id: string;
  /** The file the article came from, relative to the corpus folder. */
  file: string;
  title: string;
  meta: ArticleMeta;
  paragraphs: Paragraph[];
  dropped: DroppedBlock[];
  /** sha256 of the file's bytes (and its sidecar's): how a changed article is recognised. */
  hash: string;
}

/** A file that could not be loaded, and why. */
export interface CorpusProblem {
  file: string;
  reason: string;
}

export interface Corpus {
  articles: Article[];
  problems: CorpusProblem[];
}
