/**
 * The summary scheduler: one lane per schedule, each waiting (through the clock port) for its next occurrence as
 * croner computes it, and posting it exactly once.
 *
 * Exactly once: an occurrence is identified by (channel, scheduled time UTC to the second). It is recorded as
 * pending in SQLite before the send and marked sent with the message id after; an occurrence already in the
 * ledger, in any state, is never taken on again (the insert is the lock, so two shard processes cannot both take
 * it). A pending occurrence found at start-up means the bot stopped mid-post: the channel is searched for the
 * post's marker; found, it is marked sent; provably absent, it is sent (inside the grace window); when the search
 * is impossible, it is marked needs-review for a human rather than risking a second post.
 */
import type { Engine } from '../../engine.ts';
import type { Logger } from '../../log.ts';
import { formatOccurrence, type Store } from '../../store/store.ts';
import {
  ENVIRONMENT_SCHEDULE_ID,
  type OccurrenceKey,
  type OccurrenceRecord,
  type ScheduleRecord,
} from '../../store/types.ts';
import { type Clock, sleepUntil, systemClock } from './clock.ts';
import { buildDigest, type DigestPayload, digestPayloadSchema, occurrenceMarker } from './digest.ts';
import { findDue, nextOccurrence, type Rule } from './occurrences.ts';
import { classifyPostError, type Poster } from './poster.ts';

/** The summary part of the configuration (structurally `Config['summary']`). */
export interface SummarySettings {
  channelId?: string | undefined;
  cron?: string | undefined;
  timezone: string;
  /** How long after its scheduled time an occurrence may still be posted (catch-up and retries). */
  graceMs: number;
  /** Whether to post the standing summary, or nothing, when no article changed since the last post. */
  whenUnchanged: 'post' | 'skip';
}

/** What the digest reads from the engine. */
export type DigestEngine = Pick<Engine, 'articles' | 'summary'>;

export interface SchedulerDeps {
  store: Store;
  /** The engine, or a getter when the corpus can be reloaded while the bot runs. */
  engine: DigestEngine | (() => DigestEngine);
  poster: Poster;
  clock?: Clock | undefined;
  logger: Logger;
  config: { summary: SummarySettings };
  /** The guilds this process serves (its shards' guilds); every guild when omitted (no sharding). */
  guildsOwned?: (() => ReadonlySet<string>) | undefined;
  /** Whether this process runs shard 0, which takes the environment's schedule while its guild is unknown. */
  primaryShard?: boolean | undefined;
  /** How long stop() waits for a post in flight, in real milliseconds. */
  stopTimeoutMs?: number | undefined;
  /** Retry delays for transient failures: the first, doubled each time up to the longest. */
  retry?: { firstMs: number; maxMs: number } | undefined;
}

export interface Scheduler {
  /**
   * Resolves once the schedules are loaded and the start-up work (settling interrupted posts, posting the due
   * occurrence) is under way; `idle()` then resolves when it is done.
   */
  readonly ready: Promise<void>;
  /** Re-reads the schedules (after a configuration change or a guild joining) and re-arms the timers. */
  refresh(): void;
  /** Resolves when no post is in flight or waiting to be retried. */
  idle(): Promise<void>;
  /** Stops the timers, lets a post in flight finish (up to `stopTimeoutMs`), and leaves the database open. */
  stop(): Promise<void>;
}

interface Lane {
  schedule: ScheduleRecord;
  fingerprint: string;
  cancelTimer: (() => void) | null;
  chain: Promise<void>;
  /** Occurrences already reported as missed, so each is logged once. */
  reported: Set<string>;
}

const RECOVERY_LOOKBACK_MS = 60_000;

