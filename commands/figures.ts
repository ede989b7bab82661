/** `/figures [about] [article]`: the numbers, what they measure and their period, each cited. */
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
import { renderFigures } from '../src/discord/render.ts';
import { sendReply } from '../src/discord/reply.ts';

export const data = new SlashCommandBuilder()
  .setName('figures')
  .setDescription('The numbers in the article and what they measure, each cited')
  .addStringOption((o) =>
    o
      .setName('about')
      .setDescription('Only figures about this (a word, a unit, a year)')
      .setMaxLength(MAX_FILTER),
  )
  .addStringOption(articleOption)
  .toJSON();

/** Renders a page of figures. */
export function page(options: ViewOptions, n: number, ctx: CommandContext): ReplyPayload {
  const { view, article } = listView(ctx, 'figures', options, n, { filter: options.about });
  return renderFigures(ctx.engine.figures({ filter: options.about, article }), view);
}

/** Replies with the figures. */
export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const options = readViewOptions(interaction, ['about', 'article']);
  await sendReply(interaction, page(options, 0, ctx));
}

/** Suggests articles. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  await respondArticleChoices(interaction, ctx);
}
