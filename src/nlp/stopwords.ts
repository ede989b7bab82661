/**
 * A small list of English function words (articles, pronouns, auxiliaries, prepositions, conjunctions).
 * Kept here, not taken from wink-nlp, so that cheap stages (corpus cleaning, query parsing) can use it
 * without loading the 300 ms model. All entries are lower case; compare with `word.toLowerCase()`.
 * Numerals ("one") and content-bearing adverbs ("never", "back") are left out on purpose: a search for
 * them must find them.
 */
const WORDS = `
a about above after again against ago all almost along already also although always am among an and another
any anyone anything are around as at away be became because become becomes been before being below
between both but by can cannot could did do does doing done down during each either else enough even ever
every few for from further had has have having he her here hers herself him himself his how however i if in
into is it its itself just least less let like many may me might mine more most much must my myself neither
no nobody none nor not nothing now of off often on once only onto or other others otherwise our ours
ourselves out over own per perhaps quite rather same shall she should since so some someone something
still such than that the their theirs them themselves then there therefore these they this those though
through throughout thus to too toward towards under until up upon us very via was we well were what whatever
when whenever where whereas wherever whether which while who whoever whom whose why will with within without
would yet you your yours yourself yourselves
`;

/** English function words, lower case. */
export const STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

/** Whether a word (any case) is an English function word. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase());
}
