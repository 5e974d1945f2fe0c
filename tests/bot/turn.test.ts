import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engines } from '../helpers/databases.ts';
import { storePerTest } from '../helpers/storePerTest.ts';
import { realContent, realMachine } from '../helpers/content.ts';
import { runTurn } from '../../src/bot/turn.ts';
import { readConversation } from '../../src/store/conversations.ts';
import { listEvents } from '../../src/store/events.ts';
import { StoreUnavailableError, type Database } from '../../src/store/database.ts';

describe.each(engines)('a turn that loses the compare-and-swap race ($name)', (engine) => {
  let db: Database;
  storePerTest(engine, (opened) => (db = opened));

  it('re-reads and re-applies its event, so no concurrent update is lost', async () => {
    const machine = realMachine();
    const content = realContent();
    const at = '2026-11-27T08:00:00.000Z';
    const turn = (i: number) =>
      runTurn(db, machine, content, {
        conversationId: 'race',
        activityId: `a${i}`,
        at,
        reference: null,
        text: `message ${i}`,
        events: () => [{ type: 'MESSAGE', at, understanding: { text: `message ${i}` } }],
      });
    // No in-process queue here: every turn reads the same version and all but one must retry.
    await Promise.all(Array.from({ length: 12 }, (_, i) => turn(i)));
    const row = await readConversation(db, 'race');
    expect(row?.version).toBe(12);
    expect(row?.conversation.context.messages).toBe(12);
    const received = await listEvents(db, 'race', { types: ['message.received'] });
    expect(new Set(received.map((e) => e.data.text)).size).toBe(12);
  });
});

describe('a turn whose write landed but whose answer was lost (connection dropped after the commit)', () => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ db, dispose } = await engines[0]!.open());
  });
  afterEach(async () => {
    await dispose();
  });

  /** The same store, except that the turn's write commits and then reports the connection lost. */
  function droppingAfterCommit(down: { afterWrite: boolean; lookups: number }): Database {
    return {
      ...db,
      async query<Row>(text: string, params?: unknown[]) {
        if (down.lookups > 0 && text.includes('activity_id = $2')) {
          down.lookups--;
          throw new StoreUnavailableError(new Error('connection terminated'));
        }
        const rows = await db.query<Row>(text, params);
        if (down.afterWrite && /insert into clinical_events/i.test(text)) {
          down.afterWrite = false;
          throw new StoreUnavailableError(new Error('connection terminated unexpectedly'));
        }
        return rows;
      },
    };
  }

  const at = '2026-11-27T08:00:00.000Z';
  const message = (activityId: string, text: string) => ({
    conversationId: 'lost-answer',
    activityId,
    at,
    reference: null,
    text,
    events: () => [{ type: 'MESSAGE' as const, at, understanding: { text } }],
  });

  it('is confirmed by its activity id and answered normally, so the person is not asked to say it again', async () => {
    const flaky = droppingAfterCommit({ afterWrite: true, lookups: 1 }); // the first lookup fails too
    const result = await runTurn(flaky, realMachine(), realContent(), message('m1', 'hello'));
    expect(result.duplicate).toBe(false);
    expect(result.replies.length).toBeGreaterThan(0);
    expect((await readConversation(db, 'lost-answer'))?.version).toBe(1);
    expect(await listEvents(db, 'lost-answer', { types: ['message.received'] })).toHaveLength(1);
  });

  it('a write that did not land is still reported as failed', async () => {
    const flaky: Database = {
      ...db,
      async query<Row>(text: string, params?: unknown[]) {
        if (/insert into clinical_events/i.test(text)) throw new StoreUnavailableError(new Error('connection refused'));
        return db.query<Row>(text, params);
      },
    };
    await expect(runTurn(flaky, realMachine(), realContent(), message('m2', 'hello'))).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await readConversation(db, 'lost-answer')).toBeNull();
  });
});
