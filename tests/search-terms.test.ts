import { describe, expect, it } from 'vitest';
import {
  extractTerms,
  lemmatizeWord,
  relatedTerms,
  spellingKey,
  splitWords,
  stemWord,
} from '../src/search/terms.ts';

const lemmas = new Map([
  ['parcels', 'parcel'],
  ['recalled', 'recall'],
  ['told', 'tell'],
  ['fines', 'fine'],
]);

const terms = (text: string) => extractTerms(text, lemmas).map((t) => t.term);

describe('the search tokenizer', () => {
  it('maps words to the lemmas the corpus taught it and drops function words', () => {
    expect(terms('The ministry told them it had recalled the parcels.')).toEqual([
      'ministry',
      'tell',
      'recall',
      'parcel',
    ]);
  });

  it('meets an unseen word form at the corpus lemma', () => {
    expect(lemmatizeWord('recalls', lemmas)).toBe('recall');
    expect(lemmatizeWord('fined', lemmas)).toBe('fine');
    expect(stemWord('companies')).toBe('company');
  });

  it('keeps acronyms that look like function words', () => {
    expect(terms('The US and the UK said it was over.')).toEqual(['us', 'uk', 'say']);
    expect(terms('What did us say?')).toEqual(['say']);
  });

  it('knows the past forms of irregular verbs the corpus never used', () => {
    expect(terms('Who bought the mill and who sold it?')).toEqual(['buy', 'mill', 'sell']);
  });

  it('reads initials with dots as the same word as without', () => {
    expect(splitWords('the U.S. economy').map((w) => w.text)).toEqual(['the', 'U.S.', 'economy']);
    expect(terms('the U.S. and the US')).toEqual(['us', 'us']);
  });

  it('gives an unseen past form the verb it comes from', () => {
    expect(['nicknamed', 'voted', 'forced', 'agreed', 'added'].map(stemWord)).toEqual([
      'nickname',
      'vote',
      'force',
      'agree',
      'add',
    ]);
    expect(['opened', 'visited', 'banned', 'proceed'].map(stemWord)).toEqual([
      'open',
      'visit',
      'ban',
      'proceed',
    ]);
  });

  it('gives British and American spellings one key', () => {
    expect(spellingKey('centre')).toBe(spellingKey('center'));
    expect(spellingKey('programme')).toBe(spellingKey('program'));
    expect(spellingKey('organise')).toBe(spellingKey('organize'));
    expect(spellingKey('labour')).toBe(spellingKey('labor'));
    expect(spellingKey('defence')).toBe(spellingKey('defense'));
    expect(spellingKey('centre')).not.toBe(spellingKey('central'));
  });

  it('keeps numbers whole and letter-digit names as one word', () => {
    expect(splitWords('31,000 cars, $4.25bn and K2').map((w) => w.text)).toEqual([
      '31,000',
      'cars',
      '4.25',
      'bn',
      'and',
      'K2',
    ]);
    expect(terms('about 31,000 vehicles')).toEqual(['31000', 'vehicle']);
  });

  it('gives each term the offset of its word, so answers can point into the sentence', () => {
    const [first, second] = extractTerms('Mayor Ana Ruiz spoke.', lemmas);
    expect(first).toEqual({ term: 'mayor', start: 0, end: 5 });
    expect(second?.start).toBe(6);
  });

  it('relates members of one word family and not look-alikes', () => {
    expect(relatedTerms('canada', 'canadian')).toBe(true);
    expect(relatedTerms('approve', 'approval')).toBe(true);
    expect(relatedTerms('region', 'register')).toBe(false);
    expect(relatedTerms('arm', 'army')).toBe(false);
  });
});
