/**
 * At the reach and sides questions, a later sentence telling of an episode that is over ("For a
 * day last month it went into both legs but that settled", body.yaml `aside`) is not the answer:
 * the first sentence is (issue 17). Not when the episode is not over ("it hasn't settled", "it
 * settled a bit but it's back"), nor when the answer itself says it. Written for this suite.
 */
import { describe, expect, it } from 'vitest';
import { readReach, readSide } from '../../src/nlu/answers/reach.ts';
import { lexicon } from './content.ts';

describe('an episode over, told after the answer, is not the answer', () => {
  it.each([
    ['just the left. A few weeks ago it went into both legs for a day but that settled', 'left'],
    ['the right one. Both legs went tingly after the fall in March and it passed', 'right'],
    ['left leg only. I had it down both sides once but it cleared up on its own', 'left'],
  ])('"%s" is %s', (text, side) => expect(readSide(text, lexicon)).toBe(side));
  it('reach: "to the top of my right thigh. It did go below both knees last winter but it calmed down" is the thigh, right', () =>
    expect(readReach('to the top of my right thigh. It did go below both knees last winter but it calmed down', lexicon)).toMatchObject({ reach: 'buttock_thigh', side: 'right' }));
});

describe('an episode not over, or the answer itself, still counts', () => {
  it.each([
    ['the left. Now it has gone into both legs and it has not settled', 'both'],
    ["the left. last week it spread to both legs, it settled a bit but it's back", 'both'],
    ['both legs. it calmed down a bit after the tablets', 'both'],
    ['both legs but that settled', 'both'],
  ])('"%s" is %s', (text, side) => expect(readSide(text, lexicon)).toBe(side));
});
