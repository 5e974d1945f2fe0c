/**
 * An answer told in a sentence of its own beside a question back (issue 17): "what counts as a
 * fall? I slid down the wall on Tuesday. Pain 5" is pain 5, as a movement response told beside a
 * question already was. The question's own sentences are left out whole: a number or a part asked
 * about is never the answer, and a message that only asks is still a question back. Own wording.
 */
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/bot/understand.ts';
import { createBot } from '../nlu/corpus/harness.ts';

const bot = createBot();
const read = (text: string, question: string) => understand(text, undefined, bot.questions[question], bot.nlu, question, '2026-11-27T09:00:00.000Z');

describe('an answer in its own sentence beside a question', () => {
  it.each([
    ['does stiffness count as pain? Anyway I would say a 6.', 6],
    ['what counts as bad? I walked the dog this morning, it was ok. Pain 3', 3],
    ['Is 10 the worst? I think mine is 7 today', 7],
  ] as const)('"%s" is pain %s', (text, score) => {
    const understanding = read(text, 'pain');
    expect(understanding.score).toBe(score);
    expect(understanding.questionBack).toBeUndefined();
  });

  it('a region told beside a question', () => {
    const understanding = read('where is the disc exactly? Lower back for me.', 'region');
    expect(understanding.region).toBe('lumbar');
    expect(understanding.questionBack).toBeUndefined();
  });
});

describe('only asking stays a question back', () => {
  it.each([
    ['is 10 the worst pain ever?', 'pain'],
    ['what does 0 mean? and 10?', 'pain'],
    ['one side of what, my back?', 'sides'],
    ['is the middle back where my bra strap goes?', 'region'],
  ])('"%s"', (text, question) => expect(read(text, question).questionBack).toBe(true));
});

describe('a message with no question in it is read once', () => {
  // The sentences were joined again and read again while nothing was left out: the stack overflowed
  // and the warning sign in the message was never raised (found by tests/fuzz/nlu.test.ts).
  it.each([
    ["What's the point of going on like this. I've been thinking about how I'd do it.", 'psfsScore'],
    ['Why bother. I keep thinking everyone would be better off. Honestly.', 'pain'],
    ['how is that meant to help. my back is the same. the left leg too', 'region'],
  ])('"%s" at %s', (text, question) => {
    expect(() => read(text, question)).not.toThrow();
  });
});
