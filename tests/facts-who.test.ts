import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleIdOf, formatOf, parseArticle } from '../src/corpus/load.ts';
import type { Article } from '../src/corpus/types.ts';
import { analyzeArticle } from '../src/facts/index.ts';
import { extractWho } from '../src/facts/who.ts';
import { type WhoItem, whoItemSchema } from '../src/schema.ts';

const root = join(import.meta.dirname, '..');

async function load(path: string): Promise<Article> {
  const file = basename(path);
  const format = formatOf(file);
  if (!format) throw new Error(`not an article file: ${file}`);
  return parseArticle({ id: articleIdOf(file), file, format, bytes: readFileSync(join(root, path)) });
}

async function whoOf(path: string): Promise<{ article: Article; who: WhoItem[] }> {
  const article = await load(path);
  return { article, who: extractWho(analyzeArticle(article)) };
}

function find(who: WhoItem[], name: string): WhoItem {
  const item = who.find((w) => w.name === name);
  if (!item) throw new Error(`${name} not found among: ${who.map((w) => w.name).join(', ')}`);
  return item;
}

function expectVerbatimCitations(article: Article, who: WhoItem[]): void {
  const text = new Map(article.paragraphs.map((p) => [p.n, p.text]));
  for (const item of who) {
    expect(item.citations.length, item.name).toBeGreaterThan(0);
    for (const c of item.citations) {
      expect(c.article).toBe(article.id);
      expect(text.get(c.paragraph), `${item.name}: ${c.quote}`).toContain(c.quote);
    }
  }
}

describe('who in the seed article', async () => {
  const { article, who } = await whoOf('corpus/000_7fd6d06c3ce83a04.txt');
  const people = who.filter((w) => w.kind === 'person');

  it('lists the nine people the article names, each with the role the text gives', () => {
    const roles: Record<string, string> = {
      'Hikmet Hajiyev': 'assistant to Azerbaijan President',
      'Anna Naghdalyan': 'Armenian Foreign Ministry spokesperson',
      'Shimon Peres': 'Late President',
      'Recep Tayyip Erdogan': 'Turkish President',
      Netanyahu: 'prime minister',
      'Vladimir Putin': 'Russian President',
      'Emmanuel Macron': 'French President',
      'Armen Sarkissian': 'Armenian President',
      'Reuven Rivlin': 'President',
    };
    expect(people.map((p) => p.name).sort()).toEqual(Object.keys(roles).sort());
    for (const [name, role] of Object.entries(roles)) {
      expect(find(who, name).roles.join(' | '), name).toContain(role);
    }
  });

  it('takes a role from an earlier clause and from a later "served as"', () => {
    expect(find(who, 'Netanyahu').roles).toContain('prime minister');
    expect(find(who, 'Shimon Peres').roles).toContain('foreign minister');
  });

  it('counts a later bare surname as a mention of the full name', () => {
    const rivlin = find(who, 'Reuven Rivlin');
    expect(rivlin.aliases).toContain('Rivlin');
    expect(rivlin.mentions).toBe(2);
    expect(who.some((w) => w.name === 'Rivlin')).toBe(false);
  });

  it('finds the outlet, the institute, the oil company and both foreign ministries as organisations', () => {
    const orgs = who.filter((w) => w.kind === 'organization').map((w) => w.name);
    expect(orgs).toEqual(
      expect.arrayContaining([
        'Walla',
        'Stockholm International Peace Research Institute',
        'SOCAR',
        'Armenian Foreign Ministry',
        'Israel’s Foreign Ministry',
      ]),
    );
    expect(find(who, 'Walla').roles).toContain('Israeli news outlet');
    expect(find(who, 'SOCAR').roles.join(' ')).toContain('state oil company');
  });

  it('keeps places apart from people and organisations', () => {
    for (const place of ['Armenia', 'Israel', 'Azerbaijan', 'Baku', 'Yerevan', 'Aleppo']) {
      expect(find(who, place).kind, place).toBe('place');
    }
  });

  it('names nobody from the photo caption or its credits', () => {
    const names = who.flatMap((w) => [w.name, ...w.aliases]).join(' | ');
    for (const credit of ['Sahakyan', 'Getty', 'AFP', 'TOPSHOT', 'Stepanakert'])
      expect(names).not.toContain(credit);
    const caption = article.paragraphs.filter((p) => p.kind === 'caption').map((p) => p.n);
    for (const w of who) for (const c of w.citations) expect(caption).not.toContain(c.paragraph);
  });

  it('puts people first, then organisations, then places, each in order of first mention', () => {
    const order = who.map((w) => ['person', 'organization', 'place'].indexOf(w.kind));
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(people[0]?.name).toBe('Hikmet Hajiyev');
    expect(people[people.length - 1]?.name).toBe('Reuven Rivlin');
  });

  it('cites verbatim sentences of the paragraphs that name each entity, the first mention first', () => {
    expectVerbatimCitations(article, who);
    for (const w of who) expect(w.citations.length).toBeLessThanOrEqual(3);
    expect(find(who, 'Anna Naghdalyan').citations[0]?.quote).toMatch(
      /^Armenian Foreign Ministry spokesperson Anna/,
    );
    for (const w of who) expect(whoItemSchema.safeParse(w).success).toBe(true);
  });
});

