import { createLogger } from '../log.ts';
import { readBotConfig } from './bot-config.ts';
import type { CliIo } from './main.ts';

/** `factdesk deploy-commands [--guild ID]`: registers the slash commands, globally or to one guild. */
export async function deployCommandsCli(io: CliIo, guild: string | undefined): Promise<number> {
  const config = readBotConfig(io, 'register commands', guild ? { COMMANDS_GUILD_ID: guild } : {});
  if (typeof config === 'number') return config;
  const logger = createLogger({ level: config.logLevel, secrets: [config.discordToken] });
  const { deployCommands } = await import('../discord/deploy.ts');
  const result = await deployCommands({
    config,
    logger,
    ...(config.commandsGuildId ? { guildId: config.commandsGuildId } : {}),
  });
  const where = result.scope === 'guild' ? `guild ${config.commandsGuildId}` : 'all servers (global)';
  io.stdout.write(`Registered ${result.count} commands for ${where}.\n`);
  return 0;
}
