/**
 * A "what if" asked beside the answer ("left bum cheek and the back of the thigh. and if it ever
 * jumped to the other leg as well?") is left out of the answer, as a question back is: the other
 * leg asked about is not read as both sides. A question that doubts the answer ("or both?") is not
 * a "what if", and the message is read whole as before.
 */
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/bot/understand.ts';
import { createBot } from '../nlu/corpus/harness.ts';

const bot = createBot();
const read = (text: string, question: string) => understand(text, undefined, bot.questions[question], bot.nlu, question, '2026-11-27T09:00:00.000Z');
const reachOf = (text: string) => {
  const u = read(text, "reach") as unknown as Record<string, unknown>;
  return { reach: u.choice ?? u.reach, side: u.side, between: u.between };
};

describe('a what-if asked beside the answer', () => {
  it.each([
    'right buttock and down the back of my thigh. what happens if it goes into both legs?',
    'left hip and outer thigh. and suppose it spreads to the other side one day?',
    'my left bum and thigh. is it bad if it ever jumps across to the right leg?',
  ])('"%s" is buttock and thigh on one side', (text) => {
    const got = reachOf(text);
    expect(got.reach).toBe('buttock_thigh');
    expect(got.side).not.toBe('both');
    expect(got.between).toBeUndefined();
  });

  it('a question doubting the side is not left out', () => {
    expect(reachOf('left buttock and thigh. or both?').side).not.toBe('left');
  });
});
