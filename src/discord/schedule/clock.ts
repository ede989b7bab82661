/**
 * The clock port. The scheduler reads "now" and waits only through it, so tests (and the end-to-end tests, whose
 * discord.js client needs real timers) can move time by hand while croner does the calendar math.
 */

export interface Clock {
  now(): Date;
  /** Calls `fn` once the clock reaches `when` (at once if it already has); returns a function that cancels it. */
  at(when: Date, fn: () => void): () => void;
}

/** Longest single wait: a suspended or re-set machine is noticed within this, and setTimeout's limit is far. */
const MAX_WAIT_MS = 30_000;

/** The real clock. Long waits are cut into short ones that re-read the time, so wall-clock jumps are followed. */
export const systemClock: Clock = {
  now: () => new Date(),
  at(when, fn) {
    let timer: NodeJS.Timeout | undefined;
    let cancelled = false;
    const wait = (): void => {
      if (cancelled) return;
      const left = when.getTime() - Date.now();
      if (left <= 0) {
        fn();
        return;
      }
      timer = setTimeout(wait, Math.min(left, MAX_WAIT_MS));
      // The Discord connection keeps a bot's process alive; a pending summary alone should not.
      timer.unref();
    };
    timer = setTimeout(wait, 0);
    timer.unref();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  },
};

/** Resolves once the clock reaches `when`, or early (with false) when `signal` aborts. */
export function sleepUntil(clock: Clock, when: Date, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve(false);
      return;
    }
    const onAbort = (): void => {
      cancel();
      resolve(false);
    };
    const cancel = clock.at(when, () => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    });
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
