import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, handoffs, Person, startBot, type BotActivity, type RunningBot } from '../../helpers/botClient.ts';
import { answerSets, checkIn } from '../../helpers/coaching.ts';
import { onboard } from '../../helpers/onboarding.ts';

// Issue 16 item 7: directional preference done right.
const DAY = 86_400_000;

describe('directional preference, over HTTP', () => {
  let bot: RunningBot;
  let clock = new Date('2026-03-02T08:00:00Z');
  const setClock = (at: Date) => (clock = at);
  const on = (start: number, day: number) => (clock = new Date(start + day * DAY));
  beforeAll(async () => {
    bot = await startBot('pglite', {}, () => clock);
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('moves up a force stage after "no change" twice, tries flexion after extension, and reports no centralization to the clinician', async () => {
    const start = Date.parse('2026-03-02T08:00:00Z');
    on(start, 0);
    const person = new Person(bot.url);
    await onboard(person, { onset: 'months ago' });
    const firstSets: string[] = [];
    const seen: BotActivity[] = [];
    for (let day = 0; day < 13; day++) {
      on(start, day);
      // Only the day's first exercise (the directional one) is answered.
      const { headers, replies } = await answerSets(person, await person.say('start'), 'no change', { reach: 'below my knee', sets: 1 });
      firstSets.push(headers[0]!.split(': ').slice(1).join(': '));
      seen.push(...replies);
    }
    expect(firstSets.slice(0, 12)).toEqual([
      'Lying face down, then propping up — Lying face down', 'Lying face down, then propping up — Lying face down',
      'Lying face down, then propping up — Propped on your elbows', 'Lying face down, then propping up — Propped on your elbows',
      'Lying face down, then propping up — Press-ups with your arms', 'Lying face down, then propping up — Press-ups with your arms',
      'Bending forward, building from lying to standing — Both knees to chest, lying', 'Bending forward, building from lying to standing — Both knees to chest, lying',
      'Bending forward, building from lying to standing — Bending forward, sitting', 'Bending forward, building from lying to standing — Bending forward, sitting',
      'Bending forward, building from lying to standing — Bending forward, standing', 'Bending forward, building from lying to standing — Bending forward, standing',
    ]);
    expect(allText(seen)).toMatch(/next time we'll try a different direction/i);
    // Day 13: every direction was tried; the person and the care team are told, once; the rest of the plan goes on.
    expect(firstSets[12]).not.toMatch(/Lying face down|Bending forward, building/);
    expect(allText(seen)).toMatch(/none of them drew your symptoms back/i);
    const reported = handoffs(seen);
    expect(reported.map((h) => [h.value.urgency, h.value.reasons])).toEqual([['routine', ['coaching.no-centralization']]]);
    expect(reported[0]!.value.summary).toMatch(/no centralization after every direction was tried/);
    expect(reported[0]!.value.summary).toMatch(/centralizes: no, after every direction was tried/);
  });

  it('asks whether the body is shifted to one side, and corrects a shift first', async () => {
    on(Date.parse('2026-05-04T08:00:00Z'), 0);
    const person = new Person(bot.url);
    const onboarding = await onboard(person, { onset: 'months ago', shifted: "yes, I'm leaning to the left" });
    expect(allText(onboarding)).toMatch(/is your body shifted to one side/i);
    const { headers } = await answerSets(person, await person.say('start'), 'no change', { reach: 'in my thigh', sets: 1 });
    expect(headers[0]).toMatch(/Side glide at a wall/);
  });

  it('opens the later phase only after the leg score has been 2 or less for 7 days', async () => {
    const start = Date.parse('2026-06-01T08:00:00Z');
    on(start, 0);
    const person = new Person(bot.url);
    await onboard(person, { onset: 'months ago' });
    const later = (headers: string[]) => headers.some((h) => /Bending forward again, step by step/.test(h));
    const phases: boolean[] = [];
    for (let day = 1; day <= 14; day++) {
      // Leg scores of 4 for the first week, then 2.
      const seen = await checkIn(bot, person, setClock, new Date(start + day * DAY), { pain: '3', limb: day <= 7 ? '4' : '2' });
      const { headers } = await answerSets(person, seen, 'my calf feels better, it moved up toward my back', { reach: 'below my knee' });
      phases.push(later(headers));
    }
    // Press-ups held from day 6; the leg was quiet from day 8; a week of it on day 14.
    expect(phases.slice(0, 13).every((p) => !p)).toBe(true);
    expect(phases[13]).toBe(true);
  });
});
