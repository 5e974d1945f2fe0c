/**
 * "They never gave me one" at the lifting-limit question: the limit is unknown (issue 17), and the
 * "one" in it stands for the limit, not for 1 kg (recording 1 kg would be a limit never given).
 * A number said with the doubt still counts.
 */
import { describe, expect, it } from 'vitest';
import { Harness, createBot } from '../nlu/corpus/harness.ts';
import { entrySchema } from '../nlu/corpus/schema.ts';
import { judge } from '../nlu/corpus/score.ts';

const harness = new Harness(createBot());
const verdict = (text: string, value: unknown) => {
  const entry = entrySchema.parse({ id: 'limit', register: ['plain'], state: 'liftingLimit', text, answer: { kind: 'liftingLimit', value } });
  const { observation, unreachable } = harness.run(entry);
  return judge(entry, observation, unreachable).answer?.verdict;
};

describe('an unknown lifting limit', () => {
  it.each(['they never gave me one', "the surgeon didn't give me one"])('"%s" is unknown, not 1 kg', (text) => expect(verdict(text, 'unknown')).toBe('right'));
  it('"not sure, maybe 5kg" is 5 kg', () => expect(verdict('not sure, maybe 5kg', { kg: 5 })).toBe('right'));
});
