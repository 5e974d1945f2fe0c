import type restify from 'restify';
import { z, type ZodType } from 'zod';
import type { Logger } from '../../log.ts';
import { hashToken } from '../directline/conversations.ts';
import type { DirectLine } from '../directline/routes.ts';
import { bearer, fail, readValidJson, sendJson } from '../http.ts';
import { subscribeBodySchema, unsubscribeBodySchema, pushServiceAllowed } from '../webpush/subscription.ts';
import type { WebPush } from '../webpush/notifier.ts';
import { portalTokenSchema, type PortalVerifier } from './portal.ts';

const deviceKey = z.string().regex(/^[A-Za-z0-9_-]{40,64}$/, 'device must be the key this server gave the browser');

/** What the page posts to get a token: nothing (a new conversation), its device key, or its portal's token. */
export const sessionBodySchema = z
  .strictObject({ device: deviceKey.optional(), portalToken: portalTokenSchema.optional() })
  .refine((body) => !(body.device && body.portalToken), 'send either device or portalToken, not both');

export const forgetBodySchema = z.strictObject({ device: deviceKey.optional(), endpoint: z.url().max(2048).optional() });

const MAX_BODY = 16 * 1024;

export interface SessionDeps {
  directLine: DirectLine;
  portal?: PortalVerifier;
  webPush?: WebPush;
  pushServices: string[];
  log: Logger;
}

/**
 * The page's own endpoints around Direct Line:
 * - `POST /webchat/session`: a Direct Line token for this browser's conversation (new, by device
 *   key, or by the portal's token for its user: the same conversation on every device);
 * - `DELETE /webchat/session`: "forget this device";
 * - `GET /webchat/push/key`, `POST|DELETE /webchat/push/subscription`: Web Push opt-in and out.
 */
export function sessionRoutes(deps: SessionDeps) {
  const { directLine } = deps;
  const store = directLine.store;

  async function session(res: restify.Response, conversationId: string, extra: Record<string, unknown>, deviceHash: string | null) {
    const conversation = await store.get(conversationId);
    if (!conversation) return fail(res, 404, 'ConversationGone', 'This conversation no longer exists');
    const issued = await store.issue(conversationId, 'token', deviceHash);
    sendJson(res, 200, {
      conversationId,
      token: issued.token,
      expires_in: issued.expiresIn,
      // Bot messages after this watermark arrived while the page was closed (a waiting check-in).
      readWatermark: String(conversation.readSeq),
      ...extra,
    });
  }

  /** A push opt-in or opt-out: Web Push on, a live token and a valid body, or the refusal is sent and the answer is undefined. */
  async function pushRequest<T>(req: restify.Request, res: restify.Response, schema: ZodType<T>) {
    const { webPush } = deps;
    if (!webPush) return void fail(res, 404, 'NotFound', 'Web Push is off');
    const token = bearer(req);
    const opened = token ? await store.open(token, 'token') : undefined;
    if (!opened) return void fail(res, 403, 'TokenExpired', 'Token not valid');
    const read = await readValidJson(req, res, MAX_BODY, schema);
    return read && { webPush, opened, body: read.body };
  }

  return function register(server: restify.Server): void {
    server.post('/webchat/session', async (req, res) => {
      const read = await readValidJson(req, res, MAX_BODY, sessionBodySchema, {});
      if (!read) return;
      const { device, portalToken } = read.body;
      if (portalToken) {
        if (!deps.portal) return fail(res, 400, 'BadArgument', 'No portal is configured for this coach');
        const verdict = await deps.portal.verify(portalToken);
        if (!verdict.ok) {
          deps.log.info({ reason: verdict.reason }, 'web chat: portal token refused');
          return fail(res, 401, 'PortalTokenRefused', `The portal's token was not accepted: ${verdict.reason}`);
        }
        const { conversation } = await directLine.openConversation({ portalSubject: verdict.subject });
        return session(res, conversation.id, { mode: 'portal' }, null);
      }
      if (device) {
        const opened = await store.open(device, 'device');
        if (!opened) return fail(res, 403, 'DeviceForgotten', 'This browser no longer opens a conversation');
        await store.renewDevice(device);
        return session(res, opened.conversationId, { mode: 'device', device }, hashToken(device));
      }
      if (!directLine.allowAnonymous) return fail(res, 403, 'PortalRequired', "Please open the coach from your clinic's portal");
      if (!directLine.allowCreation(req.socket.remoteAddress ?? 'unknown')) return fail(res, 429, 'TooManyRequests', 'Too many new conversations from this address; try again later');
      const { conversation } = await directLine.openConversation();
      const issuedDevice = await store.issue(conversation.id, 'device');
      return session(res, conversation.id, { mode: 'device', device: issuedDevice.token }, hashToken(issuedDevice.token));
    });

    // Forget this device: its key, its tokens and its push subscription stop working; the conversation stays with the clinic.
    server.del('/webchat/session', async (req, res) => {
      const token = bearer(req);
      const opened = token ? await store.open(token, 'token') : undefined;
      const read = await readValidJson(req, res, MAX_BODY, forgetBodySchema, {});
      if (!read) return;
      const forget = read.body;
      const device = forget.device ? await store.open(forget.device, 'device') : undefined;
      const conversationId = opened?.conversationId ?? device?.conversationId;
      if (!conversationId || (opened && device && opened.conversationId !== device.conversationId)) return fail(res, 403, 'TokenExpired', 'Token not valid');
      if (forget.endpoint) await deps.webPush?.unsubscribe(conversationId, forget.endpoint);
      if (forget.device) {
        await deps.webPush?.forgetDevice(conversationId, hashToken(forget.device));
        await store.revokeDevice(forget.device);
      }
      if (token) await store.revokeToken(token);
      res.status(204);
      res.end();
    });

    server.get('/webchat/push/key', async (_req, res) => {
      if (!deps.webPush) return fail(res, 404, 'NotFound', 'Web Push is off');
      sendJson(res, 200, { publicKey: deps.webPush.publicKey });
    });

    server.post('/webchat/push/subscription', async (req, res) => {
      const request = await pushRequest(req, res, subscribeBodySchema);
      if (!request) return;
      const { webPush, opened, body } = request;
      if (!pushServiceAllowed(body.subscription.endpoint, deps.pushServices)) {
        return fail(res, 400, 'BadArgument', 'subscription.endpoint: this push service is not one this coach sends to (WEBPUSH_SERVICES)');
      }
      await webPush.subscribe(opened.conversationId, body.subscription, body.timeZone ?? 'UTC', opened.deviceHash);
      sendJson(res, 201, { subscribed: true });
    });

    server.del('/webchat/push/subscription', async (req, res) => {
      const request = await pushRequest(req, res, unsubscribeBodySchema);
      if (!request) return;
      await request.webPush.unsubscribe(request.opened.conversationId, request.body.endpoint);
      res.status(204);
      res.end();
    });
  };
}
