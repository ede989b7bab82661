/**
 * The composition root: read the configuration, build the logger, load the corpus and the engine, then serve
 * Discord (with a token) or the console (without). Nothing else reads `process.env`.
 */
import { join } from 'node:path';
import { type Config, ConfigError, parseConfig } from './config.ts';
import { CorpusError } from './corpus/errors.ts';
import { loadEngine } from './load-engine.ts';
import { createLogger, type Logger } from './log.ts';
import { StoreError } from './store/migrations.ts';

export interface StartIo {
  env: Record<string, string | undefined>;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** A running service (the bot, the console) that can be stopped gracefully. */
export interface Service {
  /** Resolves when the service has stopped on its own (console closed) — never for the bot. */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

/** Starts factdesk the way `npm start` does; resolves with the exit code once it has stopped. */
export async function start(io: StartIo): Promise<number> {
  let config: Config;
  try {
    config = parseConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`factdesk: ${error.message}\n`);
      return 78; // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel, secrets: [config.discordToken] });
  // Listened for from here on: a SIGTERM during start-up stops the service as soon as it is up.
  const signals = watchSignals(logger);
  try {
    const engine = await loadEngine(config.corpusDir, { logger, cacheDir: join(config.dataDir, 'cache') });
    const service = config.discordToken
      ? await startDiscordService(config, engine, logger)
      : await startConsoleService(config, engine, io);
    return await runUntilStopped(service, signals, logger);
  } catch (error) {
    if (error instanceof CorpusError) {
      io.stderr.write(`factdesk: ${error.message}\n`);
      return 66; // EX_NOINPUT
    }
    if (error instanceof StoreError) {
      io.stderr.write(`factdesk: ${error.message}\n`);
      return 73; // EX_CANTCREAT
    }
    if (isDiscordLoginError(error)) {
      // An expected start-up failure: one readable line, no stack trace.
      logger.flush();
      io.stderr.write(`factdesk: ${error.message}\n`);
      return error.tokenRejected ? 78 : 69; // EX_CONFIG: fix the token; EX_UNAVAILABLE: Discord unreachable
    }
    logger.fatal({ err: error }, 'factdesk stopped on an unexpected error');
    logger.flush();
    return 1;
  } finally {
    signals.dispose();
  }
}

async function startDiscordService(
  config: Config,
  engine: Awaited<ReturnType<typeof loadEngine>>,
  logger: Logger,
): Promise<Service> {
  // Imported lazily: discord.js takes ~400 ms to load and the console never needs it.
  const { startBot } = await import('./discord/bot.ts');
  return startBot({
    config,
    engine,
    logger,
    // The daily post: its SQLite store under DATA_DIR opens only once Discord is ready.
    schedule: async (client) =>
      (await import('./discord/schedule/daily-summary.ts')).startDailySummary({
        client,
        config,
        engine,
        logger,
      }),
  });
}

/** Recognises the bot's login error without importing discord.js in console mode. */
function isDiscordLoginError(error: unknown): error is Error & { tokenRejected: boolean } {
  return error instanceof Error && error.name === 'DiscordLoginError' && 'tokenRejected' in error;
}

async function startConsoleService(
  config: Config,
  engine: Awaited<ReturnType<typeof loadEngine>>,
  io: StartIo,
): Promise<Service> {
  const { startConsole } = await import('./cli/console.ts');
  io.stdout.write(
    `factdesk: no DISCORD_TOKEN configured, so this is console mode on ${config.corpusDir}/ (set DISCORD_TOKEN in .env to run the bot).\n`,
  );
  return startConsole({ engine, input: io.stdin, output: io.stdout });
}

/**
 * How long the process may take from SIGINT/SIGTERM to exit. The bot's own stop fits in it (replies in flight get
 * 3 s); should anything hang, the process exits anyway before a container's stop grace (often 5 s) runs out.
 */
const STOP_DEADLINE_MS = 4_500;

interface Signals {
  /** The first SIGINT/SIGTERM. */
  readonly received: Promise<NodeJS.Signals>;
  /** Set once the service has stopped cleanly. */
  stopped: boolean;
  dispose(): void;
}

/** The first SIGINT/SIGTERM, once it comes; it also arms the deadline by which the process exits whatever runs. */
function watchSignals(logger: Logger): Signals {
  let resolve: (signal: NodeJS.Signals) => void = () => {};
  const received = new Promise<NodeJS.Signals>((r) => {
    resolve = r;
  });
  let deadline: NodeJS.Timeout | undefined;
  const signals: Signals = {
    received,
    stopped: false,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    if (deadline) return;
    resolve(signal);
    // Unref'd: it fires only when something still holds the process once the stop is over.
    deadline = setTimeout(() => {
      if (signals.stopped) logger.warn('stopped, but a handle still held the process; exiting');
      else logger.error({ signal, deadlineMs: STOP_DEADLINE_MS }, 'did not stop in time; exiting anyway');
      logger.flush();
      process.exit(signals.stopped ? 0 : 1);
    }, STOP_DEADLINE_MS).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return signals;
}

/** Waits for a signal or the service ending by itself, then stops the service and flushes the logs. */
async function runUntilStopped(service: Service, signals: Signals, logger: Logger): Promise<number> {
  try {
    const reason = await Promise.race([service.done.then(() => 'done'), signals.received]);
    // The console ending with its input is routine; a signal is worth a line in the log.
    if (reason === 'done') logger.debug({ reason }, 'stopping');
    else logger.info({ reason }, 'stopping');
    await service.stop();
    signals.stopped = true;
    // A shard's IPC channel to its ShardingManager would hold the process open: nothing more goes over it.
    if (process.connected) process.disconnect();
  } finally {
    logger.flush();
  }
  return 0;
}
