/**
 * Numbers as news text writes them: digits with thousands separators, spelled-out words ("twenty-five",
 * "one point three"), scale words and abbreviations ("1.5 billion", "$4bn", "£7m"), currencies and percentages.
 * Everything here is pure string work on one sentence; offsets are into the string given.
 */

const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const SCALE: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  k: 1e3,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  bn: 1e9,
  b: 1e9,
  tn: 1e12,
  trn: 1e12,
};

/** Spelled-out number words, longest first so "seventeen" wins over "seven". */
const WORD_ALTERNATION = [
  ...Object.keys(SMALL),
  'hundred',
  'thousand',
  'million',
  'billion',
  'trillion',
  'dozen',
]
  .sort((a, b) => b.length - a.length)
  .join('|');

/**
 * A spelled-out number: "two", "twenty-five", "one hundred and five", "one point three", "a dozen".
 * "and" only joins after hundred/thousand so "two and three" stays two numbers.
 */
export const NUMBER_WORDS_PATTERN = `(?:(?:${WORD_ALTERNATION})(?:(?:-|\\s+|(?<=hundred|thousand)\\s+and\\s+)(?:${WORD_ALTERNATION}))*(?:\\s+point\\s+(?:${WORD_ALTERNATION})(?:\\s+(?:${WORD_ALTERNATION}))*)?)`;

/** A number in digits: "12,400", "1.5", "80.25", ".5". */
const DIGITS_PATTERN = '(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+)';

/** Parses digits ("18,500", "1.5") or spelled-out words ("twenty-five", "one point three", "a dozen"). */
export function parseQuantity(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^[\d.,]+$/.test(t)) {
    const v = Number(t.replace(/,/g, ''));
    return Number.isFinite(v) ? v : null;
  }
  return parseNumberWords(t);
}

/** Parses spelled-out numbers; null when any word is not a number word. */
function parseNumberWords(text: string): number | null {
  const [whole = '', fraction] = text.toLowerCase().split(/\s+point\s+/);
  const words = whole.split(/[\s-]+/).filter((w) => w && w !== 'and' && w !== 'a' && w !== 'an');
  if (words.length === 0) return null;
  let total = 0;
  let current = 0;
  for (const w of words) {
    const small = SMALL[w];
    if (small !== undefined) {
      current += small;
    } else if (w === 'dozen') {
      current = (current || 1) * 12;
    } else if (w === 'hundred') {
      current = (current || 1) * 100;
    } else if (w === 'thousand' || w === 'million' || w === 'billion' || w === 'trillion') {
      total += (current || 1) * (SCALE[w] ?? 1);
      current = 0;
    } else {
      return null;
    }
  }
  let value = total + current;
  if (fraction !== undefined) {
    const digits = fraction.split(/\s+/).map((w) => SMALL[w]);
    if (digits.some((d) => d === undefined || d > 9)) return null;
    value += Number(`0.${digits.join('')}`);
  }
  return value;
}

/** Multiplier of a scale word or abbreviation ("million", "bn", "m"); 1 when there is none. */
function scaleOf(word: string | undefined): number {
  if (!word) return 1;
  return SCALE[word.toLowerCase()] ?? 1;
}

/** ISO 4217 codes of the currencies news most often quotes. */
const CURRENCY_CODES_LIST = (
  'USD EUR GBP JPY CNY CHF CAD AUD NZD HKD SGD SEK NOK DKK ISK INR PKR RUB BRL ZAR MXN ARS CLP COP KRW TRY ' +
  'PLN CZK HUF RON ILS AED SAR QAR KWD EGP NGN KES GHS THB IDR MYR PHP VND UAH'
).split(' ');

/** ISO currency codes: written before a number they are money, never a name. */
export const CURRENCY_CODES: ReadonlySet<string> = new Set(CURRENCY_CODES_LIST);

