/**
 * Answers in words the coach was not built from (issue 17, items 4-6): a fair sample of fresh
 * wording across registers, including every reading that could go the wrong way (a yes taken as a
 * no, a movement toward the spine taken as spreading, a range read low).
 */
import { describe, expect, it } from 'vitest';
import { parseKg } from '../../src/nlu/answers/quantity.ts';
import { parseScoreAnswer } from '../../src/nlu/answers/score.ts';
import { readAge } from '../../src/nlu/answers/age.ts';
import { readMovement } from '../../src/nlu/answers/movement.ts';
import { readOnset } from '../../src/nlu/answers/onset.ts';
import { readReach, readSide } from '../../src/nlu/answers/reach.ts';
import { readSurgery } from '../../src/nlu/answers/surgery.ts';
import { readYesNo } from '../../src/nlu/answers/yesNo.ts';
import { unknownAmount } from '../../src/nlu/answers/quantity.ts';
import { parseRegion } from '../../src/nlu/region.ts';
import { lexicon } from './content.ts';

describe('yes and no to a warning-sign question, in other words', () => {
  it.each([
    ["not that I've noticed", 'no'], ["can't say I have", 'no'], ["I wouldn't say so", 'no'], ['not as far as I know', 'no'],
    ['none whatsoever', 'no'], ["haven't noticed anything", 'no'], ['nah mate', 'no'], ['na', 'no'], ['not had any problems', 'no'],
    ['no, why do you ask?', 'no'], ['nowt', 'no'], ['all quiet', 'no'], ['nothing at all', 'no'], ['not a thing', 'no'],
    ['a tiny bit', 'yes'], ['now and again', 'yes'], ['yh', 'yes'], ['i suppose so', 'yes'], ['slightly yes', 'yes'], ['I do yeah', 'yes'],
    ["I couldn't tell you", 'unsure'], ["not sure, maybe", 'unsure'], ['maybe a little, hard to tell', 'unsure'],
  ] as const)('"%s" is %s', (text, answer) => expect(readYesNo(text, lexicon, 'symptom').answer).toBe(answer));

  // Wrong direction is the worst answer error: a message that takes its answer back is asked again.
  it.each(['no... well actually yes a bit', 'no wait, yes', 'no, but it does feel a bit odd sometimes', 'yes, no wait, not really'])(
    '"%s" is neither yes nor no',
    (text) => expect(readYesNo(text, lexicon, 'symptom').answer).toBeUndefined(),
  );

  it.each(['not really, just a bit', 'not much', 'I sleep ok but the pain wakes me at 3'])('the soft or qualified "%s" is neither yes nor no', (text) => {
    expect(readYesNo(text, lexicon, 'symptom').answer).toBeUndefined();
  });

  it.each([["don't think so", 'no'], ['only when I cough', 'yes'], ['only if I sneeze', 'yes'], ['rarely', 'yes'], ['I sleep ok', 'no']] as const)(
    '"%s" is %s',
    (text, answer) => expect(readYesNo(text, lexicon, 'symptom').answer).toBe(answer),
  );

  it('a plain no with an unrelated remark stays a no', () => {
    expect(readYesNo('no just a bit constipated from the tablets', lexicon, 'symptom').answer).toBe('no');
    expect(readYesNo('no, everything feels normal when I wipe', lexicon, 'symptom').answer).toBe('no');
  });

  it('a statement starting like a question, with no question mark, is not a question back', () => {
    expect(readYesNo('where my bra strap goes', lexicon, 'symptom').questionBack).toBe(false);
    expect(readYesNo('where is the middle back?', lexicon, 'symptom').questionBack).toBe(true);
  });
});

describe('yes and no to an offer (consent, starting a session, "is that right?")', () => {
  it.each([
    ['sounds reasonable', 'yes'], ["that's fair enough", 'yes'], ['i am happy for you to keep my answers', 'yes'], ["I wouldn't say no", 'yes'],
    ['might as well', 'yes'], ['looks right to me', 'yes'], ['yes I am agree', 'yes'],
    ['not happy with that', 'no'], ["I don't consent", 'no'], ['not keen on that to be honest', 'no'], ["I'm not up to it", 'no'],
    ["i'd rather leave it", 'no'], ["let's leave it for today", 'no'], ['not ok today, too sore', 'no'], ["I can't go today", 'no'],
    ["that's wrong", 'no'], ['not right', 'no'],
  ] as const)('"%s" is %s', (text, answer) => expect(readYesNo(text, lexicon, 'offer').answer).toBe(answer));

  it('"nothing wrong there" is not read as a no to "is that right?"', () => {
    expect(readYesNo('nothing wrong there', lexicon, 'offer').answer).not.toBe('no');
  });
});

