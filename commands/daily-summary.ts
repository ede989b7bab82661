/**
 * `/daily-summary schedule|off|status`: the daily summary post, for server managers. Discord applies
 * `default_member_permissions` to a whole command, so this is its own command (Manage Server, servers only) and
 * `/summary` stays open to everyone. The work is delegated to `ctx.schedule` (src/discord/schedule/); without it
 * the subcommands say scheduling isn't enabled.
 */
import {
  type AutocompleteInteraction,
  ChannelType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import { type CommandContext, type ScheduleService, UserFacingError } from '../src/discord/context.ts';
import { LIMITS } from '../src/discord/layout.ts';
import { readText } from '../src/discord/options.ts';
import { renderScheduleStatus } from '../src/discord/render.ts';
import { sendReply } from '../src/discord/reply.ts';
import { matchTimeZones } from '../src/discord/schedule/input.ts';

export const data = new SlashCommandBuilder()
  .setName('daily-summary')
  .setDescription('Set up the daily summary post in this server')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    s
      .setName('schedule')
      .setDescription('Post the summary every day in a channel')
      .addChannelOption((o) =>
        o
          .setName('channel')
          .setDescription('Where to post')
          .setRequired(true)
          .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
      )
      .addStringOption((o) =>
        o.setName('time').setDescription('Time of day, e.g. 09:00 or 6pm').setRequired(true).setMaxLength(32),
      )
      .addStringOption((o) =>
        o
          .setName('timezone')
          .setDescription('Time zone, e.g. Europe/London or UTC')
          .setRequired(true)
          .setAutocomplete(true)
          .setMaxLength(64),
      )
      .addStringOption((o) =>
        o
          .setName('days')
          .setDescription('daily (default), weekdays, weekends, or e.g. mon,wed,fri')
          .setMaxLength(64),
      ),
  )
  .addSubcommand((s) => s.setName('off').setDescription('Stop the daily summary post'))
  .addSubcommand((s) => s.setName('status').setDescription('When and where the daily summary posts'))
  .toJSON();

/** Dispatches to the subcommand; changes are refused to members without Manage Server, whatever Discord let through. */
export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const sub = interaction.options.getSubcommand(false) ?? 'status';
  const schedule = requireSchedule(ctx);
  const guildId = interaction.guildId;
  if (!guildId)
    throw new UserFacingError('The daily summary is set per server: run this in a server channel.');
  if (sub === 'status') {
    await sendReply(interaction, renderScheduleStatus(schedule.status(guildId)));
    return;
  }
  // A server can grant this command to other roles in its Integrations settings; changing it stays with managers.
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    throw new UserFacingError('Only members who can manage this server can change the daily summary.');
  }
  if (sub === 'off') {
    const { disabled, status } = schedule.disable(guildId);
    await sendReply(interaction, renderScheduleStatus(status, disabled ? 'Done.' : 'It was not on.'));
    return;
  }
  const result = await schedule.configure({
    guildId,
    // Required in the registration; an older registration without it means this channel.
    channelId: interaction.options.getChannel('channel')?.id ?? interaction.channelId,
    time: readText(interaction, 'time', { max: 32, label: 'time' }) ?? '',
    timezone: readText(interaction, 'timezone', { max: 64, label: 'time zone' }) ?? 'UTC',
    days: readText(interaction, 'days', { max: 64, label: 'list of days' }),
  });
  if (!result.ok) throw new UserFacingError(result.problems.map((p) => p.message).join('\n'));
  await sendReply(interaction, renderScheduleStatus(result.status, 'Saved.'));
}

/** Suggests time zones for `/daily-summary schedule timezone`. */
export async function autocomplete(interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (focused.name !== 'timezone') {
    await interaction.respond([]);
    return;
  }
  const zones = matchTimeZones(String(focused.value), LIMITS.choices);
  await interaction.respond(zones.map((zone) => ({ name: zone, value: zone })));
}

function requireSchedule(ctx: CommandContext): ScheduleService {
  if (!ctx.schedule) throw new UserFacingError("Scheduling isn't enabled on this bot.");
  return ctx.schedule;
}
