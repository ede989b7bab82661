/**
 * Question analysis: what kind of answer is wanted (a date, a figure, a person...), which words must the
 * evidence contain, and who or what the question is about. Pure string work, no NLP model.
 */

import { STOP_WORDS } from '../nlp/stopwords.ts';
import {
  ROLE_NOUNS,
  ROLE_VERBS,
  SPEECH_VERBS,
  TIME_TYPE_WORDS,
  TITLE_WORDS,
  TYPE_WORDS,
} from '../search/lexicon.ts';
import type { SpanKind } from '../search/spans.ts';
import { extractTerms, type LemmaMap, lemmatizeWord, normalizeWord, splitWords } from '../search/terms.ts';

/** The kinds of question the answerer knows how to answer. */
export type QuestionKind =
  | 'when'
  | 'duration'
  | 'figure'
  | 'age'
  | 'who'
  | 'role'
  | 'claim'
  | 'where'
  | 'why'
  | 'what';

/** A content term of the question: the evidence should contain it. */
export interface QuestionTerm {
  term: string;
  /** Part of a named entity (a capitalised run such as "Anna Smith"). */
  entity: boolean;
}

/** Everything the answerer needs to know about a question. */
export interface Question {
  /** The question with chat markup removed. */
  text: string;
  kind: QuestionKind;
  /** Span kinds that can hold the answer, best first; empty when any sentence can (what, why). */
  expect: SpanKind[];
  terms: QuestionTerm[];
  /** Words that name the answer's type ("percentage", "year"): searched, not required. */
  typeTerms: string[];
  /** Capitalised runs of the question ("Anna Smith", "City Council"). */
  entities: string[];
  /** Each entity's terms. */
  entityTerms: string[][];
  /** Who or what the question is about, for role and claim questions ("What did Anna Smith say ..."). */
  subject: string | null;
  /** The thing counted or measured ("How many red vans" -> ["red", "van"]), lemmas, head last. */
  target: string[];
  /** The question asks about speech ("Who said...", "What did X claim..."). */
  speech: boolean;
  /**
   * The common noun phrase whose value a question asks about ("How much did food prices rise?" -> ["food",
   * "price"]), lemmas, head last; empty unless it has a modifier that tells it from its kin ("fuel prices").
   */
  measured: string[];
  /** The kind of thing a "which ..." question names ("Which newspaper ..." -> "newspaper"), as a lemma. */
  head: string | null;
  /** A preposition the question ends on ("Who was she arrested along with?" -> "with"). */
  trailing: string | null;
  /** The currency a money question asks in ("How much in pounds?" -> "£"), as a symbol; null when any. */
  currency: string | null;
  /** The preposition a question opens with ("By what age ..." -> "by"): the value written after it fits. */
  preposition: string | null;
  /**
   * The verb of a when- or value-question when it is written as a participle or past form ("When was the
   * ban withdrawn?" -> "withdraw"): the value written next to it in the sentence is the one asked for.
   */
  predicate: string | null;
  /**
   * Which part of the answer's clause a who-question asks for: its doer ("Who bought X?", "Which firm makes
   * X?"), its object ("Who did X meet?"), or either (a passive or a copula: "Who was arrested?").
   */
  voice: 'subject' | 'object' | null;
  /**
   * Roles the person asked for holds, as lemmas: the role nouns of a who-question ("Who is the mayor of X?") and
   * the role its verb implies ("Who leads X?" -> "leader"). Only a name given one of them answers.
   */
  roles: string[];
}

const MAX_QUESTION_CHARS = 400;
const NO_VERBS: ReadonlySet<string> = new Set();

/** Strips Discord mentions, markdown and links, and caps the length, so any input is a plain question. */
export function cleanQuestion(raw: string): string {
  const text = String(raw ?? '')
    .replace(/<a?:\w+:\d+>/g, ' ')
    .replace(/<(?:@[!&]?|#)\d+>/g, ' ')
    .replace(/@(?:everyone|here)\b/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/```[a-z]*|[*_~`|>]+/gi, ' ')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= MAX_QUESTION_CHARS) return text;
  const cut = text.slice(0, MAX_QUESTION_CHARS);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), 1));
}

