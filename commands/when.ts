/** `/when [about] [article]`: the timeline in date order, inferred dates marked, each event cited. */
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  SlashCommandBuilder,
} from 'discord.js';
import type { CommandContext } from '../src/discord/context.ts';
import type { ViewOptions } from '../src/discord/custom-id.ts';
import type { ReplyPayload } from '../src/discord/layout.ts';
import {
  articleOption,
  listView,
  MAX_FILTER,
  readViewOptions,
  respondArticleChoices,
} from '../src/discord/options.ts';
import { renderWhen } from '../src/discord/render.ts';
import { sendReply } from '../src/discord/reply.ts';

export const data = new SlashCommandBuilder()
  .setName('when')
  .setDescription('The timeline: what happened when, each date cited')
  .addStringOption((o) =>
    o
      .setName('about')
      .setDescription('Only events mentioning this (a name, a word, a year)')
      .setMaxLength(MAX_FILTER),
  )
  .addStringOption(articleOption)
  .toJSON();

/** Renders a page of the timeline. */
export function page(options: ViewOptions, n: number, ctx: CommandContext): ReplyPayload {
  const { view, article } = listView(ctx, 'when', options, n, { filter: options.about });
  return renderWhen(ctx.engine.when({ filter: options.about, article }), view);
}

/** Replies with the timeline. */
export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const options = readViewOptions(interaction, ['about', 'article']);
  await sendReply(interaction, page(options, 0, ctx));
}

/** Suggests articles. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  await respondArticleChoices(interaction, ctx);
}
