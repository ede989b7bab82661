import type { Article } from '../corpus/types.ts';
import type { Sentence } from '../nlp/sentences.ts';
import type { ClaimItem, FigureItem, WhenItem, WhoItem } from '../schema.ts';

/** An article split into sentences: the input of every fact extractor. */
export interface AnalyzedArticle {
  article: Article;
  sentences: Sentence[];
}

/** The date every partial or relative date of an article is resolved against. */
export interface DateAnchor {
  /** ISO day (`2020-10-05`), or null when nothing in or around the article gives one. */
  date: string | null;
  /** True when the date was inferred from the body rather than given by the page or the corpus metadata. */
  inferred: boolean;
}

/** Everything extracted from one article, each item cited. */
export interface ArticleFacts {
  anchor: DateAnchor;
  who: WhoItem[];
  when: WhenItem[];
  claims: ClaimItem[];
  figures: FigureItem[];
}
