/**
 * The made-up articles in tests/fixtures/facts/ cover genres the other fixtures do not (a match report,
 * quarterly results, a medical study, a by-election, a wildfire, a central bank decision, an obituary). Before the extractors were run on them, what a careful
 * reader would list was written down in tests/fixtures/facts/expected/<id>.json; these tests score the
 * extractors against those lists.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load.ts';
import type { Article } from '../src/corpus/types.ts';
import { analyzeArticle, extractFacts } from '../src/facts/index.ts';
import type { ArticleFacts } from '../src/facts/types.ts';
import type { Citation, EntityKind, WhoItem } from '../src/schema.ts';

const DIR = join(import.meta.dirname, 'fixtures', 'facts');

/** What a careful reader lists for one article. */
interface Expected {
  who: Array<{ name: string; kind: EntityKind; role?: string; alias?: string }>;
  /** Names it is fine to list too, though a reader need not. */
  whoAlso: string[];
  when: Array<{ label: string; date: string }>;
  whenAlso: string[];
  /** `speaker` is a regular expression; `words` must appear in the claim. */
  claims: Array<{ speaker: string; verb: string; words: string }>;
  /** `display` is the figure as written (with its counted noun); `measures` words must all be in `measures`. */
  figures: Array<{ display: string; measures: string[] }>;
  figuresAlso: string[];
}

interface Score {
  found: number;
  expected: number;
  right: number;
  listed: number;
}

const articles = new Map<string, { article: Article; facts: ArticleFacts; expected: Expected }>();

beforeAll(async () => {
  const corpus = await loadCorpus(DIR);
  for (const article of corpus.articles) {
    const expected = JSON.parse(
      readFileSync(join(DIR, 'expected', `${article.id}.json`), 'utf8'),
    ) as Expected;
    articles.set(article.id, { article, facts: extractFacts(analyzeArticle(article)), expected });
  }
});

const names = (w: WhoItem): string[] => [w.name, ...w.aliases];

