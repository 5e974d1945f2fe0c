import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, buttons, handoffs, Person, startBot, type BotActivity, type RunningBot } from '../../helpers/botClient.ts';
import { answerSets, shownExercises } from '../../helpers/coaching.ts';
import { startFakeConnector, type FakeConnector } from '../../helpers/fakeConnector.ts';
import { onboard } from '../../helpers/onboarding.ts';
import { realContent } from '../../helpers/content.ts';
import * as clinicianStore from '../../../src/clinician/store.ts';

// Issue 16 item 10: the care pathway, on both engines (the clinician's changes go through the console and the store).
const TOKEN = 'pathway-test-token-0123456789';
const DAY = 86_400_000;

describe.each(['pglite', 'postgres'] as const)('the care pathway, over HTTP (%s)', (engine) => {
  let bot: RunningBot;
  let connector: FakeConnector;
  let clock = new Date('2026-03-02T08:00:00Z');
  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await startBot(engine, { CLINICIAN_TOKEN: TOKEN }, () => clock, undefined, { cron: false });
  });
  afterAll(async () => {
    await bot.stop();
    await connector.stop();
  });

  const auth = { authorization: `Bearer ${TOKEN}`, 'x-clinician-name': 'Dr Sam Lee' };
  /** The person asks for a clinician, which opens a case; returns its id. */
  async function caseFor(person: Person): Promise<number> {
    await person.say('can I talk to someone');
    await bot.app.clinician.service.wake();
    const item = (await clinicianStore.listLiveCases(bot.app.db)).find((c) => c.conversationId === person.conversationId);
    if (!item) throw new Error('no case');
    return item.id;
  }
  async function changePlan(caseId: number, fields: [string, string][]): Promise<Response> {
    return fetch(`${bot.url}/clinician/cases/${caseId}/plan`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([['csrf', 'bearer'], ...fields]).toString(),
      redirect: 'manual',
    });
  }
  const sentTo = (person: Person) => connector.received.filter((r) => r.conversationId === person.conversationId).map((r) => r.activity.text ?? '').join('\n');

  it('makes a routine referral before exercise when no one has diagnosed it', async () => {
    clock = new Date('2026-03-02T08:00:00Z');
    const person = new Person(bot.url);
    const seen: BotActivity[] = await onboard(person, { onset: 'months ago', diagnosedBy: 'no one yet, I think it is a disc' });
    const [handoff] = handoffs(seen);
    expect(handoff?.value).toMatchObject({ urgency: 'routine', reasons: ['pathway.undiagnosed'] });
    expect(handoff?.value.summary).toMatch(/not yet diagnosed by a doctor or physio/);
    expect(allText(seen)).toMatch(/asked the care team to get in touch/i);
    expect(seen.flatMap((a) => a.text?.startsWith('Exercise ') ? [a] : [])).toEqual([]);
  });

  it('never offers lying face down in pregnancy', async () => {
    clock = new Date('2026-03-09T08:00:00Z');
    const person = new Person(bot.url);
    await onboard(person, { onset: 'months ago', pregnant: 'yes, 20 weeks' });
    const { headers } = await answerSets(person, await person.say('start'), 'only my back is a bit sore');
    expect(headers.join('\n')).not.toMatch(/Lying face down/);
    expect(headers[0]).toMatch(/Standing back bends/);
  });

  it('never offers bending forward under load with thin bones, even on the flexion path', async () => {
    clock = new Date('2026-03-16T08:00:00Z');
    const person = new Person(bot.url);
    person.serviceUrl = connector.serviceUrl;
    // Onboard by hand: "yes" to the thin-bones question of the screening.
    for (const text of ['hi', 'yes', 'lower back', '5', 'down to my calf', 'just the left', 'months ago', '42', 'no surgery']) await person.say(text);
    let replies = await person.say('no');
    for (let i = 0; i < 40 && !/is that right/i.test(allText(replies)); i++) replies = await person.say(/thin bones/i.test(allText(replies)) ? 'yes' : 'no');
    for (const text of ['yes', 'my GP', 'no', 'no']) replies = await person.say(text);
    expect(buttons(replies)).toContain('Start exercises');
    const id = await caseFor(person);
    expect((await changePlan(id, [['change', 'direction'], ['direction', 'flexion']])).status).toBe(303);
    const stages: string[] = [];
    for (let day = 0; day < 6; day++) {
      clock = new Date(Date.parse('2026-03-16T08:00:00Z') + (day + 1) * DAY);
      const { headers } = await answerSets(person, await person.say('start'), 'my calf feels better, it moved up toward my back', { reach: 'below my knee', sets: 1 });
      stages.push(headers[0]!);
    }
    expect(stages.every((h) => /Bending forward, building from lying to standing — Both knees to chest, lying/.test(h))).toBe(true);
  });

  it('lets a clinician set the phase, the direction and what to avoid, and discharge to the maintenance plan', async () => {
    clock = new Date('2026-04-06T08:00:00Z');
    const person = new Person(bot.url);
    person.serviceUrl = connector.serviceUrl;
    await onboard(person, { onset: 'months ago' });
    const id = await caseFor(person);
    const page = await fetch(`${bot.url}/clinician/cases/${id}/plan`, { headers: auth });
    expect(await page.text()).toMatch(/Change the programme/);

    // A form that does not validate changes nothing.
    expect((await changePlan(id, [['change', 'phase'], ['phase', 'sideways']])).status).toBe(400);

    expect((await changePlan(id, [['change', 'avoid'], ['avoid', 'extension'], ['avoid', 'prone']])).status).toBe(303);
    expect(sentTo(person)).toMatch(/Dr Sam Lee from the care team has asked me to leave out some movements/);
    let session = await answerSets(person, await person.say('start'), 'only my back is a bit sore', { reach: 'below my knee' });
    expect(session.headers.join('\n')).not.toMatch(/Lying face down|Standing back bends/);
    expect(session.headers[0]).toMatch(/Bending forward, building from lying to standing/);

    expect((await changePlan(id, [['change', 'phase'], ['phase', 'later']])).status).toBe(303);
    expect(sentTo(person)).toMatch(/moved you to the later part of the programme/);
    clock = new Date(Date.parse('2026-04-06T08:00:00Z') + DAY);
    session = await answerSets(person, await person.say('start'), 'only my back is a bit sore', { reach: 'below my knee' });
    expect(session.headers.join('\n')).toMatch(/Bending forward again, step by step/);

    expect((await changePlan(id, [['change', 'discharge']])).status).toBe(400);
    expect((await changePlan(id, [['change', 'discharge'], ['confirm', 'yes']])).status).toBe(303);
    expect(sentTo(person)).toMatch(/discharged you to your maintenance plan/);
    clock = new Date(Date.parse('2026-04-06T08:00:00Z') + 2 * DAY);
    const maintenance = realContent().plans.find((p) => p.id === 'lumbar-maintenance')!;
    session = await answerSets(person, await person.say('start'), 'only my back is a bit sore', { reach: 'below my knee' });
    const names = maintenance.blocks.flatMap((b) => b.exercises).map((eid) => realContent().exercises.byId[eid]!.name);
    expect(session.headers.length).toBeGreaterThan(0);
    for (const header of session.headers) expect(names.some((name) => header.includes(name))).toBe(true);
    expect(shownExercises(session.replies).join('\n')).not.toMatch(/Lying face down/);
  });

  it('answers short questions on pain relief, traction, hands-on treatment and finding a physio', async () => {
    const person = new Person(bot.url);
    await person.say('hi');
    await person.say('yes');
    const titles = Object.fromEntries(realContent().education.map((p) => [p.id, p.title]));
    for (const [question, id] of [
      ['which painkillers should I take?', 'medication'],
      ['would traction help my back?', 'traction'],
      ['is massage any good for this?', 'manual-therapy'],
      ['how do I find a good physio?', 'finding-a-physio'],
    ] as const) {
      const replies = await person.say(question);
      expect(allText(replies)).toContain(titles[id]);
      expect(allText(replies)).toMatch(/which part of your spine/i);
    }
  });
});
