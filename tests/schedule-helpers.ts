/**
 * Test doubles for the summary scheduler: a hand-driven clock, a fake Discord behind the poster port, made-up
 * articles with a stand-in engine, a store in a temporary folder and a logger whose lines can be read back.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Article, ArticleMeta } from '../src/corpus/types.ts';
import type { Clock } from '../src/discord/schedule/clock.ts';
import type { DigestPayload } from '../src/discord/schedule/digest.ts';
import type { ChannelCheck, Poster } from '../src/discord/schedule/poster.ts';
import type { DigestEngine, SummarySettings } from '../src/discord/schedule/scheduler.ts';
import { createLogger, type Logger } from '../src/log.ts';
import { openStore, type Store } from '../src/store/store.ts';

export interface ManualClock extends Clock {
  /** Moves time forward, firing due timers in order and letting the work they start run. */
  advanceTo(when: Date | string): Promise<void>;
  advance(ms: number): Promise<void>;
  pendingTimers(): number;
}

/** Lets every promise chain started by a timer run (SQLite is synchronous; the fake Discord answers at once). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** A clock that only moves when the test says so. */
export function createManualClock(start: Date | string): ManualClock {
  let now = new Date(start).getTime();
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: ManualClock = {
    now: () => new Date(now),
    at(when, fn) {
      const id = seq++;
      timers.set(id, { at: when.getTime(), fn });
      return () => {
        timers.delete(id);
      };
    },
    async advanceTo(when) {
      const end = new Date(when).getTime();
      await settle();
      for (;;) {
        let next: [number, { at: number; fn: () => void }] | undefined;
        for (const entry of timers) {
          if (entry[1].at > end) continue;
          if (!next || entry[1].at < next[1].at || (entry[1].at === next[1].at && entry[0] < next[0]))
            next = entry;
        }
        if (!next) break;
        timers.delete(next[0]);
        now = Math.max(now, next[1].at);
        next[1].fn();
        await settle();
      }
      now = Math.max(now, end);
      await settle();
    },
    advance: (ms) => clock.advanceTo(new Date(now + ms)),
    pendingTimers: () => timers.size,
  };
  return clock;
}

/** An error shaped like discord.js's DiscordAPIError. */
export function discordError(code: number, status: number, message: string): Error {
  return Object.assign(new Error(message), { code, status, name: `DiscordAPIError[${code}]` });
}

export interface FakeMessage {
  id: string;
  channelId: string;
  payload: DigestPayload;
  nonce: string;
  /** The clock's time when the message was created. */
  postedAt: Date;
}

export interface FakeDiscord {
  poster: Poster;
  /** Every message that reached "Discord". */
  messages: FakeMessage[];
  /** Every post call, including failed ones. */
  calls: Array<{ channelId: string; at: Date }>;
  /** Channel -> guild, for guildOfChannel and checkChannel. */
  guilds: Map<string, string>;
  /** Channels that always fail with this error. */
  broken: Map<string, unknown>;
  /** Errors to throw, in order, before a channel's posts succeed. */
  flaky: Map<string, unknown[]>;
  /** Channels the bot may not post in, with the reason checkChannel gives. */
  forbidden: Map<string, string>;
  /** 'before': the send never reaches Discord; 'after': it does, but the answer never comes back. */
  hang: 'before' | 'after' | null;
  /** Stamps messages; a restart with a new clock sets it. */
  clock: Clock;
  messagesIn(channelId: string): FakeMessage[];
}

