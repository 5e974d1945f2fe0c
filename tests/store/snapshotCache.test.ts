import { describe, expect, it } from 'vitest';
import { engines } from '../helpers/databases.ts';
import { storePerTest } from '../helpers/storePerTest.ts';
import { realContent, realMachine } from '../helpers/content.ts';
import { runTurn } from '../../src/bot/turn.ts';
import { readConversation } from '../../src/store/conversations.ts';
import type { Database } from '../../src/store/database.ts';

describe.each(engines)('turns decided on the snapshot this process wrote last ($name)', (engine) => {
  let db: Database;
  storePerTest(engine, (opened) => (db = opened));

  const machine = realMachine();
  const content = realContent();
  const at = '2026-11-27T08:00:00.000Z';
  let n = 0;
  const say = (conversationId: string, text: string) =>
    runTurn(db, machine, content, { conversationId, activityId: `a${++n}`, at, reference: null, text, events: () => [{ type: 'MESSAGE', at, understanding: { text } }] });

  it('skips the read when this process wrote the conversation last', async () => {
    await say('c', 'one');
    const reads = db.snapshots!.hits;
    await say('c', 'two');
    expect(db.snapshots!.hits).toBe(reads + 1);
    expect((await readConversation(db, 'c'))?.conversation.context.messages).toBe(2);
  });

  it('sees a change another instance made since (the swap fails, the turn re-reads)', async () => {
    await say('c', 'one');
    // Another instance took two turns meanwhile: version and state moved on under our cache.
    const row = (await readConversation(db, 'c'))!;
    const moved = { ...row.conversation.context, messages: 7 };
    await db.query('update conversations set state = $2, version = version + 2 where id = $1', [
      'c',
      JSON.stringify({ value: row.conversation.value, context: moved, recent: row.conversation.recent }),
    ]);
    await say('c', 'two');
    const after = (await readConversation(db, 'c'))!;
    expect(after.conversation.context.messages).toBe(8);
    expect(after.version).toBe(row.version + 3);
  });

  it('never brings back a conversation that was erased and started again at the same version', async () => {
    await say('c', 'my private words');
    const cachedVersion = (await readConversation(db, 'c'))!.version;
    // Erased (e.g. "delete my data" handled by another instance), then started again there.
    await db.query('delete from clinical_events where conversation_id = $1', ['c']);
    await db.query('delete from conversations where id = $1', ['c']);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await db.query("insert into conversations (id, machine_version, state, version) values ('c', 0, '{}'::jsonb, $1)", [cachedVersion]);
    await say('c', 'hello again');
    const after = (await readConversation(db, 'c'))!;
    expect(after.conversation.recent).not.toContain('my private words');
  });
});
