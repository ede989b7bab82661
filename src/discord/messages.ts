/**
 * Questions asked in a channel: a message that mentions the bot (no privileged intent needed: Discord sends the
 * text of messages that mention the bot), or any message in a configured question channel (needs the Message
 * Content intent). The reply is the same answer as `/ask`, sent as a reply to the message, pinging nobody.
 * A user over the cooldown gets a reaction, not a wall of text.
 */
import type { Message } from 'discord.js';
import type { Engine } from '../engine.ts';
import type { Logger } from '../log.ts';
import type { Cooldown } from './context.ts';
import { renderNotice } from './layout.ts';
import { MAX_QUESTION } from './options.ts';
import { renderAnswer, toArticleRefs } from './render.ts';
import { toMessageReply } from './reply.ts';

export const COOLDOWN_REACTION = '⏳';

export interface MessageHandler {
  /** Handles one message; never rejects. */
  handleMessage(message: Message): Promise<void>;
  stopAccepting(): void;
}

/** Builds the handler for channel messages. */
export function createMessageHandler(deps: {
  engine: Engine;
  logger: Logger;
  cooldown: Cooldown;
  questionChannelIds: readonly string[];
}): MessageHandler {
  const questionChannels = new Set(deps.questionChannelIds);
  let accepting = true;

  async function answer(message: Message, botId: string): Promise<void> {
    // The text must name the bot: a reply to one of its answers also lists it among the mentions, and "thanks!"
    // is no question.
    const mentioned = new RegExp(`<@!?${botId}>`).test(message.content);
    if (!mentioned && !questionChannels.has(message.channelId)) return;
    const question = stripMention(message.content, botId);
    if (!question) {
      if (mentioned) {
        await message.reply(
          toMessageReply(
            renderNotice('Ask me about the article, e.g. “who is quoted?”, or use /ask.', false),
          ),
        );
      }
      return;
    }
    if (question.length > MAX_QUESTION) {
      await message.reply(
        toMessageReply(
          renderNotice(
            `That question is ${question.length.toLocaleString('en-US')} characters long; please keep it under ${MAX_QUESTION}.`,
            false,
          ),
        ),
      );
      return;
    }
    if (deps.cooldown.take(message.author.id) > 0) {
      // Without the Add Reactions permission the hint is simply skipped: staying quiet is the point.
      await message.react(COOLDOWN_REACTION).catch((error: unknown) => {
        deps.logger.debug({ err: error, channel: message.channelId }, 'could not add the cooldown reaction');
      });
      return;
    }
    const result = deps.engine.ask(question);
    await message.reply(
      toMessageReply(renderAnswer(result, { question, articles: toArticleRefs(deps.engine.articles) })),
    );
  }

  return {
    stopAccepting() {
      accepting = false;
    },
    async handleMessage(message) {
      const botId = message.client.user?.id;
      if (!accepting || !botId || message.author.bot || message.system || message.webhookId) return;
      try {
        await answer(message, botId);
      } catch (error) {
        deps.logger.error(
          {
            err: error,
            guild: message.guildId,
            channel: message.channelId,
            user: message.author.id,
            message: message.id,
          },
          'answering a channel question failed',
        );
      }
    },
  };
}

/** The question in a message: the bot's mention removed, whitespace collapsed. */
export function stripMention(content: string, botId: string): string {
  return content
    .replace(new RegExp(`<@!?${botId}>`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