/** Currency symbols and prefixes, longest first, with their ISO codes. "$" alone is read as US dollars. */
const CURRENCY_SYMBOLS: ReadonlyArray<readonly [string, string]> = [
  ['US$', 'USD'],
  ['C$', 'CAD'],
  ['CA$', 'CAD'],
  ['A$', 'AUD'],
  ['AU$', 'AUD'],
  ['NZ$', 'NZD'],
  ['HK$', 'HKD'],
  ['S$', 'SGD'],
  ['R$', 'BRL'],
  ['$', 'USD'],
  ['£', 'GBP'],
  ['€', 'EUR'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₽', 'RUB'],
  ['₩', 'KRW'],
  ['₪', 'ILS'],
  ['₺', 'TRY'],
  ['Rs.', 'INR'],
  ['Rs', 'INR'],
  // ISO codes written before the amount ("NOK 9.8 billion", "EUR 40m").
  ...CURRENCY_CODES_LIST.map((c) => [c, c] as const),
];

/** Currency words written after the amount ("40bn roubles", "5 million euros"), singular and plural stems. */
const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD',
  'us dollar': 'USD',
  euro: 'EUR',
  // "pounds" alone is as often a weight as money, so only the unambiguous forms count.
  'pound sterling': 'GBP',
  'pounds sterling': 'GBP',
  pence: 'GBP',
  // A country's adjective before a shared currency name says which one it is.
  'canadian dollar': 'CAD',
  'australian dollar': 'AUD',
  'new zealand dollar': 'NZD',
  'hong kong dollar': 'HKD',
  'singapore dollar': 'SGD',
  'norwegian krone': 'NOK',
  'danish krone': 'DKK',
  'swedish krona': 'SEK',
  'icelandic krona': 'ISK',
  'indian rupee': 'INR',
  'pakistani rupee': 'PKR',
  'mexican peso': 'MXN',
  'argentine peso': 'ARS',
  'philippine peso': 'PHP',
  'egyptian pound': 'EGP',
  'south african rand': 'ZAR',
  'brazilian real': 'BRL',
  'chinese yuan': 'CNY',
  'japanese yen': 'JPY',
  'russian rouble': 'RUB',
  'russian ruble': 'RUB',
  'turkish lira': 'TRY',
  yen: 'JPY',
  yuan: 'CNY',
  renminbi: 'CNY',
  rouble: 'RUB',
  ruble: 'RUB',
  rupee: 'INR',
  rand: 'ZAR',
  shekel: 'ILS',
  lira: 'TRY',
  franc: 'CHF',
  'swiss franc': 'CHF',
  krona: 'SEK',
  krone: 'NOK',
  peso: 'MXN',
  naira: 'NGN',
  dirham: 'AED',
  riyal: 'SAR',
  dinar: 'IQD',
  hryvnia: 'UAH',
  zloty: 'PLN',
  cent: 'USD',
};

/** Regex alternation of currency words with their plurals ("roubles", "euros", "pence", "lire"). */
const CURRENCY_WORDS_PATTERN = Object.keys(CURRENCY_WORDS)
  .sort((a, b) => b.length - a.length)
  .map((w) => `${w.replace(/ /g, '\\s+')}(?:s|es)?`)
  .concat(['norwegian\\s+kroner', 'danish\\s+kroner', 'swedish\\s+kronor', 'brazilian\\s+reais'])
  .concat(['lire', 'kronor', 'kroner', 'reais', 'rupees'])
  .join('|');

/** ISO code of a currency word ("roubles" -> RUB); null when it is not one. */
function currencyOfWord(word: string): string | null {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  const stem = [w, w.replace(/es$/, ''), w.replace(/s$/, '')].find((x) => CURRENCY_WORDS[x]);
  if (stem) return CURRENCY_WORDS[stem] ?? null;
  const irregular: Record<string, string> = {
    lire: 'TRY',
    kronor: 'SEK',
    kroner: 'NOK',
    reais: 'BRL',
    'norwegian kroner': 'NOK',
    'danish kroner': 'DKK',
    'swedish kronor': 'SEK',
    'brazilian reais': 'BRL',
  };
  return irregular[w] ?? null;
}

/** Hundredths of the main unit: "50 pence" is 0.5 GBP, "10 cents" 0.1 USD. */
function currencyWordFactor(word: string): number {
  return /^(pence|penny|cents?)$/i.test(word.trim()) ? 0.01 : 1;
}

/** ISO code of a currency symbol or prefix ("£" -> GBP); null when it is not one. */
function currencyOfSymbol(symbol: string): string | null {
  return CURRENCY_SYMBOLS.find(([s]) => s === symbol)?.[1] ?? null;
}

/** Regex alternation of currency symbols, longest first, escaped. */
const CURRENCY_SYMBOLS_PATTERN = CURRENCY_SYMBOLS.map(([s]) => s.replace(/[$.]/g, '\\$&')).join('|');

/** What kind of figure a quantity is. */
export type QuantityKind = 'money' | 'percent' | 'ratio' | 'score' | 'age' | 'count';

/** A quantity found in a sentence, before its counted noun and what it measures are known. */
export interface Quantity {
  kind: QuantityKind;
  /** Span of the figure as written ("$70 million", "55%", "three out of four", "dozens"). */
  start: number;
  end: number;
  /** Start of a qualifier written before it ("nearly", "up to", "as much as"), else `start`. */
  qualifierStart: number;
  /** Null when the text gives no single number ("dozens", "20-25%", a 7-2 vote). */
  value: number | null;
  /** ISO currency, "%", "ratio", "years" (ages), "score", "votes"; null for counts until their noun is found. */
  unit: string | null;
  /** True for "dozens of", "thousands of": the counted noun follows "of". */
  vague: boolean;
}

