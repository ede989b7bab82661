/**
 * Word lists of general English used to tell people, organisations and places apart: honorifics, role nouns,
 * the head words organisations and places end with, and the capitalised words that are not names. All keys
 * are lower case.
 */

function words(list: string): Set<string> {
  return new Set(
    list
      .split(/[,\s]+/)
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );
}

/** Forms of address before a name: they mark a person but are not a role. */
export const HONORIFICS: ReadonlySet<string> = words(
  'mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady prof prof. mx mx. messrs messrs. mme mme. herr',
);

/**
 * Nouns naming what a person does or is. Capitalised before a name they are a title ("President X");
 * lower case before a name ("lawyer X") or in an apposition ("X, head of Y,") they give the person's role.
 */
export const ROLE_NOUNS: ReadonlySet<string> = words(`
  president vice-president president-elect agent minister secretary secretary-general undersecretary chancellor
  premier king queen prince princess emperor empress sultan emir sheikh pope cardinal bishop archbishop
  rabbi imam pastor priest reverend rev rev. father senator sen. sen representative rep. congressman
  congresswoman lawmaker legislator mp mps msp msps mep governor gov. gov mayor councilman councilwoman
  councillor councilor alderman judge justice magistrate prosecutor attorney lawyer barrister solicitor
  counsel commissioner ambassador envoy diplomat consul spokesperson spokesman spokeswoman spokespeople
  director chairman chairwoman chair chairperson chief head leader manager boss executive ceo cfo coo cto
  officer official officials treasurer founder co-founder owner partner principal dean provost rector
  professor lecturer researcher scientist economist analyst strategist consultant adviser advisor aide
  assistant deputy editor correspondent reporter journalist columnist commentator presenter anchor host
  historian author writer novelist poet artist actor actress singer musician composer filmmaker producer
  doctor physician surgeon nurse paramedic pharmacist psychiatrist psychologist epidemiologist
  engineer architect inspector detective sheriff constable sergeant sgt. sgt lieutenant lt. lt captain capt.
  capt major maj. colonel col. col general gen. gen admiral adm. commander cmdr. marshal commandant
  coach striker midfielder defender goalkeeper keeper winger forward captain player athlete sprinter
  runner swimmer cyclist boxer golfer champion medallist medalist skipper referee umpire
  activist campaigner organiser organizer negotiator mediator candidate nominee challenger incumbent
  counterpart colleague successor predecessor specialist expert teacher headteacher headmaster student
  pilot trustee governor-general lord-lieutenant vice-chairman vice-chancellor vice-chair co-chair
  superintendent administrator regulator auditor ombudsman registrar curator surveyor planner
  investigator examiner coroner ranger warden sergeant-at-arms speaker whip chairmen directors
  executives ministers secretaries presidents lawyers spokesmen analysts economists researchers
  worker employee staffer volunteer resident farmer driver shopkeeper landlord tenant patient parent
  survivor victim witness neighbour neighbor fan voter protester pupil veteran refugee migrant detainee
  prisoner suspect defendant plaintiff claimant entrepreneur businessman businesswoman banker trader
  investor shareholder member chairman-elect wife husband son daughter mother brother sister widow widower
  grandson granddaughter grandmother grandfather uncle aunt nephew niece cousin fiance fiancee girlfriend boyfriend
`);

/** Capitalised words that introduce a name as a title but are not role nouns themselves. */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  ...ROLE_NOUNS,
  ...words('crown first prime grand deputy acting interim late former chief supreme high'),
]);

