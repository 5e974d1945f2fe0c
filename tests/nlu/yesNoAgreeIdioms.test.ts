/**
 * Agreeing to the summary in an idiom or a misspelling ("that's me to a T", "yes thats rite") is a
 * yes at an offer; a denial of it stays a no, a correction stays unanswered, and at a safety
 * question the idiom is no yes.
 */
import { describe, expect, it } from 'vitest';
import { readYesNo } from '../../src/nlu/answers/yesNo.ts';
import { lexicon } from './content.ts';

describe('agreement in an idiom or misspelt', () => {
  it.each(['thats him all over', "that's spot on", 'yep that is it exactly', 'yeah rite', 'that is me in a nutshell', 'yes thats rite, all good'])(
    '"%s" is a yes at an offer', (text) => expect(readYesNo(text, lexicon, 'offer').answer).toBe('yes'));
  it.each([["no that's not me", 'no'], ['that is not right', 'no']] as const)('"%s" is %s', (text, answer) => expect(readYesNo(text, lexicon, 'offer').answer).toBe(answer));
  it("\"that's me, no wait, the region is wrong\" is unanswered", () => expect(readYesNo("that's me, no wait, the region is wrong", lexicon, 'offer').answer).toBeUndefined());
  it.each(['that is me in a nutshell', 'thats him all over'])('"%s" is no yes at a safety question', (text) => expect(readYesNo(text, lexicon, 'symptom').answer).not.toBe('yes'));
});
