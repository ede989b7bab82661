/**
 * Command registration. `syncCommands` (at start-up) reads what Discord has and only writes when it differs
 * from the code's set, so restarts do not burn the registration rate limit; `putCommands` always writes
 * (the deploy command).
 */
import { type REST, type RESTPostAPIChatInputApplicationCommandsJSONBody, Routes } from 'discord.js';
import type { Logger } from '../log.ts';

export type CommandScope = 'global' | 'guild';

type Json = Record<string, unknown>;

/** Guild, BotDM, PrivateChannel: where a command without `contexts` can be used. */
const ALL_CONTEXTS = [0, 1, 2];

/** The fields that decide how a command behaves, with Discord's defaults filled in, so a fetched command and the
 * code's data compare equal when Discord would treat them the same. */
export function canonicalCommands(commands: readonly unknown[], scope: CommandScope = 'global'): string {
  const option = (o: Json): Json => ({
    type: o.type,
    name: o.name,
    description: o.description ?? '',
    required: o.required ?? false,
    autocomplete: o.autocomplete ?? false,
    min_length: o.min_length ?? null,
    max_length: o.max_length ?? null,
    min_value: o.min_value ?? null,
    max_value: o.max_value ?? null,
    channel_types: [...((o.channel_types as number[] | undefined) ?? [])].sort(),
    choices: ((o.choices as Json[] | undefined) ?? []).map((c) => ({ name: c.name, value: c.value })),
    options: ((o.options as Json[] | undefined) ?? []).map(option),
  });
  const command = (c: Json): Json => ({
    type: c.type ?? 1,
    name: c.name,
    description: c.description ?? '',
    default_member_permissions: c.default_member_permissions ?? null,
    // No contexts means every context (server, bot DM, private channel). Discord applies contexts to global
    // commands only (a guild's commands never reach DMs), so in a guild they are no difference worth a write.
    contexts:
      scope === 'guild' ? null : [...((c.contexts as number[] | null | undefined) ?? ALL_CONTEXTS)].sort(),
    nsfw: c.nsfw ?? false,
    options: ((c.options as Json[] | undefined) ?? []).map(option),
  });
  const list = (commands as Json[]).map(command);
  list.sort((a, b) => String(a.name).localeCompare(String(b.name)));
  return JSON.stringify(list);
}

function commandsRoute(applicationId: string, guildId: string | undefined): `/${string}` {
  return guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
}

/** Registers the commands (replacing the whole set); resolves with how many Discord now has. */
export async function putCommands(deps: {
  rest: REST;
  applicationId: string;
  guildId?: string | undefined;
  commands: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[];
}): Promise<number> {
  const saved = await deps.rest.put(commandsRoute(deps.applicationId, deps.guildId), { body: deps.commands });
  return Array.isArray(saved) ? saved.length : deps.commands.length;
}

/** Registers the commands only when Discord's set differs from the code's. */
export async function syncCommands(deps: {
  rest: REST;
  applicationId: string;
  guildId?: string | undefined;
  commands: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[];
  logger: Logger;
}): Promise<{ changed: boolean; count: number; scope: CommandScope }> {
  const scope: CommandScope = deps.guildId ? 'guild' : 'global';
  const registered = await deps.rest.get(commandsRoute(deps.applicationId, deps.guildId));
  const current = Array.isArray(registered) ? registered : [];
  if (canonicalCommands(current, scope) === canonicalCommands(deps.commands, scope)) {
    deps.logger.debug({ scope, count: current.length }, 'slash commands already up to date');
    return { changed: false, count: current.length, scope };
  }
  const count = await putCommands(deps);
  deps.logger.info({ scope, guild: deps.guildId, count }, 'registered slash commands');
  return { changed: true, count, scope };
}

/** The application id inside a bot token (its first segment is the id in base64), or undefined. */
export function applicationIdFromToken(token: string): string | undefined {
  const first = token.split('.')[0] ?? '';
  const decoded = Buffer.from(first, 'base64').toString('utf8');
  return /^\d{17,20}$/.test(decoded) ? decoded : undefined;
}
