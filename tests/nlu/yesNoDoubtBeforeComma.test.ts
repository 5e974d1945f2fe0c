/**
 * Doubt in the first clause is not sure even when a no phrase could run on over the comma after it
 * (issue 17): "cant say, I haven't paid attention" is not "can't say I have" (a no), it is doubt.
 * Said in one clause, "can't say I have" stays a no. Written for this suite, not corpus text.
 */
import { describe, expect, it } from 'vitest';
import { readYesNo } from '../../src/nlu/answers/yesNo.ts';
import { lexicon } from './content.ts';

const symptom = (text: string) => readYesNo(text, lexicon, 'symptom').answer;

describe('doubt, then a comma', () => {
  it.each(["honestly can't say, I haven't noticed either way", 'cant say, i have not checked', "can't say, I did not look"])(
    '"%s" is not sure',
    (text) => expect(symptom(text)).toBe('unsure'),
  );
  it.each([["can't say I have", 'no'], ["can't say I've noticed anything", 'no'], ['no, I have not', 'no']])('"%s" stays %s', (text, answer) => expect(symptom(text)).toBe(answer));
});
