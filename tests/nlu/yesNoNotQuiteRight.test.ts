/**
 * Yes/no at a safety question (issue 17): "isn't quite right", "aren't right" tell of a change (a
 * yes, marked as told; "not quite" in it is no "no"), and finding it hard to put into words ("not
 * sure how to explain") is no doubt about the answer. After a bare no, a change told ("no, my
 * bladder isn't quite right") is not sure, never a no; a denial before the change keeps the no.
 * Own wording.
 */
import { describe, expect, it } from 'vitest';
import { readYesNo } from '../../src/nlu/answers/yesNo.ts';
import { lexicon } from './content.ts';

const read = (text: string) => readYesNo(text, lexicon, 'symptom');

describe('a change told as "not right": yes, told', () => {
  it.each(['my legs are not quite right', "things down there aren't right, hard to describe", "my bladder isn't quite itself, not sure how to explain"])('"%s"', (text) =>
    expect(read(text)).toMatchObject({ answer: 'yes', told: true }),
  );
});

describe('a change told after a bare no: not sure', () => {
  it.each(["no, my bladder isn't quite right", 'no. my legs feel a bit odd though', "nope, walking's been a bit funny"])('"%s"', (text) => expect(read(text).answer).toBe('unsure'));
});

describe('denials stand', () => {
  it.each(['no, nothing feels odd', "no, my legs don't feel different", 'no, all normal', 'no, not at all, nothing has changed'])('"%s"', (text) => expect(read(text).answer).toBe('no'));
  it('doubt about the answer is still not sure', () => expect(read('not sure, my waterworks are not quite right').answer).toBe('unsure'));
  it('"hard to say" is still doubt', () => expect(read('no, hard to say really').answer).toBe('unsure'));
});
