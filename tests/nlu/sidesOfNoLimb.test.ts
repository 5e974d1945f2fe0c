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

  it('one side with the leg denied stays that side', () => {
    expect(readSide('just the left buttock, nothing in the leg', lexicon)).toBe('left');
  });

  it('at the reach question the same words keep both sides of the buttocks', () => {
    expect(readReach('both buttocks ache but nothing goes down my legs', lexicon)).toMatchObject({ side: 'both' });
  });
});
