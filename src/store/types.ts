/** The records the store keeps: summary schedules and the ledger of their occurrences. */

/** Where a schedule came from: `/daily-summary schedule`, or the SUMMARY_* environment variables. */
export type ScheduleSource = 'command' | 'environment';

/** The id of the one schedule that comes from the environment (command schedules use their guild id). */
export const ENVIRONMENT_SCHEDULE_ID = 'env';

export interface ScheduleRecord {
  /** The guild id, or `ENVIRONMENT_SCHEDULE_ID`. */
  id: string;
  source: ScheduleSource;
  /** Null for the environment's schedule until the channel's guild is known. */
  guildId: string | null;
  channelId: string;
  /** Cron pattern (croner syntax, optional seconds field), read in `timezone`. */
  cron: string;
  /** 'HH:MM' when configured as a time of day; null for a raw cron pattern. */
  time: string | null;
  /** 'daily', 'weekdays', 'weekends' or day names ('mon,wed,fri'); null for a raw cron pattern. */
  days: string | null;
  /** IANA time zone name. */
  timezone: string;
  enabled: boolean;
  /** When the schedule was configured (or first seen in the environment): earlier occurrences were never due. */
  createdAt: Date;
  updatedAt: Date;
}

/**
 * What became of an occurrence. `pending` is written before sending; `needs-review` means the bot stopped
 * mid-post and could not tell whether the message went out, so a human should look instead of a second post.
 */
export type OccurrenceState = 'pending' | 'sent' | 'failed' | 'needs-review' | 'skipped';

/** An occurrence's identity: its channel and its scheduled time (UTC, whole seconds), never when a timer fired. */
export interface OccurrenceKey {
  channelId: string;
  at: Date;
}

/** An article as a post covered it: a changed article keeps its id and gets a new content hash. */
export interface ArticleStamp {
  id: string;
  hash: string;
}

export interface OccurrenceRecord extends OccurrenceKey {
  scheduleId: string;
  guildId: string | null;
  state: OccurrenceState;
  messageId: string | null;
  reason: string | null;
  /** Discord's JSON error code, the HTTP status or the network error code, as text. */
  errorCode: string | null;
  attempts: number;
  /** sha256 over the corpus's article hashes when the occurrence was claimed. */
  corpusHash: string | null;
  /** The message as claimed (JSON), so a resumed post sends exactly that. */
  payload: unknown;
  createdAt: Date;
  updatedAt: Date;
}

/** What the scheduler writes when it takes an occurrence on. */
export interface OccurrenceClaim extends OccurrenceKey {
  scheduleId: string;
  guildId: string | null;
  corpusHash: string | null;
  payload: unknown;
  articles: readonly ArticleStamp[];
}

/** Why a send failed, as recorded. */
export interface FailureNote {
  reason: string;
  code: string | null;
}
