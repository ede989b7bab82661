/**
 * The bot as `npm start` runs it: `node bin/factdesk.js start` in a child process, with a token and the
 * loopback Discord's URL in its environment, a corpus of made-up articles and a daily summary set in the
 * environment. The tests check what reaches "Discord": login, registration, replies and their citations,
 * mentions, pings, errors, the scheduled post, and a clean stop within 5 s of SIGTERM.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Engine } from '../src/engine.ts';
import { loadEngine } from '../src/load-engine.ts';
import { openStore, storeFile } from '../src/store/store.ts';
import {
  type DiscordEmulator,
  type InteractionReply,
  MANAGER_PERMISSIONS,
  startDiscordEmulator,
} from './emulator/discord-emulator.ts';
import { type SpawnedFactdesk, spawnFactdesk } from './emulator/spawn-factdesk.ts';

process.on('unhandledRejection', (reason) => {
  throw reason;
});

/** The daily summary's channel, apart from the one where questions are asked. */
const SUMMARY_CHANNEL = '333333333333333377';
let discord: DiscordEmulator;
let bot: SpawnedFactdesk;
let engine: Engine;

beforeAll(async () => {
  discord = await startDiscordEmulator({ extraChannelIds: [SUMMARY_CHANNEL] });
  bot = spawnFactdesk({
    env: {
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      COMMANDS_GUILD_ID: discord.guildId,
      LOG_LEVEL: 'info',
      ASK_COOLDOWN: '1ms',
      // Every two seconds, so a live post happens while the tests run and while the bot is stopped.
      SUMMARY_CHANNEL_ID: SUMMARY_CHANNEL,
      SUMMARY_CRON: '*/2 * * * * *',
    },
  });
  const [loaded] = await Promise.all([
    loadEngine(bot.corpusDir),
    discord.waitForRequest((r) => r.method === 'PUT' && r.path.endsWith('/commands'), 30_000),
  ]);
  engine = loaded;
}, 40_000);

afterAll(async () => {
  bot?.cleanUp();
  await discord?.close();
});

const embed = (reply: InteractionReply) => reply.data.embeds?.[0] ?? {};

