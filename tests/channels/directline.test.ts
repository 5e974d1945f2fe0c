import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../../src/bot/adapter.ts';
import { loadConfig } from '../../src/config.ts';
import { DirectLineStore, hashToken } from '../../src/channels/directline/conversations.ts';
import { localWebChatEnabled } from '../../src/channels/index.ts';
import { readConversation } from '../../src/store/conversations.ts';
import { startBot, type RunningBot } from '../helpers/botClient.ts';
import { engines, freshPostgresUrl, type TestEngine } from '../helpers/databases.ts';
import { botMessages, DirectLineClient, lastButtons } from './directLineClient.ts';
import { botForSuite } from '../helpers/suiteBot.ts';

for (const engine of engines) {
  describe(`Direct Line conversation store (${engine.name})`, () => {
    let opened: Awaited<ReturnType<TestEngine['open']>>;
    beforeAll(async () => {
      opened = await engine.open();
    });
    afterAll(async () => {
      await opened?.dispose();
    });

    it('gives each activity an id and a rising watermark kept in the database, and keeps only the newest activities', async () => {
      const store = new DirectLineStore(opened.db, { maxActivities: 100 });
      const { conversation } = await store.create();
      for (let i = 1; i <= 205; i++) await store.append(conversation.id, { type: 'message', text: `m${i}` });
      // A second store on the same database (another instance, or after a restart) sees the same.
      const again = new DirectLineStore(opened.db);
      const fresh = (await again.get(conversation.id))!;
      expect(fresh.seq).toBe(205);
      const all = await again.since(fresh, '');
      expect(all.activities[0]!.text).toBe('m101');
      expect(all.activities.at(-1)!.text).toBe('m205');
      expect(all.watermark).toBe('205');
      expect(all.activities.at(-1)!.id).toBe(`${conversation.id}|0000205`);
      expect((await again.since(fresh, '204')).activities.map((a) => a.text)).toEqual(['m205']);
      expect((await again.since(fresh, '205')).activities).toEqual([]);
      expect((await again.since(fresh, 'junk')).activities).toHaveLength(105);
    });

    it('appends from several writers at once without losing or repeating a number', async () => {
      const store = new DirectLineStore(opened.db);
      const { conversation } = await store.create();
      const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => store.append(conversation.id, { type: 'message', text: `p${i}` })));
      expect(new Set(ids.map((a) => a!.id)).size).toBe(20);
      const page = await store.since((await store.get(conversation.id))!, '');
      expect(page.activities.map((a) => Number(a.id.split('|')[1]))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });

    it('opens a conversation only with its own unexpired token, and a device key only as a device key', async () => {
      let now = Date.parse('2026-04-01T08:00:00Z');
      const store = new DirectLineStore(opened.db, { tokenSeconds: 1800, tokenCacheMs: 0 }, () => now);
      const a = (await store.create()).conversation;
      const b = (await store.create()).conversation;
      const tokenA = await store.issue(a.id, 'token');
      const deviceB = await store.issue(b.id, 'device');
      expect(tokenA.expiresIn).toBe(1800);
      expect((await store.open(tokenA.token, 'token'))?.conversationId).toBe(a.id);
      expect(await store.open(tokenA.token, 'device')).toBeUndefined();
      expect(await store.open(deviceB.token, 'token')).toBeUndefined();
      expect((await store.open(deviceB.token, 'device'))?.conversationId).toBe(b.id);
      expect(await store.open('not-a-token', 'token')).toBeUndefined();
      now += 1801_000;
      expect(await store.open(tokenA.token, 'token')).toBeUndefined();
      // The device key lasts for months, and is what brings the person back the next day.
      expect((await store.open(deviceB.token, 'device'))?.conversationId).toBe(b.id);
      const child = await store.issue(b.id, 'token', hashToken(deviceB.token));
      await store.revokeDevice(deviceB.token);
      expect(await store.open(deviceB.token, 'device')).toBeUndefined();
      expect(await store.open(child.token, 'token')).toBeUndefined();
    });

    it('gives a portal user one conversation, whoever asks first', async () => {
      const store = new DirectLineStore(opened.db);
      const [first, second] = await Promise.all([store.create({ portalSubject: 'subject-1' }), store.create({ portalSubject: 'subject-1' })]);
      expect(first.conversation.id).toBe(second.conversation.id);
      expect([first.created, second.created].filter(Boolean)).toHaveLength(1);
      expect((await store.byPortalSubject('subject-1'))?.id).toBe(first.conversation.id);
    });

    it('remembers what the page has read, without a write for every poll', async () => {
      let now = Date.parse('2026-04-01T08:00:00Z');
      const store = new DirectLineStore(opened.db, { seenEveryMs: 10_000 }, () => now);
      const { conversation } = await store.create();
      await store.append(conversation.id, { type: 'message', text: 'hello' });
      await store.append(conversation.id, { type: 'message', text: 'question' });
      await store.seen((await store.get(conversation.id))!, '1');
      expect((await store.get(conversation.id))!.readSeq).toBe(1);
      now += 1000;
      const before = (await store.get(conversation.id))!;
      await store.seen(before, '1');
      expect((await store.get(conversation.id))!.lastSeenAt.getTime()).toBe(before.lastSeenAt.getTime());
      await store.seen(before, '99');
      expect((await store.get(conversation.id))!.readSeq).toBe(2);
    });

    it('counts a reply written while the page was polling as read, so it is not shown as waiting on return', async () => {
      const store = new DirectLineStore(opened.db);
      const { conversation } = await store.create();
      await store.append(conversation.id, { type: 'message', text: 'my message' });
      // The poll reads the conversation, then the bot's reply lands, then the page is handed it.
      const polled = (await store.get(conversation.id))!;
      await store.append(conversation.id, { type: 'message', text: 'please go to an emergency department' });
      const page = await store.since(polled, '1');
      expect(page.watermark).toBe('2');
      await store.seen(polled, page.watermark);
      expect((await store.get(conversation.id))!.readSeq).toBe(2);
    });
  });
}

