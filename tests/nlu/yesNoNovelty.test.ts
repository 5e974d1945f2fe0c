/**
 * "Never had that before" said of what was just told makes it new (issue 17): its "never" is no
 * "no" to the warning-sign question. A plain denial ("no, never had that", "never had it") stays a
 * no, and a novelty dated to now ("never had that before today") stays a yes.
 */
import { describe, expect, it } from 'vitest';
import { readYesNo } from '../../src/nlu/answers/yesNo.ts';
import { lexicon } from './content.ts';

const read = (text: string) => readYesNo(text, lexicon, 'symptom').answer;

describe('a change told, then said to be new', () => {
  it.each([
    'my stream has gone really weak since Sunday. never had that before',
    "dribbling into my pants when I walk, it's never happened before",
    'I keep missing the urge to go. Never felt anything like it before, and I am 45',
    'legs went from under me on the stairs, never had this before',
    'Never had that before, I keep wetting myself',
  ])('"%s" is no "no"', (text) => expect(read(text)).not.toBe('no'));

  it.each([
    ['nope, never had that', 'no'],
    ['never had it', 'no'],
    ["no, I've never had that before", 'no'],
    ['never had that before today', 'yes'],
  ] as const)('"%s" is %s', (text, answer) => expect(read(text)).toBe(answer));
});
