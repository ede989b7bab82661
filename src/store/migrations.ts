/**
 * The database schema as numbered migrations. `PRAGMA user_version` holds the number of the last one applied;
 * a migration is never edited once released, a change is a new entry at the end.
 */
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'summary schedules, the post ledger and the articles each post covered',
    sql: `
      CREATE TABLE schedules (
        id          TEXT PRIMARY KEY,             -- the guild id, or 'env' for the environment's schedule
        source      TEXT NOT NULL CHECK (source IN ('command', 'environment')),
        guild_id    TEXT,                         -- unknown for the environment's schedule until Discord says
        channel_id  TEXT NOT NULL,
        cron        TEXT NOT NULL,
        time        TEXT,                         -- 'HH:MM' when configured as a time of day
        days        TEXT,                         -- 'daily', 'weekdays', 'weekends' or 'mon,wed,fri'
        timezone    TEXT NOT NULL,
        enabled     INTEGER NOT NULL DEFAULT 1,
        created_at  TEXT NOT NULL,                -- occurrences before this instant were never due
        updated_at  TEXT NOT NULL
      );

      CREATE TABLE occurrences (
        channel_id    TEXT NOT NULL,
        scheduled_at  TEXT NOT NULL,              -- UTC to the second: the occurrence's identity with the channel
        schedule_id   TEXT NOT NULL,
        guild_id      TEXT,
        state         TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'needs-review', 'skipped')),
        message_id    TEXT,
        reason        TEXT,
        error_code    TEXT,
        attempts      INTEGER NOT NULL DEFAULT 0,
        corpus_hash   TEXT,
        payload       TEXT,                       -- the digest as claimed, so a resumed post sends the same thing
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        PRIMARY KEY (channel_id, scheduled_at)
      ) WITHOUT ROWID;
      CREATE INDEX occurrences_by_state ON occurrences (state);
      CREATE INDEX occurrences_by_schedule ON occurrences (schedule_id, scheduled_at);

      CREATE TABLE occurrence_articles (
        channel_id    TEXT NOT NULL,
        scheduled_at  TEXT NOT NULL,
        article_id    TEXT NOT NULL,
        hash          TEXT NOT NULL,
        PRIMARY KEY (channel_id, scheduled_at, article_id),
        FOREIGN KEY (channel_id, scheduled_at) REFERENCES occurrences (channel_id, scheduled_at) ON DELETE CASCADE
      ) WITHOUT ROWID;
    `,
  },
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/** A database this code cannot use (written by a newer version, or a failed migration). */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** Applies every migration newer than the database's `user_version`, each in its own transaction. */
export function migrate(db: Database, file: string): number {
  const current = db.pragma('user_version', { simple: true });
  if (typeof current !== 'number') throw new StoreError(`${file}: could not read the schema version`);
  if (current > SCHEMA_VERSION) {
    throw new StoreError(
      `${file}: the database has schema version ${current}, newer than this factdesk knows (${SCHEMA_VERSION}); ` +
        'upgrade factdesk or point DATA_DIR elsewhere',
    );
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        db.pragma(`user_version = ${migration.version}`);
      })();
    } catch (error) {
      throw new StoreError(
        `${file}: migration ${migration.version} (${migration.description}) failed: ${(error as Error).message}`,
      );
    }
  }
  return SCHEMA_VERSION;
}
