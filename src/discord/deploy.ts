/**
 * `factdesk deploy-commands [--guild ID]`: registers the slash commands over REST alone, from the commands'
 * `data`, without logging in to the gateway. Guild registration shows up at once (use it while developing);
 * global registration reaches every server the bot is in.
 */
import { REST, Routes } from 'discord.js';
import { commands } from '../../commands/index.ts';
import { type Config, ConfigError } from '../config.ts';
import type { Logger } from '../log.ts';
import { applicationIdFromToken, type CommandScope, putCommands } from './sync.ts';

/** Registers every command, in one guild (`guildId`, else COMMANDS_GUILD_ID) or globally. */
export async function deployCommands(deps: {
  config: Config;
  logger: Logger;
  guildId?: string;
}): Promise<{ count: number; scope: CommandScope }> {
  const token = deps.config.discordToken;
  if (!token) throw new ConfigError('Invalid configuration:\n  DISCORD_TOKEN: required to deploy commands');
  const rest = new REST(deps.config.discordApiUrl ? { api: deps.config.discordApiUrl } : {}).setToken(token);
  try {
    const applicationId =
      applicationIdFromToken(token) ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
    const guildId = deps.guildId ?? deps.config.commandsGuildId;
    const count = await putCommands({ rest, applicationId, guildId, commands: commands.map((c) => c.data) });
    const scope: CommandScope = guildId ? 'guild' : 'global';
    deps.logger.info({ scope, guild: guildId, count }, 'deployed slash commands');
    return { count, scope };
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}
