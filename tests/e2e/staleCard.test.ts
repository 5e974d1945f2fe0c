import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, buttons, handoffs, Person, startBot, type RunningBot } from '../helpers/botClient.ts';
import { listEvents } from '../../src/store/events.ts';

describe('a tap on an older card', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot('pglite');
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('does not answer the question asked now: that question comes again', async () => {
    const person = new Person(bot.url);
    await person.say('hi');
    await person.say('yes');
    await person.say('lower back');
    await person.say('4');
    await person.say('only my back');
    await person.say('over 6 weeks ago');
    await person.say('42');
    const firstFlag = await person.say('no surgery');
    expect(buttons(firstFlag)).toEqual(['Yes', 'No', 'Not sure']);
    const firstEvents = await listEvents(bot.app.db, person.conversationId, { types: ['redFlag.denied'] });
    expect(firstEvents).toHaveLength(0);
    await person.say('no');
    // A "No" tapped on the first warning-sign card again, while the second one is asked.
    const [first] = await listEvents(bot.app.db, person.conversationId, { types: ['redFlag.denied'] });
    const staleQuestion = `redFlagAnswer:${String(first?.data.flagId)}`;
    const stale = await person.post(person.activity({ type: 'message', text: 'No', value: { choice: 'no', question: staleQuestion } }));
    expect(allText(stale.activities)).toMatch(/couldn't read that/i);
    expect(buttons(stale.activities)).toEqual(['Yes', 'No', 'Not sure']);
    expect(await listEvents(bot.app.db, person.conversationId, { types: ['redFlag.denied'] })).toHaveLength(1);
    expect(handoffs(stale.activities)).toEqual([]);
  });
});
