/**
 * Sending replies. Every message the bot sends goes through here, so every one carries
 * `allowedMentions: { parse: [] }` (no pings, whatever the text says) and respects the ephemeral flag.
 */
import {
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  MessageFlags,
  type MessageReplyOptions,
  type RepliableInteraction,
} from 'discord.js';
import type { ReplyPayload } from './layout.ts';

/** Mentions nobody: not users, roles, @everyone or @here. */
export const NO_MENTIONS = { parse: [] };

/** A payload as reply options for an interaction. */
export function toReplyOptions(payload: ReplyPayload): InteractionReplyOptions {
  const options: InteractionReplyOptions = {
    embeds: payload.embeds,
    components: payload.components,
    allowedMentions: NO_MENTIONS,
  };
  if (payload.content !== undefined) options.content = payload.content;
  if (payload.ephemeral) options.flags = MessageFlags.Ephemeral;
  return options;
}

/**
 * A payload replacing a message already shown: the edit of a deferred reply (whose ephemeral flag the defer fixed)
 * or the update of the message a button sits on (paging).
 */
export function toEditOptions(payload: ReplyPayload): InteractionEditReplyOptions & InteractionUpdateOptions {
  return {
    content: payload.content ?? '',
    embeds: payload.embeds,
    components: payload.components,
    allowedMentions: NO_MENTIONS,
  };
}

/** A payload as a reply to a channel message: no pings, not even the asker's reply notification. */
export function toMessageReply(payload: ReplyPayload): MessageReplyOptions {
  const options: MessageReplyOptions = {
    embeds: payload.embeds,
    components: payload.components,
    allowedMentions: { ...NO_MENTIONS, repliedUser: false },
  };
  if (payload.content !== undefined) options.content = payload.content;
  return options;
}

/** Sends a payload as the interaction's answer: a reply, the edit of a deferred reply, or a follow-up. */
export async function sendReply(interaction: RepliableInteraction, payload: ReplyPayload): Promise<void> {
  if (interaction.deferred && !interaction.replied) await interaction.editReply(toEditOptions(payload));
  else if (interaction.replied) await interaction.followUp(toReplyOptions(payload));
  else await interaction.reply(toReplyOptions(payload));
}

/**
 * Defers (the 3-second deadline is then 15 minutes away), computes the payload, and edits it in. For engine
 * calls that may take long: search and summaries over a big corpus.
 */
export async function deferThenReply(
  interaction: RepliableInteraction,
  produce: () => ReplyPayload,
  opts: { ephemeral?: boolean } = {},
): Promise<void> {
  if (!interaction.deferred && !interaction.replied) {
    await interaction.deferReply(opts.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  }
  await sendReply(interaction, produce());
}