/** Every `> quote [¶n]` line of a reply must be the article's own words from paragraph n. */
function expectVerbatimCitations(reply: InteractionReply): number {
  let checked = 0;
  const texts = (reply.data.embeds ?? []).map((e) => e.description ?? '');
  for (const line of texts.join('\n').split('\n')) {
    const m = /^> (.*) \[(?:[A-Z]+ )?¶(\d+)\]$/.exec(line);
    if (!m) continue;
    const quote = (m[1] ?? '')
      .replace(/\u200b/g, '')
      .replace(/\\([\\*_~`|>#\-[\]()])/g, '$1')
      .replace(/…$/, '');
    const n = Number(m[2]);
    const paragraphs = engine.articles.flatMap((a) =>
      a.paragraphs.filter((p) => p.n === n).map((p) => p.text),
    );
    expect(
      paragraphs.some((p) => p.includes(quote)),
      `quote not in ¶${n}: ${quote}`,
    ).toBe(true);
    checked += 1;
  }
  return checked;
}

describe('the bot started as `npm start` does, against the loopback Discord', () => {
  it('logs in with the token, the two non-privileged intents, and gets READY', () => {
    expect(discord.identifies).toHaveLength(1);
    expect(discord.identifies[0]?.token).toBe(discord.token);
    expect(discord.identifies[0]?.intents).toBe(1 | 512); // Guilds | GuildMessages, no Message Content
  });

  it('registers every slash command in the configured guild', () => {
    const names = (discord.commands.get(discord.guildId) ?? []).map((c) => c.name).sort();
    expect(names).toEqual(['about', 'ask', 'claims', 'daily-summary', 'figures', 'summary', 'when', 'who']);
    const ask = discord.commands.get(discord.guildId)?.find((c) => c.name === 'ask');
    expect(ask?.options).toContainEqual(expect.objectContaining({ name: 'question', max_length: 300 }));
  });

  it('answers every command with an embed whose quotes are verbatim from the cited paragraph', async () => {
    let quotes = 0;
    for (const [name, options] of [
      ['about', {}],
      ['who', {}],
      ['when', {}],
      ['claims', {}],
      ['figures', {}],
      ['summary', {}],
      ['ask', { question: 'How much will the bridge repair cost?' }],
    ] as const) {
      const reply = await discord.runCommand(name, options);
      expect(reply.data.embeds?.length, `/${name} has an embed`).toBe(1);
      expect(reply.data.allowed_mentions, `/${name} pings nobody`).toEqual({ parse: [] });
      quotes += expectVerbatimCitations(reply);
    }
    const about = await discord.runCommand('about');
    expect(embed(about).title).toBe(`${engine.articles.length} articles indexed`);
    expect(quotes, 'the replies quote the articles').toBeGreaterThan(0);
  });

  it('answers a mention in a channel with a reply to that message, pinging nobody', async () => {
    const id = discord.sendMessage({
      content: `<@${discord.botUser.id}> how much will the bridge repair cost?`,
      mentionsBot: true,
    });
    const sent = await discord.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/channels/${discord.channelId}/messages`,
    );
    const body = sent.body as { message_reference?: { message_id: string }; allowed_mentions?: unknown };
    expect(body.message_reference?.message_id).toBe(id);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('does not ping anyone when the question contains @everyone', async () => {
    const reply = await discord.runCommand('ask', {
      question: '@everyone <@&123456789012345678> who voted?',
    });
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(reply.data)).not.toMatch(/@everyone|<@&\d/);
  });

  it('turns away a 5,000-character question and an unknown command, ephemerally, and keeps serving', async () => {
    const long = await discord.runCommand('ask', { question: 'why '.repeat(1250) });
    expect(long.ephemeral).toBe(true);
    expect(long.data.content).toContain('please keep it under 300');
    const unknown = await discord.runCommand('horoscope');
    expect(unknown.ephemeral).toBe(true);
    expect(unknown.data.content).toContain("I don't know the command /horoscope");
    const about = await discord.runCommand('about');
    expect(about.data.embeds?.length).toBe(1);
  });

  it('offers /summary to everyone, and /daily-summary only to server managers and only in servers', () => {
    const registered = discord.commands.get(discord.guildId) ?? [];
    const summary = registered.find((c) => c.name === 'summary');
    const daily = registered.find((c) => c.name === 'daily-summary');
    expect(summary?.default_member_permissions).toBeNull();
    expect(daily?.default_member_permissions).toBe('32'); // Manage Server
    expect(daily?.contexts).toEqual([0]); // servers only, never in DMs
    const subcommands = (daily?.options as Array<{ name: string }> | undefined)?.map((o) => o.name);
    expect(subcommands).toEqual(['schedule', 'off', 'status']);
  });

  it('posts the daily summary set in the environment within 5 s of its scheduled time, pinging nobody', async () => {
    const sent = await discord.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/channels/${SUMMARY_CHANNEL}/messages`,
      10_000,
    );
    const body = sent.body as { embeds: Array<{ description: string; footer: { text: string } }> };
    const marker = /ref (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)/.exec(body.embeds[0]?.footer.text ?? '');
    expect(marker, 'the footer names the occurrence').not.toBeNull();
    const late = sent.at - Date.parse(marker?.[1] ?? '');
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThan(5_000);
    expect(sent.body).toMatchObject({ allowed_mentions: { parse: [] } });
    const status = await discord.runCommand(
      'daily-summary',
      { status: { subcommand: {} } },
      { permissions: MANAGER_PERMISSIONS },
    );
    expect(status.ephemeral).toBe(true);
    expect(status.data.content).toContain(`in <#${SUMMARY_CHANNEL}>`);
  });

  it('uses no route the emulator does not know', () => {
    expect(discord.unknownRoutes.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('stops within 5 s of SIGTERM with exit code 0: scheduler stopped, database closed, gateway closed', async () => {
    const { code, ms } = await bot.signal('SIGTERM');
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5_000);
    await vi.waitFor(() => expect(discord.connections()).toBe(0));
    expect(bot.stderr()).toContain('disconnected from Discord');
    expect(bot.stderr()).not.toContain(discord.token);
    // Whatever post was under way finished before the exit: the ledger has sent posts and none left pending.
    const store = openStore(storeFile(bot.dataDir));
    try {
      expect(store.ledger.pending()).toEqual([]);
      expect(store.ledger.lastSent(SUMMARY_CHANNEL)?.state).toBe('sent');
    } finally {
      store.close();
    }
  });
});
