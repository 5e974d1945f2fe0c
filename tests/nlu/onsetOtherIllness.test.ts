/**
 * Onset (issue 17): a clause about another illness or its treatment dates that, not this episode,
 * as a visit's clause does ("I had bowel cancer 3 yrs ago, all clear since, but this back pain is
 * new" was read as three years: a recent onset read as older). Own wording.
 */
import { describe, expect, it } from 'vitest';
import { readOnset } from '../../src/nlu/answers/onset.ts';
import { lexicon } from './content.ts';

const AT = '2026-11-27T09:00:00.000Z';
const days = (text: string) => readOnset(text, AT, lexicon)?.days;

describe('another illness dated, not the episode', () => {
  it.each([
    ['had breast cancer in 2019, but this pain only began on Tuesday', 3],
    ['finished chemo 2 months ago, the back went 3 days ago', 3],
    ['I had a stroke last year and my back started hurting last night', 1],
    ['cancer was 5 years ago, this started Monday', 4],
  ] as const)('"%s" is %s days', (text, n) => expect(days(text)).toBe(n));
  it('the illness alone names no onset', () => expect(days('I was treated for prostate cancer 4 years ago, all clear now')).toBeUndefined());
  it('an episode dated by the illness still is', () => expect(days("I've had this back pain since my cancer treatment 2 years ago")).toBe(730));
});
