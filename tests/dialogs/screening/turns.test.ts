import { describe, expect, it } from 'vitest';
import { countIntakeTurns } from '../../../bench/intakeTurns.ts';

// Issue 16, item 11: a low-back intake was 32 turns to the first exercise (bench/results/intake-turns.md).
describe('turns to the first exercise', () => {
  it('are fewer on a card channel, where each urgency tier\'s warning-sign questions are one card', () => {
    const cards = countIntakeTurns('lumbar', 'cards');
    expect(cards.reachedExercise).toBe(true);
    expect(cards.turns).toBeLessThanOrEqual(18);
    expect(cards.asked.filter((q) => q.startsWith('redFlagGroup'))).toEqual(['redFlagGroup[8]', 'redFlagGroup[6]', 'redFlagGroup[3]']);
  });

  it('still ask each warning-sign question on its own on a plain text channel', () => {
    const text = countIntakeTurns('lumbar', 'text');
    expect(text.reachedExercise).toBe(true);
    expect(text.asked.filter((q) => q.startsWith('redFlagAnswer:'))).toHaveLength(17);
    expect(text.asked).not.toContain('redFlagGroup');
  });
});
