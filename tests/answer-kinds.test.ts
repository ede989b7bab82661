/**
 * What the answerer takes out of a sentence for each kind of question, on made-up articles written to hold the
 * constructions that news reports use: results, shares, passives, lists of points, denials.
 */
import { describe, expect, it } from 'vitest';
import { articleFrom, engineOf } from './answer-helpers.ts';

const MATCH = articleFrom('match', [
  'Kestrel Town lift the Marsh Trophy',
  'Kestrel Town beat Morrow United 3-1 in the Marsh Trophy final at Penn Road on Saturday.',
  'The clubs last played each other in the league in March. Morrow won 4-1 that day, and the game ended in a touchline scuffle.',
  'Kestrel Town keeper Maria Voss, 29, saved a penalty in the second half.',
  'Defender Ola Berg was taken to hospital with a suspected broken wrist after a collision near the end.',
  'Organisers said 2,400 people queued for tickets. A crowd of 9,800 watched the final.',
  'The trophy is worth £250,000 to the club, and the prize money covers only half the cost of the new stand.',
]);

const VOTE = articleFrom('vote', [
  'Harbour Party wins the Tarn council election',
  'Lena Park of the Harbour Party won 12,040 votes, or 38.5% of the total.',
  'The Harbour Party won 14 of the 40 seats, and the Rail Party won 11 seats.',
  'Dana Whitlock, the leader of the Harbour Party, said the result was a mandate for cheaper buses.',
  'The last council was run by a coalition led by the Harbour Party and the Rail Party.',
  'No one has claimed responsibility for a fire at the Rail Party office, although police suspect a group of students.',
  'The new spending rules will be checked by harbour safety officers.',
  'A gunman fired shots outside the count centre on Friday night, injuring two people.',
  'In her victory speech, Park also said:',
  'The tram line will reach the airport by 2030',
  'Rents in the old town must be capped',
  'Told that Park had called the Rail Party plan "a fantasy", Rail leader Tom Hart said: "Voters will judge."',
]);

const ECONOMY = articleFrom('economy', [
  'Tourism slump hits Vellmark',
  "Tourism makes up 12 percent of Vellmark's gross domestic product, the national statistics office said.",
  'Hotel bookings fell by a fifth in the spring.',
]);

const MILL = articleFrom('mill', [
  'Lorne mill sold after a two-day auction',
  'Tessel Holdings saw off Brannock, a timber firm owned by the state, in the race to buy the Lorne mill.',
  'The Civic Law Centre, a legal aid charity, is now representing the Harlow Trust, which owns the land beside the mill.',
  "The council's ban on Monday - a halt to all building work - was lifted by a tribunal on Friday.",
  'The minister told MPs on Tuesday that the new programme would begin in early 2026.',
  'Four stewards needed stitches after the scuffle, while six others were treated for shock.',
  'Ruth Amos said the price was "a fair deal". Tom Hale said that Amos would probably need to raise taxes next year.',
  '"Patience is what I do best. I never shout at staff," Amos said.',
  "The program of repairs starts on June 3, the mill's new owners said.",
  'The Lorne team finished third in the regional league.',
]);

const LAKE = articleFrom('lake', [
  'Lakeside news',
  'A visitor center beside the lake opens on May 2.',
  'The labor union backed the plan for a new boathouse.',
  'The survey of the lake was published last month in the Harbour Journal of Rivers.',
]);

const CLINIC = articleFrom('clinic', [
  'Pupils Who Eat Fish Weekly May Sleep Better',
  'A weekly fish supper halved the rate of poor sleep among pupils with asthma, the study found.',
  "In all, about 6% of pupils who ate fish every week slept badly, against about 21% of pupils who didn't eat it.",
  'Pupils who ate fish by 4 years of age and kept eating it until age 12 had fewer sleepless nights.',
  'Dr Lena Ortiz ran the study. Her father was a miner in Tarn.',
  'Nurse Ola Brand was suspended in October.',
]);

const PORT = articleFrom('port', [
  'Dorsey port sold to Velda Group',
  'Velda Group paid 80bn crowns ($7.5bn: £6.1bn) for the port of Dorsey.',
  'The port workers union is suing the Dorsey council over the sale.',
  'Ana Ruiz and four other suspended union officials were freed on bail on Sunday.',
  'The deal was signed by board members Tom Hale and Ivo Brandt, the company said.',
  'Ann Lee, who did not perform in Tarn in May, pointed out that the sale was legal.',
  'The ferry operators will be invited to sit on a review panel, the council said.',
  'He said of the board and its chairman: "Our accounts are open to anyone."',
  'The company has kept growing in the last three years, adding two new cranes.',
  'Last fall, residents chose a new body (Dorsey Port and Harbour Board) to manage the docks.',
]);

