/**
 * Movement responses (issue 17): a passing thing that settled by itself ("fine after a sit down",
 * "gone in a minute") is no change from the set. A direction said beside it still decides, and
 * toes or fingers reached are never outweighed. Own wording.
 */
import { describe, expect, it } from 'vitest';
import { readMovement } from '../../src/nlu/answers/movement.ts';
import { lexicon } from './content.ts';

describe('settled by itself: no change', () => {
  it.each(['head spun a bit when I got up, fine again after a minute', 'calf cramped on the last rep, went off in a few seconds', 'knees a bit shaky after the bridges, ok after a rest'])('"%s"', (text) =>
    expect(readMovement(text, lexicon)?.response).toBe('no_change'),
  );
});

describe('a direction beside it still decides', () => {
  it('spread to the foot', () => expect(readMovement('the tingling spread down to my foot, fine after a minute though', lexicon)?.response).toBe('peripheralized'));
  it('up into the back', () => expect(readMovement('pain went up into my back, gone in a minute', lexicon)?.response).toBe('centralized'));
  it('toes reached', () => expect(readMovement('tingling in my toes, gone after a minute', lexicon)).toEqual({ response: 'peripheralized', toesOrFingers: true }));
});