const SCALE_WORD = '(?:million|billion|trillion|thousand|bn|mn|mln|m|k|tn|trn)';
const QUALIFIER_RE =
  /(?:\b(?:nearly|almost|about|around|roughly|approximately|some|over|under|more than|less than|fewer than|at least|at most|up to|as much as|as many as|as little as|close to|just over|just under|an estimated|a maximum of|a minimum of|only|just)\s+)$/i;
const FIGURE_PATTERNS: Array<{ kind: QuantityKind; re: RegExp }> = [
  {
    kind: 'money',
    re: new RegExp(
      `(?<![\\w$])(${CURRENCY_SYMBOLS_PATTERN})\\s?(${DIGITS_PATTERN})(?:\\s?(${SCALE_WORD})\\b)?(?:\\s?-\\s?(${DIGITS_PATTERN})(?:\\s?(${SCALE_WORD})\\b)?)?`,
      'g',
    ),
  },
  {
    kind: 'money',
    re: new RegExp(
      `\\b(${DIGITS_PATTERN}|${NUMBER_WORDS_PATTERN}|an?)(?:\\s?(${SCALE_WORD}))?\\s+(${CURRENCY_WORDS_PATTERN})\\b`,
      'gi',
    ),
  },
  {
    kind: 'percent',
    re: new RegExp(
      `(?<![\\w.])(${DIGITS_PATTERN}|${NUMBER_WORDS_PATTERN})(?:\\s?(?:-|to)\\s?(${DIGITS_PATTERN}|${NUMBER_WORDS_PATTERN}))?\\s?(%|\\s?per\\s?cent\\b|\\s?percent\\b|\\s?percentage points?\\b)`,
      'gi',
    ),
  },
  {
    kind: 'ratio',
    re: new RegExp(
      `\\b(${DIGITS_PATTERN}|${NUMBER_WORDS_PATTERN})\\s+(?:out\\s+of|in)\\s+(?:every\\s+)?(${DIGITS_PATTERN}|${NUMBER_WORDS_PATTERN})\\b|\\b(half|one[- ]half|a third|one[- ]third|two[- ]thirds|a quarter|one[- ]quarter|three[- ]quarters|a fifth|one[- ]fifth)(?=\\s+of\\b)`,
      'gi',
    ),
  },
  { kind: 'score', re: /(?<![\w.,$£€%/-])(\d{1,3})-(\d{1,3})(?![\w%/]|-\w|\s?(?:per\s?cent|percent))/g },
  {
    kind: 'age',
    re: new RegExp(
      `(?<=[A-Z][\\w'.-]+,\\s)(\\d{1,3})(?=,)|\\b(\\d{1,3}|${NUMBER_WORDS_PATTERN})[- ]years?-old\\b|(?<=\\b(?:aged|age)\\s)(\\d{1,3})\\b|(?<=\\b(?:[Hh]e|[Ss]he)\\s(?:was|is)\\s)(\\d{1,3})(?=\\.?\\s*$)`,
      'g',
    ),
  },
  {
    kind: 'count',
    re: /\b(dozens|scores|hundreds|thousands|millions|billions|tens of thousands|hundreds of thousands|tens of millions|hundreds of millions)(?=\s+of\b)/gi,
  },
  {
    kind: 'count',
    re: new RegExp(
      `(?<![\\w$£€.,:/-])(${DIGITS_PATTERN}(?:\\s?(?:million|billion|trillion|bn|m|k)\\b)?|(?:an?\\s+)?(?:${NUMBER_WORDS_PATTERN}))(?![\\w%]|[.,:/]\\d|\\s?(?:am|pm)\\b|\\s\\d)`,
      'gi',
    ),
  },
];

const RATIO_WORDS: Record<string, number> = {
  half: 1 / 2,
  'one half': 1 / 2,
  'a third': 1 / 3,
  'one third': 1 / 3,
  'two thirds': 2 / 3,
  'a quarter': 1 / 4,
  'one quarter': 1 / 4,
  'three quarters': 3 / 4,
  'a fifth': 1 / 5,
  'one fifth': 1 / 5,
};

/**
 * True for numbers that name rather than count: "Section 8", "Boeing 747" (a capitalised word before the
 * number, not at the start of the sentence), and "the two sides" (a small spelled-out number after "the").
 */
