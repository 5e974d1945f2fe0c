/**
 * Pain scores (issue 17): a number that counts something with its unit ("2 litres of water a
 * day") or "one" pointing at a limb ("the left one's started too") is no score; the score said
 * beside it is. "nd" typed for "and" after a score is not an ordinal ("5. nd ..."). Own wording.
 */
import { describe, expect, it } from 'vitest';
import { parseScoreAnswer } from '../../src/nlu/answers/score.ts';
import { lexicon } from './content.ts';

describe('numbers that are not the score', () => {
  it.each([
    ['I get through 2 litres of water a day now, pain is a 6', 6],
    ['had 3 bottles of water and a mug of tea, leg about 4', 4],
    ['Left leg 7 and now the right one is going too', 7],
    ['back 5, the bad one is the left', 5],
    ['6. nd it keeps me up', 6],
  ] as const)('"%s" is %s', (text, score) => expect(parseScoreAnswer(text, lexicon)?.score).toBe(score));

  it('"one" alone is still a score of 1', () => expect(parseScoreAnswer('one', lexicon)?.score).toBe(1));
});

describe('no pain said with two time words', () => {
  it.each(['none at all today!!', 'nothing at all this morning', 'none today thankfully', 'zero right now'])('"%s" is 0', (text) =>
    expect(parseScoreAnswer(text, lexicon)?.score).toBe(0));
  it.each(['nothing at all today but the leg was bad', 'none at all today except when I bend'])('"%s" is no zero', (text) =>
    expect(parseScoreAnswer(text, lexicon)?.score).not.toBe(0));
});

