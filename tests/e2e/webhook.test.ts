import { describe, expect, it } from 'vitest';
import { handoffs, Person, startBot } from '../helpers/botClient.ts';
import { freshDataDir } from '../helpers/databases.ts';
import { startFakeWebhook } from '../helpers/fakeWebhook.ts';
import { listHandoffs } from '../../src/store/outbox.ts';
import { listEvents } from '../../src/store/events.ts';

describe('clinician webhook delivery from the outbox', () => {
  it('retries a webhook that answers 500 until it acknowledges, and records each attempt', async () => {
    const webhook = await startFakeWebhook((n) => (n < 3 ? 500 : 200));
    let clock = new Date('2026-11-27T08:00:00Z');
    const bot = await startBot('pglite', { CLINICIAN_WEBHOOK_URL: webhook.url }, () => clock);
    try {
      const person = new Person(bot.url);
      await person.say('hi');
      const replies = await person.say('I need to speak to a physio');
      expect(handoffs(replies)).toHaveLength(1);
      for (let i = 0; i < 5 && webhook.received.length === 0; i++) {
        await bot.app.deliverHandoffs();
        clock = new Date(clock.getTime() + 60 * 60 * 1000); // past any backoff
      }
      expect(webhook.attempts()).toBe(3);
      expect(webhook.received).toHaveLength(1);
      expect(webhook.received[0]).toMatchObject({ urgency: 'routine', conversationId: person.conversationId, reasons: ['person.asked'] });
      expect((await listHandoffs(bot.app.db)).map((h) => h.status)).toEqual(['delivered']);
      const log = await listEvents(bot.app.db, person.conversationId, { types: ['handoff.deliveryFailed', 'handoff.delivered'] });
      expect(log.map((e) => e.type)).toEqual(['handoff.deliveryFailed', 'handoff.deliveryFailed', 'handoff.delivered']);
    } finally {
      await bot.stop();
      await webhook.close();
    }
  });

  it('delivers a handoff made before a restart exactly once after it', async () => {
    const data = freshDataDir();
    const webhook = await startFakeWebhook();
    try {
      const before = await startBot('pglite', {}, undefined, data.dir);
      const person = new Person(before.url);
      await person.say('hi');
      expect(handoffs(await person.say('my legs are both numb and weak and I cannot control my bladder'))[0]?.value.urgency).toBe('emergency');
      await before.stop();

      const after = await startBot('pglite', { CLINICIAN_WEBHOOK_URL: webhook.url }, undefined, data.dir);
      await after.app.deliverHandoffs();
      await after.app.deliverHandoffs();
      await after.stop();
      expect(webhook.received).toHaveLength(1);
      expect(webhook.received[0]).toMatchObject({ urgency: 'emergency' });
    } finally {
      data.remove();
      await webhook.close();
    }
  });
});
