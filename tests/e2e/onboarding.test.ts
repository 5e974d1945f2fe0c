import { describe, expect, it } from 'vitest';
import { allText, buttons, handoffs, Person } from '../helpers/botClient.ts';
import { onboard } from '../helpers/onboarding.ts';
import { listEvents } from '../../src/store/events.ts';
import { botForSuite } from '../helpers/suiteBot.ts';

describe('onboarding by typing, through the HTTP endpoint', () => {
  const bot = botForSuite('pglite');

  it('greets, explains, asks consent, then region and a 0-10 score, one question at a time', async () => {
    const person = new Person(bot.url);
    const greeting = await person.say('hi');
    expect(allText(greeting)).toMatch(/not a doctor/i);
    expect(allText(greeting)).toMatch(/emergency number/i);
    expect(buttons(greeting)).toEqual(['Yes, I agree', 'No']);
    const region = await person.say('yeah');
    expect(allText(region)).toMatch(/which part of your spine/i);
    const pain = await person.say('between my shoulder blades');
    expect(allText(pain)).toMatch(/middle back/i);
    expect(allText(pain)).toMatch(/0 \(no pain\) to 10/);
    const next = await person.say('six');
    expect(allText(next)).toMatch(/how far/i);
    const events = await listEvents(bot.app.db, person.conversationId);
    expect(events.find((e) => e.type === 'consent.given')).toBeTruthy();
    expect(events.find((e) => e.type === 'screening.answer' && e.data.question === 'region')?.data.value).toBe('thoracic');
    expect(events.find((e) => e.type === 'pain.score')?.data.score).toBe(6);
  });

  it('re-asks with the buttons when an answer is not understood, and offers a clinician after three tries', async () => {
    const person = new Person(bot.url);
    await person.say('hi');
    await person.say('yes');
    const first = await person.say('🙂🙂');
    // Emoji only gets its own plain reply (issue 17), then the question with its buttons.
    expect(allText(first)).toMatch(/emoji/i);
    expect(buttons(first)).toContain('Lower back');
    await person.say('purple');
    const third = await person.say('???');
    expect(allText(third)).toMatch(/clinician/i);
    const still = await person.say('neck');
    expect(allText(still)).toMatch(/neck/i);
  });

  it('re-asks the pending question with its buttons after an empty, a picture-only or a very long answer', async () => {
    const person = new Person(bot.url);
    await person.say('hi');
    await person.say('yes');
    const empty = await person.post(person.activity({ type: 'message', text: '' }));
    expect(buttons(empty.activities)).toContain('Lower back');
    const picture = await person.post(person.activity({ type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'data:image/png;base64,AAAA' }] }));
    expect(buttons(picture.activities)).toContain('Lower back');
    const long = await person.say('my back '.repeat(700));
    expect(allText(long)).toMatch(/too long/i);
    expect(buttons(long)).toContain('Lower back');
    const mixed = await person.say('me duele la espalda, lower back');
    expect(allText(mixed)).toMatch(/lower back/i);
    expect(allText(mixed)).toMatch(/0 \(no pain\) to 10/);
  });

  it('respects a "no" to consent: no health question is asked', async () => {
    const person = new Person(bot.url);
    await person.say('hi');
    const declined = await person.say('nope');
    expect(allText(declined)).toMatch(/won't ask any health questions/i);
    const after = await person.say('lower back');
    expect(allText(after)).not.toMatch(/0 \(no pain\)/);
  });

  it('completes screening and confirms what it heard, with no referral for a clear screen', async () => {
    const person = new Person(bot.url);
    const replies = await onboard(person);
    expect(handoffs(replies)).toEqual([]);
    // Every value read back (issue 16): region, reach and side, onset, pain, age, surgery.
    expect(allText(replies)).toMatch(/lower back, reaching below the knee on one side, started within the last 2 weeks, pain 6 out of 10, age 42, no spine surgery\./);
    expect(allText(replies)).toMatch(/start today's exercises/i);
  });
});
