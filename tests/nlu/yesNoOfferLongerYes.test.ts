/**
 * At an offer (consent, starting a session), a longer yes phrase that opens on a plain yes word
 * ("yes please", "yeah yeah") and goes on in its clause leads with that word: the rest of the
 * clause is read as an agreement's tail ("yes please start", then anything in the next sentence),
 * so "Yes please start. By the way I've had a fever" agrees, and its warning sign still refers.
 * A greeting first ("Hi there.", "Good morning,") changes nothing. A clause that goes on into a
 * statement ("yes please my back hurts") still gives no consent. Own wording, several registers.
 */
import { describe, expect, it } from 'vitest';
import { readYesNo } from '../../src/nlu/answers/yesNo.ts';
import { lexicon } from './content.ts';

const offer = (text: string) => readYesNo(text, lexicon, 'offer').answer;

describe('a longer yes that opens on a plain word, then the agreement goes on', () => {
  it.each([
    'yes please start. my knee is a bit stiff today',
    'Yes please begin. Just so you know I had a bad night',
    'yeah yeah lets go. back is sore this morning',
    'yes please go ahead. by the way I walked the dog earlier',
    'Yes please, start. Been a rough week',
  ])('"%s" is a yes', (text) => expect(offer(text)).toBe('yes'));

  it.each([
    'yes please my back hurts',
    'yes please if my leg stops hurting',
    'yeah yeah my back is killing me',
  ])('"%s" goes on into a statement: no consent', (text) => expect(offer(text)).toBeUndefined());

  it.each(['yes please. no, not today', 'yes please start. actually no, not today'])('"%s" taken back: no yes', (text) => expect(offer(text)).not.toBe('yes'));
});

describe('a greeting before the answer', () => {
  it.each([
    'Hi there. Yes I agree.',
    'hello there, yes I agree to that',
    'Good morning. yes lets go',
    'hiya all. ok I accept',
    'Good afternoon, yes please start',
  ])('"%s" is a yes', (text) => expect(offer(text)).toBe('yes'));

  it.each(['Hi there. My back went yesterday', 'good morning', 'hello there, what is this?'])('"%s" is no agreement', (text) => expect(offer(text)).not.toBe('yes'));
});

describe('a decline, then another time suggested with doubt', () => {
  it.each(['not now, maybe after tea', 'no, perhaps tomorrow', 'not today, maybe later on', 'nah, possibly this evening'])('"%s" is a no at an offer', (text) => expect(offer(text)).toBe('no'));
  it.each(['no. maybe', 'no, maybe?', 'yes, maybe after tea'])('"%s" is not sure', (text) => expect(offer(text)).toBe('unsure'));
  it('"not now, maybe after tea" at a safety question stays not sure', () => expect(readYesNo('no, maybe after tea', lexicon, 'symptom').answer).toBe('unsure'));
});

