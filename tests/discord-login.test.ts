/**
 * A token Discord refuses: at GET /gateway/bot (HTTP 401, which discord.js reports as TokenInvalid) or at
 * IDENTIFY (gateway close code 4004). The bot must fail at once with a line that names DISCORD_TOKEN, and
 * `npm start` must exit non-zero with that line and no stack trace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.ts';
import { DiscordLoginError, startBot } from '../src/discord/bot.ts';
import { createLogger } from '../src/log.ts';
import { type DiscordEmulator, startDiscordEmulator } from './emulator/discord-emulator.ts';
import { createSampleEngine } from './emulator/sample-engine.ts';
import { type SpawnedFactdesk, spawnFactdesk } from './emulator/spawn-factdesk.ts';

process.on('unhandledRejection', (reason) => {
  throw reason;
});

const refusals = ['rest', 'gateway'] as const;
const emulators = new Map<(typeof refusals)[number], DiscordEmulator>();
const spawned: SpawnedFactdesk[] = [];

beforeAll(async () => {
  for (const rejectToken of refusals) emulators.set(rejectToken, await startDiscordEmulator({ rejectToken }));
});

afterAll(async () => {
  for (const run of spawned) run.cleanUp();
  for (const discord of emulators.values()) await discord.close();
});

function emulator(rejectToken: (typeof refusals)[number]): DiscordEmulator {
  const discord = emulators.get(rejectToken);
  if (!discord) throw new Error(`no emulator refusing at ${rejectToken}`);
  return discord;
}

describe('logging in with a token Discord refuses', () => {
  it.each([
    ['with 401 on GET /gateway/bot', 'rest', '401 Unauthorized'],
    ['with close code 4004 on IDENTIFY', 'gateway', 'close code 4004'],
  ] as const)(
    'fails at once, naming DISCORD_TOKEN, when Discord refuses it %s',
    async (_how, rejectToken, detail) => {
      const discord = emulator(rejectToken);
      const started = performance.now();
      const error = await startBot({
        config: parseConfig({ DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl }),
        engine: createSampleEngine(),
        logger: createLogger({ level: 'silent' }),
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DiscordLoginError);
      const { message, tokenRejected } = error as DiscordLoginError;
      expect(tokenRejected).toBe(true);
      expect(message).toContain('DISCORD_TOKEN');
      expect(message).toContain(detail);
      expect(message).not.toContain(discord.token);
      // Not the 30 s wait for a READY that will never come.
      expect(performance.now() - started).toBeLessThan(5_000);
      await expect.poll(() => discord.connections()).toBe(0);
    },
  );

  it('makes `npm start` print one readable line naming DISCORD_TOKEN and exit non-zero, without a stack trace', async () => {
    const runs = refusals.map((rejectToken) => {
      const discord = emulator(rejectToken);
      const run = spawnFactdesk({
        env: { DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl, LOG_LEVEL: 'info' },
        articles: ['harbor-bridge.txt'],
      });
      spawned.push(run);
      return { run, discord };
    });
    for (const { run, discord } of runs) {
      const code = await run.exited;
      const stderr = run.stderr();
      expect(code).toBe(78); // EX_CONFIG: the token needs fixing
      expect(stderr).toMatch(/^factdesk: Discord refused the bot token in DISCORD_TOKEN .*Reset Token\)\.$/m);
      expect(stderr).not.toMatch(/^\s+at /m);
      expect(stderr).not.toContain(discord.token);
    }
  });
});
