/**
 * What `/daily-summary schedule|off|status` do, without Discord: validate and save a guild's schedule, turn it off,
 * and report it. Bad input comes back as problems (nothing is saved); the scheduler is told to re-arm on change.
 */
import type { Store } from '../../store/store.ts';
import type { OccurrenceRecord, OccurrenceState, ScheduleRecord } from '../../store/types.ts';
import { type Clock, systemClock } from './clock.ts';
import { parseDays, parseTimeOfDay, parseTimeZone, type ScheduleProblem, toCron } from './input.ts';
import { checkRule, nextOccurrence } from './occurrences.ts';
import type { Poster } from './poster.ts';
import { activeSchedules } from './scheduler.ts';

export interface ScheduleServiceDeps {
  store: Store;
  clock?: Clock | undefined;
  /** Checks that the bot can post in the chosen channel; without it any channel is accepted. */
  poster?: Pick<Poster, 'checkChannel'> | undefined;
  /** Called after every saved change (the scheduler's `refresh`). */
  onChange?: (() => void) | undefined;
}

export interface ConfigureInput {
  /** Null outside a server: the schedule is per server. */
  guildId: string | null;
  channelId: string;
  /** 'HH:MM' (24-hour), '9:30', '6pm'. */
  time: string;
  /** IANA name, e.g. Europe/London. */
  timezone: string;
  /** 'daily' (default), 'weekdays', 'weekends', or day names such as 'mon,wed,fri'. */
  days?: string | undefined;
}

/** An occurrence as `/daily-summary status` shows it. */
export interface OccurrenceOutcome {
  at: Date;
  channelId: string;
  state: OccurrenceState;
  messageId: string | null;
  reason: string | null;
  code: string | null;
}

export interface ScheduleStatus {
  guildId: string;
  /** The schedule that serves the guild (its own, else the environment's), or null when there is none. */
  schedule: ScheduleRecord | null;
  /** True when posts are on. */
  active: boolean;
  /** 'at 09:00 on weekdays (Europe/London)', or null without a schedule. */
  when: string | null;
  /** The next post time while active. */
  next: Date | null;
  lastPost: OccurrenceOutcome | null;
  /** The latest occurrence that did not post (failed, needs review, retrying, skipped), when newer than the last post. */
  lastProblem: OccurrenceOutcome | null;
}

export type ConfigureResult =
  | { ok: true; status: ScheduleStatus }
  | { ok: false; problems: ScheduleProblem[] };

export interface ScheduleService {
  /** Validates and saves a guild's schedule; on any problem nothing is saved. */
  configure(input: ConfigureInput): Promise<ConfigureResult>;
  /** Turns the guild's posts off; `disabled` is false when they were not on. */
  disable(guildId: string): { disabled: boolean; status: ScheduleStatus };
  status(guildId: string): ScheduleStatus;
}

/** Describes when a schedule posts, for people. */
export function describeWhen(schedule: Pick<ScheduleRecord, 'cron' | 'time' | 'days' | 'timezone'>): string {
  if (schedule.time) {
    const days =
      !schedule.days || schedule.days === 'daily'
        ? 'every day'
        : schedule.days === 'weekdays' || schedule.days === 'weekends'
          ? `on ${schedule.days}`
          : `on ${schedule.days.split(',').join(', ')}`;
    return `at ${schedule.time} ${days} (${schedule.timezone})`;
  }
  return `on the schedule \`${schedule.cron}\` (${schedule.timezone})`;
}

function toOutcome(row: OccurrenceRecord | null): OccurrenceOutcome | null {
  if (!row) return null;
  return {
    at: row.at,
    channelId: row.channelId,
    state: row.state,
    messageId: row.messageId,
    reason: row.reason,
    code: row.errorCode,
  };
}

/** Builds the service the `/daily-summary` admin command calls. */
export function createScheduleService(deps: ScheduleServiceDeps): ScheduleService {
  const { store } = deps;
  const clock = deps.clock ?? systemClock;

  /** The guild's own schedule, else the environment's when it posts in this guild. */
  function scheduleOf(guildId: string): ScheduleRecord | null {
    const own = store.schedules.get(guildId);
    if (own && own.source === 'command') return own;
    return store.schedules.list().find((s) => s.source === 'environment' && s.guildId === guildId) ?? null;
  }

  function status(guildId: string): ScheduleStatus {
    const schedule = scheduleOf(guildId);
    if (!schedule) {
      return {
        guildId,
        schedule: null,
        active: false,
        when: null,
        next: null,
        lastPost: null,
        lastProblem: null,
      };
    }
    const active = activeSchedules(store).some((s) => s.id === schedule.id);
    const lastPost = store.ledger.latest(schedule.id, ['sent']);
    const latest = store.ledger.latest(schedule.id);
    const problem =
      latest && latest.state !== 'sent' && (latest.state !== 'pending' || latest.reason) ? latest : null;
    return {
      guildId,
      schedule,
      active,
      when: describeWhen(schedule),
      next: active ? nextOccurrence(schedule, clock.now()) : null,
      lastPost: toOutcome(lastPost),
      lastProblem: toOutcome(problem && (!lastPost || problem.at > lastPost.at) ? problem : null),
    };
  }

  return {
    async configure(input) {
      const problems: ScheduleProblem[] = [];
      if (!input.guildId) {
        return {
          ok: false,
          problems: [{ field: 'guild', message: 'The daily summary can only be set up in a server.' }],
        };
      }
      const time = parseTimeOfDay(input.time);
      const days = parseDays(input.days);
      const zone = parseTimeZone(input.timezone);
      for (const parsed of [time, days, zone]) if (!parsed.ok) problems.push(parsed.problem);
      if (deps.poster?.checkChannel) {
        const check = await deps.poster.checkChannel(input.guildId, input.channelId);
        if (!check.ok)
          problems.push({
            field: 'channel',
            message: `I can't post in <#${input.channelId}>: ${check.reason}`,
          });
      }
      if (!time.ok || !days.ok || !zone.ok || problems.length) return { ok: false, problems };

      const cron = toCron(time.value, days.value);
      checkRule({ cron, timezone: zone.value });
      const now = clock.now();
      const existing = store.schedules.get(input.guildId);
      const unchanged =
        existing?.source === 'command' &&
        existing.enabled &&
        existing.channelId === input.channelId &&
        existing.cron === cron &&
        existing.timezone === zone.value;
      store.schedules.save({
        id: input.guildId,
        source: 'command',
        guildId: input.guildId,
        channelId: input.channelId,
        cron,
        time: time.value.text,
        days: days.value.text,
        timezone: zone.value,
        enabled: true,
        // A new or changed schedule starts counting now: earlier occurrences were never due under it.
        createdAt: unchanged && existing ? existing.createdAt : now,
        updatedAt: now,
      });
      deps.onChange?.();
      return { ok: true, status: status(input.guildId) };
    },

    disable(guildId) {
      const now = clock.now();
      let disabled = false;
      // The environment's schedule for this guild goes off too, or it would take over again.
      for (const schedule of store.schedules.list()) {
        if (schedule.guildId !== guildId || !schedule.enabled) continue;
        disabled = store.schedules.setEnabled(schedule.id, false, now) || disabled;
      }
      if (disabled) deps.onChange?.();
      return { disabled, status: status(guildId) };
    },

    status,
  };
}
