/**
 * Questions worded the way readers ask them, against made-up articles: idioms the article never writes, a
 * value and the change that led to it, a distractor measuring a kin of the thing asked about, an office
 * speaking without a name.
 */
import { describe, expect, it } from 'vitest';
import { articleFrom, engineOf } from './answer-helpers.ts';

const STRIKE = articleFrom('strike', [
  'Ferry crews walk out over rosters',
  'Crews on the Dunmore ferries began a 72-hour strike on Monday, leaving thousands of islanders without a crossing.',
  'The stoppage was called by the Seafarers and Dockers Union after a vote last month.',
  'Harbour Secretary Ruth Allingham called both sides to talks at the port office on Friday.',
  'The harbour master said the crossings would not resume before the weekend and that the timetable was "fragile".',
  'Previous stoppages cost the operator £2 million, the company said.',
  'Those complaints were put to Tom Reddy after the meeting at Corran Hall, which the union later left.',
]);

const RATES = articleFrom('rates', [
  'Bank lifts its rate again',
  'The Bank of Estar raised its main rate by a quarter point on Tuesday, to 3.5%, its highest level in ten years.',
  'Energy and food pushed prices up. Fuel costs alone rose 14% over the year, the statistics office said.',
  'Overall, about 4% of households that fixed their loans fell behind, compared to about 11% of those that did not.',
]);

const GALLERY = articleFrom('gallery', [
  'Raiders strike at a city gallery',
  'Thieves broke into Pellam’s best-known gallery overnight, police said.',
  'The raiders, who wore masks, forced a side door of the Corran Art Gallery shortly after midnight.',
  'Curator Ines Holt had expected the insurers to inspect the locks until November because of delays.',
  'A further inspection is planned for 4 March, the insurers said.',
]);

const SUIT = articleFrom('suit', [
  'Singer sues promoter',
  'The singer Lina Ostrow has sued the promoter Karl Wendt over a cancelled tour.',
  'Ostrow says Wendt harmed her business and she is seeking $3m in the suit.',
  'Ostrow, who was named artist of the year in 2019, will serve a second term on the arts council.',
  'Wendt told a radio station on Monday that he would fight the case.',
]);

describe('answering questions worded as readers word them', () => {
  const engine = engineOf(STRIKE, RATES);
  const gallery = engineOf(GALLERY);

  it('answers a which-question with the name that holds its kind, not the owner of a common noun', () => {
    const a = gallery.ask('Which gallery was raided?');
    expect(a.answer).toContain('Corran Art Gallery');
    expect(a.citations[0]?.paragraph).toBe(3);
  });

  it('does not give what one party seeks as what the other seeks', () => {
    const suit = engineOf(SUIT);
    expect(suit.ask('How much is Wendt seeking from Ostrow?').found).toBe(false);
    expect(suit.ask('How much is Ostrow seeking from Wendt?').answer).toContain('$3m');
  });

  it('refuses a when-question whose verb no dated sentence holds', () => {
    const suit = engineOf(SUIT);
    expect(suit.ask("When does Ostrow's council term end?").found).toBe(false);
    expect(suit.ask('When was Ostrow named artist of the year?').answer).toContain('2019');
  });

  it('reads a two-letter acronym the article writes out as two capitalised words', () => {
    const league = engineOf(
      articleFrom('league', [
        'Coach fined after outburst',
        'Coach Dara Venn was fined £8,000 by the Rowing Federation for remarks after the final.',
      ]),
    );
    expect(league.ask('How much was Venn fined by the RF?').answer).toContain('£8,000');
  });

  it('answers where with every place of a pair', () => {
    const trip = engineOf(
      articleFrom('trip', [
        'Envoy returns home',
        'The envoy Maris Kell, who has been receiving treatment in Norland and Vessaly, returned to Pellam on Sunday.',
      ]),
    );
    expect(trip.ask('Where has Kell been receiving treatment?').answer).toBe('Norland and Vessaly');
  });

  it('reads a bare month after "until" as a date', () => {
    expect(
      gallery.ask('Until when had Ines Holt expected the insurers to inspect the locks?').answer,
    ).toContain('November');
  });

  it('takes "a further inspection" for the next one', () => {
    expect(gallery.ask('When is the next inspection planned?').answer).toContain('4 March');
  });

  it('answers "when will it take place" from the sentence that dates the event', () => {
    const a = engine.ask('When will the talks take place?');
    expect(a.found).toBe(true);
    expect(a.answer).toContain('Friday');
    expect(a.citations[0]?.paragraph).toBe(4);
  });

  it('reads the length of a strike written as "a 72-hour strike"', () => {
    const a = engine.ask('How long is the ferry strike?');
    expect(a.answer).toContain('72-hour');
  });

  it('names a union whose name has "and" inside it in full', () => {
    const a = engine.ask('Which union called the stoppage?');
    expect(a.answer).toContain('Seafarers and Dockers Union');
  });

  it('gives the level a rate reached, and the change when asked by how much', () => {
    expect(engine.ask('What is the main rate of the Bank of Estar now?').answer).toContain('3.5%');
    expect(engine.ask('By how much did the Bank of Estar raise its main rate?').answer).toContain(
      'a quarter point',
    );
  });

  it('refuses a change in food prices when only fuel costs are given', () => {
    expect(engine.ask('How much did food prices rise over the year?').found).toBe(false);
    expect(engine.ask('How much did fuel costs rise over the year?').answer).toContain('14%');
  });

  it('refuses to count islanders as crew members', () => {
    expect(engine.ask('How many crew members work on the ferries?').found).toBe(false);
  });

  it('takes the share of those who did rather than those who did not', () => {
    const a = engine.ask('What share of households that fixed their loans fell behind?');
    expect(a.answer).toContain('4%');
    expect(a.answer).not.toContain('11%');
  });

  it('quotes an office that speaks without a name, from its own words on the topic asked', () => {
    const a = engine.ask('What did the harbour master say about the crossings?');
    expect(a.found).toBe(true);
    expect(a.answer).toContain('would not resume');
    expect(a.citations[0]?.paragraph).toBe(5);
  });

  it('answers where with the place of the event, not the person spoken to', () => {
    const a = engine.ask('Where did the union leave the meeting?');
    expect(a.answer).toContain('Corran Hall');
    expect(a.answer).not.toContain('Reddy');
  });
});
