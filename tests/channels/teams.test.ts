import { describe, expect, it } from 'vitest';
import { buttons, texts, type BotActivity } from '../helpers/botClient.ts';
import { onboardingAnswer, teamsPerson } from './teamsReplay.ts';
import { botForSuite } from '../helpers/suiteBot.ts';

/** The exercise card (a card of warning-sign questions is a card too, issue 16). */
const cardOf = (activities: BotActivity[]) =>
  activities.flatMap((a) => a.attachments ?? []).find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive' && /Exercise \d+ of/.test(JSON.stringify(a.content)));

describe('Teams activities replayed against /api/messages', () => {
  const bot = botForSuite('pglite');

  it('install greets once, with the consent question', async () => {
    const person = teamsPerson(bot.url);
    const [added, installed] = person.installActivities();
    const first = await person.post(added);
    expect(first.status).toBe(200);
    const second = await person.post(installed);
    expect(second.status).toBe(200);
    const greeting = [...first.activities, ...second.activities];
    expect(texts(greeting).length).toBeGreaterThan(0);
    expect(buttons(greeting)).toContain('Yes, I agree');
    expect(texts(greeting).filter((text) => text.includes('Do you agree')).length).toBe(1);
  });

  it('install where Teams lists the person too still greets once', async () => {
    const person = teamsPerson(bot.url);
    const [added, installed] = person.installActivities() as unknown as [Record<string, unknown>, Record<string, unknown>];
    added.membersAdded = [{ id: person.bot.id }, { id: person.user.id }];
    const greeting = [...(await person.post(added)).activities, ...(await person.post(installed)).activities];
    expect(texts(greeting).filter((text) => text.includes('Do you agree')).length).toBe(1);
  });

  it('a personal message, a card submit and an exercise card answered through to a movement response; uninstall is acknowledged', async () => {
    const person = teamsPerson(bot.url);
    for (const activity of person.installActivities()) await person.post(activity);
    let reply = await person.post(person.message('yes'));
    expect(reply.status).toBe(200);
    expect(texts(reply.activities).join('\n')).toMatch(/spine/i);
    // A card submit: Action.Submit data arrives as `value: { choice }`, with no text.
    reply = await person.post(person.submit({ choice: 'lumbar', question: 'region' }));
    expect(reply.status).toBe(200);
    expect(texts(reply.activities).join('\n')).toMatch(/0 \(no pain\)|0 to 10|from 0/i);
    let card = cardOf(reply.activities);
    for (let turn = 0; turn < 30 && !card; turn++) {
      // A card of warning-sign questions (issue 16) has its buttons on the card, not as suggested actions.
      const onCards = reply.activities.flatMap((a) => (a.attachments ?? []).flatMap((att) => ((att.content?.actions ?? []) as { title: string }[]).map((action) => action.title)));
      const answer = onboardingAnswer([...buttons(reply.activities), ...onCards]);
      expect(answer, `no answer for: ${texts(reply.activities).join(' / ')} [${buttons(reply.activities).join(', ')}]`).toBeDefined();
      reply = await person.post(person.message(answer!));
      expect(reply.status).toBe(200);
      card = cardOf(reply.activities);
    }
    expect(card, 'an exercise card').toBeDefined();
    const content = card!.content;
    expect(content).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(JSON.stringify(content.body)).toMatch(/Exercise 1 of/);
    const actions = content.actions as { type: string; title: string; data: any }[];
    expect(actions.every((action) => action.type === 'Action.Submit')).toBe(true);
    // Teams gets plain data (Web Chat's messageBack wrapper is for Web Chat only).
    const noChange = actions.find((action) => action.data?.choice === 'no_change');
    expect(noChange?.data).toEqual({ choice: 'no_change', question: 'movementResponse' });
    reply = await person.post(person.submit(noChange!.data));
    expect(reply.status).toBe(200);
    expect(texts(reply.activities).length + reply.activities.filter((a) => a.attachments?.length).length).toBeGreaterThan(0);
    const gone = await person.post(person.uninstall());
    expect(gone.status).toBe(200);
    expect(gone.activities).toEqual([]);
  });

  it('a typed answer works where a button is offered, and Teams-shaped ids survive a round trip', async () => {
    const person = teamsPerson(bot.url);
    for (const activity of person.installActivities()) await person.post(activity);
    await person.post(person.message('yes'));
    const reply = await person.post(person.message('my lower back'));
    expect(reply.status).toBe(200);
    expect(texts(reply.activities).join('\n')).toMatch(/0 to 10|from 0/i);
    const again = await person.post(person.message('6/10'));
    expect(texts(again.activities).join('\n')).toMatch(/reach/i);
  });
});