describe('who in the made-up fixtures', () => {
  it('reads the role of a doctor from an apposition and merges the later surname', async () => {
    const { article, who } = await whoOf('tests/fixtures/articles/clinic-vaccines.md');
    const achebe = find(who, 'Samuel Achebe');
    expect(achebe.kind).toBe('person');
    expect(achebe.roles).toContain('medical director of the Northfield Rural Health Network');
    expect(achebe.aliases).toContain('Achebe');
    expect(find(who, 'Clara Jensen').roles).toContain('Health minister');
    expect(find(who, 'Tom Reilly').roles).toContain('union spokesperson');
    expect(find(who, 'Northfield Rural Health Network').kind).toBe('organization');
    expect(find(who, 'Farmers Union').kind).toBe('organization');
    expect(find(who, 'Ashford').kind).toBe('place');
    expectVerbatimCitations(article, who);
  });

  it('splits titles off names and tells the council and the engineering group from the bridge', async () => {
    const { article, who } = await whoOf('tests/fixtures/articles/harbor-bridge.txt');
    expect(find(who, 'Daniela Ruiz').roles).toContain('Mayor');
    expect(find(who, 'Peter Okafor').roles).toContain('Councilman');
    expect(find(who, 'Lina Haddad').roles).toContain('City engineer');
    expect(find(who, 'Millbrook City Council').kind).toBe('organization');
    expect(find(who, 'Harbor Engineering Group').kind).toBe('organization');
    expect(find(who, 'Old Harbor Bridge').kind).toBe('place');
    expect(who.filter((w) => w.kind === 'person')).toHaveLength(3);
    expectVerbatimCitations(article, who);
  });

  it('merges honorific and acronym forms into the full names', async () => {
    const { article, who } = await whoOf('tests/fixtures/articles/river-spill.txt');
    const minister = find(who, 'Joseph Adeyemi');
    expect(minister.roles).toContain('Environment Minister');
    expect(minister.aliases).toContain('Mr Adeyemi');
    expect(minister.mentions).toBe(2);
    const lund = find(who, 'Henrik Lund');
    expect(lund.roles).toContain('toxicologist at the University of Ostvik');
    expect(lund.aliases).toContain('Lund');
    expect(find(who, 'Priya Raman').roles).toContain("authority's chief scientist");
    const authority = find(who, 'Lakeshore Water Authority');
    expect(authority.aliases).toContain('LWA');
    expect(authority.mentions).toBe(3);
    expect(find(who, 'Corbel Coatings').aliases).toContain('Corbel');
    expect(find(who, 'University of Ostvik').kind).toBe('organization');
    expect(find(who, 'Elverby').kind).toBe('place');
    expect(who.filter((w) => w.kind === 'person').map((w) => w.name)).toEqual([
      'Priya Raman',
      'Joseph Adeyemi',
      'Maria Santos',
      'Henrik Lund',
    ]);
    expectVerbatimCitations(article, who);
  });

  it('takes roles from appositions before and after a name and keeps the newspaper an organisation', async () => {
    const { article, who } = await whoOf('tests/fixtures/articles/mine-ruling.txt');
    expect(find(who, 'Amelia Carter').roles).toContain('Judge');
    expect(find(who, 'Ruth Bamber').roles).toContain("families' lawyer");
    expect(find(who, 'Tomas Ekland').roles).toContain("company's chief executive");
    expect(find(who, 'Halvern Mining Company').kind).toBe('organization');
    expect(find(who, 'Ledger').kind).toBe('organization');
    expect(find(who, 'Brenna Valley').kind).toBe('place');
    const country = find(who, 'United States');
    expect(country.kind).toBe('place');
    expect(country.aliases).toContain('U.S.');
    expect(country.mentions).toBe(2);
    expect(who.filter((w) => w.kind === 'person')).toHaveLength(3);
    expectVerbatimCitations(article, who);
  });
});

