import { describe, expect, it } from 'vitest';
import { answerSchema } from '../src/schema.ts';
import { articleFrom, engineOf, LIBRARY } from './answer-helpers.ts';

const FERRY = articleFrom(
  'ferry',
  [
    'Island ferry service cut to twice a day',
    'The Harwick Ferry Company will run two crossings a day from March 3, down from six, its director said.',
    'Director Paul Ames blamed fuel prices. "We cannot run empty boats," Ames said on Tuesday.',
    'About 400 people use the ferry each day, according to the island council.',
  ],
  '2024-02-20',
);
const engine = engineOf(LIBRARY, FERRY);

/** Every citation quotes its paragraph verbatim. */
function expectVerbatim(answer: ReturnType<typeof engine.ask>): void {
  for (const c of answer.citations) {
    const article = engine.articles.find((a) => a.id === c.article);
    const paragraph = article?.paragraphs.find((p) => p.n === c.paragraph);
    expect(paragraph?.text).toContain(c.quote);
  }
}

describe('answering a question', () => {
  it('gives the short answer and cites the sentence that holds it first', () => {
    const a = engine.ask('How much did the library renovation cost?');
    expect(a).toMatchObject({ found: true, answer: '$2.4 million' });
    expect(a.citations[0]).toMatchObject({ article: 'library', paragraph: 2 });
    expect(a.citations[0]?.quote).toContain('$2.4 million');
    expect(a.confidence).toBeGreaterThan(0.5);
    expectVerbatim(a);
  });

  it('answers dates, shares, people with their role, and quotes', () => {
    expect(engine.ask('When will the ferry company start running two crossings a day?').answer).toContain(
      'March 3',
    );
    expect(engine.ask('What share of the cost did the council pay?').answer).toBe('70%');
    expect(engine.ask('Who is Paul Ames?').answer).toContain('Director');
    expect(engine.ask('Who is Marta Olsen?').answer).toContain('Head librarian');
    expect(engine.ask('What did Ames say about the boats?').answer).toContain('We cannot run empty boats');
    expect(engine.ask('How many people use the ferry each day?').answer).toContain('400');
  });

  it('refuses when the article does not say, citing the nearest passages with a low confidence', () => {
    for (const q of [
      'How much did the ferry company pay for fuel?',
      'When did Paul Ames become director?',
      'How many books does the library hold?',
      "What is Marta Olsen's age?",
    ]) {
      const a = engine.ask(q);
      expect(a.found, q).toBe(false);
      expect(a.answer).toBeNull();
      expect(a.confidence).toBeLessThanOrEqual(0.3);
      expect(a.citations.length).toBeLessThanOrEqual(3);
      expectVerbatim(a);
    }
  });

  it('does not take a nearby figure of a different thing', () => {
    // The renovation took 18 months; the article never says how long the library was closed for visitors.
    expect(engine.ask('How many ferry crossings were there last year?').found).toBe(false);
    expect(engine.ask('How many people attended the ferry meeting?').found).toBe(false);
  });

  it('answers a question typed all in lower case, names included', () => {
    expect(engine.ask('who is paul ames?').answer).toContain('Director');
    expect(engine.ask('what did ames say about the boats').answer).toContain('We cannot run empty boats');
    expect(engine.ask('HOW MANY PEOPLE USE THE FERRY EACH DAY?').answer).toContain('400');
  });

  it('refuses an off-topic question', () => {
    const a = engine.ask('What is the capital of Peru?');
    expect(a.found).toBe(false);
    expect(a.confidence).toBeLessThanOrEqual(0.3);
  });

  it('answers only from the article it is asked to', () => {
    expect(engine.ask('Who is Paul Ames?', { article: 'library' }).found).toBe(false);
    const a = engine.ask('Who is Paul Ames?', { article: 'ferry' });
    expect(a.found).toBe(true);
    expect(a.citations.every((c) => c.article === 'ferry')).toBe(true);
    expect(engine.ask('Who is Paul Ames?', { article: 'no-such-article' })).toEqual({
      found: false,
      answer: null,
      citations: [],
      confidence: 0,
    });
  });
});

describe('answering hostile input', () => {
  it.each([
    ['an empty question', ''],
    ['only spaces', '   \n\t '],
    ['only punctuation', '?!?'],
    ['only a mention', '<@123456789>'],
    ['markdown noise', '**``` ~~ || __'],
  ])('answers %s calmly with nothing found', (_name, question) => {
    const a = answerSchema.parse(engine.ask(question));
    expect(a.found).toBe(false);
    expect(a.answer).toBeNull();
  });

  it('answers a 5,000-character question without failing and in good time', () => {
    const question = `How much did the library renovation cost? ${'x'.repeat(5000)}`.slice(0, 5000);
    const started = process.cpuUsage();
    const a = answerSchema.parse(engine.ask(question));
    const { user, system } = process.cpuUsage(started);
    expect(a.answer).toBe('$2.4 million');
    expect((user + system) / 1000).toBeLessThan(250);
    const rambling = `${'Please tell me everything about the town and its people. '.repeat(90)}`.slice(
      0,
      5000,
    );
    expect(answerSchema.parse(engine.ask(rambling)).found).toBe(false);
  });

  it('reads a question through mentions, markdown and code spans', () => {
    const a = engine.ask('<@!42> @everyone **How much** did the `library renovation` cost? ||thanks||');
    expect(a.answer).toBe('$2.4 million');
  });

  it("never gives a confident answer to a question made of the article's words in nonsense order", () => {
    const a = engine.ask('renovation ferry director librarian council boats?');
    expect(a.found && a.confidence > 0.9).toBe(false);
  });
});
