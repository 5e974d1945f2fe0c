import { describe, expect, it } from 'vitest';
import { listLiveCases } from '../../src/clinician/store.ts';
import { handoffs, Person } from '../helpers/botClient.ts';
import { withLastingStore } from '../helpers/lastingStore.ts';
import { startFakeConnector, type FakeConnector } from '../helpers/fakeConnector.ts';
import { onboard } from '../helpers/onboarding.ts';
import { careTeamChannel, pairingCode, TOKEN } from './harness.ts';

type Card = { content: unknown };
const cardsFor = (connector: FakeConnector, channelId: string, caseId: number) =>
  connector
    .messagesFor(channelId)
    .flatMap((item) => ((item.activity.attachments as Card[] | undefined) ?? []).map((card) => JSON.stringify(card.content)))
    .filter((text) => text.includes(`case #${caseId}`));

describe.each(['pglite', 'postgres'] as const)('a handoff waiting across a restart (%s)', (engine) => {
  it('is re-notified to the care team by the restarted bot once its window has passed, with nobody asking', async () => {
    const connector = await startFakeConnector();
    const env = { CLINICIAN_TOKEN: TOKEN, HANDOFF_ACCEPT_MINUTES: '10', HANDOFF_ACCEPT_MINUTES_URGENT: '60' };
    const clock = { now: new Date('2026-03-02T09:00:00Z') };
    try {
      await withLastingStore(engine, async (start) => {
        const before = await start(env, () => clock.now);
        const channel = careTeamChannel(before.url, connector.serviceUrl);
        await channel.say(`use this channel for handoffs ${await pairingCode(before.url)}`);
        const person = new Person(before.url);
        person.serviceUrl = connector.serviceUrl;
        await onboard(person);
        expect(handoffs(await person.say("I've started leaking urine and need pads"))[0]?.value.urgency).toBe('emergency');
        await before.app.clinician.service.wake();
        const item = (await listLiveCases(before.app.db)).find((c) => c.conversationId === person.conversationId)!;
        expect(cardsFor(connector, channel.channelId, item.id)).toHaveLength(1);
        await before.stop();

        // Eleven minutes later, past the 10-minute window, the bot starts again.
        clock.now = new Date(clock.now.getTime() + 11 * 60_000);
        const after = await start(env, () => clock.now);
        try {
          for (let i = 0; i < 150 && cardsFor(connector, channel.channelId, item.id).length < 2; i++) await new Promise((r) => setTimeout(r, 100));
          const cards = cardsFor(connector, channel.channelId, item.id);
          expect(cards).toHaveLength(2);
          expect(cards[1]).toMatch(/REMINDER, case #\d+ is not accepted after 11 minutes/);
        } finally {
          await after.stop();
        }
      });
    } finally {
      await connector.stop();
    }
  });
});
