import { describe, expect, it } from 'vitest';
import {
  checkRule,
  findDue,
  latestOccurrence,
  nextOccurrence,
  RuleError,
} from '../src/discord/schedule/occurrences.ts';

const HOUR = 3_600_000;
const london = { cron: '0 9 * * *', timezone: 'Europe/London' };

function localHour(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

describe('occurrence math', () => {
  it('puts a 09:00 London occurrence at 09:00 UTC in winter and 08:00 UTC in summer', () => {
    expect(nextOccurrence(london, new Date('2024-01-10T00:00:00Z'))?.toISOString()).toBe(
      '2024-01-10T09:00:00.000Z',
    );
    expect(nextOccurrence(london, new Date('2024-07-10T00:00:00Z'))?.toISOString()).toBe(
      '2024-07-10T08:00:00.000Z',
    );
  });

  it('keeps the local hour across the spring and autumn clock changes', () => {
    let at = new Date('2024-03-29T12:00:00Z');
    const hours: string[] = [];
    for (let i = 0; i < 4; i++) {
      at = nextOccurrence(london, at) ?? at;
      hours.push(localHour(at, 'Europe/London'));
    }
    at = new Date('2024-10-25T12:00:00Z');
    for (let i = 0; i < 4; i++) {
      at = nextOccurrence(london, at) ?? at;
      hours.push(localHour(at, 'Europe/London'));
    }
    expect(hours).toEqual(Array(8).fill('09:00'));
  });

  it('fires once for a time that happens twice when the clocks go back', () => {
    const rule = { cron: '30 1 * * *', timezone: 'America/New_York' };
    const day = [];
    for (let at = new Date('2024-11-03T04:00:00Z'); at < new Date('2024-11-04T04:00:00Z'); ) {
      const next = nextOccurrence(rule, at);
      if (!next || next >= new Date('2024-11-04T04:00:00Z')) break;
      day.push(next.toISOString());
      at = next;
    }
    expect(day).toEqual(['2024-11-03T05:30:00.000Z']);
  });

  it('fires once, just after the gap, for a time skipped when the clocks go forward', () => {
    const rule = { cron: '30 2 * * *', timezone: 'America/New_York' };
    const next = nextOccurrence(rule, new Date('2024-03-10T05:00:00Z'));
    expect(next?.toISOString()).toBe('2024-03-10T07:00:00.000Z');
    expect(localHour(next ?? new Date(0), 'America/New_York')).toBe('03:00');
    expect(nextOccurrence(rule, next ?? new Date(0))?.toISOString()).toBe('2024-03-11T06:30:00.000Z');
  });

  it('counts an occurrence at exactly now as the latest one, not the next', () => {
    const now = new Date('2024-01-10T09:00:00Z');
    expect(latestOccurrence(london, now)?.toISOString()).toBe('2024-01-10T09:00:00.000Z');
    expect(nextOccurrence(london, now)?.toISOString()).toBe('2024-01-11T09:00:00.000Z');
    expect(latestOccurrence(london, new Date(now.getTime() - 1))?.toISOString()).toBe(
      '2024-01-09T09:00:00.000Z',
    );
  });

  it('rejects an unknown time zone with a RuleError that names it', () => {
    expect(() => checkRule({ cron: '0 9 * * *', timezone: 'Atlantis/Lost_City' })).toThrow(RuleError);
    expect(() => checkRule({ cron: '0 9 * * *', timezone: 'Atlantis/Lost_City' })).toThrow(
      /Atlantis\/Lost_City/,
    );
    expect(() => checkRule({ cron: '0 25 * * *', timezone: 'UTC' })).toThrow(RuleError);
  });
});

describe('what is due', () => {
  const since = new Date('2024-01-01T00:00:00Z');
  const rule = { ...london, since };

  it('is the latest occurrence while it is inside the grace window', () => {
    expect(findDue(rule, new Date('2024-01-10T14:59:59Z'), 6 * HOUR)).toEqual({
      kind: 'due',
      at: new Date('2024-01-10T09:00:00Z'),
    });
  });

  it('has expired once the grace window has passed, counted from the scheduled time', () => {
    expect(findDue(rule, new Date('2024-01-10T15:00:01Z'), 6 * HOUR)).toEqual({
      kind: 'expired',
      at: new Date('2024-01-10T09:00:00Z'),
    });
  });

  it('is only ever the latest occurrence after days of downtime', () => {
    const due = findDue(rule, new Date('2024-01-20T10:00:00Z'), 6 * HOUR);
    expect(due).toEqual({ kind: 'due', at: new Date('2024-01-20T09:00:00Z') });
  });

  it('is nothing when the latest occurrence came before the schedule existed', () => {
    const late = { ...london, since: new Date('2024-01-10T09:30:00Z') };
    expect(findDue(late, new Date('2024-01-10T10:00:00Z'), 6 * HOUR)).toEqual({ kind: 'none' });
    expect(findDue(late, new Date('2024-01-11T09:00:00Z'), 6 * HOUR).kind).toBe('due');
  });
});
