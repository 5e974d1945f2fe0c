import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../../src/bot/adapter.ts';
import { loadConfig } from '../../src/config.ts';
import { ConversationStore } from '../../src/channels/directline/conversations.ts';
import { localWebChatEnabled } from '../../src/channels/index.ts';
import { readConversation } from '../../src/store/conversations.ts';
import { startBot, type RunningBot } from '../helpers/botClient.ts';
import { botMessages, DirectLineClient, lastButtons } from './directLineClient.ts';

describe('Direct Line conversation store', () => {
  it('gives each activity an id and a rising watermark, and keeps only the newest activities', () => {
    const store = new ConversationStore({ maxActivities: 3 });
    const { conversation, token } = store.create();
    expect(token.length).toBeGreaterThanOrEqual(40);
    for (let i = 1; i <= 5; i++) store.append(conversation, { type: 'message', text: `m${i}` });
    const all = store.since(conversation, '');
    expect(all.activities.map((a) => a.text)).toEqual(['m3', 'm4', 'm5']);
    expect(all.watermark).toBe('5');
    expect(all.activities[2]!.id).toBe(`${conversation.id}|0000005`);
    expect(store.since(conversation, '4').activities.map((a) => a.text)).toEqual(['m5']);
    expect(store.since(conversation, '5').activities).toEqual([]);
    expect(store.since(conversation, 'junk').activities).toHaveLength(3);
  });

  it('checks tokens per conversation and forgets idle conversations', () => {
    let now = 0;
    const store = new ConversationStore({ idleMs: 1000 }, () => now);
    const a = store.create();
    const b = store.create();
    expect(store.tokenMatches(a.conversation, a.token)).toBe(true);
    expect(store.tokenMatches(a.conversation, b.token)).toBe(false);
    expect(store.findByToken(b.token)?.id).toBe(b.conversation.id);
    now = 900;
    store.touch(a.conversation);
    now = 1500;
    expect(store.get(b.conversation.id)).toBeUndefined();
    expect(store.get(a.conversation.id)).toBeDefined();
  });

  it('keeps at most maxConversations, dropping the least recently seen', () => {
    let now = 0;
    const store = new ConversationStore({ maxConversations: 2 }, () => now);
    const first = store.create();
    now = 1;
    const second = store.create();
    now = 2;
    store.touch(first.conversation);
    store.create();
    expect(store.size).toBe(2);
    expect(store.get(second.conversation.id)).toBeUndefined();
    expect(store.get(first.conversation.id)).toBeDefined();
  });
});

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
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot('pglite');
  });
  afterAll(async () => {
    await bot?.stop();
  });

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
