import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type restify from 'restify';
import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity, ConnectorClient, ConnectorFactory, MicrosoftAppCredentials, type AuthenticateRequestResult } from 'botframework-connector';
import { bearer, fail, readValidJson, sendJson } from '../http.ts';
import type { Logger } from '../../log.ts';
import type { Sql } from '../../store/database.ts';
import { channelSecret } from '../secrets.ts';
import { adoptConnectorAddress } from '../../store/conversations.ts';
import { DirectLineStore, isActivityOf, type ConversationLimits, type DirectLineConversation, type StoredActivity } from './conversations.ts';
import { botActivitySchema, clientActivitySchema, startConversationSchema } from './schemas.ts';

export const DIRECT_LINE_BASE = '/v3/directline';
export const CONNECTOR_BASE = '/directline/connector';

export interface DirectLineDeps {
  db: Sql;
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
  /** Whether a browser may start a conversation without a portal token (POST /v3/directline/conversations). */
  allowAnonymous?: boolean;
  /** The bot wrote to a conversation outside a turn of that conversation (a check-in, a clinician, a timer). */
  onProactive?: (conversation: DirectLineConversation, activity: StoredActivity) => void;
}

const MAX_CLIENT_BODY = 64 * 1024;
const MAX_BOT_BODY = 512 * 1024;
const RATE_WINDOW_MS = 10 * 60 * 1000;

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
 * conversation's history in the database, which the browser polls with a watermark. So a reload, a
 * restart or another instance continue the same conversation. Each token opens its own conversation
 * only; the connector URL carries a per-conversation key (an HMAC with a key kept in the database,
 * the same on every instance) that the browser never sees.
 */
