import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engines } from '../helpers/databases.ts';
import { realContent, realMachine } from '../helpers/content.ts';
import { runTurn } from '../../src/bot/turn.ts';
import { readConversation } from '../../src/store/conversations.ts';
import { listEvents } from '../../src/store/events.ts';
import type { Database } from '../../src/store/database.ts';

describe.each(engines)('a turn that loses the compare-and-swap race ($name)', (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ db, dispose } = await engine.open());
  });
  afterEach(async () => {
    await dispose();
  });

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