/** A Discord that keeps messages in memory and fails on demand. */
export function createFakeDiscord(clock: Clock): FakeDiscord {
  let seq = 1000;
  const discord: FakeDiscord = {
    messages: [],
    calls: [],
    guilds: new Map(),
    broken: new Map(),
    flaky: new Map(),
    forbidden: new Map(),
    hang: null,
    clock,
    messagesIn: (channelId) => discord.messages.filter((m) => m.channelId === channelId),
    poster: {
      async post(channelId, payload, options) {
        discord.calls.push({ channelId, at: discord.clock.now() });
        if (discord.broken.has(channelId)) throw discord.broken.get(channelId);
        const error = discord.flaky.get(channelId)?.shift();
        if (error) throw error;
        if (discord.hang === 'before') return new Promise<string>(() => {});
        const message = {
          id: String(++seq),
          channelId,
          payload,
          nonce: options.nonce,
          postedAt: discord.clock.now(),
        };
        discord.messages.push(message);
        if (discord.hang === 'after') return new Promise<string>(() => {});
        return message.id;
      },
      async findRecentPost(channelId, marker) {
        return discord.messagesIn(channelId).find((m) => m.payload.footer.includes(marker))?.id ?? null;
      },
      async guildOfChannel(channelId) {
        return discord.guilds.get(channelId) ?? null;
      },
      async checkChannel(guildId, channelId): Promise<ChannelCheck> {
        const reason = discord.forbidden.get(channelId);
        if (reason) return { ok: false, reason };
        if (discord.guilds.has(channelId) && discord.guilds.get(channelId) !== guildId) {
          return { ok: false, reason: 'that channel is in another server' };
        }
        return { ok: true };
      },
    },
  };
  return discord;
}

/** A made-up article: a headline, then body paragraphs numbered from 2. */
export function makeArticle(id: string, title: string, body: string[], meta: ArticleMeta = {}): Article {
  return {
    id,
    file: `${id}.txt`,
    title,
    meta: { title, ...meta },
    paragraphs: [
      { n: 1, text: title, kind: 'headline' },
      ...body.map((text, i) => ({ n: i + 2, text, kind: 'body' as const })),
    ],
    dropped: [],
    hash: createHash('sha256')
      .update([title, ...body].join('\n'))
      .digest('hex'),
  };
}

/** An engine whose summary quotes the first sentence of the first body paragraphs (up to `points`). */
export function fakeEngine(articles: Article[], points = 4): DigestEngine {
  return {
    articles,
    summary: (opts = {}) => {
      const article = articles.find((a) => a.id === opts.article) ?? articles[0];
      if (!article) return { title: '', points: [] };
      return {
        title: article.title,
        points: article.paragraphs
          .filter((p) => p.kind === 'body')
          .slice(0, points)
          .map((p) => {
            const quote = /^.*?[.!?](?=\s|$)/.exec(p.text)?.[0] ?? p.text;
            return { text: quote, citations: [{ article: article.id, paragraph: p.n, quote }] };
          }),
      };
    },
  };
}

/** Two made-up articles: a council vote and a library reopening. */
export function sampleArticles(): Article[] {
  return [
    makeArticle(
      'council-vote',
      'Town council backs new cycle lanes',
      [
        'The Easthaven town council voted 5-2 on Monday to build cycle lanes on three main roads. Work starts in spring.',
        'Council leader Mara Lindqvist said the lanes would make the roads safer for children walking to school.',
        'Two members voted against the plan, saying shop owners had not been consulted.',
        'The lanes will cost about $3 million, most of it from a regional transport fund.',
        'A public meeting on the routes is planned for next month.',
      ],
      { url: 'https://example.org/easthaven/cycle-lanes', published: '2024-02-26' },
    ),
    makeArticle(
      'library-reopens',
      'Riverside library reopens after flood repairs',
      [
        'The Riverside public library reopened on Saturday, eight months after a flood damaged its ground floor.',
        'Head librarian Tomas Berg said most of the children’s books had been replaced with donations.',
      ],
      { published: '2024-02-20' },
    ),
  ];
}

export interface TempStore {
  dir: string;
  file: string;
  open(): Store;
  cleanup(): void;
}

/** A real SQLite file in a fresh temporary folder (the data folder itself does not exist yet). */
export function tempStore(): TempStore {
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-schedule-'));
  const file = join(dir, 'data', 'factdesk.sqlite');
  return {
    dir,
    file,
    open: () => openStore(file),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface CapturedLogger {
  logger: Logger;
  lines(): Array<Record<string, unknown>>;
}

/** A real pino logger writing JSON lines into memory. */
export function captureLogger(): CapturedLogger {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  return {
    logger: createLogger({ level: 'debug', stream }),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/** Summary settings as the configuration would give them. */
export function summarySettings(overrides: Partial<SummarySettings> = {}): { summary: SummarySettings } {
  return { summary: { timezone: 'UTC', graceMs: 6 * 3_600_000, whenUnchanged: 'post', ...overrides } };
}
