/**
 * Finds the people, organisations and places an article names. wink-nlp gives parts of speech but no
 * person/organisation types, so capitalised runs are classified by general cues: titles and honorifics,
 * role nouns before or around the name, the head word an organisation or place ends with, the preposition
 * in front, a gazetteer of countries and capitals, common given names, speech verbs. Each cue adds weight to
 * one kind; a name needs enough weight to be kept. Later short forms ("Lund", "Mr Adeyemi", "LWA") are
 * merged into the full name they abbreviate.
 */

import { matchKey } from '../nlp/normalize.ts';
import type { EntityKind } from '../schema.ts';
import { DEMONYMS, PLACE_NAMES, SAME_PLACE } from './entities-gazetteer.ts';
import {
  BUSINESS_VERBS,
  CALENDAR_WORDS,
  COMPETE_VERBS,
  FUNCTION_WORDS,
  GENERIC_ORG_MODIFIERS,
  GIVEN_NAMES,
  HONORIFICS,
  NON_AFFILIATION_ROLES,
  ORG_HEADS,
  ORG_NOUNS,
  PARTY_WORDS,
  PLACE_HEADS,
  PLACE_NOUNS,
  PLACE_OF_NOUNS,
  RESULT_NOUNS,
  RESULT_VERBS,
  ROLE_NOUNS,
  TEAM_HEADS,
} from './entities-lexicon.ts';
import { isCommonWord, type Token, type TokenizedSentence, tokenizeArticle } from './entities-tokens.ts';
import { CURRENCY_CODES } from './numbers.ts';
import { isSpeechVerb } from './speech.ts';
import type { AnalyzedArticle } from './types.ts';

/** A role as the text gives it, and the sentence (index into the article's sentences) that gives it. */
export interface RoleNote {
  text: string;
  sentence: number;
}

/** One place in the text where an entity is named. Token indices are into `TokenizedSentence.tokens`. */
export interface EntityMention {
  sentence: number;
  /** The name itself. */
  start: number;
  end: number;
  /** The name with its title or honorific ("President X", "Mr X"). */
  spanStart: number;
  /** The words as written, honorific included. */
  surface: string;
}

/** A person, organisation or place with every mention of it. */
export interface Entity {
  name: string;
  kind: EntityKind;
  roles: RoleNote[];
  aliases: string[];
  mentions: EntityMention[];
}

/** The entities of one article and where each is mentioned. */
export interface EntityTable {
  sentences: TokenizedSentence[];
  /** In order of first mention. */
  entities: Entity[];
  /** The entity named by the token at (sentence, token), if any. */
  entityAt(sentence: number, token: number): Entity | undefined;
  /** The mentions that fall in one sentence, in order. */
  mentionsIn(sentence: number): Array<{ entity: Entity; mention: EntityMention }>;
}

type Scores = Record<EntityKind, number>;

/** One capitalised run read as a name, with the cues around it. */
interface Candidate {
  sentence: number;
  start: number;
  end: number;
  spanStart: number;
  name: string;
  surface: string;
  key: string;
  words: string[];
  scores: Scores;
  roles: RoleNote[];
  honorific: boolean;
  /** Two to four capitalised words shaped like a personal name. */
  personal: boolean;
  /** Inside quotation marks: a nickname or a slogan as likely as a name. */
  quoted: boolean;
  /** Headline words give mentions, never evidence: headlines capitalise freely. */
  evidence: boolean;
  /** Organisation weight from the slot a lone word fills ("told X", "X filed"), dropped if X is a person's. */
  slot: number;
}

const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'del',
  'della',
  'da',
  'di',
  'du',
  'la',
  'le',
  'bin',
  'ibn',
  'al',
  'el',
  'dos',
  'das',
  'y',
]);
const OF_CONNECTORS = new Set(['of', 'for', 'on', '&']);
const PLACE_PREPS = new Map([
  ['in', 2],
  ['at', 2],
  ['near', 2],
  ['outside', 2],
  ['inside', 2],
  ['from', 1.5],
  ['via', 1.5],
  ['through', 1.5],
  ['towards', 1.5],
  ['toward', 1.5],
  ['above', 1.5],
  ['below', 1.5],
  ['beyond', 1.5],
  ['around', 1.5],
]);
const POSSESSIVE = new Set(["'s", "'"]);
const KEEP_THRESHOLD = 1.5;

const cache = new WeakMap<AnalyzedArticle, EntityTable>();

/** The people, organisations and places of an article, computed once per analysed article. */
export function findEntities(a: AnalyzedArticle): EntityTable {
  const hit = cache.get(a);
  if (hit) return hit;
  const sentences = tokenizeArticle(a);
  const midCaps = collectMidSentenceCaps(sentences);
  const candidates: Candidate[] = [];
  const personHints = new Set<string>();
  sentences.forEach((ts, si) => {
    if (ts.kind === 'caption') return;
    const skip = creditRanges(ts.tokens);
    for (const run of findRuns(ts.tokens, midCaps, skip)) {
      candidates.push(...readRun(ts, si, run, personHints));
    }
  });
  for (const c of candidates) {
    if (personHints.has(`${c.sentence}:${c.start}`)) c.scores.person += 2;
  }
  const table = buildTable(sentences, candidates);
  addAsRoles(table);
  addPronounRoles(table);
  cache.set(a, table);
  return table;
}

/** Words the article capitalises in mid-sentence: a sentence-initial capital is a name only if seen there too. */
function collectMidSentenceCaps(sentences: TokenizedSentence[]): Set<string> {
  const out = new Set<string>();
  for (const ts of sentences) {
    if (ts.kind === 'caption' || ts.kind === 'headline') continue;
    for (const t of ts.tokens) if (t.cap && !t.initial) out.add(t.lower);
  }
  return out;
}

/** Token ranges of photo-credit parentheses ("(Photo by X / Agency)"), which name no one in the story. */
function creditRanges(tokens: Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]?.text !== '(') continue;
    const close = tokens.findIndex((t, j) => j > i && t.text === ')');
    const end = close < 0 ? tokens.length : close;
    const inner = tokens.slice(i + 1, end).map((t) => t.lower);
    if (inner.some((w) => /^(photo|photograph|image|picture|credit|via|file)$/.test(w))) out.push([i, end]);
  }
  return out;
}

