import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type restify from 'restify';
import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity, ConnectorClient, ConnectorFactory, MicrosoftAppCredentials, type AuthenticateRequestResult } from 'botframework-connector';
import { BodyTooLarge, readBody } from '../../http/readBody.ts';
import type { Logger } from '../../log.ts';
import { ConversationStore, type ConversationLimits, type DirectLineConversation, type StoredActivity } from './conversations.ts';
import { botActivitySchema, clientActivitySchema, startConversationSchema } from './schemas.ts';

export const DIRECT_LINE_BASE = '/v3/directline';
export const CONNECTOR_BASE = '/directline/connector';

export interface DirectLineDeps {
  adapter: Pick<CloudAdapter, 'processActivityDirect'>;
  onTurn: (context: TurnContext) => Promise<void>;
  log: Logger;
  /** The bot's id as the browser sees it (the app id when there is one). */
  botId: string;
  botName?: string;
  limits?: Partial<ConversationLimits>;
  clock?: () => number;
  /** New conversations allowed per client address per 10 minutes. */
  maxNewConversationsPerAddress?: number;
}

const MAX_CLIENT_BODY = 64 * 1024;
const MAX_BOT_BODY = 512 * 1024;
const RATE_WINDOW_MS = 10 * 60 * 1000;

function sendJson(res: restify.Response, status: number, body: unknown) {
  res.status(status);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  // Tokens and health conversations must not be cached by a browser or a proxy.
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}

const fail = (res: restify.Response, status: number, code: string, message: string) => sendJson(res, status, { error: { code, message } });

function bearer(req: restify.Request): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

async function readJson(req: restify.Request, limit: number): Promise<{ ok: true; body: unknown } | { ok: false; status: number; message: string }> {
  let raw: string;
  try {
    raw = await readBody(req, limit);
  } catch (error) {
    return error instanceof BodyTooLarge ? { ok: false, status: 413, message: `body is larger than ${limit} bytes` } : { ok: false, status: 400, message: 'could not read the body' };
  }
  if (!raw.trim()) return { ok: true, body: undefined };
  try {
    return { ok: true, body: JSON.parse(raw) };
  } catch {
    return { ok: false, status: 400, message: 'body is not valid JSON' };
  }
}

const describe = (issues: { path: PropertyKey[]; message: string }[]) => issues.map((issue) => `${issue.path.map(String).join('.') || 'body'}: ${issue.message}`).join('; ');

/** Replies go to this process: no credentials, whatever the app's own are (the connector route checks its URL key instead). */
class LocalConnectorFactory extends ConnectorFactory {
  async create(serviceUrl: string): Promise<ConnectorClient> {
    return new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri: serviceUrl });
  }
}

/**
 * A small Direct Line 3.0 endpoint for Web Chat (polling, `webSocket: false`) inside this process.
 *
 * The browser's activities are forwarded to the bot the way a real channel does it, with a
 * `serviceUrl` pointing at an in-process connector route; the bot's replies, and later proactive
 * messages sent to the stored reference (check-ins via `continueConversationAsync`), land in the
 * conversation's list, which the browser polls with a watermark. Each conversation has its own
 * token, and the connector URL carries a per-conversation key that the browser never sees.
 */
