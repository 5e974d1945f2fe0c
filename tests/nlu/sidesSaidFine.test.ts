/**
 * Sides (issue 17): a side said to be fine a few words on is not a side with symptoms ("the other
 * leg is perfectly alright"), so one leg named with the other said fine is one side, never both
 * (both would refer as sciatica in both legs). A side said not fine still counts. Own wording.
 */
import { describe, expect, it } from 'vitest';
import { readReach, readSide } from '../../src/nlu/answers/reach.ts';
import { lexicon } from './content.ts';

describe('a side said fine further on', () => {
  it.each([
    ['Just my right leg, the left one is completely fine', 'right'],
    ['It runs down the left leg to my ankle. The right leg is totally ok.', 'left'],
    ['right leg is bad and left leg is really quite good', 'right'],
  ] as const)('"%s" is %s', (text, side) => expect(readSide(text, lexicon)).toBe(side));

  it.each(['the left leg aches and the right one is not fine either', 'left leg and the right leg is ok too, but both tingle', 'both legs, the left is fine now'])(
    '"%s" is both',
    (text) => expect(readSide(text, lexicon)).toBe('both'),
  );

  it('a part followed by "and" keeps its reach: "pain in my buttock and my foot is fine" reaches the buttock', () => {
    expect(readReach('pain in my buttock and my foot is fine', lexicon)).toMatchObject({ reach: 'buttock_thigh' });
  });
});
