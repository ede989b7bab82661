/**
 * `/who name`: one person's or organisation's profile, put together from the engine's lists (who they are,
 * what they said, the dated events that mention them). Matching is by the engine's own match key, so accents,
 * typographic quotes and case do not matter.
 */
import type { Engine } from '../engine.ts';
import { matchKey } from '../nlp/normalize.ts';
import type { ClaimItem, WhenItem, WhoItem } from '../schema.ts';

/** Everything the article says about one entity. */
export interface Profile {
  entity: WhoItem;
  claims: ClaimItem[];
  events: WhenItem[];
}

/** The profile of the entity called `name`, or the closest names when none matches. */
export type ProfileResult = { found: true; profile: Profile } | { found: false; suggestions: string[] };

/** Finds an entity by name or alias (exact first, then partial) and gathers its claims and dated events. */
export function findProfile(engine: Engine, name: string, article?: string): ProfileResult {
  const wanted = matchKey(name);
  const entities = engine.who({ article }).items;
  const keys = (e: WhoItem) => [e.name, ...e.aliases].map(matchKey);
  const entity =
    entities.find((e) => keys(e).includes(wanted)) ??
    entities.find((e) => keys(e).some((k) => k.includes(wanted) || (k.length > 2 && wanted.includes(k))));
  if (!wanted || !entity) {
    const words = wanted.split(' ').filter((w) => w.length > 2);
    const suggestions = entities
      .filter((e) => keys(e).some((k) => words.some((w) => k.includes(w))))
      .map((e) => e.name)
      .slice(0, 5);
    return { found: false, suggestions };
  }
  const names = [...new Set(keys(entity))].filter((k) => k.length > 1);
  const isThem = (speaker: string) => {
    const s = matchKey(speaker);
    return names.some((k) => s === k || s.includes(k) || k.includes(s));
  };
  const claims = engine.claims({ article }).items.filter((c) => isThem(c.speaker));
  const mentionsThem = (texts: string[]) =>
    texts.some((t) => {
      const key = matchKey(t);
      return names.some((k) => key.includes(k));
    });
  const events = engine
    .when({ article })
    .items.filter((w) => mentionsThem([w.event, ...w.citations.map((c) => c.quote)]));
  return { found: true, profile: { entity, claims, events } };
}
