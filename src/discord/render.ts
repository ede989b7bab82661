/**
 * Engine values -> Discord replies. Each renderer shows the same content as the engine's `--json` output:
 * the short answer first, the quote as a block quote with its `[¶n]` marker, the article in the footer, a
 * "Show ¶n" button per cited paragraph, and Previous/Next paging for long lists. Article and user text is
 * escaped everywhere.
 */
import type { APIEmbed } from 'discord.js';
import type { Article } from '../corpus/types.ts';
import type {
  Answer,
  ArticlesResult,
  Citation,
  ClaimItem,
  ClaimsResult,
  FigureItem,
  FiguresResult,
  Summary,
  WhenItem,
  WhenResult,
  WhoItem,
  WhoResult,
} from '../schema.ts';
import { defuseMentions, escapeText, truncateText } from './escape.ts';
import {
  type ArticleRef,
  articleFooter,
  articleLabel,
  articleUrl,
  type Block,
  citationMarker,
  citationMarkers,
  EMBED_COLOR,
  fitPayload,
  LIMITS,
  paragraphButtons,
  quoteLine,
  type ReplyPayload,
  renderList,
  renderNotice,
} from './layout.ts';
import type { Profile } from './profile.ts';
import type { ScheduleStatus } from './schedule/service.ts';

export { renderNotice };

/** Where a list is shown: the corpus's articles, which of them the list covers, and the page. */
export interface ListView {
  articles: readonly ArticleRef[];
  /** Article ids the list was drawn from (all of them, or the one picked with `article`). */
  scope: readonly string[];
  page: number;
  pageId?: ((page: number) => string) | undefined;
  /** The `about`/`speaker`/`name` filter the user typed, if any (shown in the title). */
  filter?: string | undefined;
  ephemeral?: boolean;
}

const ASK_QUOTE_MAX = 1000;
const KIND_LABEL: Record<WhoItem['kind'], string> = {
  person: 'person',
  organization: 'organisation',
  place: 'place',
};

/** The renderer's view of the corpus's articles. */
export function toArticleRefs(articles: readonly Article[]): ArticleRef[] {
  return articles.map((a) => ({
    id: a.id,
    title: a.title,
    url: a.meta.url ?? null,
    source: a.meta.source ?? null,
    published: a.meta.published ?? null,
  }));
}

function titled(base: string, view: ListView): string {
  return view.filter ? `${base} — “${escapeText(view.filter)}”` : base;
}

function itemBlock(head: string, citations: readonly Citation[], articles: readonly ArticleRef[]): Block {
  const [first, ...rest] = citations;
  if (!first) return { text: head, citations };
  // The quote carries its own marker; further citations are listed on the head line.
  const firstMarker = citationMarker(first, articles);
  const others = [...new Set(rest.map((c) => citationMarker(c, articles)))].filter((m) => m !== firstMarker);
  const line = others.length > 0 ? `${head} · also ${others.join(' ')}` : head;
  return { text: `${line}\n${quoteLine(first, articles)}`, citations };
}

const IRREGULAR_PAST: Record<string, string> = {
  say: 'said',
  tell: 'told',
  write: 'wrote',
  speak: 'spoke',
  think: 'thought',
  hold: 'held',
  give: 'gave',
  find: 'found',
  feel: 'felt',
  know: 'knew',
  see: 'saw',
  insist: 'insisted',
  admit: 'admitted',
  commit: 'committed',
  submit: 'submitted',
  regret: 'regretted',
  refer: 'referred',
  rebut: 'rebutted',
  forbid: 'forbade',
  foresee: 'foresaw',
  put: 'put',
  read: 'read',
  set: 'set',
  quit: 'quit',
};

const PAST_FORMS = new Set(Object.values(IRREGULAR_PAST));

