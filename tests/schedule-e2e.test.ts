/**
 * The daily summary end to end: the real discord.js client logged in to the loopback Discord, the scheduler on a
 * hand-driven clock (discord.js keeps its real timers), the store in a real SQLite file under DATA_DIR. The crash
 * recovery reads the channel's history through the emulator's `GET /channels/{id}/messages`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.ts';
import { type BotService, startBot } from '../src/discord/bot.ts';
import { type DailySummary, startDailySummary } from '../src/discord/schedule/daily-summary.ts';
import type { Poster } from '../src/discord/schedule/poster.ts';
import { createLogger } from '../src/log.ts';
import { storeFile } from '../src/store/store.ts';
import {
  type DiscordEmulator,
  type InteractionReply,
  MANAGER_PERMISSIONS,
  startDiscordEmulator,
} from './emulator/discord-emulator.ts';
import { createSampleEngine } from './emulator/sample-engine.ts';
import { createManualClock, type ManualClock } from './schedule-helpers.ts';

process.on('unhandledRejection', (reason) => {
  throw reason;
});

const LOCKED_CHANNEL = '333333333333333399';
const MISSING_CHANNEL = '333333333333333398';

let discord: DiscordEmulator;
let dataDir: string;
const logLines: Array<Record<string, unknown>> = [];

interface Running {
  bot: BotService;
  summary: DailySummary;
}
const running: Running[] = [];

beforeAll(async () => {
  discord = await startDiscordEmulator({ extraChannelIds: [LOCKED_CHANNEL] });
  dataDir = mkdtempSync(join(tmpdir(), 'factdesk-e2e-'));
});

afterEach(async () => {
  for (const run of running.splice(0)) await run.bot.stop();
});

afterAll(async () => {
  await discord?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the bot as the composition root does (startBot with the daily summary hooked in), on a manual clock. */
async function boot(
  clock: ManualClock,
  options: { env?: Record<string, string>; wrapPoster?: (p: Poster) => Poster } = {},
): Promise<Running> {
  const config = parseConfig({
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    COMMANDS_GUILD_ID: discord.guildId,
    DATA_DIR: dataDir,
    ...options.env,
  });
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  const logger = createLogger({ level: 'debug', secrets: [discord.token], stream });
  const engine = createSampleEngine({ twoArticles: true });
  let summary: DailySummary | undefined;
  const bot = await startBot({
    config,
    engine,
    logger,
    now: () => clock.now(),
    schedule: async (client) => {
      summary = await startDailySummary({
        client,
        config,
        engine,
        logger,
        clock,
        wrapPoster: options.wrapPoster,
      });
      return summary;
    },
  });
  if (!summary) throw new Error('the bot did not start the daily summary');
  const run = { bot, summary };
  running.push(run);
  return run;
}

/** Moves the scheduler's clock and waits (in real time) for the posts it starts to reach the emulator. */
async function advance(run: Running, clock: ManualClock, to: string): Promise<void> {
  await clock.advanceTo(to);
  await run.summary.scheduler.idle();
}

const posts = (channel = discord.channelId) => discord.channelMessages.get(channel) ?? [];
const text = (reply: InteractionReply) =>
  `${reply.data.content ?? ''}${reply.data.embeds?.[0]?.description ?? ''}`;

