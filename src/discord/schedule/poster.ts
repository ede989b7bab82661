/**
 * The poster port: what the scheduler needs from Discord, and how a failed send is classified. The Discord adapter
 * implements it with discord.js; tests implement it with a recording fake. Nothing here imports discord.js:
 * errors are read by shape (`code`, `status`, `retryAfter`), which is what DiscordAPIError and friends carry.
 */
import type { DigestPayload } from './digest.ts';

/** Whether the bot can post the summary in a channel, checked when an admin configures it. */
export type ChannelCheck = { ok: true } | { ok: false; reason: string };

export interface PostOptions {
  /** Same occurrence, same nonce: Discord returns the earlier message instead of posting a second one. */
  nonce: string;
}

export interface Poster {
  /** Sends the digest to a channel; resolves with the message id, rejects with the transport's error. */
  post(channelId: string, payload: DigestPayload, options: PostOptions): Promise<string>;
  /**
   * Looks through the channel's messages since `since` for one of the bot's own posts whose footer carries
   * `marker`; its id, or null when there is none. Rejects when the channel cannot be searched.
   */
  findRecentPost?(channelId: string, marker: string, since: Date): Promise<string | null>;
  /** The guild a channel belongs to, when the transport knows it (the environment's schedule names only a channel). */
  guildOfChannel?(channelId: string): Promise<string | null>;
  /** Whether the bot may post embeds in a guild's channel. */
  checkChannel?(guildId: string, channelId: string): Promise<ChannelCheck>;
}

/** A failed send, as the scheduler acts on it. */
export interface PostFailure {
  /** Permanent failures are recorded and never retried; transient ones are retried inside the grace window. */
  permanent: boolean;
  /** Discord's JSON error code, the HTTP status or the network error code, as text; null when unknown. */
  code: string | null;
  /** A sentence for `/daily-summary status` and the logs (never the raw error text, which can hold request details). */
  reason: string;
  /** How long Discord asked us to wait, when it said. */
  retryAfterMs: number | null;
}

/** Discord JSON error codes that no retry can fix, with what they mean for the summary channel. */
const PERMANENT_CODES: Record<string, string> = {
  '10003': 'the channel no longer exists (Unknown Channel)',
  '10004': 'the server is no longer available to the bot (Unknown Guild)',
  '10008': 'the message no longer exists (Unknown Message)',
  '40001': 'Discord refused the bot token (Unauthorized)',
  '40005': 'the summary is too large for Discord (Request entity too large)',
  '50001': 'the bot cannot see the channel (Missing Access)',
  '50007': 'Discord does not allow the bot to post there',
  '50008': 'the channel is not a text channel',
  '50013': 'the bot is missing the Send Messages or Embed Links permission (Missing Permissions)',
  '50035': 'Discord rejected the summary message (Invalid Form Body)',
  '50083': 'the channel is an archived thread',
};

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ABORT_ERR',
]);

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

function networkCode(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = field(e, 'cause'), depth++) {
    const code = field(e, 'code');
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || code.startsWith('UND_ERR'))) return code;
    if (field(e, 'name') === 'AbortError' || field(e, 'name') === 'TimeoutError') return 'timeout';
  }
  return null;
}

/** Decides whether a send error is worth retrying and names it for the ledger and the logs. */
export function classifyPostError(error: unknown): PostFailure {
  const code = field(error, 'code');
  const status = field(error, 'status');
  const httpStatus = typeof status === 'number' ? status : null;
  // @discordjs/rest's RateLimitError says milliseconds; Discord's JSON body says seconds.
  const libraryWait = field(error, 'retryAfter');
  const bodyWait = field(field(error, 'rawError'), 'retry_after');
  const retryAfterMs =
    typeof libraryWait === 'number' ? libraryWait : typeof bodyWait === 'number' ? bodyWait * 1000 : null;

  if (typeof code === 'number' || (typeof code === 'string' && /^\d+$/.test(code))) {
    const text = String(code);
    const meaning = PERMANENT_CODES[text];
    if (meaning) return { permanent: true, code: text, reason: meaning, retryAfterMs: null };
  }
  if (
    httpStatus === 429 ||
    String(field(error, 'name')).startsWith('RateLimitError') ||
    field(error, 'timeToReset') !== undefined
  ) {
    return { permanent: false, code: '429', reason: 'Discord rate-limited the bot', retryAfterMs };
  }
  if (httpStatus !== null && httpStatus >= 500) {
    return {
      permanent: false,
      code: String(httpStatus),
      reason: `Discord answered ${httpStatus}`,
      retryAfterMs,
    };
  }
  if (httpStatus !== null && httpStatus >= 400) {
    const known = typeof code === 'number' ? String(code) : String(httpStatus);
    return {
      permanent: true,
      code: known,
      reason: `Discord refused the summary message (HTTP ${httpStatus})`,
      retryAfterMs: null,
    };
  }
  const network = networkCode(error);
  if (network)
    return { permanent: false, code: network, reason: 'Discord could not be reached', retryAfterMs: null };
  return {
    permanent: false,
    code: typeof code === 'string' || typeof code === 'number' ? String(code) : null,
    reason: 'an unexpected error (see the logs)',
    retryAfterMs: null,
  };
}
