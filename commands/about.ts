/** `/about [article]`: the articles indexed (title, source, date, paragraphs) and how to read a citation. */
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  SlashCommandBuilder,
} from 'discord.js';
import type { CommandContext } from '../src/discord/context.ts';
import type { ViewOptions } from '../src/discord/custom-id.ts';
import type { ReplyPayload } from '../src/discord/layout.ts';
import { articleOption, listView, readViewOptions, respondArticleChoices } from '../src/discord/options.ts';
import { renderAbout } from '../src/discord/render.ts';
import { sendReply } from '../src/discord/reply.ts';

export const data = new SlashCommandBuilder()
  .setName('about')
  .setDescription('The articles factdesk has read, and how its citations work')
  .addStringOption(articleOption)
  .toJSON();

/** Renders a page of the article list. */
export function page(options: ViewOptions, n: number, ctx: CommandContext): ReplyPayload {
  const { view, article } = listView(ctx, 'about', options, n);
  return renderAbout(ctx.engine.describe({ article }), view);
}

/** Replies with the article list. */
export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  await sendReply(interaction, page(readViewOptions(interaction, ['article']), 0, ctx));
}

/** Suggests articles. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  await respondArticleChoices(interaction, ctx);
}
