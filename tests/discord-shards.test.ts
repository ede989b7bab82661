/**
 * `factdesk shards`: the bot under discord.js's ShardingManager, one `factdesk start` process per shard,
 * against the loopback Discord. The shard identifies as a shard, registers the commands, answers, and stops with
 * the manager on SIGTERM.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiscordEmulator, startDiscordEmulator } from './emulator/discord-emulator.ts';

process.on('unhandledRejection', (reason) => {
  throw reason;
});

const root = join(import.meta.dirname, '..');
let discord: DiscordEmulator;
let manager: ChildProcess;
let dir: string;
let stderr = '';
/** The manager's exit code, once it has exited (whenever that is). */
let managerExit: Promise<number | null>;

beforeAll(async () => {
  discord = await startDiscordEmulator();
  dir = mkdtempSync(join(tmpdir(), 'factdesk-shards-'));
  cpSync(join(root, 'tests/fixtures/articles/harbor-bridge.txt'), join(dir, 'corpus', 'harbor-bridge.txt'));
  manager = spawn(process.execPath, [join(root, 'bin/factdesk.js'), 'shards', '--count', '1'], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      COMMANDS_GUILD_ID: discord.guildId,
      CORPUS_DIR: join(dir, 'corpus'),
      DATA_DIR: join(dir, 'data'),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  managerExit = new Promise((resolve) => manager.once('exit', (code) => resolve(code)));
  manager.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  await discord.waitForRequest((r) => r.method === 'PUT' && r.path.endsWith('/commands'), 40_000);
}, 50_000);

afterAll(async () => {
  if (manager.exitCode === null) manager.kill('SIGKILL');
  await discord?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('factdesk shards', () => {
  it('starts a shard that identifies as shard 0 of 1 and registers the commands once', () => {
    expect(discord.identifies.map((i) => i.shard)).toEqual([[0, 1]]);
    const registrations = discord.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/commands'));
    expect(registrations).toHaveLength(1);
  });

  it('answers a command from the shard, with a citation', async () => {
    const reply = await discord.runCommand('ask', { question: 'How much will the bridge repair cost?' });
    expect(reply.data.embeds?.[0]?.description).toContain('$48 million');
    expect(reply.data.embeds?.[0]?.description).toMatch(/\[¶\d+\]/);
  });

  it('stops every shard and exits 0 within 5 s of SIGTERM, without leaking the token', async () => {
    expect(manager.exitCode, `the manager exited before SIGTERM:\n${stderr}`).toBeNull();
    const started = Date.now();
    manager.kill('SIGTERM');
    const late = new Promise<'late'>((resolve) => setTimeout(resolve, 10_000, 'late').unref());
    const code = await Promise.race([managerExit, late]);
    expect(code, stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(discord.connections()).toBe(0);
    // The shard stopped gracefully (it was not killed): it said so before its exit.
    expect(stderr).toContain('disconnected from Discord');
    expect(stderr).not.toContain('did not stop in time');
    expect(stderr).not.toContain(discord.token);
    expect(discord.unknownRoutes).toEqual([]);
  });
});
