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

  // Wrong direction is the worst answer error: a message that takes its answer back, or tells of the
  // sign after a no, is "not sure" at a safety question (the coach checks), never a plain yes or no.
  it.each([
    'no... well actually yes a bit', 'no wait, yes', 'no, but it does feel a bit odd sometimes', 'yes, no wait, not really',
    "No, it's numb on the left side, the tissue felt like nothing", 'No. well, i had a dribble of wee on friday but that was it', "i dont think so? not sure",
  ])('"%s" is not sure', (text) => expect(readYesNo(text, lexicon, 'symptom').answer).toBe('unsure'));

  it('an offer taken back is asked again', () => expect(readYesNo('yes, no wait, not now', lexicon, 'offer').answer).toBeUndefined());

  it.each(["no, my bum isn't numb", 'no accidents, but my bottom itself feels numb', "no new numbness. but i've started cutting again"])(
    'a denial of this sign stands: "%s" is no',
    (text) => expect(readYesNo(text, lexicon, 'symptom').answer).toBe('no'),
  );

  it.each(['not really, just a bit', 'I sleep ok but the pain wakes me at 3'])('the soft or qualified "%s" is not sure', (text) => {
    expect(readYesNo(text, lexicon, 'symptom').answer).toBe('unsure');
  });

  it('"not much" is no answer', () => expect(readYesNo('not much', lexicon, 'symptom').answer).toBeUndefined());

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
  // The table of cases lives in tests/nlu/probes/movement.yaml (parsersProbes.test.ts).
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

describe('non-native and roundabout wording', () => {
  it.each([
    ['I am not having this problem', 'no'], ['this is not happening to me', 'no'], ["I'd have to say no", 'no'], ['I think not', 'no'],
    ['nothing out of the ordinary', 'no'], ['it feels normal', 'no'], ["nothing I've noticed", 'no'], ['sometime', 'yes'], ['nop', 'no'],
  ] as const)('"%s" is %s', (text, answer) => expect(readYesNo(text, lexicon, 'symptom').answer).toBe(answer));

  it('"not having any feeling" is never a no', () => {
    expect(readYesNo("I'm not having any feeling down there", lexicon, 'symptom').answer).not.toBe('no');
  });

  it.each([
    ['leg pain finish', 'centralized'], ['pain is gone from leg', 'centralized'], ['the calf pain went', 'centralized'],
    ['it got worse in the calf but better in the thigh', 'peripheralized'], ['better in the calf, worse in the thigh', 'centralized'],
    ["it's moved, now it's in my hip rather than my calf", 'centralized'], ['my whole leg is tingling now', 'peripheralized'],
  ] as const)('"%s" is %s', (text, response) => expect(readMovement(text, lexicon)?.response).toBe(response));
});

describe('named days and dictated numbers', () => {
  const at = '2026-11-27T09:00:00.000Z';
  it.each([
    ['bonfire night, I was carrying wood', 'under_6_weeks', 22],
    ['Remembrance Sunday', 'under_6_weeks', 16],
    ['for the last to weeks', 'under_2_weeks', 14],
  ] as const)('"%s" is %s (%s days)', (text, band, days) => expect(readOnset(text, at, lexicon)).toEqual({ band, days }));

  it('"Monday last week" is the Monday before the last one', () => {
    expect(readOnset('it was monday last week', at, lexicon)?.days).toBeGreaterThanOrEqual(7);
  });

  it('"fore" at the pain question is four, "cervicle" is the neck, "took a bit of the disc out" a discectomy', () => {
    expect(parseScoreAnswer('fore', lexicon)?.score).toBe(4);
    expect(parseRegion('cervicle spine', lexicon)).toBe('cervical');
    expect(readSurgery('they took a bit of the disc out', lexicon)).toBe('discectomy');
  });

  it('"a jolt like electricity down both arms" spread', () => {
    expect(readMovement('the chin tuck gave me a jolt like electricity down both arms and my back', lexicon)?.response).toBe('peripheralized');
  });
});

