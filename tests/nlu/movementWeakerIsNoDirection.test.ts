/**
 * Movement responses (issue 17): "more weak", "more clumsy" tell of what a part can do, not of
 * where the symptoms went, so they name no direction and a could-not said beside them is the
 * response ("I could not. My arm becomes more weak each day" was read as peripheralized). More of a
 * symptom in a limb ("more numb", "more painful") still goes out along it. Own wording.
 */
import { describe, expect, it } from 'vitest';
import { readMovement } from '../../src/nlu/answers/movement.ts';
import { lexicon } from './content.ts';

describe('weaker or clumsier beside a could-not: could not', () => {
  it.each([
    "couldn't finish, my leg got more weak with every rep",
    "my hand got more clumsy, couldn't hold the band",
    'could not do it, the arm is more weak than yesterday',
  ])('"%s"', (text) => expect(readMovement(text, lexicon)?.response).toBe('could_not'));
});

describe('more of a symptom in a limb: still peripheralized', () => {
  it.each(['my leg got more numb after the set', 'more weak in the leg and the tingling spread to my foot', 'the arm got more painful after the set'])('"%s"', (text) =>
    expect(readMovement(text, lexicon)?.response).toBe('peripheralized'),
  );
});
