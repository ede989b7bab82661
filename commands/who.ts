/** `/who [name] [article]`: the cast, or one profile (roles, what they said, dated events, quotes). */
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
import { findProfile } from '../src/discord/profile.ts';
import { renderNoProfile, renderProfile, renderWho } from '../src/discord/render.ts';
import { sendReply } from '../src/discord/reply.ts';

export const data = new SlashCommandBuilder()
  .setName('who')
  .setDescription('The people and organisations in the article, or one profile')
  .addStringOption((o) =>
    o.setName('name').setDescription('Whose profile to show').setAutocomplete(true).setMaxLength(MAX_FILTER),
  )
  .addStringOption(articleOption)
  .toJSON();

/** Renders a page of the cast, or of a profile when a name was given. */
export function page(options: ViewOptions, n: number, ctx: CommandContext): ReplyPayload {
  const { view, article } = listView(ctx, 'who', options, n);
  if (!options.name) return renderWho(ctx.engine.who({ article }), view);
  const found = findProfile(ctx.engine, options.name, article);
  return found.found ? renderProfile(found.profile, view) : renderNoProfile(options.name, found.suggestions);
}

/** Replies with the cast or the profile. */
export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const options = readViewOptions(interaction, ['name', 'article']);
  await sendReply(interaction, page(options, 0, ctx));
}

/** Suggests the names (and aliases) the engine knows. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  await respondNameChoices(interaction, ctx, (article) =>
    ctx.engine.who({ article }).items.flatMap((i) => [i.name, ...i.aliases]),
  );
}