describe('ranges of amounts take the cautious end, and a question after an answer keeps the answer', () => {
  it.each([['no more than 2 to 3 kg', 2], ['between 5 and 10 kilos', 5], ['5 to 10 kg', 5], ['2 stone and 4 lb', 14.5]] as const)(
    '"%s" is %s kg',
    (text, kg) => expect(parseKg(text, lexicon)?.kg).toBe(kg),
  );

  it('"2-3 weeks ago" is the more recent end', () => expect(readOnset('2-3 weeks ago', '2026-11-27T09:00:00.000Z', lexicon)?.days).toBe(14));
  it('"the week before last" is two weeks', () => expect(readOnset('the week before last', '2026-11-27T09:00:00.000Z', lexicon)?.days).toBe(14));

  it('"lower back, why?" answers and then asks; "one side of what, my back?" only asks', () => {
    expect(readYesNo('lower back, why?', lexicon, 'symptom')).toEqual({ questionBack: true, markOnly: true });
    expect(readYesNo('one side of what, my back?', lexicon, 'symptom')).toEqual({ questionBack: true });
  });
});

describe('statements of the sign being absent, at the other warning questions', () => {
  it.each([['I can do buttons fine', 'no'], ['I can walk fine', 'no'], ["I can't walk fine", undefined], ['I can walk fine but my legs feel heavy', 'unsure']] as const)(
    '"%s" is %s',
    (text, answer) => expect(readYesNo(text, lexicon, 'symptom').answer).toBe(answer),
  );
  it('"perfect" and "let\'s get it done" agree; "no leg pain today" is 0', () => {
    expect(readYesNo('perfect', lexicon, 'offer').answer).toBe('yes');
    expect(readYesNo("let's get it done", lexicon, 'offer').answer).toBe('yes');
    expect(parseScoreAnswer('no leg pain today', lexicon)?.score).toBe(0);
  });
});

describe('the answer after an embarrassed or minimising opening', () => {
  it.each([
    ["um it's a bit embarrassing but yes, it does feel a bit numb", 'yes'], ["it's probably nothing but yes", 'yes'], ['only a tiny bit, probably nothing', 'yes'],
    ['my back hurts but no, not down there', 'no'],
  ] as const)('at a safety question "%s" is %s', (text, answer) => expect(readYesNo(text, lexicon, 'symptom').answer).toBe(answer));

  it('consent needs its yes up front: a statement then "yes" is not agreement', () => {
    expect(readYesNo('I am in pain, yes', lexicon, 'offer').answer).toBeUndefined();
  });
});

describe('part of a month, the end of a limb, no clue', () => {
  const at = '2026-11-27T09:00:00.000Z';
  it('"since the end of October" is its last day, never read older', () => {
    expect(readOnset('since the end of October', at, lexicon)).toEqual({ band: 'under_6_weeks', days: 27 });
    expect(readOnset('since October', at, lexicon)?.band).toBe('over_6_weeks');
  });
  it('"it went into my foot" spread; "it went into my buttock" says no direction on its own', () => {
    expect(readMovement('it went into my foot', lexicon)?.response).toBe('peripheralized');
    expect(readMovement('it went into my buttock', lexicon)).toBeUndefined();
  });
  it('"haven\'t a clue" is no known limit', () => expect(unknownAmount("haven't a clue", lexicon)).toBe(true));
});

describe('a leading yes with more said after it', () => {
  it.each([['yes I have to strain', 'yes'], ['yes I do, most mornings', 'yes'], ['yes i have, since Monday', 'yes'], ['never had a problem with it', 'no']] as const)(
    '"%s" is %s',
    (text, answer) => expect(readYesNo(text, lexicon, 'symptom').answer).toBe(answer),
  );
  it('"maybe tomorrow" declines the session; "not had one" is no operation', () => {
    expect(readYesNo('maybe tomorrow', lexicon, 'offer').answer).toBe('no');
    expect(readSurgery('not had one', lexicon)).toBe('none');
  });
});

