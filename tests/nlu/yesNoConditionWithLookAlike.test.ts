/**
 * At one sign's question, a yes that only sets a condition ("only if I've overdone it", yes-no.yaml
 * `conditions`) with that sign's look-alike told beside it (its `lookAlike` rules: pain at night
 * that a move or lying still settles, a brief course of steroids, one leg only) is a no (issue 17).
 * Never with anything recent, doubt, another yes, a feeling lost, or anything of the sign itself;
 * a condition alone stays a yes. Own wording; end to end through the coach (the corpus harness).
 */
import { describe, expect, it } from 'vitest';
import { Harness, createBot } from './corpus/harness.ts';
import { entrySchema } from './corpus/schema.ts';
import { judge } from './corpus/score.ts';

const harness = new Harness(createBot());

function answered(text: string, flagId: string): unknown {
  const entry = entrySchema.parse({
    id: 'condition-with-look-alike', register: ['plain'], state: 'redFlagQuestion', flagId, text,
    answer: { kind: 'yesNo', value: 'no' }, sign: { expect: 'none', how: 'benign' },
  });
  const { observation, unreachable } = harness.run(entry);
  return judge(entry, observation, unreachable).answer?.got;
}

describe('a yes on a condition, with the sign\'s look-alike beside it: no', () => {
  it.each([
    'only if I have been on my feet all day, and turning over eases it',
    'just when I overdo the gardening, and shifting position settles it',
    'at night? only after a long drive, but if I lie still it calms down',
  ])('"%s" at the night-pain question is a no', (text) => expect(answered(text, 'soon.night-pain')).toBe('no'));
});

describe('what stays a yes', () => {
  it.each([
    'only if I have overdone it in the day',
    'only when I lie on my left, and nothing I try eases it',
    'only if I have overdone it, and since Monday changing position does not help',
    'only after a long day, and changing position helps sometimes',
  ])('"%s" at the night-pain question is no no', (text) => expect(answered(text, 'soon.night-pain')).not.toBe('no'));
  it('a look-alike of another sign changes nothing: "only if I sit too long, and changing position helps" at the saddle question', () =>
    expect(answered('only if I sit too long, and changing position helps', 'ces.saddle-numbness')).not.toBe('no'));
});
