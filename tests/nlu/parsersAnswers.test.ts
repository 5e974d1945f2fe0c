/** The answer parsers per question kind (issue 17): what a person writes, read the way a clinician would. */
import { describe, expect, it } from 'vitest';
import { parseDays, parseKg } from '../../src/nlu/answers/quantity.ts';
import { parseScoreAnswer } from '../../src/nlu/answers/score.ts';
import { readAge } from '../../src/nlu/answers/age.ts';
import { readMovement } from '../../src/nlu/answers/movement.ts';
import { readOnset } from '../../src/nlu/answers/onset.ts';
import { readReach } from '../../src/nlu/answers/reach.ts';
import { readSurgery } from '../../src/nlu/answers/surgery.ts';
import { readYesNo } from '../../src/nlu/answers/yesNo.ts';
import { lexicon } from './content.ts';

describe('yes and no only when the message answers', () => {
  it.each([
    ['only my back is a bit sore', undefined],
    ['I am in a lot of pain', undefined],
    ["I've had this back pain for about three weeks now and it is really affecting my sleep", undefined],
    ['my physio told me to use this', undefined],
    ["I don't wee properly", undefined],
  ] as const)('the statement "%s" is neither yes nor no', (text, expected) => {
    expect(readYesNo(text, lexicon, 'symptom').answer).toBe(expected);
    expect(readYesNo(text, lexicon, 'offer').answer).toBe(expected);
  });

  it.each([
    ['I agree', 'yes'], ['go on then', 'yes'], ['agreed', 'yes'], ['ok I accept', 'yes'], ['happy to carry on on those terms', 'yes'],
    ["I'm content with that", 'yes'], ['yes, let us go', 'yes'], ['ya fine', 'yes'], ["I don't agree", 'no'], ["no, I'd rather not", 'no'],
    ['not now, I have to pick the kids up', 'no'], ['maybe later', 'no'],
  ] as const)('an offer: "%s" is %s', (text, expected) => expect(readYesNo(text, lexicon, 'offer').answer).toBe(expected));

  it.each([
    ['no, it came on by itself', 'no'], ['nothing like that', 'no'], ['all fine', 'no'], ['nope, all good', 'no'], ['I do.', 'yes'],
    ['yes, a little', 'yes'], ['sometimes', 'yes'], ['hard to say', 'unsure'], ["I'm not sure, maybe? it's hard to tell", 'unsure'],
    ['no, I am 35', 'no'], ['yes and no', undefined],
  ] as const)('a symptom question: "%s" is %s', (text, expected) => expect(readYesNo(text, lexicon, 'symptom').answer).toBe(expected));

  it('"fine" agrees to an offer but does not say yes to a symptom', () => {
    expect(readYesNo('fine', lexicon, 'offer').answer).toBe('yes');
    expect(readYesNo('fine', lexicon, 'symptom').answer).toBeUndefined();
  });

  it('a question back is a question, not an answer', () => {
    expect(readYesNo('how long do you keep my data?', lexicon, 'offer')).toEqual({ questionBack: true });
    expect(readYesNo('what means terms?', lexicon, 'offer')).toEqual({ questionBack: true });
  });
});

describe('scores in words, approximate, or as a range', () => {
  it.each([
    ['5-6', 6, true], ['between 4 and 5', 5, true], ['6 or 7', 7, true], ['eight, maybe more', 8, true], ['6ish', 6, true],
    ['sevn', 7, false], ['fiev', 5, false], ['a solid seven', 7, false], ['low, like a 2', 2, true], ['6 2day', 6, false],
    ['nine out of ten', 9, false], ['6, same as it has been for the last 3 months', 6, false],
  ] as const)('"%s" is %s (approximate: %s)', (text, score, approximate) => {
    expect(parseScoreAnswer(text, lexicon)).toMatchObject({ score, approximate });
  });

  it('a range records the higher number and says it was a range', () => {
    expect(parseScoreAnswer('4 to 5', lexicon)).toEqual({ score: 5, approximate: true, range: true });
  });

  it.each(['nothing I do eases it', 'is 10 the worst pain ever?', 'what does 0 mean?', 'fine', 'none of the tablets help', 'bad'])('"%s" is not a score', (text) => {
    expect(parseScoreAnswer(text, lexicon)).toBeUndefined();
  });
});

