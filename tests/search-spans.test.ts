import { describe, expect, it } from 'vitest';
import { findValueSpans, mergeSpans } from '../src/search/spans.ts';

/** The typed spans of a text after merging, as "kind:text". */
function spans(text: string): string[] {
  return mergeSpans(findValueSpans(text))
    .filter((s) => s.kind !== 'quote' && s.kind !== 'name')
    .map((s) => `${s.kind}:${text.slice(s.start, s.end)}`);
}

describe('value spans', () => {
  it('marks the result of a match or a vote as a score', () => {
    expect(spans('Kestrel beat Morrow 3-1 at home.')).toEqual(['score:3-1']);
    expect(spans('The council voted 7 - 2 to approve it.')).toEqual(['score:7 - 2']);
  });

  it('keeps ranges of percentages, seasons and ages out of scores', () => {
    expect(spans('a turnout of 15-24% in the valley')).toEqual(['percent:15-24%']);
    expect(spans('in the 2015-16 season')).toEqual(['date:2015-16']);
    expect(spans('people aged 25-34')).not.toContain('score:25-34');
  });

  it('marks shares written as words', () => {
    expect(spans('The fund covers only half the cost.')).toEqual(['percent:half']);
    expect(spans('Nearly two-thirds of voters agreed.')).toEqual(['percent:Nearly two-thirds']);
    expect(spans('One in five adults smokes.')).toEqual(['percent:One in five']);
  });

  it('does not take the half of a match for a share', () => {
    expect(spans('He scored in the second half of the match.')).not.toContain('percent:half');
    expect(spans('He scored in the second half of the match.')).toEqual(['ordinal:second']);
  });
});
