/**
 * A loopback Discord for end-to-end tests: the REST API and the gateway on one 127.0.0.1 port, enough for the
 * real discord.js client to log in, register commands, receive interactions and messages, and reply.
 *
 * How to use it:
 *
 *   const discord = await startDiscordEmulator();   // options: applicationId, guildId, channelId,
 *                                                    // extraChannelIds, heartbeatMs, replyTimeoutMs
 *   env.DISCORD_TOKEN = discord.token;               // its first segment encodes discord.applicationId
 *   env.DISCORD_API_URL = discord.apiUrl;            // http://127.0.0.1:PORT/api
 *   await discord.waitForIdentify();                 // the bot identified (READY + GUILD_CREATE follow)
 *
 *   const reply = await discord.runCommand('ask', { question: 'who?' });   // INTERACTION_CREATE, then waits
 *   await discord.runCommand('daily-summary', { schedule: { subcommand: {        // a subcommand and its options
 *     channel: { channel: discord.channelId }, time: '09:00', timezone: 'UTC' } } },  // a channel option
 *     { permissions: MANAGER_PERMISSIONS });                                 // a member with Manage Server
 *   reply.data.embeds; reply.ephemeral; reply.callbackType   // what reached "Discord" (edits of deferrals too)
 *   await discord.autocomplete('who', { name: 'ma' }, 'name')               // -> choices
 *   await discord.pressButton(customId, reply.message, { user: makeUser('x') })  // a button on that message
 *   const id = discord.sendMessage({ content: '<@bot> when?', mentionsBot: true })  // MESSAGE_CREATE
 *   await discord.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${channel}/messages`)
 *   discord.dispatch('CHANNEL_UPDATE', {...})                                // any gateway event
 *
 *   discord.requests       every REST request: method, path (decoded, without /api/v10), query, auth, body
 *   discord.unknownRoutes  the requests the emulator could not answer (404): assert it stays empty
 *   discord.commands       registered commands by scope: 'global' or a guild id
 *   discord.identifies     the IDENTIFY payloads (intents, token, shard)
 *   discord.connections()  open gateway connections (0 after the bot stopped)
 *   discord.channelMessages  messages the bot posted with POST /channels/{id}/messages, by channel (oldest
 *                          first); GET /channels/{id}/messages (limit, before, after) reads them back
 *   await discord.close()
 *
 *   startDiscordEmulator({ rejectToken: 'rest' })     // 401 on every bot-authenticated route (GET /gateway/bot)
 *   startDiscordEmulator({ rejectToken: 'gateway' })  // REST works, IDENTIFY is closed with 4004
 *
 * Everything is plain data: a test asserts on exactly what the bot sent. Dependencies: node:http and ws.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** One REST request as the bot sent it. */
export interface RecordedRequest {
  method: string;
  /** Decoded path below `/api/v10`, e.g. `/webhooks/1/abc/messages/@original`. */
  path: string;
  query: URLSearchParams;
  /** The Authorization header, if any. */
  auth: string | undefined;
  /** Parsed JSON body (or the `payload_json` part of a multipart body); undefined when there was none. */
  body: unknown;
  /** File parts of a multipart body, by field name. */
  files: Record<string, string>;
  at: number;
}

export interface EmulatorUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: null;
  bot?: boolean;
}

/** The reply an interaction got, resolved from its callback (and the follow-up edit when it was deferred). */
export interface InteractionReply {
  /** 4 reply, 5 deferred then edited, 6 deferred update, 7 update, 8 autocomplete. */
  callbackType: number;
  /** The message body that reached Discord (after the edit when deferred). */
  data: MessageBody;
  ephemeral: boolean;
  /** The message object as Discord would return it, for pressing its buttons. */
  message: Record<string, unknown>;
}

/** The parts of a message body the tests look at. */
export interface MessageBody {
  content?: string;
  embeds?: Array<{
    title?: string;
    description?: string;
    url?: string;
    footer?: { text: string };
    fields?: Array<{ name: string; value: string }>;
    author?: { name: string };
  }>;
  components?: Array<{
    type: number;
    components: Array<{
      type: number;
      custom_id?: string;
      label?: string;
      disabled?: boolean;
      style?: number;
    }>;
  }>;
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[]; replied_user?: boolean };
  flags?: number;
  choices?: Array<{ name: string; value: string | number }>;
  message_reference?: { message_id: string };
}

