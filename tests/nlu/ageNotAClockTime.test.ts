/**
 * A clock time told beside the age is no age (issue 17): "58. I've not passed water since 6 this
 * morning, it's gone 4 now" is 58, not 4 ("4 now" read as the age said for now). An age said with
 * "now" stays the age. Written for this suite, not corpus text.
 */
import { describe, expect, it } from 'vitest';
import { readAge } from '../../src/nlu/answers/age.ts';
import { lexicon } from './content.ts';

describe('a clock time is no age', () => {
  it.each([
    ["61. Haven't been able to wee since 7 this morning and it's gone 3 now", 61],
    ['47, sorry for the late reply, it is past 11 now', 47],
    ['I am 39, I was up till 2 last night with it', 39],
    ['72 and I took my tablets at 8am', 72],
  ])('"%s" is %i', (text, age) => expect(readAge(text, lexicon)).toBe(age));
  it.each([
    ["I'm 34 now", 34],
    ['19 when it started but I am 34 now', 34],
    ['55', 55],
    ['I am 19, since last week it hurts', 19],
    ['gone 60 now, 61 in May', 60],
  ])('"%s" stays %i', (text, age) => expect(readAge(text, lexicon)).toBe(age));
});