/** A reporting verb in the past tense ("tell" -> "told", "claim" -> "claimed"); other forms are kept. */
export function reportingVerb(verb: string): string {
  const v = verb.trim().toLowerCase();
  if (!v) return 'said';
  if (!/^[a-z]+$/.test(v)) return verb.trim();
  if (IRREGULAR_PAST[v]) return IRREGULAR_PAST[v];
  if (PAST_FORMS.has(v)) return v;
  if (/(ed|ing|s)$/.test(v) && !/(ss|us|is)$/.test(v)) return v;
  if (v.endsWith('e')) return `${v}d`;
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ied`;
  return `${v}ed`;
}

/** `/who` without a name: the cast, each with roles and a cited mention. */
export function renderWho(result: WhoResult, view: ListView): ReplyPayload {
  const blocks = result.items.map((item) => {
    const roles = item.roles.length > 0 ? ` — ${item.roles.map(escapeText).join('; ')}` : '';
    const aka = item.aliases.length > 0 ? ` (also ${item.aliases.map(escapeText).join(', ')})` : '';
    const head = `**${escapeText(item.name)}** · ${KIND_LABEL[item.kind]}${roles}${aka}`;
    return itemBlock(head, item.citations, view.articles);
  });
  const count = result.items.length;
  return renderList({
    ...view,
    title: titled(`Who's who · ${count} ${count === 1 ? 'name' : 'names'}`, view),
    blocks,
    empty: view.filter
      ? 'Nobody by that name appears in the article.'
      : 'The article names no people or organisations.',
  });
}

/** `/who name`: roles, what they said, the dated events they appear in, and the quotes that mention them. */
export function renderProfile(profile: Profile, view: ListView): ReplyPayload {
  const { entity, claims, events } = profile;
  const roles = entity.roles.length > 0 ? entity.roles.map(escapeText).join('; ') : 'no role given';
  const aka = entity.aliases.length > 0 ? ` · also ${entity.aliases.map(escapeText).join(', ')}` : '';
  const intro = `${KIND_LABEL[entity.kind]} · ${roles}${aka} · mentioned ${entity.mentions} ${entity.mentions === 1 ? 'time' : 'times'}`;
  const section = (title: string, blocks: Block[]): Block[] =>
    blocks.map((b, i) => (i === 0 ? { ...b, text: `__${title}__\n${b.text}` } : b));
  const shown = new Set<string>();
  const note = (cs: readonly Citation[]) => {
    for (const c of cs) shown.add(`${c.article}\u0000${c.paragraph}\u0000${c.quote}`);
  };
  const said = claims.map((c) => {
    note(c.citations);
    return claimBlock(c, view.articles, false);
  });
  const dated = events.map((e) => {
    note(e.citations);
    return eventBlock(e, view.articles);
  });
  const quotes = entity.citations
    .filter((c) => !shown.has(`${c.article}\u0000${c.paragraph}\u0000${c.quote}`))
    .map((c) => ({ text: quoteLine(c, view.articles), citations: [c] }));
  return renderList({
    ...view,
    title: escapeText(entity.name),
    intro,
    blocks: [
      ...section('What they said', said),
      ...section('Dated events', dated),
      ...section('Mentions', quotes),
    ],
    empty: 'The article says nothing more about them.',
  });
}

/** `/who name` when nobody matches: the closest names, if any. */
export function renderNoProfile(name: string, suggestions: readonly string[]): ReplyPayload {
  const tail =
    suggestions.length > 0
      ? ` Did you mean ${suggestions.map((s) => `**${escapeText(s)}**`).join(', ')}?`
      : ' Try /who without a name for the full list.';
  return renderNotice(`The article doesn't mention “${escapeText(truncateText(name, 100))}”.${tail}`);
}

function eventBlock(item: WhenItem, articles: readonly ArticleRef[]): Block {
  const when = item.date ?? item.label;
  const label = item.date && item.label && item.label !== item.date ? ` (“${escapeText(item.label)}”)` : '';
  const inferred = item.inferred ? ' _inferred_' : '';
  const event = item.event && item.event !== item.citations[0]?.quote ? ` — ${escapeText(item.event)}` : '';
  return itemBlock(`**${escapeText(when)}**${label}${inferred}${event}`, item.citations, articles);
}

/** Dated items first in date order (undated keep their reading order, after them); the sort is stable. */
export function sortTimeline(items: readonly WhenItem[]): WhenItem[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => {
      if (a.item.date === null || b.item.date === null) {
        if (a.item.date === b.item.date) return a.i - b.i;
        return a.item.date === null ? 1 : -1;
      }
      return a.item.date < b.item.date ? -1 : a.item.date > b.item.date ? 1 : a.i - b.i;
    })
    .map(({ item }) => item);
}

