/**
 * Sides (issue 17): at "one side or both?", both sides said of the back or the buttocks with the
 * legs only denied is no answer about the legs ('noLimb', asked again): read as both it referred an
 * emergency as sciatica in both legs, which pain in both buttocks is not (GIRFT 2023). Any leg or
 * arm told with symptoms keeps both. Own wording.
 */
import { describe, expect, it } from 'vitest';
import { readReach, readSide } from '../../src/nlu/answers/reach.ts';
import { lexicon } from './content.ts';

describe('both sides with the limbs denied', () => {
  it.each([
    'ache on both sides of my low back but it never goes into my legs',
    'both cheeks of my bum are sore, no leg pain at all',
    'either side of the spine, my legs are fine',
    'both buttocks, it does not travel down the legs',
  ])('"%s" names no side of a leg', (text) => expect(readSide(text, lexicon)).toBe('noLimb'));

  it.each([
    'both legs',
    'both legs tingle, nothing in my feet though',
    'not just one, both legs',
    'both, down the back of both thighs but nothing past the knee',
    'both sides of my back and down both legs',
    'both sides, it goes into my legs',
  ])('"%s" is still both', (text) => expect(readSide(text, lexicon)).toBe('both'));

  // a buttock or hip named, no limb, and the symptoms said to stop there (issue 17, signs8)
  it.each([
    'both sides of my bum but it goes no further',
    'both cheeks, it doesn\'t go any lower',
    'both hips, stops there',
    'both, into my bum cheeks and no further than that',
  ])('"%s" stops at the buttocks: no side of a leg', (text) => expect(readSide(text, lexicon)).toBe('noLimb'));

  it.each([
    'both, it doesn\'t go any further',
    'both buttocks',
    'both buttocks and the back of both thighs, no further than the knee',
    'both, from the bum down to the knees and no further',
  ])('"%s" is still both', (text) => expect(readSide(text, lexicon)).toBe('both'));

  // a later sentence that puts both legs down to tired muscles is an aside (issue 17, signs8)
  it.each([
    ['just the right. both legs ache from the extra walking but that\'s tired muscles, the nerve pain is only ever the right', 'right'],
    ['the left one. both legs are stiff but it\'s just the gym', 'left'],
    ['left. both legs ache now but that\'s not tired muscles', 'both'],
  ])('"%s" is %s', (text, side) => expect(readSide(text, lexicon)).toBe(side));

  it('one side with the leg denied stays that side', () => {
    expect(readSide('just the left buttock, nothing in the leg', lexicon)).toBe('left');
  });

  it('at the reach question the same words keep both sides of the buttocks', () => {
    expect(readReach('both buttocks ache but nothing goes down my legs', lexicon)).toMatchObject({ side: 'both' });
  });
});
