import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/nlp/sentences.ts';

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it('does not break after abbreviations of months, titles and places', () => {
    expect(texts('Dr. Smith met Mr. Jones on Sept. 30 in Washington. They talked.')).toEqual([
      'Dr. Smith met Mr. Jones on Sept. 30 in Washington.',
      'They talked.',
    ]);
    expect(texts('The U.S. Army said so. It was late.')).toHaveLength(2);
  });

  it('keeps "the U.S. Embassy" in one sentence but ends one at "the U.S." before a new subject', () => {
    expect(texts('Crowds gathered outside the U.S. Embassy in Tarn on Friday. Police watched.')).toEqual([
      'Crowds gathered outside the U.S. Embassy in Tarn on Friday.',
      'Police watched.',
    ]);
    expect(texts('She moved to the U.K. Officials said she left.')).toEqual([
      'She moved to the U.K.',
      'Officials said she left.',
    ]);
  });

  it('ends a sentence at a quoted question followed by a new sentence, not at a reversed attribution', () => {
    expect(texts('He asked: "Why now?" The minister did not answer.')).toEqual([
      'He asked: "Why now?"',
      'The minister did not answer.',
    ]);
    expect(texts('"Why now?" Smith asked. He left.')).toEqual(['"Why now?" Smith asked.', 'He left.']);
    expect(texts('"Is this fair?" asked the judge.')).toHaveLength(1);
  });

  it("gives offsets into the paragraph's own text, curly quotes and all", () => {
    const paragraph = 'She said \u201cit works.\u201d  Then she left\u00a0early.';
    for (const s of splitSentences(paragraph)) {
      expect(paragraph.slice(s.start, s.start + s.text.length)).toBe(s.text);
    }
    expect(texts(paragraph)[0]).toContain('\u201cit works.\u201d');
  });
});
