/**
 * `factdesk shards [--count N]`: runs the bot sharded with discord.js's ShardingManager, one `factdesk start`
 * process per shard. Each shard serves its own guilds and runs their daily posts (the scheduler asks the shard
 * which guilds it owns; the ledger's insert-as-lock keeps a post from going out twice); shard 0 registers the
 * commands. SIGINT/SIGTERM reach every shard, which stops gracefully, then the manager exits 0.
 */
import type { Shard } from 'discord.js';
import { createLogger } from '../log.ts';
import { findBin } from './bin-path.ts';
import { readBotConfig } from './bot-config.ts';
import type { CliIo } from './main.ts';

/** How long the shards get to stop after a signal (each has its own 4.5 s deadline) before they are killed. */
const SHARD_STOP_MS = 4_800;

/** Resolves once the shard's process has exited, whether by itself or by a signal. */
function waitForExit(shard: Shard): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Waits for every shard's exit, at most SHARD_STOP_MS; then kills those still running. Resolves with their count. */
async function stopShards(shards: Shard[]): Promise<number> {
  const children = shards.map((s) => s.process);
  const exits = shards.map(waitForExit);
  // kill() drops the respawn listener first, then sends SIGTERM: each shard stops gracefully.
  for (const shard of shards) shard.kill();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(resolve, SHARD_STOP_MS, 'late');
  });
  const outcome = await Promise.race([Promise.all(exits), late]);
  clearTimeout(timer);
  if (outcome !== 'late') return 0;
  const running = children.filter((c) => c && c.exitCode === null && c.signalCode === null);
  for (const child of running) child?.kill('SIGKILL');
  return running.length;
}

/** Spawns the shards and waits for a signal; resolves with the exit code once every shard has stopped. */
export async function runShards(io: CliIo, count: string | undefined): Promise<number> {
  const config = readBotConfig(io, 'run shards');
  if (typeof config === 'number') return config;
  const totalShards = count === undefined || count === 'auto' ? 'auto' : Number(count);
  if (totalShards !== 'auto' && !(Number.isInteger(totalShards) && totalShards > 0)) {
    io.stderr.write(`factdesk: --count must be a positive whole number or "auto", not "${count}"\n`);
    return 64;
  }
  if (totalShards === 'auto' && config.discordApiUrl) {
    // discord.js asks Discord itself for the recommended count, whatever DISCORD_API_URL says.
    io.stderr.write('factdesk: with DISCORD_API_URL set, give the number of shards: --count N\n');
    return 64;
  }

  const logger = createLogger({ level: config.logLevel, secrets: [config.discordToken] });
  const { ShardingManager } = await import('discord.js');
  const manager = new ShardingManager(findBin(), {
    token: config.discordToken,
    totalShards,
    shardArgs: ['start'],
    respawn: true,
  });
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id }, 'shard started');
    // A shard that dies is respawned; say so, and keep a failed respawn from crashing the manager.
    shard.on('death', (child) => {
      if (!stopping)
        logger.warn({ shard: shard.id, code: 'exitCode' in child ? child.exitCode : null }, 'shard exited');
    });
    shard.on('error', (error) => logger.error({ err: error, shard: shard.id }, 'shard error'));
  });
  let stopping = false;

  let onSignal: (signal: NodeJS.Signals) => void = () => {};
  const signalled = new Promise<NodeJS.Signals>((resolve) => {
    onSignal = resolve;
  });
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await Promise.race([manager.spawn({ timeout: 60_000 }), signalled]);
    const signal = await signalled;
    stopping = true;
    logger.info({ signal }, 'stopping every shard');
    const killed = await stopShards([...manager.shards.values()]);
    if (killed === 0) return 0;
    logger.error({ shards: killed, waitedMs: SHARD_STOP_MS }, 'shards did not stop in time and were killed');
    return 1;
  } catch (error) {
    stopping = true;
    logger.fatal({ err: error }, 'the shards could not start');
    for (const shard of manager.shards.values()) shard.kill();
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    logger.flush();
  }
}