export interface EmulatorOptions {
  applicationId?: string;
  guildId?: string;
  channelId?: string;
  /** Extra text channels in the guild. */
  extraChannelIds?: string[];
  heartbeatMs?: number;
  /** Milliseconds to wait for a reply before a helper rejects. */
  replyTimeoutMs?: number;
  /**
   * Refuse the bot's token as Discord does: 'rest' answers 401 to every route that needs the bot's token (so
   * GET /gateway/bot fails), 'gateway' lets REST through and closes the connection with 4004 on IDENTIFY.
   */
  rejectToken?: 'rest' | 'gateway';
}

export interface DiscordEmulator {
  readonly apiUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: EmulatorUser;
  readonly guildId: string;
  readonly channelId: string;
  /** A human member who runs the commands unless a test says otherwise. */
  readonly user: EmulatorUser;
  readonly requests: RecordedRequest[];
  readonly unknownRoutes: RecordedRequest[];
  readonly commands: Map<string, Array<Record<string, unknown>>>;
  readonly identifies: Array<{ token: string; intents: number; shard: unknown }>;
  /** Messages the bot posted, by channel id. */
  readonly channelMessages: Map<string, Array<Record<string, unknown>>>;
  waitForIdentify(timeoutMs?: number): Promise<void>;
  waitForRequest(match: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** How many gateway connections are open (0 once the bot has destroyed its client). */
  connections(): number;
  /** Sends a gateway dispatch (op 0) to every connected client. */
  dispatch(event: string, data: unknown): void;
  /** Builds and sends a chat-input command; returns its id and token. */
  sendCommand(name: string, options?: CommandOptions, opts?: InteractionOpts): { id: string; token: string };
  /** Sends a command and waits for its reply. */
  runCommand(name: string, options?: CommandOptions, opts?: InteractionOpts): Promise<InteractionReply>;
  /** Sends an autocomplete interaction with `focused` as the focused option; resolves with the choices. */
  autocomplete(
    name: string,
    options: CommandOptions,
    focused: string,
    opts?: InteractionOpts,
  ): Promise<Array<{ name: string; value: string | number }>>;
  /** Presses a button on a message the bot sent; resolves with the reply or update. */
  pressButton(
    customId: string,
    message: Record<string, unknown>,
    opts?: InteractionOpts,
  ): Promise<InteractionReply>;
  /** Waits for the response to an interaction already sent. */
  waitForReply(interaction: { id: string; token: string }, timeoutMs?: number): Promise<InteractionReply>;
  /** Sends MESSAGE_CREATE from a user; returns the message id. */
  sendMessage(msg: {
    content: string;
    mentionsBot?: boolean;
    channelId?: string;
    author?: EmulatorUser;
  }): string;
  close(): Promise<void>;
}

/** Option values by name: text, numbers and booleans as they are; `{ channel: id }` a channel; `{ subcommand }` one level down. */
export type CommandOptions = Record<
  string,
  string | number | boolean | { channel: string } | { subcommand: CommandOptions }
>;

export interface InteractionOpts {
  user?: EmulatorUser;
  channelId?: string;
  /** The member's permission bits as a decimal string; default: an ordinary member (no Manage Server). */
  permissions?: string;
}

/** Permission bits of an ordinary member: view, send, embed, attach, read history, use commands. */
export const MEMBER_PERMISSIONS = (0x400n | 0x800n | 0x4000n | 0x8000n | 0x10000n | 0x80000000n).toString();
/** Permission bits of a server manager (Manage Server added). */
export const MANAGER_PERMISSIONS = (BigInt(MEMBER_PERMISSIONS) | 0x20n).toString();

let lastSnowflake = 0n;
/** A fresh id shaped like Discord's: milliseconds since 2015 shifted left 22 bits; always increasing. */
export function nextSnowflake(): string {
  const now = (BigInt(Date.now()) - 1_420_070_400_000n) << 22n;
  lastSnowflake = now > lastSnowflake ? now : lastSnowflake + 1n;
  return lastSnowflake.toString();
}

/** A token shaped like Discord's: base64(application id) . timestamp . hmac. */
export function fakeToken(applicationId: string): string {
  return `${Buffer.from(applicationId).toString('base64').replace(/=+$/, '')}.GfAkE1.${'x'.repeat(38)}`;
}

/** Makes a human user object. */
export function makeUser(username: string, id: string = nextSnowflake()): EmulatorUser {
  return { id, username, global_name: username, discriminator: '0', avatar: null };
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/** Starts the emulator on 127.0.0.1 with an OS-chosen port. */
export async function startDiscordEmulator(options: EmulatorOptions = {}): Promise<DiscordEmulator> {
  const applicationId = options.applicationId ?? '111111111111111111';
  const guildId = options.guildId ?? '222222222222222222';
  const channelId = options.channelId ?? '333333333333333333';
  const channelIds = [channelId, ...(options.extraChannelIds ?? [])];
  const heartbeatMs = options.heartbeatMs ?? 500;
  const replyTimeoutMs = options.replyTimeoutMs ?? 5000;
  const token = fakeToken(applicationId);
  const botUser: EmulatorUser = {
    id: applicationId,
    username: 'factdesk',
    global_name: null,
    discriminator: '0',
    avatar: null,
    bot: true,
  };
  const user = makeUser('reader', '444444444444444444');

  const requests: RecordedRequest[] = [];
  const unknownRoutes: RecordedRequest[] = [];
  const commands = new Map<string, Array<Record<string, unknown>>>();
  const identifies: Array<{ token: string; intents: number; shard: unknown }> = [];
  const channelMessages = new Map<string, Array<Record<string, unknown>>>();
  const sockets = new Set<WebSocket>();
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const w of [...waiters]) w();
  };

