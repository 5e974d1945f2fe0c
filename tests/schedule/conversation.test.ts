/** Pause, resume, stop and time-zone change through the conversation, over HTTP, with the real bot. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSchedule } from '../../src/schedule/store.ts';
import { listEvents } from '../../src/store/events.ts';
import { allText, Person, startBot, type BotActivity, type RunningBot } from '../helpers/botClient.ts';
import { onboard } from '../helpers/onboarding.ts';
import { startFakeConnector, type FakeConnector } from '../helpers/fakeConnector.ts';
import { TestClock } from './harness.ts';

let connector: FakeConnector;
beforeAll(async () => {
  connector = await startFakeConnector({ perTenant: 50, perConversation: 7 });
});
afterAll(() => connector.stop());

describe.each(['pglite', 'postgres'] as const)('the schedule in conversation (%s)', (engine) => {
  let bot: RunningBot;
  const clock = new TestClock(new Date('2025-06-02T05:00:00Z'));
  beforeAll(async () => {
    bot = await startBot(engine, {}, clock.now, undefined, { cron: false, pollingIntervalSeconds: 0.5 });
  });
  afterAll(() => bot.stop());

  const newPerson = async () => {
    const person = new Person(bot.url);
    person.serviceUrl = connector.serviceUrl;
    await person.join();
    return person;
  };
  const tickAndSend = async () => {
    await bot.app.checkins.runner.tick();
    await bot.app.checkins.runner.idle(30_000);
  };

  it('sets a time and zone, checks in at that local time, pauses, resumes and changes zone', async () => {
    clock.set('2025-06-02T05:00:00Z');
    const person = await newPerson();
    const set = allText(await person.say('Please check in with me at 8am, my time zone is Europe/Berlin'));
    expect(set).toMatch(/08:00 \(Europe\/Berlin\)/);
    let schedule = await readSchedule(bot.app.db, person.conversationId);
    expect(schedule?.nextDueAt?.toISOString()).toBe('2025-06-02T06:00:00.000Z');

    clock.set('2025-06-02T06:00:20Z');
    await tickAndSend();
    const first = connector.messagesFor(person.conversationId);
    expect(first.length).toBeGreaterThan(0);
    expect((await listEvents(bot.app.db, person.conversationId, { types: ['checkIn.started'] })).length + first.length).toBeGreaterThan(0);

    clock.set('2025-06-02T09:00:00Z');
    const paused = allText(await person.say('pause for 3 days'));
    expect(paused).toMatch(/3 days/);
    schedule = await readSchedule(bot.app.db, person.conversationId);
    expect(schedule?.pausedUntil).toBe('2025-06-05');
    expect(schedule?.nextDueAt?.toISOString()).toBe('2025-06-05T06:00:00.000Z');
    clock.set('2025-06-03T06:00:10Z');
    await tickAndSend();
    expect(connector.messagesFor(person.conversationId)).toHaveLength(first.length);

    const resumed = allText(await person.say('resume'));
    expect(resumed).toMatch(/back on/);
    expect((await readSchedule(bot.app.db, person.conversationId))?.nextDueAt?.toISOString()).toBe('2025-06-04T06:00:00.000Z');

    const moved = allText(await person.say('my time zone is America/New_York'));
    expect(moved).toMatch(/08:00 \(America\/New_York\)/);
    expect((await readSchedule(bot.app.db, person.conversationId))?.nextDueAt?.toISOString()).toBe('2025-06-03T12:00:00.000Z');
    clock.set('2025-06-03T12:00:05Z');
    await tickAndSend();
    expect(connector.messagesFor(person.conversationId).length).toBeGreaterThan(first.length);
    expect(allText(await person.say('when is my next check-in?'))).toMatch(/America\/New_York/);
  });

  it('stops at once on "no more messages" in any wording, and confirms', async () => {
    clock.set('2025-06-02T05:00:00Z');
    for (const words of ['stop', 'unsubscribe', 'please, no more messages', "don't message me again"]) {
      const person = await newPerson();
      await person.say('check in at 7:30 UTC time');
      const reply = allText(await person.say(words));
      expect(reply, words).toMatch(/won't send you any more messages/);
      const schedule = await readSchedule(bot.app.db, person.conversationId);
      expect(schedule?.stoppedAt, words).not.toBeNull();
      expect(schedule?.nextDueAt).toBeNull();
      expect(allText(await person.say('stop'))).toMatch(/won't get any more messages/);
      expect((await listEvents(bot.app.db, person.conversationId, { types: ['schedule.stopped'] }))[0]?.data).toMatchObject({ by: 'person' });
    }
    const before = connector.received.length;
    clock.set('2025-06-02T07:30:10Z');
    await tickAndSend();
    expect(connector.received.length).toBe(before);
  });

  it('a warning sign is never taken for a schedule request', async () => {
    const person = await newPerson();
    const replies = await person.say("stop messaging me, I can't feel my saddle area and can't pee");
    expect(replies.some((a) => a.type === 'event' && a.name === 'handoff.initiate')).toBe(true);
    expect((await readSchedule(bot.app.db, person.conversationId))?.stoppedAt ?? null).toBeNull();
  });

  it('offers the default time after screening, in the zone the channel reports; uninstall stops it', async () => {
    clock.set('2025-06-02T05:00:00Z');
    const person = await newPerson();
    // The turn that completes screening (the machine records screening.completed) offers the time.
    let offered: BotActivity[] = [];
    await onboard(person, {}, async (text) => {
      offered = (await person.post(person.activity({ type: 'message', text, localTimezone: 'Australia/Sydney' }))).activities;
      return offered;
    });
    expect(allText(offered)).toMatch(/every day at 09:00 \(Australia\/Sydney\)/);
    // Only once: later messages neither offer it again nor need the store to know.
    expect(allText(await person.say('ok'))).not.toMatch(/every day at 09:00/);
    const schedule = await readSchedule(bot.app.db, person.conversationId);
    expect(schedule?.timeZone).toBe('Australia/Sydney');
    expect(schedule?.nextDueAt?.toISOString()).toBe('2025-06-02T23:00:00.000Z');

    await person.post(person.activity({ type: 'installationUpdate', action: 'remove' }));
    const stopped = await readSchedule(bot.app.db, person.conversationId);
    expect(stopped?.stopReason).toMatch(/uninstalled/);
  });
});