/** `/when`: the timeline in date order, inferred dates marked, each event cited. */
export function renderWhen(result: WhenResult, view: ListView): ReplyPayload {
  const items = sortTimeline(result.items);
  const inferred = items.some((i) => i.inferred)
    ? '_inferred_: the date depends on a publication date worked out from the text.'
    : undefined;
  return renderList({
    ...view,
    title: titled(`Timeline · ${items.length} ${items.length === 1 ? 'date' : 'dates'}`, view),
    ...(inferred ? { intro: inferred } : {}),
    blocks: items.map((i) => eventBlock(i, view.articles)),
    empty: view.filter ? 'No dated event matches that.' : 'The article gives no dates.',
  });
}

function claimBlock(c: ClaimItem, articles: readonly ArticleRef[], withSpeaker = true): Block {
  const who = withSpeaker ? `**${escapeText(c.speaker)}** ` : '';
  const hedged = c.hedged ? ' · ⚠ _hedged_' : '';
  const date = c.date ? ` · ${escapeText(c.date)}` : '';
  const verb = escapeText(reportingVerb(c.verb));
  return itemBlock(`${who}${verb}: ${escapeText(c.claim)}${hedged}${date}`, c.citations, articles);
}

/** `/claims`: who claimed what, hedged claims marked, each with its quote. */
export function renderClaims(result: ClaimsResult, view: ListView): ReplyPayload {
  const hedged = result.items.some((c) => c.hedged)
    ? '⚠ _hedged_: the article reports it with a qualifier (allegedly, reportedly, unconfirmed…).'
    : undefined;
  return renderList({
    ...view,
    title: titled(`Claims · ${result.items.length}`, view),
    ...(hedged ? { intro: hedged } : {}),
    blocks: result.items.map((c) => claimBlock(c, view.articles)),
    empty: view.filter ? 'Nobody by that name is quoted making a claim.' : 'The article reports no claims.',
  });
}

function figureBlock(f: FigureItem, articles: readonly ArticleRef[]): Block {
  const measures = f.measures ? ` — ${escapeText(f.measures)}` : '';
  const period = f.period ? ` · ${escapeText(f.period)}` : '';
  return itemBlock(`**${escapeText(f.display)}**${measures}${period}`, f.citations, articles);
}

/** `/figures`: the numbers with what they measure and their period, each cited. */
export function renderFigures(result: FiguresResult, view: ListView): ReplyPayload {
  return renderList({
    ...view,
    title: titled(`Figures · ${result.items.length}`, view),
    blocks: result.items.map((f) => figureBlock(f, view.articles)),
    empty: view.filter ? 'No figure matches that.' : 'The article gives no figures.',
  });
}

/** `/ask` and mentions: the short answer, the cited excerpt; or "the article doesn't say" and the nearest passages. */
export function renderAnswer(
  answer: Answer,
  opts: { question: string; articles: readonly ArticleRef[]; ephemeral?: boolean },
): ReplyPayload {
  const { articles } = opts;
  const quotes = answer.citations.slice(0, 3);
  const lines: string[] = [];
  if (answer.found && answer.answer) {
    const first = quotes[0];
    const sameAsQuote = first !== undefined && answer.answer.trim() === first.quote.trim();
    if (!sameAsQuote) lines.push(`**${escapeText(answer.answer)}**`);
    if (answer.confidence < 0.35) lines.push('_Not certain: check the quoted passage._');
  } else {
    lines.push("**The article doesn't say.**");
    if (quotes.length > 0) lines.push(quotes.length === 1 ? 'The nearest passage:' : 'The nearest passages:');
    else lines.push('Nothing in it comes close. /about lists what is indexed.');
  }
  for (const c of quotes) lines.push(quoteLine(c, articles, ASK_QUOTE_MAX));
  const cited = [...new Set(quotes.map((c) => c.article))];
  const embed: APIEmbed = {
    color: EMBED_COLOR,
    // Author names show no markdown, so only mentions need defusing.
    author: {
      name: truncateText(`Q: ${defuseMentions(opts.question.replace(/\s+/g, ' ').trim())}`, LIMITS.author),
    },
    description: lines.join('\n\n'),
  };
  const url = articleUrl(cited, articles);
  if (url) embed.url = url;
  const footer = articleFooter(cited, articles);
  if (footer) embed.footer = { text: footer };
  return fitPayload({
    embeds: [embed],
    components: paragraphButtons(quotes, articles),
    ephemeral: opts.ephemeral ?? false,
  });
}

