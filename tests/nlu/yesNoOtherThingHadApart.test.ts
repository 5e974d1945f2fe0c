/**
 * Yes and no at a safety question (issue 17): after a no, a later clause that opens with an
 * admission of a thing named in its own words ("but I've had a cold since Monday") tells of another
 * thing, which the warning-sign check reads: its hedge or date does not qualify the no. A vague thing,
 * a hedge, a feeling or a change after the no still does (not sure: the coach checks). Own wording.
 */
import { describe, expect, it } from 'vitest';
import { readYesNo } from '../../src/nlu/answers/yesNo.ts';
import { lexicon } from './content.ts';

const symptom = (text: string) => readYesNo(text, lexicon, 'symptom').answer;

describe('another thing had, told apart: the no stands', () => {
  it.each([
    'None of those. But I have had a chesty cough on and off since Tuesday',
    'no, but we have had hay fever on and off all week',
    "nothing like that, but I've had a sore throat since yesterday",
    'not really, but I had a migraine on and off',
  ])('"%s" is no', (text) => expect(symptom(text)).toBe('no'));
});

describe('the no qualified: not sure', () => {
  it.each([
    "no, but I've had some bother on and off since Friday",
    "no, but I've had a bit of tingling now and then",
    "nothing like that, but it's been a bit strange on and off",
    'no, only since friday',
    'no, but there has been something on and off',
    'No. Well, I had a leak on Wednesday',
  ])('"%s" is not sure', (text) => expect(symptom(text)).toBe('unsure'));
});