describe('the daily summary against the loopback Discord', () => {
  it('creates its database under DATA_DIR on first start', async () => {
    const clock = createManualClock('2024-07-01T10:00:00Z');
    const run = await boot(clock);
    expect(run.summary.store.file).toBe(storeFile(dataDir));
  });

  it('is scheduled by a server manager and posts a cited digest at the local time, without pings', async () => {
    const clock = createManualClock('2024-07-01T10:00:00Z');
    const run = await boot(clock);
    const saved = await discord.runCommand(
      'daily-summary',
      {
        schedule: {
          subcommand: { channel: { channel: discord.channelId }, time: '09:00', timezone: 'Europe/London' },
        },
      },
      { permissions: MANAGER_PERMISSIONS },
    );
    expect(saved.ephemeral).toBe(true);
    expect(text(saved)).toContain('Saved.');
    // 09:00 in London on 2 July is 08:00 UTC.
    expect(text(saved)).toContain(`<t:${Date.parse('2024-07-02T08:00:00Z') / 1000}:f>`);

    await advance(run, clock, '2024-07-02T07:59:59Z');
    expect(posts()).toHaveLength(0);
    await advance(run, clock, '2024-07-02T08:00:00Z');
    expect(posts()).toHaveLength(1);

    const request = discord.requests.find(
      (r) => r.method === 'POST' && r.path === `/channels/${discord.channelId}/messages`,
    );
    const body = request?.body as {
      embeds: Array<{ title: string; description: string; footer: { text: string }; url?: string }>;
      allowed_mentions: unknown;
      nonce: string;
      enforce_nonce: boolean;
    };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.enforce_nonce).toBe(true);
    expect(body.nonce.length).toBeLessThanOrEqual(25);
    const embed = body.embeds[0];
    expect(embed?.footer.text).toContain('ref 2024-07-02T08:00:00Z');
    expect(embed?.title).toBeTruthy();
    expect(embed?.description).toMatch(/\[¶\d+/);
    expect(embed?.description).not.toMatch(/@everyone|<@\d/);
    expect(discord.unknownRoutes).toEqual([]);

    const status = await discord.runCommand(
      'daily-summary',
      { status: { subcommand: {} } },
      { permissions: MANAGER_PERMISSIONS },
    );
    expect(text(status)).toContain(`<#${discord.channelId}>`);
    expect(text(status)).toContain(`/${discord.channelId}/${posts()[0]?.id}`);
  });

  it('does not post again after two restarts in a row', async () => {
    const clock = createManualClock('2024-07-02T08:00:20Z');
    const before = posts().length;
    expect(before).toBe(1); // the 08:00 post of the test before
    for (const at of ['2024-07-02T08:00:30Z', '2024-07-02T08:01:00Z']) {
      const run = await boot(clock);
      await advance(run, clock, at);
      await running.splice(running.indexOf(run), 1)[0]?.bot.stop();
    }
    expect(posts()).toHaveLength(before);
  });

  it('does not post twice when the bot crashed after the post went out but before its id was recorded', async () => {
    const clock = createManualClock('2024-07-02T12:00:00Z');
    const hangAfterSend = (poster: Poster): Poster => ({
      ...poster,
      post: async (...args) => {
        await poster.post(...args);
        return new Promise<string>(() => {});
      },
    });
    const first = await boot(clock, { wrapPoster: hangAfterSend });
    const before = posts().length;
    await clock.advanceTo('2024-07-03T08:00:00Z');
    await discord.waitForRequest(
      (r) =>
        r.method === 'POST' &&
        r.path === `/channels/${discord.channelId}/messages` &&
        posts().length > before,
    );
    // The crash: the connection and the process go away; nothing is stopped or flushed.
    running.splice(running.indexOf(first), 1);
    await first.bot.client.destroy();
    first.summary.store.close();

    const restarted = createManualClock('2024-07-03T08:02:00Z');
    const second = await boot(restarted);
    await second.summary.scheduler.idle();
    expect(posts()).toHaveLength(before + 1);
    expect(
      discord.requests.some(
        (r) => r.method === 'GET' && r.path === `/channels/${discord.channelId}/messages`,
      ),
      'the restarted bot searched the channel for its post',
    ).toBe(true);
    const row = second.summary.store.ledger.get({
      channelId: discord.channelId,
      at: new Date('2024-07-03T08:00:00Z'),
    });
    expect(row).toMatchObject({ state: 'sent', messageId: posts().at(-1)?.id });
  });

  it('refuses a channel the bot cannot post in, with a clear message, and saves nothing', async () => {
    const clock = createManualClock('2024-07-03T12:00:00Z');
    const run = await boot(clock);
    discord.dispatch('CHANNEL_UPDATE', {
      id: LOCKED_CHANNEL,
      type: 0,
      guild_id: discord.guildId,
      name: 'locked',
      position: 1,
      permission_overwrites: [{ id: discord.guildId, type: 0, allow: '0', deny: String(1n << 11n) }],
      nsfw: false,
      parent_id: null,
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const before = run.summary.store.schedules.get(discord.guildId);
    const reply = await discord.runCommand(
      'daily-summary',
      {
        schedule: { subcommand: { channel: { channel: LOCKED_CHANNEL }, time: '10:00', timezone: 'UTC' } },
      },
      { permissions: MANAGER_PERMISSIONS },
    );
    expect(reply.ephemeral).toBe(true);
    expect(text(reply)).toContain(
      `I can't post in <#${LOCKED_CHANNEL}>: I am missing the Send Messages permission there.`,
    );
    expect(run.summary.store.schedules.get(discord.guildId)).toEqual(before);
  });

  it('reports a channel that no longer exists, with its code, while the server’s own post still goes out', async () => {
    const clock = createManualClock('2024-07-03T12:00:00Z');
    const run = await boot(clock, {
      env: { SUMMARY_CHANNEL_ID: MISSING_CHANNEL, SUMMARY_CRON: '0 9 * * *', SUMMARY_TIMEZONE: 'UTC' },
    });
    const before = posts().length;
    await advance(run, clock, '2024-07-04T09:00:00Z');
    expect(posts()).toHaveLength(before + 1);
    expect(
      run.summary.store.ledger.get({ channelId: MISSING_CHANNEL, at: new Date('2024-07-04T09:00:00Z') }),
    ).toMatchObject({
      state: 'failed',
      errorCode: '10003',
    });
    expect(logLines.some((l) => l.channel === MISSING_CHANNEL && l.code === '10003')).toBe(true);
  });

  it('stops posting after /daily-summary off, and says so in /daily-summary status', async () => {
    const clock = createManualClock('2024-07-04T12:00:00Z');
    const run = await boot(clock);
    const off = await discord.runCommand(
      'daily-summary',
      { off: { subcommand: {} } },
      { permissions: MANAGER_PERMISSIONS },
    );
    expect(text(off)).toContain('Done.');
    const before = posts().length;
    await advance(run, clock, '2024-07-06T12:00:00Z');
    expect(posts()).toHaveLength(before);
    const status = await discord.runCommand(
      'daily-summary',
      { status: { subcommand: {} } },
      { permissions: MANAGER_PERMISSIONS },
    );
    expect(text(status)).toContain('The daily summary is off');
    expect(discord.unknownRoutes).toEqual([]);
  });
});
