/**
 * Yes and no to a warning-sign question, never the wrong way round (issue 17): a no word that
 * opens a statement of something lost, an all-clear with a denial inside it, and a yes that only
 * affirms that all is normal are not read as a plain answer; a carer's or a checker's preamble, and
 * body functions told normal in plain nouns, are read. Written for this suite, not corpus text.
 */
import { describe, expect, it } from 'vitest';
import { readYesNo } from '../../src/nlu/answers/yesNo.ts';
import { lexicon } from './content.ts';

const symptom = (text: string) => readYesNo(text, lexicon, 'symptom').answer;

describe('a no word opening a loss tells of the sign', () => {
  it.each([
    'no feeling when I wipe', 'no sensation round my bottom', 'no control over my bowels', 'never know when my bladder is full',
    'never get the urge to go now', 'no urge at all', 'no flow, just dribbles', 'no strength in my left foot', 'no grip in either hand',
    'no warning, it just happens', 'nothing, I cannot feel the paper', 'none, I can not feel my bum',
  ])('"%s" is not a no (not sure: the coach checks)', (text) => expect(symptom(text)).toBe('unsure'));
  it('"hardly any feeling down there" is no no', () => expect(symptom('hardly any feeling down there')).not.toBe('no'));

  it.each([
    'no feeling of numbness', 'no control problems', 'no loss of feeling', 'no change in sensation', 'no warning signs that I can see',
    'no numbness or tingling', 'nothing, except my foot went dead after sitting on it',
  ])('"%s" denies and stays a no', (text) => expect(symptom(text)).toBe('no'));
});

describe('an all-clear with a denial inside it is none', () => {
  it.each(['my bladder is not normal', 'peeing is not normal at all', 'everything down there is far from fine', "it's not all fine"])(
    '"%s" is no no',
    (text) => expect(symptom(text)).not.toBe('no'),
  );
  it('the all-clear\'s own words still count: "I can walk no problem" is a no', () => expect(symptom('I can walk no problem')).toBe('no'));
});

describe('a yes that affirms all is normal is no yes', () => {
  it.each(['absolutely fine', 'yes, fine', 'yes, I can feel it', 'yeah I can pee normally', 'yes all normal', 'yep everything works fine'])(
    '"%s" is not a yes',
    (text) => expect(symptom(text)).not.toBe('yes'),
  );
  it.each(['yes, a little', 'yes it feels numb', 'yes, numb on one side', 'yes, a good bit worse'])('"%s" stays a yes', (text) => expect(symptom(text)).toBe('yes'));
});

describe('a carer or a check before the answer', () => {
  it.each([
    ["I'm typing this for my husband. He says no trouble with his waterworks", 'no'],
    ['my mum says no problems going to the loo', 'no'],
    ['my son, who I am answering for, says nothing like that', 'no'],
    ['she says so', 'yes'],
    ['he says no', 'no'],
    ["I'm writing for my wife. Yes, she has", 'yes'],
    ['I had a look with a mirror like you said and everything looks normal', 'no'],
    ['I checked just now and it feels just the same', 'no'],
  ] as const)('"%s" is %s', (text, answer) => expect(symptom(text)).toBe(answer));

  it.each(['she says it feels numb', 'I checked and it feels odd', 'I checked and no feeling at all'])('"%s" is no no', (text) => expect(symptom(text)).not.toBe('no'));
});

describe('body functions told normal in plain nouns', () => {
  it.each([['wee fine', 'no'], ['poo is normal', 'no'], ['Good. Wee normal, poo normal', 'no'], ['pee is not normal', undefined]] as const)(
    '"%s" is %s',
    (text, answer) => expect(symptom(text)).toBe(answer),
  );
  it('"fine" alone is still no answer to a warning-sign question', () => expect(symptom('fine')).toBeUndefined());
  it('"Fine. Numb on one side" is no no', () => expect(symptom('Fine. Numb on one side')).not.toBe('no'));
});

describe('an answer offered as a guess, then doubt', () => {
  it.each(["I think so? it's difficult to say really", 'yes? hard to tell in the shower', 'no? not sure to be honest'])(
    '"%s" is not sure',
    (text) => expect(symptom(text)).toBe('unsure'),
  );
  it.each([['yes? it feels numb', 'yes'], ['I think so, it feels numb on one side', 'yes'], ['I think so? hard to tell with a mirror, maybe slightly less on one side', 'yes']] as const)('"%s" stays %s', (text, answer) => expect(symptom(text)).toBe(answer));
});

describe('a longstanding thing, then nothing new', () => {
  it.each([
    "I get up twice a night to pee but I've always done that, nothing new",
    "My knee clicks, it's been like that for years. Nothing new, nothing else",
    'the usual stiffness in the mornings, nothing different',
  ])('"%s" is no', (text) => expect(symptom(text)).toBe('no'));
  it.each([
    "I've always had a weak flow but it started stopping and starting this week, nothing new otherwise",
    'always had a sore back, now my bum is numb, nothing else new',
  ])('"%s" is no no: something recent is told', (text) => expect(symptom(text)).not.toBe('no'));
});

describe('the function told normal without "can"', () => {
  it.each([
    ['still feel when I need a poo, still hold it fine', 'no'],
    ['I can feel the paper fine when I wipe', 'no'],
    ['sex life is the same as ever', 'no'],
    ['nothing at the moment', 'no'],
  ] as const)('"%s" is %s', (text, answer) => expect(symptom(text)).toBe(answer));
  it.each(["I can't always tell when I need to go", "I still can't feel when my bladder is full", 'sex is not the same'])('"%s" is no no', (text) => expect(symptom(text)).not.toBe('no'));
});
