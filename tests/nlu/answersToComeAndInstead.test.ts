/**
 * Answers of several kinds (issue 17), each in other words than before: an age still to come beside
 * the age for now ("47, I'm 48 in June") is not the age now; an operation done instead of another
 * ("rather than fusing it") is the one done, and a piece of disc taken away is a discectomy; a
 * lifting limit told by a thing ("nothing heavier than a bag of sugar") is not known as a weight;
 * "both" said of people or days names no side. Own wording, both ways.
 */
import { describe, expect, it } from 'vitest';
import { readAge } from '../../src/nlu/answers/age.ts';
import { readSurgery } from '../../src/nlu/answers/surgery.ts';
import { parseKg, unknownAmount } from '../../src/nlu/answers/quantity.ts';
import { readSide } from '../../src/nlu/answers/reach.ts';
import { lexicon } from './content.ts';

describe('an age to come is not the age now', () => {
  it.each([
    ["47, I'm 48 in June", 47],
    ["I'm 60 in a couple of weeks", 59],
    ['55, 56 next month', 55],
  ] as const)('"%s" is %i', (text, age) => expect(readAge(text, lexicon)).toBe(age));
  it.each([
    ['58 in April, had this since then', 58],
    ["I'm 44 now, was 30 when it started", 44],
    ['63', 63],
  ] as const)('"%s" stays %i', (text, age) => expect(readAge(text, lexicon)).toBe(age));
});

describe('an operation done instead of another, a disc piece taken away', () => {
  it.each([
    ['the surgeon swapped the disc for an artificial one instead of a fusion', 'disc_replacement'],
    ['they fused C5 C6 rather than doing a disc replacement', 'fusion'],
    ['they cut away the part of the disc that was squashing the nerve', 'discectomy'],
    ['had the bulge shaved off last spring', 'discectomy'],
  ] as const)('"%s" is %s', (text, kind) => expect(readSurgery(text, lexicon)).toBe(kind));
  it('"my fusion did not take" is still a fusion', () => expect(readSurgery('my fusion did not take', lexicon)).toBe('fusion'));
});

describe('a limit told by a thing is not known as a weight', () => {
  it.each(['she said nothing heavier than a bag of sugar', 'no exact figure, just go careful'])('"%s" is unknown', (text) => expect(unknownAmount(text, lexicon)).toBe(true));
  it('"nothing heavier than a 4 kg bag" is still 4 kg', () => expect(parseKg('nothing heavier than a 4 kg bag', lexicon)?.kg).toBe(4));
  it.each(['no limit at all', '10 kg'])('"%s" is not unknown', (text) => expect(unknownAmount(text, lexicon)).toBe(false));
});

describe('"both" of people or days names no side', () => {
  it.each([
    ['right one. both our boys are off school so it is chaos', 'right'],
    ['left only, both nights I slept badly', 'left'],
  ] as const)('"%s" is %s', (text, side) => expect(readSide(text, lexicon)).toBe(side));
  it.each(['both, the right is worse', 'in both of them'])('"%s" is both', (text) => expect(readSide(text, lexicon)).toBe('both'));
});
