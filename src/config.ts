/**
 * Configuration: every setting the bot reads from the environment, validated by one zod schema. Only the
 * composition root passes `process.env` here; everything else receives a typed `Config`.
 */
import { Cron } from 'croner';
import { z } from 'zod';
import { parseDuration } from './duration.ts';

const snowflake = z.string().regex(/^\d{17,20}$/, 'expected a Discord id (17-20 digits)');
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const duration = z.string().transform((value, ctx) => {
  const ms = parseDuration(value);
  if (ms === null) {
    ctx.addIssue({ code: 'custom', message: 'expected a duration such as 30s, 90m, 6h or 1d' });
    return z.NEVER;
  }
  return ms;
});

const timezone = z.string().refine(isTimeZone, 'expected an IANA time zone such as Europe/London or UTC');

const cron = z.string().refine((pattern) => {
  try {
    new Cron(pattern, { paused: true });
    return true;
  } catch {
    return false;
  }
}, 'expected a cron pattern such as "0 9 * * *" (minute hour day month weekday, optional seconds first)');

const envSchema = z.object({
  DISCORD_TOKEN: optional(
    z
      .string()
      .trim()
      .regex(/^[\w.-]+$/, 'expected a bot token (letters, digits, dots, dashes, underscores)'),
  ),
  DISCORD_API_URL: optional(z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' })),
  COMMANDS_GUILD_ID: optional(snowflake),
  CORPUS_DIR: optional(z.string()).default('corpus'),
  DATA_DIR: optional(z.string()).default('data'),
  LOG_LEVEL: optional(z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])).default('info'),
  QUESTION_CHANNEL_IDS: optional(
    z
      .string()
      .transform((s) =>
        s
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      )
      .pipe(z.array(snowflake)),
  ).default([]),
  ASK_COOLDOWN: optional(duration).default(parseDuration('10s') ?? 10_000),
  SUMMARY_CHANNEL_ID: optional(snowflake),
  SUMMARY_CRON: optional(cron),
  SUMMARY_TIMEZONE: optional(timezone),
  SUMMARY_GRACE: optional(duration).default(parseDuration('6h') ?? 21_600_000),
  SUMMARY_WHEN_UNCHANGED: optional(z.enum(['post', 'skip'])).default('post'),
});

export interface Config {
  discordToken: string | undefined;
  discordApiUrl: string | undefined;
  commandsGuildId: string | undefined;
  corpusDir: string;
  dataDir: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  questionChannelIds: string[];
  askCooldownMs: number;
  summary: {
    channelId: string | undefined;
    cron: string | undefined;
    timezone: string;
    graceMs: number;
    whenUnchanged: 'post' | 'skip';
  };
}

/** A configuration problem; the message names every bad variable, one per line. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** True when `name` is a time zone this Node knows (IANA names such as Europe/London). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Reads and validates the configuration from an environment; throws ConfigError naming each bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  if (e.SUMMARY_CRON && !e.SUMMARY_CHANNEL_ID) {
    throw new ConfigError('Invalid configuration:\n  SUMMARY_CHANNEL_ID: required when SUMMARY_CRON is set');
  }
  if (e.SUMMARY_CHANNEL_ID && !e.SUMMARY_CRON) {
    throw new ConfigError('Invalid configuration:\n  SUMMARY_CRON: required when SUMMARY_CHANNEL_ID is set');
  }
  return {
    discordToken: e.DISCORD_TOKEN,
    discordApiUrl: e.DISCORD_API_URL,
    commandsGuildId: e.COMMANDS_GUILD_ID,
    corpusDir: e.CORPUS_DIR,
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    questionChannelIds: e.QUESTION_CHANNEL_IDS,
    askCooldownMs: e.ASK_COOLDOWN,
    summary: {
      channelId: e.SUMMARY_CHANNEL_ID,
      cron: e.SUMMARY_CRON,
      timezone: e.SUMMARY_TIMEZONE ?? 'UTC',
      graceMs: e.SUMMARY_GRACE,
      whenUnchanged: e.SUMMARY_WHEN_UNCHANGED,
    },
  };
}
