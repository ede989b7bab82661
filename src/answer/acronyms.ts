/**
 * Acronyms a question uses for words an article spells out: "GDP" for "gross domestic product". An acronym the
 * index never saw is looked up once per index as a run of consecutive content words with those initials, and
 * the question is read again with the article's words in its place.
 */
import type { SearchIndex } from '../search/index.ts';
import { normalizeWord, splitWords } from '../search/terms.ts';

const expansions = new WeakMap<SearchIndex, Map<string, string | null>>();

/** The first run of words of the corpus whose content words' initials spell the acronym, or null. */
function findExpansion(index: SearchIndex, acronym: string): string | null {
  const letters = acronym.toLowerCase();
  const n = letters.length;
  for (const s of index.sentences) {
    const { terms, at } = s;
    for (let i = 0; i + n <= terms.length; i++) {
      let j = 0;
      while (j < n && terms[i + j]?.charCodeAt(0) === letters.charCodeAt(j)) j++;
      if (j < n) continue;
      const start = at[i] ?? 0;
      const last = splitWords(s.text.slice(at[i + n - 1] ?? start))[0];
      const end = (at[i + n - 1] ?? start) + (last?.end ?? 0);
      const words = s.text.slice(start, end);
      // "Gross domestic product" and "Federal Bureau of Investigation", not a chance run like "good data points".
      if (splitWords(words).length <= n + 2 && !/[,;:()"]/.test(words) && /^\p{L}/u.test(words)) return words;
    }
  }
  return null;
}

/** "FA" -> "Football Association": two capitalised words in a row, written with those initials. */
function findCapitalised(index: SearchIndex, acronym: string): string | null {
  const re = new RegExp(`\\b${acronym[0]}[\\p{Ll}]+(?:\\s+of)?\\s+${acronym[1]}[\\p{Ll}]+\\b`, 'u');
  for (const s of index.sentences) {
    const m = re.exec(s.text);
    if (m) return m[0];
  }
  return null;
}

/** Replaces the acronyms of a question that the index never saw with the words the corpus spells them out in. */
export function expandAcronyms(index: SearchIndex, question: string): string {
  if (!/\p{Lu}{2}/u.test(question)) return question;
  let out = question;
  for (const w of splitWords(question)) {
    // Two letters match too many chance pairs of words ("US" and "unemployment statistics"), unless both
    // words are capitalised ("FA" and "Football Association").
    const pair = /^\p{Lu}{2}$/u.test(w.text);
    if (!pair && !/^\p{Lu}{3,6}$/u.test(w.text)) continue;
    const term = normalizeWord(w.text);
    if (index.df.has(term)) continue;
    let known = expansions.get(index);
    if (!known) {
      known = new Map();
      expansions.set(index, known);
    }
    let words = known.get(term);
    if (words === undefined) {
      words = pair ? findCapitalised(index, w.text) : findExpansion(index, w.text);
      known.set(term, words);
    }
    if (words) out = out.replace(new RegExp(`\\b${w.text}\\b`), words);
  }
  return out;
}
