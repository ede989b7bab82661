import { afterEach, describe, expect, it } from 'vitest';
import { type Clock, systemClock } from '../src/discord/schedule/clock.ts';
import { occurrenceMarker } from '../src/discord/schedule/digest.ts';
import { type Scheduler, type SchedulerDeps, startScheduler } from '../src/discord/schedule/scheduler.ts';
import { createScheduleService } from '../src/discord/schedule/service.ts';
import type { Store } from '../src/store/store.ts';
import {
  captureLogger,
  createFakeDiscord,
  createManualClock,
  discordError,
  type FakeDiscord,
  fakeEngine,
  makeArticle,
  sampleArticles,
  summarySettings,
  type TempStore,
  tempStore,
} from './schedule-helpers.ts';

const GUILD_A = '100000000000000001';
const GUILD_B = '100000000000000002';
const CHANNEL_A = '200000000000000001';
const CHANNEL_B = '200000000000000002';

let temp: TempStore;
const open: Array<{ scheduler: Scheduler; store: Store }> = [];

afterEach(async () => {
  for (const { scheduler, store } of open.splice(0)) {
    await scheduler.stop();
    store.close();
  }
  temp?.cleanup();
});

interface Run {
  scheduler: Scheduler;
  store: Store;
  logs: ReturnType<typeof captureLogger>;
}

/** Starts the bot's scheduler part the way the bot does on ready: fresh store connection, same data folder. */
async function boot(clock: Clock, discord: FakeDiscord, extra: Partial<SchedulerDeps> = {}): Promise<Run> {
  const store = temp.open();
  const logs = captureLogger();
  const scheduler = startScheduler({
    store,
    engine: fakeEngine(sampleArticles()),
    poster: discord.poster,
    clock,
    logger: logs.logger,
    config: summarySettings(),
    ...extra,
  });
  open.push({ scheduler, store });
  await scheduler.ready;
  return { scheduler, store, logs };
}

/** Stops a run the way SIGTERM does. */
async function shutDown(run: Run): Promise<void> {
  const i = open.findIndex((o) => o.scheduler === run.scheduler);
  open.splice(i, 1);
  await run.scheduler.stop();
  run.store.close();
}

/** Loses a run the way a crash does: no stop, its timers and its post in flight simply vanish. */
function crash(run: Run): void {
  const i = open.findIndex((o) => o.scheduler === run.scheduler);
  open.splice(i, 1);
  run.store.close();
}

async function configure(
  clock: Clock,
  guildId: string,
  channelId: string,
  time = '09:00',
  timezone = 'Europe/London',
  days?: string,
) {
  const store = temp.open();
  const result = await createScheduleService({ store, clock }).configure({
    guildId,
    channelId,
    time,
    timezone,
    days,
  });
  store.close();
  expect(result.ok).toBe(true);
}

function localTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
    hourCycle: 'h23',
  }).format(at);
}

