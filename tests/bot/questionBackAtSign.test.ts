/**
 * A question back about the warning-sign question being asked ("what do you mean by different when
 * I wipe?") gets that question's help text and the question again (issue 17): it mentions the sign
 * only by quoting the question, so asking "is this happening to you now?" would answer nothing.
 * A question about another sign is still asked about, and a disclosure still refers.
 */
import { describe, expect, it } from 'vitest';
import { Harness, createBot } from '../nlu/corpus/harness.ts';
import { entrySchema } from '../nlu/corpus/schema.ts';
import { judge } from '../nlu/corpus/score.ts';

const harness = new Harness(createBot());
const judged = (text: string, expectation: Record<string, unknown>) => {
  const entry = entrySchema.parse({ id: 'question-back', register: ['plain'], state: 'redFlagQuestion', flagId: 'ces.saddle-numbness', text, ...expectation });
  const { observation, unreachable } = harness.run(entry);
  return judge(entry, observation, unreachable);
};

describe('a question back at a warning-sign question', () => {
  it.each(['what do you mean by different when I wipe?', 'what counts as feeling different when you wipe?'])('"%s" gets the help text', (text) =>
    expect(judged(text, { answer: { kind: 'intent', value: 'questionBack' } }).answer?.verdict).toBe('right'));

  it('a "what if" about another sign is still asked about', () => {
    const result = judged('what if I wet myself without noticing?', { sign: { expect: 'ask', tier: 'emergency', how: 'hypothetical' } });
    expect(result.sign?.asked || result.sign?.referral !== null).toBe(true);
  });

  it('"how would I know if it had gone numb?" is a "what if" about the sign, still asked about', () =>
    expect(judged('how would I even know if it had gone numb down there?', { sign: { expect: 'ask', tier: 'emergency', how: 'hypothetical' } }).sign?.asked).toBe(true));

  it('the sign told outright still refers', () =>
    expect(judged('yes it feels different when I wipe, kind of numb', { sign: { expect: 'refer', tier: 'emergency', how: 'present' } }).sign?.ok).toBe(true));
});