describe('scores: a range or a hedged second number records the higher one', () => {
  it.each([
    ['3, maybe 4', 4], ['5 mebbe 6', 6], ['7 or maybe 8', 8], ['like 6/7', 7], ['5/6', 6], ['6-7/10', 7], ['3-4 out of 10', 4],
    ['between 5 and 6 maybe', 6], ['between a 6 and a 7', 7], ['7 or 8 out of 10', 8], ['sevenish', 7], ['fiveish', 5], ['prob a 4', 4], ['at least a 7', 7],
  ] as const)('"%s" is %s', (text, score) => expect(parseScoreAnswer(text, lexicon)?.score).toBe(score));

  it('a hedged pair is a range only when both are scores', () => {
    expect(parseScoreAnswer("I'm 45, probably a 6", lexicon)?.score).toBe(6);
    expect(parseScoreAnswer('4 now, was 8 this morning', lexicon)?.score).toBe(4);
  });

  it('"fiveish" is approximate, "9/10" is still nine out of ten', () => {
    expect(parseScoreAnswer('fiveish', lexicon)).toMatchObject({ score: 5, approximate: true });
    expect(parseScoreAnswer('9/10', lexicon)).toMatchObject({ score: 9, range: false });
    expect(parseScoreAnswer('none in the leg today', lexicon)?.score).toBe(0);
  });
});

describe('region, reach, sides, onset, surgery, age and weight in everyday words', () => {
  it.each([
    ['lumber', 'lumbar'], ['my lowerback', 'lumbar'], ["it's the lower part of my back", 'lumbar'], ['back, low down', 'lumbar'],
    ['right at the base of my back', 'lumbar'], ['nek', 'cervical'], ['midback', 'thoracic'], ['the middle bit of my back', 'thoracic'],
  ] as const)('"%s" is %s', (text, region) => expect(parseRegion(text, lexicon)).toBe(region));

  it.each([
    ['my rt leg all the way down', { reach: 'below_knee', side: 'right' }],
    ['backside and upper leg', { reach: 'buttock_thigh' }],
    ['the pain stays put in my back', { reach: 'spine_only' }],
    ['just the middle of my back', { reach: 'spine_only' }],
  ] as const)('"%s" reaches %j', (text, expected) => expect(readReach(text, lexicon)).toEqual(expected));

  it.each([
    ['it swaps sides', 'both'], ['two legs', 'both'], ['mainly right, sometimes left too', 'both'], ['just 1 leg', 'one'],
    ["just right, left's ok", 'right'], ['the left is better than the right', 'both'],
  ] as const)(
    '"%s" is %s',
    (text, side) => expect(readSide(text, lexicon)).toBe(side),
  );

  it('the start of this month is read as the 1st', () => {
    expect(readOnset('since the beginning of the month', '2026-11-27T09:00:00.000Z', lexicon)).toEqual({ band: 'under_6_weeks', days: 26 });
  });

  it.each([
    ['micro d last year', 'discectomy'], ['microdisectomy', 'discectomy'], ['they took some bone away to free the nerve', 'laminectomy'],
    ['caesarean, but no back ops', 'none'], ['nah', 'none'], ["they've talked about surgery but I haven't had any", 'none'],
  ] as const)('"%s" is %s', (text, kind) => expect(readSurgery(text, lexicon)).toBe(kind));

  it('"44 next birthday" is 43', () => expect(readAge('44 next birthday', lexicon)).toBe(43));

  it.each(['nobody told me', 'not told', 'they didnt mention it', "I wasn't given a limit"])('"%s" is no known limit', (text) => {
    expect(unknownAmount(text, lexicon)).toBe(true);
    expect(parseKg(text, lexicon)).toBeUndefined();
  });
});

