/**
 * The daily summary hooked into the bot: opens the store under DATA_DIR, starts the scheduler with the Discord
 * poster, follows the guilds this process serves, and hands `/daily-summary` its service. `startBot`'s `schedule`
 * option calls it with the ready client.
 */
import { type Client, Events } from 'discord.js';
import type { Config } from '../../config.ts';
import type { Logger } from '../../log.ts';
import { openStore, type Store, storeFile } from '../../store/store.ts';
import type { Clock } from './clock.ts';
import { createDiscordPoster } from './discord-poster.ts';
import type { Poster } from './poster.ts';
import { type DigestEngine, type Scheduler, startScheduler } from './scheduler.ts';
import { createScheduleService, type ScheduleService } from './service.ts';

export interface DailySummaryDeps {
  client: Client<true>;
  config: Pick<Config, 'dataDir' | 'summary'>;
  engine: DigestEngine | (() => DigestEngine);
  logger: Logger;
  clock?: Clock | undefined;
  /** An already open store (tests); otherwise the file under `config.dataDir` is opened, and closed on stop. */
  store?: Store | undefined;
  /** Wraps the Discord poster (tests inject failures through this). */
  wrapPoster?: ((poster: Poster) => Poster) | undefined;
}

export interface DailySummary {
  service: ScheduleService;
  scheduler: Scheduler;
  store: Store;
  /** Stops the scheduler: no new posts, and a post in flight gets up to STOP_TIMEOUT_MS to finish. */
  stop(): Promise<void>;
  /** Stops, then closes the store if it was opened here (once `/daily-summary` replies can no longer use it). */
  close(): Promise<void>;
}

/**
 * How long a stop waits for a post in flight. It runs alongside the bot's drain of replies, inside the 5 s from
 * SIGTERM to exit; a post cut short stays pending in the ledger and the next start settles it without a duplicate.
 */
export const STOP_TIMEOUT_MS = 3_000;

/** Starts the daily summary for a ready client. */
export async function startDailySummary(deps: DailySummaryDeps): Promise<DailySummary> {
  const { client, config, logger } = deps;
  const store = deps.store ?? openStore(storeFile(config.dataDir));
  const basePoster = createDiscordPoster(client);
  const poster = deps.wrapPoster ? deps.wrapPoster(basePoster) : basePoster;
  // Sharded, each process schedules only its own guilds; shard 0 takes the environment's schedule until its
  // channel's guild is known.
  const sharded = client.shard !== null;
  const scheduler = startScheduler({
    store,
    engine: deps.engine,
    poster,
    clock: deps.clock,
    logger,
    config,
    guildsOwned: sharded ? () => new Set(client.guilds.cache.keys()) : undefined,
    primaryShard: sharded ? (client.shard?.ids.includes(0) ?? false) : true,
    stopTimeoutMs: STOP_TIMEOUT_MS,
  });
  const service = createScheduleService({
    store,
    clock: deps.clock,
    poster,
    onChange: () => scheduler.refresh(),
  });
  // A guild joining or leaving this process changes what it schedules.
  const onGuildsChanged = (): void => scheduler.refresh();
  client.on(Events.GuildCreate, onGuildsChanged);
  client.on(Events.GuildDelete, onGuildsChanged);
  await scheduler.ready;
  logger.info({ file: store.file }, 'daily summary scheduler started');

  let stopping: Promise<void> | undefined;
  let closing: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      client.off(Events.GuildCreate, onGuildsChanged);
      client.off(Events.GuildDelete, onGuildsChanged);
      await scheduler.stop();
    })();
    return stopping;
  };
  return {
    service,
    scheduler,
    store,
    stop,
    close() {
      closing ??= (async () => {
        await stop();
        if (!deps.store) store.close();
      })();
      return closing;
    },
  };
}
