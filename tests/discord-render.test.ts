/**
 * The renderer on its own: Discord's limits on oversized input, escaping of article and user text, citation
 * markers, paging, and button ids.
 */
import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  createPageIds,
  createViewStore,
  decodeComponentId,
  encodeParagraphId,
} from '../src/discord/custom-id.ts';
import { escapeText, truncateText } from '../src/discord/escape.ts';
import {
  type ArticleRef,
  type Block,
  embedSize,
  fitPayload,
  LIMITS,
  type ReplyPayload,
  renderList,
} from '../src/discord/layout.ts';
import {
  type ListView,
  renderAnswer,
  renderClaims,
  renderParagraph,
  renderWho,
  reportingVerb,
  sortTimeline,
} from '../src/discord/render.ts';
import type { Citation, WhenItem, WhoItem } from '../src/schema.ts';

const one: ArticleRef[] = [
  {
    id: 'quarry',
    title: 'Quarry expansion approved',
    url: 'https://example.org/quarry',
    source: null,
    published: null,
  },
];
const two: ArticleRef[] = [
  ...one,
  { id: 'tram', title: 'Tram line delayed', url: null, source: null, published: null },
];

function view(articles: ArticleRef[] = one, extra: Partial<ListView> = {}): ListView {
  return { articles, scope: articles.map((a) => a.id), page: 0, pageId: (n) => `page:test:${n}:?`, ...extra };
}

function cite(quote: string, paragraph = 3, article = 'quarry'): Citation {
  return { article, paragraph, quote };
}

/** Asserts every limit Discord enforces on a message payload. */
function expectWithinLimits(payload: ReplyPayload): void {
  expect(payload.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
  expect(payload.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  let total = 0;
  for (const e of payload.embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.value.length).toBeGreaterThan(0);
    }
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
    expect(e.author?.name.length ?? 0).toBeLessThanOrEqual(LIMITS.author);
    total += embedSize(e);
  }
  expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
  expect(payload.components.length).toBeLessThanOrEqual(LIMITS.rows);
  for (const row of payload.components) {
    expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
    for (const b of row.components) {
      if ('label' in b) expect(b.label?.length ?? 0).toBeLessThanOrEqual(LIMITS.buttonLabel);
      if ('custom_id' in b) expect(b.custom_id.length).toBeLessThanOrEqual(100);
    }
  }
}

describe('Discord limits', () => {
  it('cuts every part of an oversized payload down to what Discord accepts', () => {
    const huge: APIEmbed = {
      title: 'T'.repeat(400),
      description: 'D'.repeat(10_000),
      footer: { text: 'F'.repeat(3000) },
      author: { name: 'A'.repeat(500) },
      fields: Array.from({ length: 40 }, () => ({ name: 'N'.repeat(300), value: 'V'.repeat(2000) })),
    };
    const payload = fitPayload({
      content: 'C'.repeat(5000),
      embeds: Array.from({ length: 15 }, () => huge),
      components: Array.from({ length: 7 }, () => ({
        type: 1 as const,
        components: Array.from({ length: 7 }, (_, i) => ({
          type: 2 as const,
          style: 2 as const,
          label: 'L'.repeat(120),
          custom_id: `id-${i}`,
        })),
      })),
      ephemeral: false,
    });
    expectWithinLimits(payload);
    expect(payload.embeds.length).toBeGreaterThan(0);
    expect(payload.content?.endsWith('…')).toBe(true);
  });

  it('drops a button whose id is too long rather than sending a payload Discord rejects', () => {
    const payload = fitPayload({
      embeds: [],
      components: [{ type: 1, components: [{ type: 2, style: 2, label: 'x', custom_id: 'x'.repeat(101) }] }],
      ephemeral: false,
    });
    expect(payload.components).toEqual([]);
  });

  it('keeps a single 10,000-character item inside the limits', () => {
    const item: WhoItem = {
      name: 'N'.repeat(300),
      kind: 'person',
      roles: ['r'.repeat(5000)],
      aliases: [],
      mentions: 1,
      citations: [cite('q'.repeat(10_000))],
    };
    expectWithinLimits(renderWho({ items: [item] }, view()));
  });

  it('shows a 6,000-character paragraph within the limits', () => {
    expectWithinLimits(renderParagraph(one[0] as ArticleRef, { n: 2, text: 'word '.repeat(1200) }, one));
  });

  it('keeps an answer to a 5,000-character question within the limits', () => {
    const payload = renderAnswer(
      {
        found: true,
        answer: 'a'.repeat(5000),
        citations: [cite('b'.repeat(5000)), cite('c'.repeat(5000))],
        confidence: 1,
      },
      { question: 'why '.repeat(1250), articles: one },
    );
    expectWithinLimits(payload);
  });
});

