import { DateTime } from 'luxon';
import webpush from 'web-push';
import type { Logger } from '../../log.ts';
import { openText, sealText } from '../../privacy/freeText.ts';
import type { Sql } from '../../store/database.ts';
import type { DirectLineConversation } from '../directline/conversations.ts';
import { endpointHash, pushServiceAllowed, type PushSubscriptionJson } from './subscription.ts';
import type { VapidKeys } from './vapid.ts';

export interface WebPushDeps {
  db: Sql;
  log: Logger;
  vapid: VapidKeys;
  /** mailto: or https: contact for the push services. */
  subject: string;
  services: string[];
  wording: { title: string; body: string };
  clock?: () => number;
  /** A page that polled this recently is open: the person sees the message there, no notification. */
  presentMs?: number;
  /** Posts the encrypted request to the push service; fetch by default. */
  post?: (endpoint: string, init: RequestInit) => Promise<{ status: number }>;
}

export interface PushOutcome {
  sent: number;
  reason?: 'present' | 'no subscription' | 'already today' | 'failed';
}

/** What the service worker shows; it names nothing about the person's health (lock screens). */
export interface PushPayload {
  title: string;
  body: string;
  url: string;
  tag: string;
}

/**
 * Web Push for web chat people whose page is closed: when the bot writes to their conversation
 * outside a turn (the daily check-in, sent by the check-in scheduler), each of their browsers that
 * opted in gets one notification, at most once per local day (a row per person and day, so two
 * instances or a retried send never notify twice). A subscription the push service calls gone
 * (404/410) is removed.
 */
export function createWebPush(deps: WebPushDeps) {
  const clock = deps.clock ?? Date.now;
  const presentMs = deps.presentMs ?? 20_000;
  const post = deps.post ?? ((endpoint: string, init: RequestInit) => fetch(endpoint, { ...init, redirect: 'error', signal: AbortSignal.timeout(10_000) }));

  /**
   * web-push encrypts the payload (RFC 8291) and signs the VAPID header; the request itself goes
   * out with fetch, to an endpoint on the allow-list only.
   */
  async function send(subscription: PushSubscriptionJson, payload: string): Promise<number> {
    const request = webpush.generateRequestDetails(subscription, payload, {
      vapidDetails: { subject: deps.subject, publicKey: deps.vapid.publicKey, privateKey: deps.vapid.privateKey },
      // A check-in is still worth seeing in the evening; after half a day it is not.
      TTL: 12 * 3600,
      urgency: 'normal',
      topic: 'checkin',
    });
    const response = await post(request.endpoint, { method: request.method, headers: request.headers as Record<string, string>, body: request.body ? new Uint8Array(request.body) : undefined });
    return response.status;
  }
  const running = new Map<string, Promise<PushOutcome>>();

  async function subscribe(conversationId: string, subscription: PushSubscriptionJson, timeZone: string, deviceHash: string | null): Promise<void> {
    await deps.db.query(
      `insert into webpush_subscriptions (endpoint_hash, conversation_id, device_hash, subscription, time_zone, created_at)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (endpoint_hash) do update set conversation_id = excluded.conversation_id, device_hash = excluded.device_hash,
         subscription = excluded.subscription, time_zone = excluded.time_zone, failures = 0`,
      [endpointHash(subscription.endpoint), conversationId, deviceHash, sealText(deps.db, JSON.stringify(subscription)), timeZone, new Date(clock()).toISOString()],
    );
  }

  async function unsubscribe(conversationId: string, endpoint: string): Promise<boolean> {
    const rows = await deps.db.query('delete from webpush_subscriptions where endpoint_hash = $1 and conversation_id = $2 returning 1', [endpointHash(endpoint), conversationId]);
    return rows.length > 0;
  }

  async function forgetDevice(conversationId: string, deviceHash: string): Promise<void> {
    await deps.db.query('delete from webpush_subscriptions where conversation_id = $1 and device_hash = $2', [conversationId, deviceHash]);
  }

  async function deliver(conversation: DirectLineConversation): Promise<PushOutcome> {
    const at = clock();
    if (at - conversation.lastSeenAt.getTime() < presentMs) return { sent: 0, reason: 'present' };
    const rows = await deps.db.query<{ endpoint_hash: string; subscription: string; time_zone: string }>(
      'select endpoint_hash, subscription, time_zone from webpush_subscriptions where conversation_id = $1 order by created_at',
      [conversation.id],
    );
    if (rows.length === 0) return { sent: 0, reason: 'no subscription' };
    const day = DateTime.fromMillis(at).setZone(rows[0]!.time_zone).toISODate() ?? DateTime.fromMillis(at).toUTC().toISODate()!;
    const claimed = await deps.db.query('insert into webpush_deliveries (conversation_id, local_day, sent_at) values ($1, $2, $3) on conflict do nothing returning 1', [
      conversation.id,
      day,
      new Date(at).toISOString(),
    ]);
    if (claimed.length === 0) return { sent: 0, reason: 'already today' };
    const payload: PushPayload = { title: deps.wording.title, body: deps.wording.body, url: '/', tag: 'disc-coach-checkin' };
    let sent = 0;
    for (const row of rows) {
      const subscription = JSON.parse(openText(deps.db, row.subscription)) as PushSubscriptionJson;
      if (!pushServiceAllowed(subscription.endpoint, deps.services)) continue;
      let status: number | undefined;
      let failure: unknown;
      try {
        status = await send(subscription, JSON.stringify(payload));
      } catch (error) {
        failure = error;
      }
      if (status !== undefined && status >= 200 && status < 300) sent++;
      else {
        if (status === 404 || status === 410) {
          await deps.db.query('delete from webpush_subscriptions where endpoint_hash = $1', [row.endpoint_hash]);
          deps.log.info({ conversationId: conversation.id }, 'web push: subscription gone, removed');
        } else {
          await deps.db.query('update webpush_subscriptions set failures = failures + 1 where endpoint_hash = $1', [row.endpoint_hash]);
          deps.log.warn({ conversationId: conversation.id, status, err: failure }, 'web push: notification not accepted');
        }
      }
    }
    if (sent === 0) {
      // Nobody was told: give the day back, so the next message (the reminder) may try again.
      await deps.db.query('delete from webpush_deliveries where conversation_id = $1 and local_day = $2', [conversation.id, day]);
      return { sent, reason: 'failed' };
    }
    return { sent };
  }

  /** Called for each activity the bot writes outside a turn; the activities of one check-in share one notification. */
  function notify(conversation: DirectLineConversation): Promise<PushOutcome> {
    const previous = running.get(conversation.id) ?? Promise.resolve({ sent: 0 });
    const next = previous
      .catch(() => ({ sent: 0 }))
      .then(() => deliver(conversation))
      .catch((error: unknown) => {
        deps.log.error({ err: error, conversationId: conversation.id }, 'web push failed');
        return { sent: 0, reason: 'failed' } as PushOutcome;
      });
    running.set(conversation.id, next);
    void next.finally(() => {
      if (running.get(conversation.id) === next) running.delete(conversation.id);
    });
    return next;
  }

  /** Resolves when every notification started so far is done (tests, shutdown). */
  async function idle(): Promise<void> {
    while (running.size) await Promise.allSettled([...running.values()]);
  }

  return { publicKey: deps.vapid.publicKey, subscribe, unsubscribe, forgetDevice, notify, idle };
}

export type WebPush = ReturnType<typeof createWebPush>;
