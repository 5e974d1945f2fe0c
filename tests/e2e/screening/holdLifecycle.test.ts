/**
 * Issue 16, item 1 and the referral side of item 2, from outside over HTTP on both engines: an
 * emergency hold survives the person's own "the scan was clear" and is lifted by a clinician's
 * hand-back; an urgent hold is lifted by the person's structured statement, which the console
 * shows; thoughts of suicide get the crisis lines and an emergency handoff in any state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, buttons, handoffs } from '../../helpers/botClient.ts';
import { onboard } from '../../helpers/onboarding.ts';
import { getCase, listLiveCases } from '../../../src/clinician/store.ts';
import { listEvents } from '../../../src/store/events.ts';
import { bearer, consolePost, contentWithCrisisFlag, startWorld, type World } from './world.ts';

describe.each(['pglite', 'postgres'] as const)('the life of an exercise hold, over HTTP (%s)', (engine) => {
  let world: World;
  let content: { dir: string; remove: () => void };
  beforeAll(async () => {
    content = contentWithCrisisFlag();
    world = await startWorld(engine, { CONTENT_DIR: content.dir });
  });
  afterAll(async () => {
    await world.stop();
    content.remove();
  });

  async function caseOf(conversationId: string) {
    await world.bot.app.clinician.service.wake();
    return (await listLiveCases(world.bot.app.db)).find((c) => c.conversationId === conversationId)!;
  }

  it('keeps an emergency hold when the person says the scan was clear, and lifts it on a clinician\'s hand-back', async () => {
    const person = world.person();
    await onboard(person);
    expect(handoffs(await person.say("I've started leaking urine and need pads"))[0]?.value.urgency).toBe('emergency');
    const told = await person.say('I went to A&E, the MRI was clear');
    expect(allText(told)).toMatch(/only a clinician from the care team can restart your exercises/i);
    expect(allText(await person.say('start exercises'))).not.toMatch(/How much:|where do you feel/i);
    const statement = await listEvents(world.bot.app.db, person.conversationId, { types: ['clinician.assessed'] });
    expect(statement.map((e) => e.data)).toEqual([expect.objectContaining({ words: 'I went to A&E, the MRI was clear', holdLifted: false })]);

    const item = await caseOf(person.conversationId);
    const page = await (await fetch(`${world.bot.url}/clinician/cases/${item.id}`, { headers: bearer })).text();
    expect(page).toMatch(/The person said a clinician has assessed them: &quot;I went to A&amp;E, the MRI was clear&quot;|The person said a clinician has assessed them: "I went to A&E, the MRI was clear"/);
    expect((await consolePost(`${world.bot.url}/clinician/cases/${item.id}/accept`, { version: String(item.version) })).headers.get('location')).toContain('notice=accepted');
    const accepted = (await getCase(world.bot.app.db, item.id))!;
    const closed = await consolePost(`${world.bot.url}/clinician/cases/${item.id}/close`, { version: String(accepted.version), outcome: 'cleared_to_exercise', confirmCleared: 'yes', reason: 'Examined in ED: no cauda equina.' });
    expect(closed.headers.get('location')).toContain('notice=closed');
    let session = await person.say('start');
    if (/where do you feel the pain, tingling or numbness right now/i.test(allText(session))) session = await person.say('in my calf');
    expect(allText(session)).toMatch(/How much:/);
  });

  it('lifts an urgent hold on the person\'s statement (seen since, by whom, told exercise is fine) and shows it to the care team', async () => {
    const person = world.person();
    await onboard(person);
    expect(handoffs(await person.say('my left leg is getting weaker every day'))[0]?.value.urgency).toBe('urgent');
    expect(allText(await person.say('start'))).not.toMatch(/How much:/);
    // "My scan was clear" alone lifts nothing: the three questions come, and "not yet" keeps the hold.
    expect(allText(await person.say('my scan was clear'))).not.toMatch(/restarted your programme/i);
    expect(allText(await person.say('not yet'))).toMatch(/keep the exercises paused/);
    expect(allText(await person.say('start'))).not.toMatch(/How much:/);
    const intro = await person.say("I've been seen by a doctor");
    expect(allText(intro)).toMatch(/Three short questions/);
    expect(buttons(intro)).toEqual(["Yes, I've been seen", 'Not yet']);
    expect(buttons(await person.say('yes'))).toContain('My GP or family doctor');
    expect(buttons(await person.say('my GP'))).toEqual(['Yes, exercise is fine', 'No, not yet', "They didn't say"]);
    // "They said it's fine" alone is not advice about exercise: the question comes again.
    expect(buttons(await person.say('they said it was fine'))).toEqual(['Yes, exercise is fine', 'No, not yet', "They didn't say"]);
    const lifted = await person.say('yes');
    expect(allText(lifted)).toMatch(/restarted your programme and told the care team/);
    let session = lifted;
    if (!/How much:|where do you feel/i.test(allText(session))) session = await person.say('start');
    if (/where do you feel the pain, tingling or numbness right now/i.test(allText(session))) session = await person.say('in my calf');
    expect(allText(session)).toMatch(/How much:/);
    const item = await caseOf(person.conversationId);
    const page = await (await fetch(`${world.bot.url}/clinician/cases/${item.id}`, { headers: bearer })).text();
    expect(page).toMatch(/seen by: gp; told exercise is fine: yes\. The exercise hold was lifted on this statement\./);
  });

  it('keeps the urgent hold when the person was not told exercise is fine', async () => {
    const person = world.person();
    await onboard(person);
    await person.say('my left leg is getting weaker every day');
    await person.say("I've been seen by a doctor");
    await person.say('yes');
    await person.say('A&E');
    expect(allText(await person.say("they didn't say"))).toMatch(/keep the exercises paused/);
    expect(allText(await person.say('start exercises'))).not.toMatch(/How much:/);
  });

  it('answers thoughts of suicide with the crisis lines and an emergency handoff, in the middle of screening and while on hold', async () => {
    const person = world.person();
    await person.say('hi');
    await person.say('yes');
    await person.say('lower back');
    const replies = await person.say("honestly I've been thinking about ending my life");
    const text = allText(replies);
    expect(text).toMatch(/116 123/);
    expect(text).toMatch(/988/);
    expect(text).toMatch(/999/);
    expect(text).toMatch(/112/);
    expect(text).not.toMatch(/nerve compression|nerves at the base of your spine/);
    const [event] = handoffs(replies);
    expect(['emergency', 'urgent']).toContain(event?.value.urgency);
    expect(event?.value.urgency).toBe('emergency');
    expect(event?.value.reasons).toContain('crisis.self-harm');
    // Again, while exercise is on hold for it: the lines come every time.
    const again = await person.say('I still want to kill myself');
    expect(allText(again)).toMatch(/116 123/);
    expect(handoffs(again)).toHaveLength(1);
  });
});
