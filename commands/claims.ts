/** `/claims [speaker] [article]`: who claimed what, hedged claims marked, each with its quote. */
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
  respondNameChoices,
} from '../src/discord/options.ts';
import { renderClaims } from '../src/discord/render.ts';
import { sendReply } from '../src/discord/reply.ts';
import { matchKey } from '../src/nlp/normalize.ts';

export const data = new SlashCommandBuilder()
  .setName('claims')
  .setDescription('Who claimed what, each with its quote')
  .addStringOption((o) =>
    o
      .setName('speaker')
      .setDescription('Only what this person or body said')
      .setAutocomplete(true)
      .setMaxLength(MAX_FILTER),
  )
  .addStringOption(articleOption)
  .toJSON();

/** Renders a page of claims. */
export function page(options: ViewOptions, n: number, ctx: CommandContext): ReplyPayload {
  const { view, article } = listView(ctx, 'claims', options, n, { filter: options.speaker });
  const result = ctx.engine.claims({ filter: options.speaker, article });
  // The engine's filter also matches claims that merely mention the name; `speaker` means who said it.
  const key = matchKey(options.speaker ?? '');
  return renderClaims({ items: result.items.filter((c) => matchKey(c.speaker).includes(key)) }, view);
}

/** Replies with the claims. */
export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const options = readViewOptions(interaction, ['speaker', 'article']);
  await sendReply(interaction, page(options, 0, ctx));
}

/** Suggests the speakers the engine found. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  await respondNameChoices(interaction, ctx, (article) =>
    ctx.engine.claims({ article }).items.map((c) => c.speaker),
  );
}
