/**
 * Web Push end to end: a web chat person opts in with a subscription from a local push service
 * (web-push-testing, run in this process: nothing leaves the machine), closes the page, and the
 * check-in scheduler's daily check-in reaches them as one notification that the push service
 * verifies (VAPID) and decrypts. Once a day only; on return the waiting check-in is what is new.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../helpers/botClient.ts';
import { startBot, type RunningBot } from '../helpers/botClient.ts';
import { onboard } from '../helpers/onboarding.ts';
import { freePort } from '../helpers/process.ts';
import { botMessages, DirectLineClient, type DlActivity } from './directLineClient.ts';

const require = createRequire(import.meta.url);
const { PushApiModel } = require('web-push-testing/src/PushApiModel.js');
const PushTestingServer = require('web-push-testing/src/server.js');

/** web-push-testing's own API: subscribe as a browser would, and read what arrived (decrypted). */
function pushService(port: number) {
  const base = `http://localhost:${port}`;
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return (await response.json()) as any;
  };
  return {
    base,
    subscribe: (applicationServerKey: string) => post('/subscribe', { userVisibleOnly: 'true', applicationServerKey }).then((r) => r.data as { endpoint: string; keys: { p256dh: string; auth: string }; clientHash: string }),
    messages: (clientHash: string) => post('/get-notifications', { clientHash }).then((r) => (r.data?.messages ?? []) as string[]),
  };
}

