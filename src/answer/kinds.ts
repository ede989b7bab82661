/**
 * The answer of each kind of question inside one candidate sentence: a value (date, amount, count, age) the
 * question's words point at, a person with their role, a claim's words, a place, a reason or a clause. Each
 * extractor returns null when the sentence holds no answer of that kind, which is what lets the answerer
 * refuse rather than guess.
 */
import { STOP_WORDS } from '../nlp/stopwords.ts';
import type { IndexedSentence, SearchIndex } from '../search/index.ts';
import { ROLE_NOUNS, ROLE_VERBS } from '../search/lexicon.ts';
import { extractTerms, lemmatizeWord, normalizeWord, splitWords } from '../search/terms.ts';
import {
  clauseAround,
  datesAgree,
  matchedAt,
  measuresTarget,
  type Pick,
  pickClaim,
  pickClause,
  pickReason,
  pickValues,
  predicateNear,
  termMatch,
  valueHeld,
} from './extract.ts';
import {
  describePerson,
  factRoles,
  fullName,
  isPersonName,
  lastPersonBefore,
  listIntro,
  matchesSubject,
  type NameMention,
  namesIn,
  opensQuote,
  roleInNext,
  rolesInSentence,
  speakerOf,
  speaksIn,
  speechVerbs,
  textMentions,
  topicTerms,
} from './people.ts';
import type { Question } from './question.ts';

/** An answer found in a sentence; `also` are other sentences the answer leans on (the speaker's name...). */
export interface Extraction {
  answer: string;
  pick: Pick | null;
  also: number[];
  /** The sentence holds no answer of the exact kind asked for (a why-question without a "because"). */
  weaker?: boolean;
  /** The sentence that holds the answer when it is not the candidate itself (cited first). */
  at?: number;
}

/** Whether a name is one the question itself names ("Who met Ann Lee?" is not answered by "Ann Lee"). */
function isQuestionName(name: string, q: Question, index: SearchIndex): boolean {
  if (q.entities.some((e) => matchesSubject(name, e) || matchesSubject(e, name))) return true;
  let known = nameTerms.get(index);
  if (!known) {
    known = new Map();
    nameTerms.set(index, known);
  }
  let terms = known.get(name);
  if (!terms) {
    terms = extractTerms(name, index.lemmas).map((t) => t.term);
    known.set(name, terms);
  }
  return terms.length > 0 && terms.every((t) => q.terms.some((x) => termMatch(x.term, t) >= 0.7));
}

/** Each name's terms, per index (names recur across candidates and questions). */
const nameTerms = new WeakMap<SearchIndex, Map<string, string[]>>();

/** "Italian wines", "Danish officials": a nationality word used as an adjective names nobody. */
function isModifier(s: IndexedSentence, m: { text: string; end: number }): boolean {
  return (
    !m.text.includes(' ') &&
    /(?:i|ian|ese|ish|an|ic)$/.test(m.text) &&
    /^ \p{Ll}/u.test(s.text.slice(m.end, m.end + 2))
  );
}

/**
 * "published on Friday by a city think tank", "by the Harbour Trust's research unit": the agent after "by",
 * a few words after the question's verb; a common noun phrase up to a clause word, or a run of capitalised
 * words (with "of", "on", "and" between them).
 */
const AGENT =
  /^[\p{L}'-]*(?:\s+[\p{L}\d'-]+){0,3}?\s+by\s+((?:the|a|an|his|her|its|their)\s+[^,.;:()"]{2,60}?(?=\s+(?:who|which|that|in|on|at|after|before|when|and(?!\s+\p{Lu})|calls?|said|says)\b|[,.;:()"]|$)|\p{Lu}[\p{L}'\u2019.-]*(?:\s+(?:(?:of|on|for|and|the)\s+)*\p{Lu}[\p{L}'\u2019.-]*)*)/u;

/** The names written in one list with this one ("Chile, Peru and Ghana"), as written; null when alone. */
function coordinated(s: IndexedSentence, names: readonly NameMention[], m: NameMention): string | null {
  const sorted = [...names].sort((a, b) => a.start - b.start);
  const at = sorted.indexOf(m);
  const joins = (a: NameMention | undefined, b: NameMention | undefined) =>
    a !== undefined &&
    b !== undefined &&
    /^(?:\s*,\s*|\s+and\s+|,\s+and\s+|\s*&\s*)$/.test(s.text.slice(a.end, b.start));
  let from = at;
  let to = at;
  while (joins(sorted[from - 1], sorted[from])) from--;
  while (joins(sorted[to], sorted[to + 1])) to++;
  const first = sorted[from];
  const last = sorted[to];
  return from === to || !first || !last ? null : s.text.slice(first.start, last.end);
}

