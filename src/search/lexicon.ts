/**
 * Word lists of general English that the index and the answerer share: role nouns, titles, speech verbs and
 * a few near-synonyms that questions use for words articles use. Nothing here is about any one article.
 */

const list = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/** Nouns that name a job, office or role (lower case, singular). */
export const ROLE_NOUNS = list(`
president vice-president minister secretary spokesperson spokesman spokeswoman spokespeople director chairman
chairwoman chair chairperson chief executive ceo cfo coo cto head leader manager boss mayor governor senator
councilman councilwoman councillor councilor alderman lawmaker legislator mp msp mep congressman congresswoman
assemblyman assemblywoman judge justice magistrate lawyer attorney barrister solicitor counsel prosecutor
advocate analyst economist professor lecturer researcher scientist engineer doctor physician surgeon nurse
officer official ambassador envoy diplomat consul commander general colonel captain lieutenant sergeant admiral
marshal major king queen prince princess emperor monarch sultan emir sheikh pope bishop archbishop cardinal
rabbi imam priest pastor reverend reporter correspondent editor journalist columnist commentator presenter
anchor founder co-founder owner proprietor chancellor premier deputy assistant adviser advisor aide
representative delegate commissioner inspector superintendent sheriff coach trainer striker player goalkeeper
midfielder defender athlete sprinter runner medallist medalist champion agent detainee suspect victim witness
candidate partner member employee worker teacher student principal dean provost rector treasurer auditor
accountant banker trader investor entrepreneur producer actor actress singer musician artist writer author
novelist poet filmmaker architect designer developer psychiatrist psychologist pharmacist dentist veterinarian
paramedic firefighter soldier pilot astronaut activist campaigner organiser organizer volunteer expert
specialist consultant strategist pollster historian curator librarian administrator regulator supervisor
farmer fisherman miner clerk chef driver mechanic shareholder trustee ombudsman comptroller controller speaker
whip secretary-general undersecretary registrar counterpart owner-operator fellow economist historian
sociologist demographer epidemiologist virologist researcher investigator detective constable policeman
policewoman spy chairman-elect president-elect governor-elect head-coach vice-chairman vice-chair
vice-chancellor executive-director managing-director director-general attorney-general solicitor-general
surgeon-general commissioner-general inspector-general incumbent challenger nominee gunman gunmen attacker
assailant shooter bomber hijacker kidnapper killer murderer robber thief culprit perpetrator survivor hostage
winger keeper referee umpire
`);

/** Last words that many organisations share: "Harbour Party" and "Rail Party" differ by their first word. */
export const ORG_HEADS = list(`
party council group institute association court agency department office bank fund company corporation
university college school union government commission committee foundation church army service club league
federation authority board trust organisation organization ministry hospital centre center society network
alliance front movement journal times post news review institution museum
`);

/** Verbs whose doer holds a role a noun names: "Who leads the party?" asks for its leader. */
export const ROLE_VERBS: ReadonlyMap<string, string> = new Map([
  ['lead', 'leader'],
  ['found', 'founder'],
  ['own', 'owner'],
  ['chair', 'chair'],
  ['coach', 'coach'],
  ['manage', 'manager'],
  ['edit', 'editor'],
  ['direct', 'director'],
  ['govern', 'governor'],
  ['captain', 'captain'],
  ['command', 'commander'],
  ['head', 'head'],
]);

/** Words written before a name that are part of how the person is addressed, not their role. */
export const TITLE_WORDS = list(`
mr mrs ms miss mx dr prof sir dame lord lady rev fr st gen col capt sgt lt gov sen rep hon mr. mrs. ms. dr.
prof. rev. gen. col. capt. sgt. lt. gov. sen. rep. hon. late
`);

/** Verbs that report speech, lemma form. */
export const SPEECH_VERBS = list(`
say tell state claim allege argue insist add explain warn announce declare deny admit acknowledge confirm
suggest note write describe call accuse urge predict promise stress believe think reply respond answer
complain report tweet testify contend maintain talk speak assert concede disclose reveal recall repeat dismiss condemn
praise criticise criticize question ask welcome blame reject estimate forecast describe quote comment
`);

/** Question words that ask "what kind of answer": they select the answer type, not the evidence. */
export const TYPE_WORDS = list(`
percentage percent proportion share fraction number amount total figure sum value age old role job position
title post occupation profession name kind type sort score scoreline
`);

/** Time words that name the answer's type right after "what"/"which" ("what year"), and are evidence elsewhere. */
export const TIME_TYPE_WORDS = list('year date day month time decade century season');

/** Verbs that carry little meaning of their own; a question's wording of them rarely matches the article's. */
export const LIGHT_VERBS = list('show make get take have do go come give put keep see happen become');

/** Words that place a thing in a series ("the next strike"); articles word this many ways ("a further strike"). */
export const SERIES_WORDS = list('next previous latest further another upcoming');

/** Words a question may use for a word the article uses; each group is one meaning. */
const SYNONYM_GROUPS: string[][] = [
  ['daily', 'day'],
  ['annual', 'annually', 'yearly', 'year'],
  ['monthly', 'month'],
  ['weekly', 'week'],
  ['kill', 'die', 'dead', 'death'],
  ['buy', 'purchase', 'acquire'],
  ['sell', 'sale'],
  ['cost', 'price', 'pay', 'spend'],
  ['begin', 'start', 'launch', 'open'],
  ['end', 'finish', 'close', 'conclude'],
  ['found', 'establish', 'create', 'set'],
  ['arrest', 'detain', 'hold'],
  ['free', 'release'],
  ['fire', 'sack', 'dismiss'],
  ['job', 'work', 'employment'],
  ['car', 'vehicle'],
  ['firm', 'company', 'business'],
  ['people', 'person', 'resident', 'citizen'],
  ['child', 'kid'],
  ['doctor', 'physician'],
  ['lawyer', 'attorney', 'counsel'],
  ['medicine', 'drug'],
  ['weapon', 'arm'],
  ['country', 'nation', 'state'],
  ['government', 'administration', 'authority'],
  ['rise', 'increase', 'grow', 'up', 'gain', 'climb'],
  ['fall', 'decrease', 'drop', 'decline', 'down'],
  ['big', 'large', 'major'],
  ['small', 'little'],
  ['say', 'tell', 'state', 'speak', 'talk'],
  ['win', 'beat', 'defeat'],
  ['nickname', 'dub'],
  ['illness', 'disease', 'sickness'],
  ['allege', 'claim', 'accuse'],
  ['lawsuit', 'suit', 'sue'],
  ['cause', 'reason'],
  ['injure', 'wound', 'hurt'],
  ['strike', 'walkout'],
  ['attack', 'assault'],
  ['respond', 'react', 'reply', 'answer', 'deny', 'reject', 'dismiss'],
];

const SYNONYMS = new Map<string, Set<string>>();
for (const group of SYNONYM_GROUPS) {
  for (const word of group) {
    const set = SYNONYMS.get(word) ?? new Set<string>();
    for (const other of group) if (other !== word) set.add(other);
    SYNONYMS.set(word, set);
  }
}

/** Whether two lemmas are listed as meaning the same thing. */
export function areSynonyms(a: string, b: string): boolean {
  return SYNONYMS.get(a)?.has(b) ?? false;
}
