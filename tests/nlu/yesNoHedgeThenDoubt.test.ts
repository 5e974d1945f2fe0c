/**
 * A hedge given as the answer and then doubted is not sure at a safety question (issue 17): "kind
 * of?" asked back, or "sort of. it's hard to say" (the doubt after a few lead-in words,
 * yes-no.yaml `doubtLeadIns`). The coach checks with the person (a self-check, then the question
 * again) instead of reading a yes from a guess. A plain yes, a hedge said plainly, or a guess that
 * goes on to tell something of the sign stay as they were. Written for this suite, not corpus text.
 */
import { describe, expect, it } from 'vitest';
import { readYesNo } from '../../src/nlu/answers/yesNo.ts';
import { lexicon } from './content.ts';

const symptom = (text: string) => readYesNo(text, lexicon, 'symptom').answer;
const offer = (text: string) => readYesNo(text, lexicon, 'offer').answer;

describe('a hedge asked back is not sure', () => {
  it.each([
    'kind of? things have been a bit strange', 'sort of?', 'sorta? things feel a bit weird down there', 'erm a bit? my wee is a bit odd',
    'a little? maybe', 'slightly? hard to say',
  ])('"%s" is not sure', (text) => expect(symptom(text)).toBe('unsure'));
  it.each([
    ['kind of. things have been a bit strange', 'yes'],
    ['sort of, there is an odd feeling when I wipe', 'yes'],
    ['a bit', 'yes'],
    ['yes? it is numb on the left', 'yes'],
    ['i think so? hard to tell with a tissue, maybe a tiny bit less on the left', 'yes'],
    ['no?', 'no'],
    ['sort of? it comes and goes', 'yes'],
  ])('"%s" stays %s', (text, answer) => expect(symptom(text)).toBe(answer));
});

describe('a hedge or a no, then doubt after a lead-in, is not sure', () => {
  it.each([
    "sort of. it's hard to say, there is something odd between my legs", 'kinda, its hard to tell really', 'a bit. It is difficult to say',
    "no. it's hard to say", 'no, honestly hard to tell',
  ])('"%s" is not sure', (text) => expect(symptom(text)).toBe('unsure'));
  it.each([
    ["yes. it's hard to say how much", 'yes'],
    ['yes, it is numb on the left', 'yes'],
    ["no, it's fine", 'no'],
    ['a little, it is worse in the mornings', 'yes'],
    ["sort of. it's been like that a while", 'yes'],
  ])('"%s" stays %s', (text, answer) => expect(symptom(text)).toBe(answer));
  it('an offer\'s plain yes is not doubted by a later "it\'s hard to say"', () => expect(offer("yes. it's hard to say")).toBe('yes'));
});

describe('a hedge doubted, then something of the sign told, stays a yes (it refers)', () => {
  it.each([
    'kind of? it starts ok but I never feel done', 'sort of? a bit numb on the left', 'a bit? no feeling on one side when I wipe',
    'kinda? only since yesterday', "sort of. it's hard to say, I never feel empty", "a bit. it's hard to tell but it's numb on the right",
  ])('"%s" stays a yes', (text) => expect(symptom(text)).toBe('yes'));
  it('"no. it\'s hard to say, I never feel empty" is not sure (never a no)', () => expect(symptom("no. it's hard to say, I never feel empty")).toBe('unsure'));
});
