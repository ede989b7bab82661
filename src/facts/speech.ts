/**
 * The vocabulary of attribution: verbs that report what someone said or claimed, the words that hedge a
 * claim, and the vague sources ("reports", "sources") that make one unconfirmed.
 */

/** How a speech verb takes its content. */
export type SpeechVerbClass = 'report' | 'evaluate';

/**
 * Verbs (lemmas) that attribute words or a stance to someone. "report" verbs take a that-clause, a quote or
 * a clause; "evaluate" verbs take an object ("praised the clinics", "condemned the decision").
 */
const SPEECH_VERBS = new Map<string, SpeechVerbClass>([
  ...(
    'say tell claim allege deny tweet post note explain stress announce argue insist warn admit state add rule ' +
    'write report declare confirm reveal acknowledge suggest estimate predict conclude maintain reply ' +
    'respond assert contend observe remark indicate promise vow complain concede testify emphasise ' +
    'emphasize believe think agree ask question repeat reiterate comment point urge caution threaten boast ' +
    'recommend find show hint speculate disclose recount recall admit charge counter retort quip ' +
    'acknowledge announce forecast predict underline highlight'
  )
    .split(' ')
    .map((w) => [w, 'report'] as [string, SpeechVerbClass]),
  ...(
    'praise condemn criticise criticize welcome accuse blame describe dismiss call denounce applaud ' +
    'commend deplore decry reject slam hail'
  )
    .split(' ')
    .map((w) => [w, 'evaluate'] as [string, SpeechVerbClass]),
]);

/**
 * Verbs that attribute only with a that-clause ("the survey found that ...") or a quotation, or when they close
 * the attribution (", the researchers found."), never with an object: "maintains close ties" is no claim.
 */
export const THAT_ONLY_VERBS: ReadonlySet<string> = new Set([
  'maintain',
  'rule',
  'find',
  'show',
  'agree',
  'recall',
  'charge',
  'highlight',
  'underline',
]);

/** True when the lemma is a verb of saying, claiming or judging. */
export function isSpeechVerb(lemma: string): boolean {
  return SPEECH_VERBS.has(lemma);
}

/** The way a speech verb takes its content, or undefined when it is not one. */
export function speechVerbClass(lemma: string): SpeechVerbClass | undefined {
  return SPEECH_VERBS.get(lemma);
}

/** Single words that hedge a claim. */
export const HEDGE_WORDS: ReadonlySet<string> = new Set(
  (
    'allegedly reportedly purportedly supposedly apparently unconfirmed unverified ' +
    'rumoured rumored possibly probably perhaps maybe may might could likely unlikely suspected ' +
    'speculated seemingly ostensibly'
  ).split(' '),
);

/** Multi-word hedges, matched on the lower-cased text. */
export const HEDGE_PHRASES: readonly RegExp[] = [
  /\bnot (?:yet )?(?:be |been )?(?:independently )?(?:confirmed|verified)\b/,
  /\bcould not be (?:confirmed|verified)\b/,
  /\b(?:is|are|was|were) (?:said|believed|thought|understood|reported|alleged) to\b/,
  /\b(?:appears?|appeared|seems?|seemed) to\b/,
  /\bit is (?:understood|believed|thought|reported|alleged|claimed)\b/,
];

/** Phrases saying the source itself is unconfirmed: they are added to an unnamed speaker's description. */
export const UNCONFIRMED_SOURCE: RegExp =
  /\b(?:not (?:yet )?(?:be |been )?(?:independently )?(?:confirmed|verified)|unconfirmed|unverified)\b/;

/** Head nouns of vague, unnamed sources; attributing to them is as hedged as "reportedly". */
export const VAGUE_SOURCES: ReadonlySet<string> = new Set(
  'report reports source sources rumour rumours rumor rumors account accounts media'.split(' '),
);

/** Report verbs whose object alone is a claim ("denied the report", "announced a deal"). */
export const OBJECT_VERBS: ReadonlySet<string> = new Set(
  'deny announce confirm reveal tweet disclose question dispute reject ask'.split(' '),
);

/** Head nouns of unnamed sources that can say things: "a new study says", "independent experts agree". */
export const SOURCE_NOUNS: ReadonlySet<string> = new Set(
  (
    'research study survey poll report statement document submission filing lawsuit suit paper analysis ' +
    'review inquiry investigation audit census figures data expert critic opponent supporter resident ' +
    'people official authority government police prosecutor investigator scientist doctor observer ' +
    'witness source defender campaigner judge court ruling verdict letter memo email message post ' +
    'tweet website spokesman spokeswoman spokesperson analyst economist lawyer city town state country ' +
    'county municipality region province district village opposition family families parents organisers ' +
    'organizers politician politicians lawmakers legislators researchers voters protesters residents ' +
    'workers employees teachers farmers users customers members diplomats leaders'
  ).split(' '),
);
