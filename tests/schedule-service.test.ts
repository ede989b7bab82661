import { afterEach, describe, expect, it } from 'vitest';
import { createScheduleService, describeWhen } from '../src/discord/schedule/service.ts';
import type { Store } from '../src/store/store.ts';
import { createFakeDiscord, createManualClock, type TempStore, tempStore } from './schedule-helpers.ts';

const GUILD = '100000000000000001';
const CHANNEL = '200000000000000001';
const OTHER_CHANNEL = '200000000000000009';

let temp: TempStore;
let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
  temp?.cleanup();
});

function setUp(now = '2024-03-01T10:00:00Z') {
  temp = tempStore();
  store = temp.open();
  const clock = createManualClock(now);
  const discord = createFakeDiscord(clock);
  let changes = 0;
  const service = createScheduleService({ store, clock, poster: discord.poster, onChange: () => changes++ });
  return { store, clock, discord, service, changes: () => changes };
}

describe('configuring the daily summary', () => {
  it('saves a valid schedule and reports the next post time in the chosen time zone', async () => {
    const { service, store, changes } = setUp();
    const result = await service.configure({
      guildId: GUILD,
      channelId: CHANNEL,
      time: '9:30',
      timezone: 'america/new_york',
      days: 'weekdays',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.status.active).toBe(true);
    expect(result.status.when).toBe('at 09:30 on weekdays (America/New_York)');
    // Friday 1 March 2024, 05:00 in New York: the next weekday 09:30 is the same day, 14:30 UTC.
    expect(result.status.next?.toISOString()).toBe('2024-03-01T14:30:00.000Z');
    expect(store.schedules.get(GUILD)).toMatchObject({
      channelId: CHANNEL,
      cron: '30 9 * * 1-5',
      timezone: 'America/New_York',
      time: '09:30',
      days: 'weekdays',
      enabled: true,
      createdAt: new Date('2024-03-01T10:00:00Z'),
    });
    expect(changes()).toBe(1);
  });

  it('rejects a bad time, an unknown time zone and bad days together, and saves nothing', async () => {
    const { service, store, changes } = setUp();
    const result = await service.configure({
      guildId: GUILD,
      channelId: CHANNEL,
      time: '25:00',
      timezone: 'Mars/Olympus_Mons',
      days: 'someday',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field)).toEqual(['time', 'days', 'timezone']);
    expect(result.problems[0]?.message).toBe(
      '"25:00" is not a time of day. Use HH:MM on a 24-hour clock, such as 09:00 or 18:30.',
    );
    expect(result.problems[2]?.message).toContain('"Mars/Olympus_Mons" is not a time zone I know.');
    expect(store.schedules.list()).toEqual([]);
    expect(changes()).toBe(0);
  });

  it('rejects a channel the bot cannot post in and saves nothing', async () => {
    const { service, store, discord } = setUp();
    discord.forbidden.set(OTHER_CHANNEL, 'I am missing the Send Messages permission there');
    const result = await service.configure({
      guildId: GUILD,
      channelId: OTHER_CHANNEL,
      time: '09:00',
      timezone: 'UTC',
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          field: 'channel',
          message: `I can't post in <#${OTHER_CHANNEL}>: I am missing the Send Messages permission there`,
        },
      ],
    });
    expect(store.schedules.list()).toEqual([]);
  });

  it('refuses outside a server', async () => {
    const { service } = setUp();
    const result = await service.configure({
      guildId: null,
      channelId: CHANNEL,
      time: '09:00',
      timezone: 'UTC',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.field).toBe('guild');
  });

  it('keeps the original start when the same schedule is saved again, and restarts it when it changes', async () => {
    const { service, store, clock } = setUp();
    const input = { guildId: GUILD, channelId: CHANNEL, time: '09:00', timezone: 'UTC' };
    await service.configure(input);
    await clock.advanceTo('2024-03-02T12:00:00Z');
    await service.configure(input);
    expect(store.schedules.get(GUILD)?.createdAt.toISOString()).toBe('2024-03-01T10:00:00.000Z');
    await service.configure({ ...input, time: '10:00' });
    expect(store.schedules.get(GUILD)?.createdAt.toISOString()).toBe('2024-03-02T12:00:00.000Z');
  });
});

describe('turning the daily summary off and reading its status', () => {
  it('shows no schedule for a guild that never set one up', () => {
    const { service } = setUp();
    expect(service.status(GUILD)).toMatchObject({
      schedule: null,
      active: false,
      next: null,
      lastPost: null,
    });
  });

  it('turns posts off, keeps the settings, and reports them as off', async () => {
    const { service, changes } = setUp();
    await service.configure({ guildId: GUILD, channelId: CHANNEL, time: '09:00', timezone: 'UTC' });
    const off = service.disable(GUILD);
    expect(off.disabled).toBe(true);
    expect(off.status).toMatchObject({ active: false, next: null });
    expect(off.status.schedule?.channelId).toBe(CHANNEL);
    expect(service.disable(GUILD).disabled).toBe(false);
    expect(changes()).toBe(2);
  });

  it('reports the last post and a later failure with its reason', async () => {
    const { service, store } = setUp();
    await service.configure({ guildId: GUILD, channelId: CHANNEL, time: '09:00', timezone: 'UTC' });
    const base = {
      channelId: CHANNEL,
      scheduleId: GUILD,
      guildId: GUILD,
      corpusHash: null,
      payload: null,
      articles: [],
    };
    const day1 = new Date('2024-03-02T09:00:00Z');
    const day2 = new Date('2024-03-03T09:00:00Z');
    store.ledger.claim({ ...base, at: day1 }, day1);
    store.ledger.markSent({ channelId: CHANNEL, at: day1 }, '555', day1);
    expect(service.status(GUILD).lastProblem).toBeNull();
    store.ledger.claim({ ...base, at: day2 }, day2);
    store.ledger.markFailed(
      { channelId: CHANNEL, at: day2 },
      { reason: 'the channel no longer exists (Unknown Channel)', code: '10003' },
      day2,
    );
    const status = service.status(GUILD);
    expect(status.lastPost).toMatchObject({ at: day1, messageId: '555', state: 'sent' });
    expect(status.lastProblem).toMatchObject({
      at: day2,
      state: 'failed',
      code: '10003',
      reason: 'the channel no longer exists (Unknown Channel)',
    });
  });

  it('describes a raw cron schedule from the environment', () => {
    expect(describeWhen({ cron: '0 9 * * *', time: null, days: null, timezone: 'UTC' })).toBe(
      'on the schedule `0 9 * * *` (UTC)',
    );
    expect(describeWhen({ cron: '0 9 * * 1,3', time: '09:00', days: 'mon,wed', timezone: 'UTC' })).toBe(
      'at 09:00 on mon, wed (UTC)',
    );
  });
});
