/**
 * The SQLite store (better-sqlite3): summary schedules and the post ledger in one file under DATA_DIR, created
 * with its schema on first open. Every method is synchronous, so a ledger write is on disk before the caller
 * goes on to talk to Discord.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate, StoreError } from './migrations.ts';
import type {
  ArticleStamp,
  FailureNote,
  OccurrenceClaim,
  OccurrenceKey,
  OccurrenceRecord,
  OccurrenceState,
  ScheduleRecord,
  ScheduleSource,
} from './types.ts';

export interface ScheduleRepository {
  get(id: string): ScheduleRecord | null;
  /** Every schedule, enabled or not, oldest first. */
  list(): ScheduleRecord[];
  /** Inserts or replaces a schedule. */
  save(schedule: ScheduleRecord): void;
  /** Turns a schedule on or off; false when there is no such schedule. */
  setEnabled(id: string, enabled: boolean, now: Date): boolean;
  /** Remembers the guild of a schedule whose guild was unknown (the environment's). */
  setGuild(id: string, guildId: string, now: Date): void;
  /** Forgets a schedule (its ledger stays); false when there was none. */
  remove(id: string): boolean;
}

export interface LedgerRepository {
  get(key: OccurrenceKey): OccurrenceRecord | null;
  /** Records an occurrence as pending before it is sent; false when it was already recorded (by anyone). */
  claim(claim: OccurrenceClaim, now: Date): boolean;
  /** Records an occurrence that was deliberately not posted; false when it was already recorded. */
  recordSkipped(claim: OccurrenceClaim, reason: string, now: Date): boolean;
  /** Counts one more send attempt; returns the new count. */
  countAttempt(key: OccurrenceKey, now: Date): number;
  /** Keeps the last transient error on a still-pending occurrence. */
  noteError(key: OccurrenceKey, failure: FailureNote, now: Date): void;
  markSent(key: OccurrenceKey, messageId: string, now: Date): void;
  markFailed(key: OccurrenceKey, failure: FailureNote, now: Date): void;
  markNeedsReview(key: OccurrenceKey, reason: string, now: Date): void;
  /** Occurrences recorded as pending: a post was under way when the bot stopped. */
  pending(): OccurrenceRecord[];
  /** The channel's most recent sent post, or null when nothing was ever posted there. */
  lastSent(channelId: string): OccurrenceRecord | null;
  /** The schedule's most recent occurrence in one of `states` (any state when omitted). */
  latest(scheduleId: string, states?: readonly OccurrenceState[]): OccurrenceRecord | null;
  /** The articles an occurrence covered. */
  articles(key: OccurrenceKey): ArticleStamp[];
}

export interface Store {
  readonly file: string;
  readonly schedules: ScheduleRepository;
  readonly ledger: LedgerRepository;
  /** Closes the database; the store is unusable afterwards. */
  close(): void;
}

/** The store's file inside the data folder. */
export function storeFile(dataDir: string): string {
  return join(dataDir, 'factdesk.sqlite');
}

/** Formats an occurrence time as its identity: UTC, to the second (`2024-04-01T08:00:00Z`). */
export function formatOccurrence(at: Date): string {
  return `${at.toISOString().slice(0, 19)}Z`;
}

interface ScheduleRow {
  id: string;
  source: ScheduleSource;
  guild_id: string | null;
  channel_id: string;
  cron: string;
  time: string | null;
  days: string | null;
  timezone: string;
  enabled: number;
  created_at: string;
  updated_at: string;
}

interface OccurrenceRow {
  channel_id: string;
  scheduled_at: string;
  schedule_id: string;
  guild_id: string | null;
  state: OccurrenceState;
  message_id: string | null;
  reason: string | null;
  error_code: string | null;
  attempts: number;
  corpus_hash: string | null;
  payload: string | null;
  created_at: string;
  updated_at: string;
}

