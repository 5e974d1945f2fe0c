/**
 * A button's word inside a typed message does not outweigh what the message says (issue 17): "start"
 * in "no, I'm too sore to start" is not a yes to starting, and "fingers" in "the tingling in my
 * fingers has gone back to my wrist" is not the toes-or-fingers button. The answer recorded is what
 * a person would expect from their own words.
 */
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/bot/understand.ts';
import { createBot } from '../nlu/corpus/harness.ts';

const bot = createBot();
const read = (text: string, question: string) => understand(text, undefined, bot.questions[question], bot.nlu, question, '2026-11-27T09:00:00.000Z');

describe('typed answers to "Would you like to start today\'s exercises now?"', () => {
  it.each(["no I'm too sore to start", "I'm not ready yet", 'not ok today, too sore', "I can't go today", "don't want to start yet", 'not yet'])(
    '"%s" is a no',
    (text) => expect(read(text, 'startSession').yesNo).toBe('no'),
  );

  it.each(['ready', 'ok', 'go on then', "I wouldn't say no", 'lets get started'])('"%s" is a yes', (text) => expect(read(text, 'startSession').yesNo).toBe('yes'));

  it('a pressed button is still the button', () => {
    expect(understand('', { choice: 'yes' }, bot.questions.startSession, bot.nlu, 'startSession').yesNo).toBe('yes');
  });
});

describe('typed movement responses with a button word in them', () => {
  it('fingers named on the way back to the wrist moved toward the spine', () => {
    expect(read('the tingling in my fingers has gone back to my wrist', 'movementResponse')).toMatchObject({ movement: 'centralized' });
    expect(read('the tingling in my fingers has gone back to my wrist', 'movementResponse').toesOrFingers).toBeUndefined();
  });

  it('fingers or toes reached are still taken as reached', () => {
    expect(read('now my fingers are numb', 'movementResponse')).toMatchObject({ movement: 'peripheralized', toesOrFingers: true });
    expect(read('toes', 'movementResponse')).toMatchObject({ movement: 'peripheralized', toesOrFingers: true });
    expect(read('same, but the toes tingle a bit', 'movementResponse')).toMatchObject({ movement: 'peripheralized', toesOrFingers: true });
  });
});

describe('"gone" alone is not the eased button', () => {
  it('"pain\'s gone up a notch" is not read as eased', () => expect(read("pain's gone up a notch", 'movementResponse').movement).toBeUndefined());
  it('"the leg pain has gone" is eased', () => expect(read('the leg pain has gone', 'movementResponse').movement).toBe('centralized'));
});

describe('a question mark of doubt after an answer', () => {
  it('"so maybe 2 kilos?" is 2 kg, not a question back', () => {
    const reading = read('the surgeon said nothing more than a kettle, so maybe 2 kilos?', 'liftingLimit');
    expect(reading.kg).toBe(2);
    expect(reading.questionBack).toBeUndefined();
  });
  it('"what does 10 mean?" is still a question back', () => expect(read('what does 10 mean?', 'pain').questionBack).toBe(true));
});

describe('a lifting limit the surgeon did not give, at the screening question', () => {
  it('"nobody told me" is read as no known limit', () => expect(read('nobody told me', 'liftingLimit').unknown).toBe(true));
});