const TALKS = articleFrom('talks', [
  'Coalition talks stall in Vell',
  'At a press conference, Prime Minister Ada Kroll also said:',
  'Vell needs a new budget to see off the Free State movement',
  'Taxes will not rise this year',
  "The Green League's transport spokeswoman, Eva Lind, told reporters the talks had failed.",
  'The rebels include party members Ivo Tam and Rosa Beck, who went into hiding after their cars were vandalised by protesters.',
  'Ms Beck was approached by a stranger who claimed to work for the interior ministry.',
  'League leader Tor Hass said: "The talks are over.',
  '"Ada Kroll cannot be trusted on money. We will vote against the budget."',
  "Kroll's deputy, Mia Sand, resigned on Friday, and Hass's spokesman declined to comment.",
]);

const DEPOT = articleFrom('depot', [
  'Vell approves $31 million repair of the Kell Tram Depot',
  "The Vell council voted on Monday to approve a $31 million plan to repair the Kell Tram Depot, the city's oldest.",
  'Work is due to start in June. The regional government will pay 40% of the cost, the council said.',
]);

const engine = engineOf(MATCH, VOTE, ECONOMY, MILL, LAKE, CLINIC, PORT, TALKS);
const ask = (question: string, article: string) => engine.ask(question, { article });

describe('answers of each kind', () => {
  it('gives the result of a match, even when the sentence dates it only as "that day"', () => {
    expect(ask('What was the score in the final?', 'match').answer).toBe('3-1');
    const earlier = ask('What was the score in the March game?', 'match');
    expect(earlier.answer).toBe('4-1');
    expect(earlier.citations[0]?.paragraph).toBe(3);
  });

  it('answers a share with the percentage, not the count beside it', () => {
    expect(ask('What share of the vote did Lena Park get?', 'vote').answer).toBe('38.5%');
  });

  it('answers a share written as a word', () => {
    expect(ask('How much of the cost of the new stand does the prize money cover?', 'match').answer).toBe(
      'half',
    );
  });

  it('takes the count of a part of a whole ("14 of the 40 seats")', () => {
    expect(ask('How many seats did the Harbour Party win?', 'vote').answer).toContain('14');
  });

  it('takes a count followed by its verb ("a crowd of 9,800 watched")', () => {
    const a = ask('How many people watched the final?', 'match');
    expect(a.answer).toContain('9,800');
    expect(a.citations[0]?.paragraph).toBe(6);
  });

  it("finds a person's age when a team's name titles them", () => {
    expect(ask('How old is Maria Voss?', 'match').answer).toBe('29');
  });

  it('gives the cause a why-question asks for, right after its own words', () => {
    expect(ask('Why was Ola Berg taken to hospital?', 'match').answer).toContain('suspected broken wrist');
  });

  it('answers "who leads" with the person the article calls the leader', () => {
    const a = ask('Who leads the Harbour Party?', 'vote');
    expect(a.answer).toContain('Dana Whitlock');
    expect(a.citations[0]?.paragraph).toBe(4);
  });

  it('names the doers of a passive verb written without a determiner', () => {
    expect(ask('Who will check the spending rules?', 'vote').answer).toBe('harbour safety officers');
  });

  it('refuses when the article says no one did what is asked', () => {
    expect(ask('Who claimed responsibility for the fire?', 'vote').found).toBe(false);
  });

  it('refuses to name a person the article leaves unnamed', () => {
    expect(ask('What is the name of the gunman?', 'vote').found).toBe(false);
  });

  it("gives the words a speaker called something, not the next speaker's", () => {
    expect(ask('What did Park call the Rail Party plan?', 'vote').answer).toBe('a fantasy');
  });

  it('names the doer of the verb asked about, not another name near it', () => {
    expect(ask('Which company bought the Lorne mill?', 'mill').answer).toBe('Tessel Holdings');
    expect(ask('Who is representing the Harlow Trust?', 'mill').answer).toContain('Civic Law Centre');
  });

  it('dates the event the question names, past an aside between dashes', () => {
    expect(ask("When was the council's ban lifted?", 'mill').answer).toBe('on Friday');
  });

  it('dates a statement when the question asks when it was made', () => {
    expect(ask('When did the minister tell MPs about the programme?', 'mill').answer).toContain('Tuesday');
  });

  it('counts "six others" as more of the thing named before', () => {
    expect(ask('How many stewards were treated for shock?', 'mill').answer).toMatch(/^six/);
  });

  it('does not take words said about a person for words the person said', () => {
    expect(ask('What did Ruth Amos say about taxes?', 'mill').found).toBe(false);
  });

  it("quotes a speaker's words from a quotation that the next sentence attributes", () => {
    expect(ask('What did Amos say about patience?', 'mill').answer).toContain('Patience is what I do best');
  });

  it('meets the British spelling of a word the article spells the American way', () => {
    expect(ask('When does the programme of repairs start?', 'mill').answer).toBe('June 3');
    expect(ask('When does the centre open?', 'lake').answer).toBe('May 2');
    expect(ask('What did the labour union back?', 'lake').answer).toContain('boathouse');
  });

  it('answers "where did they finish" with the rank', () => {
    expect(ask('Where did the Lorne team finish in the league?', 'mill').answer).toContain('third');
  });

  it('answers a question that says "not" with the value of the stretch that says it too', () => {
    expect(ask('What share of pupils who did not eat fish slept badly?', 'clinic').answer).toBe('about 21%');
  });

  it('answers "by what age" with the value after "by"', () => {
    expect(ask('By what age did the pupils start eating fish?', 'clinic').answer).toBe('4 years of age');
  });

  it('answers "whose" with the owner a possessive points at', () => {
    expect(ask('Whose father was a miner?', 'clinic').answer).toContain('Lena Ortiz');
  });

  it('refuses "how long" when the article gives only a date', () => {
    expect(ask('How long was Ola Brand suspended for?', 'clinic').found).toBe(false);
  });

  it('reads a lower-case which-question without taking its kind of thing for a name', () => {
    expect(ask('which journal published the survey of the lake?', 'lake').answer).toContain(
      'Harbour Journal of Rivers',
    );
  });

  it('answers a sum in the currency the question asks for', () => {
    expect(ask('What price did Velda Group pay in pounds?', 'port').answer).toContain('£6.1bn');
    expect(ask('How much did Velda Group pay in euros?', 'port').found).toBe(false);
  });

  it('answers what something costs with the sum, not the share of the cost someone pays', () => {
    // On its own, as the bot serving one article sees it.
    const depot = engineOf(DEPOT);
    const answer = depot.ask('How much will the depot repair cost?');
    expect(answer.answer).toBe('$31 million');
    expect(answer.citations[0]?.paragraph).toBe(2);
    expect(depot.ask('What share of the cost will the regional government pay?').answer).toBe('40%');
  });

  it('counts "four other suspended union officials" as officials', () => {
    expect(ask('How many other union officials were freed on bail?', 'port').answer).toMatch(/^four/);
  });

  it('dates a place a name stands in even after a "not" about something else', () => {
    expect(ask('When was Ann Lee in Tarn?', 'port').answer).toContain('May');
  });

  it('reads "pointed out" as speech', () => {
    expect(ask('What did Ann Lee say about the sale?', 'port').answer).toContain('the sale was legal');
  });

  it('knows who is sued from "is suing"', () => {
    expect(ask('Who is the port workers union suing?', 'port').answer).toContain('Dorsey');
  });

  it('gives the second of two names their shared title', () => {
    expect(ask('Who is Ivo Brandt?', 'port').answer).toContain('board members');
  });

  it('names the subject of a passive when it is no name', () => {
    expect(ask('Who will be invited to sit on a review panel?', 'port').answer).toBe('The ferry operators');
  });

  it('keeps a name in brackets whole across "and"', () => {
    expect(ask('Which board will manage the docks?', 'port').answer).toBe('Dorsey Port and Harbour Board');
  });

  it('reads "in the last three years" as a span of time and "last fall" as a date', () => {
    expect(ask('How long has the company been growing?', 'port').answer).toContain('three years');
    expect(ask('When did residents choose a new body?', 'port').answer).toBe('Last fall');
  });

  it('does not take a name such as "Free State" for a speech verb in a point of a list', () => {
    expect(ask('What did Kroll say Vell needs?', 'talks').answer).toContain('a new budget');
  });

  it('answers "which <role>" only with someone the article gives that role', () => {
    expect(ask('Which police officer approached Ms Beck?', 'talks').found).toBe(false);
    expect(ask("What is the name of Hass's spokesman?", 'talks').found).toBe(false);
  });

  it('asks for the owner in "Which party\'s spokeswoman is X?"', () => {
    expect(ask("Which party's transport spokeswoman is Eva Lind?", 'talks').answer).toContain('Green League');
  });

  it('answers with the whole list of names a sentence writes together', () => {
    const a = ask('Who went into hiding after their cars were vandalised?', 'talks');
    expect(a.answer).toBe('Ivo Tam and Rosa Beck');
  });

  it('keeps the speaker of a quotation that runs on into the next paragraph', () => {
    expect(ask('Who said Kroll cannot be trusted?', 'talks').answer).toContain('Tor Hass');
  });

  it('recases a name typed in lower case with its possessive', () => {
    expect(ask("who is kroll's deputy?", 'talks').answer).toContain('Mia Sand');
  });

  it('reads an acronym the article spells out', () => {
    const a = ask("What share of Vellmark's GDP comes from tourism?", 'economy');
    expect(a.answer).toBe('12 percent');
    expect(a.citations[0]?.paragraph).toBe(2);
  });

  it('attributes the points of a list to the speaker who introduced it', () => {
    const a = ask('What did Park say about the tram line?', 'vote');
    expect(a.answer).toContain('reach the airport by 2030');
    expect(a.citations[0]?.paragraph).toBe(10);
  });
});
