import { describe, expect, it } from 'vitest';
import { Person, startBot } from '../helpers/botClient.ts';
import { listEvents } from '../../src/store/events.ts';
import { readConversation } from '../../src/store/conversations.ts';

describe.each(['pglite', 'postgres'] as const)('20 messages at once into one conversation (%s)', (engine) => {
  it('leaves 20 events and a consistent snapshot', async () => {
    const bot = await startBot(engine);
    try {
      const person = new Person(bot.url);
      await person.say('hi'); // consent question pending
      await person.say('yes'); // region question pending
      // Twenty unclear answers race each other; each must be applied once, none lost.
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => person.post(person.activity({ type: 'message', text: `message ${i}` }))));
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
      const received = await listEvents(bot.app.db, person.conversationId, { types: ['message.received'] });
      expect(received).toHaveLength(22);
      const texts = new Set(received.map((e) => e.data.text));
      for (let i = 0; i < 20; i++) expect(texts).toContain(`message ${i}`);
      const unclear = await listEvents(bot.app.db, person.conversationId, { types: ['answer.unclear'] });
      expect(unclear).toHaveLength(20);
      const row = await readConversation(bot.app.db, person.conversationId);
      expect(row?.conversation.context.messages).toBe(22);
      expect(row?.version).toBe(22);
    } finally {
      await bot.stop();
    }
  });

  it('handles a redelivered activity once', async () => {
    const bot = await startBot(engine);
    try {
      const person = new Person(bot.url);
      const activity = person.activity({ type: 'message', text: 'hi' });
      const first = await person.post(activity);
      const again = await person.post(activity);
      expect(first.activities.length).toBeGreaterThan(0);
      expect(again.activities).toEqual([]);
      expect(await listEvents(bot.app.db, person.conversationId, { types: ['message.received'] })).toHaveLength(1);
    } finally {
      await bot.stop();
    }
  });
});
