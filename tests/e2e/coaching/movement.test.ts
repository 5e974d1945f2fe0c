import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, handoffs, Person, startBot, type RunningBot } from '../../helpers/botClient.ts';
import { reachAsked, shownExercises } from '../../helpers/coaching.ts';
import { onboard } from '../../helpers/onboarding.ts';
import { listEvents } from '../../../src/store/events.ts';

// Issue 16 item 6: movement rules that know where the symptoms were before each set.
const DAY = 86_400_000;

describe('movement rules that know the start, over HTTP', () => {
  let bot: RunningBot;
  let clock = new Date('2026-03-02T08:00:00Z');
  const on = (day: number) => (clock = new Date(Date.parse('2026-03-02T08:00:00Z') + day * DAY));
  beforeAll(async () => {
    bot = await startBot('pglite', {}, () => clock);
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('does not stop a person whose toes were numb before they started, session after session', async () => {
    on(0);
    const person = new Person(bot.url);
    await onboard(person, { reach: 'down to my foot', onset: 'months ago' });
    for (const day of [0, 1, 2]) {
      on(day);
      expect(reachAsked(await person.say('start'))).toBe(true);
      expect(shownExercises(await person.say('my toes are numb')).length).toBe(1);
      const after = await person.say('tingling and numbness in my toes');
      expect(allText(after)).not.toMatch(/stop now/i);
      expect(allText(after)).toMatch(/already reached your foot or toes/i);
      // The session carries on with the next exercise (where the symptoms are is already known).
      expect(shownExercises(after).length).toBe(1);
      expect(reachAsked(after)).toBe(false);
      expect(handoffs(after)).toEqual([]);
    }
    const answers = await listEvents(bot.app.db, person.conversationId, { types: ['movement.response', 'reach.before'] });
    expect(answers.filter((e) => e.type === 'reach.before').every((e) => e.data.level === 'end')).toBe(true);
    expect(answers.filter((e) => e.type === 'movement.response').map((e) => e.data)).toEqual(
      Array(3).fill(expect.objectContaining({ reachBefore: 'end', toesOrFingers: true, response: 'no_change', decision: 'continue' })),
    );
  });

  it('stops at once when tingling newly reaches the toes, and says where it was before', async () => {
    on(10);
    const person = new Person(bot.url);
    await onboard(person, { onset: 'months ago' });
    await person.say('start');
    await person.say('in my calf');
    const replies = await person.say('now I have tingling going down into my toes');
    expect(allText(replies)).toMatch(/please stop now/i);
    expect(allText(replies)).toMatch(/before this exercise your symptoms reached below your knee/i);
    expect(shownExercises(replies)).toEqual([]);
  });

  it('counts spreading within 14 days only, and says what really happened when it refers', async () => {
    on(20);
    const person = new Person(bot.url);
    await onboard(person, { onset: 'months ago' });
    const spread = async (day: number) => {
      on(day);
      await person.say('start');
      expect(shownExercises(await person.say('in my thigh'))[0]).toMatch(/Lying face down/);
      return person.say('it spread further down my leg');
    };
    expect(handoffs(await spread(20))).toEqual([]);
    // 17 days later: the first episode has settled, so this is the first in the window.
    const second = await spread(37);
    expect(handoffs(second)).toEqual([]);
    expect(allText(second)).toMatch(/before this exercise your symptoms reached your buttock or thigh/i);
    const third = await spread(40);
    const [handoff] = handoffs(third);
    expect(handoff?.value).toMatchObject({ urgency: 'soon', reasons: ['soon.peripheralizing'] });
    expect(allText(third)).toMatch(/on 2 different days in the last 14 days \(2026-04-08, 2026-04-11\), during: Lying face down, then propping up/);
    expect(handoff?.value.summary).toMatch(/2026-04-08, 2026-04-11/);
  });
});
