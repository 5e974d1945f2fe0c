import { describe, expect, it } from 'vitest';
import { allText, Person, texts } from '../helpers/botClient.ts';
import { onboard } from '../helpers/onboarding.ts';
import { botForSuite } from '../helpers/suiteBot.ts';

describe('what do you know about me, export my data', () => {
  const bot = botForSuite('pglite', { RETENTION_DAYS: '180' });

  it('summarises what is stored, who sees it and for how long, in plain words', async () => {
    const person = new Person(bot.url);
    expect(allText(await person.say('what do you know about me?'))).toMatch(/don't have anything stored/i);
    await onboard(person, { pain: '7/10' });
    const reply = allText(await person.say('What information do you hold on me'));
    expect(reply).toMatch(/agreed to how I use your answers/i);
    expect(reply).toMatch(/lower back/);
    expect(reply).toMatch(/latest was 7 out of 10/);
    expect(reply).toMatch(/care team/i);
    expect(reply).toMatch(/180 days/);
    expect(reply).toMatch(/delete my data/);
    // A question about data is not a turn of the conversation: nothing is recorded about it.
    const events = await bot.app.db.query<{ n: number }>("select count(*)::int as n from clinical_events where conversation_id = $1 and data::text like '%hold on me%'", [person.conversationId]);
    expect(Number(events[0]!.n)).toBe(0);
  });

  it('exports a readable summary and a JSON file behind a one-time, short-lived link', async () => {
    const person = new Person(bot.url);
    await onboard(person);
    await person.say('my zebrafinch pain is 4');
    const replies = texts(await person.say('can I get a copy of my data please'));
    expect(replies[0]).toMatch(/summary of your data/i);
    const url = replies.join('\n').match(/https?:\/\/\S+\/privacy\/export\/[A-Za-z0-9_-]+/)?.[0];
    expect(url).toBeDefined();
    // The link names nothing about the person.
    expect(url).not.toContain(person.conversationId);
    expect(url).not.toContain(person.id);

    const first = await fetch(url!);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('content-disposition')).toMatch(/attachment/);
    const body = (await first.json()) as { conversationIds: string[]; data: Record<string, Record<string, unknown>[]> };
    expect(body.conversationIds).toEqual([person.conversationId]);
    expect(body.data.conversation).toHaveLength(1);
    expect(body.data.events!.some((event) => JSON.stringify(event.data).includes('zebrafinch'))).toBe(true);
    expect(JSON.stringify(body.data.exportLinks)).not.toMatch(/token_hash/);

    const second = await fetch(url!);
    expect(second.status).toBe(404);
    expect(await second.text()).toMatch(/expired or was already used/);
    expect((await fetch(`${bot.url}/privacy/export/not-a-real-token-but-long-enough`)).status).toBe(404);
  });
});
