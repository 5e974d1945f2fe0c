import { describe, expect, it } from 'vitest';
import { allText, Person } from '../helpers/botClient.ts';
import { botForSuite } from '../helpers/suiteBot.ts';

describe('HTTP contract of /api/messages and /healthz', () => {
  const bot = botForSuite('pglite');

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  async function stillServing() {
    const health = await fetch(`${bot.url}/healthz`);
    expect(health.status).toBe(200);
  }

  it('answers /healthz with 200 once ready', async () => {
    const response = await fetch(`${bot.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('refuses malformed JSON with 400 and keeps serving', async () => {
    const response = await post('{"type": "message", ');
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/not valid JSON/);
    await stillServing();
  });

  it('refuses a body without type with 400', async () => {
    const response = await post(JSON.stringify({ text: 'hi', conversation: { id: 'x' } }));
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/type/);
    await stillServing();
  });

  it('ignores unknown activity types with 200', async () => {
    const person = new Person(bot.url);
    const result = await person.post(person.activity({ type: 'somethingNew' }));
    expect(result.status).toBe(200);
    expect(result.activities).toEqual([]);
    await stillServing();
  });

  it('refuses a 10 MB body without reading it all', async () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const response = await post(JSON.stringify({ type: 'message', text: huge }));
    expect(response.status).toBe(413);
    await stillServing();
  });

  it('gives a 20,000-character message a plain reply, not an error page', async () => {
    const person = new Person(bot.url);
    await person.say('hi');
    const replies = await person.say('my back hurts '.repeat(1500).slice(0, 20_000));
    expect(allText(replies)).toMatch(/too long/i);
    await stillServing();
  });

  it('starts a conversation on conversationUpdate with the user added', async () => {
    const person = new Person(bot.url);
    const replies = await person.join();
    expect(allText(replies)).toMatch(/coach/i);
    expect(allText(replies)).toMatch(/not a doctor/i);
  });
});
