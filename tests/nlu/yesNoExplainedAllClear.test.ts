/**
 * Yes/no at a safety question (issue 17): with no answer word, a look-alike given its cause and
 * then an all-clear that ends the message after a contrast is a no ("I'm a bit constipated from the
 * painkillers but I can feel when I need to go"). Never when the words before it tell of a sign,
 * a feeling, a change, something that happened or anything recent, nor when the all-clear is of the
 * rest only: those stay unanswered (the coach asks again) or not sure. Own wording.
 */
import { describe, expect, it } from 'vitest';
import { readYesNo } from '../../src/nlu/answers/yesNo.ts';
import { lexicon } from './content.ts';

const answer = (text: string) => readYesNo(text, lexicon, 'symptom').answer;

describe('a look-alike explained, then an all-clear to the end: no', () => {
  it.each([
    "my tummy's been upset from the antibiotics, but the feeling down there is completely normal",
    'I go loads because I drink a lot of water, I can still feel when I need to go though',
    'walking is slow cos my back hurts, but my legs are as strong as ever',
    'bending to wipe hurts my back, but my bladder and bowels are fine',
  ])('"%s"', (text) => expect(answer(text)).toBe('no'));
});

describe('a sign told, or something recent, before the all-clear: never a no', () => {
  it.each([
    "I wet myself because I couldn't get there in time, but the feeling is normal",
    'I keep leaking cos of my cough but the feeling is all normal',
    'I had an accident from laughing but everything works as it should',
    'my bum is numb from sitting but peeing is normal',
    "I've been leaking since Monday because of the cough, but otherwise normal",
    'my stream is weak now because of the prostate but bladder is fine',
    'my legs buckle because of the pain but the feeling is normal',
    'I struggle to start peeing cos of the prostate but I can feel when I need to go',
    'constipated from the codeine this week, everything else is fine though',
  ])('"%s"', (text) => expect(answer(text)).not.toBe('no'));
});
