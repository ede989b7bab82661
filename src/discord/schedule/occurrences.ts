/**
 * Occurrence math. croner does every calendar and time-zone computation (including daylight-saving gaps and
 * repeated hours: a fixed-time job runs once, at the first valid time after a gap); this module only decides
 * which occurrence is due. An occurrence is identified by its scheduled time, never by when a timer fired.
 */
import { Cron } from 'croner';

/** A schedule's timing: a cron pattern read in an IANA time zone, and when it started to count. */
export interface Rule {
  cron: string;
  timezone: string;
  /** Occurrences before this instant were never due (the schedule did not exist yet). */
  since: Date;
}

/** What is due at a given instant. */
export type Due =
  | { kind: 'due'; at: Date }
  /** The latest occurrence is older than the grace window: it is never posted. */
  | { kind: 'expired'; at: Date }
  | { kind: 'none' };

/** A cron pattern or time zone croner refuses. */
export class RuleError extends Error {
  override name = 'RuleError';
}

const cache = new Map<string, Cron>();

function cronOf(rule: Pick<Rule, 'cron' | 'timezone'>): Cron {
  const key = `${rule.timezone}\u0000${rule.cron}`;
  let job = cache.get(key);
  if (!job) {
    try {
      job = new Cron(rule.cron, { timezone: rule.timezone, paused: true });
      // croner reports an unknown zone only when it first converts a date.
      job.nextRun(new Date(0));
    } catch (error) {
      throw new RuleError(
        `invalid schedule "${rule.cron}" in time zone "${rule.timezone}": ${(error as Error).message}`,
      );
    }
    if (cache.size > 1000) cache.clear();
    cache.set(key, job);
  }
  return job;
}

/** Throws a RuleError when croner cannot use the pattern in that time zone. */
export function checkRule(rule: Pick<Rule, 'cron' | 'timezone'>): void {
  cronOf(rule);
}

/** The first occurrence strictly after `after`, or null when the pattern never fires again. */
export function nextOccurrence(rule: Pick<Rule, 'cron' | 'timezone'>, after: Date): Date | null {
  return cronOf(rule).nextRun(after);
}

/** The latest occurrence at or before `atOrBefore`, or null when there is none. */
export function latestOccurrence(rule: Pick<Rule, 'cron' | 'timezone'>, atOrBefore: Date): Date | null {
  // croner includes a run earlier in the same second as the reference, so 1 ms later makes the bound inclusive.
  return cronOf(rule).previousRuns(1, new Date(atOrBefore.getTime() + 1))[0] ?? null;
}

/**
 * The occurrence to post now: the most recent one at or before `now`, if the schedule already existed then and
 * it is at most `graceMs` old. Older ones are never posted, so downtime over many occurrences gives one post.
 */
export function findDue(rule: Rule, now: Date, graceMs: number): Due {
  const at = latestOccurrence(rule, now);
  if (!at || at.getTime() < rule.since.getTime()) return { kind: 'none' };
  if (now.getTime() - at.getTime() > graceMs) return { kind: 'expired', at };
  return { kind: 'due', at };
}
