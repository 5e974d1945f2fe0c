/**
 * Scale-out: two bot processes (as `npm start` runs them) on one PostgreSQL, each taking half of the
 * turns of the same conversations, all at once. The in-process queue cannot help here; only the
 * store's compare-and-swap with re-read and re-apply keeps every turn. Also a redelivered activity
 * arriving at both instances at the same moment is handled once.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Person } from '../helpers/botClient.ts';
import { freshPostgresUrl } from '../helpers/databases.ts';
import { freePort, runBot, waitForHealthy, type BotProcess } from '../helpers/process.ts';

const CONVERSATIONS = 6;
const TURNS = 12;
/** Bursts, each checked: a lost update shows in the last messages of a burst, so several bursts catch more. */
const BURSTS = 3;
const WORDS = ['hi', 'yes', 'lower back', '6/10', 'down to my calf', 'just the left', 'last week', '42', 'no surgery', 'no', 'no', 'my leg feels better', 'how long will this take', 'no change', 'ok', 'thanks', 'no'];

describe('two instances on one PostgreSQL', () => {
  let storage: Awaited<ReturnType<typeof freshPostgresUrl>>;
  let bots: BotProcess[] = [];

  beforeAll(async () => {
    storage = await freshPostgresUrl();
    // One after the other: both would migrate at once otherwise (that is tested elsewhere), and the
    // first start creates the pg-boss schema.
    for (let i = 0; i < 2; i++) {
      const bot = runBot({ DATABASE_URL: storage.url, LOG_LEVEL: 'error', LOCAL_WEBCHAT: 'off' }, await freePort());
      bots.push(bot);
      await waitForHealthy(bot.url, 120_000);
    }
  }, 300_000);

  afterAll(async () => {
    for (const bot of bots) bot.child.kill('SIGTERM');
    await Promise.all(bots.map((bot) => Promise.race([bot.exited, new Promise((r) => setTimeout(r, 10_000))])));
    for (const bot of bots) if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
    bots = [];
    await storage?.drop();
  }, 60_000);

  it('loses no update and duplicates no event when both take turns of the same conversations at once', async () => {
    const [a, b] = bots as [BotProcess, BotProcess];
    const expected: string[] = [];
    const people = Array.from({ length: CONVERSATIONS }, (_, n) => {
      const viaA = new Person(a.url, `scale-user-${n}`);
      const viaB = new Person(b.url, viaA.id, viaA.conversationId);
      return { viaA, viaB };
    });
    for (let burst = 1; burst <= BURSTS; burst++) {
      // Every turn of every conversation at once: even turns to A, odd turns to B.
      const sent = people.flatMap(({ viaA, viaB }) =>
        Array.from({ length: TURNS }, (_, turn) => {
          const person = turn % 2 === 0 ? viaA : viaB;
          const activity = person.activity({ type: 'message', text: `${WORDS[turn % WORDS.length]} (${burst}.${turn})` });
          return { conversationId: viaA.conversationId, activityId: activity.id, post: () => person.post(activity) };
        }),
      );
      // A redelivery: the first activity of each conversation also reaches the other instance, at the same time.
      const redelivered = people.map(({ viaA, viaB }) => {
        const activity = viaA.activity({ type: 'message', text: `is this thing on (${burst})` });
        return { conversationId: viaA.conversationId, activityId: activity.id, posts: [() => viaA.post(activity), () => viaB.post(activity)] };
      });
      const results = await Promise.all([...sent.map((turn) => turn.post()), ...redelivered.flatMap((turn) => turn.posts.map((post) => post()))]);
      for (const result of results) expect(result.status, result.raw).toBe(200);

      const client = new pg.Client({ connectionString: storage.url });
      await client.connect();
      try {
        const turnsPerConversation = burst * (TURNS + 1);
        const conversations = await client.query<{ id: string; version: string }>('select id, version from conversations order by id');
        expect(conversations.rows).toHaveLength(CONVERSATIONS);
        for (const row of conversations.rows) expect(Number(row.version), row.id).toBe(turnsPerConversation);

        const received = await client.query<{ conversation_id: string; activity_id: string; n: string }>(
          "select conversation_id, activity_id, count(*) as n from clinical_events where type = 'message.received' group by conversation_id, activity_id",
        );
        expected.push(...[...sent, ...redelivered].map((turn) => `${turn.conversationId}/${turn.activityId}`));
        expect(received.rows.map((row) => `${row.conversation_id}/${row.activity_id}`).sort()).toEqual([...expected].sort());
        for (const row of received.rows) expect(Number(row.n), `${row.conversation_id}/${row.activity_id}`).toBe(1);

        // A turn decided on a stale snapshot would still bump the version and add its own events; what
        // it loses is the other turn's change to the snapshot. The snapshot keeps the person's last
        // three messages: they must be the last three received, in the order the turns were stored.
        const snapshots = await client.query<{ id: string; recent: string[] }>("select id, state->'recent' as recent from conversations");
        for (const snapshot of snapshots.rows) {
          const last = await client.query<{ text: string }>(
            "select data->>'text' as text from clinical_events where conversation_id = $1 and type = 'message.received' order by id desc limit 3",
            [snapshot.id],
          );
          expect(snapshot.recent, snapshot.id).toEqual(last.rows.map((row) => row.text).reverse());
        }
      } finally {
        await client.end();
      }
    }
  }, 240_000);
});
