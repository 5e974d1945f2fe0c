/**
 * Answers to a warning-sign question said as a statement, not a yes/no word (issue 17, the
 * 2026-12g batch): "works as it should", "same as always", "I can feel everything", and doubt said
 * in other words ("I haven't checked", "I'd have to check"). A statement of the sign absent is a
 * no only when nothing in its clause limits it: "works fine until I cough", "all normal apart from
 * a numb patch" are not sure (never a no read from a message that tells of the sign).
 */
import { describe, expect, it } from 'vitest';
import { readYesNo } from '../../src/nlu/answers/yesNo.ts';
import { lexicon } from './content.ts';

const read = (text: string) => readYesNo(text, lexicon, 'symptom').answer;

describe('the sign said absent, as a statement', () => {
  it.each([
    'works as it should', 'my waterworks work like they should', 'still working normally', 'everything functions as normal',
    'feels the same as always', 'it all feels just the same as before', 'everything down there is normal', 'down there all seems fine',
    'sensation is normal', 'the feeling is the same', 'control is fine', 'toilet habits are normal', 'my legs are as strong as ever',
    'I can feel everything', 'I can still feel it all fine', 'I still have full feeling down there', "I've got full control",
    'all in working order', 'nothing that I can tell', 'normal as far as I can tell', 'as far as I know everything is fine',
    'going to the toilet like normal',
    'I know when I need a wee', 'i still know when i need to go', 'I can tell when I need a number two',
  ])('"%s" is no', (text) => expect(read(text)).toBe('no'));

  it.each([
    // a yes word affirming the all-clear is not sure, never a yes: the coach checks
    ['Oh yes, I know when I need to go alright, same as ever', 'unsure'],
    ['yeah, I know when I need a wee', 'unsure'],
    // denied: the sign
    ["I don't know when I need a wee", 'unsure'],
  ] as const)('"%s" is %s', (text, answer) => expect(read(text)).toBe(answer));

  it.each([
    'control is not fine', 'sensation is not normal', 'my legs are not as strong as ever', 'toilet is not normal',
    'legs are as weak as ever', 'the feeling is different down there',
  ])('"%s" is no no', (text) => expect(read(text)).not.toBe('no'));
});

describe('an all-clear that its own clause limits is not sure', () => {
  it.each([
    'works fine until I sneeze and then a bit comes out', 'everything is normal except my bum feels numb',
    'all normal apart from a tingle in my saddle area', 'works as it should most of the time', 'I can feel everything going numb',
    'the toilet is normal unless I cough', 'feels the same as always apart from one numb patch', 'it all works fine, mostly',
  ])('"%s" is not sure', (text) => expect(read(text)).toBe('unsure'));

  it.each([
    // A denial stands as before; another sign told after it is the warning-sign check's to read.
    ['no problems apart from the usual getting up at night', 'no'],
    ['feels the same as always when I wipe', 'no'],
    ['I checked and it all feels just the same', 'no'],
  ] as const)('"%s" is %s', (text, answer) => expect(read(text)).toBe(answer));
});

describe('doubt said in other words', () => {
  it.each([
    "I haven't checked", "haven't really paid attention", 'not looked yet', "I'd have to check", 'I need to double check',
    'beats me', 'tough to say', "can't be certain", "I wouldn't like to say", 'fifty fifty', "I'm in two minds",
    "I haven't noticed but then I haven't been looking", 'nope, but I have not really been paying attention',
  ])('"%s" is not sure', (text) => expect(read(text)).toBe('unsure'));

  it.each([
    // Checking that is done, or a visit, is no doubt.
    ['I checked, all normal', 'no'], ['yes, I went to see the GP about it', 'yes'],
  ] as const)('"%s" is %s', (text, answer) => expect(read(text)).toBe(answer));
});

describe('a change told as a statement, with no answer word', () => {
  it.each([
    'my feet feel a bit strange', 'walking has been kind of off lately', 'my bladder habits have changed recently',
    'things feel different when I wipe', 'my bowels have not been right since the weekend',
  ])('"%s" is yes, told (it discloses no sign by itself)', (text) => {
    const reading = readYesNo(text, lexicon, 'symptom');
    expect(reading.answer).toBe('yes');
    expect(reading.told).toBe(true);
  });

  it.each([
    'nothing feels odd', "my legs don't feel any different", 'my bladder has not changed', 'my back feels odd but not my legs',
    'my sleep has changed but not my waterworks', 'no change, legs feel a bit weird after the gym',
  ])('"%s" is no yes', (text) => expect(readYesNo(text, lexicon, 'symptom').answer).not.toBe('yes'));
});

describe("someone else's history, then the person's own short answer", () => {
  it.each([
    ["my brother had it, I haven't", 'no'], ["my gran had cancer. I've never had it myself", 'no'],
    ['my dad had cancer, I have too', 'yes'], ['my neighbour is numb down there, not me', 'no'],
  ] as const)('"%s" is %s', (text, answer) => expect(read(text)).toBe(answer));

  it.each([
    // A carer writing: "he" may be the patient, so his answer is not taken from a later clause.
    "I'm writing for my husband. his father had cancer, he hasn't",
    "my aunt had it, I haven't been tested",
  ])('"%s" is no no', (text) => expect(read(text)).not.toBe('no'));
});