const QUESTION_WORDS = new Set([
  'what',
  'who',
  'whom',
  'whose',
  'when',
  'where',
  'why',
  'how',
  'which',
  'is',
  'are',
  'was',
  'were',
  'did',
  'does',
  'do',
  'has',
  'have',
  'had',
  'can',
  'could',
  'will',
  'would',
  'should',
  'according',
  'tell',
  'please',
  'i',
]);

/** Words a question uses about the article itself, not about its content. */
const META_WORDS = new Set(
  'article story piece mention mentions according please pls plz tell thanks thank hi hello hey bot'.split(
    ' ',
  ),
);

const SUBJECT =
  "((?:[\\p{Lu}\\d][\\p{L}\\d.'\\u2019-]*)(?:\\s+(?:of\\s+|de\\s+|van\\s+|al-)?[\\p{Lu}\\d][\\p{L}\\d.'\\u2019-]*)*)";
const SPEECH = [...SPEECH_VERBS].join('|');

const ROLE_RES = [
  new RegExp(`^(?:who|what)\\s+(?:is|was|are|were)\\s+${SUBJECT}\\s*\\??$`, 'u'),
  new RegExp(
    `\\b(?:what|which)\\s+(?:is|was|are|were)\\s+${SUBJECT}(?:'s|\\u2019s|'|\\u2019)\\s+(?:role|job|position|title|post|occupation|profession|function)\\b`,
    'u',
  ),
  new RegExp(
    `\\b(?:what|which)\\s+(?:role|job|position|title|post|office|function)\\s+(?:does|did|do|has|had)\\s+${SUBJECT}\\s+(?:hold|have|had|play|fill|occupy)`,
    'u',
  ),
  new RegExp(`\\bwhat\\s+(?:does|did)\\s+${SUBJECT}\\s+do\\s*(?:for a living)?\\s*\\??$`, 'u'),
  new RegExp(`\\bwhat\\s+(?:is|was)\\s+the\\s+(?:role|job|position|title)\\s+of\\s+${SUBJECT}`, 'u'),
];

const CLAIM_RES = [
  new RegExp(
    `^(?:what|how)\\s+(?:did|does|do|has|have|had|will|would)\\s+(?:the\\s+)?${SUBJECT}\\s+(?:${SPEECH})\\b`,
    'u',
  ),
  new RegExp(
    `^(?:what|how)\\s+(?:did|does|do|has|have|had|will|would)\\s+${SUBJECT}\\s+(?:say|said|react|respond|feel|think)\\b`,
    'u',
  ),
  new RegExp(
    `^what\\s+(?:is|was|were|are)\\s+${SUBJECT}(?:'s|\\u2019s|'|\\u2019)\\s+(?:reaction|response|view|position|argument|claim|allegation|message|warning|criticism|complaint|explanation|comment|answer|stance|verdict)\\b`,
    'u',
  ),
  new RegExp(
    `^(?:what|which)\\s+(?:warning|message|reason|explanation|assurance|promise|advice|answer|response|reply|statement|comment|view|argument|example|evidence|estimate|prediction|criticism|complaint|demand|request)\\s+(?:did|does|do|has|had)\\s+${SUBJECT}\\s+(?:${SPEECH}|make|raise|give|offer)\\b`,
    'u',
  ),
];

/** Nouns for named things: "Which news agency ...", "What company ..." ask for a name. */
const NAMED_HEADS =
  'person|people|official|man|woman|company|companies|organisation|organization|group|firm|team|club|side|body|agency|board|council|committee|commission|authority|department|ministry|regulator|tribunal|minister|politician|leader|player|country|countries|nation|newspaper|paper|court|city|town|village|state|region|province|university|college|school|hospital|bank|party|union|airline|brand|magazine|journal|broadcaster|channel|network|station|institute|institution|manufacturer|maker|chipmaker|carrier|retailer|charity|museum|stadium|venue|prison|bill|law|act|film|book|song|album|website|app|drug|vaccine|product|programme|program|project|operation|species';
const WHICH_HEAD = new RegExp(
  `^\\W*(?:which|what) (?:(?!(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could)\\b)[\\p{L}'-]+ ){0,2}?(${NAMED_HEADS})s?\\b(?!'s)`,
  'u',
);