describe('LOCAL_WEBCHAT', () => {
  it('is on without an app id, off with one, unless forced', () => {
    expect(localWebChatEnabled(loadConfig({}))).toBe(true);
    expect(localWebChatEnabled(loadConfig({ MicrosoftAppId: 'x', MicrosoftAppPassword: 'y' }))).toBe(false);
    expect(localWebChatEnabled(loadConfig({ MicrosoftAppId: 'x', MicrosoftAppPassword: 'y', LOCAL_WEBCHAT: 'on' }))).toBe(true);
    expect(localWebChatEnabled(loadConfig({ LOCAL_WEBCHAT: 'off' }))).toBe(false);
    expect(() => loadConfig({ LOCAL_WEBCHAT: 'maybe' })).toThrow(/LOCAL_WEBCHAT/);
  });
});

describe('Direct Line endpoint', () => {
  const bot = botForSuite('pglite');

  it('starts a conversation with a token, and the bot greets first', async () => {
    const client = new DirectLineClient(bot.url);
    const started = await client.start();
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ conversationId: expect.any(String), token: expect.any(String), expires_in: expect.any(Number) });
    const activities = await client.poll();
    expect(botMessages(activities).length).toBeGreaterThan(0);
    expect(lastButtons(activities).length).toBeGreaterThan(0);
    // The browser never sees where the bot's replies are delivered.
    expect(JSON.stringify(activities)).not.toContain('/directline/connector/');
  });

  it('echoes a posted message with an id and its clientActivityID before the reply, and the reply follows', async () => {
    const client = new DirectLineClient(bot.url);
    await client.start();
    await client.poll();
    const posted = await client.post({ type: 'message', text: 'yes' });
    expect(posted.status).toBe(200);
    expect(posted.body.id).toMatch(new RegExp(`^${client.conversationId}\\|`));
    const activities = await client.poll();
    const echo = activities[0]!;
    expect(echo).toMatchObject({ id: posted.body.id, type: 'message', text: 'yes', channelData: { clientActivityID: posted.clientActivityID }, from: { role: 'user' } });
    // The person's id is the conversation's own, whatever the browser claimed.
    expect(echo.from.id).not.toBe('whoever');
    expect(botMessages(activities.slice(1)).length).toBeGreaterThan(0);
    expect(activities.slice(1).every((a) => a.from.role === 'bot')).toBe(true);
    expect(botMessages(activities).at(-1)?.replyToId).toBe(posted.body.id);
  });

  it('polling with the watermark returns only what is new', async () => {
    const client = new DirectLineClient(bot.url);
    await client.start();
    const first = await client.poll();
    const mark = client.watermark;
    expect(await client.poll()).toEqual([]);
    expect(client.watermark).toBe(mark);
    await client.post({ type: 'message', text: 'yes' });
    const next = await client.poll();
    expect(next.length).toBeGreaterThan(0);
    expect(next.some((a) => first.some((b) => b.id === a.id))).toBe(false);
    expect(Number(client.watermark)).toBeGreaterThan(Number(mark));
  });

  it('one browser cannot read or write another browser\'s conversation', async () => {
    const alice = new DirectLineClient(bot.url);
    const bob = new DirectLineClient(bot.url);
    await alice.start();
    await bob.start();
    const aliceWithBobsToken = (path: string, init?: RequestInit) => alice.request(path, init, bob.token);
    expect((await aliceWithBobsToken(`/conversations/${alice.conversationId}/activities?watermark=`)).status).toBe(403);
    expect((await aliceWithBobsToken(`/conversations/${alice.conversationId}/activities`, { method: 'POST', body: JSON.stringify({ type: 'message', text: 'hi' }) })).status).toBe(403);
    expect((await aliceWithBobsToken(`/conversations/${alice.conversationId}`)).status).toBe(403);
    expect((await alice.request(`/conversations/${alice.conversationId}/activities`, {}, '')).status).toBe(403);
    expect((await alice.request(`/conversations/nope/activities`)).status).toBe(404);
    // A token refresh returns the holder's own conversation only.
    const refreshed = await (await bob.request('/tokens/refresh', { method: 'POST' })).json();
    expect(refreshed.conversationId).toBe(bob.conversationId);
  });

  it('a refresh gives a new token with a full life; both open the same conversation until the old one runs out', async () => {
    const client = new DirectLineClient(bot.url);
    await client.start();
    const refreshed = await client.request('/tokens/refresh', { method: 'POST' });
    expect(refreshed.status).toBe(200);
    const body = await refreshed.json();
    expect(body).toMatchObject({ conversationId: client.conversationId, expires_in: 1800 });
    expect(body.token).not.toBe(client.token);
    expect((await client.request(`/conversations/${client.conversationId}/activities`, {}, body.token)).status).toBe(200);
    expect((await client.request(`/conversations/${client.conversationId}/activities`)).status).toBe(200);
    expect((await client.request('/tokens/refresh', { method: 'POST' }, 'made-up-token')).status).toBe(403);
  });

  it('reconnects to a conversation with its token (a page reload), without greeting again', async () => {
    const client = new DirectLineClient(bot.url);
    await client.start();
    const first = await client.poll();
    const response = await client.request(`/conversations/${client.conversationId}?watermark=${client.watermark}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ conversationId: client.conversationId, token: client.token });
    client.watermark = '';
    expect((await client.poll()).map((a) => a.id)).toEqual(first.map((a) => a.id));
  });

  it('turns away bad bodies with 400 and a reason', async () => {
    const client = new DirectLineClient(bot.url);
    await client.start();
    const bad = await client.request(`/conversations/${client.conversationId}/activities`, { method: 'POST', body: '{"type":"conversationUpdate"}' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/type/);
    const broken = await client.request(`/conversations/${client.conversationId}/activities`, { method: 'POST', body: '{not json' });
    expect(broken.status).toBe(400);
    const long = await client.post({ type: 'message', text: 'x'.repeat(30_000) });
    expect(long.status).toBe(400);
  });

  it('proactive messages (continueConversationAsync to the stored reference) reach an open page', async () => {
    const client = new DirectLineClient(bot.url);
    await client.start();
    await client.poll();
    await client.say('yes');
    const row = await readConversation(bot.app.db, client.conversationId);
    const reference = row?.reference as any;
    expect(reference?.serviceUrl).toContain('/directline/connector/');
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const adapter = createAdapter(config, bot.app.log);
    await adapter.continueConversationAsync('', reference, async (context) => {
      await context.sendActivity('Time for your daily check-in.');
    });
    const activities = await client.poll();
    expect(botMessages(activities).map((a) => a.text)).toContain('Time for your daily check-in.');
    // It answers nothing the page has: a replyToId to an unknown id makes Web Chat hold it back for seconds.
    const checkIn = botMessages(activities).find((a) => a.text === 'Time for your daily check-in.')!;
    expect(checkIn.replyToId).toBeUndefined();
  });

  it('after a restart on another address, stored web chat references point at this process again', async () => {
    const client = new DirectLineClient(bot.url);
    await client.start();
    const before = (await readConversation(bot.app.db, client.conversationId))?.reference as any;
    const moved = before.serviceUrl.replace(/^http:\/\/[^/]+/, 'http://127.0.0.1:1');
    await bot.app.db.query(`update conversations set reference = jsonb_set(reference, '{serviceUrl}', to_jsonb($2::text)) where id = $1`, [client.conversationId, moved]);
    await bot.app.channels.listening();
    const after = (await readConversation(bot.app.db, client.conversationId))?.reference as any;
    expect(after.serviceUrl).toBe(before.serviceUrl);
  });

  it('the connector route refuses a wrong key, so nobody outside can write into a conversation', async () => {
    const client = new DirectLineClient(bot.url);
    await client.start();
    const row = await readConversation(bot.app.db, client.conversationId);
    const serviceUrl = (row?.reference as any).serviceUrl as string;
    const forged = serviceUrl.replace(/connector\/[^/]+/, 'connector/forged');
    const response = await fetch(`${forged}/v3/conversations/${client.conversationId}/activities`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'fake' }) });
    expect(response.status).toBe(403);
    const other = new DirectLineClient(bot.url);
    await other.start();
    // The key of one conversation does not open another.
    const cross = await fetch(`${serviceUrl}/v3/conversations/${other.conversationId}/activities`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'fake' }) });
    expect(cross.status).toBe(403);
  });
});

describe('Direct Line behind a load balancer: two instances on one PostgreSQL', () => {
  let fresh: Awaited<ReturnType<typeof freshPostgresUrl>>;
  let a: RunningBot;
  let b: RunningBot;
  beforeAll(async () => {
    fresh = await freshPostgresUrl();
    a = await startBot('pglite', { DATABASE_URL: fresh.url });
    b = await startBot('pglite', { DATABASE_URL: fresh.url });
  }, 60_000);
  afterAll(async () => {
    await a?.app.close();
    await b?.app.close();
    await fresh?.drop();
  });

  it('a conversation started on one instance goes on on the other, with the same history and watermark', async () => {
    const onA = new DirectLineClient(a.url);
    await onA.start();
    const greeting = await onA.poll();
    const onB = new DirectLineClient(b.url);
    onB.conversationId = onA.conversationId;
    onB.token = onA.token;
    expect((await onB.poll()).map((x) => x.id)).toEqual(greeting.map((x) => x.id));
    const replies = await onB.say('yes');
    expect(botMessages(replies).length).toBeGreaterThan(0);
    onA.watermark = onB.watermark;
    expect(await onA.poll()).toEqual([]);
    // The connector key is shared too: a check-in sent by either instance reaches the conversation.
    const reference = (await readConversation(a.app.db, onA.conversationId))?.reference as any;
    const adapter = createAdapter(loadConfig({ LOG_LEVEL: 'silent' }), a.app.log);
    await adapter.continueConversationAsync('', { ...reference, serviceUrl: reference.serviceUrl.replace(a.url, b.url) }, async (context) => {
      await context.sendActivity('Time for your daily check-in.');
    });
    expect(botMessages(await onA.poll()).map((x) => x.text)).toContain('Time for your daily check-in.');
  });
});
