/**
 * Reading command options calmly. Discord enforces `max_length` in its client, but the API can still deliver
 * longer text (other clients, old registrations), so every free-text option is checked here too; an unknown
 * article or an over-long question becomes a friendly sentence, never a fault.
 */
import type {
  APIApplicationCommandOptionChoice,
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  SlashCommandStringOption,
} from 'discord.js';
import { collapseWhitespace, matchKey } from '../nlp/normalize.ts';
import { type CommandContext, UserFacingError } from './context.ts';
import { createPageIds, type ViewOptions } from './custom-id.ts';
import { truncateText } from './escape.ts';
import { articleLabel, LIMITS } from './layout.ts';
import { type ListView, toArticleRefs } from './render.ts';

/** Longest question accepted (the option's `max_length`). */
export const MAX_QUESTION = 300;
/** Longest name, filter or article option accepted. */
export const MAX_FILTER = 100;

/** Configures the optional `article` option every command takes (autocompleted from the corpus). */
export function articleOption(option: SlashCommandStringOption): SlashCommandStringOption {
  return option
    .setName('article')
    .setDescription('Which article, when several are indexed')
    .setAutocomplete(true)
    .setMaxLength(MAX_FILTER);
}

/**
 * A free-text option, whitespace collapsed; undefined when empty. Throws `UserFacingError` when it is longer
 * than `max`, naming the length and the limit.
 */
export function readText(
  interaction: ChatInputCommandInteraction,
  name: string,
  opts: { max: number; label: string; required?: boolean },
): string | undefined {
  const raw = interaction.options.getString(name, opts.required ?? false);
  const text = raw === null ? '' : collapseWhitespace(raw);
  if (text.length > opts.max) {
    throw new UserFacingError(
      `That ${opts.label} is ${text.length.toLocaleString('en-US')} characters long; please keep it under ${opts.max}.`,
    );
  }
  return text || undefined;
}

/** Reads a question: required, at most MAX_QUESTION characters. */
export function readQuestion(interaction: ChatInputCommandInteraction, name = 'question'): string {
  const question = readText(interaction, name, { max: MAX_QUESTION, label: 'question', required: true });
  if (!question) throw new UserFacingError('Ask a question about the article, for example “who is quoted?”.');
  return question;
}

/** The article an option value names (an id, `#index`, or a title); throws `UserFacingError` when none does. */
export function resolveArticle(ctx: CommandContext, value: string | undefined): string | undefined {
  if (!value) return undefined;
  const articles = ctx.engine.articles;
  const byId = articles.find((a) => a.id === value);
  if (byId) return byId.id;
  const index = /^#(\d+)$/.exec(value);
  const byIndex = index ? articles[Number(index[1])] : undefined;
  if (byIndex) return byIndex.id;
  const key = matchKey(value);
  const byTitle =
    articles.find((a) => matchKey(a.title) === key) ??
    articles.find((a) => matchKey(a.title).includes(key) || matchKey(a.id).includes(key));
  if (byTitle) return byTitle.id;
  throw new UserFacingError(`No indexed article matches “${truncateText(value, 80)}”. /about lists them.`);
}

/** The options a list command was run with, as strings (kept in its paging buttons). */
export function readViewOptions(
  interaction: ChatInputCommandInteraction,
  names: readonly string[],
  labels: Record<string, string> = {},
): ViewOptions {
  const options: ViewOptions = {};
  for (const name of names) {
    const value = readText(interaction, name, { max: MAX_FILTER, label: labels[name] ?? name });
    if (value) options[name] = value;
  }
  return options;
}

/** The view a list is rendered in: the corpus's articles, the scope, the page and its button ids. */
export function listView(
  ctx: CommandContext,
  command: string,
  options: ViewOptions,
  page: number,
  extra: { filter?: string | undefined; ephemeral?: boolean } = {},
): { view: ListView; article: string | undefined } {
  const article = resolveArticle(ctx, options.article);
  const articles = toArticleRefs(ctx.engine.articles);
  const view: ListView = {
    articles,
    scope: article ? [article] : articles.map((a) => a.id),
    page,
    pageId: createPageIds(command, options, ctx.views),
    filter: extra.filter,
    ephemeral: extra.ephemeral ?? false,
  };
  return { view, article };
}

/** Up to 25 choices whose name contains what the user typed (matches at a word start first). */
export function suggestChoices(
  typed: string,
  names: readonly string[],
): APIApplicationCommandOptionChoice<string>[] {
  const key = matchKey(typed);
  const unique = [...new Set(names.map((n) => collapseWhitespace(n)).filter(Boolean))];
  const scored = unique
    .map((name) => {
      const k = matchKey(name);
      const at = key ? k.indexOf(key) : 0;
      const wordStart = at === 0 || (at > 0 && k[at - 1] === ' ');
      return { name, rank: at < 0 ? -1 : wordStart ? 0 : 1 };
    })
    .filter((s) => s.rank >= 0)
    .sort((a, b) => a.rank - b.rank);
  return scored
    .slice(0, LIMITS.choices)
    .filter((s) => s.name.length <= LIMITS.choiceValue)
    .map((s) => ({ name: truncateText(s.name, LIMITS.choiceName), value: s.name }));
}

/** Answers the `article` option's autocomplete: titles shown, ids (or `#index` for very long ids) sent. */
export async function respondArticleChoices(
  interaction: AutocompleteInteraction,
  ctx: CommandContext,
): Promise<void> {
  const key = matchKey(String(interaction.options.getFocused()));
  const articles = ctx.engine.articles;
  const refs = toArticleRefs(articles);
  const choices = articles
    .map((a, i) => ({ a, i }))
    .filter(({ a }) => !key || matchKey(a.title).includes(key) || matchKey(a.id).includes(key))
    .slice(0, LIMITS.choices)
    .map(({ a, i }) => {
      const label = articleLabel(a.id, refs);
      return {
        name: truncateText(`${label ? `${label}: ` : ''}${a.title || a.id}`, LIMITS.choiceName),
        value: a.id.length <= LIMITS.choiceValue ? a.id : `#${i}`,
      };
    });
  await interaction.respond(choices);
}

/** Reads the `article` option of an autocomplete interaction, ignoring a value that names no article. */
export function focusedArticle(
  interaction: AutocompleteInteraction,
  ctx: CommandContext,
): string | undefined {
  try {
    return resolveArticle(ctx, interaction.options.getString('article') ?? undefined);
  } catch {
    return undefined;
  }
}

/**
 * Answers the autocomplete of a command with a name option and an `article` option: articles for `article`,
 * otherwise the names `namesOf` lists for the article chosen so far.
 */
export async function respondNameChoices(
  interaction: AutocompleteInteraction,
  ctx: CommandContext,
  namesOf: (article: string | undefined) => string[],
): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (focused.name === 'article') return respondArticleChoices(interaction, ctx);
  await interaction.respond(suggestChoices(String(focused.value), namesOf(focusedArticle(interaction, ctx))));
}
