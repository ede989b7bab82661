/**
 * The Discord adapter's entry point: creates the client, logs in, keeps the slash commands registered, routes
 * interactions and channel questions, and stops gracefully (no new work, replies in flight finished, then
 * `client.destroy()`).
 */
import {
  Client,
  Events,
  GatewayCloseCodes,
  GatewayIntentBits,
  type Interaction,
  type Message,
} from 'discord.js';
import { commands as defaultCommands } from '../../commands/index.ts';
import type { Config } from '../config.ts';
import type { Engine } from '../engine.ts';
import type { Logger } from '../log.ts';
import type { Service } from '../main.ts';
import type { Command, CommandContext, ScheduleService } from './context.ts';
import { createCooldown } from './cooldown.ts';
import { createViewStore } from './custom-id.ts';
import { createMessageHandler } from './messages.ts';
import { NO_MENTIONS } from './reply.ts';
import { createRouter } from './router.ts';
import { syncCommands } from './sync.ts';

/** The running bot: a Service, plus the client for features that post on their own (the daily summary). */
export interface BotService extends Service {
  readonly client: Client;
}

export interface BotDeps {
  config: Config;
  engine: Engine;
  logger: Logger;
  now?: () => Date;
  /** The commands to serve and register; default: every module in commands/. */
  commands?: readonly Command[];
  /** Hooks the daily post in once logged in: gets the ready client, returns the service `/daily-summary` uses. */
  schedule?: (client: Client<true>) => ScheduleHook | Promise<ScheduleHook>;
}

/** The daily post as the bot sees it: the service behind `/daily-summary schedule|off|status`, and how to stop it. */
export interface ScheduleHook {
  service: ScheduleService;
  /** Called on shutdown while replies in flight drain: stop the timers and finish a post in progress. */
  stop?(): Promise<void> | void;
  /** Called once both the drain and `stop` are over, before the client is destroyed (close the database). */
  close?(): Promise<void> | void;
}

/** A login that did not end in READY. The message names what to check; the token is never part of it. */
export class DiscordLoginError extends Error {
  override name = 'DiscordLoginError';
  /** True when Discord refused the token itself (HTTP 401, gateway close 4004): a configuration fix, not a retry. */
  readonly tokenRejected: boolean;

  constructor(message: string, options: { tokenRejected?: boolean; cause?: unknown } = {}) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined);
    this.tokenRejected = options.tokenRejected ?? false;
  }
}

const READY_TIMEOUT_MS = 30_000;
/**
 * How long replies in flight may take once a stop is asked for. The scheduler's own wait runs alongside, and the
 * process has 5 s from SIGTERM to exit (a container's stop grace is often not much longer).
 */
const DRAIN_TIMEOUT_MS = 3_000;

const TOKEN_HELP = 'copy it again from the Discord Developer Portal (your application → Bot → Reset Token)';

/** Turns what a failed login threw into a DiscordLoginError whose message says what to fix. */
function toLoginError(error: unknown, config: Config): DiscordLoginError {
  if (error instanceof DiscordLoginError) return error;
  // @discordjs/ws rejects the connection with this on close code 4004, at times before discord.js reports the code.
  if (error instanceof Error && error.message === 'Authentication failed') {
    return closeCodeError(GatewayCloseCodes.AuthenticationFailed, config);
  }
  const fields = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  // discord.js turns a 401 on GET /gateway/bot into TokenInvalid; a 401 elsewhere is a DiscordAPIError.
  if (fields.code === 'TokenInvalid' || fields.status === 401) {
    return new DiscordLoginError(
      `Discord refused the bot token in DISCORD_TOKEN (401 Unauthorized): ${TOKEN_HELP}.`,
      {
        tokenRejected: true,
        cause: error,
      },
    );
  }
  const where = config.discordApiUrl ? `DISCORD_API_URL (${config.discordApiUrl})` : 'discord.com';
  const detail = error instanceof Error ? error.message : String(error);
  return new DiscordLoginError(
    `could not log in to Discord at ${where}: ${detail}. Check DISCORD_TOKEN, DISCORD_API_URL and the network.`,
    { cause: error },
  );
}

/** The login error for a gateway connection Discord closed for good (discord.js gives up on these codes). */
function closeCodeError(code: number, config: Config): DiscordLoginError {
  if (code === GatewayCloseCodes.AuthenticationFailed) {
    return new DiscordLoginError(
      `Discord refused the bot token in DISCORD_TOKEN (gateway close code 4004, authentication failed): ${TOKEN_HELP}.`,
      { tokenRejected: true },
    );
  }
  if (code === GatewayCloseCodes.DisallowedIntents && config.questionChannelIds.length > 0) {
    return new DiscordLoginError(
      'Discord refused the Message Content intent (gateway close code 4014), which QUESTION_CHANNEL_IDS needs: turn it on under Bot → Privileged Gateway Intents in the Developer Portal, or unset QUESTION_CHANNEL_IDS.',
    );
  }
  const name = GatewayCloseCodes[code] ?? 'unknown';
  return new DiscordLoginError(
    `Discord closed the gateway connection for good (close code ${code}, ${name}).`,
  );
}