/** The person a possessive before the question's first word points at: a name with "'s", or "his" resolved. */
function ownerOf(index: SearchIndex, id: number, q: Question): Extraction | null {
  const s = index.sentences[id];
  const at = s ? matchedAt(s, predicateTerms(q))[0]?.at : undefined;
  if (!s || at === undefined) return null;
  const before = s.text.slice(Math.max(0, at - 40), at);
  const named = namesIn(index, id).find((m) => /^(?:'s|\u2019s|'|\u2019)\s+$/u.test(s.text.slice(m.end, at)));
  if (named && !isQuestionName(named.text, q, index))
    return { answer: describePerson(index, s.article, named.text), pick: null, also: [] };
  if (!/\b(?:his|her|their)\s+$/i.test(before)) return null;
  const prior = lastPersonBefore(index, id);
  return prior && !isQuestionName(prior.text, q, index)
    ? { answer: describePerson(index, s.article, prior.text), pick: null, also: [prior.sentence] }
    : null;
}

/**
 * A bonus for a name standing where the question's answer stands in the clause of the question's verb: the
 * clause's first name, before the verb, for "Who bought X?"; a name after the verb for "Who did X meet?".
 */
function clausePlace(
  index: SearchIndex,
  id: number,
  q: Question,
): (m: { start: number; end: number }) => number {
  const s = index.sentences[id];
  const verb = s && q.voice ? matchedAt(s, predicateTerms(q))[0]?.at : undefined;
  if (!s || verb === undefined) return () => 0;
  if (q.voice === 'object') return (m) => (m.start > verb ? 0.4 : 0);
  const { start } = clauseAround(s.text, verb);
  const names = namesIn(index, id);
  const subject = names.find(
    (n, i) =>
      n.start >= start && n.end <= verb && !isModifier(s, n) && !titlesNext(index, s, n, names[i + 1]),
  );
  return (m) => (subject && m.start === subject.start ? 0.6 : 0);
}

/** The question's first word other than names: the verb of "Who founded X?". */
function firstPredicate(q: Question): Map<string, number> {
  const first = q.terms.find((t) => !t.entity);
  return new Map(first ? [[first.term, 1]] : []);
}

const predicateCache = new WeakMap<Question, Map<string, number>>();

/** The question's own words other than names, as match weights: its verb and the nouns around it. */
function predicateTerms(q: Question): Map<string, number> {
  let terms = predicateCache.get(q);
  if (!terms) {
    terms = new Map(q.terms.filter((t) => !t.entity).map((t) => [t.term, 1]));
    predicateCache.set(q, terms);
  }
  return terms;
}

const PASSIVE_WHO =
  /^\W*who\s+(?:will|would|could|should|is|was|were|are|has|have|had)\s+(?:been\s+|be\s+|being\s+)?[a-z]+(?:ed|en|wn|ld|ht)\b/i;

