/** `/ask question [article]`: the short answer and its cited excerpt, or "the article doesn't say". */
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  SlashCommandBuilder,
} from 'discord.js';
import { type CommandContext, UserFacingError } from '../src/discord/context.ts';
import {
  articleOption,
  MAX_QUESTION,
  readQuestion,
  resolveArticle,
  respondArticleChoices,
} from '../src/discord/options.ts';
import { renderAnswer, toArticleRefs } from '../src/discord/render.ts';
import { deferThenReply } from '../src/discord/reply.ts';

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a question about the article; the answer quotes it')
  .addStringOption((o) =>
    o.setName('question').setDescription('Your question').setRequired(true).setMaxLength(MAX_QUESTION),
  )
  .addStringOption(articleOption)
  .toJSON();

/** Answers the question (deferred first: search may take a moment on a large corpus). */
export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const question = readQuestion(interaction);
  const article = resolveArticle(ctx, interaction.options.getString('article') ?? undefined);
  const wait = ctx.cooldown.take(interaction.user.id);
  if (wait > 0)
    throw new UserFacingError(`One question at a time: you can ask again in ${Math.ceil(wait / 1000)} s.`);
  await deferThenReply(interaction, () =>
    renderAnswer(ctx.engine.ask(question, { article }), {
      question,
      articles: toArticleRefs(ctx.engine.articles),
    }),
  );
}

/** Suggests articles. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  await respondArticleChoices(interaction, ctx);
}
