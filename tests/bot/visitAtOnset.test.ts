/**
 * "Monday. Saw the GP today" at the onset question answers it (issue 17): with no exercise hold to
 * lift, the visit is not taken as the clinician's assessment in place of the answer. "I saw my GP
 * yesterday" alone dates the visit, not the episode, so it is no onset. While a hold is open the visit
 * still starts the hold's statement (tests/dialogs/screening/holdLifecycle.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { Harness, createBot } from '../nlu/corpus/harness.ts';
import { entrySchema } from '../nlu/corpus/schema.ts';
import { judge } from '../nlu/corpus/score.ts';

const harness = new Harness(createBot());
const verdict = (text: string, answer: unknown) => {
  const entry = entrySchema.parse({ id: 'visit', register: ['plain'], state: 'onset', text, answer });
  const { observation, unreachable } = harness.run(entry);
  return judge(entry, observation, unreachable).answer?.verdict;
};

describe('a visit to a clinician named with the onset', () => {
  it.each([
    ['monday. saw the gp today', { band: 'under_2_weeks', days: 4 }],
    ['about three weeks ago, I saw my GP yesterday', { band: 'under_6_weeks', days: 21 }],
    ['yesterday, and I saw the physio today', { band: 'last_2_days', days: 1 }],
  ])('"%s" is recorded as the onset', (text, value) => expect(verdict(text, { kind: 'onset', value })).toBe('right'));

  it.each(['I saw my GP yesterday', 'went to a and e last night'])('"%s" alone is no onset', (text) =>
    expect(verdict(text, { kind: 'yesNo', value: 'notAnswer' })).toBe('right'));
});