function toSchedule(row: ScheduleRow): ScheduleRecord {
  return {
    id: row.id,
    source: row.source,
    guildId: row.guild_id,
    channelId: row.channel_id,
    cron: row.cron,
    time: row.time,
    days: row.days,
    timezone: row.timezone,
    enabled: row.enabled === 1,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

function toOccurrence(row: OccurrenceRow): OccurrenceRecord {
  return {
    channelId: row.channel_id,
    at: new Date(row.scheduled_at),
    scheduleId: row.schedule_id,
    guildId: row.guild_id,
    state: row.state,
    messageId: row.message_id,
    reason: row.reason,
    errorCode: row.error_code,
    attempts: row.attempts,
    corpusHash: row.corpus_hash,
    payload: row.payload === null ? null : (JSON.parse(row.payload) as unknown),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/**
 * Opens (or creates, with its folder and schema) the store at `file`. WAL lets several shard processes share the
 * file; FULL sync keeps a recorded occurrence on disk even through a power cut, which exactly-once relies on.
 */
export function openStore(file: string): Store {
  let db: Database.Database;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    db = new Database(file);
  } catch (error) {
    // Start-up reports this as one line: the usual cause is a DATA_DIR that is not writable.
    throw new StoreError(`${file}: cannot open the database (${(error as Error).message}); check DATA_DIR`, {
      cause: error,
    });
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    migrate(db, file);
  } catch (error) {
    db.close();
    throw error;
  }
  return { file, schedules: scheduleRepository(db), ledger: ledgerRepository(db), close: () => db.close() };
}

function scheduleRepository(db: Database.Database): ScheduleRepository {
  const getStmt = db.prepare<[string], ScheduleRow>('SELECT * FROM schedules WHERE id = ?');
  const listStmt = db.prepare<[], ScheduleRow>('SELECT * FROM schedules ORDER BY created_at, id');
  const saveStmt = db.prepare(
    `INSERT INTO schedules (id, source, guild_id, channel_id, cron, time, days, timezone, enabled, created_at, updated_at)
     VALUES (@id, @source, @guild_id, @channel_id, @cron, @time, @days, @timezone, @enabled, @created_at, @updated_at)
     ON CONFLICT (id) DO UPDATE SET source = excluded.source, guild_id = excluded.guild_id,
       channel_id = excluded.channel_id, cron = excluded.cron, time = excluded.time, days = excluded.days,
       timezone = excluded.timezone, enabled = excluded.enabled, created_at = excluded.created_at,
       updated_at = excluded.updated_at`,
  );
  const enableStmt = db.prepare('UPDATE schedules SET enabled = ?, updated_at = ? WHERE id = ?');
  const guildStmt = db.prepare('UPDATE schedules SET guild_id = ?, updated_at = ? WHERE id = ?');
  const removeStmt = db.prepare('DELETE FROM schedules WHERE id = ?');
  return {
    get: (id) => {
      const row = getStmt.get(id);
      return row ? toSchedule(row) : null;
    },
    list: () => listStmt.all().map(toSchedule),
    save: (s) => {
      saveStmt.run({
        id: s.id,
        source: s.source,
        guild_id: s.guildId,
        channel_id: s.channelId,
        cron: s.cron,
        time: s.time,
        days: s.days,
        timezone: s.timezone,
        enabled: s.enabled ? 1 : 0,
        created_at: s.createdAt.toISOString(),
        updated_at: s.updatedAt.toISOString(),
      });
    },
    setEnabled: (id, enabled, now) => enableStmt.run(enabled ? 1 : 0, now.toISOString(), id).changes > 0,
    setGuild: (id, guildId, now) => {
      guildStmt.run(guildId, now.toISOString(), id);
    },
    remove: (id) => removeStmt.run(id).changes > 0,
  };
}

function ledgerRepository(db: Database.Database): LedgerRepository {
  const getStmt = db.prepare<[string, string], OccurrenceRow>(
    'SELECT * FROM occurrences WHERE channel_id = ? AND scheduled_at = ?',
  );
  const insertStmt = db.prepare(
    `INSERT INTO occurrences (channel_id, scheduled_at, schedule_id, guild_id, state, reason, attempts, corpus_hash,
       payload, created_at, updated_at)
     VALUES (@channel_id, @scheduled_at, @schedule_id, @guild_id, @state, @reason, 0, @corpus_hash, @payload, @now, @now)
     ON CONFLICT (channel_id, scheduled_at) DO NOTHING`,
  );
  const articleStmt = db.prepare(
    'INSERT INTO occurrence_articles (channel_id, scheduled_at, article_id, hash) VALUES (?, ?, ?, ?)',
  );
  const attemptStmt = db.prepare<[string, string, string], { attempts: number }>(
    `UPDATE occurrences SET attempts = attempts + 1, updated_at = ? WHERE channel_id = ? AND scheduled_at = ?
     RETURNING attempts`,
  );
  const updateStmt = db.prepare(
    `UPDATE occurrences SET state = @state, message_id = COALESCE(@message_id, message_id), reason = @reason,
       error_code = @error_code, updated_at = @now
     WHERE channel_id = @channel_id AND scheduled_at = @scheduled_at`,
  );
  const pendingStmt = db.prepare<[], OccurrenceRow>(
    "SELECT * FROM occurrences WHERE state = 'pending' ORDER BY scheduled_at",
  );
  const lastSentStmt = db.prepare<[string], OccurrenceRow>(
    "SELECT * FROM occurrences WHERE channel_id = ? AND state = 'sent' ORDER BY scheduled_at DESC LIMIT 1",
  );
  const latestStmt = db.prepare<[string], OccurrenceRow>(
    'SELECT * FROM occurrences WHERE schedule_id = ? ORDER BY scheduled_at DESC, updated_at DESC',
  );
  const articlesStmt = db.prepare<[string, string], { article_id: string; hash: string }>(
    'SELECT article_id, hash FROM occurrence_articles WHERE channel_id = ? AND scheduled_at = ? ORDER BY article_id',
  );

  const insert = db.transaction(
    (claim: OccurrenceClaim, state: OccurrenceState, reason: string | null, now: Date): boolean => {
      const at = formatOccurrence(claim.at);
      const inserted = insertStmt.run({
        channel_id: claim.channelId,
        scheduled_at: at,
        schedule_id: claim.scheduleId,
        guild_id: claim.guildId,
        state,
        reason,
        corpus_hash: claim.corpusHash,
        payload: claim.payload === undefined ? null : JSON.stringify(claim.payload),
        now: now.toISOString(),
      });
      if (inserted.changes === 0) return false;
      for (const article of claim.articles) articleStmt.run(claim.channelId, at, article.id, article.hash);
      return true;
    },
  );

  const update = (
    key: OccurrenceKey,
    state: OccurrenceState,
    fields: { messageId?: string; reason?: string | null; code?: string | null },
    now: Date,
  ): void => {
    updateStmt.run({
      channel_id: key.channelId,
      scheduled_at: formatOccurrence(key.at),
      state,
      message_id: fields.messageId ?? null,
      reason: fields.reason ?? null,
      error_code: fields.code ?? null,
      now: now.toISOString(),
    });
  };

  return {
    get: (key) => {
      const row = getStmt.get(key.channelId, formatOccurrence(key.at));
      return row ? toOccurrence(row) : null;
    },
    claim: (claim, now) => insert(claim, 'pending', null, now),
    recordSkipped: (claim, reason, now) => insert(claim, 'skipped', reason, now),
    countAttempt: (key, now) =>
      attemptStmt.get(now.toISOString(), key.channelId, formatOccurrence(key.at))?.attempts ?? 0,
    noteError: (key, failure, now) =>
      update(key, 'pending', { reason: failure.reason, code: failure.code }, now),
    markSent: (key, messageId, now) => update(key, 'sent', { messageId }, now),
    markFailed: (key, failure, now) =>
      update(key, 'failed', { reason: failure.reason, code: failure.code }, now),
    markNeedsReview: (key, reason, now) => update(key, 'needs-review', { reason }, now),
    pending: () => pendingStmt.all().map(toOccurrence),
    lastSent: (channelId) => {
      const row = lastSentStmt.get(channelId);
      return row ? toOccurrence(row) : null;
    },
    latest: (scheduleId, states) => {
      for (const row of latestStmt.iterate(scheduleId)) {
        if (!states || states.includes(row.state)) return toOccurrence(row);
      }
      return null;
    },
    articles: (key) =>
      articlesStmt
        .all(key.channelId, formatOccurrence(key.at))
        .map((row) => ({ id: row.article_id, hash: row.hash })),
  };
}
