/**
 * The extractive summary behind `/summary` and the daily post: the headline and 3-5 key points, each a
 * sentence of the article quoted verbatim with its paragraph.
 *
 * A sentence earns its place by what it carries, not by how it reads: position (news puts the point first),
 * the facts extracted from it (claims, figures, dated events, named people), and how central its words are to
 * the article. Sentences that lean on earlier context (a leading pronoun or connective), questions, and
 * fragments are passed over; near-repeats of a chosen point are skipped. Points come out in reading order.
 */
import { citeSentence } from '../facts/cite.ts';
import { normalizeChars } from '../nlp/normalize.ts';
import type { Sentence } from '../nlp/sentences.ts';
import type { Summary } from '../schema.ts';
import type { IndexInput } from '../search/index.ts';
import { extractTerms } from '../search/terms.ts';

const NO_LEMMAS: ReadonlyMap<string, string> = new Map();
const LEANS_ON_CONTEXT =
  /^(?:he|she|it|they|this|that|these|those|his|her|its|their|but|and|so|still|yet|also|however|meanwhile|instead|then|there|such)\b/i;

interface Candidate {
  sentence: Sentence;
  terms: Set<string>;
  score: number;
}

/** The number of key points for an article of `count` usable sentences: 3 for short pieces, up to 5. */
function pointCount(count: number): number {
  return Math.max(3, Math.min(5, Math.round(count / 6)));
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / Math.min(a.size, b.size);
}

function isFallbackPoint(s: Sentence, kinds: ReadonlyMap<number, string>): boolean {
  const kind = kinds.get(s.paragraph);
  return (kind === 'body' || kind === 'standfirst') && wordCount(s.text) >= 3;
}

/** An extractive summary of one article: its headline and 3-5 cited key points in reading order. */
export function summarize(input: IndexInput): Summary {
  const { article, sentences } = input.analyzed;
  const kinds = new Map(article.paragraphs.map((p) => [p.n, p.kind]));
  const usable = sentences.filter((s) => {
    const kind = kinds.get(s.paragraph);
    if (kind !== 'body' && kind !== 'standfirst') return false;
    const words = wordCount(s.text);
    // A sentence that opens a quotation it does not close is a fragment of a longer quote.
    const quotes = (normalizeChars(s.text).match(/"/g) ?? []).length;
    return words >= 6 && words <= 70 && quotes % 2 === 0 && !/\?["'\u201d\u2019)]*$/.test(s.text.trim());
  });
  // An article of short lines only (a list, a table) still gets points rather than a bare headline.
  if (usable.length === 0) usable.push(...sentences.filter((s) => isFallbackPoint(s, kinds)).slice(0, 3));
  if (usable.length === 0) return { title: article.title, points: [] };

  // How many facts cite each sentence, by kind: a sentence that holds a claim, a figure or a date is news.
  const weightOf = new Map<number, number>();
  // Looked up by paragraph: a scan of every sentence per fact is quadratic on a very long article.
  const byParagraph = new Map<number, Sentence[]>();
  for (const u of usable) {
    const list = byParagraph.get(u.paragraph);
    if (list) list.push(u);
    else byParagraph.set(u.paragraph, [u]);
  }
  const credit = (citations: { paragraph: number; quote: string }[], weight: number) => {
    for (const c of citations) {
      const head = c.quote.slice(0, 40);
      const s = byParagraph.get(c.paragraph)?.find((u) => u.text.includes(head));
      if (s) weightOf.set(s.index, (weightOf.get(s.index) ?? 0) + weight);
    }
  };
  const { facts } = input;
  for (const c of facts.claims) credit(c.citations.slice(0, 1), 1.2);
  for (const f of facts.figures) credit(f.citations.slice(0, 1), 1);
  for (const w of facts.when) if (w.date) credit(w.citations.slice(0, 1), 0.8);
  for (const p of facts.who) if (p.kind !== 'place') credit(p.citations.slice(0, 1), 0.6);

  // Centrality: how many other sentences share each term (document frequency inside the article).
  const termSets = usable.map((s) => new Set(extractTerms(s.text, NO_LEMMAS).map((t) => t.term)));
  const df = new Map<string, number>();
  for (const set of termSets) for (const t of set) df.set(t, (df.get(t) ?? 0) + 1);
  const titleTerms = new Set(extractTerms(article.title, NO_LEMMAS).map((t) => t.term));

  const firstBody = usable.find((s) => kinds.get(s.paragraph) === 'body')?.index ?? 0;
  const candidates: Candidate[] = usable.map((sentence, i) => {
    const terms = termSets[i] ?? new Set<string>();
    let central = 0;
    for (const t of terms) central += Math.log(1 + (df.get(t) ?? 1) - 1);
    central /= Math.max(4, terms.size);
    const standfirst = kinds.get(sentence.paragraph) === 'standfirst';
    const position = standfirst ? 1.5 : 1.2 / (1 + (sentence.index - firstBody) / 4);
    const facts = Math.min(3, weightOf.get(sentence.index) ?? 0);
    const title = overlap(terms, titleTerms);
    const context = LEANS_ON_CONTEXT.test(sentence.text.replace(/^["'\u201c\u2018]/, '')) ? 0.5 : 1;
    return { sentence, terms, score: (position + 0.6 * facts + central + title) * context };
  });

  const chosen: Candidate[] = [];
  const wanted = pointCount(usable.length);
  for (const c of [...candidates].sort((a, b) => b.score - a.score)) {
    if (chosen.length >= wanted) break;
    if (chosen.some((p) => overlap(p.terms, c.terms) > 0.6)) continue;
    chosen.push(c);
  }
  chosen.sort((a, b) => a.sentence.index - b.sentence.index);
  return {
    title: article.title,
    points: chosen.map(({ sentence }) => ({ text: sentence.text, citations: [citeSentence(sentence)] })),
  };
}
