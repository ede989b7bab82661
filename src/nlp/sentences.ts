import { createRequire } from 'node:module';
import type sbdModule from 'sbd';
import type { Article } from '../corpus/types.ts';
import { normalizeChars } from './normalize.ts';

/** One sentence of a kept paragraph, with its position so a citation can quote it verbatim. */
export interface Sentence {
  article: string;
  paragraph: number;
  /** 0-based position of the sentence in the whole article (reading order). */
  index: number;
  /** 0-based position of the sentence within its paragraph. */
  inParagraph: number;
  /** The article's own words. */
  text: string;
  /** `text` with quotes, dashes and spaces normalised; same length as `text`. */
  norm: string;
  /** Offset of `text` in its paragraph's text. */
  start: number;
}

// A question or exclamation closed by a quotation mark ends a sentence when a capitalised word follows, unless
// that word starts a short reversed attribution ('"Why now?" Smith asked.'). sbd misses this case.
const QUOTED_END = /[?!]["']\s+(?=["']?[A-Z])/g;
const REVERSED_ATTRIBUTION =
  /^(?:[A-Z][\w.'-]*\s+){1,3}(?:said|says|asked|asks|added|told|wrote|replied|insisted)\b/;

function splitQuotedEnds(part: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of part.matchAll(QUOTED_END)) {
    const cut = m.index + 2;
    const rest = part.slice(m.index + m[0].length);
    if (REVERSED_ATTRIBUTION.test(rest)) continue;
    out.push(part.slice(from, cut));
    from = cut;
  }
  out.push(part.slice(from));
  return out;
}

// "the U.S. Embassy": sbd ends a sentence after a dotted initialism when a capitalised word follows, which is right
// for "moved to the U.S. Officials said" but not when the word is one an initialism commonly qualifies.
const ENDS_WITH_INITIALISM = /(?:^|[\s(])(?:[A-Z]\.){2,}$/;
const QUALIFIED_NOUN =
  /^(?:Embassy|Consulate|Ambassador|Army|Navy|Air Force|Marines?|Forces|Military|Senate|Senator|House|Congress|Congressman|Congresswoman|Government|Department|Secretary|President|Vice|Attorney|Treasury|Supreme|Court|Council|Security Council|General Assembly|Mission|Open|Championships?|Marshals?|Border|Customs|Coast Guard|Federal|Central|State|Special|Envoy|Representative|Trade|Commerce|Justice|Defense|Defence|Energy|Health|Education|Agency|Office|Parliament|Commission|Commissioner|Foreign|Home|Prime|Minister|Chamber|Census|Postal|Intelligence|Olympic|National|Constitution|Capitol|Dollar|Treasuries|Geological|Patent|Copyright|Food|Centers)\b/;

function joinInitialisms(parts: string[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    const prev = out.at(-1);
    if (
      prev !== undefined &&
      ENDS_WITH_INITIALISM.test(prev.trimEnd()) &&
      QUALIFIED_NOUN.test(part.trimStart())
    ) {
      out[out.length - 1] = prev + part;
    } else out.push(part);
  }
  return out;
}

let sbd: typeof sbdModule | undefined;

/** sbd, loaded on first use: it brings an HTML sanitiser with it (~50 ms), which a cached start never needs. */
function sentenceBoundaries(): typeof sbdModule {
  sbd ??= createRequire(import.meta.url)('sbd') as typeof sbdModule;
  return sbd;
}

/** Splits a paragraph into sentences with offsets (sbd knows abbreviations such as "Sept." and "Dr."). */
export function splitSentences(text: string): Array<{ text: string; start: number }> {
  // sbd works on normalised quotes more reliably; the normalised text has the same offsets as the original.
  const norm = normalizeChars(text);
  const parts = joinInitialisms(
    sentenceBoundaries().sentences(norm, { newline_boundaries: false, preserve_whitespace: true }),
  ).flatMap(splitQuotedEnds);
  const out: Array<{ text: string; start: number }> = [];
  let cursor = 0;
  for (const part of parts) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const at = norm.indexOf(trimmed, cursor);
    if (at < 0) continue;
    out.push({ text: text.slice(at, at + trimmed.length), start: at });
    cursor = at + trimmed.length;
  }
  return out;
}

/** All sentences of an article in reading order. */
export function articleSentences(article: Article): Sentence[] {
  const out: Sentence[] = [];
  for (const p of article.paragraphs) {
    let i = 0;
    for (const s of splitSentences(p.text)) {
      out.push({
        article: article.id,
        paragraph: p.n,
        index: out.length,
        inParagraph: i++,
        text: s.text,
        norm: normalizeChars(s.text),
        start: s.start,
      });
    }
  }
  return out;
}
