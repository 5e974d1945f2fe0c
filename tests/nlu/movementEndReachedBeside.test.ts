/**
 * Toes or fingers reached, named in a clause after the change word (issue 17): "hand buzzing's worse,
 * right into my fingertips" had been read as peripheralized without the fingers, so the stop-at-once
 * rule would not fire. Toes or fingers said to be fine are not reached.
 */
import { describe, expect, it } from 'vitest';
import { readMovement } from '../../src/nlu/answers/movement.ts';
import { lexicon } from './content.ts';

describe('the end of the limb named beside a worsening', () => {
  it.each([
    'pins and needles in my arm are worse, all the way to my fingertips now',
    'calf tingling got worse, down into the toes now',
  ])('"%s" reached the toes or fingers', (text) => expect(readMovement(text, lexicon)).toEqual({ response: 'peripheralized', toesOrFingers: true }));

  it.each([
    'leg pain worse, toes are fine',
    'my forearm is worse, my fingers feel fine',
  ])('"%s" is peripheralized, the toes or fingers not reached', (text) => expect(readMovement(text, lexicon)).toEqual({ response: 'peripheralized' }));

  it('moving up out of the toes is still centralized', () => {
    expect(readMovement('it moved up out of my toes into my calf', lexicon)?.response).toBe('centralized');
  });
});
