import type { Citation, EntityKind, WhoItem } from '../schema.ts';
import { citeSentence } from './cite.ts';
import { type Entity, findEntities } from './entities.ts';
import type { AnalyzedArticle } from './types.ts';

/** People first, then organisations, then places; within a kind, by first mention in the article. */
const KIND_ORDER: Record<EntityKind, number> = { person: 0, organization: 1, place: 2 };

/** Enough to show where someone is introduced and what they are; the rest is in the mention count. */
const MAX_CITATIONS = 3;

/**
 * People, organisations and places named in the article, with roles, aliases and mention counts. People
 * come first, then organisations, then places, each in order of first mention.
 */
export function extractWho(a: AnalyzedArticle): WhoItem[] {
  const table = findEntities(a);
  return table.entities
    .map((entity, order) => ({ entity, order }))
    .sort((x, y) => KIND_ORDER[x.entity.kind] - KIND_ORDER[y.entity.kind] || x.order - y.order)
    .map(({ entity }) => ({
      name: entity.name,
      kind: entity.kind,
      roles: entity.roles.map((r) => r.text),
      aliases: entity.aliases,
      mentions: entity.mentions.length,
      citations: citeEntity(entity, a),
    }));
}

/**
 * The sentences that introduce an entity: its first mention in the body, then the sentences that give it a
 * role, then later mentions, at most MAX_CITATIONS, in reading order. Headlines only when nothing else names it.
 */
function citeEntity(entity: Entity, a: AnalyzedArticle): Citation[] {
  const kindOf = new Map(a.article.paragraphs.map((p) => [p.n, p.kind]));
  const isBody = (si: number) => {
    const s = a.sentences[si];
    return s !== undefined && kindOf.get(s.paragraph) !== 'headline';
  };
  const mentioned = [...new Set(entity.mentions.map((m) => m.sentence))];
  const body = mentioned.filter(isBody);
  const pool = body.length > 0 ? body : mentioned;
  const chosen = new Set<number>();
  const first = pool[0];
  if (first !== undefined) chosen.add(first);
  for (const r of entity.roles) {
    if (chosen.size >= MAX_CITATIONS) break;
    if (isBody(r.sentence) || body.length === 0) chosen.add(r.sentence);
  }
  for (const si of pool) {
    if (chosen.size >= MAX_CITATIONS) break;
    chosen.add(si);
  }
  return [...chosen]
    .sort((x, y) => x - y)
    .flatMap((si) => {
      const s = a.sentences[si];
      return s ? [citeSentence(s)] : [];
    });
}
