/**
 * Web furniture: the phrases news sites wrap around an article (navigation, sign-in, subscription and
 * newsletter offers, prices, cookie notices, share buttons, related-story labels, footers), photo-credit
 * patterns of captions, bylines and date lines. General English web phrases only: nothing here is specific to
 * one site or one article.
 */

interface FurnitureRule {
  re: RegExp;
  reason: string;
  /** 2: a call to action or label that news prose does not use; 1: a word news prose sometimes uses. */
  weight: 1 | 2;
}

/** Clause starts: an imperative at the start of a line or after a sentence end, a "?", a colon or a bar. */
const START = String.raw`(?:^|[.?!:|•·]\s*)`;

const rule = (re: RegExp, reason: string, weight: 1 | 2): FurnitureRule => ({ re, reason, weight });

const NAV = 'site navigation';
const SIGN_IN = 'sign-in prompt';
const OFFER = 'subscription offer';
const NEWSLETTER = 'newsletter sign-up';
const PRICE = 'price';
const COOKIE = 'cookie notice';
const SHARE = 'social sharing buttons';
const AD = 'advertisement';
const RELATED = 'related-stories label';
const FOOTER = 'site footer';
/** Reader comments come after the article and nothing of it follows them. */
export const COMMENTS = 'comments section';
const APP = 'app download prompt';
const CREDITS = 'reporting credits';
const CONTACT = 'author contact';

/** Notes about the article itself (who wrote it, how to reach them): they do not mark where the body ends. */
export const ARTICLE_NOTES: ReadonlySet<string> = new Set([CREDITS, CONTACT]);

