/**
 * "later, like 8.15pm" at the offer to start is a no to now and a time for the check-in: the time
 * said is kept with the intent even where the words also answer the offer (issue 17).
 */
import { describe, expect, it } from 'vitest';
import { Harness, createBot } from '../nlu/corpus/harness.ts';
import { entrySchema } from '../nlu/corpus/schema.ts';
import { judge } from '../nlu/corpus/score.ts';

const harness = new Harness(createBot());

describe('a check-in time said with a later', () => {
  it.each([
    ['later, like 8.15pm', '20:15'],
    ['can you make it 19:00', '19:00'],
  ])('"%s" keeps the time %s', (text, time) => {
    const entry = entrySchema.parse({ id: 'time', register: ['plain'], state: 'idle', text, answer: { kind: 'intent', value: 'checkInTime', time } });
    const { observation, unreachable } = harness.run(entry);
    expect(judge(entry, observation, unreachable).answer?.verdict).toBe('right');
  });
});
