import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, Person, startBot, type RunningBot } from '../../helpers/botClient.ts';
import { answerSets, checkIn, reachAsked, shownExercises } from '../../helpers/coaching.ts';
import { startFakeConnector, type FakeConnector } from '../../helpers/fakeConnector.ts';
import { onboard } from '../../helpers/onboarding.ts';
import { jobSchema } from '../../../src/privacy/erasure.ts';
import { realContent } from '../../helpers/content.ts';
import type { ReminderJob } from '../../../src/coaching/reminders.ts';

// Issue 16 item 8: dosing by irritability, on both engines (the reminders are jobs in the store).
const DAY = 86_400_000;

describe.each(['pglite', 'postgres'] as const)('dosing by irritability, over HTTP (%s)', (engine) => {
  let bot: RunningBot;
  let connector: FakeConnector;
  let clock = new Date('2026-03-02T08:00:00Z');
  const setClock = (at: Date) => (clock = at);
  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await startBot(engine, {}, () => clock, undefined, { cron: false });
  });
  afterAll(async () => {
    await bot.stop();
    await connector.stop();
  });

  const reminderJobs = async (conversationId: string) => {
    const schema = await jobSchema(bot.app.db);
    const rows = await bot.app.db.query<{ data: ReminderJob; start_after: Date | string }>(`select data, start_after from ${schema}.job where name = 'exercise-reminder'`);
    return rows.filter((r) => r.data.conversationId === conversationId).map((r) => ({ ...r.data, at: new Date(r.start_after).toISOString() }));
  };

  it('gives a short plan when pain is 8, repeats the directional exercise through the day, and reminds later that day', async () => {
    clock = new Date('2026-03-02T08:00:00Z');
    const person = new Person(bot.url);
    person.serviceUrl = connector.serviceUrl;
    await onboard(person, { pain: '8', onset: 'months ago' });
    const first = await person.say('start');
    expect(allText(first)).toMatch(/today's plan is short/i);
    const { headers, replies } = await answerSets(person, first, 'only my back is a bit sore');
    expect(allText(replies)).toMatch(/5 times a day/);
    expect(headers.length).toBeLessThanOrEqual(4);
    const aerobic = realContent().exercises.list.filter((e) => e.kind === 'aerobic').map((e) => e.name);
    expect(headers.filter((h) => aerobic.some((name) => h.includes(name)))).toHaveLength(1);
    expect(allText(replies)).toMatch(/I'll remind you later today/i);
    // Four reminders, three hours apart, before the evening's quiet hours.
    const jobs = await reminderJobs(person.conversationId);
    expect(jobs.map((j) => j.at)).toEqual(['2026-03-02T11:00:00.000Z', '2026-03-02T14:00:00.000Z', '2026-03-02T17:00:00.000Z', '2026-03-02T20:00:00.000Z']);
    clock = new Date('2026-03-02T11:00:00Z');
    expect(await bot.app.reminders.deliver(jobs[0]!)).toBe('sent');
    const sent = connector.received.filter((r) => r.conversationId === person.conversationId).map((r) => r.activity.text ?? '');
    expect(sent.join('\n')).toMatch(/Time to repeat Lying face down, then propping up \(Lying face down\)/);
    // Not the next day.
    clock = new Date('2026-03-03T09:00:00Z');
    expect(await bot.app.reminders.deliver(jobs[1]!)).toBe('another day');
  });

  it('follows the flare-up plan on a bad day, and suggests a word about pain relief after three check-ins at 8 or more', async () => {
    const start = Date.parse('2026-04-06T08:00:00Z');
    clock = new Date(start);
    const person = new Person(bot.url);
    await onboard(person, { pain: '4', onset: 'months ago' });
    const bad = await checkIn(bot, person, setClock, new Date(start + DAY), { pain: '8', limb: '3' });
    expect(allText(bad)).toMatch(/sounds like a bad day/i);
    expect(allText(bad)).toMatch(/shorter and gentler/i);
    expect(reachAsked(bad)).toBe(true);
    expect(shownExercises(await person.say('below my knee'))[0]).toMatch(/Lying face down, then propping up — Lying face down/);
    let advice = 0;
    for (const day of [2, 3, 4]) {
      const seen = await checkIn(bot, person, setClock, new Date(start + day * DAY), { pain: '9', limb: '3' });
      if (/GP or a pharmacist about pain relief/.test(allText(seen))) advice++;
    }
    // Day 1, 2 and 3 were 8 or more: suggested on day 3, and not again on day 4.
    expect(advice).toBe(1);
  });

  it('leaves out swimming once the person has no pool, and skips an exercise on request', async () => {
    clock = new Date('2026-05-04T08:00:00Z');
    const person = new Person(bot.url);
    await onboard(person, { pain: '4', onset: 'months ago' });
    let replies = await person.say('start');
    const seen: string[] = [];
    for (let i = 0; i < 10; i++) {
      if (reachAsked(replies)) replies = await person.say('below my knee');
      const header = shownExercises(replies)[0];
      if (!header) break;
      seen.push(header);
      if (/Swimming/.test(header)) {
        replies = await person.say("I don't have a pool");
        expect(allText(replies)).toMatch(/won't suggest anything that needs a swimming pool again/i);
      } else if (/Standing row/.test(header)) {
        replies = await person.say('skip this one');
        expect(allText(replies)).toMatch(/skip that one today/i);
      } else replies = await person.say('only my back is a bit sore');
    }
    expect(seen.some((h) => /Swimming/.test(h))).toBe(true);
    clock = new Date('2026-05-05T08:00:00Z');
    const { headers } = await answerSets(person, await person.say('start'), 'only my back is a bit sore');
    expect(headers.some((h) => /Swimming/.test(h))).toBe(false);
    // Skipped once is not removed: the band row comes back.
    expect(headers.some((h) => /Standing row/.test(h))).toBe(true);
  });
});
