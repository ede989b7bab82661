import { describe, expect, it } from 'vitest';
import {
  matchTimeZones,
  parseDays,
  parseTimeOfDay,
  parseTimeZone,
  toCron,
} from '../src/discord/schedule/input.ts';

function value<T>(parsed: { ok: true; value: T } | { ok: false }): T | null {
  return parsed.ok ? parsed.value : null;
}

describe('reading a time of day', () => {
  it('accepts 24-hour and am/pm times', () => {
    expect(
      ['09:00', '9:30', '18:30', '9am', '6:30 pm', '12am', '00:05'].map(
        (t) => value(parseTimeOfDay(t))?.text,
      ),
    ).toEqual(['09:00', '09:30', '18:30', '09:00', '18:30', '00:00', '00:05']);
  });

  it('rejects impossible or ambiguous times with a message that shows the expected form', () => {
    for (const bad of ['24:00', '09:60', '9', '13pm', 'noonish', '']) {
      const parsed = parseTimeOfDay(bad);
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) {
        expect(parsed.problem.field).toBe('time');
        expect(parsed.problem.message).toContain('HH:MM');
      }
    }
  });
});

describe('reading days of the week', () => {
  it('knows daily, weekdays, weekends, names and ranges', () => {
    expect(value(parseDays(undefined))).toEqual({ text: 'daily', cron: '*' });
    expect(value(parseDays('weekdays'))).toEqual({ text: 'weekdays', cron: '1-5' });
    expect(value(parseDays('Saturday, Sunday'))).toEqual({ text: 'weekends', cron: '0,6' });
    expect(value(parseDays('mon,wed,fri'))).toEqual({ text: 'mon,wed,fri', cron: '1,3,5' });
    expect(value(parseDays('fri-mon'))).toEqual({ text: 'mon,fri,sat,sun', cron: '0,1,5,6' });
    expect(value(parseDays('monday to friday'))).toBeNull();
  });

  it('names the word it did not understand', () => {
    const parsed = parseDays('mon,funday');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem.message).toMatch(/"funday" is not a day of the week/);
  });

  it('turns a time and days into a cron pattern', () => {
    const time = value(parseTimeOfDay('07:45'));
    const days = value(parseDays('weekdays'));
    expect(time && days && toCron(time, days)).toBe('45 7 * * 1-5');
  });
});

describe('reading a time zone', () => {
  it('accepts IANA names in any case and returns their canonical spelling', () => {
    expect(value(parseTimeZone('europe/london'))).toBe('Europe/London');
    expect(value(parseTimeZone('UTC'))).toBe('UTC');
  });

  it('rejects an unknown zone and suggests a close one', () => {
    const parsed = parseTimeZone('Europe/Londn');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problem.field).toBe('timezone');
      expect(parsed.problem.message).toContain('"Europe/Londn" is not a time zone');
      expect(parsed.problem.message).toContain('Did you mean Europe/London?');
    }
  });

  it('offers matching zones for autocompletion, at most 25', () => {
    expect(matchTimeZones('london')).toContain('Europe/London');
    expect(matchTimeZones('america').length).toBe(25);
  });
});
