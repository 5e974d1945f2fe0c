import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { allText, handoffs, Person } from '../helpers/botClient.ts';
import { freePort, runBot, waitForHealthy, type BotProcess } from '../helpers/process.ts';
import { freshPostgresUrl } from '../helpers/databases.ts';

/** A clinician webhook whose answer the test decides per request; it records acknowledged deliveries. */
async function controllableWebhook() {
  const acknowledged: { key: string | undefined; body: unknown }[] = [];
  const seen: string[] = [];
  let onRequest: (req: IncomingMessage, res: ServerResponse, body: string) => void = (_req, res) => {
    res.statusCode = 200;
    res.end();
  };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push(String(req.headers['idempotency-key']));
      onRequest(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/handoffs`,
    acknowledged,
    seen,
    hold(then: () => void) {
      onRequest = () => then(); // never answered: the bot dies waiting
    },
    acknowledge() {
      onRequest = (req, res, body) => {
        acknowledged.push({ key: req.headers['idempotency-key'] as string | undefined, body: JSON.parse(body) });
        res.statusCode = 200;
        res.end();
      };
    },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('kill -9 at chosen points (real process, PostgreSQL)', () => {
  let storage: Awaited<ReturnType<typeof freshPostgresUrl>>;
  let webhook: Awaited<ReturnType<typeof controllableWebhook>>;
  let direct: pg.Client;
  let port: number;
  const running: BotProcess[] = [];
  const start = async () => {
    const bot = runBot({ DATABASE_URL: storage.url, CLINICIAN_WEBHOOK_URL: webhook.url }, port);
    running.push(bot);
    await waitForHealthy(bot.url);
    return bot;
  };
  const kill9 = async (bot: BotProcess) => {
    bot.child.kill('SIGKILL');
    await bot.exited;
  };

  beforeAll(async () => {
    storage = await freshPostgresUrl();
    webhook = await controllableWebhook();
    direct = new pg.Client({ connectionString: storage.url });
    await direct.connect();
    port = await freePort();
  });
  afterAll(async () => {
    for (const bot of running) if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
    await direct?.end();
    await webhook?.close();
    await storage?.drop();
  });

  it('during a turn (its write under way): all or nothing is written; the redelivered activity is handled exactly once', async () => {
    const bot = await start();
    const person = new Person(bot.url);
    await person.say('hi');
    await person.say('yes');
    const version = async () => Number((await direct.query<{ version: string }>('select version from conversations where id = $1', [person.conversationId])).rows[0]!.version);
    const before = await version();

    // Inserts into the event log wait behind this lock: the turn's write (snapshot, events and
    // outbox in one statement) is under way and blocked. Then the process dies.
    const locker = new pg.Client({ connectionString: storage.url });
    await locker.connect();
    await locker.query('begin');
    await locker.query('lock table clinical_events in exclusive mode');
    const activity = person.activity({ type: 'message', text: 'lower back' });
    const inFlight = person.post(activity).catch(() => undefined);
    await until('the turn to block inside its transaction', async () => {
      // Waiting for this schema's table (not another test's), from a backend in a transaction.
      // Waiting for this schema's table (not another test's), from the turn's write.
      const rows = await direct.query("select 1 from pg_locks l join pg_stat_activity a on a.pid = l.pid where l.relation = 'clinical_events'::regclass and not l.granted and a.state = 'active' and a.query ~* 'insert into clinical_events'");
      return rows.rows.length > 0;
    }, 20_000);
    await kill9(bot);
    await locker.query('commit');
    await locker.end();
    await inFlight;
    await new Promise((r) => setTimeout(r, 500));
    // All or nothing: PostgreSQL may finish the statement the dead process sent (a turn is one
    // statement), or not; never the snapshot without its events or the other way round.
    const received = async () => (await direct.query("select 1 from clinical_events where conversation_id = $1 and activity_id = $2 and type = 'message.received'", [person.conversationId, activity.id])).rows.length;
    const sentAfter = async () => (await direct.query("select 1 from clinical_events where conversation_id = $1 and type = 'message.sent' and id > (select coalesce(max(id), 0) from clinical_events where conversation_id = $1 and activity_id = $2)", [person.conversationId, activity.id])).rows.length;
    const landed = (await version()) === before + 1;
    if (landed) {
      expect(await received()).toBe(1);
    } else {
      expect(await version()).toBe(before);
      expect(await received()).toBe(0);
    }

    // The channel redelivers the same activity to the restarted bot, and then once more.
    const again = await start();
    const redelivered = new Person(again.url, person.id, person.conversationId);
    const first = await redelivered.post(activity);
    expect(first.status).toBe(200);
    if (!landed) expect(allText(first.activities)).toMatch(/lower back/i);
    const duplicate = await redelivered.post(activity);
    expect(duplicate.activities).toEqual([]);
    expect(await received()).toBe(1);
    expect(await version()).toBe(before + 1);
    if (landed) expect(await sentAfter()).toBeGreaterThan(0);
    console.log(`kill during a turn: the dead process's write ${landed ? 'landed whole' : 'was rolled back whole'}`);
    await kill9(again);
  }, 180_000);

  it('during handoff delivery: the handoff is not lost, and is acknowledged once, under one idempotency key', async () => {
    let bot = await start();
    const person = new Person(bot.url);
    let reached!: () => void;
    const requestArrived = new Promise<void>((resolve) => (reached = resolve));
    webhook.hold(() => reached());
    const replies = await person.say("since this morning I can't feel anything when I wipe");
    expect(handoffs(replies)).toHaveLength(1);
    await requestArrived; // the webhook has the request; the bot waits for its answer…
    await kill9(bot); // …and dies.
    webhook.acknowledge();
    const outbox = async () => (await direct.query<{ id: string; status: string; attempts: number }>('select id, status, attempts from handoff_outbox where conversation_id = $1', [person.conversationId])).rows;
    expect((await outbox()).map((row) => row.status)).toEqual(['pending']);

    bot = await start();
    // The lease taken before the first attempt expires (60 s), then the restarted bot delivers.
    await until('the handoff to be delivered after restart', async () => (await outbox())[0]?.status === 'delivered', 120_000);
    const [row] = await outbox();
    expect(webhook.acknowledged).toHaveLength(1);
    expect(webhook.acknowledged[0]!.key).toBe(`handoff-${row!.id}`);
    expect(new Set(webhook.seen)).toEqual(new Set([`handoff-${row!.id}`]));
    const delivered = await direct.query("select 1 from clinical_events where conversation_id = $1 and type = 'handoff.delivered'", [person.conversationId]);
    expect(delivered.rows).toHaveLength(1);
    // Nothing is sent again later.
    await new Promise((r) => setTimeout(r, 6000));
    expect(webhook.acknowledged).toHaveLength(1);
    await kill9(bot);
  }, 240_000);
});
