/**
 * `/summary [article]`: the summary now, only for the asker. Without `article` it leads with the article the
 * daily post would lead with, so `/summary` and the post show the same engine content. Setting up the daily post
 * is `/daily-summary` (an admin command: Discord gives permissions per command, not per subcommand).
 */
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  SlashCommandBuilder,
} from 'discord.js';
import { type CommandContext, UserFacingError } from '../src/discord/context.ts';
import type { ViewOptions } from '../src/discord/custom-id.ts';
import type { ReplyPayload } from '../src/discord/layout.ts';
import { articleOption, listView, readViewOptions, respondArticleChoices } from '../src/discord/options.ts';
import { renderSummary } from '../src/discord/render.ts';
import { deferThenReply } from '../src/discord/reply.ts';
import { pickLeadArticle } from '../src/discord/schedule/lead.ts';

/** The subcommands `/summary` had before the split, for a client still offering the old registration. */
const MOVED = new Set(['schedule', 'off', 'status']);

export const data = new SlashCommandBuilder()
  .setName('summary')
  .setDescription("The article's headline and key points, cited (only you see it)")
  .addStringOption(articleOption)
  .toJSON();

/** Renders a page of the summary (only the asker sees it). */
export function page(options: ViewOptions, n: number, ctx: CommandContext): ReplyPayload {
  const { view, article } = listView(ctx, 'summary', options, n, { ephemeral: true });
  const articles = ctx.engine.articles;
  const lead = article ?? (articles.length ? pickLeadArticle(articles).id : undefined);
  return renderSummary(ctx.engine.summary({ article: lead }), view);
}

/** Replies with the summary, deferred first because summarising a large corpus may take a moment. */
export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const old = interaction.options.getSubcommand(false);
  if (old && MOVED.has(old)) {
    throw new UserFacingError(`The daily summary settings moved: use \`/daily-summary ${old}\`.`);
  }
  const options = readViewOptions(interaction, ['article']);
  await deferThenReply(interaction, () => page(options, 0, ctx), { ephemeral: true });
}

/** Suggests articles. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  await respondArticleChoices(interaction, ctx);
}
