/**
 * A stop asked for while the bot is still starting (a deploy rolled back, a container stopped at once): `npm start`
 * still stops cleanly, closes its gateway connection and exits 0 within 5 s, instead of dying mid-start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiscordEmulator, startDiscordEmulator } from './emulator/discord-emulator.ts';
import { type SpawnedFactdesk, spawnFactdesk } from './emulator/spawn-factdesk.ts';

let discord: DiscordEmulator;
let run: SpawnedFactdesk;

beforeAll(async () => {
  discord = await startDiscordEmulator();
});

afterAll(async () => {
  run?.cleanUp();
  await discord?.close();
});

describe('SIGTERM while the bot starts', () => {
  it('stops cleanly within 5 s with exit code 0 when the signal comes as the bot identifies', async () => {
    run = spawnFactdesk({
      env: {
        DISCORD_TOKEN: discord.token,
        DISCORD_API_URL: discord.apiUrl,
        COMMANDS_GUILD_ID: discord.guildId,
        LOG_LEVEL: 'info',
      },
      articles: ['harbor-bridge.txt'],
    });
    await discord.waitForIdentify(30_000);
    const { code, ms } = await run.signal('SIGTERM');
    expect(code, run.stderr()).toBe(0);
    expect(ms).toBeLessThan(5_000);
    expect(run.stderr()).toContain('disconnected from Discord');
    await expect.poll(() => discord.connections()).toBe(0);
    expect(run.stderr()).not.toContain(discord.token);
  }, 40_000);
});
