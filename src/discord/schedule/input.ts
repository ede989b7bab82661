/**
 * Reading what an admin types in `/daily-summary schedule`: a time of day, days of the week and a time zone, each
 * checked with a message that says what was wrong and what would work.
 */

/** One rejected input, for an ephemeral reply. */
export interface ScheduleProblem {
  field: 'guild' | 'channel' | 'time' | 'days' | 'timezone';
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: ScheduleProblem };

export interface TimeOfDay {
  hour: number;
  minute: number;
  /** 'HH:MM', 24-hour. */
  text: string;
}

export interface DaySet {
  /** Canonical text: 'daily', 'weekdays', 'weekends' or 'mon,wed,fri'. */
  text: string;
  /** The cron day-of-week field (Sunday = 0). */
  cron: string;
}

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const DAY_ALIASES: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tues: 2,
  tuesday: 2,
  wednesday: 3,
  thur: 4,
  thurs: 4,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

const TIME_HINT = 'Use HH:MM on a 24-hour clock, such as 09:00 or 18:30.';
const DAYS_HINT = 'Use daily, weekdays, weekends, or day names such as mon,wed,fri.';
const ZONE_HINT = 'Use an IANA time zone name such as Europe/London, America/New_York or UTC.';

/** Reads '09:00', '9:30', '18:30', '9am' or '6:30 pm' as a time of day. */
export function parseTimeOfDay(input: string): Parsed<TimeOfDay> {
  const text = input.trim().toLowerCase();
  const match = /^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/.exec(text);
  const bad = (): Parsed<TimeOfDay> => ({
    ok: false,
    problem: { field: 'time', message: `"${input.trim()}" is not a time of day. ${TIME_HINT}` },
  });
  if (!match || (match[2] === undefined && match[3] === undefined)) return bad();
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? '0');
  const half = match[3]?.[0];
  if (half) {
    if (hour < 1 || hour > 12) return bad();
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return bad();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return { ok: true, value: { hour, minute, text: `${pad(hour)}:${pad(minute)}` } };
}

function dayNumber(token: string): number | null {
  const short = DAY_NAMES.indexOf(token as (typeof DAY_NAMES)[number]);
  if (short >= 0) return short;
  return DAY_ALIASES[token] ?? null;
}

/** Reads 'daily', 'weekdays', 'weekends', or day names and ranges ('mon,wed,fri', 'mon-thu'). */
export function parseDays(input: string | undefined): Parsed<DaySet> {
  const text = (input ?? '').trim().toLowerCase();
  if (['', 'daily', 'every day', 'everyday', 'all'].includes(text))
    return { ok: true, value: { text: 'daily', cron: '*' } };
  if (['weekdays', 'weekday'].includes(text)) return { ok: true, value: { text: 'weekdays', cron: '1-5' } };
  if (['weekends', 'weekend'].includes(text)) return { ok: true, value: { text: 'weekends', cron: '0,6' } };
  const days = new Set<number>();
  for (const token of text.split(/\s*(?:,|\s|\band\b)\s*/).filter(Boolean)) {
    const range = /^([a-z]+)-([a-z]+)$/.exec(token);
    const from = dayNumber(range ? (range[1] ?? '') : token);
    const to = range ? dayNumber(range[2] ?? '') : from;
    if (from === null || to === null) {
      return {
        ok: false,
        problem: { field: 'days', message: `"${token}" is not a day of the week. ${DAYS_HINT}` },
      };
    }
    for (let d = from; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === to) break;
    }
  }
  if (days.size === 0 || days.size === 7) return { ok: true, value: { text: 'daily', cron: '*' } };
  const cron = [...days].sort((a, b) => a - b).join(',');
  if (cron === '1,2,3,4,5') return { ok: true, value: { text: 'weekdays', cron: '1-5' } };
  if (cron === '0,6') return { ok: true, value: { text: 'weekends', cron } };
  // Shown Monday first, as most calendars outside North America do; the cron field keeps Sunday = 0.
  const shown = [...days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
  return { ok: true, value: { text: shown.map((d) => DAY_NAMES[d]).join(','), cron } };
}

/** The cron pattern for a time of day on a set of days. */
export function toCron(time: TimeOfDay, days: DaySet): string {
  return `${time.minute} ${time.hour} * * ${days.cron}`;
}

let knownZones: string[] | undefined;

function zoneNames(): string[] {
  knownZones ??= [...Intl.supportedValuesOf('timeZone'), 'UTC'];
  return knownZones;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/** The closest known zone name to a misspelt one, when one is close. */
export function suggestTimeZone(input: string): string | null {
  const needle = input.trim().toLowerCase().replace(/\s+/g, '_');
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(needle.length / 5)) + 1;
  for (const zone of zoneNames()) {
    const z = zone.toLowerCase();
    const distance = Math.min(editDistance(needle, z), editDistance(needle, z.split('/').at(-1) ?? z));
    if (distance < bestDistance) {
      best = zone;
      bestDistance = distance;
    }
  }
  return best;
}

/** Checks an IANA time zone name and returns its canonical spelling ('europe/london' -> 'Europe/London'). */
export function parseTimeZone(input: string): Parsed<string> {
  const name = input.trim();
  if (name) {
    try {
      const canonical = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
      return { ok: true, value: canonical };
    } catch {
      // Not a zone: fall through to the message.
    }
  }
  const suggestion = name ? suggestTimeZone(name) : null;
  return {
    ok: false,
    problem: {
      field: 'timezone',
      message: `"${name}" is not a time zone I know.${suggestion ? ` Did you mean ${suggestion}?` : ''} ${ZONE_HINT}`,
    },
  };
}

/** Zone names containing `query`, for autocompletion (Discord shows at most 25). */
export function matchTimeZones(query: string, limit = 25): string[] {
  const needle = query.trim().toLowerCase().replace(/\s+/g, '_');
  return zoneNames()
    .filter((zone) => zone.toLowerCase().includes(needle))
    .slice(0, limit);
}