/** The who list of a one-off made-up article given as body paragraphs. */
function whoOfText(...paragraphs: string[]): WhoItem[] {
  const article: Article = {
    id: 'made-up',
    file: 'made-up.txt',
    title: 'A made-up story',
    meta: {},
    paragraphs: paragraphs.map((text, i) => ({ n: i + 1, text, kind: 'body' })),
    dropped: [],
    hash: '',
  };
  const who = extractWho(analyzeArticle(article));
  expectVerbatimCitations(article, who);
  return who;
}

describe('who: cues that generalise', () => {
  it('reads an apposition whose description has a participle ("frozen meals") and a "34-year-old"', () => {
    const who = whoOfText(
      'Tillman Foods, the maker of crackers and frozen meals, said profits rose.',
      'Ana Kovac won. Kovac, a 34-year-old primary school teacher, thanked voters.',
    );
    expect(find(who, 'Tillman Foods').kind).toBe('organization');
    expect(find(who, 'Tillman Foods').roles).toContain('maker of crackers and frozen meals');
    expect(find(who, 'Ana Kovac').roles.join(' | ')).toContain('primary school teacher');
  });

  it('reads clubs named after towns as organisations when they beat or face another side', () => {
    const who = whoOfText(
      'Redfield Rovers beat Castleton Athletic 3-1 on Saturday. Rovers manager Graham Tully was pleased.',
      'Rovers will face Dunmore City in the final. Dunmore beat Harlow Town 2-0 on Friday.',
    );
    for (const club of ['Redfield Rovers', 'Castleton Athletic', 'Dunmore City'])
      expect(find(who, club).kind, club).toBe('organization');
    expect(find(who, 'Redfield Rovers').aliases).toContain('Rovers');
    expect(find(who, 'Dunmore City').aliases).toContain('Dunmore');
    expect(find(who, 'Harlow Town').kind).toBe('organization');
  });

  it('reads a party word used as a noun, and the person after it', () => {
    const who = whoOfText("Derek Fenn came second, and Labour's Sunita Rao was third with 1,890 votes.");
    expect(find(who, 'Labour').kind).toBe('organization');
    expect(find(who, 'Sunita Rao').kind).toBe('person');
  });

  it('keeps a participle in a role before a named apposition ("returning officer")', () => {
    const who = whoOfText("The council's returning officer, Gillian Shaw, said 212 ballots were rejected.");
    expect(find(who, 'Gillian Shaw').roles.join(' | ')).toContain('returning officer');
  });
});