/** Keeps the environment's schedule in the store: first seen (or changed) now, forgotten when the variables go. */
export function syncEnvironmentSchedule(
  store: Store,
  settings: SummarySettings,
  now: Date,
): ScheduleRecord | null {
  const existing = store.schedules.get(ENVIRONMENT_SCHEDULE_ID);
  if (!settings.channelId || !settings.cron) {
    if (existing) store.schedules.remove(ENVIRONMENT_SCHEDULE_ID);
    return null;
  }
  if (
    existing &&
    existing.channelId === settings.channelId &&
    existing.cron === settings.cron &&
    existing.timezone === settings.timezone
  ) {
    return existing;
  }
  const schedule: ScheduleRecord = {
    id: ENVIRONMENT_SCHEDULE_ID,
    source: 'environment',
    guildId: existing?.channelId === settings.channelId ? existing.guildId : null,
    channelId: settings.channelId,
    cron: settings.cron,
    time: null,
    days: null,
    timezone: settings.timezone,
    enabled: true,
    createdAt: now,
    updatedAt: now,
  };
  store.schedules.save(schedule);
  return schedule;
}

/**
 * The schedules that run: enabled ones, where a guild that used `/daily-summary schedule` (even if it later turned
 * posts off) is no longer served by the environment's schedule.
 */
export function activeSchedules(store: Store): ScheduleRecord[] {
  const all = store.schedules.list();
  const configured = new Set(all.filter((s) => s.source === 'command').map((s) => s.guildId));
  return all.filter((s) => s.enabled && (s.source === 'command' || !s.guildId || !configured.has(s.guildId)));
}

/** A Discord nonce (at most 25 characters) that is the same for every attempt at one occurrence. */
function nonceFor(key: OccurrenceKey): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const ch of `${key.channelId}@${formatOccurrence(key.at)}`) {
    const c = ch.charCodeAt(0);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `fd${h1.toString(36)}${h2.toString(36)}`.slice(0, 25);
}