/** Logs in and serves until stopped. Resolves once READY has arrived and the commands are registered. */
export async function startBot(deps: BotDeps): Promise<BotService> {
  const { config, engine, logger } = deps;
  const token = config.discordToken;
  if (!token) throw new DiscordLoginError('DISCORD_TOKEN is not set');
  const now = deps.now ?? (() => new Date());
  const commands = deps.commands ?? defaultCommands;

  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];
  // Only question channels need every message's text; mentions carry their text without this privileged intent.
  if (config.questionChannelIds.length > 0) intents.push(GatewayIntentBits.MessageContent);
  const client = new Client({
    intents,
    allowedMentions: NO_MENTIONS,
    ...(config.discordApiUrl ? { rest: { api: config.discordApiUrl } } : {}),
  });

  const cooldown = createCooldown(config.askCooldownMs, now);
  const ctx: CommandContext = { engine, logger, now, cooldown, views: createViewStore() };
  const router = createRouter({ commands, ctx, logger });
  const messages = createMessageHandler({
    engine,
    logger,
    cooldown,
    questionChannelIds: config.questionChannelIds,
  });
  const inFlight = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  client.on(Events.InteractionCreate, (interaction: Interaction) =>
    track(router.handleInteraction(interaction)),
  );
  client.on(Events.MessageCreate, (message: Message) => track(messages.handleMessage(message)));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, 'discord client warning'));

  let endReadyWait = (): void => {};
  /** Why the gateway was closed for good during login; it says more than the error login() rejects with. */
  let closedFor: DiscordLoginError | undefined;
  const ready = new Promise<Client<true>>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new DiscordLoginError(
            `no READY from Discord within ${READY_TIMEOUT_MS / 1000} s; check DISCORD_API_URL and the network`,
          ),
        ),
      READY_TIMEOUT_MS,
    );
    // discord.js logs in "successfully" and then waits forever when the gateway refuses the IDENTIFY (4004).
    const onDisconnect = (event: { code: number }): void => {
      closedFor = closeCodeError(event.code, config);
      reject(closedFor);
    };
    endReadyWait = () => {
      clearTimeout(timer);
      client.off(Events.ShardDisconnect, onDisconnect);
    };
    client.on(Events.ShardDisconnect, onDisconnect);
    client.once(Events.ClientReady, (c) => {
      endReadyWait();
      resolve(c);
    });
  });
  // Rejections before `await ready` are read below; this keeps them from counting as unhandled meanwhile.
  ready.catch(() => {});
  let readyClient: Client<true>;
  try {
    await client.login(token);
    readyClient = await ready;
  } catch (error) {
    endReadyWait();
    await client.destroy();
    throw closedFor ?? toLoginError(error, config);
  }
  // Registered only now: a refusal during login is already reported, as the error startBot rejects with.
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.warn({ code: event.code, shard }, 'gateway disconnected'),
  );
  logger.info(
    { user: readyClient.user.tag, guilds: readyClient.guilds.cache.size, articles: engine.articles.length },
    'logged in to Discord',
  );

  const applicationId = readyClient.application.id;
  // Sharded, every shard would register the same commands: shard 0 does it for all.
  const registers = readyClient.shard === null || readyClient.shard.ids.includes(0);
  try {
    if (registers)
      await syncCommands({
        rest: client.rest,
        applicationId,
        guildId: config.commandsGuildId,
        commands: commands.map((c) => c.data),
        logger,
      });
  } catch (error) {
    // The bot can still answer commands registered earlier; say what failed and keep serving.
    logger.error({ err: error, guild: config.commandsGuildId }, 'could not register slash commands');
  }

  let scheduleHook: ScheduleHook | undefined;
  try {
    scheduleHook = deps.schedule ? await deps.schedule(readyClient) : undefined;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  ctx.schedule = scheduleHook?.service;

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      router.stopAccepting();
      messages.stopAccepting();
      // The scheduler winds down alongside the drain, not after it, so the two waits share one budget.
      const [drain, scheduler] = await Promise.allSettled([
        drainReplies(inFlight),
        Promise.resolve().then(() => scheduleHook?.stop?.()),
      ]);
      if (drain.status === 'fulfilled' && drain.value > 0) {
        logger.warn({ pending: drain.value }, 'stopped with replies still in flight');
      }
      if (scheduler.status === 'rejected') {
        logger.error({ err: scheduler.reason }, 'the daily summary did not stop cleanly');
      }
      try {
        await scheduleHook?.close?.();
      } finally {
        await client.destroy();
        logger.info('disconnected from Discord');
      }
    })();
    return stopping;
  };

  return { client, done: new Promise<void>(() => {}), stop };
}

/** Waits for the replies in flight, at most DRAIN_TIMEOUT_MS; resolves with how many were still running. */
async function drainReplies(inFlight: ReadonlySet<Promise<void>>): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(resolve, DRAIN_TIMEOUT_MS, 'timeout');
  });
  const outcome = await Promise.race([Promise.allSettled([...inFlight]), timeout]);
  clearTimeout(timer);
  return outcome === 'timeout' ? inFlight.size : 0;
}