/** A web chat person, talking through the page's endpoints. */
async function webChatPerson(url: string) {
  const response = await fetch(`${url}/webchat/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  const session = await response.json();
  const client = new DirectLineClient(url);
  client.conversationId = session.conversationId;
  client.token = session.token;
  await client.poll();
  const asPerson = { say: async (text: string) => botMessages(await client.say(text)) } as unknown as Person;
  return { client, device: session.device as string, asPerson };
}

describe('Web Push check-ins', () => {
  let bot: RunningBot;
  let server: any;
  let push: ReturnType<typeof pushService>;
  const clock = { now: new Date(), advance(ms: number) { this.now = new Date(this.now.getTime() + ms); } };

  beforeAll(async () => {
    const port = await freePort();
    const log = console.log;
    console.log = () => {};
    server = new PushTestingServer(new PushApiModel(), port);
    server.startServer();
    console.log = log;
    push = pushService(port);
    bot = await startBot('pglite', { WEBPUSH_SERVICES: push.base, WEBPUSH_SUBJECT: 'mailto:care-team@clinic.example' }, () => clock.now, undefined, { cron: false });
  }, 60_000);
  afterAll(async () => {
    await bot?.stop();
    await new Promise((resolve) => server?._server?.close(resolve));
  });

  it('keeps its VAPID keys in the database: the same public key after a restart', async () => {
    const first = await (await fetch(`${bot.url}/webchat/push/key`)).json();
    expect(first.publicKey).toMatch(/^[A-Za-z0-9_-]{80,}$/);
    const rows = await bot.app.db.query<{ name: string }>("select name from channel_secrets where name = 'webpush.vapid'");
    expect(rows).toHaveLength(1);
  });

  it('turns away a subscription to a push service that is not allowed, or a malformed one', async () => {
    const person = await webChatPerson(bot.url);
    const post = (body: unknown) => fetch(`${bot.url}/webchat/push/subscription`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${person.client.token}` }, body: JSON.stringify(body) });
    const keys = { p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) };
    const elsewhere = await post({ subscription: { endpoint: 'http://127.0.0.1:5432/anything', keys }, timeZone: 'Europe/Berlin' });
    expect(elsewhere.status).toBe(400);
    expect((await elsewhere.json()).error.message).toMatch(/push service/);
    expect((await post({ subscription: { endpoint: `${push.base}/notify/x`, keys: { p256dh: 'short', auth: 'x' } } })).status).toBe(400);
    expect((await post({ subscription: { endpoint: `${push.base}/notify/x`, keys }, timeZone: 'Mars/Olympus' })).status).toBe(400);
    const stranger = await fetch(`${bot.url}/webchat/push/subscription`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer nope' }, body: JSON.stringify({ subscription: { endpoint: `${push.base}/notify/x`, keys } }) });
    expect(stranger.status).toBe(403);
  });

  it('a check-in sent by the scheduler while the page is closed arrives as one notification, decrypted by the push service; once a day', { timeout: 120_000 }, async () => {
    const person = await webChatPerson(bot.url);
    await onboard(person.asPerson);
    const { publicKey } = await (await fetch(`${bot.url}/webchat/push/key`)).json();
    const subscription = await push.subscribe(publicKey);
    const opted = await fetch(`${bot.url}/webchat/push/subscription`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${person.client.token}` },
      body: JSON.stringify({ subscription: { endpoint: subscription.endpoint, keys: subscription.keys }, timeZone: 'Europe/London' }),
    });
    expect(opted.status).toBe(201);
    await person.client.poll();

    // The page is open: a message written now is seen there, and no notification is sent.
    const open = await bot.app.channels.webPush!.notify((await bot.app.channels.directLine!.store.get(person.client.conversationId))!);
    expect(open.reason).toBe('present');

    // The person closes the page; an hour later the scheduler sends today's check-in.
    clock.advance(60 * 60_000);
    const sent = await bot.app.checkins.checkins.sendNow(person.client.conversationId);
    expect(sent.result).toMatchObject({ result: 'sent' });
    await bot.app.channels.webPush!.idle();
    const messages = await push.messages(subscription.clientHash);
    expect(messages).toHaveLength(1);
    const payload = JSON.parse(messages[0]!);
    expect(payload).toMatchObject({ title: 'Back and neck coach', url: '/' });
    expect(payload.body).toMatch(/check-in/i);
    // A lock screen shows it: nothing about the person's health.
    expect(JSON.stringify(payload)).not.toMatch(/pain|back pain|numb|bladder/i);

    // More messages the same day (the reminder, a second instance, a retry) notify no more.
    expect((await bot.app.checkins.checkins.sendNow(person.client.conversationId)).result).toMatchObject({ result: 'already' });
    const again = await bot.app.channels.webPush!.notify((await bot.app.channels.directLine!.store.get(person.client.conversationId))!);
    expect(again.reason).toBe('already today');
    expect(await push.messages(subscription.clientHash)).toHaveLength(1);

    // On return, the check-in is what is waiting: after the watermark the page had read.
    const back = await (await fetch(`${bot.url}/webchat/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ device: person.device }) })).json();
    expect(back.conversationId).toBe(person.client.conversationId);
    const reader = new DirectLineClient(bot.url);
    reader.conversationId = back.conversationId;
    reader.token = back.token;
    reader.watermark = back.readWatermark;
    const waiting: DlActivity[] = botMessages(await reader.poll());
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.map((a) => a.text).join('\n')).toMatch(/check-in/i);

    // The next day, the next check-in notifies again.
    clock.advance(24 * 60 * 60_000);
    expect((await bot.app.checkins.checkins.sendNow(person.client.conversationId)).result).toMatchObject({ result: 'sent' });
    await bot.app.channels.webPush!.idle();
    expect(await push.messages(subscription.clientHash)).toHaveLength(2);
  });

  it('"forget this device" ends its device key, its token and its notifications', async () => {
    const person = await webChatPerson(bot.url);
    const { publicKey } = await (await fetch(`${bot.url}/webchat/push/key`)).json();
    const subscription = await push.subscribe(publicKey);
    await fetch(`${bot.url}/webchat/push/subscription`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${person.client.token}` },
      body: JSON.stringify({ subscription: { endpoint: subscription.endpoint, keys: subscription.keys } }),
    });
    const forgot = await fetch(`${bot.url}/webchat/session`, { method: 'DELETE', headers: { 'content-type': 'application/json', authorization: `Bearer ${person.client.token}` }, body: JSON.stringify({ device: person.device }) });
    expect(forgot.status).toBe(204);
    expect((await fetch(`${bot.url}/webchat/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ device: person.device }) })).status).toBe(403);
    expect((await person.client.request(`/conversations/${person.client.conversationId}/activities`)).status).toBe(403);
    const left = await bot.app.db.query('select 1 from webpush_subscriptions where conversation_id = $1', [person.client.conversationId]);
    expect(left).toHaveLength(0);
  });
});
