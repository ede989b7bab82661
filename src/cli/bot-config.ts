import { type Config, ConfigError, parseConfig } from '../config.ts';
import type { StartIo } from '../main.ts';

/**
 * The configuration of a command that talks to Discord (`deploy-commands`, `shards`): parsed from the
 * environment with `overrides` on top, and with a token. Otherwise the problem is printed and the exit code
 * returned.
 */
export function readBotConfig(
  io: StartIo,
  purpose: string,
  overrides: Record<string, string> = {},
): (Config & { discordToken: string }) | number {
  let config: Config;
  try {
    config = parseConfig({ ...io.env, ...overrides });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`factdesk: ${error.message}\n`);
    return 78;
  }
  const { discordToken } = config;
  if (!discordToken) {
    io.stderr.write(`factdesk: DISCORD_TOKEN is required to ${purpose} (set it in .env)\n`);
    return 78;
  }
  return { ...config, discordToken };
}
