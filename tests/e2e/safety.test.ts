import { describe, expect, it } from 'vitest';
import { allText, buttons, handoffs, Person } from '../helpers/botClient.ts';
import { onboard } from '../helpers/onboarding.ts';
import { listEvents } from '../../src/store/events.ts';
import { botForSuite } from '../helpers/suiteBot.ts';

describe('warning signs in any message, through the HTTP endpoint', () => {
  const bot = botForSuite('pglite');

  it('refers a cauda equina disclosure in the middle of onboarding to the emergency department, with the handoff event', async () => {
    const person = new Person(bot.url);
    await person.say('hi');
    await person.say('yes');
    await person.say('lower back');
    const replies = await person.say("Also since yesterday I can't feel anything when I wipe after the toilet");
    expect(allText(replies)).toMatch(/emergency department now/i);
    const [event] = handoffs(replies);
    expect(event).toBeDefined();
    expect(event!.value.urgency).toBe('emergency');
    expect(event!.value.reasons).toContain('ces.saddle-numbness');
    expect(event!.value.region).toBe('lumbar');
    expect(event!.value.summary).toMatch(/EMERGENCY/);
    expect(event!.value.summary).toMatch(/wipe/);
    expect(event!.attachments?.[0]?.name).toBe('Transcript');
    const logged = await listEvents(bot.app.db, person.conversationId, { types: ['redFlag.raised', 'referral.made'] });
    // Each sign the message holds is raised (here the wiping and, since 2026-12-01, the toilet as not
    // felt: ces.bladder-sensation too), then one referral.
    const raised = logged.filter((e) => e.type === 'redFlag.raised');
    expect(raised.map((e) => e.data.flagId)).toContain('ces.saddle-numbness');
    expect(logged.map((e) => e.type)).toEqual([...raised.map(() => 'redFlag.raised'), 'referral.made']);
  });

  it('raises nothing for negated or normal statements', async () => {
    const person = new Person(bot.url);
    await person.say('hi');
    await person.say('yes');
    const replies = await person.say('lower back. No numbness down there and my bladder is fine');
    expect(handoffs(replies)).toEqual([]);
    expect(allText(replies)).toMatch(/0 \(no pain\) to 10/);
  });

  it('refers when the person answers yes to a warning-sign question, at that question\'s tier', async () => {
    const person = new Person(bot.url);
    let replies = await person.sayInTurn('hi', 'yes', 'neck', '5', 'only my neck', '3 weeks ago', '42', 'no surgery');
    // Answer no until a question about hands or buttons comes (cervical myelopathy), then yes.
    for (let i = 0; i < 30 && !/button|hand|clums|drop/i.test(allText(replies)); i++) replies = await person.say('no');
    expect(buttons(replies)).toEqual(['Yes', 'No', 'Not sure']);
    const referral = await person.say('yes');
    const [event] = handoffs(referral);
    expect(event?.value.urgency).toBe('urgent');
    expect(event?.value.region).toBe('cervical');
    expect(allText(referral)).toMatch(/today/i);
  });

  it('prescribes no exercise after an emergency referral, whatever the person says, until a clinician hands back (issue 16)', async () => {
    const person = new Person(bot.url);
    await onboard(person);
    const referral = await person.say("I've started leaking urine and need pads");
    expect(handoffs(referral)[0]?.value.urgency).toBe('emergency');
    const blocked = await person.say('start exercises');
    expect(blocked.some((a) => /How much:/.test(a.text ?? ''))).toBe(false);
    // Nor the question asked just before an exercise (issue 16).
    expect(allText(blocked)).not.toMatch(/where do you feel the pain, tingling or numbness right now/i);
    expect(allText(blocked)).toMatch(/won't|not giving/i);
    // The person's own account no longer lifts an emergency hold: only a clinician's hand-back does
    // (tests/e2e/screening/holdLifecycle.test.ts walks the hand-back through the console).
    const told = await person.say("I've been seen by a doctor in A&E and they said it's fine");
    expect(allText(told)).toMatch(/only a clinician from the care team can restart your exercises/i);
    const session = await person.say('start');
    expect(allText(session)).not.toMatch(/How much:|where do you feel the pain, tingling or numbness right now/i);
  });

  it('re-triggers the referral when a warning sign is reported again', async () => {
    const person = new Person(bot.url);
    await onboard(person);
    expect(handoffs(await person.say('both my legs have gone weak and I keep falling'))).toHaveLength(1);
    expect(handoffs(await person.say('my legs are still giving way'))).toHaveLength(1);
  });

  it('hands off routinely when the person asks for a clinician, at any time', async () => {
    const person = new Person(bot.url);
    await person.say('hi');
    const replies = await person.say('can I talk to someone please');
    const [event] = handoffs(replies);
    expect(event?.value.urgency).toBe('routine');
    expect(allText(replies)).toMatch(/clinician/i);
  });

  it('catches a warning sign in the middle of an exercise', async () => {
    const person = new Person(bot.url);
    await onboard(person);
    expect(allText(await person.say('start'))).toMatch(/where do you feel the pain, tingling or numbness right now/i);
    const exercise = await person.say('in my calf');
    expect(allText(exercise)).toMatch(/How much:/);
    const replies = await person.say('the pain is the same but now my bum and inner thighs feel numb');
    expect(handoffs(replies)[0]?.value.urgency).toBe('emergency');
  });
});