describe('who: appositions after a reversed attribution', () => {
  it('reads "said X, a spokesman for <Firm>" even when the firm\'s name looks like a verb', () => {
    const who = whoOfText('"We will appeal," said Tom Reyes, a spokesman for Delmar Shipping.');
    expect(find(who, 'Tom Reyes').roles).toContain('spokesman for Delmar Shipping');
  });
});

describe('who: names with "and", possessives and shared place nouns', () => {
  it('keeps "and" and a list of subjects inside an institute\'s name', () => {
    const who = whoOfText(
      'A report by the Willow University Centre for Soil and Water Studies was published on Monday.',
      'It was presented at a meeting of the Northern Society of Geology, Mining and Metallurgy in Calder.',
    );
    expect(find(who, 'Willow University Centre for Soil and Water Studies').kind).toBe('organization');
    expect(find(who, 'Northern Society of Geology, Mining and Metallurgy').kind).toBe('organization');
    expect(who.map((w) => w.name)).not.toContain('Water Studies');
  });

  it('does not pull a person named after "and" into an organisation', () => {
    const who = whoOfText(
      'The plan was backed by the Department of Transport and Maria Okoye, who chairs the board.',
    );
    expect(who.map((w) => w.name)).toContain('Department of Transport');
    expect(find(who, 'Maria Okoye').kind).toBe('person');
  });

  it("keeps a group noun's possessive inside a name that ends with an organisation word", () => {
    const who = whoOfText(
      'She is the director at the Pellow Children\u2019s Research Institute in Brackley.',
    );
    expect(find(who, 'Pellow Children\u2019s Research Institute').kind).toBe('organization');
    expect(who.map((w) => w.name)).not.toContain('Research Institute');
  });

  it('reads two names sharing a place noun ("the X and Y neighbourhoods") as places', () => {
    const who = whoOfText(
      'Police ordered the evacuation of the Fern Hollow and Ashby Rise neighbourhoods late on Friday.',
      'Smoke drifted over the hills above Tallow.',
    );
    expect(find(who, 'Fern Hollow').kind).toBe('place');
    expect(find(who, 'Ashby Rise').kind).toBe('place');
    expect(find(who, 'Tallow').kind).toBe('place');
  });
});

describe('who: people named after a role with "of" and after "and"', () => {
  it('reads "The leader of the X Party, Name," as a person with that role', () => {
    const who = whoOfText(
      'The leader of the Harbour Party, Tomas Velko, condemned the attack.',
      'The head of the agency, Lina Moss, said the work would resume.',
    );
    expect(find(who, 'Tomas Velko')).toMatchObject({
      kind: 'person',
      roles: ['leader of the Harbour Party'],
    });
    expect(find(who, 'Lina Moss')).toMatchObject({ kind: 'person', roles: ['head of the agency'] });
  });

  it('gives the second of "cabinet ministers X and Y" the plural role too', () => {
    const who = whoOfText('The two are cabinet ministers Ana Petrov and Ivo Marek, who fled abroad.');
    expect(find(who, 'Ivo Marek')).toMatchObject({ kind: 'person', roles: ['cabinet ministers'] });
  });
});

describe('who: a name that "who" describes', () => {
  it('reads "X Y, who ran the shop, died" as a person even with an unlisted first name', () => {
    const who = whoOfText('Odile Brenck, who ran the village shop for forty years, died at home on Monday.');
    expect(find(who, 'Odile Brenck').kind).toBe('person');
  });
});

