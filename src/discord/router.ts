/**
 * The interaction router: slash commands, autocomplete and buttons go to their handlers, and this is the one
 * place that catches. A `UserFacingError` is shown to the user as written; anything else is logged with the
 * command, guild, user and interaction id, and the user gets a short apology, never a stack or error text.
 */
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Interaction,
} from 'discord.js';
import type { Logger } from '../log.ts';
import { type Command, type CommandContext, UserFacingError } from './context.ts';
import { decodeComponentId } from './custom-id.ts';
import { type ReplyPayload, renderNotice } from './layout.ts';
import { renderParagraph, toArticleRefs } from './render.ts';
import { sendReply, toEditOptions, toReplyOptions } from './reply.ts';

export const SORRY = 'Sorry, something went wrong on my side. Please try again in a moment.';
export const RESTARTING = 'factdesk is restarting; please try again in a minute.';

export interface Router {
  /** Handles one interaction; never rejects. */
  handleInteraction(interaction: Interaction): Promise<void>;
  /** From now on, answer new interactions with a "restarting" notice instead of running them. */
  stopAccepting(): void;
}

/** Builds the router over a set of commands. */
export function createRouter(deps: {
  commands: readonly Command[];
  ctx: CommandContext;
  logger: Logger;
}): Router {
  const byName = new Map(deps.commands.map((c) => [c.data.name, c]));
  const { ctx, logger } = deps;
  let accepting = true;

  async function runCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const command = byName.get(interaction.commandName);
    if (!command) {
      logger.warn(describeInteraction(interaction), 'unknown command');
      throw new UserFacingError(
        `I don't know the command /${interaction.commandName}; it may have been removed. /about says what I can do.`,
      );
    }
    await command.execute(interaction, ctx);
  }

  async function runAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const command = byName.get(interaction.commandName);
    if (!command?.autocomplete) {
      await interaction.respond([]);
      return;
    }
    await command.autocomplete(interaction, ctx);
  }

  async function runButton(interaction: ButtonInteraction): Promise<void> {
    const action = decodeComponentId(interaction.customId, ctx.views);
    if (action.kind === 'paragraph') {
      const articles = ctx.engine.articles;
      const wanted = action.article;
      const article = 'id' in wanted ? articles.find((a) => a.id === wanted.id) : articles[wanted.index];
      const paragraph = article?.paragraphs.find((p) => p.n === action.paragraph);
      if (!article || !paragraph) {
        throw new UserFacingError('That paragraph is no longer in the corpus; run the command again.');
      }
      const refs = toArticleRefs(articles);
      const ref = refs.find((r) => r.id === article.id) ?? refs[0];
      if (!ref) throw new UserFacingError('That article is no longer indexed.');
      await interaction.reply(toReplyOptions(renderParagraph(ref, paragraph, refs)));
      return;
    }
    if (action.kind === 'page') {
      const command = byName.get(action.command);
      if (!command?.page) throw new UserFacingError('This button no longer works; run the command again.');
      const payload = command.page(action.options, action.page, ctx);
      const owner = interaction.message.interactionMetadata?.user.id;
      // Paging someone else's reply would change it under them: show the page to the presser only.
      if (owner && owner !== interaction.user.id)
        await interaction.reply(toReplyOptions({ ...payload, ephemeral: true }));
      else await interaction.update(toEditOptions(payload));
      return;
    }
    if (action.kind === 'expired') throw new UserFacingError('This list has expired; run the command again.');
    throw new UserFacingError('This button no longer works; run the command again.');
  }

  async function dispatch(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) return runAutocomplete(interaction);
    if (interaction.isChatInputCommand()) return runCommand(interaction);
    if (interaction.isButton()) return runButton(interaction);
    if (interaction.isRepliable()) throw new UserFacingError("I can't handle that kind of interaction.");
  }

  return {
    stopAccepting() {
      accepting = false;
    },
    async handleInteraction(interaction) {
      if (!accepting) {
        await answerQuietly(interaction, renderNotice(RESTARTING), logger);
        return;
      }
      try {
        await dispatch(interaction);
      } catch (error) {
        if (error instanceof UserFacingError) {
          logger.debug({ ...describeInteraction(interaction), reason: error.message }, 'told the user no');
          await answerQuietly(interaction, renderNotice(error.message), logger);
          return;
        }
        logger.error({ ...describeInteraction(interaction), err: error }, 'interaction failed');
        await answerQuietly(interaction, renderNotice(SORRY), logger);
      }
    },
  };
}

/** The log fields that identify an interaction. */
export function describeInteraction(interaction: Interaction): Record<string, string | null> {
  return {
    command:
      interaction.isCommand() || interaction.isAutocomplete()
        ? interaction.commandName
        : interaction.isMessageComponent()
          ? `button:${interaction.customId}`
          : `type:${interaction.type}`,
    guild: interaction.guildId,
    channel: interaction.channelId,
    user: interaction.user.id,
    interaction: interaction.id,
  };
}

/** Answers with a notice however far the interaction got, and only logs if even that fails (it may have expired). */
async function answerQuietly(interaction: Interaction, payload: ReplyPayload, logger: Logger): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    await sendReply(interaction, payload);
  } catch (error) {
    logger.warn({ ...describeInteraction(interaction), err: error }, 'could not tell the user');
  }
}