  const server: Server = createServer((req, res) => {
    handleHttp(req, res).catch((error: unknown) => {
      res.writeHead(500, JSON_HEADERS).end(JSON.stringify({ message: String(error), code: 0 }));
    });
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;

  // ---- gateway ----
  let sequence = 0;
  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: heartbeatMs }, s: null, t: null }));
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> | null };
      if (msg.op === 1) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      else if (msg.op === 2) {
        identifies.push({
          token: String(msg.d?.token ?? ''),
          intents: Number(msg.d?.intents ?? 0),
          shard: msg.d?.shard,
        });
        if (options.rejectToken === 'gateway') {
          ws.close(4004, 'Authentication failed.');
          notify();
          return;
        }
        send(ws, 'READY', {
          v: 10,
          user: { ...botUser, verified: true, mfa_enabled: false, flags: 0 },
          guilds: [{ id: guildId, unavailable: true }],
          session_id: randomUUID(),
          resume_gateway_url: `ws://127.0.0.1:${port}`,
          shard: [0, 1],
          application: { id: applicationId, flags: 0 },
          private_channels: [],
        });
        send(ws, 'GUILD_CREATE', guildObject());
        notify();
      } else if (msg.op === 6) send(ws, 'RESUMED', {});
    });
  });

  function send(ws: WebSocket, event: string, data: unknown): void {
    sequence += 1;
    ws.send(JSON.stringify({ op: 0, t: event, s: sequence, d: data }));
  }

  function guildObject(): Record<string, unknown> {
    return {
      id: guildId,
      name: 'Newsroom',
      icon: null,
      owner_id: user.id,
      unavailable: false,
      member_count: 2,
      large: false,
      joined_at: new Date().toISOString(),
      roles: [
        {
          id: guildId,
          name: '@everyone',
          color: 0,
          hoist: false,
          position: 0,
          permissions: '1071698660929',
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      channels: channelIds.map((id, position) => ({
        id,
        type: 0,
        guild_id: guildId,
        name: `news-${position}`,
        position,
        permission_overwrites: [],
        nsfw: false,
        parent_id: null,
        topic: null,
        last_message_id: null,
        rate_limit_per_user: 0,
      })),
      members: [
        { user: botUser, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
        { user, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
      ],
      emojis: [],
      stickers: [],
      features: [],
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      preferred_locale: 'en-US',
      premium_tier: 0,
      system_channel_id: null,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
    };
  }

  // ---- REST ----
  function messageObject(channel: string, body: MessageBody, extra: Record<string, unknown> = {}) {
    return {
      id: nextSnowflake(),
      channel_id: channel,
      guild_id: guildId,
      author: botUser,
      content: body.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      pinned: false,
      type: body.message_reference ? 19 : 0,
      flags: body.flags ?? 0,
      ...(body.message_reference ? { message_reference: body.message_reference } : {}),
      ...extra,
    };
  }

  function storedCommands(scope: string): Array<Record<string, unknown>> {
    return commands.get(scope) ?? [];
  }

  function registerCommands(scope: string, body: unknown): Array<Record<string, unknown>> {
    const list = Array.isArray(body) ? (body as Array<Record<string, unknown>>) : [];
    const existing = storedCommands(scope);
    const saved = list.map((cmd) => ({
      // What Discord adds to what it was given.
      type: 1,
      default_member_permissions: null,
      nsfw: false,
      integration_types: [0],
      contexts: null,
      ...cmd,
      id: existing.find((e) => e.name === cmd.name)?.id ?? nextSnowflake(),
      application_id: applicationId,
      version: nextSnowflake(),
      ...(scope === 'global' ? {} : { guild_id: scope }),
    }));
    commands.set(scope, saved);
    return saved;
  }

  async function readBody(req: IncomingMessage): Promise<{ body: unknown; files: Record<string, string> }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    if (raw.length === 0) return { body: undefined, files: {} };
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
      const files: Record<string, string> = {};
      let body: unknown;
      for (const [key, value] of form.entries()) {
        if (key === 'payload_json') body = JSON.parse(String(value));
        else files[key] = typeof value === 'string' ? value : await value.text();
      }
      return { body, files };
    }
    return { body: JSON.parse(raw.toString('utf8')), files: {} };
  }

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    const { body, files } = await readBody(req);
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v\d+/, ''));
    const auth = req.headers.authorization;
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      auth,
      body,
      files,
      at: Date.now(),
    };
    requests.push(record);
    const key = `${record.method} ${path}`;
    try {
      // Interaction callbacks and webhooks are authorised by the interaction's token, not the bot's.
      if (options.rejectToken === 'rest' && !/^\/(interactions|webhooks)\//.test(path)) {
        res.writeHead(401, JSON_HEADERS).end(JSON.stringify({ message: '401: Unauthorized', code: 0 }));
        return;
      }
      for (const [pattern, handle] of routes) {
        const match = pattern.exec(key);
        if (!match) continue;
        const [status, value] = handle(match.slice(1), body, url.searchParams);
        if (status === 204) res.writeHead(204).end();
        else res.writeHead(status, JSON_HEADERS).end(JSON.stringify(value));
        return;
      }
      unknownRoutes.push(record);
      res
        .writeHead(404, JSON_HEADERS)
        .end(JSON.stringify({ message: `404: Not Found (the emulator has no route ${key})`, code: 0 }));
    } finally {
      notify();
    }
  }

  type RouteResult = [status: number, body?: unknown];
  const unknownApplication: RouteResult = [404, { message: 'Unknown Application', code: 10002 }];
  const unknownChannel: RouteResult = [404, { message: 'Unknown Channel', code: 10003 }];
  const webhookMessage = (token: string | undefined, body: unknown): RouteResult => {
    const interaction = interactionsByToken.get(token ?? '');
    return [
      200,
      messageObject(interaction?.channelId ?? channelId, body as MessageBody, interactionMeta(interaction)),
    ];
  };
  /** Every route the emulator knows, matched against "METHOD /path". */
  const routes: Array<
    [RegExp, (params: Array<string | undefined>, body: unknown, query: URLSearchParams) => RouteResult]
  > = [
    [
      /^GET \/gateway(\/bot)?$/,
      () => [
        200,
        {
          url: `ws://127.0.0.1:${port}`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        },
      ],
    ],
    [
      /^GET \/applications\/@me$/,
      () => [200, { id: applicationId, name: 'factdesk', flags: 0, bot_public: true, description: '' }],
    ],
    [
      /^(GET|PUT) \/applications\/(\d+)\/commands$/,
      ([method, app], body) => {
        if (app !== applicationId) return unknownApplication;
        return [200, method === 'PUT' ? registerCommands('global', body) : storedCommands('global')];
      },
    ],
    [
      /^(GET|PUT) \/applications\/(\d+)\/guilds\/(\d+)\/commands$/,
      ([method, app, guild = ''], body) => {
        if (app !== applicationId) return unknownApplication;
        return [200, method === 'PUT' ? registerCommands(guild, body) : storedCommands(guild)];
      },
    ],
    [/^POST \/interactions\/\d+\/[^/]+\/callback$/, () => [204]],
    [
      /^PATCH \/webhooks\/\d+\/([^/]+)\/messages\/(@original|\d+)$/,
      ([token], body) => webhookMessage(token, body),
    ],
    [/^POST \/webhooks\/\d+\/([^/]+)$/, ([token], body) => webhookMessage(token, body)],
    [/^DELETE \/webhooks\/\d+\/[^/]+\/messages\/(@original|\d+)$/, () => [204]],
    [
      /^POST \/channels\/(\d+)\/messages$/,
      ([channel = ''], body) => {
        if (!channelIds.includes(channel)) return unknownChannel;
        const message = messageObject(channel, body as MessageBody);
        channelMessages.set(channel, [...(channelMessages.get(channel) ?? []), message]);
        return [200, message];
      },
    ],
    [
      // Message history, newest first, as Discord returns it: the bot's own posts in that channel.
      /^GET \/channels\/(\d+)\/messages$/,
      ([channel = ''], _body, query) => {
        if (!channelIds.includes(channel)) return unknownChannel;
        const before = query.get('before');
        const after = query.get('after');
        const limit = Math.min(100, Number(query.get('limit') ?? 50));
        const newestFirst = [...(channelMessages.get(channel) ?? [])]
          .reverse()
          .filter((m) => !before || BigInt(String(m.id)) < BigInt(before))
          .filter((m) => !after || BigInt(String(m.id)) > BigInt(after));
        return [200, newestFirst.slice(0, limit)];
      },
    ],
    [
      /^GET \/channels\/(\d+)$/,
      ([channel]) => {
        const found = (guildObject().channels as Array<{ id: string }>).find((c) => c.id === channel);
        return found ? [200, found] : unknownChannel;
      },
    ],
    [/^PUT \/channels\/\d+\/messages\/\d+\/reactions\/[^/]+\/@me$/, () => [204]],
  ];

  // ---- interactions ----
  interface SentInteraction {
    id: string;
    token: string;
    channelId: string;
    user: EmulatorUser;
    commandName: string | undefined;
    type: number;
  }
  const interactionsByToken = new Map<string, SentInteraction>();

  function interactionMeta(i: SentInteraction | undefined): Record<string, unknown> {
    if (!i) return { webhook_id: applicationId };
    return {
      webhook_id: applicationId,
      application_id: applicationId,
      interaction_metadata: {
        id: i.id,
        type: i.type,
        user: i.user,
        authorizing_integration_owners: { 0: guildId },
        ...(i.commandName ? { name: i.commandName } : {}),
      },
    };
  }

  function toApiOptions(options: CommandOptions, focused?: string): unknown[] {
    return Object.entries(options).map(([name, value]) => {
      if (typeof value === 'object' && 'subcommand' in value)
        return { name, type: 1, options: toApiOptions(value.subcommand, focused) };
      if (typeof value === 'object') return { name, type: 7, value: value.channel };
      const type = typeof value === 'number' ? 10 : typeof value === 'boolean' ? 5 : 3;
      return { name, type, value, ...(name === focused ? { focused: true } : {}) };
    });
  }

  /** The `resolved` part of a command's data: the channels its options name, as Discord sends them. */
  function resolvedOf(options: CommandOptions): Record<string, unknown> {
    const channels: Record<string, unknown> = {};
    const visit = (opts: CommandOptions): void => {
      for (const value of Object.values(opts)) {
        if (typeof value !== 'object') continue;
        if ('subcommand' in value) visit(value.subcommand);
        else
          channels[value.channel] = {
            id: value.channel,
            type: 0,
            name: `news-${channelIds.indexOf(value.channel)}`,
            guild_id: guildId,
            parent_id: null,
            permissions: '1071698660929',
          };
      }
    };
    visit(options);
    return Object.keys(channels).length ? { resolved: { channels } } : {};
  }

  function sendInteraction(
    type: number,
    data: Record<string, unknown>,
    opts: InteractionOpts & { message?: Record<string, unknown>; commandName?: string },
  ): { id: string; token: string } {
    const id = nextSnowflake();
    const itoken = `itoken-${id}`;
    const who = opts.user ?? user;
    const channel = opts.channelId ?? channelId;
    interactionsByToken.set(itoken, {
      id,
      token: itoken,
      channelId: channel,
      user: who,
      commandName: opts.commandName,
      type,
    });
    const payload: Record<string, unknown> = {
      id,
      application_id: applicationId,
      type,
      token: itoken,
      version: 1,
      entitlements: [],
      authorizing_integration_owners: { 0: guildId },
      channel_id: channel,
      channel: { id: channel, type: 0, guild_id: guildId, name: 'news', permissions: '1071698660929' },
      guild_id: guildId,
      guild: { id: guildId, locale: 'en-US', features: [] },
      guild_locale: 'en-US',
      locale: 'en-US',
      app_permissions: '1071698660929',
      member: {
        user: who,
        roles: [],
        permissions: opts.permissions ?? MEMBER_PERMISSIONS,
        joined_at: new Date().toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
      },
      context: 0,
      attachment_size_limit: 10_485_760,
      data,
      ...(opts.message ? { message: opts.message } : {}),
    };
    dispatch('INTERACTION_CREATE', payload);
    return { id, token: itoken };
  }

  function commandId(name: string): string {
    for (const list of commands.values()) {
      const found = list.find((c) => c.name === name);
      if (found) return String(found.id);
    }
    return nextSnowflake();
  }

  function dispatch(event: string, data: unknown): void {
    for (const ws of sockets) send(ws, event, data);
  }

  function waitFor<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const first = check();
      if (first !== undefined) return resolve(first);
      const timer = setTimeout(() => {
        waiters.delete(poll);
        reject(new Error(`discord emulator: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const poll = () => {
        const value = check();
        if (value === undefined) return;
        clearTimeout(timer);
        waiters.delete(poll);
        resolve(value);
      };
      waiters.add(poll);
    });
  }

  function waitForReply(interaction: { id: string; token: string }, timeoutMs = replyTimeoutMs) {
    const sent = interactionsByToken.get(interaction.token);
    return waitFor<InteractionReply>(
      () => {
        const callback = requests.find(
          (r) =>
            r.method === 'POST' && r.path === `/interactions/${interaction.id}/${interaction.token}/callback`,
        );
        if (!callback) return undefined;
        const cb = callback.body as { type: number; data?: MessageBody };
        const flags = cb.data?.flags ?? 0;
        if (cb.type === 5 || cb.type === 6) {
          const edit = requests.find(
            (r) =>
              r.method === 'PATCH' &&
              r.path === `/webhooks/${applicationId}/${interaction.token}/messages/@original`,
          );
          if (!edit) return undefined;
          const data = edit.body as MessageBody;
          return {
            callbackType: cb.type,
            data,
            ephemeral: ((flags | (data.flags ?? 0)) & 64) !== 0,
            message: messageObject(sent?.channelId ?? channelId, data, interactionMeta(sent)),
          };
        }
        const data = cb.data ?? {};
        return {
          callbackType: cb.type,
          data,
          ephemeral: (flags & 64) !== 0,
          message: messageObject(sent?.channelId ?? channelId, data, interactionMeta(sent)),
        };
      },
      timeoutMs,
      `the reply to interaction ${interaction.id}`,
    );
  }

  const emulator: DiscordEmulator = {
    apiUrl: `${base}/api`,
    token,
    applicationId,
    botUser,
    guildId,
    channelId,
    user,
    requests,
    unknownRoutes,
    commands,
    identifies,
    channelMessages,
    waitForIdentify: (timeoutMs = 10_000) =>
      waitFor(() => (identifies.length > 0 ? true : undefined), timeoutMs, 'IDENTIFY').then(() => {}),
    waitForRequest: (match, timeoutMs = replyTimeoutMs) =>
      waitFor(() => requests.find(match), timeoutMs, 'a matching request'),
    connections: () => sockets.size,
    dispatch,
    sendCommand: (name, options = {}, opts = {}) =>
      sendInteraction(
        2,
        { id: commandId(name), name, type: 1, options: toApiOptions(options), ...resolvedOf(options) },
        { ...opts, commandName: name },
      ),
    runCommand: (name, options = {}, opts = {}) => waitForReply(emulator.sendCommand(name, options, opts)),
    autocomplete: async (name, options, focused, opts = {}) => {
      const sent = sendInteraction(
        4,
        { id: commandId(name), name, type: 1, options: toApiOptions(options, focused) },
        { ...opts, commandName: name },
      );
      const reply = await waitForReply(sent);
      return reply.data.choices ?? [];
    },
    pressButton: (customId, message, opts = {}) =>
      waitForReply(sendInteraction(3, { custom_id: customId, component_type: 2 }, { ...opts, message })),
    waitForReply,
    sendMessage: ({ content, mentionsBot = false, channelId: channel = channelId, author = user }) => {
      const id = nextSnowflake();
      dispatch('MESSAGE_CREATE', {
        id,
        channel_id: channel,
        guild_id: guildId,
        author,
        member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
        content,
        timestamp: new Date().toISOString(),
        edited_timestamp: null,
        tts: false,
        mention_everyone: false,
        mentions: mentionsBot ? [botUser] : [],
        mention_roles: [],
        attachments: [],
        embeds: [],
        components: [],
        pinned: false,
        type: 0,
        flags: 0,
      });
      return id;
    },
    close: async () => {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return emulator;
}
