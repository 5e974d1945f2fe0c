/**
 * Yes/no at a safety question (issue 17): a check made for the question ("did the tissue thing",
 * "I checked with a tissue") and then, with no answer word, a feeling lost told as now is a yes
 * ("did the tissue thing. left inner thigh normal, right side i barely feel it"). A denial, doubt,
 * a loss put in the past, a hypothetical or someone else's is never a yes. "Did the tissue thing"
 * without a question mark tells; it does not ask. Own wording.
 */
import { describe, expect, it } from 'vitest';
import { readYesNo } from '../../src/nlu/answers/yesNo.ts';
import { lexicon } from './content.ts';

const read = (text: string) => readYesNo(text, lexicon, 'symptom');

describe('a check, then a feeling lost: yes', () => {
  it.each([
    'I did the tissue test, the left side feels like nothing',
    'done the wipe test, can barely feel it on the right',
    'I checked with a tissue and the left side has gone numb',
    "did the tissue thing, it's gone numb on the right",
  ])('"%s"', (text) => expect(read(text).answer).toBe('yes'));
});

describe('a check, then no loss now: never a yes', () => {
  it.each([
    "did the tissue thing, it was numb last week but that's gone",
    'I checked, it used to feel numb but not any more',
    "did the tissue test, if it went numb I'd tell you",
    "did the tissue test, my wife's bum is numb but mine is fine",
    'did the tissue test, feels like nothing is wrong',
    "did the tissue test, it isn't numb at all",
    'did the tissue thing, nothing numb, both sides the same',
  ])('"%s"', (text) => expect(read(text).answer).not.toBe('yes'));
  it('"did the tissue thing, not sure, maybe a bit numb" is not sure', () => expect(read('did the tissue thing, not sure, maybe a bit numb').answer).toBe('unsure'));
  it('"did the tissue thing" tells, it does not ask', () => expect(read('did the tissue thing. all normal').questionBack).toBe(false));
});
