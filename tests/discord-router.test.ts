/**
 * The interaction router with stand-in interactions: which handler runs, what the user sees when something
 * goes wrong, and what the log records.
 */
import { Writable } from 'node:stream';
import type { Interaction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { type Command, type CommandContext, UserFacingError } from '../src/discord/context.ts';
import { createCooldown } from '../src/discord/cooldown.ts';
import { createViewStore } from '../src/discord/custom-id.ts';
import { createRouter, RESTARTING, SORRY } from '../src/discord/router.ts';
import { createLogger } from '../src/log.ts';
import { createSampleEngine } from './emulator/sample-engine.ts';

interface Sent {
  method: string;
  options: { content?: string; flags?: number } | unknown[];
}

/** A stand-in for a discord.js interaction: records what the router sends back. */
function fakeInteraction(kind: 'command' | 'autocomplete' | 'button', name: string) {
  const sent: Sent[] = [];
  const state = { deferred: false, replied: false, responded: false };
  const record = (method: string) => async (options: Sent['options']) => {
    sent.push({ method, options });
    if (method === 'deferReply') state.deferred = true;
    if (method === 'reply' || method === 'editReply' || method === 'update') state.replied = true;
    if (method === 'respond') state.responded = true;
  };
  const interaction = {
    id: '900000000000000001',
    type: kind === 'command' ? 2 : kind === 'button' ? 3 : 4,
    guildId: '222222222222222222',
    channelId: '333333333333333333',
    user: { id: '444444444444444444' },
    commandName: name,
    customId: name,
    message: { interactionMetadata: null },
    get deferred() {
      return state.deferred;
    },
    get replied() {
      return state.replied;
    },
    get responded() {
      return state.responded;
    },
    isAutocomplete: () => kind === 'autocomplete',
    isChatInputCommand: () => kind === 'command',
    isCommand: () => kind === 'command',
    isButton: () => kind === 'button',
    isMessageComponent: () => kind === 'button',
    isRepliable: () => kind !== 'autocomplete',
    reply: record('reply'),
    deferReply: record('deferReply'),
    editReply: record('editReply'),
    followUp: record('followUp'),
    update: record('update'),
    respond: record('respond'),
  };
  // The router only touches the members above; a full discord.js Interaction needs a live client.
  return { interaction: interaction as unknown as Interaction, sent };
}

function setup(commands: Command[]) {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const logger = createLogger({ level: 'debug', stream });
  const ctx: CommandContext = {
    engine: createSampleEngine(),
    logger,
    now: () => new Date(0),
    cooldown: createCooldown(1000, () => new Date(0)),
    views: createViewStore(),
  };
  return { router: createRouter({ commands, ctx, logger }), lines, ctx };
}

function command(name: string, execute: Command['execute'], extra: Partial<Command> = {}): Command {
  return { data: { name, description: name }, execute, ...extra };
}

const EPHEMERAL = 64;

describe('the interaction router', () => {
  it('runs the command named by the interaction with the shared context', async () => {
    let seen: CommandContext | undefined;
    const { router, ctx } = setup([
      command('ping', async (i, c) => {
        seen = c;
        await i.reply({ content: 'pong' });
      }),
    ]);
    const { interaction, sent } = fakeInteraction('command', 'ping');
    await router.handleInteraction(interaction);
    expect(seen).toBe(ctx);
    expect(sent).toEqual([{ method: 'reply', options: { content: 'pong' } }]);
  });

  it('tells the user, only them, when a command is unknown', async () => {
    const { router } = setup([]);
    const { interaction, sent } = fakeInteraction('command', 'horoscope');
    await router.handleInteraction(interaction);
    expect(sent).toHaveLength(1);
    const options = sent[0]?.options as { content: string; flags: number };
    expect(options.content).toContain("I don't know the command /horoscope");
    expect(options.flags).toBe(EPHEMERAL);
  });

  it('answers a failing command with a friendly ephemeral line, never the error text', async () => {
    const { router, lines } = setup([
      command('boom', async () => {
        throw new Error('database password is hunter2');
      }),
    ]);
    const { interaction, sent } = fakeInteraction('command', 'boom');
    await router.handleInteraction(interaction);
    const options = sent[0]?.options as { content: string; flags: number; allowedMentions: unknown };
    expect(options.content).toBe(SORRY);
    expect(options.flags).toBe(EPHEMERAL);
    expect(options.allowedMentions).toEqual({ parse: [] });
    expect(JSON.stringify(sent)).not.toContain('hunter2');
    const logged = lines.find((l) => l.msg === 'interaction failed');
    expect(logged).toMatchObject({
      command: 'boom',
      guild: '222222222222222222',
      user: '444444444444444444',
      interaction: '900000000000000001',
    });
    expect(JSON.stringify(logged?.err)).toContain('hunter2');
  });

  it('edits the deferred reply when a command fails after deferring', async () => {
    const { router } = setup([
      command('slow', async (i) => {
        await i.deferReply();
        throw new Error('late failure');
      }),
    ]);
    const { interaction, sent } = fakeInteraction('command', 'slow');
    await router.handleInteraction(interaction);
    expect(sent.map((s) => s.method)).toEqual(['deferReply', 'editReply']);
    expect(sent[1]?.options).toMatchObject({ content: SORRY });
  });

  it('shows a user-facing error as written', async () => {
    const { router, lines } = setup([
      command('picky', async () => {
        throw new UserFacingError('Pick a shorter name.');
      }),
    ]);
    const { interaction, sent } = fakeInteraction('command', 'picky');
    await router.handleInteraction(interaction);
    expect(sent[0]?.options).toMatchObject({ content: 'Pick a shorter name.', flags: EPHEMERAL });
    expect(lines.some((l) => Number(l.level) >= 50)).toBe(false);
  });

  it('answers a failing autocomplete with no choices and logs it', async () => {
    const { router, lines } = setup([
      command('who', async () => {}, {
        autocomplete: async () => {
          throw new Error('index gone');
        },
      }),
    ]);
    const { interaction, sent } = fakeInteraction('autocomplete', 'who');
    await router.handleInteraction(interaction);
    expect(sent).toEqual([{ method: 'respond', options: [] }]);
    expect(lines.some((l) => l.msg === 'interaction failed' && l.command === 'who')).toBe(true);
  });

  it('says a button has expired when its list is no longer remembered', async () => {
    const { router } = setup([]);
    const { interaction, sent } = fakeInteraction('button', 'page:who:1:~zz');
    await router.handleInteraction(interaction);
    expect(sent[0]?.options).toMatchObject({
      content: 'This list has expired; run the command again.',
      flags: EPHEMERAL,
    });
  });

  it('stops running commands once told to stop, and says why', async () => {
    let ran = false;
    const { router } = setup([
      command('ping', async () => {
        ran = true;
      }),
    ]);
    router.stopAccepting();
    const { interaction, sent } = fakeInteraction('command', 'ping');
    await router.handleInteraction(interaction);
    expect(ran).toBe(false);
    expect(sent[0]?.options).toMatchObject({ content: RESTARTING, flags: EPHEMERAL });
  });
});
