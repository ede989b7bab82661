/**
 * Registering the slash commands: `deployCommands` over REST alone, and the bot's start-up sync that only
 * writes when Discord's set differs from the code's.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.ts';
import { parseConfig } from '../src/config.ts';
import { startBot } from '../src/discord/bot.ts';
import { deployCommands } from '../src/discord/deploy.ts';
import { applicationIdFromToken, canonicalCommands } from '../src/discord/sync.ts';
import { createLogger } from '../src/log.ts';
import { type DiscordEmulator, startDiscordEmulator } from './emulator/discord-emulator.ts';
import { createSampleEngine } from './emulator/sample-engine.ts';

process.on('unhandledRejection', (reason) => {
  throw reason;
});

const logger = createLogger({ level: 'silent' });
let discord: DiscordEmulator;

beforeEach(async () => {
  discord = await startDiscordEmulator();
});

afterEach(async () => {
  await discord.close();
});

const config = (env: Record<string, string> = {}) =>
  parseConfig({ DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl, ...env });

describe('deploying the slash commands', () => {
  it('registers every command globally, authenticated as the bot, without the gateway', async () => {
    const result = await deployCommands({ config: config(), logger });
    expect(result).toEqual({ count: commands.length, scope: 'global' });
    const put = discord.requests.find((r) => r.method === 'PUT');
    expect(put?.path).toBe(`/applications/${discord.applicationId}/commands`);
    expect(put?.auth).toBe(`Bot ${discord.token}`);
    expect(discord.identifies).toEqual([]);
  });

  it('registers to one guild when given --guild, or COMMANDS_GUILD_ID', async () => {
    expect(await deployCommands({ config: config(), logger, guildId: discord.guildId })).toEqual({
      count: commands.length,
      scope: 'guild',
    });
    await deployCommands({ config: config({ COMMANDS_GUILD_ID: '999999999999999999' }), logger });
    expect(discord.commands.get(discord.guildId)?.length).toBe(commands.length);
    expect(discord.commands.get('999999999999999999')?.length).toBe(commands.length);
  });

  it('asks Discord for the application id when the token does not carry one', async () => {
    const cfg = { ...config(), discordToken: 'opaque-token-without-an-id' };
    await deployCommands({ config: cfg, logger });
    expect(discord.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /applications/@me',
      `PUT /applications/${discord.applicationId}/commands`,
    ]);
  });

  it('refuses to deploy without a token, naming the variable', async () => {
    await expect(
      deployCommands({ config: { ...config(), discordToken: undefined }, logger }),
    ).rejects.toThrow(/DISCORD_TOKEN/);
  });

  it('reads the application id from the first segment of a bot token', () => {
    expect(applicationIdFromToken(discord.token)).toBe(discord.applicationId);
    expect(applicationIdFromToken('not.a.token')).toBeUndefined();
  });
});

describe('syncing at start-up', () => {
  it('does not register again when Discord already has the same commands', async () => {
    await deployCommands({ config: config(), logger, guildId: discord.guildId });
    const bot = await startBot({
      config: config({ COMMANDS_GUILD_ID: discord.guildId }),
      engine: createSampleEngine(),
      logger,
    });
    await bot.stop();
    const calls = discord.requests.map((r) => `${r.method} ${r.path}`);
    expect(calls.filter((c) => c.startsWith('PUT'))).toHaveLength(1); // the deploy's
    expect(calls).toContain(`GET /applications/${discord.applicationId}/guilds/${discord.guildId}/commands`);
  });

  it('treats a changed option as a difference and Discord-added defaults as none', () => {
    const data = commands.map((c) => c.data);
    const asDiscordReturnsThem = data.map((c) => ({ ...c, id: '1', version: '2', nsfw: false, type: 1 }));
    expect(canonicalCommands(asDiscordReturnsThem)).toBe(canonicalCommands(data));
    const changed = data.map((c) =>
      c.name === 'ask' ? { ...c, options: c.options?.map((o) => ({ ...o, max_length: 999 })) } : c,
    );
    expect(canonicalCommands(changed)).not.toBe(canonicalCommands(data));
  });

  it('registers again when a global command would reach DMs it should not, but not for a guild', () => {
    const data = commands.map((c) => c.data);
    const returned = data.map((c) => ({ ...c, contexts: c.contexts ?? null }));
    expect(canonicalCommands(returned)).toBe(canonicalCommands(data));
    const everywhere = data.map((c) => ({ ...c, contexts: null }));
    expect(canonicalCommands(everywhere)).not.toBe(canonicalCommands(data));
    expect(canonicalCommands(everywhere, 'guild')).toBe(canonicalCommands(data, 'guild'));
  });
});
