/**
 * Every slash command end to end: the real discord.js client, logged in to the loopback Discord, serving a
 * made-up engine whose answers are known, so the tests can check exactly what a user would see.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.ts';
import { type BotService, startBot } from '../src/discord/bot.ts';
import { createScheduleService } from '../src/discord/schedule/service.ts';
import { createLogger } from '../src/log.ts';
import { openStore } from '../src/store/store.ts';
import {
  type DiscordEmulator,
  type InteractionReply,
  MANAGER_PERMISSIONS,
  makeUser,
  startDiscordEmulator,
} from './emulator/discord-emulator.ts';
import { createSampleEngine, FERRY_ID, LIBRARY_ID } from './emulator/sample-engine.ts';

process.on('unhandledRejection', (reason) => {
  throw reason;
});

let discord: DiscordEmulator;
let bot: BotService;
const logLines: Array<Record<string, unknown>> = [];
const store = openStore(':memory:');
const QUESTION_CHANNEL = '555555555555555555';
/** The bot's clock: each test starts a minute later, so one test's questions never cool down the next's. */
let clock = Date.parse('2024-03-05T12:00:00Z');

beforeAll(async () => {
  discord = await startDiscordEmulator({ extraChannelIds: [QUESTION_CHANNEL] });
  const config = parseConfig({
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    COMMANDS_GUILD_ID: discord.guildId,
    ASK_COOLDOWN: '10s',
    QUESTION_CHANNEL_IDS: QUESTION_CHANNEL,
  });
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  const logger = createLogger({ level: 'debug', secrets: [discord.token], stream });
  bot = await startBot({
    config,
    engine: createSampleEngine({ twoArticles: true, extraFigures: 12 }),
    logger,
    now: () => new Date(clock),
    schedule: () => ({ service: createScheduleService({ store }), close: () => store.close() }),
  });
});

beforeEach(() => {
  clock += 60_000;
});

afterAll(async () => {
  await bot?.stop();
  await discord?.close();
});

const embed = (reply: InteractionReply) => reply.data.embeds?.[0] ?? {};
const buttons = (reply: InteractionReply) => (reply.data.components ?? []).flatMap((row) => row.components);