describe('durations and weights with their units', () => {
  it.each([
    ['10 days', 10], ['10 days ago', 10], ['3 weeks', 21], ['2 wks', 14], ['three weaks', 21], ['2 months ago', 61], ['a fortnight ago', 14],
    ['half a year ago now', 183], ['a year ago', 365], ['twelve days', 12], ['a week and a half', 11], ['1 year and 2 months', 426],
    ['I have had a bad back for 10 years but this flare started 3 days ago', 3],
  ] as const)('"%s" is %s days', (text, days) => expect(parseDays(text, lexicon)?.days).toBe(days));

  it.each([
    ['5 kg', 5], ['10 kilos', 10], ['20 lbs', 9.1], ['2 stone', 12.7], ['15 pounds', 6.8], ['half a stone', 3.2], ['3kg', 3],
    ['nothing over 10 pounds', 4.5], ['ten kilogramms', 10], ['2 stone 4 lb', 14.5], ['10 kg (22 lb)', 10], ['about 2 stone (28 lbs)', 12.7], ['10 pounds for the first six weeks', 4.5],
  ] as const)('"%s" is %s kg', (text, kg) => expect(parseKg(text, lexicon)?.kg).toBe(kg));

  it('"10 days" is not 10 weeks and "20 lbs" is not 20 kg', () => {
    expect(parseDays('10 days', lexicon)?.days).not.toBe(70);
    expect(parseKg('20 lbs', lexicon)?.kg).not.toBe(20);
  });
});

describe('how far symptoms reach, and the side, from body parts', () => {
  it.each([
    ['down to my right ankle', { reach: 'below_knee', side: 'right' }],
    ['into my calf', { reach: 'below_knee' }],
    ['left hip and thigh, stops above the knee', { reach: 'buttock_thigh', side: 'left' }],
    ['below my right knee', { reach: 'below_knee', side: 'right' }],
    ['left arm n fingers', { reach: 'arm_hand', side: 'left' }],
    ['it wraps round my ribs to the front', { reach: 'trunk' }],
    ['only in my neck, it does not go anywhere', { reach: 'spine_only' }],
    ['down both legs to my feet', { reach: 'below_knee', side: 'both' }],
    ['back sore, legs fine', {}],
  ] as const)('"%s"', (text, expected) => expect(readReach(text, lexicon)).toEqual(expected));

  it('an answer between two choices names both and the question that settles it', () => {
    expect(readReach('down my left leg to the knee', lexicon)).toEqual({ between: { options: ['buttock_thigh', 'below_knee'], question: 'reachPastKnee' }, side: 'left' });
  });
});

describe('onset with relative dates, read against the message time', () => {
  // A Wednesday: the parser never reads the clock.
  const at = '2026-12-02T10:00:00.000Z';
  it.each([
    ['since Tuesday', 'last_2_days', 1], ['last night', 'last_2_days', 1], ['3 days ago', 'under_2_weeks', 3],
    ['since the weekend', 'under_2_weeks', 4], ['the 20th', 'under_2_weeks', 12], ['since the 1st of November', 'under_6_weeks', 31],
    ['about five weeks back', 'under_6_weeks', 35], ['I have had back trouble for years but this flare started on Monday', 'last_2_days', 2],
  ] as const)('"%s" is %s (%s days)', (text, band, days) => expect(readOnset(text, at, lexicon)).toEqual({ band, days }));

  it('a long history without a date is more than 6 weeks', () => {
    expect(readOnset('ages, on and off for years', at, lexicon)).toEqual({ band: 'over_6_weeks' });
  });

  it('"sitting for three hours" says how long, not when', () => {
    expect(readOnset('last week, after sitting on a hard bench for three hours', at, lexicon)).toEqual({ band: 'under_2_weeks', days: 7 });
  });
});

describe('surgery kinds, in clinical and everyday names', () => {
  it.each([
    ['I had a microdiscectomy', 'discectomy'], ['had a micro disc', 'discectomy'], ['they trimmed the disc that was pressing on the nerve', 'discectomy'],
    ['lumbar decompression at L4', 'laminectomy'], ['I have got rods and screws in my back', 'fusion'], ['ACDF two years ago', 'fusion'],
    ['an artificial disc', 'disc_replacement'], ['never had an operation', 'none'], ['not yet, I am on the waiting list for a microdiscectomy', 'none'],
    ['the surgeon says I might need it but nothing is booked', 'none'], ['I had knee surgery, but nothing on my back', 'none'],
  ] as const)('"%s" is %s', (text, kind) => expect(readSurgery(text, lexicon)).toBe(kind));
});

describe('movement responses by direction, not location', () => {
  // The table of cases lives in tests/nlu/probes/movement.yaml (parsersProbes.test.ts).
  it('reaching the toes or fingers is marked, and wins over an earlier easing', () => {
    expect(readMovement('numbness spread all the way to my toes', lexicon)).toEqual({ response: 'peripheralized', toesOrFingers: true });
    expect(readMovement('my calf feels better but now tingling in my toes', lexicon)).toEqual({ response: 'peripheralized', toesOrFingers: true });
  });
});

describe('ages in digits or words', () => {
  it.each([["I'm 61", 61], ['sixty-one', 61], ['forty seven', 47], ["I'll be 30 in May", 29], ['fourty', 40]] as const)('"%s" is %s', (text, age) => expect(readAge(text, lexicon)).toBe(age));
  it('a number out of range is not an age', () => expect(readAge('150', lexicon)).toBeUndefined());
});