/** `/summary` and the daily post: the summary's points, each with its markers. */
export function renderSummary(summary: Summary, view: ListView): ReplyPayload {
  return renderList({
    ...view,
    title: summary.title ? `Summary · ${escapeText(summary.title)}` : 'Summary',
    blocks: summary.points.map((p) => ({
      text: `• ${escapeText(p.text)} ${citationMarkers(p.citations, view.articles)}`.trimEnd(),
      citations: p.citations,
    })),
    empty: "There's nothing to summarise yet.",
  });
}

/** `/about`: the articles indexed and how to read a citation. */
export function renderAbout(result: ArticlesResult, view: ListView): ReplyPayload {
  const several = view.articles.length > 1;
  const intro = [
    'Citations look like **[¶7]**: paragraph 7 of the article as factdesk numbers its kept paragraphs (`factdesk article <id>` prints them).',
    several ? 'With several articles, a letter says which one: **[B ¶7]**.' : '',
    'Press **Show ¶7** under a reply to read the whole paragraph.',
  ]
    .filter(Boolean)
    .join(' ');
  const blocks = result.articles.map((a) => {
    const label = articleLabel(a.id, view.articles);
    const url = articleUrl([a.id], view.articles);
    const title = escapeText(a.title || a.id);
    const head = `**${label ? `${label} · ` : ''}${url ? `[${title}](${url})` : title}**`;
    const facts = [
      a.source ? escapeText(a.source) : null,
      a.published ? `published ${escapeText(a.published)}` : null,
      `${a.paragraphs.length} ${a.paragraphs.length === 1 ? 'paragraph' : 'paragraphs'}`,
      `id \`${a.id.replace(/`/g, "'")}\``,
    ].filter(Boolean);
    return { text: `${head}\n${facts.join(' · ')}`, citations: [] };
  });
  return renderList({
    ...view,
    // The list itself names the articles; a footer would repeat every title.
    scope: view.articles.length === 1 ? view.scope : [],
    title: `${result.articles.length} ${result.articles.length === 1 ? 'article' : 'articles'} indexed`,
    intro,
    blocks,
    empty: 'No article is indexed yet: add files to the corpus folder and restart.',
  });
}

/** The whole cited paragraph, for the "Show ¶n" button (only the presser sees it). */
export function renderParagraph(
  article: ArticleRef,
  paragraph: { n: number; text: string },
  articles: readonly ArticleRef[],
): ReplyPayload {
  const label = articleLabel(article.id, articles);
  const embed: APIEmbed = {
    color: EMBED_COLOR,
    title: truncateText(
      `${label ? `${label} ` : ''}¶${paragraph.n} · ${escapeText(article.title)}`,
      LIMITS.title,
    ),
    description: escapeText(paragraph.text),
  };
  const url = articleUrl([article.id], [article]);
  if (url) embed.url = url;
  const footer = articleFooter([article.id], [article]);
  if (footer) embed.footer = { text: footer };
  return fitPayload({ embeds: [embed], components: [], ephemeral: true });
}

/** The daily summary's schedule, for `/daily-summary status|schedule|off` (only the asker sees it). */
export function renderScheduleStatus(status: ScheduleStatus, lead?: string): ReplyPayload {
  const at = (d: Date, style: 'f' | 'R') => `<t:${Math.floor(d.getTime() / 1000)}:${style}>`;
  const lines: string[] = lead ? [lead] : [];
  const s = status.schedule;
  if (!s) {
    lines.push('No daily summary is set for this server. `/daily-summary schedule` sets one.');
    return renderNotice(lines.join('\n'));
  }
  const when = escapeText(status.when ?? s.cron);
  if (status.active) {
    lines.push(`The daily summary posts ${when} in <#${s.channelId}>.`);
    if (status.next) lines.push(`Next post: ${at(status.next, 'f')} (${at(status.next, 'R')}).`);
  } else {
    lines.push(`The daily summary is off (it was set to post ${when} in <#${s.channelId}>).`);
  }
  if (status.lastPost) {
    const link = status.lastPost.messageId
      ? ` https://discord.com/channels/${status.guildId}/${status.lastPost.channelId}/${status.lastPost.messageId}`
      : '';
    lines.push(`Last posted ${at(status.lastPost.at, 'R')}.${link}`);
  }
  if (status.lastProblem) {
    const reason = status.lastProblem.reason ? `: ${escapeText(status.lastProblem.reason)}` : '';
    lines.push(
      `The post due ${at(status.lastProblem.at, 'R')} did not go out (${status.lastProblem.state})${reason}.`,
    );
  }
  return renderNotice(lines.join('\n'));
}
