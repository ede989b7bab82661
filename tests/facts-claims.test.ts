import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleIdOf, formatOf, parseArticle } from '../src/corpus/load.ts';
import type { Article } from '../src/corpus/types.ts';
import { extractClaims } from '../src/facts/claims.ts';
import { analyzeArticle } from '../src/facts/index.ts';
import { extractWho } from '../src/facts/who.ts';
import { type ClaimItem, claimItemSchema, type WhenItem } from '../src/schema.ts';

const root = join(import.meta.dirname, '..');

async function load(path: string): Promise<Article> {
  const file = basename(path);
  const format = formatOf(file);
  if (!format) throw new Error(`not an article file: ${file}`);
  return parseArticle({ id: articleIdOf(file), file, format, bytes: readFileSync(join(root, path)) });
}

async function claimsOf(
  path: string,
  when: WhenItem[] = [],
): Promise<{ article: Article; claims: ClaimItem[] }> {
  const article = await load(path);
  const analyzed = analyzeArticle(article);
  return { article, claims: extractClaims(analyzed, { who: extractWho(analyzed), when }) };
}

/** The one claim by `speaker` with `verb` whose content contains `words`. */
function find(claims: ClaimItem[], speaker: string, verb: string, words: string): ClaimItem {
  const found = claims.filter((c) => c.speaker === speaker && c.verb === verb && c.claim.includes(words));
  if (found.length !== 1) {
    const all = claims.map((c) => `${c.speaker} ${c.verb}: ${c.claim}`).join('\n');
    throw new Error(`expected one "${speaker} ${verb} … ${words}", found ${found.length} among:\n${all}`);
  }
  return found[0] as ClaimItem;
}

function expectVerbatimCitations(article: Article, claims: ClaimItem[]): void {
  const text = new Map(article.paragraphs.map((p) => [p.n, p.text]));
  for (const c of claims) {
    expect(claimItemSchema.safeParse(c).success).toBe(true);
    expect(c.citations.length, c.claim).toBeGreaterThan(0);
    for (const q of c.citations) expect(text.get(q.paragraph), q.quote).toContain(q.quote);
  }
}

describe('claims in the seed article', async () => {
  const { article, claims } = await claimsOf('corpus/000_7fd6d06c3ce83a04.txt');

  it('finds what the assistant told the outlet and what he said, with a pronoun resolved to him', () => {
    const told = find(claims, 'Hikmet Hajiyev', 'tell', 'Israeli-made attack drones');
    expect(told.hedged).toBe(false);
    expect(told.citations[0]?.quote).toContain('told the Israeli news outlet Walla');
    find(claims, 'Hikmet Hajiyev', 'say', 'Hats off to the engineers');
    find(claims, 'Hikmet Hajiyev', 'add', 'very much appreciate the cooperation');
  });

  it('marks the unconfirmed report as hedged and describes its unnamed source', () => {
    const report = find(claims, 'a report (unconfirmed)', 'claim', 'two mysterious cargo flights');
    expect(report.hedged).toBe(true);
  });

  it('splits a call and a condemnation joined by "and"', () => {
    expect(find(claims, 'Anna Naghdalyan', 'call', '"unacceptable"').claim).not.toContain('condemned');
    find(claims, 'Anna Naghdalyan', 'condemn', 'supply of ultra-modern weapons');
  });

  it('reads a reversed attribution and resolves "the ministry" to the ministry named before', () => {
    const stated = find(
      claims,
      'Israel’s Foreign Ministry spokesperson',
      'state',
      'Israel attaches importance',
    );
    expect(stated.claim.startsWith('“')).toBe(false);
  });

  it('does not report a negated denial as a claim', () => {
    expect(claims.some((c) => c.verb === 'deny')).toBe(false);
  });

  it('finds the tweet, the institute by "according to" and by "noted", and the explanation', () => {
    find(claims, 'Armenian Foreign Ministry', 'tweet', 'Tadiran radio');
    const according = find(
      claims,
      'Stockholm International Peace Research Institute',
      'according to',
      'arms exports',
    );
    expect(according.claim).not.toContain('According');
    find(claims, 'Stockholm International Peace Research Institute', 'note', '60%');
    find(claims, 'Reuven Rivlin', 'explain', 'longstanding relationship');
    find(claims, 'Reuven Rivlin', 'stress', 'not directed against any party');
  });

  it('treats an allegation as the verb, not as hedging, while "probably" hedges', () => {
    const alleged = find(claims, 'Emmanuel Macron', 'allege', 'jihadist fighters');
    expect(alleged.claim.startsWith('hundreds')).toBe(true);
    expect(alleged.hedged).toBe(true);
    expect(find(claims, 'Reuven Rivlin', 'explain', 'longstanding').hedged).toBe(false);
  });

  it('treats vague plural sources as hedged', () => {
    expect(find(claims, 'reports', 'according to', 'colossal').hedged).toBe(true);
  });

  it('names nobody from the caption and quotes every claim verbatim', () => {
    const caption = article.paragraphs.filter((p) => p.kind === 'caption').map((p) => p.n);
    for (const c of claims) for (const q of c.citations) expect(caption).not.toContain(q.paragraph);
    expectVerbatimCitations(article, claims);
  });
});

