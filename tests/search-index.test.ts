import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/answer/answer.ts';
import { IndexFormatError, loadIndex, searchRaw, serializeIndex } from '../src/search/index.ts';
import { articleFrom, engineOf, LIBRARY, root } from './answer-helpers.ts';

const engine = engineOf(LIBRARY);
const { index } = engine;

function spansOf(fragment: string): string[] {
  const s = index.sentences.find((x) => x.text.includes(fragment));
  if (!s) throw new Error(`no sentence with ${fragment}`);
  return s.spans.map((sp) => `${sp.kind}:${s.text.slice(sp.start, sp.end)}`);
}

describe('the search index', () => {
  it('indexes every sentence with its paragraph and verbatim text', () => {
    expect(index.sentences).toHaveLength(7);
    const quote = index.sentences.find((s) => s.text.startsWith('"People'));
    expect(quote?.paragraph).toBe(3);
    expect(LIBRARY.paragraphs[2]?.text).toContain(quote?.text);
  });

  it('marks the dates, amounts, shares and counts a sentence holds', () => {
    expect(spansOf('renovation')).toEqual(
      expect.arrayContaining(['date:on Monday', 'money:$2.4 million', 'duration:18 months']),
    );
    expect(spansOf('70%')).toEqual(['percent:70%']);
    expect(spansOf('1,200')).toEqual(['count:About 1,200']);
    expect(spansOf('1932')).toEqual(expect.arrayContaining(['date:in 1932']));
  });

  it('marks names without the titles and roles written before them', () => {
    expect(spansOf('Head librarian')).toContain('name:Marta Olsen');
    expect(spansOf('Head librarian')).not.toContain('name:Head librarian Marta Olsen');
  });

  it('keeps a hyphenated name whole', () => {
    const { index: other } = engineOf(
      articleFrom('firm', ['Shipping news', 'One firm with a plan is Brell-Hartley, the shipping group.']),
    );
    const s = other.sentences.find((x) => x.text.includes('Brell'));
    const names = s?.spans.filter((sp) => sp.kind === 'name').map((sp) => s.text.slice(sp.start, sp.end));
    expect(names).toContain('Brell-Hartley');
  });

  it('takes the lemma of a word from its lower-case use, not from a title-case headline', () => {
    const { index: other } = engineOf(
      articleFrom('birds', ['Gulls That Steal Chips Thrive', 'Gulls that stole chips grew faster.']),
    );
    expect(other.lemmas.get('chips')).toBe('chip');
  });

  it('finds the sentences and facts a plain query is about', () => {
    const texts = searchRaw(index, 'Eastbrook library renovation').map((r) => {
      const id = r.id as number;
      const sentence =
        index.sentences[id] ?? index.sentences[index.facts[id - index.sentences.length]?.sentences[0] ?? -1];
      return sentence?.text ?? '';
    });
    expect(texts[0]).toContain('renovation');
  });

  it('serialises to JSON and loads back to an index that answers the same', () => {
    const json = JSON.parse(JSON.stringify(serializeIndex(index)));
    const loaded = loadIndex(json);
    for (const q of [
      'How much did the renovation cost?',
      'Who is Marta Olsen?',
      'When was the library built?',
    ]) {
      expect(answerQuestion(loaded, q)).toEqual(answerQuestion(index, q));
    }
  });

  it('refuses a cache that is not an index, saying what is wrong', () => {
    expect(() => loadIndex({})).toThrow(IndexFormatError);
    expect(() => loadIndex({})).toThrow(/version/);
    const json = JSON.parse(JSON.stringify(serializeIndex(index)));
    json.mini.documentCount = 3;
    expect(() => loadIndex(json)).toThrow(/MiniSearch holds 3 documents/);
  });
});

describe('the question path', () => {
  it('answers from a cached index without loading wink-nlp or chrono', () => {
    const dir = mkdtempSync(join(tmpdir(), 'factdesk-index-'));
    const file = join(dir, 'index.json');
    writeFileSync(file, JSON.stringify(serializeIndex(index)));
    const script = `
      import { readFileSync } from 'node:fs';
      import { createRequire } from 'node:module';
      import { loadIndex } from ${JSON.stringify(join(root, 'src/search/index.ts'))};
      import { answerQuestion } from ${JSON.stringify(join(root, 'src/answer/answer.ts'))};
      const index = loadIndex(JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8')));
      const answer = answerQuestion(index, 'How much did the library renovation cost?');
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((k) => /wink|chrono/.test(k));
      console.log(JSON.stringify({ answer: answer.answer, loaded }));
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
    });
    rmSync(dir, { recursive: true, force: true });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ answer: '$2.4 million', loaded: [] });
  });
});
