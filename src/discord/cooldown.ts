import type { Cooldown } from './context.ts';

/** A per-user cooldown: one question per `ms` per user, measured with the injected clock. */
export function createCooldown(ms: number, now: () => Date): Cooldown {
  const last = new Map<string, number>();
  return {
    take(userId) {
      const at = now().getTime();
      const previous = last.get(userId);
      if (previous !== undefined && at - previous < ms) return ms - (at - previous);
      last.set(userId, at);
      // Forget users whose cooldown is over, so the map stays as small as the set of recent askers.
      if (last.size > 1000) for (const [id, t] of last) if (at - t >= ms) last.delete(id);
      return 0;
    },
  };
}