describe('movement: direction beats location, clause by clause', () => {
  it.each([
    ['it sort of moved up into my bum and the calf is better', 'centralized'],
    ['less in my foot, more in my back', 'centralized'],
    ['pain retreated to my buttock', 'centralized'],
    ['it was in my calf but now it\'s in my thigh', 'centralized'],
    ['my foot feels normal again', 'centralized'],
    ['the buzzing in my shin has backed off', 'centralized'],
    ["my calf doesn't hurt anymore", 'centralized'],
    ['the pins and needles stopped', 'centralized'],
    ['not as far down the leg now', 'centralized'],
    ['the numbness in my toes is gone, now just the calf', 'centralized'],
    ['the tingling in my fingers has gone back to my wrist', 'centralized'],
    ["it's more in my leg now and less in my back", 'peripheralized'],
    ['back\'s better but the leg is worse', 'peripheralized'],
    ['now down to my ankle', 'peripheralized'],
    ['it was in my thigh, now it\'s in my calf', 'peripheralized'],
    ["didn't make any difference", 'no_change'],
    ["wasn't able to get down on the floor", 'could_not'],
  ] as const)('"%s" is %s', (text, response) => expect(readMovement(text, lexicon)?.response).toBe(response));

  // "Went down" and "gone up" with no body part say how much, not where: never a direction.
  it('the amount of pain is not a direction', () => {
    expect(readMovement('the pain went down', lexicon)?.response).toBe('centralized');
    expect(readMovement('the pain has gone down a lot', lexicon)?.response).toBe('centralized');
    expect(readMovement('the pain went up', lexicon)).toBeUndefined();
    expect(readMovement("pain's gone up a notch", lexicon)).toBeUndefined();
    expect(readMovement('it went down my leg', lexicon)?.response).toBe('peripheralized');
    expect(readMovement('it moved up', lexicon)?.response).toBe('centralized');
  });

  it('toes or fingers reached is marked, even after an easing elsewhere', () => {
    expect(readMovement('less in my back but now in my toes', lexicon)).toEqual({ response: 'peripheralized', toesOrFingers: true });
    expect(readMovement('pins and needles got into my toes now', lexicon)).toEqual({ response: 'peripheralized', toesOrFingers: true });
  });
});

describe('a carer answering for the patient, and text-speak', () => {
  it('"his" and "her" body parts are the patient\'s own', () => {
    expect(parseRegion('his lower back', lexicon)).toBe('lumbar');
    expect(parseRegion('her neck', lexicon)).toBe('cervical');
    expect(readReach('into her right buttock', lexicon)).toEqual({ reach: 'buttock_thigh', side: 'right' });
    expect(readReach('it goes right down the back of his left leg to his heel', lexicon)).toEqual({ reach: 'below_knee', side: 'left' });
    expect(readReach('just stays in his back', lexicon)).toEqual({ reach: 'spine_only' });
    expect(readSurgery("No, he's never had an operation on his back", lexicon)).toBe('none');
    expect(readMovement('she says it went further down her leg', lexicon)?.response).toBe('peripheralized');
  });

  it.each([['he says no', 'no'], ["she hasn't mentioned anything like that", 'no'], ['yes he has', 'yes'], ['noo', 'no'], ['idk', 'unsure'], ['well now you mention it, yes', 'yes']] as const)(
    '"%s" is %s',
    (text, answer) => expect(readYesNo(text, lexicon, 'symptom').answer).toBe(answer),
  );

  it('text-speak is spelled out', () => {
    expect(readOnset('yday', '2026-11-27T09:00:00.000Z', lexicon)).toEqual({ band: 'last_2_days', days: 1 });
    expect(readOnset('2day', '2026-11-27T09:00:00.000Z', lexicon)).toEqual({ band: 'last_2_days', days: 0 });
    expect(readMovement('cudnt do it', lexicon)?.response).toBe('could_not');
    expect(readMovement('no diff', lexicon)?.response).toBe('no_change');
    expect(parseScoreAnswer('eight nine', lexicon)?.score).toBe(9);
  });

  it('"stops at the knee" does not reach below it', () => {
    expect(readReach('it travels into the back of the thigh but stops at the knee', lexicon)).toEqual({ reach: 'buttock_thigh' });
  });
});