describe('paging', () => {
  const blocks: Block[] = Array.from({ length: 40 }, (_, i) => ({
    text: `item ${i} ${'x'.repeat(700)}`,
    citations: [cite(`quote ${i}`, (i % 12) + 1)],
  }));

  it('splits a long list into pages that each fit, and loses no item', () => {
    const first = renderList({
      title: 'List',
      blocks,
      empty: 'none',
      articles: one,
      page: 0,
      pageId: (n) => `p:${n}`,
    });
    const row = first.components.at(-1)?.components ?? [];
    const pageCount = Number(/of (\d+)/.exec(JSON.stringify(row))?.[1]);
    expect(pageCount).toBeGreaterThan(1);
    const seen = new Set<string>();
    for (let page = 0; page < pageCount; page++) {
      const payload = renderList({
        title: 'List',
        blocks,
        empty: 'none',
        articles: one,
        page,
        pageId: (n) => `p:${n}`,
      });
      expectWithinLimits(payload);
      for (const m of (payload.embeds[0]?.description ?? '').matchAll(/item (\d+)/g)) seen.add(m[1] ?? '');
    }
    expect(seen.size).toBe(40);
  });

  it('disables Previous on the first page and Next on the last', () => {
    const last = renderList({
      title: 'List',
      blocks,
      empty: 'none',
      articles: one,
      page: 99,
      pageId: (n) => `p:${n}`,
    });
    const [previous, indicator, next] = last.components.at(-1)?.components ?? [];
    expect(previous).toMatchObject({ disabled: false });
    expect(indicator).toMatchObject({ disabled: true });
    expect(next).toMatchObject({ disabled: true });
    const first = renderList({
      title: 'List',
      blocks,
      empty: 'none',
      articles: one,
      page: 0,
      pageId: (n) => `p:${n}`,
    });
    expect(first.components.at(-1)?.components[0]).toMatchObject({ disabled: true });
  });

  it('shows the empty sentence and no buttons when there is nothing to list', () => {
    const payload = renderList({ title: 'List', blocks: [], empty: 'Nothing here.', articles: one, page: 0 });
    expect(payload.embeds[0]?.description).toBe('Nothing here.');
    expect(payload.components).toEqual([]);
  });
});

describe('escaping', () => {
  it('shows markdown and mentions from the article as typed', () => {
    const item: WhoItem = {
      name: '**Loud** _Name_',
      kind: 'organization',
      roles: ['@everyone', '<@123456789012345678>', '<@&123456789012345678>'],
      aliases: [],
      mentions: 1,
      citations: [cite('A sign said "@here # not a heading" and [a link](https://evil.example).')],
    };
    const text = renderWho({ items: [item] }, view()).embeds[0]?.description ?? '';
    expect(text).toContain('\\*\\*Loud\\*\\* \\_Name\\_');
    expect(text).not.toMatch(/@everyone|@here|<@\d|<@&\d/);
    expect(text).toContain('\\[a link](');
  });

  it('never splits a character or leaves a dangling escape when shortening', () => {
    expect(truncateText('ab😀cd', 4)).toBe('ab…');
    expect(truncateText(escapeText('***********'), 4)).not.toMatch(/[^\\]\\…$/);
  });
});