export async function createDirectLine(deps: DirectLineDeps) {
  const clock = deps.clock ?? Date.now;
  const store = new DirectLineStore(deps.db, deps.limits, clock);
  const secret = Buffer.from(await channelSecret(deps.db, 'directline.connector', () => randomBytes(32).toString('base64url')), 'base64url');
  const connectorFactory = new LocalConnectorFactory();
  const botAccount = { id: deps.botId, name: deps.botName ?? deps.botId, role: 'bot' };
  const creations = new Map<string, number[]>();
  const maxCreations = deps.maxNewConversationsPerAddress ?? 60;
  const allowAnonymous = deps.allowAnonymous ?? true;
  // Conversations whose turn this process is running: what the bot sends to them then is a reply.
  const inTurn = new Map<string, number>();
  let selfUrl: (() => string) | undefined;

  const connectorKey = (conversationId: string) => createHmac('sha256', secret).update(conversationId).digest('base64url');
  const keyMatches = (conversationId: string, key: string) => {
    const expected = Buffer.from(connectorKey(conversationId));
    const given = Buffer.from(key);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const baseUrl = () => selfUrl?.() ?? 'http://127.0.0.1';
  const serviceUrlFor = (conversationId: string) => `${baseUrl()}${CONNECTOR_BASE}/${connectorKey(conversationId)}`;

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

  /** The conversation a request may use: 404 when unknown, 403 when the token is not its own or has expired. */
  async function authorise(req: restify.Request, res: restify.Response, conversationId: string): Promise<DirectLineConversation | undefined> {
    const conversation = await store.get(conversationId);
    if (!conversation) {
      fail(res, 404, 'BadArgument', 'Conversation not found');
      return undefined;
    }
    const token = bearer(req);
    const opened = token ? await store.open(token, 'token') : undefined;
    if (!opened || opened.conversationId !== conversation.id) {
      fail(res, 403, 'TokenExpired', 'Token not valid for this conversation');
      return undefined;
    }
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
    const id = activity.conversation!.id;
    inTurn.set(id, (inTurn.get(id) ?? 0) + 1);
    try {
      await deps.adapter.processActivityDirect(auth, activity as Activity, deps.onTurn);
    } finally {
      const left = (inTurn.get(id) ?? 1) - 1;
      if (left > 0) inTurn.set(id, left);
      else inTurn.delete(id);
    }
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

  /** A new conversation, greeted by the bot; for a portal user, the one they will always get. */
  async function openConversation(options: { portalSubject?: string } = {}): Promise<{ conversation: DirectLineConversation; created: boolean }> {
    const existing = options.portalSubject ? await store.byPortalSubject(options.portalSubject) : undefined;
    if (existing) return { conversation: existing, created: false };
    const { conversation, created } = await store.create(options);
    if (created) await start(conversation);
    return { conversation, created };
  }

  const conversationBody = (conversationId: string, token: string, expiresIn: number) => ({ conversationId, token, expires_in: expiresIn });

  function register(server: restify.Server): void {
    selfUrl = () => {
      const address = server.address() as AddressInfo | null;
      if (!address || typeof address !== 'object') return 'http://127.0.0.1';
      const host = address.address === '::' || address.address === '0.0.0.0' || !address.address ? '127.0.0.1' : address.address;
      return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
    };

    // Start a conversation. A token that already opens one (a reload) returns that conversation.
    server.post(`${DIRECT_LINE_BASE}/conversations`, async (req, res) => {
      if (!(await readValidJson(req, res, MAX_CLIENT_BODY, startConversationSchema))) return;
      const token = bearer(req);
      const existing = token ? await store.open(token, 'token') : undefined;
      if (existing && token) return sendJson(res, 200, conversationBody(existing.conversationId, token, store.limits.tokenSeconds));
      if (!allowAnonymous) return fail(res, 403, 'Forbidden', 'This coach is opened from your clinic\'s portal');
      if (!allowCreation(req.socket.remoteAddress ?? 'unknown')) return fail(res, 429, 'TooManyRequests', 'Too many new conversations from this address; try again later');
      const { conversation } = await openConversation();
      const issued = await store.issue(conversation.id, 'token');
      sendJson(res, 201, conversationBody(conversation.id, issued.token, issued.expiresIn));
    });

    // Reconnect (Web Chat does this when given a conversationId, e.g. after a page reload).
    server.get(`${DIRECT_LINE_BASE}/conversations/:conversationId`, async (req, res) => {
      const conversation = await authorise(req, res, String(req.params.conversationId));
      if (!conversation) return;
      sendJson(res, 200, conversationBody(conversation.id, bearer(req)!, store.limits.tokenSeconds));
    });

    // A token still valid buys a new one with a full life (Direct Line: 30 minutes); the old one runs out on its own.
    server.post(`${DIRECT_LINE_BASE}/tokens/refresh`, async (req, res) => {
      const token = bearer(req);
      const opened = token ? await store.open(token, 'token') : undefined;
      if (!opened) return fail(res, 403, 'TokenExpired', 'Token not valid or expired');
      const issued = await store.issue(opened.conversationId, 'token', opened.deviceHash);
      sendJson(res, 200, conversationBody(opened.conversationId, issued.token, issued.expiresIn));
    });

    // The browser posts an activity: echo it into the history (with its id and clientActivityID), then hand it to the bot.
    server.post(`${DIRECT_LINE_BASE}/conversations/:conversationId/activities`, async (req, res) => {
      const conversation = await authorise(req, res, String(req.params.conversationId));
      if (!conversation) return;
      const read = await readValidJson(req, res, MAX_CLIENT_BODY, clientActivitySchema);
      if (!read) return;
      const { from: _from, recipient: _recipient, conversation: _conversation, serviceUrl: _serviceUrl, id: _id, attachments: _attachments, channelId: _channelId, ...activity } = read.body as Record<string, unknown>;
      // Typing is passed on to nobody and kept nowhere: it would only fill the history.
      if (read.body.type === 'typing') return sendJson(res, 200, { id: '' });
      const echo = await store.append(conversation.id, {
        ...activity,
        type: read.body.type,
        channelId: 'directline',
        conversation: { id: conversation.id },
        from: { id: conversation.userId, role: 'user' },
        recipient: botAccount,
        timestamp: new Date(clock()).toISOString(),
      });
      if (!echo) return fail(res, 404, 'BadArgument', 'Conversation not found');
      try {
        await forward(inbound(conversation, { ...activity, type: read.body.type, id: echo.id }));
      } catch (error) {
        deps.log.error({ err: error, conversationId: conversation.id }, 'direct line: the bot could not take the activity');
        return fail(res, 502, 'BotError', 'The bot could not take the message; please try again');
      }
      sendJson(res, 200, { id: echo.id });
    });

    // Web Chat polls here with the watermark of what it has already shown.
    server.get(`${DIRECT_LINE_BASE}/conversations/:conversationId/activities`, async (req, res) => {
      const conversation = await authorise(req, res, String(req.params.conversationId));
      if (!conversation) return;
      const watermark = new URL(req.url ?? '/', 'http://localhost').searchParams.get('watermark') ?? undefined;
      const page = await store.since(conversation, watermark);
      // What this answer hands the page is what the person has in front of them a moment later.
      await store.seen(conversation, page.watermark);
      sendJson(res, 200, page);
    });

    // The in-process connector: the bot sends and replies to a conversation here (Connector API paths).
    const receiveFromBot = async (req: restify.Request, res: restify.Response) => {
      const conversationId = String(req.params.conversationId);
      if (!keyMatches(conversationId, String(req.params.key))) return fail(res, 403, 'Forbidden', 'Unknown connector key');
      const conversation = await store.get(conversationId);
      if (!conversation) return fail(res, 404, 'ConversationNotFound', 'The conversation is no longer open');
      const read = await readValidJson(req, res, MAX_BOT_BODY, botActivitySchema);
      if (!read) return;
      if (read.body.type === 'trace' || read.body.type === 'typing') return sendJson(res, 200, { id: '' });
      const { serviceUrl: _serviceUrl, recipient: _recipient, from: _from, id: _id, conversation: _conversation, replyToId: _replyToId, ...activity } = read.body as Record<string, unknown>;
      // A proactive message (a check-in) answers nothing here: the SDK still sets replyToId to its
      // continuation's made-up id, and Web Chat holds a reply back for seconds waiting for an
      // activity that never comes. Only ids of this conversation's own activities are kept.
      const named = req.params.activityId ? String(req.params.activityId) : read.body.replyToId;
      const replyToId = named && isActivityOf(conversation.id, named) ? named : undefined;
      const stored = await store.append(conversation.id, {
        ...activity,
        type: read.body.type,
        channelId: 'directline',
        conversation: { id: conversation.id },
        from: botAccount,
        recipient: { id: conversation.userId, role: 'user' },
        timestamp: new Date(clock()).toISOString(),
        ...(replyToId ? { replyToId } : {}),
      });
      if (!stored) return fail(res, 404, 'ConversationNotFound', 'The conversation is no longer open');
      // Only what the person reads counts (not the handoff protocol's events).
      if (!inTurn.has(conversation.id) && stored.type === 'message') deps.onProactive?.(conversation, stored);
      sendJson(res, 200, { id: stored.id });
    };
    server.post(`${CONNECTOR_BASE}/:key/v3/conversations/:conversationId/activities`, receiveFromBot);
    server.post(`${CONNECTOR_BASE}/:key/v3/conversations/:conversationId/activities/:activityId`, receiveFromBot);
  }

  /**
   * Points the stored conversation references of web chat conversations at this process's
   * connector address, so check-ins reach people after a restart on another address too.
   */
  async function adoptReferences(): Promise<void> {
    const prefix = `${baseUrl()}${CONNECTOR_BASE}/`;
    await adoptConnectorAddress(deps.db, prefix);
  }

  return { register, store, serviceUrlFor, openConversation, adoptReferences, allowAnonymous, allowCreation };
}

export type DirectLine = Awaited<ReturnType<typeof createDirectLine>>;
