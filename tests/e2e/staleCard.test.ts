import { describe, expect, it } from 'vitest';
import { allText, buttons, handoffs, Person } from '../helpers/botClient.ts';
import { listEvents } from '../../src/store/events.ts';
import { botForSuite } from '../helpers/suiteBot.ts';

describe('a tap on an older card', () => {
  const bot = botForSuite('pglite');

  it('does not answer the question asked now: that question comes again', async () => {
    const person = new Person(bot.url);
    const firstFlag = await person.sayInTurn('hi', 'yes', 'lower back', '4', 'only my back', 'over 6 weeks ago', '42', 'no surgery');
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