export function createDirectLine(deps: DirectLineDeps) {
  const clock = deps.clock ?? Date.now;
  const store = new ConversationStore(deps.limits, clock);
  const secret = randomBytes(32);
  const connectorFactory = new LocalConnectorFactory();
  const botAccount = { id: deps.botId, name: deps.botName ?? deps.botId, role: 'bot' };
  const idleSeconds = Math.floor((deps.limits?.idleMs ?? 60 * 60 * 1000) / 1000);
  const creations = new Map<string, number[]>();
  const maxCreations = deps.maxNewConversationsPerAddress ?? 60;
  let selfUrl: (() => string) | undefined;

  const connectorKey = (conversationId: string) => createHmac('sha256', secret).update(conversationId).digest('base64url');
  const keyMatches = (conversationId: string, key: string) => {
    const expected = Buffer.from(connectorKey(conversationId));
    const given = Buffer.from(key);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const serviceUrlFor = (conversationId: string) => `${selfUrl?.() ?? 'http://127.0.0.1'}${CONNECTOR_BASE}/${connectorKey(conversationId)}`;

  function allowCreation(address: string): boolean {
    const now = clock();
    const recent = (creations.get(address) ?? []).filter((at) => now - at < RATE_WINDOW_MS);
    if (recent.length >= maxCreations) {
      creations.set(address, recent);
      return false;
    }
    recent.push(now);
    creations.delete(address);
    creations.set(address, recent);
    // Bounded: forget the stalest addresses first.
    while (creations.size > 10_000) creations.delete(creations.keys().next().value!);
    return true;
  }

  /** The conversation a request may use: 404 when unknown, 403 when the token is not its own. */
  function authorise(req: restify.Request, res: restify.Response, conversationId: string): DirectLineConversation | undefined {
    const conversation = store.get(conversationId);
    if (!conversation) {
      fail(res, 404, 'BadArgument', 'Conversation not found');
      return undefined;
    }
    const token = bearer(req);
    if (!token || !store.tokenMatches(conversation, token)) {
      fail(res, 403, 'TokenExpired', 'Token not valid for this conversation');
      return undefined;
    }
    store.touch(conversation);
    return conversation;
  }

  /** The activity as the bot receives it from this channel. */
  function inbound(conversation: DirectLineConversation, activity: Record<string, unknown>): Partial<Activity> {
    return {
      ...activity,
      channelId: 'directline',
      serviceUrl: serviceUrlFor(conversation.id),
      conversation: { id: conversation.id } as Activity['conversation'],
      from: { id: conversation.userId, name: '', role: 'user' } as Activity['from'],
      recipient: botAccount as Activity['recipient'],
      timestamp: new Date(clock()),
    };
  }

  async function forward(activity: Partial<Activity>): Promise<void> {
    const auth: AuthenticateRequestResult = {
      audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
      claimsIdentity: new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType),
      connectorFactory,
    };
    await deps.adapter.processActivityDirect(auth, activity as Activity, deps.onTurn);
  }

  /** Sends the conversation's start to the bot (the person joins), so it greets them first. */
  async function start(conversation: DirectLineConversation): Promise<void> {
    const activity = inbound(conversation, {
      type: 'conversationUpdate',
      id: `${conversation.id}|start`,
      membersAdded: [botAccount, { id: conversation.userId, name: '', role: 'user' }],
    });
    try {
      await forward(activity);
    } catch (error) {
      deps.log.error({ err: error, conversationId: conversation.id }, 'direct line: conversation start failed');
    }
  }

  const conversationBody = (conversation: DirectLineConversation, token: string) => ({
    conversationId: conversation.id,
    token,
    expires_in: idleSeconds,
  });

  function register(server: restify.Server): void {
    selfUrl = () => {
      const address = server.address() as AddressInfo | null;
      if (!address || typeof address !== 'object') return 'http://127.0.0.1';
      const host = address.address === '::' || address.address === '0.0.0.0' || !address.address ? '127.0.0.1' : address.address;
      return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
    };

    // Start a conversation. A token that already opens one (a reload) returns that conversation.
    server.post(`${DIRECT_LINE_BASE}/conversations`, async (req, res) => {
      const body = await readJson(req, MAX_CLIENT_BODY);
      if (!body.ok) return fail(res, body.status, 'BadArgument', body.message);
      const parsed = startConversationSchema.safeParse(body.body);
      if (!parsed.success) return fail(res, 400, 'BadArgument', describe(parsed.error.issues));
      const token = bearer(req);
      const existing = token ? store.findByToken(token) : undefined;
      if (existing && token) {
        store.touch(existing);
        return sendJson(res, 200, conversationBody(existing, token));
      }
      if (!allowCreation(req.socket.remoteAddress ?? 'unknown')) return fail(res, 429, 'TooManyRequests', 'Too many new conversations from this address; try again later');
      const created = store.create();
      await start(created.conversation);
      sendJson(res, 201, conversationBody(created.conversation, created.token));
    });

    // Reconnect (Web Chat does this when given a conversationId, e.g. after a page reload).
    server.get(`${DIRECT_LINE_BASE}/conversations/:conversationId`, async (req, res) => {
      const conversation = authorise(req, res, String(req.params.conversationId));
      if (!conversation) return;
      sendJson(res, 200, conversationBody(conversation, bearer(req)!));
    });

    server.post(`${DIRECT_LINE_BASE}/tokens/refresh`, async (req, res) => {
      const token = bearer(req);
      const conversation = token ? store.findByToken(token) : undefined;
      if (!conversation || !token) return fail(res, 403, 'TokenExpired', 'Token not valid');
      store.touch(conversation);
      sendJson(res, 200, conversationBody(conversation, token));
    });

    // The browser posts an activity: echo it into the list (with its id and clientActivityID), then hand it to the bot.
    server.post(`${DIRECT_LINE_BASE}/conversations/:conversationId/activities`, async (req, res) => {
      const conversation = authorise(req, res, String(req.params.conversationId));
      if (!conversation) return;
      const body = await readJson(req, MAX_CLIENT_BODY);
      if (!body.ok) return fail(res, body.status, 'BadArgument', body.message);
      const parsed = clientActivitySchema.safeParse(body.body);
      if (!parsed.success) return fail(res, 400, 'BadArgument', describe(parsed.error.issues));
      const { from: _from, recipient: _recipient, conversation: _conversation, serviceUrl: _serviceUrl, id: _id, attachments: _attachments, channelId: _channelId, ...activity } = parsed.data as Record<string, unknown>;
      const echo = store.append(conversation, {
        ...activity,
        type: parsed.data.type,
        channelId: 'directline',
        conversation: { id: conversation.id },
        from: { id: conversation.userId, role: 'user' },
        recipient: botAccount,
        timestamp: new Date(clock()).toISOString(),
      });
      if (parsed.data.type === 'typing') return sendJson(res, 200, { id: echo.id });
      try {
        await forward(inbound(conversation, { ...activity, type: parsed.data.type, id: echo.id }));
      } catch (error) {
        deps.log.error({ err: error, conversationId: conversation.id }, 'direct line: the bot could not take the activity');
        return fail(res, 502, 'BotError', 'The bot could not take the message; please try again');
      }
      sendJson(res, 200, { id: echo.id });
    });

    // Web Chat polls here with the watermark of what it has already shown.
    server.get(`${DIRECT_LINE_BASE}/conversations/:conversationId/activities`, async (req, res) => {
      const conversation = authorise(req, res, String(req.params.conversationId));
      if (!conversation) return;
      const watermark = new URL(req.url ?? '/', 'http://localhost').searchParams.get('watermark') ?? undefined;
      sendJson(res, 200, store.since(conversation, watermark));
    });

    // The in-process connector: the bot sends and replies to a conversation here (Connector API paths).
    const receiveFromBot = async (req: restify.Request, res: restify.Response) => {
      const conversationId = String(req.params.conversationId);
      if (!keyMatches(conversationId, String(req.params.key))) return fail(res, 403, 'Forbidden', 'Unknown connector key');
      const conversation = store.get(conversationId);
      if (!conversation) return fail(res, 404, 'ConversationNotFound', 'The conversation is no longer open');
      const body = await readJson(req, MAX_BOT_BODY);
      if (!body.ok) return fail(res, body.status, 'BadArgument', body.message);
      const parsed = botActivitySchema.safeParse(body.body);
      if (!parsed.success) return fail(res, 400, 'BadArgument', describe(parsed.error.issues));
      if (parsed.data.type === 'trace') return sendJson(res, 200, { id: '' });
      const { serviceUrl: _serviceUrl, recipient: _recipient, from: _from, id: _id, conversation: _conversation, ...activity } = parsed.data as Record<string, unknown>;
      const replyToId = req.params.activityId ? String(req.params.activityId) : parsed.data.replyToId;
      const stored: StoredActivity = store.append(conversation, {
        ...activity,
        type: parsed.data.type,
        channelId: 'directline',
        conversation: { id: conversation.id },
        from: botAccount,
        recipient: { id: conversation.userId, role: 'user' },
        timestamp: new Date(clock()).toISOString(),
        ...(replyToId ? { replyToId } : {}),
      });
      sendJson(res, 200, { id: stored.id });
    };
    server.post(`${CONNECTOR_BASE}/:key/v3/conversations/:conversationId/activities`, receiveFromBot);
    server.post(`${CONNECTOR_BASE}/:key/v3/conversations/:conversationId/activities/:activityId`, receiveFromBot);
  }

  return { register, store, serviceUrlFor };
}

export type DirectLine = ReturnType<typeof createDirectLine>;