/** The noun phrase a passive verb of the question has as its subject in the sentence, when it is no name. */
function passiveSubject(index: SearchIndex, id: number, q: Question): Extraction | null {
  const s = index.sentences[id];
  const verb = s ? matchedAt(s, predicateTerms(q))[0]?.at : undefined;
  if (!s || verb === undefined) return null;
  const m =
    /((?:the|a|an|its|their|his|her|some|all|local|foreign)\s+(?:[\p{L}'-]+\s+){0,4}?)(?:would|will|could|should|may|might|must|has|have|had|is|are|was|were)(?:\s+not)?(?:\s+(?:be|been|being))?\s+$/iu.exec(
      s.text.slice(0, verb),
    );
  const text = m?.[1]?.trim();
  if (!m || !text || namesIn(index, id).some((n) => n.start >= m.index && n.start < m.index + text.length))
    return null;
  return { answer: text, pick: { start: m.index, end: m.index + text.length, text }, also: [] };
}

/** "by harbour safety and port licensing officers": an agent without a determiner, ending on a role noun. */
function bareAgent(index: SearchIndex, text: string): RegExpExecArray | null {
  const m = BARE_AGENT.exec(text);
  const last = m?.[1]?.split(/\s+/).at(-1);
  if (!m || !last) return null;
  const lemma = lemmatizeWord(normalizeWord(last), index.lemmas);
  return ROLE_NOUNS.has(lemma) || GROUP_NOUNS.has(lemma) ? m : null;
}

const BARE_AGENT =
  /^[\p{L}'-]*(?:\s+[\p{L}\d'-]+){0,3}?\s+by\s+(\p{Ll}[\p{L}-]*(?:\s+(?:and\s+|or\s+)?\p{Ll}[\p{L}-]*){0,6}?)(?=\s+(?:who|which|that|in|on|at|after|before|when|from|for|with|since|during)\b|[,.;:()"\u201c\u201d]|$)/u;

/** Heads of which-questions that ask for a person ("Which minister ..."), beside the role nouns. */
const PERSON_HEADS = new Set(['person', 'people', 'man', 'woman', 'official', 'politician', ...ROLE_NOUNS]);

/** Plural nouns that name the people who do something, beside the role nouns. */
const GROUP_NOUNS = new Set(
  'people police authority official staff member resident voter fan supporter protester student parent family volunteer crew troop force agency team group government'.split(
    ' ',
  ),
);

/**
 * Whether the sentence denies the question's predicate: every question word it holds (other than names) follows
 * a negation a few words before ("no one has claimed responsibility"), and the question itself is not
 * negative.
 */
export function predicateNegated(s: IndexedSentence, q: Question): boolean {
  if (NEGATIVE.test(q.text)) return false;
  const hits = matchedAt(s, predicateTerms(q));
  return (
    hits.length > 0 &&
    hits.every((h) => {
      // A negation governs the rest of its clause: "No one has claimed responsibility for the fire".
      const { start } = clauseAround(s.text, h.at);
      return splitWords(s.text.slice(start, h.at))
        .slice(-8)
        .some((w) => NEGATIVE.test(w.text));
    })
  );
}

const NEGATIVE = /\b(?:no|not|never|nobody|none|neither|nor|without)\b|n't\b/i;

/** "Which newspaper ...": whether the name is written next to "newspaper" ("The Courier newspaper"). */
function namesHead(
  index: SearchIndex,
  s: IndexedSentence,
  m: { start: number; end: number },
  head: string | null,
): boolean {
  if (head === null) return false;
  const near = [
    ...splitWords(s.text.slice(Math.max(0, m.start - 25), m.start)).slice(-2),
    ...splitWords(s.text.slice(m.end, m.end + 25)).slice(0, 2),
  ];
  return near.some((w) => termMatch(head, lemmatizeWord(normalizeWord(w.text), index.lemmas)) >= 0.7);
}

/** The person (or body) a who-question asks for in this sentence. */
function extractWho(
  index: SearchIndex,
  id: number,
  q: Question,
  weights: Map<string, number>,
): Extraction | null {
  const s = index.sentences[id];
  if (!s) return null;
  if (q.speech) {
    const speaker = speakerOf(index, id);
    if (speaker && !isQuestionName(speaker.text, q, index)) {
      const also = speaker.sentence === id ? [] : [speaker.sentence];
      return { answer: describePerson(index, s.article, speaker.text), pick: null, also };
    }
  }
  const hits = matchedAt(s, weights);
  // "Whose father was a miner?": the owner of the question's noun ("His father ...", "Ann Lee's father ...").
  if (/^\W*whose\b/i.test(q.text)) {
    const owner = ownerOf(index, id, q);
    if (owner) return owner;
  }
  // "Who was she arrested along with?": the phrase after that preposition, past the question's words.
  if (q.trailing && hits.length > 0) {
    const from = hits[0]?.at ?? 0;
    const re = new RegExp(
      `\\b${q.trailing}\\s+((?:the|a|an|his|her|their|its|[\\p{L}\\d'-]+)(?:\\s+[\\p{L}\\d'-]+){0,5}?)(?=\\s+(?:of|who|which|that|in|on|at|for|after|before|and|over)\\b|[,.;:()"]|$)`,
      'u',
    );
    const m = re.exec(s.text.slice(from));
    if (m?.[1] && !isQuestionName(m[1], q, index)) {
      const start = from + (m.index ?? 0) + m[0].length - m[1].length;
      return { answer: m[1], pick: { start, end: start + m[1].length, text: m[1] }, also: [] };
    }
  }
  // "approached by a police officer who ...", "checked by harbour safety officers": the agent of the
  // question's own verb, unless it is the question's own name ("a coalition led by the X party").
  // An active question may be answered by a passive ("Who founded X?" - "founded by ..."), but only of its own
  // first verb ("Who went into hiding after their cars were vandalised?" does not ask who vandalised them).
  const verbHits = q.voice === 'subject' ? matchedAt(s, firstPredicate(q)) : hits;
  for (const h of verbHits) {
    const at = s.text.slice(h.at);
    const m = AGENT.exec(at) ?? bareAgent(index, at);
    // "Which customs officer ...?" is not answered by "a stranger"; "Who founded X?" is by "four nurses".
    const nouns = q.roles.filter((r) => ![...ROLE_VERBS.values()].includes(r));
    const role =
      nouns.length === 0 ||
      extractTerms(m?.[1] ?? '', index.lemmas).some((t) => nouns.some((r) => termMatch(r, t.term) >= 0.7));
    if (m?.[1] && role && !q.entities.some((e) => textMentions(m[1] ?? '', e))) {
      const start = h.at + m[0].length - m[1].length;
      return { answer: m[1], pick: { start, end: start + m[1].length, text: m[1] }, also: [] };
    }
  }
  // "Who will be invited to sit on it?" - "the ferry operators will be invited to sit on": the subject of the
  // passive.
  const passive = PASSIVE_WHO.test(q.text) ? passiveSubject(index, id, q) : null;
  if (passive) return passive;
  // "Who is the mayor of X?", "Who leads X?": only a name the article gives that role can answer.
  const roleTerms = q.roles;
  const hasRole = (m: { text: string }) =>
    rolesInSentence(index, id, m.text).some((r) =>
      extractTerms(r, index.lemmas).some((t) => roleTerms.some((x) => termMatch(x, t.term) >= 0.7)),
    );
  // "Which museum ...?" is not answered by the owner of "Tunisia's national museum" (an invented example).
  const owner = (m: NameMention) =>
    q.head !== null &&
    !PERSON_HEADS.has(q.head) &&
    /^(?:'s|\u2019s|'|\u2019)\s/u.test(s.text.slice(m.end, m.end + 3)) &&
    splitWords(s.text.slice(m.end + 2, m.end + 40))
      .slice(0, 4)
      .some((w) => lemmatizeWord(normalizeWord(w.text), index.lemmas) === q.head);
  // When the article writes the kind into names ("the Corran Museum"), the answer is one of those names.
  const headNamed = q.head !== null && !PERSON_HEADS.has(q.head) && weights.has(q.head);
  const ofKind = (m: NameMention) =>
    !headNamed ||
    namesHead(index, s, m, q.head) ||
    extractTerms(m.text, index.lemmas).some((t) => t.term === q.head);
  const names = namesIn(index, id).filter(
    (m) =>
      !isQuestionName(m.text, q, index) &&
      !isModifier(s, m) &&
      !owner(m) &&
      ofKind(m) &&
      (roleTerms.length === 0 || hasRole(m)),
  );
  const place = clausePlace(index, id, q);
  let best: { text: string; score: number; m: NameMention } | null = null;
  for (const m of names) {
    const dist = Math.min(
      ...hits.map((h) => (h.at < m.start ? m.start - h.at : Math.max(0, h.at - m.end))),
      999,
    );
    // A who-question wants a person; "Which team ..." wants anything but one.
    const isPerson = isPersonName(index, s.article, m.text, s);
    const person = q.head === null ? (isPerson ? 0.5 : 0) : isPerson && !PERSON_HEADS.has(q.head) ? -0.75 : 0;
    const score = person + (namesHead(index, s, m, q.head) ? 2 : 0) + 1 / (1 + dist / 25) + place(m);
    // "The Courier": keep the article's own capitalised "The" with the name.
    const text = /\bThe\s$/.test(s.text.slice(Math.max(0, m.start - 4), m.start)) ? `The ${m.text}` : m.text;
    if (!best || score > best.score) best = { text, score, m };
  }
  if (best) {
    // "ministers Ann Lee and Tom Hale, who resigned": a name written in a list answers with the whole list.
    const list = coordinated(s, names, best.m);
    const answer = list ?? describePerson(index, s.article, best.text);
    return { answer, pick: null, also: [] };
  }
  if (roleTerms.length > 0) return null;
  // "founded by a group of four nurses": the agent of a passive verb, when no name fits.
  const agent =
    /\bby ((?:a|an|the|its|their|his|her)\s[^,.;:()"]{3,60}?)(?=[,.;:()"]|\s+(?:in|on|at|after|before|since|during|when|who|which|and)\b|$)/.exec(
      s.text,
    );
  if (agent?.[1]) {
    const start = (agent.index ?? 0) + agent[0].length - agent[1].length;
    return { answer: agent[1], pick: { start, end: start + agent[1].length, text: agent[1] }, also: [] };
  }
  const prior = /^(?:He|She|They)\b/.test(s.text) ? lastPersonBefore(index, id) : null;
  if (prior && !isQuestionName(prior.text, q, index)) {
    return { answer: describePerson(index, s.article, prior.text), pick: null, also: [prior.sentence] };
  }
  return null;
}

function extractRole(index: SearchIndex, id: number, q: Question): Extraction | null {
  const s = index.sentences[id];
  if (!s || !q.subject) return null;
  const roles = rolesInSentence(index, id, q.subject);
  const facts = factRoles(index, s.article, q.subject);
  const full = fullName(index, s.article, q.subject);
  const all = [...new Set([...facts.roles, ...roles])];
  if (all.length === 0) {
    // "says Ann Lee. He's the chair of ...": the role stands in the next sentence.
    const next = roleInNext(index, id, q.subject);
    return next ? { answer: `${full}, ${next}`, pick: null, also: [id], at: id + 1 } : null;
  }
  // A role only the who facts know is cited from the sentence they took it from.
  const at = roles.length === 0 ? facts.sentences[0] : undefined;
  return {
    answer: `${full}, ${all.slice(0, 2).join('; ')}`,
    pick: null,
    also: [id, ...facts.sentences].filter((f) => f !== (at ?? id)),
    ...(at !== undefined ? { at } : {}),
  };
}

function extractClaim(
  index: SearchIndex,
  id: number,
  q: Question,
  weights: Map<string, number>,
): Extraction | null {
  const s = index.sentences[id];
  const subject = q.subject;
  if (!s || !subject) return null;
  const named = namesIn(index, id).find((m) => matchesSubject(m.text, subject));
  const speaker = speakerOf(index, id);
  // "Hale said that Amos would need to raise taxes": the subject is named in someone else's words.
  if (named && speaker && !matchesSubject(speaker.text, subject) && !speaksIn(index, id, named)) return null;
  // A claim with no named speaker ("The champion says ...") is taken as the article's protagonist's.
  const topical = !named && !speaker && isTopic(index, s.article, subject);
  const office = !named ? roleSpeaks(index, s, subject) : undefined;
  if (!named && !topical && !office && !(speaker && matchesSubject(speaker.text, subject))) return null;
  // Inside a quotation opened before, running on after, or a list of the speaker's points: all of it is theirs.
  const next = index.sentences[id + 1];
  const continued =
    opensQuote(index.sentences[id - 1], s) ||
    (next !== undefined && opensQuote(s, next)) ||
    listIntro(index, id) !== null;
  const topic = topicOf(index, q);
  const weaker = topic.size > 0 && !matchedAt(s, topic).length;
  if (weaker && !aboutTopic(index, id, topic, continued)) return null;
  const pick = pickClaim(index, s, weights, named ?? office, continued);
  if (!pick) return null;
  const also = speaker && speaker.sentence !== id ? [speaker.sentence] : [];
  return { answer: pick.text, pick, also, weaker };
}

/**
 * "What did the harbour master say?": the office the question names, written as the subject of a speech verb
 * ("The harbour master said ...", "Harbour Master Ann Lee told ..."); null when the subject names no office.
 */
function roleSpeaks(
  index: SearchIndex,
  s: IndexedSentence,
  subject: string,
): { start: number; end: number } | undefined {
  const words = splitWords(subject);
  const last = words.at(-1)?.text ?? '';
  if (!ROLE_NOUNS.has(lemmatizeWord(normalizeWord(last), index.lemmas))) return undefined;
  const escaped = subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  const m = new RegExp(`\\b${escaped}\\b`, 'i').exec(s.text);
  if (!m) return undefined;
  const end = m.index + m[0].length;
  // The speech verb follows the office, or the name after it, within a few words.
  const verb = speechVerbs(index, s).find(
    (v) => v.start >= end && splitWords(s.text.slice(end, v.start)).length <= 4,
  );
  return verb ? { start: m.index, end } : undefined;
}

/**
 * "What did X say about taxes?": whether a claim that does not name the topic belongs to a quotation whose next
 * or previous sentence does. A claim the topic is nowhere near is not about it, even when a sentence nearby
 * that someone else said names it.
 */
function aboutTopic(index: SearchIndex, id: number, topic: Map<string, number>, continued: boolean): boolean {
  const s = index.sentences[id];
  if (!s || !continued) return false;
  return [id - 1, id + 1].some((i) => {
    const n = index.sentences[i];
    return n?.paragraph === s.paragraph && n.article === s.article && matchedAt(n, topic).length > 0;
  });
}

const topicCache = new WeakMap<Question, Map<string, number>>();

/** What a claim question asks about: its own words other than names, and the names after its "about". */
function topicOf(index: SearchIndex, q: Question): Map<string, number> {
  let topic = topicCache.get(q);
  if (!topic) {
    topic = new Map(predicateTerms(q));
    const about = /\babout\s+(.+)$/i.exec(q.text)?.[1] ?? '';
    for (const t of extractTerms(about, index.lemmas)) topic.set(t.term, 1);
    topicCache.set(q, topic);
  }
  return topic;
}

/** Whether a name is the article's topic (named in its headline or standfirst, or most of it). */
function isTopic(index: SearchIndex, article: string, name: string): boolean {
  const topic = topicTerms(index, article);
  const terms = extractTerms(name, index.lemmas);
  return terms.length > 0 && terms.every((t) => topic.has(t.term));
}

/** "based in the eastern Norland region of Vell": the place phrase after in/at/near, up to its name. */
function extractWhere(
  index: SearchIndex,
  id: number,
  q: Question,
  weights: Map<string, number>,
): Extraction | null {
  const s = index.sentences[id];
  if (!s) return null;
  // "put to Ann Lee after the game at Brenton": a person is not where something happened.
  const places = namesIn(index, id).filter(
    (m) =>
      !isQuestionName(m.text, q, index) && !isModifier(s, m) && !isPersonName(index, s.article, m.text, s),
  );
  // The question's last word in the sentence, outside the places themselves ("confined at the Green Gate").
  const after =
    matchedAt(s, weights)
      .filter((h) => !places.some((p) => h.at >= p.start && h.at < p.end))
      .at(-1)?.at ?? 0;
  let best: Pick | null = null;
  for (const m of s.text.matchAll(/\b(?:in|at|near|outside|inside|from|to)\s+/g)) {
    const place = places.find(
      (p) => p.start >= m.index && s.text.slice(m.index, p.start).split(/\s+/).length <= 7,
    );
    // "at Okonjo's "Green Gate" compound": quotation marks may stand around the name, not punctuation.
    // "fell back to trail 6 seats behind X": "to" before a verb or a figure opens no place phrase.
    if (!place) continue;
    const gap = s.text.slice(m.index + m[0].length, place.start);
    const firstWord = /^[\p{L}'-]+/u.exec(gap)?.[0]?.toLowerCase() ?? '';
    if (/[,.;:()\d]/.test(s.text.slice(m.index, place.start)) || index.verbs.has(firstWord)) continue;
    const start = m.index + m[0].length;
    // "the county court in Brenton": carry on through a following "in <place>".
    // "the yearly congress of the Society of X, Y and Z in Brenton": a name list may stand in between.
    const further = places.find(
      (p) =>
        p.start > place.end &&
        p.start - place.end < 80 &&
        /^(?:[\s,&'\u2019-]|\band\b|\p{Lu}[\p{L}-]*)*\s+in\s+(?:the\s+)?$/u.test(
          s.text.slice(place.end, p.start),
        ),
    );
    // "in Britain and Norland": a place written in a pair or list with others is answered with all of them.
    const list = coordinated(s, places, place);
    const listEnd = list ? s.text.indexOf(list, place.start - list.length) + list.length : place.end;
    const end = Math.max(further?.end ?? place.end, list && listEnd > place.end ? listEnd : place.end);
    const pick = { start, end, text: s.text.slice(start, end) };
    // The first place after the question's last word, else the nearest before it ("the game at Brenton,
    // which the club lost").
    if (!best || (best.start < after && (start >= after || start > best.start))) best = pick;
  }
  if (best) return { answer: best.text, pick: best, also: [] };
  // "is now in hospital, with a broken leg": a place that is not a name, right after the question's words.
  const common =
    /\b(?:in|at|inside|outside|behind)\s+((?:the\s+|a\s+)?[\p{Ll}][\p{L}-]*(?:\s+[\p{Ll}][\p{L}-]*){0,2}?)(?=\s*[,.;]|\s+(?:on|for|with|since|after|until|because|and|but)\b)/u.exec(
      s.text.slice(after),
    );
  if (!common?.[1] || TIME_WORDS.test(common[1])) return null;
  const start = after + (common.index ?? 0);
  const text = common[0];
  return { answer: text, pick: { start, end: start + text.length, text }, also: [] };
}

/** The answer of the question's kind in one sentence, or null when the sentence holds none. */
export function extractAnswer(
  index: SearchIndex,
  id: number,
  q: Question,
  weights: Map<string, number>,
): Extraction | null {
  const s = index.sentences[id];
  if (!s) return null;
  switch (q.kind) {
    case 'when':
    case 'duration':
    case 'figure':
    case 'age': {
      if (q.kind !== 'when' && q.kind !== 'duration' && !datesAgree(s, q)) return null;
      // The best value that holds up: "A won 14 of the seats, and B won 11" answers for A with 14.
      const pick = pickValues(index, s, q, weights, q.expect)
        .slice(0, VALUE_TRIES)
        .find(
          // A lesser value may stand in when it names what is counted or is in the asked currency.
          (p, i) =>
            (i === 0 || namesTarget(index, s, p, q) || q.currency !== null) &&
            valueFits(index, id, p, q, weights),
        );
      if (!pick) return null;
      return {
        answer: withResolvedDate(index, id, pick),
        pick,
        also: [],
        // A result is told once, in whatever clause ("won 4-1 that day"). "How long ...?" is answered better
        // by a length ("a 48-hour strike") than by the date a span of time runs from ("since May").
        weaker:
          (!q.expect.includes('score') && !predicateNear(s, pick, q)) ||
          (q.kind === 'duration' && s.spans.some((x) => x.start === pick.start && x.kind === 'date')),
      };
    }
    case 'who':
      return extractWho(index, id, q, weights);
    case 'role':
      return extractRole(index, id, q);
    case 'claim':
      return extractClaim(index, id, q, weights);
    case 'where':
      return extractWhere(index, id, q, weights);
    case 'why': {
      const reason = pickReason(s, weights);
      const pick = reason ?? pickClause(s, weights);
      return { answer: pick.text, pick, also: [], weaker: reason === null };
    }
    case 'what': {
      const pick = pickClause(s, weights);
      return { answer: pick.text, pick, also: [] };
    }
  }
}

const VALUE_TRIES = 3;

/** How a sum in each currency a question may ask for is written. */
const CURRENCY_TEXT: Record<string, RegExp> = {
  '£': /£|\bpounds?\b|\bsterling\b/i,
  $: /\$|\bdollars?\b/i,
  '€': /€|\beuros?\b/i,
  '¥': /¥|\byen\b/i,
};

const SPAN_OF_TIME =
  /^(?:since|until|till|from|between|through)\b|\s(?:to|and|until)\s|\d\s?[-\u2013/]\s?\d/i;

/** Whether the words around a value name what the question counts: only such a value may stand in for the best. */
function namesTarget(index: SearchIndex, s: IndexedSentence, pick: Pick, q: Question): boolean {
  const sp = s.spans.find((x) => x.start === pick.start);
  const fit = sp ? measuresTarget(index, s, sp, q.target) : null;
  return fit === 'direct' || fit === 'near';
}

/** Whether a value measures what the question counts, in a clause about what the question names. */
function valueFits(
  index: SearchIndex,
  id: number,
  pick: Pick,
  q: Question,
  weights: Map<string, number>,
): boolean {
  const s = index.sentences[id];
  if (!s) return false;
  const sp = s.spans.find((x) => x.start === pick.start);
  if (sp && measuresTarget(index, s, sp, q.target) === 'other') return false;
  // "How much in pounds?" is answered by a sum in pounds ("80bn crowns ($7.5bn: £6.1bn)" holds one).
  if (q.currency && sp?.kind === 'money' && !CURRENCY_TEXT[q.currency]?.test(pick.text)) return false;
  // "will pay 60% of the cost" tells a share of the sum asked for, not the sum.
  if (q.expect[0] === 'money' && sp?.kind === 'percent' && /^\s+of\b/i.test(s.text.slice(pick.end)))
    return false;
  // "How long ...?" is answered by a span of time ("from 2025 to 2027", "since May"), not by a point in it.
  if (q.kind === 'duration' && sp?.kind === 'date' && !SPAN_OF_TIME.test(pick.text)) return false;
  // A result ("won 4-1 that day") is told once; the words naming the match may stand in another clause.
  if (!measuredFits(index, s, pick, q)) return false;
  const held = sp?.kind === 'score' || valueHeld(s, pick, weights, q);
  if (!held || !agentFits(index, id, pick, q)) return false;
  return q.kind !== 'age' || ageOfAsked(index, id, pick, q);
}

/**
 * "How much did food prices rise?" is not answered by "Fuel costs rose 19%": in the value's clause, the
 * question's measured noun (or its synonym) must not be modified by another word than the question's.
 */
function measuredFits(index: SearchIndex, s: IndexedSentence, pick: Pick, q: Question): boolean {
  const head = q.measured.at(-1);
  if (!head) return true;
  const modifiers = q.measured.slice(0, -1);
  const { start, end } = clauseAround(s.text, pick.start);
  const words = splitWords(s.text.slice(start, end)).map((w) => ({
    lemma: lemmatizeWord(normalizeWord(w.text), index.lemmas),
    at: start + w.start,
  }));
  // A value's own words ("a $2.4 million renovation") modify nothing the question asks about.
  const inValue = (at: number) => s.spans.some((sp) => sp.kind !== 'name' && at >= sp.start && at < sp.end);
  let clash = false;
  for (let i = 0; i < words.length; i++) {
    // The noun itself or its synonym ("costs" for "prices"); a word of its family may be a verb ("react").
    if (termMatch(head, words[i]?.lemma ?? '') < 0.8) continue;
    const before = words[i - 1];
    if (!before) continue;
    if (modifiers.some((m) => termMatch(m, before.lemma) >= 0.7)) return true;
    if (!STOP_WORDS.has(before.lemma) && !inValue(before.at)) clash = true;
  }
  return !clash;
}

/**
 * Whether the clause holding a value is about what the question names: "How much did A bid?" must not take
 * the price "B, which paid ..." paid. When the clause leaves out a name the question asks about, its subject
 * (its first name, or after "which" the name before it) must be that name or a pronoun; and a person the
 * question names must not be displaced by another person as the clause's subject ("B was fined ...").
 */
function agentFits(index: SearchIndex, id: number, pick: Pick, q: Question): boolean {
  const s = index.sentences[id];
  const named = q.entities.filter((e) => /\p{L}/u.test(e) && !DATE_WORD.test(e));
  if (!s || named.length === 0) return true;
  const { start: from, end: to } = clauseAround(s.text, pick.start);
  const relative = /^(?:which|who)\b/.test(s.text.slice(from));
  const names = namesIn(index, id).filter(
    (n, i, all) => !isModifier(s, n) && !titlesNext(index, s, n, all[i + 1]),
  );
  const subject = relative
    ? names.filter((n) => n.end <= from).at(-1)
    : names.find((n) => n.start >= from && n.end <= pick.start);
  if (!subject) return !pronounExcludes(s, names, from, pick, named[0] ?? '');
  const pronoun = /\b(?:he|she|they|it|we)\b/i.test(s.text.slice(from, subject.start));
  const isNamed = named.some((e) => matchesSubject(subject.text, e) || matchesSubject(e, subject.text));
  if (pronoun || isNamed) return true;
  const clause = s.text.slice(from, to);
  const people = named.filter((e) => isPersonName(index, s.article, e));
  if (people.length > 0 && isPersonName(index, s.article, subject.text, s)) return false;
  return named.every((e) => textMentions(clause, e));
}

/**
 * "Lee harmed her name and she is seeking $5m": the "she" of the value's clause cannot be Lee, whom the "her"
 * of the clause before sets apart; so the value is not what the question's first name (Lee) seeks.
 */
function pronounExcludes(
  s: IndexedSentence,
  names: readonly NameMention[],
  from: number,
  pick: Pick,
  asked: string,
): boolean {
  const pronoun = /\b(he|she)\b/i.exec(s.text.slice(from, pick.start))?.[1]?.toLowerCase();
  if (!pronoun || !asked) return false;
  const prior = names.filter((n) => n.end <= from).at(-1);
  if (!prior || !(matchesSubject(prior.text, asked) || matchesSubject(asked, prior.text))) return false;
  const object = pronoun === 'she' ? /\bher\b/i : /\b(?:him|his)\b/i;
  return object.test(s.text.slice(prior.end, from));
}

/** "Rovers goalkeeper Tomasz Brand": a name that, with a role noun, titles the name right after it. */
function titlesNext(
  index: SearchIndex,
  s: IndexedSentence,
  n: { end: number },
  next: { start: number } | undefined,
): boolean {
  if (!next) return false;
  const gap = /^\s+((?:[\p{Ll}-]+\s+){1,3})$/u.exec(s.text.slice(n.end, next.start))?.[1];
  return (
    gap !== undefined &&
    splitWords(gap).some((w) => ROLE_NOUNS.has(lemmatizeWord(normalizeWord(w.text), index.lemmas)))
  );
}

/** "47-year-old Ann" or "Ann Lee, 47,": an age written right beside a name is that person's age. */
function ageOfAsked(index: SearchIndex, id: number, pick: Pick, q: Question): boolean {
  const s = index.sentences[id];
  if (!s) return false;
  const beside = namesIn(index, id).find(
    (n) =>
      (n.start >= pick.end && n.start - pick.end <= 2) || (n.end <= pick.start && pick.start - n.end <= 3),
  );
  return !beside || q.entities.some((e) => matchesSubject(beside.text, e) || matchesSubject(e, beside.text));
}

const TIME_WORDS =
  /\b(?:second|minute|hour|day|week|month|year|decade|century|time|moment|future|past|morning|evening|night)s?\b/;

const DATE_WORD =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d+)$/;

/** "A year later" -> "A year later (1993)" when the timeline resolved the phrase. */
function withResolvedDate(index: SearchIndex, id: number, pick: Pick): string {
  if (/\d{4}/.test(pick.text)) return pick.text;
  for (const f of index.factsAt.get(id) ?? []) {
    if (f.kind !== 'when' || !f.item.date) continue;
    const label = f.item.label;
    if (pick.text.includes(label) || label.includes(pick.text)) return `${pick.text} (${f.item.date})`;
  }
  return pick.text;
}
