import { describe, expect, it } from 'vitest';
import { engines } from '../helpers/databases.ts';
import { storePerTest } from '../helpers/storePerTest.ts';
import type { Database } from '../../src/store/database.ts';
import { readConversation, writeConversation } from '../../src/store/conversations.ts';
import { appendEvents, listEvents } from '../../src/store/events.ts';
import { claimDueHandoffs, enqueueHandoff, listHandoffs, markHandoffDelivered, markHandoffFailed } from '../../src/store/outbox.ts';
import { migrate } from '../../src/store/migrations.ts';
import { schema } from '../../src/schema.ts';
import type { StoredConversation } from '../../dialogs/step.ts';
import { emptyCoaching } from '../../dialogs/coachingSteps.ts';

const conversation = (step: number): StoredConversation => ({
  machineVersion: 1,
  value: { screening: 'pain' },
  context: { profile: { region: 'lumbar' }, pain: [], redFlags: [], referral: null, screeningQueue: [], screeningDone: false, asking: { question: 'pain' }, failedTries: 0, messages: step, coaching: emptyCoaching(), clinician: null, screeningAt: null },
});

describe.each(engines)('store on $name', (engine) => {
  let db: Database;
  storePerTest(engine, (opened) => (db = opened));

  it('migrates twice without change', async () => {
    await migrate(db, schema);
    const rows = await db.query<{ id: number }>('select id from schema_migrations order by id');
    expect(rows.map((r) => Number(r.id))).toEqual(schema.map((m) => m.id).sort((a, b) => a - b));
    expect(rows.length).toBeGreaterThan(0);
  });

  it('stores a new conversation and reads it back', async () => {
    expect(await writeConversation(db, { id: 'c1', conversation: conversation(1), reference: { serviceUrl: 'http://x' } }, null)).toBe(true);
    const row = await readConversation(db, 'c1');
    expect(row?.version).toBe(1);
    expect(row?.conversation.context.messages).toBe(1);
    expect(row?.conversation.value).toEqual({ screening: 'pain' });
    expect(row?.reference).toEqual({ serviceUrl: 'http://x' });
  });

  it('refuses a write based on a stale version (compare-and-swap)', async () => {
    await writeConversation(db, { id: 'c1', conversation: conversation(1), reference: null }, null);
    expect(await writeConversation(db, { id: 'c1', conversation: conversation(2), reference: null }, 1)).toBe(true);
    expect(await writeConversation(db, { id: 'c1', conversation: conversation(3), reference: null }, 1)).toBe(false);
    expect(await writeConversation(db, { id: 'c1', conversation: conversation(9), reference: null }, null)).toBe(false);
    const row = await readConversation(db, 'c1');
    expect(row?.version).toBe(2);
    expect(row?.conversation.context.messages).toBe(2);
  });

  it('rolls back every write of a failed transaction', async () => {
    await expect(
      db.transaction(async (tx) => {
        await writeConversation(tx, { id: 'c2', conversation: conversation(1), reference: null }, null);
        await appendEvents(tx, 'c2', [{ type: 'pain.score', data: { score: 4 }, at: new Date().toISOString() }]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await readConversation(db, 'c2')).toBeNull();
    expect(await listEvents(db, 'c2')).toEqual([]);
  });

  it('keeps events in order and handles one inbound activity once', async () => {
    const at = '2026-11-27T10:00:00.000Z';
    expect(await appendEvents(db, 'c3', [{ type: 'message.received', data: { text: 'hi' }, at, activityId: 'a1' }])).toBe(true);
    expect(await appendEvents(db, 'c3', [{ type: 'pain.score', data: { score: 6 }, at }, { type: 'pain.score', data: { score: 5 }, at }])).toBe(true);
    expect(await appendEvents(db, 'c3', [{ type: 'message.received', data: { text: 'hi' }, at, activityId: 'a1' }])).toBe(false);
    const events = await listEvents(db, 'c3');
    expect(events.map((e) => e.type)).toEqual(['message.received', 'pain.score', 'pain.score']);
    expect(events.map((e) => e.data.score)).toEqual([undefined, 6, 5]);
    expect((await listEvents(db, 'c3', { types: ['pain.score'], limit: 1 })).map((e) => e.data.score)).toEqual([5]);
  });

  it('delivers outbox items by urgency, leases them, and keeps failures pending', async () => {
    const now = new Date('2026-11-27T10:00:00Z');
    await enqueueHandoff(db, 'c4', 'soon', { summary: 'a' }, now.toISOString());
    const emergency = await enqueueHandoff(db, 'c5', 'emergency', { summary: 'b' }, now.toISOString());
    const claimed = await claimDueHandoffs(db, now, 60);
    expect(claimed.map((c) => c.urgency)).toEqual(['emergency', 'soon']);
    // Leased: a second claimer at the same moment gets nothing.
    expect(await claimDueHandoffs(db, now, 60)).toEqual([]);
    await markHandoffDelivered(db, emergency, now);
    const soon = claimed[1]!;
    await markHandoffFailed(db, soon.id, 'HTTP 500', new Date(now.getTime() + 5000));
    const again = await claimDueHandoffs(db, new Date(now.getTime() + 6000), 60);
    expect(again.map((c) => [c.id, c.attempts])).toEqual([[soon.id, 2]]);
    const all = await listHandoffs(db);
    expect(all.map((h) => [h.urgency, h.status])).toEqual([['soon', 'pending'], ['emergency', 'delivered']]);
  });
});
