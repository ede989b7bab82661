/**
 * What a command module receives and what it must provide. Commands stay thin: read options, call one engine
 * function, render, reply; everything they need from the outside comes through `CommandContext`.
 */
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Engine } from '../engine.ts';
import type { Logger } from '../log.ts';
import type { ViewOptions, ViewStore } from './custom-id.ts';
import type { ReplyPayload } from './layout.ts';
import type { ScheduleService } from './schedule/service.ts';

export type { ScheduleService };

/** Per-user rate limit for questions. */
export interface Cooldown {
  /** Milliseconds the user must still wait (0 means go ahead, and the wait starts now). */
  take(userId: string): number;
}

/** Everything a command may use. */
export interface CommandContext {
  engine: Engine;
  logger: Logger;
  now: () => Date;
  cooldown: Cooldown;
  views: ViewStore;
  /** The daily post's service (src/discord/schedule/); absent when not wired in, and the subcommands say so. */
  schedule?: ScheduleService | undefined;
}

/** One slash command: its registration data and its handlers. */
export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
  /** Re-renders page `page` of a paged reply from the options it was made with (Previous/Next buttons). */
  page?(options: ViewOptions, page: number, ctx: CommandContext): ReplyPayload;
}

/** An expected problem with what the user asked; the router shows `message` to them (ephemeral). */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}