/** Head words an organisation's name ends with ("... Ministry", "... Institute"). */
export const ORG_HEADS: ReadonlySet<string> = words(`
  ministry department office agency institute institution university college school academy council
  committee commission union association federation confederation league club party group company
  companies corporation corp corp. inc inc. ltd ltd. llc plc co co. bank fund foundation trust society
  network organisation organization authority board bureau service services court tribunal parliament
  assembly congress senate cabinet government administration army navy police force forces guard command
  forum centre center alliance coalition front movement church times post news herald journal gazette
  tribune press telegraph guardian airlines airways motors industries holdings partners systems
  technologies labs laboratories hospital clinic museum library initiative programme program project
  executive chamber exchange reserve secretariat mission embassy consulate team fc brigade battalion
  regiment corps commission commissions studios records entertainment media broadcasting television radio
  channel foundation institutes bureau observatory directorate inspectorate unit agencies railways
  energy petroleum oil gas pharmaceuticals insurance bancorp capital securities ventures
  foods brands stores beverages brewery breweries brewing mills logistics electronics chemicals shipping
  telecom telecoms communications software aerospace
  rovers athletic wanderers rangers albion hotspur fc afc
`);

/** Last words of sports club names, some shared with places ("... Town", "... City"). */
export const TEAM_HEADS: ReadonlySet<string> = words(`
  rovers athletic wanderers rangers albion hotspur fc afc united city town county athletico olympic
  sporting dynamo
`);

/** Verbs (lemmas) of one side playing another: "X beat Y", "X will face Y". */
export const COMPETE_VERBS: ReadonlySet<string> = words(`
  beat defeat face play host edge thrash rout overcome draw lose trail eliminate meet hammer crush stun upset
  outplay
`);

/** Party words that are also adjectives: as a noun ("Labour's X") they name a party. */
export const PARTY_WORDS: ReadonlySet<string> = words(`
  labour conservative conservatives liberal liberals democrat democrats republican republicans socialist
  socialists communist communists green greens tory tories
`);

/** Common nouns naming an organisation: "the newspaper X", "X, the mining company,". */
export const ORG_NOUNS: ReadonlySet<string> = words(`
  company firm group outlet newspaper paper daily weekly magazine tabloid broadcaster network channel
  station website agency ministry department institute university college school charity organisation
  organization party union association federation club team side body watchdog regulator authority
  monopoly giant conglomerate corporation multinational startup start-up subsidiary lender bank insurer
  carrier airline manufacturer maker producer retailer supermarket chain operator provider developer
  publisher studio label brand consortium syndicate cartel council committee commission court
  government administration ministry think-tank thinktank campaign fund trust foundation movement
  militia faction coalition alliance organisations organizations companies firms groups agencies
`);

/** Head words a place's name ends with ("... Bay", "... Bridge"). */
export const PLACE_HEADS: ReadonlySet<string> = words(`
  bay river sea ocean lake mountain mountains mount island islands isle valley county province region
  street avenue road lane boulevard square park bridge airport stadium port harbor harbour beach coast
  peninsula desert gulf strait canal forest territory heights hills falls springs village town borough
  district quarter plaza crossing pass basin delta gorge glacier cape reef creek
`);

/** Lower-case words after a name that make it a place: "the X region", "X city". */
export const PLACE_NOUNS: ReadonlySet<string> = words(
  'city town village region province state county district capital enclave territory port island valley ' +
    'neighborhood neighbourhood suburb borough',
);

/** Lower-case words before "of X" that make X a place: "the city of X". */
export const PLACE_OF_NOUNS: ReadonlySet<string> = words(
  'city town village region province county district capital suburb outskirts state island port area',
);

/** Modifiers of government bodies that do not name one on their own ("Health Ministry", "Home Office"). */
export const GENERIC_ORG_MODIFIERS: ReadonlySet<string> = words(`
  foreign home interior health defence defense finance treasury justice education economy economic
  trade environment agriculture transport energy culture labour labor state national federal central
  public security intelligence supreme high district appeals constitutional
`);

/** Capitalised words that start sentences or clauses but never start a name. */
export const FUNCTION_WORDS: ReadonlySet<string> = words(`
  a an the this that these those it its he she they we i you his her their our my your him them us me
  and but or nor so yet if when while after before since although though because until unless whether
  in on at for from to with by of as about into onto over under across through during within without
  against among between behind beyond despite except near off per than upon via
  meanwhile however still now then also even only just indeed instead earlier later today tonight
  yesterday tomorrow there here what who whom whose why how where which not no yes all some many most
  much more each every both another other such any few several one two three four five six seven eight
  nine ten first second third last next new old is are was were be been has have had do does did will
  would can could may might must shall should let please well oh please thus hence therefore moreover
  furthermore besides otherwise nevertheless nonetheless perhaps maybe already again always never often
  sometimes once twice almost nearly about around roughly some mostly mainly largely partly
  asked told said according based given reminded speaking having being
`);

