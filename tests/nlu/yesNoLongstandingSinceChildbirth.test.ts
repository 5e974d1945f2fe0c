/**
 * Yes/no at a safety question (issue 17): something done ever since a life event long past ("have
 * done since my third baby", "since I had the kids") is longstanding, and with denials to the end
 * ("nothing's changed") the answer is no, as for "for years". Anything recent before the denials
 * ("since last week", "now it's worse", "since Monday") keeps it from a no. Own wording.
 */
import { describe, expect, it } from 'vitest';
import { readYesNo } from '../../src/nlu/answers/yesNo.ts';
import { lexicon } from './content.ts';

const answer = (text: string) => readYesNo(text, lexicon, 'symptom').answer;

describe('longstanding since a life event, nothing changed: no', () => {
  it.each([
    'I dribble a bit when I sneeze, have done since I had the kids, nothing new',
    'I get up twice a night, I have done since I was pregnant, no change',
    'a little leak when I laugh, it has done ever since my first baby, nothing different',
  ])('"%s"', (text) => expect(answer(text)).toBe('no'));
});

describe('anything recent before the denials: never a no', () => {
  it.each([
    "I leak when I cough, have done since last week, nothing's changed",
    "I leak a bit, have done since my baby, but now it's worse",
    'I dribble a bit, have done since monday, nothing new',
    'I leak a bit, started a few days ago, nothing else new',
  ])('"%s"', (text) => expect(answer(text)).not.toBe('no'));
});