const MONEY_HINT =
  /\b(?:cost|costs|costing|price|priced|pay|paid|pays|paying|worth|spend|spent|spending|fund|funds|funding|fine|fined|fines|salary|salaries|budget|bid|sell|sold|buy|bought|invest|invested|investment|earn|earned|earns|owe|owes|owed|deposit|revenue|profit|loss|debt|money|cash|fee|fees|tax|taxes|damages|compensation|raise|raised|grant|loan|dollars|pounds|euros)\b/i;

function firstMatch(res: RegExp[], text: string): string | null {
  for (const re of res) {
    const m = re.exec(text);
    if (m?.[1]) return m[1].replace(/(?:'s|\u2019s|'|\u2019)$/u, '');
  }
  return null;
}

/** Capitalised runs after the first word ("What did Anna Smith say about the City Council?"). */
function findEntities(text: string): string[] {
  const words = splitWords(text);
  const out: string[] = [];
  let run: string[] = [];
  let runEnd = -1;
  const flush = () => {
    if (run.length) out.push(run.join(' '));
    run = [];
  };
  words.forEach((w, i) => {
    const lower = w.text.toLowerCase();
    const capital = /^[\p{Lu}]/u.test(w.text) || /^\d{4}$/.test(w.text);
    // A question's first word is capitalised whatever it is: "By what age ..." names no one.
    const skip =
      QUESTION_WORDS.has(lower) ||
      META_WORDS.has(lower) ||
      lower === 'i' ||
      (i === 0 && (!capital || STOP_WORDS.has(lower)));
    const joined = run.length > 0 && w.start - runEnd <= 1;
    if (capital && !skip && (i > 0 || !QUESTION_WORDS.has(lower))) {
      if (!joined) flush();
      if (!TITLE_WORDS.has(lower.replace(/\.$/, '')) || run.length > 0) run.push(w.text);
      runEnd = w.end;
    } else if (run.length && (lower === 'of' || lower === 'de') && w.start - runEnd <= 1) {
      // keep "Bank of England" together; a trailing "of" is dropped below
      run.push(w.text);
      runEnd = w.end;
    } else {
      flush();
    }
  });
  flush();
  return out.map((e) => e.replace(/\s+(?:of|de)$/i, '')).filter((e) => !/^(?:I|A|An|The)$/.test(e));
}

const TARGET_END =
  '(?=\\s+(?:did|do|does|were|was|are|is|have|has|had|will|would|could|can|should|may|might|must|been|who|that|which|in|at|on|from|for|with|to|by|since|during|per|each|a|an|the)\\b|\\s*\\?|$)';
const TARGET_RES = [
  new RegExp(
    `\\bhow (?:many|much)\\s+(?!(?:did|do|does|is|was|were|are|has|have|had|will|would|could|can|should)\\b)((?:[a-z][\\w'-]*\\s+){0,3}?[a-z][\\w'-]*?)${TARGET_END}`,
  ),
  new RegExp(
    `\\b(?:percentage|percent|proportion|share|fraction|number)\\s+of\\s+(?:the\\s+|its\\s+|their\\s+|his\\s+|her\\s+)?((?:[a-z][\\w'-]*\\s+){0,3}?[a-z][\\w'-]*?)${TARGET_END}`,
  ),
];

/** "found", "paid", "closed": a word the corpus lemmatises to another form, not a plural or comparative. */
function isVerbForm(word: string, lemmas: LemmaMap): boolean {
  const lemma = lemmas.get(word);
  return lemma !== undefined && lemma !== word && !/(?:s|er|est)$/.test(word);
}

/**
 * What is counted or measured: "How many red vans ..." -> ["red", "van"] (the head noun last), as
 * lemmas; empty when the question does not say ("How much did X pay?").
 */
function findTarget(lower: string, lemmas: LemmaMap, verbs: ReadonlySet<string>): string[] {
  for (const re of TARGET_RES) {
    const phrase = re.exec(lower)?.[1];
    if (!phrase) continue;
    const all = phrase.trim().split(/\s+/);
    // "how many vehicles cross the bridge": the noun phrase ends before the corpus's verbs.
    const verbAt = all.findIndex((w, i) => i > 0 && (verbs.has(w) || isVerbForm(w, lemmas)));
    const words = (verbAt > 0 ? all.slice(0, verbAt) : all)
      .map((w) => normalizeWord(w))
      .filter((w) => w && !STOP_WORDS.has(w) && !QUESTION_WORDS.has(w) && !TYPE_WORDS.has(w));
    if (words.length === 0 || /^(?:money|cash|more|less|time|longer)$/.test(words.at(-1) ?? '')) continue;
    return words.map((w) => lemmatizeWord(w, lemmas));
  }
  return [];
}