function isNameToken(ts: Token[], i: number, midCaps: Set<string>): boolean {
  const t = ts[i];
  if (!t?.cap) return false;
  if (t.pos === 'NUM' || t.pos === 'PUNCT' || t.pos === 'SYM') return false;
  if (CALENDAR_WORDS.has(t.lower) || t.lower === 'i' || /^i'/.test(t.lower)) return false;
  // "NOK 9.8 billion": a currency code before an amount is money, not a name.
  if (CURRENCY_CODES.has(t.text) && ts[i + 1]?.pos === 'NUM') return false;
  if (!t.initial) return !(t.lower === 'the' && !ts[i + 1]?.cap);
  if (isAcronym(t.text) && t.text.length > 1) return true;
  if (FUNCTION_WORDS.has(t.lower)) return false;
  const next = ts[i + 1];
  return (
    midCaps.has(t.lower) ||
    // "Dravex filed ...": a word no English dictionary knows, doing what businesses do.
    ((businessSubject(ts, i + 1) || speaksOfItself(ts, i + 1) || (competes(ts, i, i + 1) && hasScore(ts))) &&
      !isCommonWord(t.lower)) ||
    PLACE_NAMES.has(t.lower) ||
    HONORIFICS.has(t.lower) ||
    (next?.cap === true && !next.initial && !CALENDAR_WORDS.has(next.lower))
  );
}

/** Maximal runs of name tokens, joined across particles ("van") and, after an organisation word, "of". */
function findRuns(ts: Token[], midCaps: Set<string>, skip: Array<[number, number]>): Array<[number, number]> {
  const inSkip = (i: number) => skip.some(([a, b]) => i >= a && i <= b);
  const runs: Array<[number, number]> = [];
  let i = 0;
  while (i < ts.length) {
    if (inSkip(i) || !isNameToken(ts, i, midCaps)) {
      i++;
      continue;
    }
    let j = i + 1;
    // Past "of"/"for"/"on" after an organisation word, the name is a subject list: "Center for Food and
    // Allergy Research", "Society of Bridges, Tunnels and Roads".
    let inSubject = false;
    for (;;) {
      const t = ts[j];
      if (!t || inSkip(j)) break;
      if (isNameToken(ts, j, midCaps) && !t.initial) {
        j++;
        continue;
      }
      const prev = ts[j - 1];
      const after = ts[j + 1]?.lower === 'the' ? j + 2 : j + 1;
      if (PARTICLES.has(t.lower) && !t.cap && isNameToken(ts, j + 1, midCaps)) {
        j += 1;
        continue;
      }
      const subjectEnd = inSubject ? subjectListEnd(ts, j, midCaps) : -1;
      if (subjectEnd > j) {
        j = subjectEnd;
        continue;
      }
      // "Children's Research Institute": a group noun's possessive inside a name that ends in an organisation word.
      if (isPossessive(t) && prev && GROUP_POSSESSORS.test(prev.lower) && isNameToken(ts, j + 1, midCaps)) {
        let k = j + 1;
        while (isNameToken(ts, k + 1, midCaps) && k - j < 3) k++;
        if (ORG_HEADS.has(ts[k]?.lower ?? '')) {
          j = k + 1;
          continue;
        }
      }
      // "X Arts and Culture Council": "and" inside a name that ends with an organisation word.
      if (t.lower === 'and' && isNameToken(ts, j + 1, midCaps)) {
        let k = j + 1;
        while (isNameToken(ts, k + 1, midCaps)) k++;
        if (ORG_HEADS.has(ts[k]?.lower ?? '') && k - j <= 3) {
          j = k + 1;
          continue;
        }
      }
      if (
        OF_CONNECTORS.has(t.lower) &&
        prev &&
        (ORG_HEADS.has(prev.lower) || PLACE_HEADS.has(prev.lower) || t.lower === '&') &&
        isNameToken(ts, after, midCaps)
      ) {
        inSubject = t.lower !== '&';
        j = after;
        continue;
      }
      break;
    }
    runs.push([i, j]);
    i = j;
  }
  return runs;
}

/** Plural group nouns whose possessive can sit inside an organisation's name ("Women's", "Children's"). */
const GROUP_POSSESSORS =
  /^(?:children|women|men|people|workers|veterans|citizens|farmers|teachers|nurses|doctors|students|miners|consumers|taxpayers|pensioners|parents|writers|artists)$/;

/**
 * Where a subject list inside an organisation's name ends, from a token at `j` that is "and" or a comma:
 * "... and Inequality", "..., Asthma and Immunology". -1 when no such list follows, or when what follows
 * "and" starts a person's name ("... of Health and Mary Lund").
 */
function subjectListEnd(ts: Token[], j: number, midCaps: Set<string>): number {
  let k = j;
  // ", Asthma" items, each one capitalised word, until the "and" that ends the list.
  while (ts[k]?.text === ',' && isNameToken(ts, k + 1, midCaps) && ts[k + 2]?.text !== undefined) {
    if (ts[k + 2]?.text !== ',' && ts[k + 2]?.lower !== 'and') return -1;
    k += 2;
  }
  if (ts[k]?.lower !== 'and' || !isNameToken(ts, k + 1, midCaps)) return -1;
  if (GIVEN_NAMES.has(ts[k + 1]?.lower ?? '')) return -1;
  let end = k + 2;
  while (isNameToken(ts, end, midCaps) && end - k <= 3) end++;
  if (end - k > 4 || isNameToken(ts, end, midCaps)) return -1;
  return end;
}

const emptyScores = (): Scores => ({ person: 0, organization: 0, place: 0 });

/** Nationality words and their plurals ("Canadian", "Canadians"). */
function isDemonym(word: string): boolean {
  if (word.includes('-')) return word.split('-').every((part) => isDemonym(part));
  return DEMONYMS.has(word) || (word.endsWith('s') && DEMONYMS.has(word.slice(0, -1)));
}

function isAcronym(text: string): boolean {
  return /^[A-Z][A-Z0-9&.]{1,}$/.test(text) && /[A-Z].*[A-Z0-9]/.test(text);
}

function isPossessive(t: Token | undefined): boolean {
  return t !== undefined && POSSESSIVE.has(t.lower) && (t.pos === 'PART' || t.pos === 'PUNCT');
}

function sliceText(ts: TokenizedSentence, a: number, b: number): string {
  const first = ts.tokens[a];
  const last = ts.tokens[b - 1];
  if (!first || !last) return '';
  return ts.sentence.text.slice(first.start, last.end);
}

/** Reads one run: splits off a title or honorific, and scores the name by the cues around it. */
function readRun(
  ts: TokenizedSentence,
  si: number,
  [s, e]: [number, number],
  hints: Set<string>,
): Candidate[] {
  const tk = ts.tokens;
  const out: Candidate[] = [];
  const evidence = ts.kind !== 'headline';
  const words = (a: number, b: number) => tk.slice(a, b).map((t) => t.lower);
  let lastIsOrgHead = ORG_HEADS.has(tk[e - 1]?.lower ?? '') || words(s, e).some((w) => OF_CONNECTORS.has(w));
  // Titles: the last title word with a name after it ("High Court Judge Ann Smith").
  let k = -1;
  if (!lastIsOrgHead) {
    for (let i = e - 2; i >= s; i--) {
      const w = tk[i]?.lower ?? '';
      if (ROLE_NOUNS.has(w) || HONORIFICS.has(w)) {
        k = i;
        break;
      }
    }
  }
  let nameStart = s;
  let spanStart = s;
  let role: string | null = null;
  let honorific = false;
  const scores = emptyScores();
  if (k >= 0) {
    nameStart = k + 1;
    honorific = HONORIFICS.has(tk[k]?.lower ?? '');
    spanStart = honorific ? k : nameStart;
    scores.person += 3;
    const prefixEnd = honorific ? k : k + 1;
    if (prefixEnd > s) role = sliceText(ts, extendRoleLeft(tk, s), prefixEnd);
    // The words before the title may name an organisation or a place ("High Court", "Canada").
    let firstTitle = s;
    while (
      firstTitle < k &&
      !ROLE_NOUNS.has(tk[firstTitle]?.lower ?? '') &&
      !HONORIFICS.has(tk[firstTitle]?.lower ?? '')
    )
      firstTitle++;
    if (firstTitle > s) out.push(...readRun(ts, si, [s, firstTitle], hints));
  } else if (!lastIsOrgHead) {
    // Leading nationality adjectives qualify the name ("a Canadian X rifle").
    while (nameStart < e - 1 && isDemonym(tk[nameStart]?.lower ?? '')) nameStart++;
    // ... but "<Faith> State" is a name: a lone generic word left over keeps its adjective.
    if (nameStart === e - 1 && nameStart > s && GENERIC_ORG_MODIFIERS.has(tk[nameStart]?.lower ?? ''))
      nameStart--;
    spanStart = nameStart;
  }
  if (!lastIsOrgHead && tk[nameStart]?.lower === 'the' && tk[nameStart]?.initial) nameStart++;
  const nameWords = words(nameStart, e);
  if (nameWords.length === 0) return out;
  const shouting = tk.slice(nameStart, e).every((t) => isAcronym(t.text));
  // "Franco-British, the ferry firm" is a name; "a Dutch-Japanese consortium" is not.
  const next0 = tk[e];
  const standsAlone = !(next0 && !next0.cap && (next0.pos === 'NOUN' || next0.pos === 'ADJ'));
  const compoundName = nameWords.length === 1 && (nameWords[0] ?? '').includes('-') && standsAlone;
  const plain = nameWords.every((w) => isDemonym(w) || FUNCTION_WORDS.has(w) || ROLE_NOUNS.has(w));
  // "Labour's X": a party word used as a noun names the party (and X is one of its people).
  const party =
    nameWords.length === 1 &&
    PARTY_WORDS.has(nameWords[0] ?? '') &&
    isPossessive(tk[e]) &&
    tk[e + 1]?.cap === true &&
    evidence;
  if (party) hints.add(`${si}:${e + 1}`);
  if (!shouting && !lastIsOrgHead && !compoundName && plain && !party) return out;
  let name = sliceText(ts, nameStart, e);
  let nameFrom = nameStart;
  const text = name.replace(/^the\s+/i, '');
  const nameKey = matchKey(text);
  const gazetteer = PLACE_NAMES.has(nameKey);
  const roles: RoleNote[] = [];
  if (role) roles.push({ text: role, sentence: si });
  if (gazetteer) scores.place += 4;
  lastIsOrgHead = lastIsOrgHead || ORG_HEADS.has(nameWords[nameWords.length - 1] ?? '');
  // A lone capitalised word opening a sentence ("Council approves", "Health minister X") proves little.
  const weakStart =
    e - nameStart === 1 &&
    tk[nameStart]?.initial === true &&
    !gazetteer &&
    !isAcronym(tk[nameStart]?.text ?? '');
  if (lastIsOrgHead && k < 0 && !weakStart) {
    scores.organization += 3;
    // "Canada's Health Ministry": a generic body takes the country that owns it into its name.
    const generic = nameWords.slice(0, -1).every((w) => GENERIC_ORG_MODIFIERS.has(w) || w === 'the');
    if (generic && isPossessive(tk[nameStart - 1])) {
      let p = nameStart - 2;
      while (p > 0 && tk[p - 1]?.cap && !tk[p - 1]?.initial) p--;
      const owner = matchKey(sliceText(ts, p, nameStart - 1));
      if (PLACE_NAMES.has(owner) || tk[p]?.cap) {
        nameFrom = p;
        name = sliceText(ts, p, e);
      }
    }
  }
  if (PLACE_HEADS.has(nameWords[nameWords.length - 1] ?? '') && !lastIsOrgHead && nameWords.length > 1)
    scores.place += 3;
  const multi = nameWords.length >= 2;
  const prev = tk[spanStart - 1];
  const prev2 = tk[spanStart - 2];
  const next = tk[e];
  const demonymOnly = isDemonym(nameKey);
  let modifier = false;

  // What follows the name.
  if (weakStart) {
    modifier = true;
  } else if (isPossessive(next)) {
    const after = tk[e + 1];
    if (after?.cap && tk[e + 2]?.cap && !gazetteer) {
      scores.organization += 2;
      hints.add(`${si}:${e + 1}`);
    }
    if (prev?.lower === 'the' && !gazetteer) scores.organization += 2;
  } else if (next && (next.text === '/' || (next.text === '-' && tk[e + 1]?.end === next.start))) {
    modifier = true;
  } else if (next && !next.cap && (next.pos === 'NOUN' || next.pos === 'ADJ' || next.pos === 'PROPN')) {
    let j = e;
    while (
      j < e + 3 &&
      tk[j + 1] &&
      !tk[j + 1]?.cap &&
      (tk[j + 1]?.pos === 'NOUN' || tk[j + 1]?.pos === 'ADJ')
    )
      j++;
    let last = tk[j];
    if (isPossessive(tk[j + 1])) last = undefined;
    const head = last?.lemma ?? '';
    const headWord = last?.lower ?? '';
    if (last && (ORG_NOUNS.has(head) || ORG_NOUNS.has(headWord)) && !gazetteer) scores.organization += 3;
    else if (
      last &&
      (ROLE_NOUNS.has(head) || ROLE_NOUNS.has(headWord)) &&
      !NON_AFFILIATION_ROLES.has(head) &&
      !gazetteer &&
      !demonymOnly &&
      tk.slice(e, j).every((t) => ROLE_NOUNS.has(t.lemma))
    ) {
      scores.organization += 2;
    } else if (next.pos === 'NOUN' && (PLACE_NOUNS.has(next.lower) || PLACE_NOUNS.has(next.lemma)))
      scores.place += 3;
    modifier = true;
  } else if (next?.lower === 'and' && sharesPlaceNoun(tk, e + 1)) {
    // "the Maple Flats and Quarry Hill neighbourhoods": both names take the place noun after the second.
    scores.place += 3;
    modifier = true;
  }
  if (!modifier) {
    if (prev?.lower === 'the' && !gazetteer && k < 0) scores.organization += 2;
    const prep = PLACE_PREPS.get(prev?.lower ?? '');
    // Short title-case lines ("A Shift in Policy?") capitalise everything.
    const prose = tk.filter((t) => /\p{L}/u.test(t.text)).length >= 6;
    if (prep && k < 0 && !honorific && !isPossessive(next) && prose) scores.place += prep;
  }
  if (prev?.lower === 'of' && PLACE_OF_NOUNS.has(prev2?.lower ?? '') && k < 0) scores.place += 3;
  // Role nouns and organisation nouns just before the name ("lawyer X", "the newspaper X").
  if (prev && !prev.cap && (prev.pos === 'NOUN' || prev.pos === 'PROPN' || prev.pos === 'ADJ')) {
    const w = prev.lower;
    const lemma = prev.lemma;
    if ((ORG_NOUNS.has(w) || ORG_NOUNS.has(lemma)) && !honorific && k < 0 && !ROLE_NOUNS.has(w)) {
      scores.organization += 3;
      roles.push({ text: sliceText(ts, extendRoleLeft(tk, spanStart - 1, false), spanStart), sentence: si });
    } else if (ROLE_NOUNS.has(w) || ROLE_NOUNS.has(lemma)) {
      scores.person += 3;
      if (!role)
        roles.push({ text: sliceText(ts, extendRoleLeft(tk, spanStart - 1), spanStart), sentence: si });
    }
  }
  // An organisation named after a role noun and a preposition ("analyst at X", "director of the X").
  const beforePrep = prev?.lower === 'the' ? prev2 : prev;
  const roleBefore = tk[spanStart - (prev?.lower === 'the' ? 3 : 2)];
  if (
    beforePrep &&
    /^(at|of|with|for)$/.test(beforePrep.lower) &&
    roleBefore &&
    ROLE_NOUNS.has(roleBefore.lemma) &&
    !gazetteer
  ) {
    scores.organization += 2;
  }
  // Appositions: "X, medical director of Y," and "the party's leader, X,".
  const after = readApposition(ts, e);
  if (after && !(k >= 0 && after.kind === 'organization')) {
    if (after.kind === 'person') scores.person += 3;
    else scores.organization += 3;
    roles.push({ text: after.text, sentence: si });
  }
  const before = readRoleBefore(ts, spanStart, e);
  if (before && !role) {
    scores.person += 3;
    roles.push({ text: before, sentence: si });
  }
  const plural = k < 0 && !lastIsOrgHead && !gazetteer ? sharedPluralRole(ts, spanStart) : null;
  if (plural) {
    scores.person += 3;
    roles.push({ text: plural, sentence: si });
  }
  const asRole = readPossessiveAsRole(ts, spanStart);
  if (asRole) {
    scores.person += 3;
    roles.push({ text: asRole, sentence: si });
  }
  if (party) scores.organization += 2;
  const slot =
    nameWords.length === 1 && k < 0 && !gazetteer && !demonymOnly && fillsOrgSlot(tk, spanStart, e) ? 2 : 0;
  scores.organization += slot;
  // "Rovers beat Harlow Town 2-0", "will face Dunmore City": only teams play, even when named after a town.
  if (TEAM_HEADS.has(nameWords[nameWords.length - 1] ?? '') && competes(tk, spanStart, e)) {
    scores.organization += 4;
  }
  // "X, who ran the shop, died": "who" is said of people.
  if (multi && !lastIsOrgHead && !gazetteer && next?.text === ',' && tk[e + 1]?.lower === 'who')
    scores.person += 2;
  // Speech verbs: "X said", "... said X".
  if (speaksAfter(tk, e) || speaksBefore(tk, spanStart)) scores.person += multi ? 2 : 1;
  if (multi && GIVEN_NAMES.has(nameWords[0] ?? '')) scores.person += 2;
  const personal =
    multi &&
    nameWords.length <= 4 &&
    !gazetteer &&
    !lastIsOrgHead &&
    tk.slice(nameStart, e).every((t) => /^\p{Lu}\p{Ll}/u.test(t.text) || PARTICLES.has(t.lower));
  if (personal) scores.person += 1;
  const display = name.replace(/^the\s+/i, '');
  const key = matchKey(display);
  const surface = honorific ? sliceText(ts, spanStart, e) : display;
  const start = honorific ? nameStart : nameFrom;
  out.push({
    sentence: si,
    start,
    end: e,
    spanStart: Math.min(spanStart, start),
    name: display,
    surface,
    key,
    words: key.split(' '),
    scores: evidence ? scores : emptyScores(),
    roles: evidence ? roles : [],
    honorific,
    personal,
    quoted: tk.slice(nameStart, e).every((t) => t.quoted),
    evidence,
    slot: evidence ? slot : 0,
  });
  return out;
}

/** A capitalised name from `from` followed by a plural place noun ("... and Quarry Hill neighbourhoods"). */
function sharesPlaceNoun(tk: Token[], from: number): boolean {
  let k = from;
  while (tk[k]?.cap && k - from < 4) k++;
  const noun = tk[k];
  return (
    k > from && noun !== undefined && !noun.cap && noun.lower !== noun.lemma && PLACE_NOUNS.has(noun.lemma)
  );
}

/** Extends a role leftwards over its modifiers: "adviser to the <Country> Prime Minister", "Former Mayor". */
function extendRoleLeft(tk: Token[], from: number, bridge = true): number {
  let i = from;
  let steps = 0;
  while (i > 0 && steps < 8) {
    const t = tk[i - 1];
    if (!t) break;
    const w = t.lower;
    if (isPossessive(t) && tk[i - 2] && /\p{L}/u.test(tk[i - 2]?.text ?? '')) {
      i -= 2;
      steps++;
      continue;
    }
    if (bridge && (w === 'to' || w === 'of') && tk[i - 2] && ROLE_NOUNS.has(tk[i - 2]?.lemma ?? '')) {
      i -= 2;
      steps++;
      continue;
    }
    // "28-year-old midfielder": the hyphen joins the number to the word after it.
    const joined = t.text === '-' && tk[i - 2]?.end === t.start && tk[i]?.start === t.end;
    if (joined) {
      i -= 2;
      steps++;
      continue;
    }
    if (FUNCTION_WORDS.has(w) && !(t.cap && !t.initial && w !== 'the')) break;
    if (CALENDAR_WORDS.has(w)) break;
    if (t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN' || (t.cap && /\p{L}/u.test(t.text))) {
      i--;
      steps++;
      continue;
    }
    break;
  }
  return i;
}

/** "X, medical director of Y," or "X, the state-owned rail operator,": the role an apposition gives. */
function readApposition(
  ts: TokenizedSentence,
  e: number,
): { kind: 'person' | 'organization'; text: string } | null {
  const tk = ts.tokens;
  if (tk[e]?.text !== ',') return null;
  let j = e + 1;
  const first = tk[j];
  if (!first || /^(who|whom|whose|which|that|where|when)$/.test(first.lower)) return null;
  let end = j;
  // The head is the last common noun before the first preposition: "retired school caretaker", "head of X".
  let head: Token | undefined;
  let headDone = false;
  while (end < tk.length && end < e + 16) {
    const t = tk[end];
    if (!t) break;
    // "a 34-year-old teacher": a hyphen inside a word is no break.
    const inWord = t.text === '-' && tk[end - 1]?.end === t.start && tk[end + 1]?.start === t.end;
    if (inWord) {
      end++;
      continue;
    }
    if (/^[,.;:)"(\-\u2013\u2014]$/.test(t.lower) || t.quote !== 0) break;
    if (/^(who|whom|whose|which|that)$/.test(t.lower)) break;
    // "the maker of crackers and frozen meals": a participle before a noun describes it.
    const participle =
      t.pos === 'VERB' &&
      /(ed|en|ing)$/.test(t.lower) &&
      tk[end + 1]?.pos === 'NOUN' &&
      /^(DET|ADJ|NOUN|CCONJ|ADP|PRON)$/.test(tk[end - 1]?.pos ?? '');
    // "Delmar Shipping": a capitalised word inside a name is no verb, whatever wink says.
    const inName = t.cap && !t.initial;
    if ((t.pos === 'VERB' && !participle && !inName) || t.pos === 'AUX' || t.pos === 'SCONJ') return null;
    if (t.pos === 'PRON' && !/^(its|his|her|their)$/.test(t.lower)) return null;
    if (t.pos === 'CCONJ' && !head) return null;
    if (t.pos === 'ADP' || t.pos === 'CCONJ') headDone = true;
    if (!headDone && !t.cap && t.pos === 'NOUN' && !isPossessive(tk[end + 1])) head = t;
    end++;
  }
  const headKind = head ? nounKind(head) : null;
  if (!headKind || end === j) return null;
  while (end > j && tk[end - 1]?.pos === 'ADP') end--;
  while (j < end && /^(the|a|an|its|his|her|their)$/.test(tk[j]?.lower ?? '')) j++;
  if (j >= end) return null;
  return { kind: headKind, text: sliceText(ts, j, end) };
}

/** Whether a common noun names a person's role ("director", "caretaker") or an organisation ("company"). */
function nounKind(t: Token): 'person' | 'organization' | null {
  if (ROLE_NOUNS.has(t.lemma) || ROLE_NOUNS.has(t.lower)) return 'person';
  if (ORG_NOUNS.has(t.lemma) || ORG_NOUNS.has(t.lower)) return 'organization';
  // Agent nouns name people: "caretaker", "campaigner", "historian".
  return /(ist|ian|er|or)$/.test(t.lemma) && t.lemma.length > 4 ? 'person' : null;
}

/** "The party's transport spokeswoman, X, said": a role noun phrase right before ", X,". */
function readRoleBefore(ts: TokenizedSentence, s: number, e: number): string | null {
  const tk = ts.tokens;
  if (tk[s - 1]?.text !== ',') return null;
  const next = tk[e];
  if (next && !/^[,.;:]$/.test(next.text) && next.pos !== 'VERB' && next.pos !== 'AUX') return null;
  const last = tk[s - 2];
  if (!last) return null;
  if (last.cap || (last.pos === 'NOUN' && !ROLE_NOUNS.has(last.lemma))) return roleOfBefore(ts, s - 2);
  if (!ROLE_NOUNS.has(last.lemma)) return null;
  let i = s - 2;
  while (i > 0) {
    const t = tk[i - 1];
    if (!t) break;
    const participle = t.pos === 'VERB' && /(ing|ed)$/.test(t.lower) && tk[i]?.pos === 'NOUN';
    if (
      isPossessive(t) ||
      participle ||
      t.pos === 'ADJ' ||
      t.pos === 'NOUN' ||
      t.pos === 'PROPN' ||
      t.pos === 'NUM'
    ) {
      i--;
      continue;
    }
    break;
  }
  return sliceText(ts, i, s - 1);
}

/**
 * "The leader of the Harbour Party, X,": a role noun with "of", "at" or "for" and a name, ending at token
 * `end` (the name's last word), right before ", X,".
 */
function roleOfBefore(ts: TokenizedSentence, end: number): string | null {
  const tk = ts.tokens;
  let i = end;
  while (i > 0 && /^(?:DET|ADJ|NOUN|PROPN)$/.test(tk[i]?.pos ?? '') && !tk[i]?.initial && end - i < 6) i--;
  if (!/^(?:of|at|for)$/.test(tk[i]?.lower ?? '')) return null;
  const role = tk[i - 1];
  if (!role || role.cap || !ROLE_NOUNS.has(role.lemma)) return null;
  let from = i - 1;
  while (from > 0 && (tk[from - 1]?.pos === 'ADJ' || tk[from - 1]?.pos === 'NOUN') && !tk[from - 1]?.cap)
    from--;
  return sliceText(ts, from, end + 1);
}

/** "cabinet ministers X and Y": the second name shares the plural role before the first. */
function sharedPluralRole(ts: TokenizedSentence, s: number): string | null {
  const tk = ts.tokens;
  if (tk[s - 1]?.lower !== 'and') return null;
  let i = s - 2;
  while (i > 0 && tk[i]?.cap && s - i < 6) i--;
  const role = tk[i];
  if (i === s - 2 || !role || role.cap || role.lower === role.lemma || !ROLE_NOUNS.has(role.lemma))
    return null;
  return sliceText(ts, extendRoleLeft(tk, i), i + 1);
}

/** "During her time as mayor, X ...": a role given to the subject in an opening clause. */
function readPossessiveAsRole(ts: TokenizedSentence, s: number): string | null {
  const tk = ts.tokens;
  if (tk[s - 1]?.text !== ',') return null;
  let asAt = -1;
  let possessive = false;
  for (let i = 0; i < s - 1; i++) {
    const w = tk[i]?.lower ?? '';
    if (/^(his|her)$/.test(w)) possessive = true;
    if (w === 'as' && possessive) asAt = i;
    if (w === ',' && i < s - 1) {
      possessive = false;
      asAt = -1;
    }
  }
  if (asAt < 0) return null;
  const role = readRoleNounPhrase(tk, asAt + 1, s - 1);
  return role === null ? null : sliceText(ts, role[0], role[1]);
}

/** A role noun phrase starting at `from` ("mayor", "chief nurse"): adjectives and nouns ending in a role noun. */
function readRoleNounPhrase(tk: Token[], from: number, limit: number): [number, number] | null {
  let i = from;
  while (i < limit && /^(a|an|the)$/.test(tk[i]?.lower ?? '')) i++;
  const start = i;
  let lastRole = -1;
  while (i < limit && i < start + 4) {
    const t = tk[i];
    if (!t || !(t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN')) break;
    if (ROLE_NOUNS.has(t.lemma) || ROLE_NOUNS.has(t.lower)) lastRole = i;
    i++;
  }
  return lastRole < 0 ? null : [start, lastRole + 1];
}

/** A name that beats, faces or loses to another, or that another plays against. */
function competes(tk: Token[], s: number, e: number): boolean {
  let j = e;
  while (tk[j] && (tk[j]?.pos === 'ADV' || tk[j]?.pos === 'AUX' || tk[j]?.pos === 'PART')) j++;
  const after = tk[j];
  if (after && (after.pos === 'VERB' || after.pos === 'NOUN') && COMPETE_VERBS.has(after.lemma)) return true;
  const before = tk[s - 1];
  if (!before) return false;
  if (before.pos === 'VERB' && COMPETE_VERBS.has(before.lemma)) return true;
  if (before.lower === 'against') return true;
  return /^(to|with)$/.test(before.lower) && /^(lose|draw)$/.test(tk[s - 2]?.lemma ?? '');
}

/**
 * Slots only an organisation fills when one capitalised word is in them: the outlet someone "told" or gave
 * "an interview" to, the source "according to", or the subject of a business verb ("X filed", "X reported a
 * loss").
 */
function fillsOrgSlot(tk: Token[], s: number, e: number): boolean {
  if (businessSubject(tk, e) || speaksOfItself(tk, e)) return true;
  // "X's shareholders", "X's chief executive": what only a company has.
  if (isPossessive(tk[e])) {
    let k = e + 1;
    while (tk[k]?.pos === 'ADJ' && k - e < 3) k++;
    if (COMPANY_POSSESSIONS.has(tk[k]?.lower ?? '')) return true;
  }
  // "X beat Y 2-1": a one-word side with a score is a club, whose players' names the article gives in full.
  if ((competes(tk, s, e) || resultAgainst(tk, s)) && hasScore(tk)) return true;
  // "shares in X", "a takeover of X", "a stake in X".
  const p1 = tk[s - 1]?.lower ?? '';
  if (
    /^(in|of)$/.test(p1) &&
    /^(shares|stake|takeover|acquisition|subsidiary|unit|shareholders)$/.test(tk[s - 2]?.lower ?? '')
  )
    return true;
  let j = s - 1;
  if (tk[j]?.lower === 'the') j--;
  const before = tk[j];
  if (!before) return false;
  // "told Reuters that ...", but "told Hartley to leave": only a person is told to do something.
  if (before.lemma === 'tell' && before.pos === 'VERB') return tk[e]?.lower !== 'to';
  if (before.lower === 'to' && tk[j - 1]?.lower === 'according') return true;
  return before.lower === 'with' && /^interviews?$/.test(tk[j - 1]?.lower ?? '');
}

/** "a 2-1 win over X", "their defeat by X", "a draw with X": the other side of a result. */
function resultAgainst(tk: Token[], s: number): boolean {
  const prep = tk[s - 1]?.lower ?? '';
  const noun = tk[s - 2]?.lemma ?? '';
  if (prep === 'over') return /^(win|victory|triumph)$/.test(noun);
  if (prep === 'to' || prep === 'by') return /^(defeat|loss|draw)$/.test(noun);
  return prep === 'with' && noun === 'draw';
}

/** A match score ("2-1", "3-0") in the sentence. */
function hasScore(tk: Token[]): boolean {
  return tk.some(
    (t, i) =>
      /^\d{1,2}[-\u2013]\d{1,2}$/.test(t.text) ||
      (t.pos === 'NUM' &&
        /^[-\u2013]$/.test(tk[i + 1]?.text ?? '') &&
        tk[i + 1]?.start === t.end &&
        tk[i + 2]?.pos === 'NUM' &&
        tk[i + 2]?.start === tk[i + 1]?.end),
  );
}

/** Nouns that a company has and a person or a place does not: "X's shareholders". */
const COMPANY_POSSESSIONS = new Set(
  'shareholders shares stock ceo board subsidiary subsidiaries headquarters executives takeover products customers revenue revenues profits profit sales earnings'.split(
    ' ',
  ),
);

/** "X said its profits fell": a speaker whose own things are "its" is no person. */
function speaksOfItself(tk: Token[], e: number): boolean {
  let j = e;
  while (tk[j]?.pos === 'ADV' && j - e < 2) j++;
  const v = tk[j];
  if (v?.pos !== 'VERB' || !/^(say|announce|state)$/.test(v.lemma)) return false;
  const k = tk[j + 1]?.lower === 'that' ? j + 2 : j + 1;
  // Only "its": "X said it was time" has the empty "it" of the weather and the clock.
  return tk[k]?.lower === 'its';
}

/** A business verb from token `e` on, over adverbs and auxiliaries: "filed", "has hired", "posted a loss". */
function businessSubject(tk: Token[], e: number): boolean {
  let j = e;
  while (tk[j] && (tk[j]?.pos === 'ADV' || tk[j]?.pos === 'AUX') && j - e < 3) j++;
  const v = tk[j];
  if (v?.pos !== 'VERB' || /ing$/.test(v.lower)) return false;
  if (BUSINESS_VERBS.has(v.lemma)) return true;
  if (!RESULT_VERBS.has(v.lemma)) return false;
  return tk.slice(j + 1, j + 5).some((t) => RESULT_NOUNS.has(t.lower));
}

function speaksAfter(tk: Token[], e: number): boolean {
  let j = e;
  while (
    tk[j] &&
    (tk[j]?.pos === 'ADV' ||
      (tk[j]?.pos === 'AUX' && !/^(is|are|was|were|be|been)$/.test(tk[j]?.lower ?? '')))
  )
    j++;
  const v = tk[j];
  return v !== undefined && v.pos === 'VERB' && isSpeechVerb(v.lemma);
}

function speaksBefore(tk: Token[], s: number): boolean {
  let j = s - 1;
  if (tk[j]?.lower === 'the') j--;
  while (tk[j]?.pos === 'ADV') j--;
  const v = tk[j];
  const p = tk[j - 1];
  // "..., said X" names the speaker; "told X" names the listener.
  return (
    v !== undefined &&
    v.pos === 'VERB' &&
    isSpeechVerb(v.lemma) &&
    v.lemma !== 'tell' &&
    (p?.text === ',' || p?.quote === -1)
  );
}

/** Groups candidates by name, merges short forms into full names, classifies, and indexes the mentions. */
function buildTable(sentences: TokenizedSentence[], candidates: Candidate[]): EntityTable {
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    // "U.S.", "USA" and "United States" are one country.
    c.key = SAME_PLACE.get(c.key) ?? c.key;
    const list = groups.get(c.key) ?? [];
    list.push(c);
    groups.set(c.key, list);
  }
  const total = (list: Candidate[]): Scores => {
    const s = emptyScores();
    for (const c of list) {
      s.person += c.scores.person;
      s.organization += c.scores.organization;
      s.place += c.scores.place;
    }
    return s;
  };
  const kindOf = (s: Scores): EntityKind | null => {
    const best = Math.max(s.person, s.organization, s.place);
    if (best < KEEP_THRESHOLD) return null;
    if (s.place === best && s.place > s.organization) return 'place';
    if (s.organization === best) return 'organization';
    return s.person === best ? 'person' : 'place';
  };
  // "told Jonas", "Quill filed": a slot says organisation only for a word no person of the article is called.
  const personWords = new Set<string>(GIVEN_NAMES);
  for (const [key, list] of groups) {
    const w = key.split(' ');
    const kind = kindOf(total(list));
    // "Marta Kell, 24, beat ...": a name-shaped run nothing else classifies still names a person.
    if (w.length < 2 || !(kind === 'person' || (kind === null && list.some((c) => c.personal)))) continue;
    personWords.add(w[0] ?? '');
    personWords.add(w[w.length - 1] ?? '');
  }
  for (const [key, list] of groups) {
    if (!personWords.has(key)) continue;
    for (const c of list) {
      c.scores.organization -= c.slot;
      c.slot = 0;
    }
  }
  const kinds = new Map<string, EntityKind>();
  for (const [key, list] of groups) {
    const k = kindOf(total(list));
    if (k) kinds.set(key, k);
  }
  // A name-shaped run with no cue of its own is the full name of a person known by its last word ("X Lund").
  for (const [key, list] of groups) {
    const w = key.split(' ');
    if (kinds.has(key) || !list.some((c) => c.personal && !c.quoted)) continue;
    if (kinds.get(w[w.length - 1] ?? '') === 'person') kinds.set(key, 'person');
  }
  // Short forms: a later "Lund" or "Dr Lund" is the person whose full name ends (or starts) with it.
  const parent = new Map<string, string>();
  const fullNames = [...groups.keys()].filter(
    (k) => (k.split(' ').length >= 2 || kinds.get(k) === 'person') && kinds.has(k),
  );
  for (const key of groups.keys()) {
    if (PLACE_NAMES.has(key)) continue;
    const words = key.split(' ');
    const matches = fullNames.filter((full) => {
      if (full === key) return false;
      const kind = kinds.get(full);
      const fw = full.split(' ');
      if (fw.length <= words.length) return false;
      if (kind === 'person') {
        const tail = fw.slice(fw.length - words.length).join(' ');
        const head = fw.slice(0, words.length).join(' ');
        return tail === key || (words.length === 1 && head === key);
      }
      if (kind === 'organization') {
        if (words.length === 1 && isAcronymKey(key, groups.get(key))) return initials(fw) === key;
        const extraWords = fw.slice(0, fw.length - words.length);
        if (
          fw.slice(-words.length).join(' ') === key &&
          extraWords.every((x) => PLACE_NAMES.has(x) || isDemonym(x))
        ) {
          return true;
        }
        if (words.length > 1) {
          // "High Court" after "Irish High Court": the longer name only adds a place.
          const extra = fw.slice(0, fw.length - words.length);
          return (
            fw.slice(-words.length).join(' ') === key &&
            extra.every((x) => PLACE_NAMES.has(x) || DEMONYMS.has(x))
          );
        }
        const w = words[0] ?? '';
        // "Council" is not short for "X City Council", but "Rovers" is for "Redfield Rovers".
        const generic = ORG_HEADS.has(w) && !TEAM_HEADS.has(w);
        if (generic || GENERIC_ORG_MODIFIERS.has(w) || DEMONYMS.has(w) || PLACE_NAMES.has(w)) return false;
        return fw[0] === w || fw[fw.length - 1] === w;
      }
      if (kind === 'place') return words.length === 1 && fw[0] === key && !PLACE_HEADS.has(key);
      return false;
    });
    const unique = [...new Set(matches.map((m) => kinds.get(m)))].length === 1 ? matches : [];
    const own = kinds.get(key);
    const target = unique.length === 1 ? unique[0] : undefined;
    if (target && (own === undefined || own === kinds.get(target))) {
      parent.set(key, target);
    }
  }
  const rootOf = (key: string): string => {
    let k = key;
    for (let i = 0; i < 4; i++) {
      const p = parent.get(k);
      if (!p) break;
      k = p;
    }
    return k;
  };
  const clusters = new Map<string, Candidate[]>();
  for (const [key, list] of groups) {
    const root = rootOf(key);
    if (!kinds.has(root)) continue;
    const acc = clusters.get(root) ?? [];
    acc.push(...list);
    clusters.set(root, acc);
  }
  const entities: Entity[] = [];
  const byToken = new Map<string, Entity>();
  const bySentence = new Map<number, Array<{ entity: Entity; mention: EntityMention }>>();
  for (const [root, list] of clusters) {
    const kind = kinds.get(root);
    if (!kind) continue;
    list.sort((x, y) => x.sentence - y.sentence || x.start - y.start);
    const main = list.find((c) => c.key === root);
    let name = main?.name ?? root;
    if (kind === 'person' && root.split(' ').length === 1) {
      const titled = list.find((c) => c.key === root && c.honorific);
      if (titled) name = titled.surface;
    }
    const aliases: string[] = [];
    const seen = new Set([matchKey(name)]);
    for (const c of list) {
      const sameKeyForm = !c.honorific && matchKey(c.name) !== matchKey(name) ? c.name : null;
      const form = c.key === root ? sameKeyForm : c.surface;
      if (!form) continue;
      const mk = matchKey(form);
      if (seen.has(mk)) continue;
      seen.add(mk);
      aliases.push(form);
    }
    const roles: RoleNote[] = [];
    const roleKeys = new Set<string>();
    for (const c of list) {
      for (const r of c.roles) {
        const rk = matchKey(r.text);
        if (!rk || roleKeys.has(rk) || rk === matchKey(name)) continue;
        roleKeys.add(rk);
        roles.push(r);
      }
    }
    const entity: Entity = {
      name,
      kind,
      roles,
      aliases,
      mentions: list.map((c) => ({
        sentence: c.sentence,
        start: c.start,
        end: c.end,
        spanStart: c.spanStart,
        surface: c.surface,
      })),
    };
    entities.push(entity);
    for (const m of entity.mentions) {
      for (let t = m.spanStart; t < m.end; t++) byToken.set(`${m.sentence}:${t}`, entity);
      const acc = bySentence.get(m.sentence) ?? [];
      acc.push({ entity, mention: m });
      bySentence.set(m.sentence, acc);
    }
  }
  const firstAt = (e: Entity) => {
    const m = e.mentions[0];
    return m ? m.sentence * 1000 + m.start : Number.MAX_SAFE_INTEGER;
  };
  entities.sort((x, y) => firstAt(x) - firstAt(y));
  for (const list of bySentence.values()) list.sort((x, y) => x.mention.start - y.mention.start);
  return {
    sentences,
    entities,
    entityAt: (s, t) => byToken.get(`${s}:${t}`),
    mentionsIn: (s) => bySentence.get(s) ?? [],
  };
}

function initials(words: string[]): string {
  return words
    .filter((w) => !/^(of|the|for|and|on|&)$/.test(w))
    .map((w) => w[0] ?? '')
    .join('');
}

function isAcronymKey(key: string, list: Candidate[] | undefined): boolean {
  return (list ?? []).some((c) => isAcronym(c.name)) && /^[a-z0-9]{2,}$/.test(key);
}

/** "X worked as a nurse": a role given with "as" to the person the sentence is about. */
function addAsRoles(table: EntityTable): void {
  table.sentences.forEach((ts, si) => {
    const tk = ts.tokens;
    if (ts.kind === 'headline' || ts.kind === 'caption') return;
    for (let i = 0; i < tk.length; i++) {
      if (tk[i]?.lower !== 'as') continue;
      const prev = tk[i - 1]?.lower ?? '';
      if (/^(such|well|so|just|same)$/.test(prev) || tk[i + 1]?.lower === 'well') continue;
      // "wanted to hire him as a driver", "described her as a liar": what others would make of someone.
      if (/^(him|her|them|me|us)$/.test(prev)) continue;
      const span = readRoleNounPhrase(tk, i + 1, tk.length);
      // "as the mayor steps in": a clause, not a role.
      if (!span || /^(VERB|AUX)$/.test(tk[span[1]]?.pos ?? '')) continue;
      const people = table.mentionsIn(si).filter((m) => m.entity.kind === 'person' && m.mention.end <= i);
      const who = people[people.length - 1]?.entity;
      if (!who) continue;
      const text = sliceText(ts, span[0], span[1]);
      if (who.roles.some((r) => matchKey(r.text) === matchKey(text))) continue;
      who.roles.push({ text, sentence: si });
    }
  });
}

/**
 * "X says ... She's the director of Y.": a sentence opening with "he"/"she" and a form of "be" gives the
 * role to the person last named in the sentence before.
 */
function addPronounRoles(table: EntityTable): void {
  table.sentences.forEach((ts, si) => {
    const tk = ts.tokens;
    if (ts.kind !== 'body') return;
    // The splitter may keep "..., MD. She is ..." in one sentence: "She" after a full stop starts one too.
    const at = tk.findIndex(
      (t, i) => /^(he|she)$/.test(t.lower) && t.cap && (i === 0 || /\.$/.test(tk[i - 1]?.text ?? '')),
    );
    if (at < 0) return;
    if (!/^(?:'s|is|was)$/.test(tk[at + 1]?.lower ?? '') || !/^(the|a|an)$/.test(tk[at + 2]?.lower ?? ''))
      return;
    const span = readRoleNounPhrase(tk, at + 2, tk.length);
    if (!span) return;
    let end = span[1];
    // "the director of the Centre for X at Y": the role goes on over its organisation, to the first comma.
    if (/^(of|at|for|with)$/.test(tk[end]?.lower ?? '')) {
      while (
        end < tk.length &&
        !/^[,.;:)(\u2013\u2014]$/.test(tk[end]?.text ?? '') &&
        tk[end]?.pos !== 'VERB'
      )
        end++;
    }
    const here = table.mentionsIn(si).filter((m) => m.entity.kind === 'person' && m.mention.end <= at);
    const sameParagraph = table.sentences[si - 1]?.sentence.paragraph === ts.sentence.paragraph;
    const before = at > 0 || !sameParagraph ? [] : table.mentionsIn(si - 1);
    const people = [...before, ...here].filter((m) => m.entity.kind === 'person');
    const who = people[people.length - 1]?.entity;
    if (!who) return;
    const text = sliceText(ts, span[0], end);
    if (who.roles.some((r) => matchKey(r.text) === matchKey(text))) return;
    who.roles.push({ text, sentence: si });
  });
}