/** "11,240" is shown in "11,240 watched" but "9" is not in "29.7%". */
function shows(display: string, expected: string): boolean {
  const escaped = expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\d.,])${escaped}($|[^\\d.,])`, 'i').test(display);
}

/** Recall and precision of one kind of fact over all the articles. */
function score(kind: 'who' | 'roles' | 'when' | 'claims' | 'figures' | 'measures'): Score {
  const total: Score = { found: 0, expected: 0, right: 0, listed: 0 };
  for (const { facts, expected: e } of articles.values()) {
    const add = (found: number, expected: number, right: number, listed: number) => {
      total.found += found;
      total.expected += expected;
      total.right += right;
      total.listed += listed;
    };
    const count = <T>(list: T[], test: (x: T) => boolean) => list.filter(test).length;
    if (kind === 'who') {
      const fits = (w: WhoItem, x: Expected['who'][number]) => names(w).includes(x.name) && w.kind === x.kind;
      add(
        count(e.who, (x) => facts.who.some((w) => fits(w, x))),
        e.who.length,
        count(facts.who, (w) => e.who.some((x) => fits(w, x)) || names(w).some((n) => e.whoAlso.includes(n))),
        facts.who.length,
      );
    } else if (kind === 'roles') {
      const withRole = e.who.filter((x) => x.role !== undefined);
      const hasRole = (x: Expected['who'][number]) =>
        facts.who.some(
          (w) =>
            names(w).includes(x.name) &&
            w.roles.some((r) => r.toLowerCase().includes((x.role ?? '').toLowerCase())),
        );
      add(count(withRole, hasRole), withRole.length, 0, 0);
    } else if (kind === 'when') {
      const fits = (label: string, date: string | null, x: Expected['when'][number]) =>
        label.toLowerCase().includes(x.label.toLowerCase()) && date === x.date;
      const also = (label: string) =>
        e.whenAlso.some((a) => label.toLowerCase().includes(a) || a.includes(label.toLowerCase()));
      add(
        count(e.when, (x) => facts.when.some((w) => fits(w.label, w.date, x))),
        e.when.length,
        count(facts.when, (w) => e.when.some((x) => fits(w.label, w.date, x)) || also(w.label)),
        facts.when.length,
      );
    } else if (kind === 'claims') {
      const fits = (speaker: string, claim: string, x: Expected['claims'][number]) =>
        new RegExp(x.speaker).test(speaker) && claim.includes(x.words);
      add(
        count(e.claims, (x) => facts.claims.some((c) => fits(c.speaker, c.claim, x))),
        e.claims.length,
        count(facts.claims, (c) => e.claims.some((x) => fits(c.speaker, c.claim, x))),
        facts.claims.length,
      );
    } else {
      const hits = (display: string) =>
        facts.figures.filter((f) => shows(f.display, display) || shows(`${f.display} ${f.unit}`, display));
      const described = (x: Expected['figures'][number]) =>
        hits(x.display).some((f) =>
          x.measures.every((m) => f.measures.toLowerCase().includes(m.toLowerCase())),
        );
      if (kind === 'measures') add(count(e.figures, described), e.figures.length, 0, 0);
      else
        add(
          count(e.figures, (x) => hits(x.display).length > 0),
          e.figures.length,
          count(
            facts.figures,
            (f) =>
              e.figures.some(
                (x) => shows(f.display, x.display) || shows(`${f.display} ${f.unit}`, x.display),
              ) || e.figuresAlso.some((d) => shows(f.display, d)),
          ),
          facts.figures.length,
        );
    }
  }
  return total;
}

function expectAtLeast(kind: Parameters<typeof score>[0], recall: number, precision?: number): void {
  const s = score(kind);
  expect(s.expected, kind).toBeGreaterThan(0);
  expect(s.found / s.expected, `${kind} recall ${s.found}/${s.expected}`).toBeGreaterThanOrEqual(recall);
  if (precision !== undefined)
    expect(s.right / s.listed, `${kind} precision ${s.right}/${s.listed}`).toBeGreaterThanOrEqual(precision);
}

describe('facts on made-up articles of genres the other fixtures do not cover', () => {
  it('loads the seven articles, each with what a reader would list', () => {
    expect([...articles.keys()].sort()).toEqual([
      'cedar-ridge-wildfire',
      'ellery-obituary',
      'lowmoor-by-election',
      'shield-semifinal',
      'snack-maker-results',
      'walking-dementia-study',
      'westmark-rate-decision',
    ]);
  });

  it('names nine in ten of the people, clubs, firms and places a reader lists, and nothing else', () => {
    expectAtLeast('who', 0.9, 0.95);
  });

  it('gives each person the role the text gives them', () => {
    expectAtLeast('roles', 0.9);
  });

  it('dates the events a reader would put on a timeline', () => {
    expectAtLeast('when', 0.9, 0.9);
  });

  it('attributes each claim to its speaker, and finds no claim that is not one', () => {
    expectAtLeast('claims', 0.9, 0.9);
  });

  it('finds the figures and says what most of them measure', () => {
    expectAtLeast('figures', 0.9, 0.9);
    expectAtLeast('measures', 0.85);
  });

  it('does not take "maintains close ties" or "maintains a strong position" for claims', () => {
    const all = [...articles.values()].flatMap((a) => a.facts.claims);
    expect(all.filter((c) => c.verb === 'maintain').map((c) => c.claim)).toEqual([
      "it can win three more seats in next year's elections",
    ]);
  });

  it('cites only verbatim text of the cited paragraph', () => {
    for (const { article, facts } of articles.values()) {
      const text = new Map(article.paragraphs.map((p) => [p.n, p.text]));
      const citations: Citation[] = [
        ...facts.who.flatMap((w) => w.citations),
        ...facts.when.flatMap((w) => w.citations),
        ...facts.claims.flatMap((c) => c.citations),
        ...facts.figures.flatMap((f) => f.citations),
      ];
      expect(citations.length).toBeGreaterThan(0);
      for (const c of citations) expect(text.get(c.paragraph), c.quote).toContain(c.quote);
    }
  });
});