describe('claim dates', () => {
  it('dates a claim from the timeline item that cites the same sentence, and leaves the others null', async () => {
    const article = await load('corpus/000_7fd6d06c3ce83a04.txt');
    const hajiyev = article.paragraphs.find((p) => p.text.includes('Hikmet Hajiyev told'));
    if (!hajiyev) throw new Error('seed paragraph missing');
    const when: WhenItem[] = [
      {
        date: '2020-09-30',
        precision: 'day',
        inferred: true,
        label: 'Sept. 30',
        event: 'drones',
        citations: [{ article: article.id, paragraph: hajiyev.n, quote: 'On Sept. 30' }],
      },
    ];
    const analyzed = analyzeArticle(article);
    const claims = extractClaims(analyzed, { who: extractWho(analyzed), when });
    expect(find(claims, 'Hikmet Hajiyev', 'tell', 'drones').date).toBe('2020-09-30');
    expect(find(claims, 'Reuven Rivlin', 'explain', 'longstanding').date).toBeNull();
  });

  it('ignores a date that only describes the speaker ("X, who joined in 2004, said")', async () => {
    const article = await load('tests/fixtures/articles/harbor-bridge.txt');
    const p = article.paragraphs.find((x) => x.text.includes('Mayor Daniela Ruiz'));
    if (!p) throw new Error('fixture paragraph missing');
    const when: WhenItem[] = [
      {
        date: '2023-03',
        precision: 'month',
        inferred: false,
        label: 'March 2023',
        event: 'plan proposed',
        citations: [{ article: article.id, paragraph: p.n, quote: 'in March 2023' }],
      },
    ];
    const analyzed = analyzeArticle(article);
    const claims = extractClaims(analyzed, { who: extractWho(analyzed), when });
    expect(find(claims, 'Daniela Ruiz', 'call', 'a promise kept').date).toBeNull();
  });
});