describe('citations', () => {
  it('marks quotes with [¶n] for one article and a letter for several', () => {
    const item: WhoItem = {
      name: 'Lina',
      kind: 'person',
      roles: [],
      aliases: [],
      mentions: 1,
      citations: [cite('Lina spoke.', 7, 'tram')],
    };
    expect(renderWho({ items: [item] }, view(two)).embeds[0]?.description).toContain('> Lina spoke. [B ¶7]');
    expect(
      renderWho({ items: [{ ...item, citations: [cite('Lina spoke.', 7)] }] }, view()).embeds[0]?.description,
    ).toContain('> Lina spoke. [¶7]');
  });

  it('puts the article title and link in the footer and links the title', () => {
    const payload = renderAnswer(
      { found: true, answer: 'Tuesday', citations: [cite('It opens on Tuesday.')], confidence: 0.9 },
      { question: 'When?', articles: one },
    );
    expect(payload.embeds[0]?.footer?.text).toBe('Quarry expansion approved · https://example.org/quarry');
    expect(payload.embeds[0]?.url).toBe('https://example.org/quarry');
  });

  it('says the article does not say, and shows the nearest passages', () => {
    const payload = renderAnswer(
      { found: false, answer: null, citations: [cite('The quarry is old.', 2)], confidence: 0 },
      { question: 'Who owns it?', articles: one },
    );
    const text = payload.embeds[0]?.description ?? '';
    expect(text.startsWith("**The article doesn't say.**")).toBe(true);
    expect(text).toContain('> The quarry is old. [¶2]');
  });

  it('writes reporting verbs in the past tense and marks hedged claims', () => {
    expect(['say', 'tell', 'claim', 'deny', 'argue', 'admit', 'said'].map(reportingVerb)).toEqual([
      'said',
      'told',
      'claimed',
      'denied',
      'argued',
      'admitted',
      'said',
    ]);
    const payload = renderClaims(
      {
        items: [
          {
            speaker: 'Ed',
            verb: 'claim',
            claim: 'it leaks',
            hedged: true,
            date: null,
            citations: [cite('Ed claimed it leaks.')],
          },
        ],
      },
      view(),
    );
    expect(payload.embeds[0]?.description).toContain('**Ed** claimed: it leaks · ⚠ _hedged_');
  });

  it('orders the timeline by date and keeps undated events last, in reading order', () => {
    const item = (date: string | null, event: string): WhenItem => ({
      date,
      precision: 'year',
      inferred: false,
      label: event,
      event,
      citations: [],
    });
    const sorted = sortTimeline([
      item(null, 'u1'),
      item('2020-05', 'b'),
      item('2019', 'a'),
      item(null, 'u2'),
      item('2020-05-01', 'c'),
    ]);
    expect(sorted.map((i) => i.event)).toEqual(['a', 'b', 'c', 'u1', 'u2']);
  });
});

describe('button ids', () => {
  it('carries short list options in the id and long ones in the store, and reads both back', () => {
    const store = createViewStore();
    const short = createPageIds('when', { about: 'budget', article: 'quarry' }, store)(2);
    expect(decodeComponentId(short, store)).toEqual({
      kind: 'page',
      command: 'when',
      page: 2,
      options: { about: 'budget', article: 'quarry' },
    });
    const long = createPageIds('when', { about: 'x'.repeat(100), article: 'y'.repeat(100) }, store)(1);
    expect(long.length).toBeLessThanOrEqual(100);
    expect(decodeComponentId(long, store)).toMatchObject({
      kind: 'page',
      options: { about: 'x'.repeat(100) },
    });
  });

  it('says a list has expired when its stored options are gone', () => {
    const id = createPageIds('who', { name: 'z'.repeat(150) }, createViewStore())(1);
    expect(decodeComponentId(id, createViewStore())).toEqual({ kind: 'expired' });
  });

  it('refers to an article by position when its id is too long for a button', () => {
    const id = encodeParagraphId('a'.repeat(120), 3, 14);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(decodeComponentId(id, createViewStore())).toEqual({
      kind: 'paragraph',
      paragraph: 14,
      article: { index: 3 },
    });
  });
});
