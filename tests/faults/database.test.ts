import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { allText, handoffs, Person, startBot, type RunningBot } from '../helpers/botClient.ts';
import { freshPostgresUrl } from '../helpers/databases.ts';
import { startPgProxy } from './proxy.ts';

/**
 * PostgreSQL goes away while the bot runs: a proxy between this bot and the shared server is cut,
 * so other test files using the same server are not disturbed.
 */
describe('the database goes away and comes back', () => {
  let proxy: Awaited<ReturnType<typeof startPgProxy>>;
  let storage: Awaited<ReturnType<typeof freshPostgresUrl>>;
  let bot: RunningBot;
  let direct: pg.Client;

  beforeAll(async () => {
    proxy = await startPgProxy();
    storage = await freshPostgresUrl();
    bot = await startBot('pglite', { DATABASE_URL: proxy.wrap(storage.url) });
    direct = new pg.Client({ connectionString: storage.url });
    await direct.connect();
  });
  afterAll(async () => {
    await proxy?.restore().catch(() => {});
    await Promise.race([bot?.stop(), new Promise((r) => setTimeout(r, 20_000))]);
    await direct?.end();
    await storage?.drop();
    await proxy?.close();
  });

  const count = async (conversationId: string) => {
    const events = await direct.query<{ n: number }>('select count(*)::int as n from clinical_events where conversation_id = $1', [conversationId]);
    const version = await direct.query<{ version: string }>('select version from conversations where id = $1', [conversationId]);
    return { events: Number(events.rows[0]!.n), version: Number(version.rows[0]?.version ?? 0) };
  };

  it('turns fail politely while it is away, leave nothing half-written, and succeed once it is back', async () => {
    expect(bot.app.db.engine).toBe('postgres');
    const person = new Person(bot.url);
    await person.say('hi');
    await person.say('yes'); // the region question is pending
    const before = await count(person.conversationId);

    await proxy.cut();
    const started = Date.now();
    const down = await person.post(person.activity({ type: 'message', text: 'lower back' }));
    expect(down.status).toBe(200);
    expect(allText(down.activities)).toMatch(/try again in a moment/i);
    expect(Date.now() - started).toBeLessThan(15_000);
    // A warning sign told while the database is away still gets what to do now.
    const disclosure = await person.post(person.activity({ type: 'message', text: "I can't feel the toilet paper when I wipe" }));
    expect(allText(disclosure.activities)).toMatch(/emergency department/i);
    expect(allText(disclosure.activities)).toMatch(/try again in a moment/i);
    // Health stays up: the process is fine, only the store is away.
    expect((await fetch(`${bot.url}/healthz`)).status).toBeLessThan(600);

    await proxy.restore();
    expect(await count(person.conversationId)).toEqual(before); // nothing half-written
    let replies = await person.say('lower back');
    for (let i = 0; i < 5 && /try again/i.test(allText(replies)); i++) {
      await new Promise((r) => setTimeout(r, 500));
      replies = await person.say('lower back');
    }
    expect(allText(replies)).toMatch(/lower back/i);
    expect(allText(replies)).not.toMatch(/try again/i);
    const after = await count(person.conversationId);
    expect(after.version).toBe(before.version + 1);
    // The disclosure that could not be stored is told again and now handed off.
    const again = await person.say("I can't feel the toilet paper when I wipe");
    expect(handoffs(again)).toHaveLength(1);
  }, 120_000);

  it('a database that drops every connection mid-conversation, repeatedly, never leaves a turn half-written', async () => {
    const person = new Person(bot.url);
    await person.say('hi');
    let ok = 0;
    for (let i = 0; i < 6; i++) {
      const pending = person.post(person.activity({ type: 'message', text: i % 2 ? 'no' : 'yes' }));
      if (i % 2) setTimeout(() => void proxy.cut().then(() => proxy.restore()).catch(() => {}), 5);
      const result = await pending;
      expect(result.status).toBe(200);
      if (!/try again/i.test(allText(result.activities))) ok += 1;
    }
    const rows = await direct.query<{ n: number }>("select count(*)::int as n from clinical_events where conversation_id = $1 and type = 'message.received'", [person.conversationId]);
    // Every stored message has its snapshot step: received messages = snapshot versions - (first turn's) start.
    const version = Number((await direct.query<{ version: string }>('select version from conversations where id = $1', [person.conversationId])).rows[0]!.version);
    expect(Number(rows.rows[0]!.n)).toBe(version);
    expect(version).toBe(1 + ok);
  }, 120_000);
});
