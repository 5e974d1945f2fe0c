/**
 * An idiom holding a word of a change told ("off") that tells of no change in the body (issue 17):
 * "sex has been off the cards because of my back, but the feeling is normal" is a look-alike
 * explained and then an all-clear, a no; "down there feels a bit off" still tells of a change.
 */
import { describe, expect, it } from 'vitest';
import { readYesNo } from '../../src/nlu/answers/yesNo.ts';
import { lexicon } from './content.ts';

const read = (text: string) => readYesNo(text, lexicon, 'symptom').answer;

describe('"off" in an idiom is no change told', () => {
  it.each([
    "intimacy's been off the table because my back is so sore, but everything works as normal",
    'sex has been off the menu because my back hurts, but the feeling is the same as always',
  ])('"%s" is no', (text) => expect(read(text)).toBe('no'));

  it.each([
    'down there has felt a bit off since Tuesday',
    'my waterworks have gone a bit off',
    'sex has been off the cards because it hurts my back, and things feel a bit off down there',
  ])('"%s" is no "no"', (text) => expect(read(text)).not.toBe('no'));

  it('a change told is still a yes', () => {
    expect(read('my legs feel a bit off')).toBe('yes');
  });
});
