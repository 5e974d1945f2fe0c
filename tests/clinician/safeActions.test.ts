/**
 * Safe actions, from outside (shared key, as a local install has it): the close form of an
 * emergency chooses no outcome, clearing it for exercise needs a confirmation and a reason (kept in
 * the record and the audit), the person is told when a clinician joins and leaves, and "will
 * someone call me?" is answered from the real state of their case, an emergency's "go now" first.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { allText, handoffs, texts, type Person } from '../helpers/botClient.ts';
import { onboard } from '../helpers/onboarding.ts';
import { listEvents } from '../../src/store/events.ts';
import { listHandoffs } from '../../src/store/outbox.ts';
import { getCase, listAudit } from '../../src/clinician/store.ts';
import { openCase, TOKEN, startClinicianWorld } from './harness.ts';
import { forSuite } from '../helpers/forSuite.ts';

const bearer = { authorization: `Bearer ${TOKEN}`, 'x-clinician-name': 'Dr Sam Lee' };
const post = (url: string, fields: Record<string, string>) =>
  fetch(url, { method: 'POST', redirect: 'manual', headers: { ...bearer, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ csrf: 'bearer', ...fields }).toString() });

describe('safe actions on a case', () => {
  const world = forSuite(() => startClinicianWorld());
  let person: Person;
  let caseId: number;

  beforeAll(async () => {
    const opened = await openCase(world, "I've started leaking urine and need pads");
    expect(handoffs(opened.replies)[0]?.value.urgency).toBe('emergency');
    person = opened.person;
    caseId = opened.item.id;
  });

  it('answers "will someone call me?" truthfully while nobody has picked the case up, the emergency first', async () => {
    world.clock.advance(4);
    const replies = texts(await person.say('will someone call me?'));
    expect(replies[0]).toMatch(/do not wait for a call: go to an emergency department now/i);
    expect(replies[1]).toMatch(/passed your details to the care team 4 minutes ago\. No clinician has picked up your case yet, so I cannot promise you a call/);
    expect(replies.join(' ')).not.toMatch(/someone will call|will be in touch|is coming/i);
    // A question, not a new request: no second handoff.
    expect(await listHandoffs(world.bot.app.db, person.conversationId)).toHaveLength(1);
    // And a warning sign in the same words still refers at once.
    const worse = await person.say("is anyone going to call me? since yesterday I can't feel anything when I wipe after the toilet");
    expect(handoffs(worse)).toHaveLength(1);
    expect(handoffs(worse)[0]?.value.urgency).toBe('emergency');
    const timeline = await listEvents(world.bot.app.db, person.conversationId, { types: ['message.received'] });
    expect(timeline.map((e) => e.data.text)).toContain('will someone call me?');
  });

  it('marks the case timeline as a live log, so a screen reader announces the messages that arrive while it is open', async () => {
    const page = await (await fetch(`${world.bot.url}/clinician/cases/${caseId}`, { headers: bearer })).text();
    expect(page).toMatch(/<div id="transcript" role="log" aria-live="polite"[^>]*aria-label="[^"]+"/);
  });

  it('draws the close form of an emergency with no outcome chosen, and refuses a close without one', async () => {
    const page = await (await fetch(`${world.bot.url}/clinician/cases/${caseId}`, { headers: bearer })).text();
    const select = /<select id="outcome" name="outcome" required>(.*?)<\/select>/s.exec(page)![1]!;
    expect(select).toMatch(/^<option value="" selected disabled>Choose an outcome<\/option>/);
    expect(select.match(/selected/g)).toHaveLength(1);
    expect(page).toContain('id="confirmCleared"');
    const item = (await getCase(world.bot.app.db, caseId))!;
    const refused = await post(`${world.bot.url}/clinician/cases/${caseId}/close`, { version: String(item.version), outcome: '' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/outcome: choose an outcome/);
    expect((await getCase(world.bot.app.db, caseId))!.status).toBe('open');
  });

  it('tells the person who joined; the status answer then names them', async () => {
    const item = (await getCase(world.bot.app.db, caseId))!;
    const accepted = await post(`${world.bot.url}/clinician/cases/${caseId}/accept`, { version: String(item.version) });
    expect(accepted.headers.get('location')).toContain('notice=accepted');
    expect(world.connector.messagesFor(person.conversationId).map((m) => m.activity.text).join('\n')).toMatch(/Dr Sam Lee from the care team has joined/);
    world.clock.advance(2);
    const replies = texts(await person.say('when will the doctor call me?'));
    expect(replies[0]).toMatch(/go to an emergency department now/);
    expect(replies[1]).toMatch(/Dr Sam Lee from the care team picked up your case 2 minutes ago/);
  });

  it('clears an emergency for exercise only with a confirmation and a reason, both kept', async () => {
    let item = (await getCase(world.bot.app.db, caseId))!;
    const bare = await post(`${world.bot.url}/clinician/cases/${caseId}/close`, { version: String(item.version), outcome: 'cleared_to_exercise' });
    expect(bare.status).toBe(400);
    const body = await bare.text();
    expect(body).toMatch(/confirm: this is an emergency case/);
    expect(body).toMatch(/reason: write why it is safe to exercise/);
    const unconfirmed = await post(`${world.bot.url}/clinician/cases/${caseId}/close`, { version: String(item.version), outcome: 'cleared_to_exercise', reason: 'MRI normal, no cauda equina on examination' });
    expect(unconfirmed.status).toBe(400);
    item = (await getCase(world.bot.app.db, caseId))!;
    expect(item.status).toBe('accepted');
    expect(allText(await person.say('start exercises'))).not.toMatch(/How much:/);

    const closed = await post(`${world.bot.url}/clinician/cases/${caseId}/close`, { version: String(item.version), outcome: 'cleared_to_exercise', confirmCleared: 'yes', reason: 'Seen in ED today: MRI normal, no cauda equina on examination.' });
    expect(closed.headers.get('location')).toContain('notice=closed');
    const told = world.connector.messagesFor(person.conversationId).map((m) => m.activity.text ?? '');
    const left = told.findIndex((text) => /Dr Sam Lee from the care team has left this chat/.test(text));
    expect(left).toBeGreaterThan(-1);
    expect(told.slice(left).join('\n')).toMatch(/cleared you to exercise again/);

    const audit = await listAudit(world.bot.app.db, { caseId });
    expect(audit.find((entry) => entry.action === 'case.close')).toMatchObject({ actor: 'Dr Sam Lee', actorMethod: 'shared-key', detail: expect.objectContaining({ outcome: 'cleared_to_exercise', clearedFor: 'emergency', confirmed: true, reason: 'Seen in ED today: MRI normal, no cauda equina on examination.' }) });
    expect(audit.filter((entry) => entry.action === 'case.closeRefused').length).toBeGreaterThanOrEqual(3);
    const cleared = await listEvents(world.bot.app.db, person.conversationId, { types: ['clinician.cleared'] });
    expect(cleared).toEqual([expect.objectContaining({ data: expect.objectContaining({ clinician: 'Dr Sam Lee', urgency: 'emergency', confirmed: true }) })]);
    const page = await (await fetch(`${world.bot.url}/clinician/cases/${caseId}`, { headers: bearer })).text();
    expect(page).toMatch(/Cleared this emergency case for exercise, confirmed\. Reason: Seen in ED today/);
    expect(page).toMatch(/<td>Dr Sam Lee<\/td><td>shared key<\/td><td>case\.close<\/td>/);
  });

  it('after the case is closed, says so and that nobody is due to call; with no case, that nobody was asked', async () => {
    world.clock.advance(30);
    const replies = texts(await person.say('is someone going to ring me?'));
    expect(replies).toEqual([expect.stringMatching(/Your last request to the care team was closed 30 minutes ago by Dr Sam Lee \(Cleared to exercise\)\. Nobody is due to contact you now\. If you want a clinician to get in touch, say "talk to a clinician"\./)]);

    const other = world.person();
    await onboard(other);
    const none = texts(await other.say('Will someone call me?'));
    expect(none).toEqual([expect.stringMatching(/^Nobody from the care team has been asked to contact you\. If you want a clinician/)]);
    expect(await listHandoffs(world.bot.app.db, other.conversationId)).toHaveLength(0);
  });
});
