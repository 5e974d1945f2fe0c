import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, handoffs, Person, startBot, type BotActivity, type RunningBot } from '../../helpers/botClient.ts';
import { answerSets, checkIn } from '../../helpers/coaching.ts';
import { onboard } from '../../helpers/onboarding.ts';
import { listEvents } from '../../../src/store/events.ts';
import * as clinicianStore from '../../../src/clinician/store.ts';

// Issue 16 item 9: outcomes a physio uses, on both engines (the console reads them from the store).
const DAY = 86_400_000;
const TOKEN = 'outcomes-test-token-0123456789';

describe.each(['pglite', 'postgres'] as const)('outcomes a physio uses, over HTTP (%s)', (engine) => {
  let bot: RunningBot;
  let clock = new Date('2026-03-02T08:00:00Z');
  const setClock = (at: Date) => (clock = at);
  beforeAll(async () => {
    bot = await startBot(engine, { CLINICIAN_TOKEN: TOKEN }, () => clock, undefined, { cron: false });
  });
  afterAll(async () => {
    await bot.stop();
  });

  /** Answers the weekly measures; returns the questions asked. */
  const weeklyAnswers = (asked: string[], psfs: string[]) => (question: string) => {
    asked.push(question);
    if (/tell me one everyday activity/i.test(question)) {
      const named = asked.filter((q) => /tell me one everyday activity/i.test(q)).length;
      return ['putting on my socks', 'sitting through a film', 'carrying the shopping'][named - 1] ?? "that's all";
    }
    if (/how well can you do it now/i.test(question)) return psfs.shift() ?? '5';
    if (/how many did pain wake you/i.test(question)) return '2';
    if (/how many minutes can you walk/i.test(question)) return 'about 20 minutes';
    if (/how often did you take something for the pain/i.test(question)) return 'most days';
    if (/compared with when we started/i.test(question)) return 'a little better';
    return undefined;
  };

  it('asks the weekly measures on one check-in a week, and shows them to the person and the clinician', async () => {
    const start = Date.parse('2026-03-02T08:00:00Z');
    clock = new Date(start);
    const person = new Person(bot.url);
    await onboard(person, { onset: 'months ago' });
    const firstWeek: string[] = [];
    const day1 = await checkIn(bot, person, setClock, new Date(start + DAY), { pain: '6', limb: '6', weekly: weeklyAnswers(firstWeek, ['3', '4', '5']) });
    expect(allText(day1)).toMatch(/this week's questions done/i);
    // PSFS named and scored, sleep, walking, medication; no global rating in the first week.
    expect(firstWeek.filter((q) => /tell me one everyday activity/i.test(q))).toHaveLength(3);
    expect(firstWeek.some((q) => /compared with when we started/i.test(q))).toBe(false);
    await answerSets(person, day1, 'my calf feels better, it moved up toward my back', { reach: 'below my knee' });

    // Daily check-ins in between are short: no weekly questions.
    for (const day of [2, 3, 4, 5, 6, 7]) {
      const asked: string[] = [];
      await checkIn(bot, person, setClock, new Date(start + day * DAY), { pain: '5', limb: String(8 - day), weekly: weeklyAnswers(asked, []) });
      expect(asked).toEqual([]);
    }
    const secondWeek: string[] = [];
    await checkIn(bot, person, setClock, new Date(start + 8 * DAY), { pain: '4', limb: '2', weekly: weeklyAnswers(secondWeek, ['6', '6', '7']) });
    expect(secondWeek.filter((q) => /tell me one everyday activity/i.test(q))).toEqual([]);
    expect(secondWeek.filter((q) => /how well can you do it now/i.test(q))).toHaveLength(3);
    expect(secondWeek.some((q) => /compared with when we started/i.test(q))).toBe(true);
    const events = await listEvents(bot.app.db, person.conversationId, { types: ['psfs.score', 'outcome.sleep', 'outcome.walking', 'outcome.medication', 'outcome.groc'] });
    expect(events.filter((e) => e.type === 'psfs.score').map((e) => [e.data.activity, e.data.score])).toEqual([
      ['putting on my socks', 3], ['sitting through a film', 4], ['carrying the shopping', 5],
      ['putting on my socks', 6], ['sitting through a film', 6], ['carrying the shopping', 7],
    ]);
    expect(events.find((e) => e.type === 'outcome.walking')?.data).toEqual({ minutes: 20 });
    expect(events.find((e) => e.type === 'outcome.groc')?.data).toMatchObject({ value: 1 });

    // "How am I doing": the leg or arm score and the activities they named.
    const progress = await person.say('how am I doing?');
    expect(allText(progress)).toMatch(/Leg or arm symptoms went from 6 to 2 out of 10/);
    expect(allText(progress)).toMatch(/putting on my socks 3 to 6 out of 10/);

    // A handoff now carries the coaching facts a physio uses.
    const asked = await person.say('can I talk to someone please');
    const [handoff] = handoffs(asked);
    const summary = String(handoff?.value.summary);
    expect(summary).toMatch(/leg or arm score 6 to 2 out of 10 over 7 days \(better, 8 readings\)/);
    expect(summary).toMatch(/centralizes: yes/);
    expect(summary).toMatch(/preferred direction: extension \(from the exercise responses\)/);
    expect(summary).toMatch(/current exercises: Lying face down, then propping up \(/);
    expect(summary).toMatch(/PSFS: putting on my socks 3 to 6\/10, sitting through a film 4 to 6\/10, carrying the shopping 5 to 7\/10/);
    expect(summary).toMatch(/woken by pain on 2 of the last 7 nights/);
    expect(summary).toMatch(/walks 20 minutes/);
    expect(summary).toMatch(/pain medicine: most days/);
    expect(summary).toMatch(/global change since the start: \+1/);

    // The console's programme page shows the same, and the warning signs denied with the date last asked.
    await bot.app.clinician.service.wake();
    const cases = await clinicianStore.listLiveCases(bot.app.db);
    const item = cases.find((c) => c.conversationId === person.conversationId)!;
    const page = await fetch(`${bot.url}/clinician/cases/${item.id}/plan`, { headers: { authorization: `Bearer ${TOKEN}`, 'x-clinician-name': 'Dr Lee' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/putting on my socks: 3 to 6 out of 10/);
    expect(html).toMatch(/leg or arm score 6 to 2 out of 10/);
    expect(html).toMatch(/2026-03-02<\/li>/);
  });

  it('reads the leg score at the 6-week review: better pain with an unchanged leg still needs a clinician', async () => {
    const start = Date.parse('2026-07-06T08:00:00Z');
    clock = new Date(start);
    const person = new Person(bot.url);
    await onboard(person, { pain: '7', onset: 'months ago' });
    const seen: BotActivity[] = [];
    for (let week = 1; week <= 7; week++)
      seen.push(...(await checkIn(bot, person, setClock, new Date(start + week * 7 * DAY), { pain: String(Math.max(2, 7 - week)), limb: '6' })));
    const review = handoffs(seen).find((h) => h.value.reasons.includes('soon.no-improvement'));
    expect(review?.value.urgency).toBe('soon');
    expect(review?.value.summary).toMatch(/leg or arm score: no meaningful improvement at 6 weeks/);
  });

  it('counts "1 session", not "1 sessions"', async () => {
    clock = new Date('2026-05-04T08:00:00Z');
    const person = new Person(bot.url);
    await onboard(person, { onset: 'months ago' });
    await answerSets(person, await person.say('start'), 'my calf feels better', { reach: 'below my knee' });
    const replies: BotActivity[] = await person.say('how am I doing?');
    expect(allText(replies)).toMatch(/In 1 session symptoms/);
    expect(allText(replies)).not.toMatch(/1 sessions|1 times/);
  });
});
