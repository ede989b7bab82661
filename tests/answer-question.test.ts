import { describe, expect, it } from 'vitest';
import { analyzeQuestion, cleanQuestion } from '../src/answer/question.ts';

const lemmas = new Map([
  ['vehicles', 'vehicle'],
  ['vans', 'van'],
  ['imports', 'import'],
  ['said', 'say'],
  ['paid', 'pay'],
]);
const verbs = new Set(['cross', 'buy', 'pay']);
const read = (q: string) => analyzeQuestion(q, lemmas, verbs);

describe('question analysis', () => {
  it.each([
    ['When did the bridge open?', 'when', ['date']],
    ['In what year was the network founded?', 'when', ['date']],
    ['How long will the work last?', 'duration', ['duration', 'date']],
    ['How many vehicles cross the bridge?', 'figure', ['count']],
    ['What percentage of the vehicles are trucks?', 'figure', ['percent']],
    ['How much did the council pay?', 'figure', ['money', 'percent']],
    ["What is Lina Haddad's salary?", 'figure', ['money']],
    ['How old is Ines Varga?', 'age', ['age']],
    ['Who proposed the plan?', 'who', ['name']],
    ['Where did the clinic open?', 'where', ['name']],
    ['Why did the ministry deny the claim?', 'why', []],
    ['What is the community planning?', 'what', []],
    ['What was the final score?', 'figure', ['score']],
    ['What is the name of the driver?', 'who', ['name']],
  ])('reads "%s" as a %s question', (question, kind, spans) => {
    const q = read(question);
    expect(q.kind).toBe(kind);
    expect(q.expect).toEqual(spans);
  });

  it('finds whose role or words a question asks about', () => {
    expect(read('Who is Anna Smith?')).toMatchObject({ kind: 'role', subject: 'Anna Smith' });
    expect(read("What is Omar Haddou's role?")).toMatchObject({ kind: 'role', subject: 'Omar Haddou' });
    expect(read('What did Anna Smith say about the vans?')).toMatchObject({
      kind: 'claim',
      subject: 'Anna Smith',
    });
    expect(read('What did the Farmers Union claim?')).toMatchObject({
      kind: 'claim',
      subject: 'Farmers Union',
    });
    expect(read('Who is the mayor of Millbrook?').kind).toBe('who');
  });

  it('keeps the counted thing of a how-many question, head noun last', () => {
    expect(read('How many red vans did Kova buy?').target).toEqual(['red', 'van']);
    expect(read('How many vehicles cross the bridge every day?').target).toEqual(['vehicle']);
    expect(read('How much did Ortan pay?').target).toEqual([]);
  });

  it('separates the words that must be evidence from those that name the answer type', () => {
    const q = read("What percentage of Norland's grain imports came from Estavia?");
    expect(q.terms.map((t) => t.term)).toEqual(
      expect.arrayContaining(['norland', 'grain', 'import', 'estavia']),
    );
    expect(q.typeTerms).toContain('percentage');
    expect(q.entities).toEqual(["Norland's", 'Estavia']);
    expect(read('How long was he held?').terms.map((t) => t.term)).not.toContain('long');
  });

  it('knows the role a who-question asks for, from its nouns or its verb', () => {
    expect(read('Who is the mayor of Millbrook?').roles).toEqual(['mayor']);
    expect(read('Who leads the Coastal Party?').roles).toEqual(['leader']);
    expect(read('Who proposed the plan?').roles).toEqual([]);
  });

  it('knows whether a who-question asks for the doer or the object of its verb', () => {
    expect(read('Which company bought the mill?').voice).toBe('subject');
    expect(read('Who is defending the trust?').voice).toBe('subject');
    expect(read('Who did the mayor meet?').voice).toBe('object');
    expect(read('Who was arrested?').voice).toBeNull();
  });

  it('keeps the kind of thing a which-question names out of the required words', () => {
    const q = read('Which news agency did the source speak to?');
    expect(q.head).toBe('agency');
    expect(q.typeTerms).toContain('agency');
    expect(q.terms.map((t) => t.term)).not.toContain('agency');
  });

  it("reads the verb of a when-question, and a minister's telling as content", () => {
    expect(read('When was the ban withdrawn?').predicate).toBe('withdraw');
    expect(read('When did the minister tell parliament?').terms.map((t) => t.term)).toContain('tell');
    expect(read('Tell me when the bridge opened').terms.map((t) => t.term)).not.toContain('tell');
  });

  it('knows a who-question asks about speech', () => {
    expect(read('Who said the bridge was safe?').speech).toBe(true);
    expect(read('Who proposed the plan?').speech).toBe(false);
  });
});

describe('question cleaning', () => {
  it('removes Discord mentions, markdown and links but keeps the words', () => {
    expect(cleanQuestion('<@123> **When** did the `bridge` open? @everyone [see](https://x.y/z)')).toBe(
      'When did the bridge open? see',
    );
    expect(cleanQuestion('||Who|| is <@!42> __Anna__ <#99> ~~Smith~~?')).toBe('Who is Anna Smith ?');
  });

  it('caps a very long question at a word boundary', () => {
    const long = `When did ${'the very long bridge '.repeat(300)}open?`;
    const cleaned = cleanQuestion(long);
    expect(cleaned.length).toBeLessThanOrEqual(400);
    expect(long.startsWith(cleaned)).toBe(true);
  });

  it('reads a question typed in capitals', () => {
    expect(read('WHEN DID THE BRIDGE OPEN?').kind).toBe('when');
  });
});