/** Month and weekday names and their abbreviations: dates, never entities. */
export const CALENDAR_WORDS: ReadonlySet<string> = words(`
  january february march april may june july august september october november december
  jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.
  monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
  christmas easter ramadan eid hanukkah passover diwali thanksgiving halloween
`);

/**
 * Common given names (several languages). A two-word capitalised run starting with one is very likely a
 * person's name even when nothing else in the sentence says so.
 */
export const GIVEN_NAMES: ReadonlySet<string> = words(`
  aaron abdul abdullah abigail adam adrian ahmed aisha alan albert alejandro alex alexander alexandra
  alfred ali alice alison amanda amelia amy andrea andrew andy angela ann anne anthony antonio arthur 
  barbara ben benjamin bernard beth betty bill bob brenda brian bruce carl carla carlos carol caroline
  catherine charles charlie charlotte chris christian christine christopher claire clara claudia colin
  craig dan daniel daniela david deborah dennis diana diane donald donna dorothy douglas edward elena
   elizabeth ellen emily emma eric erik eva fatima francesca francis frank fred gary george
  gerald gordon  graham greg gregory hannah harold harry helen henry hugh ian irene isabel jack
  jacob james jane janet jason jean jeff jeffrey jennifer jeremy jessica jim joan joe john jonathan jorge
  jose joseph joshua juan judith julia julie justin karen  katherine kathleen keith kelly kenneth
  kevin kim larry laura lauren lee leo linda lisa louis  lucy luis margaret maria marie  mark
  martha martin mary matthew michael michelle mike mohammed muhammad nancy natalie nathan neil nicholas
  nick  nicole nigel oliver olivia pamela patricia patrick paul paula peter philip rachel ralph
  raymond rebecca richard robert roger ronald rose ruth ryan  samuel sandra sarah scott sean sharon
  simon sophie stephen steve steven susan thomas tim timothy tom tony victoria walter wendy william yusuf
  zoe omar hassan hussein khalid mustafa ibrahim ivan igor dmitry sergei olga natasha tatiana yuri
  pierre jacques francois marc giovanni giuseppe marco luca hans klaus wolfgang stefan jan piotr lars
  hiroshi kenji yuki wei li ming chen raj rahul priya sunil amit kofi kwame chinedu amara tunde
`);

/**
 * Role nouns for people defined by a place or a situation rather than by an employer: "X prisoners" and
 * "X residents" make X a place, not an organisation.
 */
export const NON_AFFILIATION_ROLES: ReadonlySet<string> = words(`
  detainee prisoner resident worker voter fan patient student pupil refugee migrant victim survivor witness
  neighbour neighbor citizen native tenant farmer driver parent wife husband son daughter mother father
  brother sister widow widower veteran suspect defendant plaintiff claimant protester athlete
`);

/**
 * Verbs (lemmas) whose one-word subject is a business, not a person: "X filed a lawsuit", "X hired 200 staff".
 * A person's surname is merged into the full name before this can mislead.
 */
export const BUSINESS_VERBS: ReadonlySet<string> = words(`
  file sue acquire hire invest recall merge manufacture outsource relocate
`);

/** Verbs (lemmas) that make a business the subject only with a money noun after them: "X reported a loss". */
export const RESULT_VERBS: ReadonlySet<string> = words('report post announce book record forecast');

/** Nouns of a company's results: "posted a loss", "reported record revenue". */
export const RESULT_NOUNS: ReadonlySet<string> = words(`
  profit profits loss losses revenue revenues sales earnings income turnover results dividend
`);