describe('typing slips towards the answer words (never an English word, never away from a "not")', () => {
  const at = '2026-11-27T09:00:00.000Z';
  it('corrects region, reach, onset and surgery words', () => {
    expect(parseRegion('lowwer back', lexicon)).toBe('lumbar');
    expect(parseRegion('lumbat', lexicon)).toBe('lumbar');
    expect(parseRegion('neckk', lexicon)).toBe('cervical');
    expect(readReach('down to my ankel', lexicon)).toEqual({ reach: 'below_knee' });
    expect(readOnset('yesturday', at, lexicon)?.band).toBe('last_2_days');
    expect(readOnset('a mounth ago', at, lexicon)?.band).toBe('under_6_weeks');
    expect(readSurgery('lamenectomy', lexicon)).toBe('laminectomy');
  });
  it('corrects yes/no and movement words', () => {
    expect(readYesNo('definately not', lexicon, 'symptom').answer).toBe('no');
    expect(readYesNo('not shure', lexicon, 'symptom').answer).toBe('unsure');
    expect(readYesNo('i agreee', lexicon, 'offer').answer).toBe('yes');
    expect(readMovement('leg is beter', lexicon)?.response).toBe('centralized');
  });
  it('leaves contractions and negatives alone', () => {
    expect(readYesNo("I wouldn't say no", lexicon, 'offer').answer).toBe('yes');
    expect(readMovement('coudnt do it', lexicon)?.response).toBe('could_not');
    expect(readMovement("my calf doesn't hurt anymore", lexicon)?.response).toBe('centralized');
  });
});

describe('the fifth held-out set', () => {
  it('"probably a 5 or a 6" is 6, never 5', () => expect(parseScoreAnswer('probably a 5 or a 6', lexicon)?.score).toBe(6));
  it.each([['agree', 'yes'], ['okie dokie', 'yes'], ["I'd rather you didn't", 'no'], ["I don't agree", 'no']] as const)('an offer: "%s" is %s', (text, answer) =>
    expect(readYesNo(text, lexicon, 'offer').answer).toBe(answer),
  );
  it('"sometimes I don\'t notice" is a yes to a safety question', () => expect(readYesNo("sometimes I don't notice", lexicon, 'symptom').answer).toBe('yes'));
  it('"down into my right knee and below" reaches below the knee', () => expect(readReach('down into my right knee and below', lexicon)).toEqual({ reach: 'below_knee', side: 'right' }));
  it('"no better no worse" is no change', () => expect(readMovement('no better no worse', lexicon)?.response).toBe('no_change'));
});

describe('statements at consent are never agreement nor refusal', () => {
  it.each(['sometimes it goes numb down there', 'only if you do not share my data', "I've never had any back trouble before", 'this is not happening to me', 'never had surgery', 'not really in pain right now'])(
    'at consent "%s" is no answer',
    (text) => expect(readYesNo(text, lexicon, 'offer').answer).toBeUndefined(),
  );
  it.each([["I've never had any trouble", 'no'], ['this is not happening to me', 'no'], ['sometimes I do', 'yes']] as const)(
    'at a safety question "%s" is %s',
    (text, answer) => expect(readYesNo(text, lexicon, 'symptom').answer).toBe(answer),
  );
});

describe('plain refusals and agreements at consent still count', () => {
  it.each([['not really', 'no'], ['never', 'no'], ['no thanks', 'no'], ["not at all, I don't want that", 'no'], ['no way, delete it', 'no'], ['of course, go ahead', 'yes'], ['yes as long as it helps', 'yes']] as const)(
    '"%s" is %s',
    (text, answer) => expect(readYesNo(text, lexicon, 'offer').answer).toBe(answer),
  );
});

describe('no answer to the question asked', () => {
  it('a count of things is no score and no age', () => {
    expect(parseScoreAnswer('I took 2 paracetamol', lexicon)).toBeUndefined();
    expect(readAge('I have 2 kids', lexicon)).toBeUndefined();
    expect(readAge("I'm 45 years old", lexicon)).toBe(45);
  });
  it("someone else's operation is not the person's; a carer's \"he\" is", () => {
    expect(readSurgery('my wife had a discectomy', lexicon)).toBeUndefined();
    expect(readSurgery('he had a fusion two years ago', lexicon)).toBe('fusion');
  });
});

describe('skip in other words', () => {
  it('"pass on this one" asks to skip', async () => {
    const { detectIntent } = await import('../../src/nlu/index.ts');
    expect(detectIntent('pass on this one', lexicon)).toBe('skip');
  });
});