describe('the summary scheduler', () => {
  it('posts at the configured local time, within seconds, and not before', async () => {
    temp = tempStore();
    const clock = createManualClock('2024-07-01T10:00:00Z');
    const discord = createFakeDiscord(clock);
    await configure(clock, GUILD_A, CHANNEL_A, '09:00', 'Europe/London');
    await boot(clock, discord);

    await clock.advanceTo('2024-07-02T07:59:59Z');
    expect(discord.messages).toHaveLength(0);
    await clock.advanceTo('2024-07-02T08:00:05Z');
    expect(discord.messages).toHaveLength(1);
    const [post] = discord.messages;
    expect(post?.channelId).toBe(CHANNEL_A);
    expect(post?.postedAt.getTime()).toBeLessThanOrEqual(new Date('2024-07-02T08:00:05Z').getTime());
    expect(localTime(post?.postedAt ?? new Date(0), 'Europe/London')).toBe('02/07/2024, 09:00');
    expect(post?.payload.footer).toContain(occurrenceMarker(new Date('2024-07-02T08:00:00Z')));
    expect(post?.payload.title).toBe('Town council backs new cycle lanes');

    await clock.advanceTo('2024-07-04T12:00:00Z');
    expect(discord.messages.map((m) => m.postedAt.toISOString())).toEqual([
      '2024-07-02T08:00:00.000Z',
      '2024-07-03T08:00:00.000Z',
      '2024-07-04T08:00:00.000Z',
    ]);
  });

  it('records the message id of every post in the ledger', async () => {
    temp = tempStore();
    const clock = createManualClock('2024-07-01T10:00:00Z');
    const discord = createFakeDiscord(clock);
    await configure(clock, GUILD_A, CHANNEL_A);
    const run = await boot(clock, discord);
    await clock.advanceTo('2024-07-02T08:00:01Z');
    expect(
      run.store.ledger.get({ channelId: CHANNEL_A, at: new Date('2024-07-02T08:00:00Z') }),
    ).toMatchObject({
      state: 'sent',
      messageId: discord.messages[0]?.id,
      attempts: 1,
    });
  });

  it('does not post twice after two restarts in a row', async () => {
    temp = tempStore();
    const clock = createManualClock('2024-07-01T10:00:00Z');
    const discord = createFakeDiscord(clock);
    await configure(clock, GUILD_A, CHANNEL_A);
    let run = await boot(clock, discord);
    await clock.advanceTo('2024-07-02T08:00:02Z');
    expect(discord.messages).toHaveLength(1);

    for (const restartAt of ['2024-07-02T08:00:20Z', '2024-07-02T08:01:00Z']) {
      await shutDown(run);
      await clock.advanceTo(restartAt);
      run = await boot(clock, discord);
      await run.scheduler.idle();
      await clock.advance(30_000);
    }
    expect(discord.messages).toHaveLength(1);
    expect(discord.calls).toHaveLength(1);
  });

  it('posts exactly once when the bot crashed after recording the occurrence but before sending', async () => {
    temp = tempStore();
    const clock = createManualClock('2024-07-01T10:00:00Z');
    const discord = createFakeDiscord(clock);
    await configure(clock, GUILD_A, CHANNEL_A);
    discord.hang = 'before';
    const first = await boot(clock, discord);
    await clock.advanceTo('2024-07-02T08:00:01Z');
    expect(first.store.ledger.pending()).toHaveLength(1);
    expect(discord.messages).toHaveLength(0);
    crash(first);

    discord.hang = null;
    const restarted = createManualClock('2024-07-02T08:03:00Z');
    const second = await boot(restarted, discord);
    await second.scheduler.idle();
    expect(discord.messages).toHaveLength(1);
    expect(
      second.store.ledger.get({ channelId: CHANNEL_A, at: new Date('2024-07-02T08:00:00Z') }),
    ).toMatchObject({
      state: 'sent',
      messageId: discord.messages[0]?.id,
    });
    await restarted.advanceTo('2024-07-02T20:00:00Z');
    expect(discord.messages).toHaveLength(1);
  });

  it('does not post again when the bot crashed after Discord took the post but before its id was recorded', async () => {
    temp = tempStore();
    const clock = createManualClock('2024-07-01T10:00:00Z');
    const discord = createFakeDiscord(clock);
    await configure(clock, GUILD_A, CHANNEL_A);
    discord.hang = 'after';
    const first = await boot(clock, discord);
    await clock.advanceTo('2024-07-02T08:00:01Z');
    expect(discord.messages).toHaveLength(1);
    crash(first);

    discord.hang = null;
    const restarted = createManualClock('2024-07-02T08:03:00Z');
    const second = await boot(restarted, discord);
    await second.scheduler.idle();
    expect(discord.messages).toHaveLength(1);
    expect(
      second.store.ledger.get({ channelId: CHANNEL_A, at: new Date('2024-07-02T08:00:00Z') }),
    ).toMatchObject({
      state: 'sent',
      messageId: discord.messages[0]?.id,
    });
  });

  it('marks an interrupted post for review instead of risking a second post when the channel cannot be searched', async () => {
    temp = tempStore();
    const clock = createManualClock('2024-07-01T10:00:00Z');
    const discord = createFakeDiscord(clock);
    await configure(clock, GUILD_A, CHANNEL_A);
    await configure(clock, GUILD_B, CHANNEL_B);
    discord.hang = 'after';
    const first = await boot(clock, discord);
    await clock.advanceTo('2024-07-02T08:00:01Z');
    expect(discord.messages).toHaveLength(2);
    crash(first);

    discord.hang = null;
    const restarted = createManualClock('2024-07-02T08:03:00Z');
    const blind = {
      post: discord.poster.post,
      // Guild B's channel can no longer be read; guild A's poster offers no search at all.
      findRecentPost: (channelId: string, marker: string, since: Date) =>
        channelId === CHANNEL_B
          ? Promise.reject(discordError(50001, 403, 'Missing Access'))
          : Promise.resolve(discord.poster.findRecentPost?.(channelId, marker, since) ?? null),
    };
    const second = await boot(restarted, discord, { poster: blind });
    await second.scheduler.idle();
    expect(discord.messages).toHaveLength(2);
    const b = second.store.ledger.get({ channelId: CHANNEL_B, at: new Date('2024-07-02T08:00:00Z') });
    expect(b?.state).toBe('needs-review');
    expect(b?.reason).toMatch(
      /searching the channel failed: the bot cannot see the channel \(Missing Access\)/,
    );
    expect(
      second.store.ledger.get({ channelId: CHANNEL_A, at: new Date('2024-07-02T08:00:00Z') })?.state,
    ).toBe('sent');

    const status = createScheduleService({ store: second.store, clock: restarted }).status(GUILD_B);
    expect(status.lastProblem).toMatchObject({ state: 'needs-review' });
  });

  it('marks an interrupted post for review when the poster cannot search at all', async () => {
    temp = tempStore();
    const clock = createManualClock('2024-07-01T10:00:00Z');
    const discord = createFakeDiscord(clock);
    await configure(clock, GUILD_A, CHANNEL_A);
    discord.hang = 'before';
    const first = await boot(clock, discord);
    await clock.advanceTo('2024-07-02T08:00:01Z');
    crash(first);

    discord.hang = null;
    const second = await boot(createManualClock('2024-07-02T08:03:00Z'), discord, {
      poster: { post: discord.poster.post },
    });
    await second.scheduler.idle();
    expect(discord.messages).toHaveLength(0);
    expect(
      second.store.ledger.get({ channelId: CHANNEL_A, at: new Date('2024-07-02T08:00:00Z') })?.state,
    ).toBe('needs-review');
  });

  it('posts one catch-up within seconds of starting after downtime over one occurrence', async () => {
    temp = tempStore();
    const clock = createManualClock('2024-07-01T10:00:00Z');
    const discord = createFakeDiscord(clock);
    await configure(clock, GUILD_A, CHANNEL_A);
    await shutDown(await boot(clock, discord));

    const later = createManualClock('2024-07-02T10:30:00Z');
    discord.clock = later;
    await boot(later, discord);
    await later.advance(10_000);
    expect(discord.messages).toHaveLength(1);
    expect(discord.messages[0]?.postedAt.toISOString()).toBe('2024-07-02T10:30:00.000Z');
    expect(discord.messages[0]?.payload.footer).toContain(occurrenceMarker(new Date('2024-07-02T08:00:00Z')));
    await later.advanceTo('2024-07-03T08:00:00Z');
    expect(discord.messages).toHaveLength(2);
  });

  it('posts only the latest missed occurrence after downtime over several, never a burst', async () => {
    temp = tempStore();
    const clock = createManualClock('2024-07-01T10:00:00Z');
    const discord = createFakeDiscord(clock);
    await configure(clock, GUILD_A, CHANNEL_A);
    await shutDown(await boot(clock, discord));

    const later = createManualClock('2024-07-06T09:00:00Z');
    await boot(later, discord);
    await later.advance(60_000);
    expect(discord.messages.map((m) => m.payload.timestamp)).toEqual(['2024-07-06T08:00:00.000Z']);
  });

  it('posts nothing on start when the latest missed occurrence is older than the grace window', async () => {
    temp = tempStore();
    const clock = createManualClock('2024-07-01T10:00:00Z');
    const discord = createFakeDiscord(clock);
    await configure(clock, GUILD_A, CHANNEL_A);
    await shutDown(await boot(clock, discord));

    const later = createManualClock('2024-07-06T15:00:00Z');
    const run = await boot(later, discord);
    await later.advance(60_000);
    expect(discord.messages).toHaveLength(0);
    expect(run.logs.lines().some((l) => String(l.msg).includes('past the grace window'))).toBe(true);
    await later.advanceTo('2024-07-07T08:00:00Z');
    expect(discord.messages).toHaveLength(1);
  });

  it('does not treat occurrences from before the schedule was configured as missed', async () => {
    temp = tempStore();
    const clock = createManualClock('2024-07-02T08:30:00Z');
    const discord = createFakeDiscord(clock);
    await configure(clock, GUILD_A, CHANNEL_A, '09:00', 'Europe/London');
    await boot(clock, discord);
    await clock.advance(60_000);
    expect(discord.messages).toHaveLength(0);
    await clock.advanceTo('2024-07-03T08:00:00Z');
    expect(discord.messages).toHaveLength(1);
  });

  it('reports a channel it cannot post in, with the code, and still posts for other guilds', async () => {
    temp = tempStore();
    const clock = createManualClock('2024-07-01T10:00:00Z');
    const discord = createFakeDiscord(clock);
    await configure(clock, GUILD_A, CHANNEL_A);
    await configure(clock, GUILD_B, CHANNEL_B);
    discord.broken.set(CHANNEL_A, discordError(50001, 403, 'Missing Access'));
    const run = await boot(clock, discord);
    await clock.advanceTo('2024-07-02T09:00:00Z');

    expect(discord.messagesIn(CHANNEL_B)).toHaveLength(1);
    expect(discord.calls.filter((c) => c.channelId === CHANNEL_A)).toHaveLength(1);
    expect(
      run.store.ledger.get({ channelId: CHANNEL_A, at: new Date('2024-07-02T08:00:00Z') }),
    ).toMatchObject({
      state: 'failed',
      errorCode: '50001',
      reason: 'the bot cannot see the channel (Missing Access)',
    });
    const logged = run.logs.lines().find((l) => l.channel === CHANNEL_A && l.level === 40);
    expect(logged).toMatchObject({ code: '50001', guild: GUILD_A, permanent: true });

    const status = createScheduleService({ store: run.store, clock }).status(GUILD_A);
    expect(status.lastProblem).toMatchObject({ state: 'failed', code: '50001' });
    expect(status.active).toBe(true);

    // The schedule goes on: the next day is tried again, once.
    discord.broken.delete(CHANNEL_A);
    await clock.advanceTo('2024-07-03T09:00:00Z');
    expect(discord.messagesIn(CHANNEL_A)).toHaveLength(1);
    expect(createScheduleService({ store: run.store, clock }).status(GUILD_A).lastProblem).toBeNull();
  });

  it('treats unknown channels and missing permissions as permanent too', async () => {
    temp = tempStore();
    const clock = createManualClock('2024-07-01T10:00:00Z');
    const discord = createFakeDiscord(clock);
    await configure(clock, GUILD_A, CHANNEL_A);
    await configure(clock, GUILD_B, CHANNEL_B);
    discord.broken.set(CHANNEL_A, discordError(10003, 404, 'Unknown Channel'));
    discord.broken.set(CHANNEL_B, discordError(50013, 403, 'Missing Permissions'));
    const run = await boot(clock, discord);
    await clock.advanceTo('2024-07-02T12:00:00Z');
    expect(discord.calls).toHaveLength(2);
    const at = new Date('2024-07-02T08:00:00Z');
    expect(run.store.ledger.get({ channelId: CHANNEL_A, at })?.errorCode).toBe('10003');
    expect(run.store.ledger.get({ channelId: CHANNEL_B, at })?.errorCode).toBe('50013');
  });

  it('retries a transient Discord failure with backoff and posts once', async () => {
    temp = tempStore();
    const clock = createManualClock('2024-07-01T10:00:00Z');
    const discord = createFakeDiscord(clock);
    await configure(clock, GUILD_A, CHANNEL_A);
    discord.flaky.set(CHANNEL_A, [
      Object.assign(new Error('Service Unavailable'), { status: 503, name: 'HTTPError' }),
      Object.assign(new TypeError('fetch failed'), {
        cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }),
      }),
    ]);
    const run = await boot(clock, discord);
    await clock.advanceTo('2024-07-02T08:05:00Z');
    expect(discord.calls.map((c) => c.at.toISOString())).toEqual([
      '2024-07-02T08:00:00.000Z',
      '2024-07-02T08:00:05.000Z',
      '2024-07-02T08:00:15.000Z',
    ]);
    expect(discord.messages).toHaveLength(1);
    expect(
      run.store.ledger.get({ channelId: CHANNEL_A, at: new Date('2024-07-02T08:00:00Z') }),
    ).toMatchObject({
      state: 'sent',
      attempts: 3,
    });
    const codes = run.logs
      .lines()
      .filter((l) => l.level === 40)
      .map((l) => l.code);
    expect(codes).toEqual(['503', 'ECONNRESET']);
  });

  it('waits as long as a rate limit asks before retrying', async () => {
    temp = tempStore();
    const clock = createManualClock('2024-07-01T10:00:00Z');
    const discord = createFakeDiscord(clock);
    await configure(clock, GUILD_A, CHANNEL_A);
    discord.flaky.set(CHANNEL_A, [
      Object.assign(new Error('You are being rate limited.'), {
        status: 429,
        code: 0,
        rawError: { retry_after: 42 },
      }),
    ]);
    await boot(clock, discord);
    await clock.advanceTo('2024-07-02T08:05:00Z');
    expect(discord.calls.map((c) => c.at.toISOString())).toEqual([
      '2024-07-02T08:00:00.000Z',
      '2024-07-02T08:00:42.000Z',
    ]);
  });

  it('gives up on a transient failure when the grace window ends, and marks it failed', async () => {
    temp = tempStore();
    const clock = createManualClock('2024-07-01T10:00:00Z');
    const discord = createFakeDiscord(clock);
    await configure(clock, GUILD_A, CHANNEL_A);
    discord.broken.set(CHANNEL_A, Object.assign(new Error('Bad Gateway'), { status: 502 }));
    const run = await boot(clock, discord, { config: summarySettings({ graceMs: 2 * 60_000 }) });
    await clock.advanceTo('2024-07-02T09:00:00Z');
    expect(discord.calls.length).toBeGreaterThan(1);
    expect(discord.calls.every((c) => c.at.getTime() <= new Date('2024-07-02T08:02:00Z').getTime())).toBe(
      true,
    );
    expect(
      run.store.ledger.get({ channelId: CHANNEL_A, at: new Date('2024-07-02T08:00:00Z') }),
    ).toMatchObject({
      state: 'failed',
      errorCode: '502',
    });
  });

  it('checks whether a failed request reached Discord before sending it again', async () => {
    temp = tempStore();
    const clock = createManualClock('2024-07-01T10:00:00Z');
    const discord = createFakeDiscord(clock);
    await configure(clock, GUILD_A, CHANNEL_A);
    const post = discord.poster.post;
    let first = true;
    const poster = {
      ...discord.poster,
      // The message is created, then the connection drops before the answer arrives.
      post: async (...args: Parameters<typeof post>) => {
        await post(...args);
        if (!first) return 'unexpected';
        first = false;
        throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      },
    };
    const run = await boot(clock, discord, { poster });
    await clock.advanceTo('2024-07-02T08:10:00Z');
    expect(discord.messages).toHaveLength(1);
    expect(
      run.store.ledger.get({ channelId: CHANNEL_A, at: new Date('2024-07-02T08:00:00Z') }),
    ).toMatchObject({
      state: 'sent',
      messageId: discord.messages[0]?.id,
    });
  });

  it('posts once a day at 09:00 local time across the spring clock change', async () => {
    temp = tempStore();
    const clock = createManualClock('2024-03-29T12:00:00Z');
    const discord = createFakeDiscord(clock);
    await configure(clock, GUILD_A, CHANNEL_A, '09:00', 'Europe/London');
    await boot(clock, discord);
    await clock.advanceTo('2024-04-02T12:00:00Z');
    expect(discord.messages.map((m) => localTime(m.postedAt, 'Europe/London'))).toEqual([
      '30/03/2024, 09:00',
      '31/03/2024, 09:00',
      '01/04/2024, 09:00',
      '02/04/2024, 09:00',
    ]);
  });

  it('posts once for a time that happens twice when the clocks go back', async () => {
    temp = tempStore();
    const clock = createManualClock('2024-11-01T12:00:00Z');
    const discord = createFakeDiscord(clock);
    await configure(clock, GUILD_A, CHANNEL_A, '01:30', 'America/New_York');
    await boot(clock, discord);
    await clock.advanceTo('2024-11-05T12:00:00Z');
    expect(discord.messages.map((m) => m.postedAt.toISOString())).toEqual([
      '2024-11-02T05:30:00.000Z',
      '2024-11-03T05:30:00.000Z',
      '2024-11-04T06:30:00.000Z',
      '2024-11-05T06:30:00.000Z',
    ]);
  });

  it('posts once, just after the gap, for a time the spring clock change skips', async () => {
    temp = tempStore();
    const clock = createManualClock('2024-03-08T12:00:00Z');
    const discord = createFakeDiscord(clock);
    await configure(clock, GUILD_A, CHANNEL_A, '02:30', 'America/New_York');
    await boot(clock, discord);
    await clock.advanceTo('2024-03-11T12:00:00Z');
    expect(discord.messages.map((m) => localTime(m.postedAt, 'America/New_York'))).toEqual([
      '09/03/2024, 02:30',
      '10/03/2024, 03:00',
      '11/03/2024, 02:30',
    ]);
  });

  it('lets only one of two processes sharing the database post an occurrence', async () => {
    temp = tempStore();
    const clock = createManualClock('2024-07-01T10:00:00Z');
    const discord = createFakeDiscord(clock);
    await configure(clock, GUILD_A, CHANNEL_A);
    await boot(clock, discord);
    await boot(clock, discord);
    await clock.advanceTo('2024-07-03T09:00:00Z');
    expect(discord.messages).toHaveLength(2);
  });

  it('schedules only the guilds this shard owns', async () => {
    temp = tempStore();
    const clock = createManualClock('2024-07-01T10:00:00Z');
    const discord = createFakeDiscord(clock);
    await configure(clock, GUILD_A, CHANNEL_A);
    await configure(clock, GUILD_B, CHANNEL_B);
    await boot(clock, discord, { guildsOwned: () => new Set([GUILD_B]), primaryShard: false });
    await clock.advanceTo('2024-07-02T09:00:00Z');
    expect(discord.messages.map((m) => m.channelId)).toEqual([CHANNEL_B]);
  });

  it('runs the environment’s schedule from when it was first seen, in the shard that owns its channel’s guild', async () => {
    temp = tempStore();
    const clock = createManualClock('2024-07-02T08:30:00Z');
    const discord = createFakeDiscord(clock);
    discord.guilds.set(CHANNEL_A, GUILD_A);
    const config = summarySettings({ channelId: CHANNEL_A, cron: '0 9 * * *', timezone: 'Europe/London' });
    const other = await boot(clock, discord, {
      config,
      guildsOwned: () => new Set([GUILD_B]),
      primaryShard: true,
    });
    const owner = await boot(clock, discord, {
      config,
      guildsOwned: () => new Set([GUILD_A]),
      primaryShard: false,
    });
    await clock.advance(60_000);
    expect(discord.messages).toHaveLength(0);
    await clock.advanceTo('2024-07-03T08:00:01Z');
    expect(discord.messages).toHaveLength(1);
    expect(owner.store.schedules.get('env')).toMatchObject({ guildId: GUILD_A, source: 'environment' });
    expect(other.store.schedules.get('env')?.createdAt.toISOString()).toBe('2024-07-02T08:30:00.000Z');
  });

  it('skips the post when nothing changed, if so configured, and announces new articles when they come', async () => {
    temp = tempStore();
    const clock = createManualClock('2024-07-01T10:00:00Z');
    const discord = createFakeDiscord(clock);
    await configure(clock, GUILD_A, CHANNEL_A);
    const articles = sampleArticles();
    const run = await boot(clock, discord, {
      engine: () => fakeEngine(articles),
      config: summarySettings({ whenUnchanged: 'skip' }),
    });
    await clock.advanceTo('2024-07-03T09:00:00Z');
    expect(discord.messages).toHaveLength(1);
    expect(
      run.store.ledger.get({ channelId: CHANNEL_A, at: new Date('2024-07-03T08:00:00Z') }),
    ).toMatchObject({
      state: 'skipped',
      reason: 'nothing new since the last post',
    });

    articles.push(
      makeArticle(
        'ferry',
        'Harbour ferry gets a second boat',
        ['The ferry company bought a second boat on Friday.'],
        {
          published: '2024-07-03',
        },
      ),
    );
    await clock.advanceTo('2024-07-04T09:00:00Z');
    expect(discord.messages).toHaveLength(2);
    const latest = discord.messages[1]?.payload;
    expect(latest?.title).toBe('Harbour ferry gets a second boat');
    expect(latest?.fields[0]).toEqual({
      name: 'New since the last post',
      value: '• New: Harbour ferry gets a second boat',
    });
  });

  it('posts the standing summary when nothing changed, by default', async () => {
    temp = tempStore();
    const clock = createManualClock('2024-07-01T10:00:00Z');
    const discord = createFakeDiscord(clock);
    await configure(clock, GUILD_A, CHANNEL_A);
    await boot(clock, discord);
    await clock.advanceTo('2024-07-03T09:00:00Z');
    expect(discord.messages).toHaveLength(2);
    expect(discord.messages[1]?.payload.fields.map((f) => f.name)).toEqual(['More articles']);
  });

  it('follows a schedule changed while running, without posting for the change itself', async () => {
    temp = tempStore();
    const clock = createManualClock('2024-07-01T10:00:00Z');
    const discord = createFakeDiscord(clock);
    await configure(clock, GUILD_A, CHANNEL_A, '09:00');
    const run = await boot(clock, discord);
    const service = createScheduleService({
      store: run.store,
      clock,
      onChange: () => run.scheduler.refresh(),
    });
    await clock.advanceTo('2024-07-02T12:00:00Z');
    await service.configure({
      guildId: GUILD_A,
      channelId: CHANNEL_B,
      time: '18:00',
      timezone: 'Europe/London',
    });
    await clock.advance(60_000);
    expect(discord.messages.map((m) => m.channelId)).toEqual([CHANNEL_A]);
    await clock.advanceTo('2024-07-02T17:00:01Z');
    expect(discord.messages.map((m) => m.channelId)).toEqual([CHANNEL_A, CHANNEL_B]);
    service.disable(GUILD_A);
    await clock.advanceTo('2024-07-05T00:00:00Z');
    expect(discord.messages).toHaveLength(2);
  });

  it('lets a post in flight finish when stopped, and leaves no timer behind', async () => {
    temp = tempStore();
    const clock = createManualClock('2024-07-01T10:00:00Z');
    const discord = createFakeDiscord(clock);
    await configure(clock, GUILD_A, CHANNEL_A);
    const slow = {
      ...discord.poster,
      post: async (...args: Parameters<typeof discord.poster.post>) => {
        await new Promise((resolve) => setTimeout(resolve, 100));
        return discord.poster.post(...args);
      },
    };
    const run = await boot(clock, discord, { poster: slow });
    await clock.advanceTo('2024-07-02T08:00:00Z');
    expect(discord.messages).toHaveLength(0);
    await shutDown(run);
    expect(discord.messages).toHaveLength(1);
    expect(clock.pendingTimers()).toBe(0);
    const reopened = temp.open();
    expect(reopened.ledger.get({ channelId: CHANNEL_A, at: new Date('2024-07-02T08:00:00Z') })?.state).toBe(
      'sent',
    );
    reopened.close();
  });

  it('fires on the real clock too', async () => {
    temp = tempStore();
    const fired: number[] = [];
    const start = Date.now();
    await new Promise<void>((resolve) => {
      systemClock.at(new Date(start + 50), () => {
        fired.push(Date.now());
        resolve();
      });
    });
    expect(fired[0]).toBeGreaterThanOrEqual(start + 50);
    const cancelled: number[] = [];
    const cancel = systemClock.at(new Date(Date.now() + 20), () => cancelled.push(1));
    cancel();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(cancelled).toEqual([]);
  });
});
