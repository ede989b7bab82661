import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, StoreError } from '../src/store/migrations.ts';
import { formatOccurrence, openStore, storeFile } from '../src/store/store.ts';
import type { OccurrenceClaim, ScheduleRecord } from '../src/store/types.ts';
import { type TempStore, tempStore } from './schedule-helpers.ts';

const t0 = new Date('2024-03-01T10:00:00Z');

function schedule(overrides: Partial<ScheduleRecord> = {}): ScheduleRecord {
  return {
    id: '111111111111111111',
    source: 'command',
    guildId: '111111111111111111',
    channelId: '222222222222222222',
    cron: '0 9 * * *',
    time: '09:00',
    days: 'daily',
    timezone: 'Europe/London',
    enabled: true,
    createdAt: t0,
    updatedAt: t0,
    ...overrides,
  };
}

function claim(at: string, overrides: Partial<OccurrenceClaim> = {}): OccurrenceClaim {
  return {
    channelId: '222222222222222222',
    at: new Date(at),
    scheduleId: '111111111111111111',
    guildId: '111111111111111111',
    corpusHash: 'c1',
    payload: { title: 'A headline' },
    articles: [
      { id: 'a', hash: 'h-a' },
      { id: 'b', hash: 'h-b' },
    ],
    ...overrides,
  };
}

let temp: TempStore;
afterEach(() => temp?.cleanup());

describe('the store', () => {
  it('creates its folder, file and schema on first open, in WAL mode', () => {
    temp = tempStore();
    expect(existsSync(temp.file)).toBe(false);
    const store = temp.open();
    store.close();
    expect(existsSync(temp.file)).toBe(true);
    const db = new Database(temp.file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((r) => r.name);
    expect(tables).toEqual(['occurrence_articles', 'occurrences', 'schedules']);
    db.close();
  });

  it('keeps the data folder file name under DATA_DIR', () => {
    expect(storeFile('data')).toMatch(/^data[/\\]factdesk\.sqlite$/);
  });

  it('keeps schedules and the ledger across a reopen without migrating again', () => {
    temp = tempStore();
    const first = temp.open();
    first.schedules.save(schedule());
    expect(first.ledger.claim(claim('2024-03-02T09:00:00Z'), t0)).toBe(true);
    first.close();

    const second = temp.open();
    expect(second.schedules.get('111111111111111111')).toEqual(schedule());
    expect(
      second.ledger.get({ channelId: '222222222222222222', at: new Date('2024-03-02T09:00:00Z') })?.state,
    ).toBe('pending');
    second.close();
  });

  it('refuses a database written by a newer version, naming the file and both versions', () => {
    temp = tempStore();
    temp.open().close();
    const db = new Database(temp.file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => temp.open()).toThrow(StoreError);
    expect(() => temp.open()).toThrow(
      new RegExp(`factdesk\\.sqlite.*version ${SCHEMA_VERSION + 1}.*\\(${SCHEMA_VERSION}\\)`),
    );
  });
});

describe('opening the store where it cannot be created', () => {
  it('says which file it could not open and that DATA_DIR is the setting to check', () => {
    temp = tempStore();
    temp.open().close();
    // The database file itself as DATA_DIR: no folder can be made there, whoever runs the test.
    const open = () => openStore(storeFile(temp.file));
    expect(open).toThrow(StoreError);
    expect(open).toThrow(/factdesk\.sqlite\/factdesk\.sqlite: cannot open the database .*check DATA_DIR$/);
  });
});

describe('the post ledger', () => {
  it('lets an occurrence be claimed only once, also from a second connection', () => {
    temp = tempStore();
    const a = temp.open();
    const b = temp.open();
    expect(a.ledger.claim(claim('2024-03-02T09:00:00Z'), t0)).toBe(true);
    expect(b.ledger.claim(claim('2024-03-02T09:00:00Z'), t0)).toBe(false);
    expect(b.ledger.recordSkipped(claim('2024-03-02T09:00:00Z'), 'nothing new', t0)).toBe(false);
    a.close();
    b.close();
  });

  it('identifies an occurrence by channel and scheduled second, whatever the milliseconds', () => {
    temp = tempStore();
    const store = temp.open();
    store.ledger.claim(claim('2024-03-02T09:00:00.000Z'), t0);
    expect(store.ledger.claim(claim('2024-03-02T09:00:00.700Z'), t0)).toBe(false);
    expect(store.ledger.claim(claim('2024-03-02T09:00:00Z', { channelId: '333333333333333333' }), t0)).toBe(
      true,
    );
    expect(formatOccurrence(new Date('2024-03-02T09:00:00.700Z'))).toBe('2024-03-02T09:00:00Z');
    store.close();
  });

  it('records the message id after sending, and the sent post becomes the channel’s last post with its articles', () => {
    temp = tempStore();
    const store = temp.open();
    const key = { channelId: '222222222222222222', at: new Date('2024-03-02T09:00:00Z') };
    store.ledger.claim(claim('2024-03-02T09:00:00Z'), t0);
    expect(store.ledger.lastSent(key.channelId)).toBeNull();
    expect(store.ledger.countAttempt(key, t0)).toBe(1);
    store.ledger.markSent(key, '999', t0);
    const last = store.ledger.lastSent(key.channelId);
    expect(last).toMatchObject({ state: 'sent', messageId: '999', attempts: 1, corpusHash: 'c1' });
    expect(last?.payload).toEqual({ title: 'A headline' });
    expect(store.ledger.articles(key)).toEqual([
      { id: 'a', hash: 'h-a' },
      { id: 'b', hash: 'h-b' },
    ]);
    store.close();
  });

  it('lists pending occurrences and keeps the reason and code of a failure', () => {
    temp = tempStore();
    const store = temp.open();
    store.ledger.claim(claim('2024-03-02T09:00:00Z'), t0);
    store.ledger.claim(claim('2024-03-03T09:00:00Z'), t0);
    const failed = { channelId: '222222222222222222', at: new Date('2024-03-03T09:00:00Z') };
    store.ledger.markFailed(
      failed,
      { reason: 'the bot cannot see the channel (Missing Access)', code: '50001' },
      t0,
    );
    expect(store.ledger.pending().map((r) => formatOccurrence(r.at))).toEqual(['2024-03-02T09:00:00Z']);
    expect(store.ledger.latest('111111111111111111')).toMatchObject({
      state: 'failed',
      errorCode: '50001',
      reason: 'the bot cannot see the channel (Missing Access)',
    });
    expect(store.ledger.latest('111111111111111111', ['sent'])).toBeNull();
    store.close();
  });

  it('turns schedules off and on, and forgets them without losing their ledger', () => {
    temp = tempStore();
    const store = temp.open();
    store.schedules.save(schedule());
    store.ledger.claim(claim('2024-03-02T09:00:00Z'), t0);
    expect(store.schedules.setEnabled('111111111111111111', false, t0)).toBe(true);
    expect(store.schedules.get('111111111111111111')?.enabled).toBe(false);
    expect(store.schedules.setEnabled('nope', false, t0)).toBe(false);
    expect(store.schedules.remove('111111111111111111')).toBe(true);
    expect(store.schedules.list()).toEqual([]);
    expect(store.ledger.pending()).toHaveLength(1);
    store.close();
  });

  it('opens an in-memory store for throwaway use', () => {
    const store = openStore(':memory:');
    store.schedules.save(schedule());
    expect(store.schedules.list()).toHaveLength(1);
    store.close();
  });
});
