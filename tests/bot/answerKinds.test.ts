/**
 * What the coach takes from a typed answer, by the kind of question (issue 17): an amount the
 * person does not know is not read from a pronoun ("they never gave me one" is no 1 kg limit);
 * what a message tells beside a question is still its answer.
 */
import { describe, expect, it } from 'vitest';
import { eventsForMessage, understand } from '../../src/bot/understand.ts';
import { Harness, createBot } from '../nlu/corpus/harness.ts';

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

describe('an answer by its kind is not taken for a question for the education content', () => {
  it('a duration since the operation, with news of the wound, is the duration', () => {
    const situation = new Harness(bot).situation({ id: 'probe', text: '', state: 'surgeryWhen', register: ['plain'] });
    const events = eventsForMessage({ text: 'three weeks since the op, the wound is dry and healing, the nurse took the stitches out on Tuesday', at: situation.at, maxLength: 4000 }, situation.stored, bot.questions, bot.nlu);
    expect(events.map((event) => event.type)).toEqual(['MESSAGE']);
    expect(events[0]).toMatchObject({ understanding: { days: 21 } });
  });
});

describe('an unsure at the warning question, with a vague touch of a sign', () => {
  it('is asked about directly, and the unsure travels with it', () => {
    const situation = new Harness(bot).situation({ id: 'probe', text: '', state: 'checkInWarning', register: ['plain'] });
    const events = eventsForMessage({ text: "not sure really, my waterworks feel a bit odd", at: situation.at, maxLength: 4000 }, situation.stored, bot.questions, bot.nlu);
    expect(events.map((event) => event.type)).toEqual(['SIGN_MENTIONED']);
    expect(events[0]).toMatchObject({ understanding: { yesNo: 'unsure' } });
  });
});

describe('the sides question answered with the legs denied (issue 17)', () => {
  it.each(['both sides of my low back hurt, nothing goes into my legs', 'both cheeks of my bum ache, no leg pain at all'])('"%s" is no choice, so it is asked again', (text) => {
    expect(read(text, 'sides').choice).toBeUndefined();
  });

  it.each(['both legs', 'both', 'both sides, down into my legs'])('"%s" is still both', (text) => expect(read(text, 'sides').choice).toBe('both'));
});
