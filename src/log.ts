/**
 * The logger: pino, pretty in a terminal and JSON lines otherwise, on stderr so stdout stays free for the CLI's
 * output. Secrets are removed from every line, by field name and by value.
 */
import { createRequire } from 'node:module';
import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';
import type { PrettyOptions, PrettyStream } from 'pino-pretty';

export type { Logger };

export interface LoggerSettings {
  level: string;
  /** Values that must never appear in a log line (the bot token). */
  secrets?: readonly (string | undefined)[];
  /** Where lines go; default stderr (pretty when it is a terminal). Tests pass a stream and parse the lines. */
  stream?: DestinationStream | undefined;
}

const REDACT_PATHS = [
  'token',
  '*.token',
  'discordToken',
  '*.discordToken',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
];

/** Replaces every occurrence of each secret in a string. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  return out;
}

/** Builds the application logger. */
export function createLogger(settings: LoggerSettings): Logger {
  const secrets = (settings.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const options: LoggerOptions = {
    level: settings.level,
    base: null,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    hooks: {
      // Secrets can hide in messages and error texts, not only in named fields.
      streamWrite: secrets.length ? (line) => scrubSecrets(line, secrets) : (line) => line,
    },
  };
  if (settings.stream) return pino(options, settings.stream);
  if (process.stderr.isTTY) {
    return pino(
      options,
      prettyStream({ destination: 2, sync: true, colorize: true, translateTime: 'SYS:HH:MM:ss' }),
    );
  }
  return pino(options, pino.destination({ dest: 2, sync: true }));
}

/** pino-pretty, loaded only for a terminal: it costs start-up time that JSON logging never needs. */
function prettyStream(options: PrettyOptions): PrettyStream {
  const pretty = createRequire(import.meta.url)('pino-pretty') as (o: PrettyOptions) => PrettyStream;
  return pretty(options);
}