describe('claims in the made-up fixtures', () => {
  it('reads reversed attribution, "according to" and a hedged report in the bridge story', async () => {
    const { article, claims } = await claimsOf('tests/fixtures/articles/harbor-bridge.txt');
    find(claims, 'Daniela Ruiz', 'call', 'a promise kept to every family');
    find(claims, 'Peter Okafor', 'say', 'should have replaced the bridge');
    find(claims, 'Peter Okafor', 'say', 'We are paying to patch a bridge');
    find(claims, 'Harbor Engineering Group', 'according to', '31,000 vehicles');
    expect(find(claims, 'the report', 'recommend', 'closing the bridge to trucks').hedged).toBe(true);
    find(claims, 'Lina Haddad', 'tell', 'remains safe for cars');
    find(claims, 'the city', 'say', 'will pay 60% of the cost');
    expectVerbatimCitations(article, claims);
  });

  it('resolves "she" to the minister and keeps two speakers in one sentence apart', async () => {
    const { article, claims } = await claimsOf('tests/fixtures/articles/clinic-vaccines.md');
    find(claims, 'Samuel Achebe', 'say', 'People came back to us');
    find(claims, 'Clara Jensen', 'praise', 'the clinics');
    find(claims, 'Clara Jensen', 'say', 'what small places can do');
    find(claims, 'Clara Jensen', 'announce', '$2.5 million');
    const union = find(claims, 'Farmers Union', 'claim', 'largest farms');
    expect(union.claim).not.toContain('Tom Reilly');
    find(claims, 'Tom Reilly', 'say', 'three out of four smaller farms');
    find(claims, 'a survey', 'find', '35% of farm workers');
    expectVerbatimCitations(article, claims);
  });

  it('follows a quotation over two sentences and cites both', async () => {
    const { article, claims } = await claimsOf('tests/fixtures/articles/river-spill.txt');
    const quote = find(claims, 'Priya Raman', 'say', 'never seen a spill');
    expect(quote.claim).toContain('It will take months to recover');
    expect(quote.citations.map((c) => c.quote).join(' ')).toContain('said Priya Raman');
    find(claims, 'Priya Raman', 'add', 'copper levels four times');
    expectVerbatimCitations(article, claims);
  });

  it('uses canonical names for aliases and acronyms, and hedges only hedged claims', async () => {
    const { claims } = await claimsOf('tests/fixtures/articles/river-spill.txt');
    find(claims, 'Corbel Coatings', 'deny', 'the leak came from its site');
    find(claims, 'Corbel Coatings', 'say', 'Our tanks were inspected');
    find(claims, 'Lakeshore Water Authority', 'according to', 'nine kilometres');
    find(claims, 'Joseph Adeyemi', 'tell', 'full cost of the clean-up');
    expect(find(claims, 'Henrik Lund', 'stress', 'drinking water').hedged).toBe(false);
    expect(find(claims, 'Henrik Lund', 'say', 'probably settle').hedged).toBe(true);
    expect(find(claims, 'Maria Santos', 'warn', 'tourism could suffer').hedged).toBe(true);
    expect(find(claims, 'Maria Santos', 'say', 'help from the capital').hedged).toBe(false);
    const report = find(claims, 'a report (unconfirmed)', 'claim', 'dead fish');
    expect(report.hedged).toBe(true);
  });

  it('reads attributions inside the clause they report, after "seen by", and in a relative clause', async () => {
    const { article, claims } = await claimsOf('tests/fixtures/articles/mine-ruling.txt');
    find(claims, 'Amelia Carter', 'rule', 'must pay $3 million');
    const wrapped = find(claims, 'the ruling', 'add', 'misleading at best');
    expect(wrapped.claim).toMatch(/^The company's safety reports were/);
    expect(wrapped.citations[0]?.quote).toContain('the ruling added');
    find(claims, 'Internal memos', 'suggest', 'managers knew of cracks');
    const union = find(claims, 'the union', 'claim', 'dismissed for raising the alarm');
    expect(union.claim).not.toContain('protest');
    expect(claims.some((c) => c.speaker.includes('Ledger'))).toBe(false);
    expectVerbatimCitations(article, claims);
  });

  it('gives "he" to the person just named when the last speaker is not in the sentence before', async () => {
    const { claims } = await claimsOf('tests/fixtures/articles/mine-ruling.txt');
    find(claims, 'Ruth Bamber', 'say', 'a start, not the end');
    find(claims, 'Tomas Ekland', 'say', 'the firm would appeal');
  });

  it('reports nothing when nobody is said to speak ("No manager has denied")', async () => {
    const { claims } = await claimsOf('tests/fixtures/articles/mine-ruling.txt');
    expect(claims.some((c) => c.verb === 'deny')).toBe(false);
  });

  it('skips what a spokesman "did not deny"', async () => {
    const { claims } = await claimsOf('tests/fixtures/articles/river-spill.txt');
    expect(claims.some((c) => c.claim.includes('valve'))).toBe(false);
  });
});

/** Claims of a one-off made-up article given as body paragraphs. */
function claimsOfText(...paragraphs: string[]): ClaimItem[] {
  const article: Article = {
    id: 'made-up',
    file: 'made-up.txt',
    title: 'A made-up story',
    meta: { published: '2024-03-07' },
    paragraphs: paragraphs.map((text, i) => ({ n: i + 1, text, kind: 'body' })),
    dropped: [],
    hash: '',
  };
  const analyzed = analyzeArticle(article);
  const claims = extractClaims(analyzed, { who: extractWho(analyzed), when: [] });
  expectVerbatimCitations(article, claims);
  return claims;
}

describe('claims: verbs that only sometimes report speech', () => {
  it('does not read "maintains close ties" as a claim, but keeps "maintains that ..."', () => {
    const claims = claimsOfText(
      'The club did not comment, and the club maintains good relations with its supporters.',
      'The party maintains that it can win three more seats.',
    );
    expect(claims.map((c) => c.claim)).toEqual(['it can win three more seats']);
  });

  it('accepts "found" closing the sentence as a reversed attribution', () => {
    const claims = claimsOfText('Walkers saw the largest benefit, a 34% lower risk, the researchers found.');
    find(claims, 'the researchers', 'find', 'Walkers saw the largest benefit');
  });

  it('does not read a company posting a profit as a claim', () => {
    expect(claimsOfText('The bakery chain posted a record profit of $4 million.')).toEqual([]);
  });
});

describe('claims: where the content starts', () => {
  it('reads past a date and a "however" set off by commas before "that"', () => {
    const claims = claimsOfText(
      'Tillman Foods, the maker of crackers and frozen meals, said on Thursday, Aug. 1, 2024, that its profit rose 18%.',
      'Finance chief Anders Moe spoke to analysts. He warned, however, that a stronger krone could cut sales.',
    );
    expect(find(claims, 'Tillman Foods', 'say', 'profit rose').claim).toBe('its profit rose 18%');
    expect(find(claims, 'Anders Moe', 'warn', 'stronger krone').hedged).toBe(true);
  });

  it('attributes the clause before a mid-sentence "according to", not the clause after it', () => {
    const claims = claimsOfText(
      'Dementia affects 55 million people, according to the World Health Organization, and that number is rising.',
    );
    expect(find(claims, 'World Health Organization', 'according to', '55 million').claim).toBe(
      'Dementia affects 55 million people',
    );
  });

  it('does not hedge a measured comparison ("less likely")', () => {
    const claims = claimsOfText('Walkers were 28% less likely to fall ill, Dr. Ana Ruiz said.');
    expect(find(claims, 'Ana Ruiz', 'say', 'less likely').hedged).toBe(false);
  });
});

describe('claims: the head of the speaker phrase', () => {
  it('gives the words to the person before "at" or "of", not to their employer', () => {
    const claims = claimsOfText(
      'Analyst Petra Lindqvist at Fjord Securities said the figures were "a clean beat".',
      'Dr. Helena Marsh of the University of Carrick said the effect was strongest among the least active.',
    );
    find(claims, 'Petra Lindqvist', 'say', 'a clean beat');
    find(claims, 'Helena Marsh', 'say', 'least active');
  });

  it('names an unnamed spokesperson by the organisation they speak for', () => {
    const claims = claimsOfText('A spokesperson for the Green Party said the win was "the first of many".');
    find(claims, 'Green Party spokesperson', 'say', 'first of many');
  });

  it('keeps the government as the speaker, not its country', () => {
    const claims = claimsOfText(
      'The government of Norway said it supported the plan.',
      "Sweden's government said it opposed the plan.",
    );
    find(claims, 'the government of Norway', 'say', 'supported the plan');
    find(claims, "Sweden's government", 'say', 'opposed the plan');
    expect(claims.some((c) => c.speaker === 'Norway' || c.speaker === 'Sweden')).toBe(false);
  });

  it('keeps a study as the source, not the journal that published it, and leaves its date out', () => {
    const claims = claimsOfText(
      'Walkers were 28% less likely to fall ill, according to a study published on Wednesday in the Journal of Ageing Research.',
    );
    find(claims, 'a study published in the Journal of Ageing Research', 'according to', 'less likely');
  });

  it('reads a role with a participle ("returning officer") before a named apposition', () => {
    const claims = claimsOfText(
      "The council's returning officer, Gillian Shaw, said 212 ballots were rejected.",
    );
    find(claims, 'Gillian Shaw', 'say', '212 ballots were rejected');
  });
});

describe('claims: who "he" and "she" are, and quotations that go on', () => {
  it('never gives "she" to a man named by "Mr", nor "he" to a spokeswoman', () => {
    const claims = claimsOfText(
      'Mayor Ann Lee proposed the plan in March. It was opposed by Mr Tom Hart, a farmer. She said the plan would save money.',
      'Union spokeswoman Mary Hill spoke first. Then the manager, Bob Grant, answered. He said the talks had failed.',
    );
    find(claims, 'Ann Lee', 'say', 'save money');
    find(claims, 'Bob Grant', 'say', 'talks had failed');
  });

  it('gives a wholly quoted sentence after a quoted claim to the same speaker, and cites it', () => {
    const claims = claimsOfText(
      '"We were brave with the ball," manager Graham Tully said. "Maya was outstanding." The crowd cheered.',
      '"You know it," replied Bo Li.',
    );
    const tully = find(claims, 'Graham Tully', 'say', 'brave with the ball');
    expect(tully.claim).toBe('We were brave with the ball. Maya was outstanding');
    expect(tully.citations.map((c) => c.quote)).toContain('"Maya was outstanding."');
    expect(claims.some((c) => c.claim.includes('crowd'))).toBe(false);
    find(claims, 'Bo Li', 'reply', 'You know it');
  });
});

describe('claims: common newswire frames', () => {
  it('gives "a statement from X" to X and keeps a contrast after ", while" apart', () => {
    const claims = claimsOfText(
      'Prices will rise, according to a statement from Fenwick Energy.',
      'The government of Norway said it supported the plan, while the opposition said it did not.',
    );
    find(claims, 'Fenwick Energy', 'according to', 'Prices will rise');
    expect(find(claims, 'the government of Norway', 'say', 'supported').claim).toBe('it supported the plan');
    find(claims, 'the opposition', 'say', 'it did not');
  });

  it('does not hedge a claim because a month called May is in it', () => {
    const claims = claimsOfText('The minister, who took office in May, said the budget was balanced.');
    expect(find(claims, 'the minister', 'say', 'budget was balanced').hedged).toBe(false);
  });
});

describe('claims: quotations over paragraphs, lists of points and conditions', () => {
  it('goes on with the speaker when a quotation left open runs into the next paragraph', () => {
    const claims = claimsOfText(
      'Coach Ines Varga said: "We lost our shape after the break. We have to fix that.',
      '"The players know it and they will put it right. We train again on Monday."',
      'The club has not won away since the autumn.',
    );
    const varga = find(claims, 'Ines Varga', 'say', 'lost our shape');
    expect(varga.claim).toContain('they will put it right');
    expect(varga.citations.map((c) => c.paragraph)).toEqual([1, 1, 2, 2]);
    expect(claims.some((c) => c.claim.includes('away since'))).toBe(false);
  });

  it('gives a paragraph that is all quotation to the speaker of the quote just before', () => {
    const claims = claimsOfText(
      '"The harbour will reopen in spring," harbourmaster Piet Alders said.',
      '"Until then the ferries will dock at the old pier."',
    );
    expect(find(claims, 'Piet Alders', 'say', 'harbour will reopen').claim).toContain('old pier');
  });

  it('does not hand a quoted paragraph with its own speaker to the previous one', () => {
    const claims = claimsOfText(
      '"The harbour will reopen in spring," harbourmaster Piet Alders said.',
      '"We doubt it," said Rosa Kemp, who runs the ferry line.',
    );
    expect(find(claims, 'Piet Alders', 'say', 'harbour').claim).not.toContain('doubt');
    find(claims, 'Rosa Kemp', 'say', 'We doubt it');
  });

  it('reads each point of a list after "also said:" as a claim of the speaker', () => {
    const claims = claimsOfText(
      'The mayor spoke for an hour. In the interview, Mayor Lena Ortiz also said:',
      'The tram line will open before the election',
      'Bus fares would stay frozen for two years',
      'She is ready to work with the council on housing',
      'The council meets again on Tuesday.',
    );
    find(claims, 'Lena Ortiz', 'say', 'tram line will open');
    find(claims, 'Lena Ortiz', 'say', 'Bus fares would stay frozen');
    find(claims, 'Lena Ortiz', 'say', 'work with the council');
    expect(claims.some((c) => c.claim.includes('meets again'))).toBe(false);
    expect(find(claims, 'Lena Ortiz', 'say', 'Bus fares').citations[0]?.quote).toContain('also said');
  });

  it('does not read a verb in an "if" clause as a claim', () => {
    const claims = claimsOfText(
      'If the court rules that the app is only a tool, the studios would have to sue users instead.',
      'Lawyers said the case could take a year.',
    );
    expect(claims.map((c) => c.speaker)).toEqual(['Lawyers']);
  });
});

describe('claims: a speaker named in an apposition after "the leader of ..."', () => {
  it('gives the words to the person, not to "the leader"', () => {
    const claims = claimsOfText(
      'The leader of the Harbour Party, Tomas Velko, denounced the vandalism, saying in a note that it would not scare the city.',
    );
    find(claims, 'Tomas Velko', 'say', 'would not scare the city');
    expect(claims.some((c) => c.speaker === 'the leader')).toBe(false);
  });
});

describe('claims: plural groups of people as sources', () => {
  it('lets politicians, lawmakers and residents say things', () => {
    const claims = claimsOfText(
      'Moderate politicians have acknowledged that the flood caught them unprepared.',
      'Local residents said the road had flooded twice.',
    );
    find(claims, 'Moderate politicians', 'acknowledge', 'caught them unprepared');
    find(claims, 'Local residents', 'say', 'flooded twice');
  });
});

describe('claims: descriptions that stand for the one person they fit', () => {
  it('gives "the minister" and "the 34-year-old" to the one person named with that role or age', () => {
    const claims = claimsOfText(
      'Transport minister Ilse Varga opened the new line on Monday.',
      'Driver Tomas Brede, 34, was at the wheel of the first train.',
      'The bridge carries 20,000 cars a day, the minister said.',
      '"It was the proudest day of my career," the 34-year-old said.',
    );
    find(claims, 'Ilse Varga', 'say', 'carries 20,000 cars');
    find(claims, 'Tomas Brede', 'say', 'proudest day');
  });

  it('gives "the Harbour United boss" to the one person named as that club\'s manager', () => {
    const claims = claimsOfText(
      'Harbour United manager Rico Salas was furious after the defeat.',
      '"We were robbed," the Harbour United boss said.',
    );
    find(claims, 'Rico Salas', 'say', 'We were robbed');
  });

  it('links "the 28-year-old" to the person the text called "the 28-year-old midfielder X"', () => {
    const claims = claimsOfText(
      'The 28-year-old midfielder Rico Salas scored twice.',
      '"I was lucky," the 28-year-old said.',
    );
    find(claims, 'Rico Salas', 'say', 'I was lucky');
  });

  it('keeps "the 28-year-old" as written when nobody was given that age', () => {
    const claims = claimsOfText('Rico Salas, 31, scored twice.', '"I was lucky," the 28-year-old said.');
    find(claims, 'the 28-year-old', 'say', 'I was lucky');
  });

  it('keeps the description when two people fit it', () => {
    const claims = claimsOfText(
      'Finance minister Ilse Varga and health minister Oren Dahl met on Monday.',
      'The budget is balanced, the minister said.',
    );
    find(claims, 'the minister', 'say', 'budget is balanced');
  });
});

describe('claims: the speaker of a second verb and of a reversed attribution', () => {
  it('gives what the agent suggested to the agent, not to the man who reported it', () => {
    const claims = claimsOfText(
      'Karel Dunst said the agent told him the crates were hidden on a barge and suggested he was a courier.',
    );
    find(claims, 'Karel Dunst', 'say', 'the agent told him');
    const suggested = claims.filter((c) => c.verb === 'suggest');
    expect(suggested.map((c) => c.speaker)).toEqual(['the agent']);
  });

  it('reads a description in scare quotes as the speaker of the verb after it', () => {
    const claims = claimsOfText(
      'Karel Dunst said the "security agent" told him the papers were fake and suggested he leave.',
    );
    expect(claims.filter((c) => c.verb === 'suggest').map((c) => c.speaker)).toEqual([
      'the "security agent"',
    ]);
  });

  it('gives a report\'s words quoted with ", said Y" to Y', () => {
    const claims = claimsOfText(
      'The report adds "the river is cleaner than at any time in fifty years", said Lena Ostrow, its author.',
    );
    find(claims, 'Lena Ostrow', 'say', 'the river is cleaner');
    expect(claims.filter((c) => c.speaker === 'the report')).toEqual([]);
  });
});

describe('claims: what an organisation says', () => {
  it('gives "it said" and "the company said" to the organisation named last', () => {
    const claims = claimsOfText(
      'Veltro Foods cut 300 jobs at its Dunmore plant on Tuesday.',
      'Demand for frozen meals had fallen for a year, it said.',
      'In a statement, the company said it would keep its other plants open.',
    );
    find(claims, 'Veltro Foods', 'say', 'Demand for frozen meals');
    find(claims, 'Veltro Foods', 'say', 'keep its other plants open');
  });

  it('gives "it said" to a one-word firm that filed something', () => {
    const claims = claimsOfText(
      'Dravex filed a brief with the court this month.',
      'Banning the apps would slow research, it said.',
    );
    find(claims, 'Dravex', 'say', 'slow research');
  });
});

describe('claims: a date between a source and its verb', () => {
  it('gives the words to the study, not to the weekday it was published on', () => {
    const claims = claimsOfText('A study published on Wednesday said most commuters now cycle.');
    find(claims, 'a study', 'say', 'most commuters now cycle');
  });
});

describe('claims: a document that speaks for its owner', () => {
  it('gives "its submission states" to the organisation and "her lawsuit says" to the woman', () => {
    const claims = claimsOfText(
      'Dravex filed a brief with the court this month. It set out its case in its filing, which states that tools "are only tools".',
      'Marta Kell, a sprinter, sued the coach on Monday. Her lawsuit says he damaged her name.',
    );
    find(claims, 'Dravex', 'state', 'are only tools');
    find(claims, 'Marta Kell', 'say', 'damaged her name');
  });
});
