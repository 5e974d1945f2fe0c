/**
 * A side or end of a part names the part after "of" (issue 17, movement.yaml `partSides`): "the
 * back of my calf" is the calf, not the back, so "from the back of my calf up into my hip" moved
 * toward the spine (it was read as spreading out from the back), and "from the side of my calf"
 * starts a route. The back itself, and parts named with "of" ("the small of my back", "the bottom
 * of my back"), are as before. Written for this suite, not corpus text.
 */
import { describe, expect, it } from 'vitest';
import { readMovement } from '../../src/nlu/answers/movement.ts';
import { lexicon } from './content.ts';

const response = (text: string) => readMovement(text, lexicon)?.response;

describe('the side of a part is that part', () => {
  it.each([
    'it moved from the back of my calf up into my hip', 'the tingling went from the side of my shin up to my knee',
    'from the front of my thigh back up into my buttock', 'it crept up from the bottom of my foot to the back of my knee',
  ])('"%s" is centralized', (text) => expect(response(text)).toBe('centralized'));
  it.each([
    'the pain went from the back of my knee down to my ankle', "it's spread down the back of my leg", 'it spread to the front of my shin',
    'from the back of my thigh down into the side of my calf',
  ])('"%s" is peripheralized', (text) => expect(response(text)).toBe('peripheralized'));
});

describe('the back and parts named with "of" stay as they were', () => {
  it.each([
    ['it went up into the small of my back', 'centralized'],
    ['moved up to the bottom of my back', 'centralized'],
    ['it went from my calf back up into my back', 'centralized'],
    ['the back is sore, legs fine', 'local_only'],
  ])('"%s" is %s', (text, expected) => expect(response(text)).toBe(expected));
});
