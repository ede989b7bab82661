/**
 * The poster port over discord.js: sends the digest as one embed (no pings), finds an earlier post by the marker
 * in its footer, and checks a channel's permissions when an admin picks it. Errors are left as discord.js throws
 * them (DiscordAPIError carries `code` and `status`); the scheduler classifies them.
 */
import {
  type APIEmbed,
  type Channel,
  type Client,
  type GuildBasedChannel,
  PermissionFlagsBits,
  type SendableChannels,
  SnowflakeUtil,
} from 'discord.js';
import { EMBED_COLOR } from '../layout.ts';
import type { DigestPayload } from './digest.ts';
import type { ChannelCheck, Poster } from './poster.ts';

/** How many pages of 100 messages a search for an earlier post may read before giving up (and asking a human). */
const MAX_SEARCH_PAGES = 10;

const REQUIRED: ReadonlyArray<[bigint, string]> = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
  // Needed to find a post again after a crash mid-post, instead of asking a human.
  [PermissionFlagsBits.ReadMessageHistory, 'Read Message History'],
];

/** The digest as a Discord embed. */
export function toEmbed(payload: DigestPayload): APIEmbed {
  return {
    color: EMBED_COLOR,
    title: payload.title,
    ...(payload.url && /^https?:\/\//i.test(payload.url) ? { url: payload.url } : {}),
    description: payload.description,
    ...(payload.fields.length
      ? { fields: payload.fields.map((f) => ({ name: f.name, value: f.value })) }
      : {}),
    footer: { text: payload.footer },
    timestamp: payload.timestamp,
  };
}

/** An error the scheduler classifies like Discord's own, for a channel that exists but takes no messages. */
function notSendable(channelId: string): Error {
  return Object.assign(new Error(`channel ${channelId} is not a text channel`), { code: 50008, status: 400 });
}

function isGuildChannel(channel: Channel): channel is GuildBasedChannel {
  return 'guildId' in channel && typeof channel.guildId === 'string';
}

/** Builds the poster for a logged-in client. */
export function createDiscordPoster(client: Client<true>): Poster {
  async function sendable(channelId: string): Promise<SendableChannels> {
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isSendable()) throw notSendable(channelId);
    return channel;
  }

  return {
    async post(channelId, payload, options) {
      const channel = await sendable(channelId);
      const message = await channel.send({
        embeds: [toEmbed(payload)],
        allowedMentions: { parse: [] },
        nonce: options.nonce,
        enforceNonce: true,
      });
      return message.id;
    },

    async findRecentPost(channelId, marker, since) {
      const channel = await sendable(channelId);
      if (!('messages' in channel)) return null;
      let after = SnowflakeUtil.generate({ timestamp: since.getTime() });
      for (let page = 0; page < MAX_SEARCH_PAGES; page++) {
        const batch = await channel.messages.fetch({ after: after.toString(), limit: 100, cache: false });
        for (const message of batch.values()) {
          if (message.author.id !== client.user.id) continue;
          if (message.embeds.some((e) => e.footer?.text.includes(marker))) return message.id;
        }
        if (batch.size < 100) return null;
        for (const id of batch.keys()) if (BigInt(id) > after) after = BigInt(id);
      }
      throw new Error(`more than ${MAX_SEARCH_PAGES * 100} messages to search in channel ${channelId}`);
    },

    async guildOfChannel(channelId) {
      const channel = client.channels.cache.get(channelId) ?? (await client.channels.fetch(channelId));
      return channel && isGuildChannel(channel) ? channel.guildId : null;
    },

    async checkChannel(guildId, channelId): Promise<ChannelCheck> {
      let channel: Channel | null;
      try {
        channel = await client.channels.fetch(channelId);
      } catch {
        return { ok: false, reason: 'I cannot see that channel.' };
      }
      if (!channel || !isGuildChannel(channel) || channel.guildId !== guildId) {
        return { ok: false, reason: 'that channel is not in this server.' };
      }
      if (!channel.isSendable()) return { ok: false, reason: 'it is not a text channel.' };
      const permissions = channel.permissionsFor(client.user);
      // Without the bot's member in the cache nothing can be checked here; a refused post is reported in status.
      if (!permissions) return { ok: true };
      const needed = channel.isThread()
        ? REQUIRED.map(([bit, name]): [bigint, string] =>
            bit === PermissionFlagsBits.SendMessages
              ? [PermissionFlagsBits.SendMessagesInThreads, 'Send Messages in Threads']
              : [bit, name],
          )
        : REQUIRED;
      const missing = needed.filter(([bit]) => !permissions.has(bit)).map(([, name]) => name);
      if (missing.length) {
        const list = missing.join(', ');
        return {
          ok: false,
          reason: `I am missing the ${list} permission${missing.length > 1 ? 's' : ''} there.`,
        };
      }
      return { ok: true };
    },
  };
}