describe('slash commands against the loopback Discord', () => {
  it('answers /ask with the short answer first, then the quote and its paragraph marker', async () => {
    const reply = await discord.runCommand('ask', { question: 'When did the library reopen?' });
    expect(reply.callbackType).toBe(5); // deferred: search may be slow
    const description = embed(reply).description ?? '';
    expect(description.indexOf('**March 4, 2024**')).toBe(0);
    expect(description).toContain('> The Riverside public library reopened on March 4, 2024');
    expect(description).toContain('[A ¶2]');
    expect(embed(reply).footer?.text).toContain('Riverside library reopens after a two-year rebuild');
    expect(embed(reply).footer?.text).toContain('https://news.example.org/riverside-library');
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('says plainly when the article does not say, with the nearest passage', async () => {
    const reply = await discord.runCommand('ask', { question: 'Who designed the roof?' });
    const description = embed(reply).description ?? '';
    expect(description).toContain("The article doesn't say.");
    expect(description).toContain('150,000 visits');
  });

  it('shows the whole cited paragraph, only to the presser, when "Show paragraph" is pressed', async () => {
    const reply = await discord.runCommand('ask', { question: 'How much did it cost?' });
    const show = buttons(reply).find((b) => b.label === 'Show A ¶2');
    expect(show?.custom_id).toBeDefined();
    const shown = await discord.pressButton(show?.custom_id ?? '', reply.message);
    expect(shown.ephemeral).toBe(true);
    expect(embed(shown).title).toContain('¶2');
    expect(embed(shown).description).toContain('after a rebuild that cost $12.5 million, the council said.');
  });

  it('lists the cast with roles and a cited quote for each', async () => {
    const reply = await discord.runCommand('who');
    const description = embed(reply).description ?? '';
    expect(description).toContain('**Ana Lopez** · person — head librarian');
    expect(description).toContain('**Riverside council** · organisation');
    expect(description).toContain('[A ¶3]');
    expect(description).toContain('> Head librarian Ana Lopez said');
  });

  it('shows a profile for /who name: roles, what they said, and the quotes', async () => {
    const reply = await discord.runCommand('who', { name: 'tom reyes' });
    expect(embed(reply).title).toBe('Tom Reyes');
    const description = embed(reply).description ?? '';
    expect(description).toContain('councillor');
    expect(description).toContain('__What they said__');
    expect(description).toContain('claimed: the project ran 18% over budget');
  });

  it('suggests names the engine knows while typing /who name', async () => {
    const choices = await discord.autocomplete('who', { name: 'lo' }, 'name');
    expect(choices.map((c) => c.value)).toEqual(['Ana Lopez', 'Lopez']);
  });

  it('suggests speakers for /claims speaker and articles for the article option', async () => {
    const speakers = await discord.autocomplete('claims', { speaker: 'rey' }, 'speaker');
    expect(speakers.map((c) => c.value)).toEqual(['Tom Reyes']);
    const articles = await discord.autocomplete('when', { article: 'ferry' }, 'article');
    expect(articles).toEqual([{ name: 'B: Ferry timetable changes in spring', value: FERRY_ID }]);
  });

  it('puts the timeline in date order and marks inferred dates', async () => {
    const reply = await discord.runCommand('when');
    const description = embed(reply).description ?? '';
    expect(description.indexOf('**2022**')).toBeLessThan(description.indexOf('**2024-03-04**'));
    expect(description).toMatch(/\*\*2022\*\*.*_inferred_/);
  });

  it('marks hedged claims and filters claims by speaker', async () => {
    const reply = await discord.runCommand('claims', { speaker: 'Reyes' });
    const description = embed(reply).description ?? '';
    expect(description).toContain('⚠ _hedged_');
    expect(description).not.toContain('Ana Lopez');
  });

  it('pages a long /figures list with Previous and Next instead of cutting it', async () => {
    const first = await discord.runCommand('figures');
    const next = buttons(first).find((b) => b.label === 'Next ▶');
    const previous = buttons(first).find((b) => b.label === '◀ Previous');
    expect(previous?.disabled).toBe(true);
    expect(buttons(first).some((b) => b.label === 'Page 1 of 3')).toBe(true);
    const second = await discord.pressButton(next?.custom_id ?? '', first.message);
    expect(second.callbackType).toBe(7); // the message itself is updated
    expect(buttons(second).some((b) => b.label === 'Page 2 of 3')).toBe(true);
    expect(embed(second).description).not.toBe(embed(first).description);
  });

  it('shows another user the page they asked for without changing the original reply', async () => {
    const first = await discord.runCommand('figures');
    const next = buttons(first).find((b) => b.label === 'Next ▶');
    const other = makeUser('another-reader');
    const page = await discord.pressButton(next?.custom_id ?? '', first.message, { user: other });
    expect(page.callbackType).toBe(4);
    expect(page.ephemeral).toBe(true);
  });

  it('restricts a list to one article with the article option', async () => {
    const reply = await discord.runCommand('figures', { article: FERRY_ID });
    expect(embed(reply).description).toContain('every 20 minutes');
    expect(embed(reply).description).not.toContain('$12.5 million');
    expect(embed(reply).footer?.text).toContain('Ferry timetable changes in spring');
  });

  it('answers an unknown article option calmly, only to the asker', async () => {
    const reply = await discord.runCommand('who', { article: 'no such article' });
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toContain('/about lists them');
  });

  it('shows the summary of the article the daily post leads with, only to the asker', async () => {
    const reply = await discord.runCommand('summary');
    expect(reply.ephemeral).toBe(true);
    expect(embed(reply).title).toBe('Summary · Ferry timetable changes in spring');
    expect(embed(reply).description).toContain('• The ferry will run every 20 minutes. [B ¶2]');
  });

  it('shows the summary of the article chosen with the article option', async () => {
    const reply = await discord.runCommand('summary', { article: LIBRARY_ID });
    expect(reply.ephemeral).toBe(true);
    expect(embed(reply).description).toContain(
      '• The library reopened after a $12.5 million rebuild. [A ¶2]',
    );
  });

  it('points a client still offering the old /summary schedule to /daily-summary', async () => {
    const reply = await discord.runCommand('summary', { schedule: { subcommand: { time: '09:00' } } });
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toContain('use `/daily-summary schedule`');
  });

  it('calmly refuses a member without Manage Server who gets to run /daily-summary schedule or off', async () => {
    const schedule = await discord.runCommand('daily-summary', {
      schedule: {
        subcommand: { channel: { channel: discord.channelId }, time: '09:00', timezone: 'UTC' },
      },
    });
    expect(schedule.ephemeral).toBe(true);
    expect(schedule.data.content).toBe(
      'Only members who can manage this server can change the daily summary.',
    );
    const off = await discord.runCommand('daily-summary', { off: { subcommand: {} } });
    expect(off.data.content).toBe('Only members who can manage this server can change the daily summary.');
    expect(store.schedules.get(discord.guildId)).toBeNull();
  });

  it('saves a daily summary schedule for a server manager and reports when it posts', async () => {
    const reply = await discord.runCommand(
      'daily-summary',
      {
        schedule: {
          subcommand: { channel: { channel: QUESTION_CHANNEL }, time: '09:00', timezone: 'Europe/Paris' },
        },
      },
      { permissions: MANAGER_PERMISSIONS },
    );
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toContain(`posts at 09:00 every day (Europe/Paris) in <#${QUESTION_CHANNEL}>`);
    const status = await discord.runCommand(
      'daily-summary',
      { status: { subcommand: {} } },
      { permissions: MANAGER_PERMISSIONS },
    );
    expect(status.ephemeral).toBe(true);
    expect(status.data.content).toContain('Next post: <t:');
  });

  it('explains a bad time zone instead of saving it', async () => {
    const before = store.schedules.get(discord.guildId);
    const reply = await discord.runCommand(
      'daily-summary',
      {
        schedule: {
          subcommand: { channel: { channel: discord.channelId }, time: '09:00', timezone: 'Europe/Pariss' },
        },
      },
      { permissions: MANAGER_PERMISSIONS },
    );
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toContain('Did you mean Europe/Paris?');
    expect(store.schedules.get(discord.guildId)).toEqual(before);
  });

  it('suggests time zones while typing /daily-summary schedule timezone', async () => {
    const choices = await discord.autocomplete(
      'daily-summary',
      { schedule: { subcommand: { time: '09:00', timezone: 'europe/lon' } } },
      'timezone',
      { permissions: MANAGER_PERMISSIONS },
    );
    expect(choices.map((c) => c.value)).toContain('Europe/London');
  });

  it('lists the articles and explains citations in /about', async () => {
    const reply = await discord.runCommand('about');
    const description = embed(reply).description ?? '';
    expect(embed(reply).title).toBe('2 articles indexed');
    expect(description).toContain(
      '[Riverside library reopens after a two-year rebuild](https://news.example.org/riverside-library)',
    );
    expect(description).toContain('6 paragraphs');
    expect(description).toContain(`id \`${LIBRARY_ID}\``);
    expect(description).toContain('[B ¶7]');
  });

  it('shows article text with markdown and mentions as written, never as formatting or pings', async () => {
    const reply = await discord.runCommand('ask', { question: 'What did the notice on the door say?' });
    const description = embed(reply).description ?? '';
    expect(description).not.toMatch(/@everyone|<@\d/);
    expect(description).toContain('@\u200beveryone welcome back <\u200b@123456789012345678>');
    const shown = await discord.pressButton(buttons(reply)[0]?.custom_id ?? '', reply.message);
    expect(embed(shown).description).not.toMatch(/@everyone|<@\d/);
    expect(shown.data.allowed_mentions).toEqual({ parse: [] });
    const claims = await discord.runCommand('claims', { speaker: 'Lopez' });
    expect(embed(claims).description).toContain('a \\*great\\* day');
  });

  it('asks for the Message Content intent only because question channels are configured', () => {
    expect(discord.identifies[0]?.intents).toBe(1 | 512 | 32768);
  });

  it('answers every message in a question channel, and ignores other channels unless mentioned', async () => {
    const ignored = discord.sendMessage({ content: 'when did the library reopen?' });
    const asked = discord.sendMessage({
      content: 'when did the library reopen?',
      channelId: QUESTION_CHANNEL,
    });
    const sent = await discord.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/channels/${QUESTION_CHANNEL}/messages`,
    );
    const body = sent.body as {
      message_reference?: { message_id: string };
      embeds?: Array<{ description?: string }>;
    };
    expect(body.message_reference?.message_id).toBe(asked);
    expect(body.embeds?.[0]?.description).toContain('**March 4, 2024**');
    const replies = discord.requests.filter(
      (r) =>
        (r.body as { message_reference?: { message_id: string } })?.message_reference?.message_id === ignored,
    );
    expect(replies).toEqual([]);
  });

  it('does not take a reply to one of its answers, which lists the bot among the mentions, for a question', async () => {
    const reply = discord.sendMessage({ content: 'thanks, that helps!', mentionsBot: true });
    const marker = discord.sendMessage({
      content: `<@${discord.botUser.id}> how much did it cost?`,
      mentionsBot: true,
    });
    const answered = await discord.waitForRequest(
      (r) =>
        r.method === 'POST' &&
        (r.body as { message_reference?: { message_id: string } })?.message_reference?.message_id === marker,
    );
    expect(answered.body).toBeDefined();
    const toReply = discord.requests.filter(
      (r) =>
        (r.body as { message_reference?: { message_id: string } })?.message_reference?.message_id === reply,
    );
    expect(toReply).toEqual([]);
  });

  it('reacts instead of answering when someone asks again within the cooldown', async () => {
    const mention = `<@${discord.botUser.id}> how much did it cost?`;
    discord.sendMessage({ content: mention, mentionsBot: true });
    await discord.waitForRequest(
      (r) =>
        r.method === 'POST' &&
        r.path === `/channels/${discord.channelId}/messages` &&
        JSON.stringify(r.body).includes('12.5 million'),
    );
    const again = discord.sendMessage({ content: mention, mentionsBot: true });
    const reaction = await discord.waitForRequest(
      (r) => r.method === 'PUT' && r.path.includes(`/messages/${again}/reactions/`),
    );
    expect(reaction.path).toContain('⏳');
    const slash = await discord.runCommand('ask', { question: 'How much did it cost?' });
    expect(slash.ephemeral).toBe(true);
    expect(slash.data.content).toMatch(/you can ask again in \d+ s/);
  });

  it('logs no error and uses no route the emulator does not know', () => {
    expect(logLines.filter((l) => Number(l.level) >= 50)).toEqual([]);
    expect(discord.unknownRoutes.map((r) => `${r.method} ${r.path}`)).toEqual([]);
    expect(JSON.stringify(logLines)).not.toContain(discord.token);
  });
});
