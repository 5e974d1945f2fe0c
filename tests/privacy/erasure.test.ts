import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, Person, startBot, type RunningBot } from '../helpers/botClient.ts';
import { onboard } from '../helpers/onboarding.ts';
import { startFakeWebhook } from '../helpers/fakeWebhook.ts';
import { catalogueProblems } from '../../src/privacy/catalogue.ts';
import { jobSchema, storeTables } from '../../src/privacy/erasure.ts';
import type { Sql } from '../../src/store/database.ts';

/** Every base table the bot's database holds: the store's schema and the job queue's. */
async function everyTable(sql: Sql): Promise<string[]> {
  const store = (await storeTables(sql)).map((table) => `"${table}"`);
  const jobs = await jobSchema(sql);
  const queue = jobs
    ? (await sql.query<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE'`, [jobs])).map((row) => `${jobs}."${row.table_name}"`)
    : [];
  return [...store, ...queue];
}

/** The tables in which any row, read as text, contains one of the needles. */
async function tablesMentioning(sql: Sql, needles: string[]): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const table of await everyTable(sql)) {
    const rows = await sql.query<{ n: number }>(`select count(*)::int as n from ${table} t where ${needles.map((_, i) => `strpos(lower(t::text), lower($${i + 1})) > 0`).join(' or ')}`, needles);
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) found[table.replace(/"/g, '')] = n;
  }
  return found;
}

describe.each(['pglite', 'postgres'] as const)('erasure on request (%s)', (engine) => {
  let bot: RunningBot;
  let webhook: Awaited<ReturnType<typeof startFakeWebhook>>;
  beforeAll(async () => {
    webhook = await startFakeWebhook();
    bot = await startBot(engine, { CLINICIAN_WEBHOOK_URL: webhook.url });
  });
  afterAll(async () => {
    await bot?.stop();
    await webhook?.close();
  });

  it('every table in the catalogue is covered by the erasure registry', async () => {
    expect(await catalogueProblems(bot.app.db)).toEqual([]);
  });

  it('removes the person from every table, keeps others, and leaves one anonymous audit record', async () => {
    const db = bot.app.db;
    const person = new Person(bot.url);
    const other = new Person(bot.url);
    // The person's own distinctive words, which must not survive anywhere.
    const secret = 'zanzibarquokka';
    await onboard(person);
    await onboard(other);
    await person.say(`my ${secret} hurts and since yesterday I can't feel anything when I wipe after the toilet`);
    await person.say(`please call me, my name is ${secret}`);
    await person.say('what do you know about me');
    await person.say('export my data');
    await bot.app.deliverHandoffs();
    // A check-in send row and a queued job for the person.
    await bot.app.checkins.checkins.sendNow(person.conversationId).catch(() => undefined);
    await bot.app.checkins.runner.enqueue([{ conversationId: person.conversationId, localDay: '2099-01-01', kind: 'checkin', tenantId: null, delaySeconds: 3600 }]);

    const needles = [person.conversationId, person.id, secret];
    const before = await tablesMentioning(db, needles);
    // The person is spread over the store: the test would prove nothing if they were not.
    for (const table of ['conversations', 'clinical_events', 'handoff_outbox', 'checkin_schedules', 'checkin_sends', 'clinician_cases', 'privacy_export_tokens']) expect(Object.keys(before)).toContain(table);
    expect(Object.keys(before).some((table) => table.endsWith('.job'))).toBe(true);
    const othersBefore = await tablesMentioning(db, [other.conversationId]);

    const asked = await person.say('Please wipe everything you have on me');
    expect(allText(asked)).toMatch(/permanently delete/i);
    expect(await tablesMentioning(db, needles)).toMatchObject({ conversations: expect.any(Number) }); // nothing gone yet
    const done = await person.say('yes');
    expect(allText(done)).toMatch(/deleted everything/i);

    expect(await tablesMentioning(db, needles)).toEqual({});
    expect(await tablesMentioning(db, [other.conversationId])).toEqual(othersBefore);
    const audit = await db.query<Record<string, unknown>>('select * from privacy_erasures');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ reason: 'request' });
    expect(Object.keys(audit[0]!).sort()).toEqual(['at', 'id', 'reason', 'rows_deleted', 'tables_touched']);
    expect(Number(audit[0]!.rows_deleted)).toBeGreaterThan(10);

    // Writing again starts afresh: a new conversation, not the old one.
    const again = await person.say('hi');
    expect(allText(again)).toMatch(/not a doctor|coach/i);
  });

  it('"no" keeps everything; any other answer is not a confirmation', async () => {
    const person = new Person(bot.url);
    await onboard(person);
    expect(allText(await person.say('delete my data'))).toMatch(/permanently delete/i);
    expect(allText(await person.say('no'))).toMatch(/haven't deleted/i);
    expect(allText(await person.say('forget about me'))).toMatch(/permanently delete/i);
    const replies = await person.say('how do I do the exercises');
    expect(allText(replies)).not.toMatch(/deleted/i);
    // The other message cancelled the request: a later "yes" answers something else.
    expect(allText(await person.say('yes'))).not.toMatch(/deleted everything/i);
    expect(await bot.app.db.query('select 1 from conversations where id = $1', [person.conversationId])).toHaveLength(1);
  });

  it('a request asked before a restart (or by another instance) is confirmed by "yes", unless another message came between', async () => {
    const db = bot.app.db;
    const ask = async (conversationId: string) =>
      db.query(`insert into privacy_pending (conversation_id, action, expires_at) values ($1, 'delete', $2)`, [conversationId, new Date(Date.now() + 10 * 60_000).toISOString()]);
    // This process never asked: only the store knows.
    const person = new Person(bot.url);
    await onboard(person);
    await ask(person.conversationId);
    expect(allText(await person.say('yes'))).toMatch(/deleted everything/i);
    expect(await db.query('select 1 from conversations where id = $1', [person.conversationId])).toHaveLength(0);

    const other = new Person(bot.url);
    await onboard(other);
    await ask(other.conversationId);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await other.say('my back is a bit stiff today');
    expect(allText(await other.say('yes'))).not.toMatch(/deleted everything/i);
    expect(await db.query('select 1 from conversations where id = $1', [other.conversationId])).toHaveLength(1);
  });
});

describe('the catalogue check', () => {
  it('fails for a new table that holds a conversation id without erasure support', async () => {
    const bot = await startBot('pglite');
    try {
      expect(await catalogueProblems(bot.app.db)).toEqual([]);
      await bot.app.db.query('create table clinician_notes (id serial primary key, conversation_id text, note text)');
      await bot.app.db.query('create table something_new (id serial primary key)');
      const problems = await catalogueProblems(bot.app.db);
      expect(problems.map((p) => p.table).sort()).toEqual(['clinician_notes', 'something_new']);
      expect(problems[0]!.problem).toMatch(/src\/privacy\/registry.ts/);
    } finally {
      await bot.stop();
    }
  });
});