describe('who: one-word organisations in the slots only organisations fill', () => {
  it('reads the outlet a person told, or that something is according to, as an organisation', () => {
    const who = whoOfText(
      'The harbour master, Petra Voss, told Brightwire that the quay would reopen in spring.',
      'Repairs will cost far more than planned, according to Kallisto.',
    );
    expect(find(who, 'Brightwire').kind).toBe('organization');
    expect(find(who, 'Kallisto').kind).toBe('organization');
  });

  it('reads a one-word subject of a business verb as an organisation', () => {
    const who = whoOfText(
      'Dravex filed a lawsuit against the port authority on Monday.',
      'Separately, Ombrello reported a quarterly profit of $40 million and plans to hire 200 staff.',
    );
    expect(find(who, 'Dravex').kind).toBe('organization');
    expect(find(who, 'Ombrello').kind).toBe('organization');
  });

  it('reads what only a company has ("X\'s shareholders", "a stake in X") and a side with a score as organisations', () => {
    const who = whoOfText(
      "Analysts said Dravex's shareholders would vote on Friday.",
      'Ombrello bought a stake in Kellmark last year.',
      'Harwick beat Ostervale 2-1 on Saturday.',
      'A 2-0 defeat to Brennock ended the run, and the 3-1 win over Caldmoor lifted the side to third.',
    );
    for (const name of ['Dravex', 'Kellmark', 'Harwick', 'Ostervale', 'Brennock', 'Caldmoor'])
      expect(find(who, name).kind).toBe('organization');
  });

  it('keeps players named in full out of the organisations when they win by a score', () => {
    const who = whoOfText(
      'Marta Kell, 24, beat Ilse Ostwick 6-3 in the final.',
      'Kell beat Ostwick 6-3 last year too.',
    );
    expect(who.filter((w) => w.kind === 'organization')).toEqual([]);
  });

  it('reads "X said its ..." as an organisation, but not "X said it was time"', () => {
    const who = whoOfText('Veltrano said its plants would close.', 'Ostrick said it was time to go.');
    expect(find(who, 'Veltrano').kind).toBe('organization');
    expect(who.some((w) => w.name === 'Ostrick' && w.kind === 'organization')).toBe(false);
  });

  it('keeps a person told something, a surname and a place out of the organisations', () => {
    const who = whoOfText(
      'The inspector, Mara Quill, said the quay was safe, and the ferry captain, Jonas Berg, agreed.',
      'Quill told Jonas that the work would resume.',
      'Police told Hartley to leave the quay.',
      'Hollins filed a complaint about a leak near Brightwater on Monday.',
      'Anna Hollins, a dock worker, said she had seen it first.',
    );
    const orgs = who.filter((w) => w.kind === 'organization').map((w) => w.name);
    expect(orgs).not.toContain('Jonas');
    expect(orgs).not.toContain('Quill');
    expect(orgs).not.toContain('Hollins');
    expect(orgs).not.toContain('Hartley');
    expect(find(who, 'Anna Hollins').kind).toBe('person');
  });
});

describe('who: roles given with "as"', () => {
  it('does not give a person the role others tried to make of them ("hire him as a driver")', () => {
    const who = whoOfText(
      'Pavel Brandt, a ferry captain, said two men wanted to hire him as a driver.',
      'Lotte Brandt, a teacher, later worked as a nurse.',
    );
    expect(find(who, 'Pavel Brandt').roles).toEqual(['ferry captain']);
    expect(find(who, 'Lotte Brandt').roles).toContain('nurse');
  });
});

describe('who: a role given in the next sentence by "she is" or "he is"', () => {
  it('gives "She is the director of ..." to the person just quoted, up to the first comma', () => {
    const who = whoOfText(
      '"It was a good day," says Katja Brenner, MD. She is the director of the Centre for Bridge Safety at Dunmore University in Lisbon, Portugal.',
    );
    expect(find(who, 'Katja Brenner').roles).toEqual([
      'director of the Centre for Bridge Safety at Dunmore University in Lisbon',
    ]);
  });

  it('gives no role from "He was a man of few words"', () => {
    const who = whoOfText('Pavel Brandt, the ferry captain, said hello. He was a man of few words.');
    expect(find(who, 'Pavel Brandt').roles).toEqual(['ferry captain']);
  });
});

describe('who: roles with a hyphenated age or adjective', () => {
  it('keeps the number of "the 28-year-old midfielder X" in the role', () => {
    const who = whoOfText('The 28-year-old midfielder Rico Salas scored twice.');
    expect(find(who, 'Rico Salas').roles).toEqual(['28-year-old midfielder']);
  });
});