const RULES: readonly FurnitureRule[] = [
  rule(
    /\bskip to (?:the )?(?:main )?(?:content|navigation|article)\b|\bjump to (?:main )?content\b/i,
    NAV,
    2,
  ),
  rule(
    /^(?:main menu|menu|navigation|home|home page|search|back to top|go to top|toggle navigation|open menu|close menu|close|sections?|all sections|more|breadcrumbs?|you are here:?|next|previous|prev|next article|previous article)$/i,
    NAV,
    2,
  ),
  rule(new RegExp(`${START}(?:sign|log)[ -]?(?:in|out)\\b`, 'i'), SIGN_IN, 2),
  rule(/\balready (?:a |an )?(?:member|subscriber|registered)\b|\balready have an account\b/i, SIGN_IN, 2),
  rule(/\b(?:create|register) (?:an? |your |a free )?account\b|\bforgot (?:your )?password\b/i, SIGN_IN, 2),
  rule(/\bregister (?:now|for free|here|today)\b/i, SIGN_IN, 2),
  rule(new RegExp(`${START}subscribe\\b`, 'i'), OFFER, 2),
  rule(/\bsubscribe\b/i, OFFER, 1),
  rule(/\bsubscriptions?\b/i, OFFER, 1),
  rule(/\bsubscriber[- ](?:only|exclusive)\b|\bfor (?:paying )?subscribers only\b/i, OFFER, 2),
  rule(/\bmembership\b/i, OFFER, 1),
  rule(/\bbecome (?:an? )?(?:member|subscriber|supporter|patron)\b/i, OFFER, 2),
  rule(/\bfree[- ]trial\b/i, OFFER, 2),
  rule(/\b(?:try|start|get)\b[^.]{0,30}\bfor free\b/i, OFFER, 1),
  rule(/\bcancel (?:at )?any ?time\b/i, OFFER, 2),
  rule(/\bpremium\b/i, OFFER, 1),
  rule(
    /\bunlimited (?:digital )?access\b|\bunlock (?:this|the full|full|all|unlimited|exclusive)\b/i,
    OFFER,
    2,
  ),
  rule(/\bsupport (?:our|independent|quality|local) (?:journalism|reporting|newsroom)\b/i, OFFER, 2),
  rule(new RegExp(`${START}join (?:us|now|today|for free|the conversation)\\b`, 'i'), OFFER, 2),
  // An imperative "Join" opening a block is an invitation; news paragraphs do not open that way.
  rule(/^join\b/i, OFFER, 2),
  rule(new RegExp(`${START}join\\b`, 'i'), OFFER, 1),
  rule(
    /\bjoin (?:hundreds|thousands|millions|over \d|more than \d|nearly \d|almost \d|\d[\d,.]*\+?)/i,
    OFFER,
    2,
  ),
  rule(
    /\b(?:start|get|claim|begin) (?:your|a|the|my) [\w -]{0,24}(?:membership|subscription|trial|offer|discount)\b/i,
    OFFER,
    2,
  ),
  rule(/\bpaywall\b|\bdigital (?:access|subscription|edition)\b/i, OFFER, 1),
  rule(/\bnewsletters?\b/i, NEWSLETTER, 1),
  rule(/\b(?:in|to|into) your inbox\b|\bstraight to your (?:phone|inbox)\b/i, NEWSLETTER, 2),
  rule(/\bsign up\b/i, NEWSLETTER, 1),
  rule(new RegExp(`${START}sign[ -]?up\\b`, 'i'), NEWSLETTER, 2),
  rule(/\benter your e-?mail\b|\byour e-?mail address\b|\be-?mail address\b/i, NEWSLETTER, 2),
  rule(
    /[$€£¥]\s?\d[\d,]*(?:\.\d+)?\s*(?:\/|per|a|an|every)\s*(?:month|mo|year|yr|week|wk|day|issue)\b/i,
    PRICE,
    2,
  ),
  rule(/^\s*(?:only |just |from )?[$€£¥]\s?\d[\d,]*(?:\.\d+)?\s*$/i, PRICE, 2),
  rule(/\bper (?:month|year|week)\b|\/\s*(?:month|mo|year|yr)\b/i, PRICE, 1),
  rule(/\bbilled (?:annually|monthly|yearly|weekly|quarterly)\b/i, PRICE, 2),
  rule(/\b\d{1,2}% off\b|\bsave \d{1,2}%|\bonly [$€£¥]\d/i, PRICE, 1),
  rule(/\bcookies?\b/i, COOKIE, 1),
  rule(
    /\b(?:we|this (?:site|website)) uses? cookies\b|\baccept (?:all|all cookies|cookies)\b|\bmanage (?:cookies|preferences|consent|settings)\b/i,
    COOKIE,
    2,
  ),
  rule(/\bprivacy (?:policy|settings|notice|centre|center)\b/i, COOKIE, 1),
  rule(/\bwe value your privacy\b|\b(?:we and )?our (?:\d+ )?partners (?:use|store|process)\b/i, COOKIE, 2),
  rule(
    /^(?:(?:share|share this|share this (?:article|story|page)|share on|tweet|e-?mail|print|copy (?:the )?link|facebook|twitter|linkedin|whatsapp|telegram|reddit|pinterest|flipboard|messenger|x|save|bookmark|gift (?:this )?article)[\s|,•·/:-]*)+$/i,
    SHARE,
    2,
  ),
  rule(
    /\bshare (?:this|on|via) (?:article|story|page|facebook|twitter|x|email|whatsapp)\b|\bfollow us\b/i,
    SHARE,
    2,
  ),
  rule(
    /^(?:advertisement|advert|ad|ads|sponsored|sponsored content|promoted|paid content|paid post|partner content|supported by)$/i,
    AD,
    2,
  ),
  rule(/\bstory continues below\b|\bcontinue reading (?:below|the main story)\b|\badvertisement\b/i, AD, 2),
  rule(
    /^(?:related|related (?:stories|articles|content|coverage|topics|links|reading|news|posts)|read more|read next|more (?:from|on|in|stories|news|coverage)\b.*|recommended|recommended for you|you (?:may|might) also (?:like|be interested in)|most (?:read|popular|viewed|shared|watched)|trending|trending now|top stories|editor['’]s picks|further reading|see also|also read|up next|latest|latest news|more stories|in other news|don['’]t miss)\s*:?$/i,
    RELATED,
    2,
  ),
  rule(/^(?:read more|related|see also|also read|read next|more|watch|listen)\s*[:|»>]/i, RELATED, 2),
  rule(/©|\ball rights reserved\b/i, FOOTER, 2),
  rule(/\bterms (?:of|and) (?:use|service|conditions)\b/i, FOOTER, 2),
  rule(/\b(?:contact|about) us\b|\bsite ?map\b/i, FOOTER, 1),
  rule(/^(?:powered|presented|brought to you) by\b/i, AD, 2),
  rule(
    /^(?:\d+\s+comments?|comments?|comments? \(\d+\)|(?:leave|post|add|view|show|read|write|join) (?:a |all |the )?(?:comments?|conversation|discussion).*)$/i,
    COMMENTS,
    2,
  ),
  rule(/^\d+\s*(?:min|mins|minute|minutes)(?: read)?$|\b\d+\s*(?:min|minute) read\b/i, NAV, 2),
  rule(/\blisten to (?:this )?(?:article|story)\b|^(?:listen|watch)(?: now| live| video)?$/i, NAV, 2),
  rule(/\bdownload (?:our|the) app\b|\bget the app\b/i, APP, 2),
  rule(/\bapp store\b|\bgoogle play\b/i, APP, 1),
  rule(/^(?:additional )?(?:reporting|writing|editing|edited|compiled|produced) by\b/i, CREDITS, 2),
  rule(
    /\bappears in print\b|\bin the print edition\b|\border reprints\b|\btoday['’]s paper\b/i,
    'print edition note',
    2,
  ),
  rule(/\bclick here\b|\btap here\b/i, NAV, 1),
  rule(
    /^(?:e-?mail(?: me)?:?\s*)?[\w.+-]+@[\w-]+\.[\w.]+$|^(?:follow (?:me|us|\w+) on \w+:?\s*)?@\w{2,}$/i,
    'author contact',
    2,
  ),
];

/** Counts words (letters or digits, with inner apostrophes). */
export function countWords(text: string): number {
  return text.match(WORD_RE)?.length ?? 0;
}

export const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/**
 * Why a block looks like web furniture, or null. Short blocks need one telling phrase; longer ones need a
 * call to action plus another furniture phrase, so that news prose which merely mentions subscribers or a
 * price is kept.
 */
export function detectFurniture(text: string): string | null {
  const words = countWords(text);
  const hits = RULES.filter((r) => r.re.test(text));
  const best = hits.find((r) => r.weight === 2) ?? hits[0];
  if (!best) return null;
  if (words <= 12) {
    // A short sentence that merely uses one common word ("The union sent a newsletter.") stays.
    const sentence = words >= 6 && /[.!?]["'”’)]*$/.test(text);
    return sentence && hits.length === 1 && best.weight === 1 ? null : best.reason;
  }
  // Longer blocks read as prose: keep them unless a call to action comes with other furniture. A price alone
  // is news ("a premium plan at $22.99 a month"), not an offer.
  const total = hits.reduce((sum, r) => sum + r.weight, 0);
  const callToAction = hits.some((r) => r.weight === 2 && r.reason !== PRICE);
  const enough = words <= 30 ? 2 : 3;
  return callToAction && hits.length >= 2 && total >= enough ? best.reason : null;
}

const CREDIT_RES: readonly RegExp[] = [
  /\((?:photo|photograph|picture|image|pic|video|illustration|graphic|credit)s?(?:\s+by|\s*:|\s+credit)/i,
  /\b(?:photo|photograph|picture|image|illustration)(?:\s+credit)?\s*:\s*\S/i,
  /\b(?:photo|image) (?:credit|courtesy)\b/i,
  /\bcredit\s*:\s*\S/i,
  /\bGetty Images\b|\bAP Photo\b|\bShutterstock\b|\bAlamy\b|\bPA (?:Wire|Media|Images)\b|\bEPA-EFE\b/,
  /[/|]\s*(?:AFP|Reuters|REUTERS|AP|EPA|Getty|Bloomberg|Xinhua|Anadolu)\b/,
  /\b(?:AFP|REUTERS|EPA|AP)\s*\/\s*\S/,
  /\(\s*(?:AFP|Reuters|AP|EPA|Getty|Bloomberg|Xinhua)[^()]*\)\s*$/,
  /\bimage (?:caption|copyright)\b|\bmedia caption\b/i,
  /^(?:FILE PHOTO|FILE|PHOTO|IN PICTURES)\s*[-–—:]\s/,
];

/** Whether a block carries a photo credit or caption marker, as photo captions do. */
export function isCaptionLike(text: string): boolean {
  return CREDIT_RES.some((re) => re.test(text));
}

const NAME_WORD = /^(?:\p{Lu}[\p{L}.'’-]*|de|del|der|van|von|al|el|bin|ben|da|di|du|le|la|dos|and|&)$/u;

/** The author named by a byline line ("By Jane Doe", "By Jane Doe and John Roe, Reuters"), or null. */
export function parseByline(text: string): string | null {
  const m = /^by[:\s]\s*(.+)$/i.exec(text.trim());
  if (!m?.[1]) return null;
  // "By Christmas, most shops had closed." is a sentence, not a byline.
  if (/[!?]$|\p{Ll}{2,}\.$/u.test(m[1].trim())) return null;
  const name = m[1].replace(/[\s|•·,;-]+$/, '').trim();
  const parts = name.split(/\s*[,|•·]\s*/);
  const first = parts[0] ?? '';
  const words = first.split(/\s+/);
  if (words.length < 1 || words.length > 8) return null;
  if (!words.every((w) => NAME_WORD.test(w))) return null;
  if (countWords(name) > 14) return null;
  return name;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const MONTH_RE =
  /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\b/i;
const DATE_FILLER =
  /\b(?:published|updated|posted|last|first|modified|on|at|am|pm|a\.m|p\.m|gmt|utc|bst|cet|cest|est|edt|cst|cdt|pst|pdt|et|pt|ist|jst|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|ago|hours?|hrs?|minutes?|mins?|days?|weeks?|today|yesterday|the|of|and|local|time|date)\b\.?/gi;

/**
 * Reads a line that is only a date or time stamp ("Published October 5, 2020", "Updated 10:32 GMT,
 * 5 Oct 2020", "2020-10-05"). Returns the ISO day when the line gives day, month and year, an empty
 * string when it is a stamp without a full date, and null when the line is not a date line.
 */
export function parseDateline(text: string): string | null {
  if (countWords(text) > 14) return null;
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  const month = MONTH_RE.exec(text);
  const relative = /\bago\b/i.test(text);
  // 2/26/2015 or 26.02.2015: a stamp, but day and month order differ by country, so no ISO day from it.
  const numeric = /\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b/.test(text);
  const clock = /\b\d{1,2}:\d{2}\b/.test(text);
  if (!iso && !month && !relative && !numeric && !clock) return null;
  // A stamp often carries the byline: "2/26/2015 7:11 AM BY STAFF".
  const rest = text
    .replace(/\bby\b.*$/i, ' ')
    .replace(MONTH_RE, ' ')
    .replace(DATE_FILLER, ' ')
    .replace(/\d{4}-\d{2}-\d{2}(?:T[\d:.+-]+Z?)?/g, ' ')
    .replace(/[\d:./,|–—()-]+/g, ' ')
    .trim();
  // "Newsdesk (London) First published ...": a stamp word allows a short place or outlet name.
  const allowed = /\b(?:published|updated|posted)\b/i.test(text) ? 4 : 0;
  if (countWords(rest) > allowed) return null;
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  if (!month?.[1]) return '';
  const monthIndex = MONTHS.indexOf(month[1].slice(0, 3).toLowerCase() as (typeof MONTHS)[number]);
  const year = /\b(1[89]\d{2}|2\d{3})\b/.exec(text)?.[1];
  const after = new RegExp(`${month[0].replace('.', '\\.')}\\s*(\\d{1,2})\\b(?!:)`, 'i').exec(text)?.[1];
  const before = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${month[0].replace('.', '\\.')}`, 'i').exec(
    text,
  )?.[1];
  const day = after ?? before;
  if (!year || !day || monthIndex < 0) return '';
  const mm = String(monthIndex + 1).padStart(2, '0');
  const dd = day.padStart(2, '0');
  return `${year}-${mm}-${dd}`;
}