/** Starts scheduling every owned, enabled schedule; returns at once (see `ready`). */
export function startScheduler(deps: SchedulerDeps): Scheduler {
  const { store, poster, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const settings = deps.config.summary;
  const graceMs = settings.graceMs;
  const retry = deps.retry ?? { firstMs: 5_000, maxMs: 600_000 };
  const engineOf = (): DigestEngine => (typeof deps.engine === 'function' ? deps.engine() : deps.engine);
  const lanes = new Map<string, Lane>();
  const tasks = new Set<Promise<void>>();
  const stopping = new AbortController();
  const log = logger.child({ component: 'summary-scheduler' });

  const ruleOf = (s: ScheduleRecord): Rule => ({ cron: s.cron, timezone: s.timezone, since: s.createdAt });
  const context = (s: { guildId: string | null; channelId: string }, at: Date) => ({
    guild: s.guildId,
    channel: s.channelId,
    occurrence: formatOccurrence(at),
  });

  function owns(guildId: string | null): boolean {
    if (!deps.guildsOwned) return true;
    if (guildId === null) return deps.primaryShard ?? true;
    return deps.guildsOwned().has(guildId);
  }

  function track(task: Promise<void>): Promise<void> {
    tasks.add(task);
    void task.finally(() => tasks.delete(task));
    return task;
  }

  function enqueue(lane: Lane, work: () => Promise<void>): void {
    lane.chain = track(
      lane.chain.then(work).catch((error: unknown) => {
        log.error({ err: error, schedule: lane.schedule.id }, 'summary scheduler error');
      }),
    );
  }

  /** Sends until sent, permanently refused, out of grace, or stopping (then it stays pending for the next start). */
  async function deliver(key: OccurrenceKey, guildId: string | null, payload: DigestPayload): Promise<void> {
    const where = context({ guildId, channelId: key.channelId }, key.at);
    for (;;) {
      if (stopping.signal.aborted) return;
      const attempt = store.ledger.countAttempt(key, clock.now());
      let messageId: string;
      try {
        messageId = await poster.post(key.channelId, payload, { nonce: nonceFor(key) });
      } catch (error) {
        const failure = classifyPostError(error);
        const fields = { ...where, code: failure.code, attempt, permanent: failure.permanent, err: error };
        if (failure.permanent) {
          log.warn(fields, `summary post failed: ${failure.reason}; not retrying`);
          store.ledger.markFailed(key, failure, clock.now());
          return;
        }
        const delay = Math.max(
          Math.min(retry.firstMs * 2 ** (attempt - 1), retry.maxMs),
          failure.retryAfterMs ?? 0,
        );
        const retryAt = new Date(clock.now().getTime() + delay);
        if (retryAt.getTime() - key.at.getTime() > graceMs) {
          log.warn(
            fields,
            `summary post failed: ${failure.reason}; giving up, the grace window ends before a retry`,
          );
          store.ledger.markFailed(
            key,
            { reason: `${failure.reason} (gave up after ${attempt} attempts)`, code: failure.code },
            clock.now(),
          );
          return;
        }
        log.warn(
          { ...fields, retryAt: retryAt.toISOString() },
          `summary post failed: ${failure.reason}; will retry`,
        );
        store.ledger.noteError(key, failure, clock.now());
        if (!(await sleepUntil(clock, retryAt, stopping.signal))) return;
        // The failed request may have reached Discord all the same: look before sending again.
        const found = await lookUp(key, key.at).catch(() => null);
        if (found) {
          store.ledger.markSent(key, found, clock.now());
          log.info({ ...where, messageId: found }, 'found the summary posted despite the error');
          return;
        }
        continue;
      }
      store.ledger.markSent(key, messageId, clock.now());
      log.info({ ...where, messageId, attempt }, 'posted the daily summary');
      return;
    }
  }

  async function lookUp(key: OccurrenceKey, since: Date): Promise<string | null> {
    if (!poster.findRecentPost) return null;
    return poster.findRecentPost(key.channelId, occurrenceMarker(key.at), since);
  }

  /** Settles an occurrence left pending by a stop or a crash, without ever posting it twice. */
  async function recover(row: OccurrenceRecord, mayResend: boolean): Promise<void> {
    const where = context(row, row.at);
    const now = (): Date => clock.now();
    if (!poster.findRecentPost) {
      store.ledger.markNeedsReview(
        row,
        'the bot stopped while posting and cannot search the channel to tell whether the post went out',
        now(),
      );
      log.warn(where, 'summary post interrupted; marked for review');
      return;
    }
    let found: string | null;
    try {
      const since = new Date(Math.min(row.at.getTime(), row.createdAt.getTime()) - RECOVERY_LOOKBACK_MS);
      found = await lookUp(row, since);
    } catch (error) {
      const failure = classifyPostError(error);
      store.ledger.markNeedsReview(
        row,
        `the bot stopped while posting, and searching the channel failed: ${failure.reason}`,
        now(),
      );
      log.warn({ ...where, code: failure.code, err: error }, 'summary post interrupted; marked for review');
      return;
    }
    if (found) {
      store.ledger.markSent(row, found, now());
      log.info(
        { ...where, messageId: found },
        'summary post interrupted after sending; recorded its message',
      );
      return;
    }
    const payload = digestPayloadSchema.safeParse(row.payload);
    if (mayResend && payload.success && now().getTime() - row.at.getTime() <= graceMs) {
      log.info(where, 'summary post interrupted before sending; posting it now');
      await deliver(row, row.guildId, payload.data);
      return;
    }
    store.ledger.markFailed(
      row,
      {
        reason: 'the bot stopped while posting and did not get to post again within the grace window',
        code: null,
      },
      now(),
    );
    log.warn(where, 'summary post interrupted and not resumed');
  }

  /** Posts the schedule's due occurrence, if there is one and nobody has taken it on yet. */
  async function runDue(lane: Lane): Promise<void> {
    if (stopping.signal.aborted) return;
    const schedule = lane.schedule;
    const now = clock.now();
    const due = findDue(ruleOf(schedule), now, graceMs);
    if (due.kind === 'none') return;
    const key: OccurrenceKey = { channelId: schedule.channelId, at: due.at };
    if (store.ledger.get(key)) return;
    const where = context(schedule, due.at);
    if (due.kind === 'expired') {
      const id = formatOccurrence(due.at);
      if (!lane.reported.has(id)) {
        lane.reported.add(id);
        log.info(
          where,
          'a summary was missed while the bot was down; it is past the grace window, so not posting it',
        );
      }
      return;
    }
    const last = store.ledger.lastSent(schedule.channelId);
    const digest = buildDigest({
      engine: engineOf(),
      previous: last ? store.ledger.articles(last) : null,
      at: due.at,
      timezone: schedule.timezone,
    });
    const claim = {
      ...key,
      scheduleId: schedule.id,
      guildId: schedule.guildId,
      corpusHash: digest?.corpusHash ?? null,
      payload: digest?.payload ?? null,
      articles: digest?.articles ?? [],
    };
    if (!digest || (digest.unchanged && settings.whenUnchanged === 'skip')) {
      const reason = digest ? 'nothing new since the last post' : 'the corpus has no articles';
      if (store.ledger.recordSkipped(claim, reason, now))
        log.info({ ...where, reason }, 'skipped the daily summary');
      return;
    }
    if (!store.ledger.claim(claim, now)) return;
    await deliver(key, schedule.guildId, digest.payload);
  }

  function arm(lane: Lane): void {
    lane.cancelTimer?.();
    lane.cancelTimer = null;
    if (stopping.signal.aborted) return;
    const next = nextOccurrence(ruleOf(lane.schedule), clock.now());
    if (!next) return;
    lane.cancelTimer = clock.at(next, () => {
      lane.cancelTimer = null;
      // Re-armed at once, not after the post: a post still retrying must not hide the next occurrence.
      arm(lane);
      enqueue(lane, () => runDue(lane));
    });
  }

  function refresh(pending: readonly OccurrenceRecord[] = []): void {
    if (stopping.signal.aborted) return;
    const wanted = new Map(
      activeSchedules(store)
        .filter((s) => owns(s.guildId))
        .map((s) => [s.id, s]),
    );
    for (const [id, lane] of lanes) {
      if (wanted.has(id)) continue;
      lane.cancelTimer?.();
      lanes.delete(id);
    }
    for (const schedule of wanted.values()) {
      const fingerprint = [
        schedule.channelId,
        schedule.cron,
        schedule.timezone,
        schedule.createdAt.toISOString(),
      ].join('|');
      let lane = lanes.get(schedule.id);
      if (lane && lane.fingerprint === fingerprint) {
        lane.schedule = schedule;
        continue;
      }
      if (!lane) {
        lane = { schedule, fingerprint, cancelTimer: null, chain: Promise.resolve(), reported: new Set() };
        lanes.set(schedule.id, lane);
      }
      const current = lane;
      current.schedule = schedule;
      current.fingerprint = fingerprint;
      for (const row of pending.filter((r) => r.scheduleId === schedule.id)) {
        enqueue(current, () => recover(row, row.channelId === schedule.channelId));
      }
      enqueue(current, () => runDue(current));
      arm(current);
    }
    // Interrupted posts of schedules that no longer run here are settled, never re-sent.
    for (const row of pending) {
      if (wanted.has(row.scheduleId) || !owns(row.guildId)) continue;
      void track(
        recover(row, false).catch((error: unknown) => log.error({ err: error }, 'summary recovery error')),
      );
    }
  }

  async function resolveEnvironmentGuild(): Promise<void> {
    const env = store.schedules.get(ENVIRONMENT_SCHEDULE_ID);
    if (!env || env.guildId || !poster.guildOfChannel) return;
    try {
      const guildId = await poster.guildOfChannel(env.channelId);
      if (guildId) store.schedules.setGuild(env.id, guildId, clock.now());
    } catch (error) {
      log.warn(
        { channel: env.channelId, err: error },
        'could not tell which server the summary channel is in',
      );
    }
  }

  async function idle(): Promise<void> {
    while (tasks.size) await Promise.allSettled([...tasks]);
  }

  const ready = (async () => {
    syncEnvironmentSchedule(store, settings, clock.now());
    await resolveEnvironmentGuild();
    refresh(store.ledger.pending());
  })().catch((error: unknown) => {
    log.error({ err: error }, 'the summary scheduler could not start');
  });

  return {
    ready,
    refresh: () => refresh(),
    idle,
    async stop() {
      stopping.abort();
      for (const lane of lanes.values()) lane.cancelTimer?.();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), deps.stopTimeoutMs ?? 4_000);
      });
      const outcome = await Promise.race([idle().then(() => 'idle' as const), timedOut]);
      clearTimeout(timer);
      if (outcome === 'timeout')
        log.warn('stopped while a summary post was still in flight; the next start settles it');
    },
  };
}