function isLabelNumber(before: string, written: string, value: number | null): boolean {
  const capitalised = /(\S*)\s+([A-Z][A-Za-z]+)\s$/.exec(before);
  if (capitalised?.[1] && !/[.!?"]$/.test(capitalised[1]) && /^\d/.test(written)) return true;
  return /\b(?:the|these|those)\s$/i.test(before) && /^[a-z]/i.test(written) && (value ?? 0) <= 2;
}

/** Reads "$4.25bn", "1.5 billion", "a million", "twenty-five" as a number. */
function amountOf(number: string, scale: string | undefined): number | null {
  const base = /^an?$/i.test(number.trim()) ? 1 : parseQuantity(number.replace(/^an?\s+/i, 'one '));
  return base === null ? null : base * scaleOf(scale);
}

/**
 * The money amounts, percentages, ratios, scores, ages and counts of a sentence, skipping spans already taken
 * (date phrases: "May 4" and "2011" are not figures). Pass the normalised sentence (`Sentence.norm`).
 */
export function findQuantities(norm: string, taken: ReadonlyArray<readonly [number, number]>): Quantity[] {
  const claimed: Array<readonly [number, number]> = [...taken];
  const free = (s: number, e: number): boolean => !claimed.some(([a, b]) => s < b && e > a);
  const out: Quantity[] = [];
  for (const { kind, re } of FIGURE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(norm); m; m = re.exec(norm)) {
      const start = m.index;
      const end = m.index + m[0].length;
      if (!free(start, end)) continue;
      const q = readQuantity(kind, m, norm);
      if (!q) continue;
      const before = norm.slice(Math.max(0, start - 30), start);
      if (kind === 'count' && !q.vague && isLabelNumber(before, m[0], q.value)) continue;
      claimed.push([start, end]);
      let qualifier = QUALIFIER_RE.exec(before);
      // "added up to $75 million" is the verb "add up to", not the limit "up to".
      if (
        qualifier &&
        /^up to/i.test(qualifier[0]) &&
        /\badd(?:s|ed|ing)?\s+$/i.test(before.slice(0, qualifier.index))
      ) {
        qualifier = null;
      }
      out.push({ ...q, start, end, qualifierStart: qualifier ? start - qualifier[0].length : start });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function readQuantity(
  kind: QuantityKind,
  m: RegExpExecArray,
  norm: string,
): Pick<Quantity, 'kind' | 'value' | 'unit' | 'vague'> | null {
  const [whole, g1 = '', g2, g3, g4] = m;
  switch (kind) {
    case 'money': {
      if (currencyOfSymbol(g1)) {
        // "$4m-$6m" style ranges keep no single value.
        const value = g4 ? null : amountOf(g2 ?? '', g3);
        return { kind, value, unit: currencyOfSymbol(g1), vague: false };
      }
      const code = currencyOfWord(g3 ?? '');
      if (!code) return null;
      const amount = amountOf(g1, g2);
      return {
        kind,
        value: amount === null ? null : amount * currencyWordFactor(g3 ?? ''),
        unit: code,
        vague: false,
      };
    }
    case 'percent':
      return { kind, value: g2 ? null : parseQuantity(g1), unit: '%', vague: false };
    case 'ratio': {
      if (g3)
        return {
          kind,
          value: RATIO_WORDS[g3.toLowerCase().replace('-', ' ')] ?? null,
          unit: 'ratio',
          vague: false,
        };
      const part = parseQuantity(g1);
      const total = parseQuantity(g2 ?? '');
      if (part === null || total === null || total <= part || total === 0) return null;
      return { kind, value: part / total, unit: 'ratio', vague: false };
    }
    case 'score': {
      const votes =
        /\b(?:vot\w*|ballot\w*|margin|majority|approved|rejected|passed)\W+(?:\w+\W+){0,2}$/i.test(
          norm.slice(Math.max(0, m.index - 30), m.index),
        );
      return { kind, value: null, unit: votes ? 'votes' : 'score', vague: false };
    }
    case 'age': {
      const value = parseQuantity(g1 || g2 || g3 || g4 || '');
      if (value === null || value < 1 || value > 120) return null;
      return { kind, value, unit: 'years', vague: false };
    }
    case 'count': {
      if (/^(dozens|scores|hundreds|thousands|millions|billions|tens of|hundreds of)/i.test(whole)) {
        return { kind, value: null, unit: null, vague: true };
      }
      const scale = /\s?(million|billion|trillion|bn|m|k)$/i.exec(whole)?.[1];
      const digits = /^[\d.,]+/.test(whole);
      const value = digits
        ? amountOf(whole.replace(/\s?(million|billion|trillion|bn|m|k)$/i, ''), scale)
        : amountOf(whole, undefined);
      if (value === null) return null;
      // "one" is a pronoun far more often than a count; a bare four-digit number is a year, not a count.
      if (!digits && value === 1) return null;
      if (/^(1[89]|20)\d\d$/.test(whole)) return null;
      return { kind, value, unit: null, vague: false };
    }
  }
}
