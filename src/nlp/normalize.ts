/**
 * Character-for-character normalisation for matching: the result has the same length as the input, so an
 * offset found in the normalised text is the same offset in the article's own words, which is what we quote.
 */
const CHAR_MAP: Record<string, string> = {
  '\u00a0': ' ', // no-break space
  '\u2007': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2013': '-', // en dash
  '\u2014': '-', // em dash
  '\u2212': '-', // minus sign
};
const CHAR_RE = new RegExp(`[${Object.keys(CHAR_MAP).join('')}]`, 'g');

/** Replaces typographic quotes, dashes and exotic spaces with their ASCII forms, keeping every offset. */
export function normalizeChars(text: string): string {
  return text.replace(CHAR_RE, (c) => CHAR_MAP[c] ?? c);
}

// Invisible formatting: soft hyphens, direction marks and overrides, word joiners. Pasted and scraped text carries
// them inside words ("Ma\u00adria"), where they would split a name for every matcher yet show nothing to a reader.
const INVISIBLE_RE = /[\u00ad\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069]/g;

/** Collapses every run of whitespace (including no-break spaces) to one space, drops invisible marks, trims. */
export function collapseWhitespace(text: string): string {
  return text
    .replace(INVISIBLE_RE, '')
    .replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, ' ')
    .trim();
}

/** The form used to compare two strings: normalised characters, collapsed whitespace, lower case. */
export function matchKey(text: string): string {
  return collapseWhitespace(normalizeChars(text)).toLowerCase();
}