/** Verbs a value question asks with, which an article may use only as nouns ("a rise of 5%"). */
const VALUE_VERBS = new Set(
  'rise fall increase decrease grow drop gain lose climb cost earn pay spend owe raise cut reach total sell change jump'.split(
    ' ',
  ),
);

const MEASURED_RE =
  /^\W*[Hh]ow (?:much|many|far|high|low|fast)\s+(?:did|does|do|has|have|had|will|would|is|are|was|were)\s+(?:the\s+|its\s+|their\s+)?((?:[a-z][\w'-]*\s+){1,3}[a-z][\w'-]*)\b/;

/** "How much did food prices rise?" -> ["food", "price"]: the subject of the question's verb, when modified. */
function findMeasured(text: string, lemmas: LemmaMap, verbs: ReadonlySet<string>): string[] {
  const words = MEASURED_RE.exec(text)?.[1]?.split(/\s+/) ?? [];
  const verbAt = words.findIndex(
    (w, i) =>
      i > 0 &&
      (verbs.has(w) || isVerbForm(w, lemmas) || VALUE_VERBS.has(lemmatizeWord(normalizeWord(w), lemmas))),
  );
  if (verbAt < 2) return [];
  const phrase = words.slice(0, verbAt).map((w) => normalizeWord(w));
  if (phrase.some((w) => !w || STOP_WORDS.has(w))) return [];
  return phrase.map((w) => lemmatizeWord(w, lemmas));
}

function classify(text: string): { kind: QuestionKind; expect: SpanKind[] } {
  const q = text.toLowerCase();
  if (
    /\bhow old\b|\bwhat age\b|\bat what age\b|\b(?:'s|s'|\u2019s) age\b|\bthe age of\b|\bhow many years old\b/.test(
      q,
    )
  ) {
    return { kind: 'age', expect: ['age'] };
  }
  if (
    /^(?:\W*)(?:when|since when|until when|by when)\b/.test(q) ||
    /\b(?:what|which) (?:year|date|day|month|time|decade|century|season)\b/.test(q) ||
    /\b(?:in|on|by) (?:what|which) (?:year|date|day|month)\b|\bhow long ago\b/.test(q)
  ) {
    return { kind: 'when', expect: ['date'] };
  }
  if (/\bhow long\b/.test(q)) return { kind: 'duration', expect: ['duration', 'date'] };
  // "What was the score?": a result written as "2-1" or "4-3".
  if (
    /\b(?:what|which) (?:is|was|were) the (?:final |half-time |full-time |closing )?(?:score|scoreline)\b|\bby what (?:score|margin)\b|\bwhat (?:score|scoreline)\b/.test(
      q,
    )
  ) {
    return { kind: 'figure', expect: ['score'] };
  }
  if (/\b(?:what|which) (?:percentage|percent)\b|\bwhat %/.test(q))
    return { kind: 'figure', expect: ['percent'] };
  if (/\b(?:what|which) (?:proportion|share|fraction)\b|\bhow much of\b|\bby how much\b/.test(q)) {
    return { kind: 'figure', expect: ['percent', 'count', 'money'] };
  }
  if (/\bhow many (?:years|months|weeks|days|hours|minutes|decades|centuries)\b/.test(q)) {
    return { kind: 'figure', expect: ['count', 'duration'] };
  }
  if (/\bhow many\b|\bwhat (?:is|was|were) the number of\b|\bwhat number\b/.test(q)) {
    return { kind: 'figure', expect: ['count'] };
  }
  // "What is the population of X?": a head count, or a share of those who could ("turnout was 38%").
  if (
    /\bwhat (?:is|was|are|were) (?:the |its |their )?(?:\w+(?:'s|\u2019s) )?(?:population|headcount|membership|workforce|turnout|attendance|death toll|toll)\b/.test(
      q,
    )
  ) {
    return { kind: 'figure', expect: ['count', 'percent'] };
  }
  if (
    /(?:'s|s'|\u2019s)\s+(?:salary|pay|income|wages?|budget|fortune|net worth|revenue|profits?|debts?|bail)\b/.test(
      q,
    )
  ) {
    return { kind: 'figure', expect: ['money'] };
  }
  if (
    /\bhow much\b/.test(q) ||
    /^\W*what (?:price|sum|amount|fee|fine|salary|wage|bonus|reward|ransom)\b/.test(q) ||
    /\bwhat (?:is|was|were|are) the (?:[a-z-]+ ){0,2}?(?:cost|price|value|amount|fine|budget|salary|fee|bill|deposit|sum|figure|total|rate)\b/.test(
      q,
    )
  ) {
    return MONEY_HINT.test(q)
      ? { kind: 'figure', expect: ['money', 'percent'] }
      : { kind: 'figure', expect: ['money', 'count', 'percent'] };
  }
  if (
    /^(?:\W*)why\b|\bfor what reason\b|\bwhat (?:is|was) the reason\b|\bwhat (?:caused|prompted|led to)\b/.test(
      q,
    )
  ) {
    return { kind: 'why', expect: [] };
  }
  // "Where did the team finish?" asks for a rank, not a place.
  if (/^\W*where\s+(?:did|does|do|will|would)\s+.*\b(?:rank|finish|place|come|stand|sit)\b/.test(q)) {
    return { kind: 'what', expect: [] };
  }
  if (
    /^(?:\W*)where\b|\b(?:in|at|to|from) (?:which|what) (?:city|country|town|place|region|state|court|venue|stadium|prison|camp)\b/.test(
      q,
    )
  ) {
    return { kind: 'where', expect: ['name'] };
  }
  if (
    /^(?:\W*)(?:who|whom|whose)\b|^(?:\W*)what(?:'s|\u2019s| is| was| are| were) (?:the )?names? of\b/.test(
      q,
    ) ||
    WHICH_HEAD.test(q) ||
    whichRole(q) !== null
  ) {
    return { kind: 'who', expect: ['name'] };
  }
  return { kind: 'what', expect: [] };
}

/** Reads a question: its kind, expected answer spans, content terms, entities, subject and counted thing. */
export function analyzeQuestion(
  raw: string,
  lemmas: LemmaMap,
  verbs: ReadonlySet<string> = NO_VERBS,
): Question {
  const text = cleanQuestion(raw);
  // A question typed in capitals has no usable capitalisation: read it in lower case.
  const cased = text === text.toUpperCase() ? text.toLowerCase() : text;
  let { kind, expect } = classify(cased);
  let subject: string | null = null;
  // Question words are matched in lower case; the subject keeps its capitals ("what did Anna Smith say").
  const head = cased.charAt(0).toLowerCase() + cased.slice(1);
  const role = firstMatch(ROLE_RES, head);
  const claim = firstMatch(CLAIM_RES, head);
  if (role && /^\p{Lu}/u.test(role) && (kind === 'who' || kind === 'what')) {
    kind = 'role';
    expect = ['name'];
    subject = role;
  } else if (claim && (kind === 'what' || kind === 'who')) {
    kind = 'claim';
    expect = ['quote'];
    subject = claim;
  }
  const lower = cased.toLowerCase();
  const speech =
    kind === 'claim' ||
    (kind === 'who' &&
      splitWords(lower).some(
        (w, i) => i > 0 && i < 3 && SPEECH_VERBS.has(lemmatizeWord(normalizeWord(w.text), lemmas)),
      ));
  const entities = findEntities(cased);
  const entityTerms = entities.map((e) => extractTerms(e, lemmas).map((t) => t.term));
  const entityTermSet = new Set(entityTerms.flat());
  const headTerm = kind === 'who' ? whichHead(lower, lemmas) : null;
  const terms: QuestionTerm[] = [];
  const typeTerms: string[] = [];
  const seen = new Set<string>();
  for (const t of extractTerms(cased, lemmas)) {
    const word = normalizeWord(cased.slice(t.start, t.end));
    // "how long", "how old", "how far": the word after "how" asks for the type, it is not evidence.
    const afterHow = /\bhow\s+$/i.test(cased.slice(Math.max(0, t.start - 4), t.start));
    // "Tell me when ..." is chat; "When did the minister tell parliament?" asks about the telling.
    const chat =
      word === 'tell'
        ? /^\s+(?:me|us)\b/i.test(cased.slice(t.end))
        : QUESTION_WORDS.has(word) || META_WORDS.has(word);
    // "When will the talks take place?" asks when the talks are: articles rarely write the idiom.
    const idiom =
      (kind === 'when' || kind === 'where') &&
      (EVENT_IDIOM.test(cased.slice(t.start)) ||
        (word === 'place' && /\b(?:take|takes|taken|taking|took)\s+$/i.test(cased.slice(0, t.start))));
    if (seen.has(t.term) || afterHow || chat || idiom || TITLE_WORDS.has(word)) {
      continue;
    }
    seen.add(t.term);
    const isEntity = entityTermSet.has(t.term);
    // "Which newspaper ...": the kind of thing asked for is rarely written beside its name; "in pounds" is
    // written "£".
    if (!isEntity && (t.term === headTerm || (CURRENCY_WORDS.test(word) && currencyOf(lower)))) {
      typeTerms.push(t.term);
      continue;
    }
    const asked = /\b(?:what|which)\s+$/i.test(cased.slice(Math.max(0, t.start - 7), t.start));
    if (!isEntity && (TYPE_WORDS.has(word) || (asked && TIME_TYPE_WORDS.has(word)))) typeTerms.push(t.term);
    else if (!isEntity && speech && SPEECH_VERBS.has(t.term)) typeTerms.push(t.term);
    else terms.push({ term: t.term, entity: isEntity });
  }
  const target = findTarget(lower, lemmas, verbs);
  const measured = kind === 'figure' ? findMeasured(cased, lemmas, verbs) : [];
  const roles = kind === 'who' ? askedRoles(lower, lemmas) : [];
  const voice = kind === 'who' ? voiceOf(lower) : null;
  const valued = kind === 'when' || kind === 'duration' || kind === 'figure';
  const predicate = valued ? predicateOf(cased, terms, lemmas, verbs) : null;
  return {
    text,
    kind,
    expect,
    terms,
    typeTerms,
    entities,
    entityTerms,
    subject,
    target,
    measured,
    speech,
    head: headTerm,
    trailing: /\b(with|to|against|for|from|by|about|on|at)\s*\??\s*$/.exec(lower)?.[1] ?? null,
    roles,
    voice,
    predicate,
    currency: currencyOf(lower),
    preposition:
      /^\W*(by|in|on|at|since|until|till|from|before|after|during|for)\s+(?:what|which|when)\b/.exec(
        lower,
      )?.[1] ?? null,
  };
}

/** The verb of "When will X take place / happen / occur?", which only says that X is an event. */
const EVENT_IDIOM = /^(?:take|took|taken|takes|taking)\s+place\b|^(?:happen|occur)(?:s|ed|red|ring|ing)?\b/i;

const CURRENCY_WORDS = /^(?:pounds?|sterling|dollars?|euros?|yen)$/;

const CURRENCIES: Array<[RegExp, string]> = [
  [/\bin (?:pounds|sterling)\b/, '£'],
  [/\bin (?:us |american )?dollars\b/, '$'],
  [/\bin euros\b/, '€'],
  [/\bin yen\b/, '¥'],
];

/** "How much did they pay in pounds?": the currency the answer is wanted in. */
function currencyOf(lower: string): string | null {
  return CURRENCIES.find(([re]) => re.test(lower))?.[1] ?? null;
}

/** The last word of the question (not a name) that the corpus uses as a verb, or that is a verb's past form. */
function predicateOf(
  text: string,
  terms: QuestionTerm[],
  lemmas: LemmaMap,
  verbs: ReadonlySet<string>,
): string | null {
  const words = new Map(splitWords(text).map((w) => [lemmatizeWord(normalizeWord(w.text), lemmas), w.text]));
  for (const t of [...terms].reverse()) {
    const word = words.get(t.term)?.toLowerCase();
    // A past form: "-ed", or a word the lemmas map to another ("withdrawn"), not a plural or an "-ing" noun.
    const past = word && lemmatizeWord(word, lemmas) !== word && !/(?:s|er|est|ing)$/.test(word);
    if (!t.entity && word && (verbs.has(word) || past || /ed$/.test(word))) return t.term;
  }
  return null;
}

const OBJECT_QUESTION =
  /^\W*(?:who\s+|whom\s+|(?:which|what)\s+(?:(?!(?:is|was|are|were)\b)[\p{L}\d'-]+\s+){1,3}?)(?:did|does|do|will|would|could|can|should|has|have|had)\s+(?!been\b)/u;
const SUBJECT_QUESTION =
  /^\W*(?:who\s+|(?:which|what)\s+(?:(?!(?:is|was|are|were)\b)[\p{L}\d'-]+\s+){1,3}?)(?!(?:is|was|are|were|be|been|has|have|had|did|does|do|will|would|could|can|should|may|might|must)\b)[a-z]+/u;

const PROGRESSIVE_QUESTION =
  /^\W*(?:who\s+|(?:which|what)\s+(?:[\p{L}'-]+\s+){1,3}?)(?:is|was|are|were|has been|have been)\s+[a-z]+ing\b/u;

/** Whether a who-question asks for the doer of its verb or its object (see `Question.voice`). */
function voiceOf(lower: string): Question['voice'] {
  if (OBJECT_QUESTION.test(lower)) return 'object';
  return SUBJECT_QUESTION.test(lower) || PROGRESSIVE_QUESTION.test(lower) ? 'subject' : null;
}

/** The kind of thing a which-question names ("Which news agency ..." -> "agency"), as a lemma. */
function whichHead(lower: string, lemmas: LemmaMap): string | null {
  const word =
    WHICH_HEAD.exec(lower)?.[1] ?? whichRole(lower) ?? /^\W*(?:which|what)\s+([a-z]+)\b/.exec(lower)?.[1];
  return word && !QUESTION_WORDS.has(word) ? lemmatizeWord(normalizeWord(word), lemmas) : null;
}

/** "Which customs officer ...", "What minister ...": the role noun among the first words after "which". */
function whichRole(lower: string): string | null {
  const words =
    /^\W*(?:which|what)\s+((?:[\p{L}\d'-]+\s+){0,2}[\p{L}\d'-]+)/u.exec(lower)?.[1]?.split(/\s+/) ?? [];
  // "Which party's spokeswoman ..." asks for the party.
  const stop = words.findIndex((w) => QUESTION_WORDS.has(w) || /(?:'s|\u2019s)$/u.test(w));
  return (
    words
      .slice(0, stop < 0 ? words.length : stop)
      .find((w) => ROLE_NOUNS.has(w) || ROLE_NOUNS.has(w.replace(/s$/, ''))) ?? null
  );
}

const PHRASE_END = '(?=\\s+(?:of|for|at|in|on|to|who|that|from|with|under|behind)\\b|\\s*[?.!]*\\s*$)';
const ROLE_PHRASE = new RegExp(`^\\W*who\\s+(?:is|was|are|were)\\s+(?:(?:the|a|an)\\s+)?(.+?)${PHRASE_END}`);
const NAME_OF = new RegExp(
  `^\\W*what(?:'s|\\s+is|\\s+was|\\s+are|\\s+were)\\s+(?:the\\s+)?names?\\s+of\\s+(?:(?:the|a|an)\\s+)?(.+?)${PHRASE_END}`,
);

/** The role nouns of a who-question, and the role its first verb implies ("Who founded X?" -> "founder"). */
function askedRoles(lower: string, lemmas: LemmaMap): string[] {
  // "Who is the incumbent mayor of X?": the role nouns of the phrase after "who is", when a role noun heads it
  // ("Who is the port workers union suing?" asks for no role).
  const phrase = (ROLE_PHRASE.exec(lower) ?? NAME_OF.exec(lower))?.[1] ?? '';
  const words = splitWords(phrase).map((w) => lemmatizeWord(normalizeWord(w.text), lemmas));
  const roles = ROLE_NOUNS.has(words.at(-1) ?? '') ? words.filter((w) => ROLE_NOUNS.has(w)) : [];
  // "Which customs officer ...": an officer.
  const which = whichRole(lower);
  const head = which ? lemmatizeWord(normalizeWord(which), lemmas) : null;
  if (head && ROLE_NOUNS.has(head) && !roles.includes(head)) roles.push(head);
  const verb = /^\W*who\s+(?:currently\s+|now\s+|first\s+)?([a-z]+)\b/.exec(lower)?.[1];
  const role = verb ? ROLE_VERBS.get(lemmatizeWord(normalizeWord(verb), lemmas)) : undefined;
  if (role && !roles.includes(role)) roles.push(role);
  return roles;
}
