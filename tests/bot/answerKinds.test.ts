/**
 * What the coach takes from a typed answer, by the kind of question (issue 17): an amount the
 * person does not know is not read from a pronoun ("they never gave me one" is no 1 kg limit).
 */
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/bot/understand.ts';
import { createBot } from '../nlu/corpus/harness.ts';

const bot = createBot();
const read = (text: string, question: string) => understand(text, undefined, bot.questions[question], bot.nlu, question, '2026-11-27T09:00:00.000Z');

describe('the surgeon\'s lifting limit', () => {
  it.each(['they never gave me one', "nobody gave me one", "the surgeon didn't give me one"])('"%s" is not known, and no weight', (text) => {
    const understanding = read(text, 'liftingLimit');
    expect(understanding.unknown).toBe(true);
    expect(understanding.kg).toBeUndefined();
  });

  it('a bare number is still the limit in kilos', () => expect(read('5', 'liftingLimit').kg).toBe(5));
});

describe('the response after a set, told beside a question', () => {
  it.each([
    ['Did the press ups, leg was the same.', 'no_change'],
    ["leg felt lighter!! pain's only in my back now, is that the good kind?", 'centralized'],
  ])('"%s" is %s', (text, movement) => {
    const understanding = read(text, 'movementResponse');
    expect(understanding.movement).toBe(movement);
    expect(understanding.questionBack).toBeUndefined();
  });

  it('a message that only asks is still a question back', () => expect(read('what do you mean by centralized?', 'movementResponse')).toMatchObject({ questionBack: true }));
});
