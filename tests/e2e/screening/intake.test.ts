/**
 * Issue 16 items 3, 4, 5 and 11 from outside, over HTTP on both engines: cord compression asked in
 * every region, surgery taken in and read back, questions that cannot trap, and a screening people
 * finish (a card per urgency tier on a card channel, one answer corrected from the read-back).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, buttons, handoffs, type BotActivity, type Person } from '../../helpers/botClient.ts';
import { onboard } from '../../helpers/onboarding.ts';
import { replyText } from '../../helpers/coaching.ts';
import { listEvents } from '../../../src/store/events.ts';
import { startWorld, type World } from './world.ts';

/** The card of warning-sign questions in the replies, if any. */
const groupCard = (replies: BotActivity[]) =>
  replies.flatMap((a) => a.attachments ?? []).find((att) => JSON.stringify(att.content ?? {}).includes('"Input.ChoiceSet"'))?.content as
    | { body: { type: string; id?: string; choices?: { title: string; value: string }[] }[]; actions: { title: string; data: Record<string, string> }[] }
    | undefined;

describe.each(['pglite', 'postgres'] as const)('screening, over HTTP (%s)', (engine) => {
  let world: World;
  let clock = new Date('2026-11-27T08:00:00Z');
  beforeAll(async () => {
    world = await startWorld(engine, {}, () => clock);
  });
  afterAll(async () => {
    await world.stop();
  });

  /** Consent, region, pain, spread (and side), onset: the replies to the last one (the age question). */
  async function intake(person: Person, region: string, reach: string, sides?: string) {
    for (const text of ['hi', 'yes', region, '5', reach]) await person.say(text);
    if (sides) await person.say(sides);
    return person.say('3 weeks ago');
  }

  /** "No" to every warning-sign question; every text seen on the way. */
  async function denyAll(person: Person, first: BotActivity[]) {
    let replies = first;
    const seen = [...first];
    for (let i = 0; i < 40 && !/is that right/i.test(allText(replies)); i++) {
      replies = await person.say('no');
      seen.push(...replies);
    }
    return seen;
  }

  describe('cord compression in every region (item 3)', () => {
    it('asks a neck screening about bladder, bowel and the saddle', async () => {
      const person = world.person();
      await intake(person, 'neck', 'only my neck');
      await person.say('45');
      const seen = allText(await denyAll(person, await person.say('no')));
      expect(seen).toMatch(/trouble starting to pee/);
      expect(seen).toMatch(/accidents with your bowels/);
      expect(seen).toMatch(/when you wipe yourself/);
      expect(seen).toMatch(/hands become clumsy/);
    });

    it('refers a neck problem in both arms as urgent', async () => {
      const person = world.person();
      for (const text of ['hi', 'yes', 'neck', '5', 'into my arm and hand']) await person.say(text);
      const replies = await person.say('both arms');
      const [event] = handoffs(replies);
      expect(event?.value.urgency).toBe('urgent');
      expect(event?.value.reasons).toEqual(['myelopathy.both-arms']);
      expect(allText(replies)).toMatch(/today/);
    });

    it('takes "around my ribs" as the mid back\'s spread and reads it back; the daily question names the mid back\'s signs', async () => {
      clock = new Date('2026-11-27T08:00:00Z');
      const person = world.person();
      const seen = await onboard(person, { region: 'middle back', reach: 'it wraps around my ribs', sides: 'one side', onset: '3 weeks ago' });
      expect(allText(seen)).toMatch(/middle back, reaching around the ribs, chest or belly on one side/);
      clock = new Date('2026-11-28T08:00:00Z');
      const started = await world.bot.app.bot.proactiveTurn(person.conversationId, () => [{ type: 'CHECK_IN', at: clock.toISOString() }]);
      expect(replyText(started?.replies)).toMatch(/pain/i);
      let replies = await person.say('3');
      for (let i = 0; i < 6 && !/since we last spoke/i.test(allText(replies)); i++) replies = await person.say('not today');
      expect(allText(replies)).toMatch(/numb, stiff or weak legs, a tight band of pain around your chest/);
    });
  });

  describe('surgery taken in properly (item 4)', () => {
    it('asks about any spine surgery, its kind, when and the lifting limit, reads each back, and coaching does not ask the limit again', async () => {
      clock = new Date('2026-11-27T08:00:00Z');
      const person = world.person();
      await intake(person, 'lower back', 'down to my calf', 'just the left');
      expect(allText(await person.say('52'))).toMatch(/Have you ever had spine surgery\?/);
      expect(allText(await person.say('yes'))).toMatch(/Which operation was it\?/);
      expect(buttons(await person.say('a microdiscectomy'))).toContain('About a week ago');
      const limit = await person.say('About a week ago');
      expect(allText(limit)).toMatch(/kg, pounds or stone/);
      expect(allText(await person.say('10 kg (22 lb)'))).toMatch(/your surgeon's limit is 10 kg \(about 22 lb\)\. .*ask again on 2027-01-01/);
      const seen = allText(await denyAll(person, await person.say('no')));
      expect(seen).toMatch(
        /lower back, reaching below the knee on one side, started 2 to 6 weeks ago, pain 5 out of 10, age 52, a disc removal \(discectomy\) about a week ago \(7 days\), lifting limit 10 kg \(about 22 lb\)\./,
      );
      const logged = await listEvents(world.bot.app.db, person.conversationId, { types: ['liftingLimit.given', 'screening.answer'] });
      expect(logged.find((e) => e.type === 'liftingLimit.given')?.data).toMatchObject({ kg: 10, until: '2027-01-01' });
      expect(logged.find((e) => e.data.question === 'surgeryWhen')?.data).toMatchObject({ days: 7 });
      let replies = await person.say('yes');
      for (let i = 0; i < 6 && !/start today's exercises/i.test(allText(replies)); i++) replies = await person.say(/who told you/i.test(allText(replies)) ? 'my GP' : 'no');
      const session = await person.say('start');
      expect(allText(session)).not.toMatch(/how much you may lift/i);
    });
    it('reads back a typed "10 days ago" as about a week and "20 lbs" in kilograms (the answer parsers, issue 17)', async () => {
      clock = new Date('2026-11-27T08:00:00Z');
      const person = world.person();
      await intake(person, 'lower back', 'down to my calf', 'just the left');
      await person.say('52');
      await person.say('yes');
      await person.say('a microdiscectomy');
      expect(allText(await person.say('10 days ago'))).toMatch(/kg, pounds or stone/);
      expect(allText(await person.say('no more than 20 lbs'))).toMatch(/your surgeon's limit is 9\.1 kg \(about 20 lb\)/);
      const seen = allText(await denyAll(person, await person.say('no')));
      expect(seen).toMatch(/a disc removal \(discectomy\) about a week ago \(10 days\), lifting limit 9\.1 kg \(about 20 lb\)\./);
    });
  });

  describe('questions that cannot trap (item 5)', () => {
    it('asks age on its own: 17 refers soon, 67 asks whether the pain is new', async () => {
      const young = world.person();
      expect(allText(await intake(young, 'lower back', 'only my back'))).toMatch(/How old are you\?/);
      const referral = await young.say("I'm 17");
      expect(handoffs(referral)[0]?.value).toMatchObject({ urgency: 'soon', reasons: ['soon.age-under-20'] });
      const older = world.person();
      await intake(older, 'lower back', 'only my back');
      await older.say('67');
      expect(allText(await denyAll(older, await older.say('no')))).toMatch(/Is this the first time you have had this kind of back or neck pain\?/);
    });

    it('meets "not sure" to the saddle question with the tissue self-check, then same-day contact and a hold', async () => {
      const person = world.person();
      await intake(person, 'lower back', 'only my back');
      await person.say('40');
      const first = await person.say('no');
      expect(buttons(first)).toEqual(['Yes', 'No', 'Not sure']);
      const guided = await person.say("I'm not sure");
      expect(allText(guided)).toMatch(/clean tissue/);
      expect(allText(guided)).not.toMatch(/didn't catch/i);
      expect(buttons(guided)).toEqual(["Yes, it's there", "No, it's normal", 'Still not sure']);
      const still = await person.say('still not sure');
      expect(handoffs(still)[0]?.value).toMatchObject({ urgency: 'urgent', reasons: ['ces.saddle-numbness'] });
      expect(allText(still)).toMatch(/seen by a doctor today/);
      expect(allText(await person.say('start exercises'))).not.toMatch(/How much:/);
    });

    it('never answers a warning-sign question with "Sorry, I didn\'t catch that", and offers "Does not apply to me" for sex', async () => {
      const person = world.person();
      await intake(person, 'lower back', 'only my back');
      await person.say('40');
      await person.say('no');
      const unclear = await person.say('purple elephants');
      expect(allText(unclear)).not.toMatch(/didn't catch/i);
      expect(allText(unclear)).toMatch(/about your safety/);
      let replies = unclear;
      for (let i = 0; i < 10 && !/during sex/i.test(allText(replies)); i++) replies = await person.say('no');
      expect(buttons(replies)).toContain('Does not apply to me');
      const next = await person.say('does not apply to me');
      const denied = await listEvents(world.bot.app.db, person.conversationId, { types: ['redFlag.denied'] });
      expect(denied.find((e) => e.data.flagId === 'ces.sexual')?.data).toMatchObject({ answer: 'not_applicable' });
      expect(handoffs(next)).toEqual([]);
    });
  });

  describe('a screening people finish (item 11)', () => {
    /** A person on a card channel (Teams), whose buttons send `value` and no text. */
    const teams = (person: Person) => ({
      say: async (text: string) => (await person.post(person.activity({ type: 'message', text, channelId: 'msteams' }))).activities,
      submit: async (value: Record<string, string>) => (await person.post(person.activity({ type: 'message', value, channelId: 'msteams' }))).activities,
    });

    it('shows a tier\'s warning-sign questions as one card of toggles, "None of these" in one tap, a ticked one referred', async () => {
      const person = world.person();
      const card = teams(person);
      for (const text of ['hi', 'yes', 'lower back', '5', 'down to my calf', 'just the left', '3 weeks ago', '40']) await card.say(text);
      const first = await card.say('no surgery');
      const cauda = groupCard(first);
      expect(cauda).toBeDefined();
      const toggles = cauda!.body.find((element) => element.type === 'Input.ChoiceSet')!;
      expect(toggles.choices).toHaveLength(8);
      expect(toggles.choices!.map((c) => c.title)).toContain('Have you had any accidents with your bowels, or lost the feeling that you need to do a poo?');
      const none = cauda!.actions.find((a) => a.title === 'None of these')!;
      const second = await card.submit(none.data);
      const denied = await listEvents(world.bot.app.db, person.conversationId, { types: ['redFlag.denied'] });
      expect(denied).toHaveLength(8);
      const sameDay = groupCard(second)!;
      const send = sameDay.actions.find((a) => a.title === 'Send the ticked ones')!;
      const ticked = await card.submit({ ...send.data, selected: 'infection.fever' });
      expect(handoffs(ticked)[0]?.value).toMatchObject({ urgency: 'urgent', reasons: ['infection.fever'] });
    });

    it('corrects one answer from the read-back, without the questions again', async () => {
      const person = world.person();
      const seen = await onboard(person, {}, async () => person.say('Change the pain score'));
      expect(allText(seen.slice(-1))).toMatch(/How bad is the pain right now/);
      const again = await person.say('3');
      expect(allText(again)).toMatch(/pain 3 out of 10, age 42, no spine surgery\.\s+Is that right\?/);
      expect(allText(again)).not.toMatch(/when you wipe/);
      expect(allText(await person.say('yes'))).toMatch(/Who told you/);
    });
  });
});
