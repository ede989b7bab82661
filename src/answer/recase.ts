/**
 * Capitals a question typed in lower case leaves out ("who is lina haddad"): a word the corpus writes only as
 * part of a name gets the corpus's capitals back, so the question reader sees the name. The corpus's name
 * words and the words it writes in lower case are gathered once per index, on the first question that needs
 * them.
 */
import type { SearchIndex } from '../search/index.ts';
import { ORG_HEADS, ROLE_NOUNS, TITLE_WORDS } from '../search/lexicon.ts';
import { splitWords } from '../search/terms.ts';

interface NameWords {
  /** Lower-case word -> the word as the corpus's names write it. */
  capitals: Map<string, string>;
  /** Words the corpus also writes in lower case: "will", "may", "bill" are not recased. */
  lower: Set<string>;
}

const tables = new WeakMap<SearchIndex, NameWords>();

function nameWords(index: SearchIndex): NameWords {
  let table = tables.get(index);
  if (table) return table;
  table = { capitals: new Map(), lower: new Set() };
  for (const s of index.sentences) {
    for (const w of splitWords(s.text)) if (/^\p{Ll}/u.test(w.text)) table.lower.add(w.text);
    // A title-case headline and a lone word opening a sentence are capitalised whatever they are.
    if (s.kind === 'headline') continue;
    for (const sp of s.spans) {
      if (sp.kind !== 'name' || (sp.start === 0 && !/\s/.test(s.text.slice(sp.start, sp.end)))) continue;
      for (const w of splitWords(s.text.slice(sp.start, sp.end))) {
        if (/^\p{Lu}/u.test(w.text) && w.text.length >= 2) table.capitals.set(w.text.toLowerCase(), w.text);
      }
    }
  }
  tables.set(index, table);
  return table;
}

/** The question with the corpus's capitals on the name words it typed in lower case (all of it when in capitals). */
export function recaseNames(index: SearchIndex, question: string): string {
  // A question typed in capitals has no usable capitalisation: read it in lower case first.
  const text = question === question.toUpperCase() ? question.toLowerCase() : question;
  // A question with capitals after its first word was typed with its names capitalised: trust it.
  if (!/\p{Ll}/u.test(text) || /[^\p{L}]\p{Lu}/u.test(text.trim().slice(1))) return text;
  // "Which journal ...": the kind of thing asked for is a common noun even when the corpus only writes it in a
  // name ("Harbour Journal of Rivers"); so are the heads of organisations' names and role words.
  const asked = /^\W*(?:which|what)\s+(\p{L}+)/u.exec(text)?.[1];
  const words = splitWords(text).filter(
    (w) =>
      /^\p{Ll}/u.test(w.text) &&
      w.text !== asked &&
      !ORG_HEADS.has(w.text) &&
      !ROLE_NOUNS.has(w.text) &&
      !TITLE_WORDS.has(w.text),
  );
  if (words.length === 0) return text;
  const { capitals, lower } = nameWords(index);
  let out = '';
  let from = 0;
  for (const w of words) {
    // "kroll's": the name without its possessive ending.
    const bare = w.text.replace(/(?:'s|\u2019s)$/u, '');
    const name = capitals.get(bare);
    if (!name || lower.has(bare)) continue;
    out += text.slice(from, w.start) + name;
    from = w.start + bare.length;
  }
  return from === 0 ? text : out + text.slice(from);
}
