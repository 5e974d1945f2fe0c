/**
 * How far the symptoms reach (issue 17): a part placed in a comparison ("like a bad bruise in the
 * leg") beside a part named says how it feels, not how far it reaches; one travelled to ("like a
 * weight down my leg"), or a comparison with nothing else named, is still asked about. Own wording.
 */
import { describe, expect, it } from 'vitest';
import { readReach } from '../../src/nlu/answers/reach.ts';
import { lexicon } from './content.ts';

const read = (text: string) => readReach(text, lexicon);

describe('a part placed in a comparison', () => {
  it.each(['deep in my left buttock, as if there was a stone in the leg', 'round the back of the thigh, a bit like a cramp in the leg'])('"%s" is the buttock or thigh', (text) =>
    expect(read(text).reach).toBe('buttock_thigh'),
  );
});

describe('still asked about', () => {
  it.each(['my hip, like a hot wire down my leg', 'like a toothache in the leg', 'the thigh and the leg'])('"%s"', (text) => expect(read(text).between?.question).toBe('reachPastKnee'));
});
