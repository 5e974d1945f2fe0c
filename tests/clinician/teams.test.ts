import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, handoffs } from '../helpers/botClient.ts';
import { onboard } from '../helpers/onboarding.ts';
import { startFakeWebhook } from '../helpers/fakeWebhook.ts';
import { listEvents } from '../../src/store/events.ts';
import { cardPostsOf, listAudit, listLiveCases, getCase } from '../../src/clinician/store.ts';
import { careTeamChannel, openCase, pairingCode, startClinicianWorld, type ClinicianWorld } from './harness.ts';

const EMERGENCY = "Since yesterday I can't feel anything when I wipe after the toilet";

type Card = { contentType: string; content: { version: string; body: any[]; actions: any[] } };
const cardsIn = (world: ClinicianWorld, conversationId: string) =>
  world.connector.messagesFor(conversationId).flatMap((item) => ((item.activity.attachments as Card[] | undefined) ?? []).map((card) => ({ card, activity: item.activity })));
const cardText = (card: Card) => JSON.stringify(card.content);

describe('Teams care-team channel', () => {
  let world: ClinicianWorld;
  let escalation: Awaited<ReturnType<typeof startFakeWebhook>>;
  let channel: ReturnType<typeof careTeamChannel>;

  beforeAll(async () => {
    escalation = await startFakeWebhook();
    world = await startClinicianWorld({ HANDOFF_ACCEPT_MINUTES: '10', HANDOFF_ACCEPT_MINUTES_URGENT: '60', ESCALATION_CONTACT_URL: escalation.url });
    channel = careTeamChannel(world.bot.url, world.connector.serviceUrl);
  });
  afterAll(async () => {
    await world.stop();
    await escalation.close();
  });

  it('asks for a code from the console before a channel receives handoffs, and refuses a wrong one', async () => {
    const bare = await channel.say('use this channel for handoffs');
    expect(allText(bare.activities)).toMatch(/clinician console/i);
    const wrong = await channel.say('use this channel for handoffs ABCD-EFGH');
    expect(allText(wrong.activities)).toMatch(/not valid or has expired/i);
    // The channel was not onboarded as a patient.
    expect(allText(bare.activities)).not.toMatch(/consent|agree/i);
  });

  it('registers the channel with a code, then posts an Adaptive Card 1.5 for an emergency handoff', async () => {
    const code = await pairingCode(world.bot.url);
    const registered = await channel.say(`use this channel for handoffs ${code}`);
    expect(allText(registered.activities)).toMatch(/now receives the care team's handoff cards/i);
    // A code works once.
    expect(allText((await channel.say(`use this channel for handoffs ${code}`)).activities)).toMatch(/not valid/i);

    const person = world.person();
    await onboard(person);
    const replies = await person.say(EMERGENCY);
    expect(handoffs(replies)[0]?.value.urgency).toBe('emergency');
    await world.bot.app.clinician.service.wake();

    const cards = cardsIn(world, channel.channelId);
    expect(cards).toHaveLength(1);
    const { card, activity } = cards[0]!;
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content.version).toBe('1.5');
    const text = cardText(card);
    // Marked in words (and an icon), not only by colour; the notification text says it too.
    expect(text).toMatch(/🚨 EMERGENCY: new handoff, case #\d+/);
    expect(String(activity.summary)).toMatch(/EMERGENCY/);
    expect(text).toMatch(/go to an emergency department now/);
    // Reasons in plain words (the red-flag label from content), region, summary, pain trend.
    expect(text).toContain('Changed feeling in the saddle area');
    expect(text).toContain('lumbar');
    expect(text).toMatch(/wipe/);
    expect(text).toContain('6/10');
    const [caseRow] = await listLiveCases(world.bot.app.db);
    expect(card.content.actions).toEqual([
      expect.objectContaining({ type: 'Action.Submit', title: 'Accept case', data: { clinicianAction: 'accept', caseId: caseRow!.id } }),
      expect.objectContaining({ type: 'Action.OpenUrl', title: 'Open record', url: `https://coach.example.org/clinician/cases/${caseRow!.id}` }),
    ]);
  });

  it('re-notifies an emergency not accepted in time, then escalates to the fallback contact; the person is never told someone is coming', async () => {
    const { person, item } = await openCase(world, "I've started leaking urine and need pads");
    const cardsFor = () => cardsIn(world, channel.channelId).filter(({ card }) => cardText(card).includes(`case #${item.id}`));
    expect(cardsFor()).toHaveLength(1);

    world.clock.advance(9);
    await world.bot.app.clinician.service.wake();
    expect(cardsFor()).toHaveLength(1);

    world.clock.advance(2); // 11 minutes: past the 10-minute window
    await world.bot.app.clinician.service.wake();
    expect(cardsFor()).toHaveLength(2);
    expect(cardText(cardsFor()[1]!.card)).toMatch(/REMINDER, case #\d+ is not accepted after 11 minutes/);
    const escalationsFor = () => (escalation.received as { caseId: number }[]).filter((e) => e.caseId === item.id);
    expect(escalationsFor()).toHaveLength(0);

    world.clock.advance(10);
    await world.bot.app.clinician.service.wake();
    expect(cardsFor()).toHaveLength(3);
    expect(cardText(cardsFor()[2]!.card)).toMatch(/ESCALATED/);
    expect(escalationsFor()).toEqual([expect.objectContaining({ kind: 'handoff.escalation', caseId: item.id, urgency: 'emergency', reasonLabels: [expect.stringMatching(/bladder|urine/i)] })]);
    // The person hears "don't wait for us", never "a clinician is coming".
    const toPerson = world.connector.messagesFor(person.conversationId).map((m) => String(m.activity.text ?? ''));
    expect(toPerson.join('\n')).toMatch(/do not wait for us/i);
    expect(toPerson.join('\n')).not.toMatch(/joined|is coming|on (their|the) way/i);
    const audit = await listAudit(world.bot.app.db, { caseId: item.id });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['case.opened', 'case.reminded', 'case.escalated']));

    // Reminders go on while nobody accepts; a second escalation does not happen.
    world.clock.advance(10);
    await world.bot.app.clinician.service.wake();
    expect(cardsFor()).toHaveLength(4);
    expect(escalationsFor()).toHaveLength(1);
  });

  it('accepts from the card: the person is told who joined, with a handoff.status "accepted"; a second accept changes nothing', async () => {
    const { person, item } = await openCase(world, 'both my legs have gone weak and I keep falling');

    // The same card value from the person's own chat is not a care-team action.
    await person.post(person.activity({ type: 'message', value: { clinicianAction: 'accept', caseId: item.id } }));
    expect((await getCase(world.bot.app.db, item.id))!.status).toBe('open');

    const accepted = await channel.submit({ clinicianAction: 'accept', caseId: item.id });
    expect(allText(accepted.activities)).toMatch(new RegExp(`Case #${item.id} accepted by Dr Sam Lee`));
    expect((await getCase(world.bot.app.db, item.id))!.status).toBe('accepted');
    const received = world.connector.messagesFor(person.conversationId).map((m) => m.activity);
    expect(received.map((a) => a.text).join('\n')).toMatch(/Dr Sam Lee from the care team has joined/);
    expect(received).toContainEqual(expect.objectContaining({ type: 'event', name: 'handoff.status', value: { state: 'accepted' } }));

    const again = await channel.submit({ clinicianAction: 'accept', caseId: item.id }, { id: '29:other', name: 'Dr Other' });
    expect(allText(again.activities)).toMatch(/already accepted by Dr Sam Lee\. Nothing was changed/);
    expect((await getCase(world.bot.app.db, item.id))!.clinician).toBe('Dr Sam Lee');

    // Forged and malformed values change nothing.
    expect(allText((await channel.submit({ clinicianAction: 'accept', caseId: 999999 })).activities)).toMatch(/no open case #999999/i);
    expect(allText((await channel.submit({ clinicianAction: 'delete', caseId: item.id })).activities)).toMatch(/could not be read/i);

    // The person's reply comes back to the channel; the clinician answers from the card.
    await person.say('I am at home, my partner can drive me');
    await world.bot.app.clinician.service.wake();
    const relay = cardsIn(world, channel.channelId).filter(({ card }) => cardText(card).includes('the person wrote'));
    expect(cardText(relay.at(-1)!.card)).toContain('my partner can drive me');
    const sent = await channel.submit({ clinicianAction: 'message', caseId: item.id, message: 'Please go to A&E now, I have called ahead.' });
    expect(allText(sent.activities)).toMatch(/Sent to the person/);
    expect(world.connector.messagesFor(person.conversationId).map((m) => m.activity.text)).toContain('Dr Sam Lee (care team): Please go to A&E now, I have called ahead.');
    const logged = await listEvents(world.bot.app.db, person.conversationId, { types: ['clinician.message'] });
    expect(logged).toHaveLength(1);
  });

  it('does not re-notify an urgent case inside its own (longer) window', async () => {
    const { person, item } = await openCase(world, 'my left foot keeps dragging on the ground when I walk');
    expect(item.urgency).toBe('urgent');
    world.clock.advance(30);
    await world.bot.app.clinician.service.wake();
    expect(cardsIn(world, channel.channelId).filter(({ card }) => cardText(card).includes(`case #${item.id}`))).toHaveLength(1);
    world.clock.advance(31); // past the 60-minute urgent window
    await world.bot.app.clinician.service.wake();
    const cards = cardsIn(world, channel.channelId).filter(({ card }) => cardText(card).includes(`case #${item.id}`));
    expect(cards).toHaveLength(2);
    expect(cardText(cards[1]!.card)).toMatch(/⚠️ URGENT: REMINDER/);
  });
  it('updates the card in place after accept and close; closing asks for an outcome, and clearing an emergency for a confirmation and a reason', async () => {
    const { person, item } = await openCase(world, EMERGENCY);
    const [post] = await cardPostsOf(world.bot.app.db, item.id);
    expect(post).toMatchObject({ target: `teams:${channel.channelId}`, kind: 'new' });
    const posted = world.connector.received[Number(post!.activityId.slice(2)) - 1]!;
    expect(cardText((posted.activity.attachments as Card[])[0]!)).toContain(`case #${item.id}`);
    const updatesOf = () => world.connector.updated.filter((u) => u.activityId === post!.activityId);

    expect(allText((await channel.submit({ clinicianAction: 'accept', caseId: item.id })).activities)).toMatch(new RegExp(`Case #${item.id} accepted by Dr Sam Lee`));
    await world.bot.app.clinician.service.wake();
    expect(updatesOf()).toHaveLength(1);
    const accepted = (updatesOf()[0]!.activity.attachments as Card[])[0]!;
    expect(cardText(accepted)).toMatch(new RegExp(`case #${item.id} accepted by Dr Sam Lee at \\d\\d:\\d\\d`));
    const inputs = JSON.stringify(accepted.content.body);
    const outcome = accepted.content.body.find((element: { id?: string }) => element.id === 'outcome');
    expect(outcome).toMatchObject({ type: 'Input.ChoiceSet', isRequired: true });
    expect(outcome.value).toBeUndefined();
    expect(inputs).toContain('"id":"confirmCleared"');
    expect(inputs).toContain('"id":"reason"');
    expect(accepted.content.actions.map((a: { data?: { clinicianAction?: string } }) => a.data?.clinicianAction)).toEqual(expect.arrayContaining(['close']));
    expect(accepted.content.actions.map((a: { data?: { clinicianAction?: string } }) => a.data?.clinicianAction)).not.toContain('accept');

    // Teams sends every input of the card with the button: an empty choice, an unticked toggle.
    const version = (await getCase(world.bot.app.db, item.id))!.version;
    const close = (fields: Record<string, unknown>) => channel.submit({ clinicianAction: 'close', caseId: item.id, version, message: '', note: '', outcome: '', confirmCleared: 'false', reason: '', ...fields });
    expect(allText((await close({})).activities)).toMatch(new RegExp(`Choose an outcome to close case #${item.id}\\. Nothing was changed`));
    expect(allText((await close({ outcome: 'cleared_to_exercise', reason: 'MRI normal, examined in ED' })).activities)).toMatch(/is emergency: to clear it for exercise, tick the confirmation and write why it is safe\. Nothing was changed/);
    expect((await getCase(world.bot.app.db, item.id))!.status).toBe('accepted');

    // This time Teams refuses to update the card (deleted, say): the new state is posted as a message.
    world.connector.script(channel.channelId, { status: 404 });
    const closed = await close({ outcome: 'cleared_to_exercise', confirmCleared: 'true', reason: 'MRI normal, examined in ED; no cauda equina.' });
    expect(allText(closed.activities)).toMatch(new RegExp(`Case #${item.id} closed by Dr Sam Lee: Cleared to exercise`));
    await world.bot.app.clinician.service.wake();
    expect(updatesOf()).toHaveLength(1);
    const fallback = world.connector.messagesFor(channel.channelId).map((m) => m.activity.text ?? '').filter((text) => text.startsWith(`Case #${item.id} is now`));
    expect(fallback).toEqual([`Case #${item.id} is now closed by Dr Sam Lee: Cleared to exercise.`]);
    const toPerson = world.connector.messagesFor(person.conversationId).map((m) => m.activity.text ?? '').join('\n');
    expect(toPerson).toMatch(/Dr Sam Lee from the care team has left this chat/);
    expect(toPerson).toMatch(/cleared you to exercise again/);
    const audit = await listAudit(world.bot.app.db, { caseId: item.id });
    expect(audit.find((entry) => entry.action === 'case.closed')).toMatchObject({ actorMethod: 'teams', actorId: channel.clinician.aadObjectId, detail: expect.objectContaining({ via: 'teams', clearedFor: 'emergency', confirmed: true }) });
    expect(audit.filter((entry) => entry.action === 'case.closeRefused')).toHaveLength(2);
  });
});
