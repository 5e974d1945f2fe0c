/**
 * Pain scores (issue 17): two scores for two times or movements, neither said for the past, are
 * read as the higher one ("a 5 sitting, maybe an 8 when I stand up"): the worse time is the
 * cautious reading, and reading the lower one is the wrong direction. A score said for the past
 * still gives way to the one for now. Own wording.
 */
import { describe, expect, it } from 'vitest';
import { parseScoreAnswer } from '../../src/nlu/answers/score.ts';
import { lexicon } from './content.ts';

describe('two scores for two times: the higher', () => {
  it.each([
    ["a 5 sitting I'd guess, maybe an 8 when I stand up", 8],
    ['mornings are a 3 but by the evening it is a 6', 6],
    ['4 lying down, 7 walking', 7],
    ['about 2 at rest, 5 if I bend', 5],
  ] as const)('"%s" is %s', (text, score) => expect(parseScoreAnswer(text, lexicon)?.score).toBe(score));
});

describe('a past score still gives way to the present one', () => {
  it.each([
    ['it was an 8 yesterday, a 4 today', 4],
    ['used to be 9, more like 3 now', 3],
    ['had a 7 last week but 2 now', 2],
  ] as const)('"%s" is %s', (text, score) => expect(parseScoreAnswer(text, lexicon)?.score).toBe(score));
});
