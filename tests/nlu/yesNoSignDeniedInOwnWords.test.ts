/**
 * At a warning-sign question (issue 17), a statement with no answer word that denies the asked
 * sign in its own words ("my bum isn't numb", "there's been no trouble peeing") or says its
 * function is as usual ("been weeing like normal", "the feeling's all there when I wipe", "made it
 * to the loo every time") answers "no": the detector reads the denial as it reads a disclosure, and
 * the sign's `asUsual` rules (content/red-flags) read the function kept. Never a "no" from doubt,
 * a hedge, a limit, a past time, a "what if", a question, a denial of the function itself ("wiping
 * isn't normal"), or a message that tells of any sign. Own wording, many registers; end to end
 * through the coach (the corpus harness), at the sign's own question and at the check-in's.
 */
import { describe, expect, it } from 'vitest';
import { Harness, createBot } from './corpus/harness.ts';
import { entrySchema } from './corpus/schema.ts';
import { judge } from './corpus/score.ts';

const harness = new Harness(createBot());

/** What the coach took as the answer, and the referral it made (null: none). */
function answered(text: string, flagId?: string): { answer: unknown; referral: string | null } {
  const entry = entrySchema.parse({
    id: 'denied-in-own-words',
    register: ['plain'],
    state: flagId ? 'redFlagQuestion' : 'checkInWarning',
    ...(flagId ? { flagId } : {}),
    text,
    answer: { kind: 'yesNo', value: 'no' },
    sign: { expect: 'none', how: 'benign' },
  });
  const { observation, unreachable } = harness.run(entry);
  const judged = judge(entry, observation, unreachable);
  return { answer: judged.answer?.got, referral: judged.sign?.referral ?? null };
}

describe('the asked sign denied, or its function said as usual: no', () => {
  it.each([
    ['ces.saddle-numbness', "my bum isn't numb"],
    ['ces.saddle-numbness', 'down there isnt numb or tingly at all'],
    ['ces.saddle-numbness', "there's no numbness round my bottom or privates"],
    ['ces.saddle-numbness', "feeling's all there when I wipe"],
    ['ces.saddle-numbness', 'can still feel the loo roll when i wipe'],
    ['ces.saddle-numbness', 'Wiping is completely normal, thank you.'],
    ['ces.saddle-numbness', 'i can feel the paper fine when i wipe luv'],
    ['ces.bladder-retention', "there's been no trouble peeing"],
    ['ces.bladder-retention', 'been weeing like normal'],
    ['ces.bladder-retention', "peeing hasn't been a problem"],
    ['ces.bladder-retention', "I don't have to strain to pee"],
    ['ces.bladder-retention', 'wee comes normal, same as before'],
    ['ces.bladder-retention', 'urinating normally, no difficulty'],
    ['ces.bladder-retention', 'weeing regular as clockwork'],
    ['ces.bladder-sensation', 'I know when I need a wee'],
    ['ces.bladder-sensation', 'i can feel when my bladders full'],
    ['ces.bladder-sensation', 'I still get the urge to pee like always'],
    ['ces.bladder-incontinence', 'always make it to the toilet in time'],
    ['ces.bladder-incontinence', "I've not needed pads"],
    ['ces.bowel', 'I know when I need a poo'],
    ['ces.bowel', 'bowels are behaving themselves'],
    ['ces.bowel', 'I get the urge to go for a number two same as ever'],
    ['ces.bowel', 'the thing with my bowels, not been for two days but I can feel I need to, its the codeine'],
    ['ces.sexual', 'erections working fine'],
    ['ces.sexual', 'sex feels the same as it always did'],
    ['ces.sexual', 'I can still climax normally'],
    ['ces.bilateral-weakness', "my legs aren't any weaker"],
    ['ces.bilateral-weakness', 'legs are not weak at all'],
  ])('at %s: "%s"', (flagId, text) => expect(answered(text, flagId)).toEqual({ answer: 'no', referral: null }));

  it.each([
    "my bum isn't numb and peeing's normal",
    'been weeing like normal',
    'no trouble peeing or pooing',
    "my legs aren't any weaker",
    'made it to the loo every time this week',
    'runny tummy from a dodgy curry on friday, got to the loo in time every time tho',
  ])('at the check-in: "%s"', (text) => expect(answered(text)).toEqual({ answer: 'no', referral: null }));
});

describe('never a no', () => {
  it.each([
    // doubt, a hedge, a limit, a past time, a "what if", a question
    ['ces.saddle-numbness', 'not sure my bum is numb, hard to tell'],
    ['ces.saddle-numbness', "I haven't checked down there"],
    ['ces.saddle-numbness', "don't think it's numb but I can't really tell"],
    ['ces.saddle-numbness', "bum isn't numb, just a bit tingly sometimes"],
    ['ces.saddle-numbness', 'wiping feels mostly normal'],
    ['ces.saddle-numbness', 'if wiping feels normal can I keep exercising'],
    ['ces.saddle-numbness', 'wiping felt normal last month'],
    ['ces.saddle-numbness', 'is it normal to feel less when I wipe?'],
    ['ces.bladder-retention', 'peeing is fine I think? not sure'],
    ['ces.bladder-incontinence', 'nearly always make it to the toilet in time'],
    ['ces.bowel', 'made it to the loo most times'],
    // one part or side only, or after a check made for the question: the rest may be the sign, in words not known
    ['ces.saddle-numbness', 'right cheek is normal, the left one is kind of far away'],
    ['ces.saddle-numbness', 'the left side feels fine when I wipe, the other side is a bit like wearing gloves'],
    ['ces.saddle-numbness', 'checked with a mirror and a tissue, front is normal, behind is like a thick sock'],
    ['ces.saddle-numbness', 'inner thighs ok, round the back passage not so much'],
    // a yes word: it affirms, it is never read as a no
    ['ces.bladder-sensation', 'yeah I know when I need a wee'],
    ['ces.bladder-retention', 'yes been weeing like normal'],
    // a soft denial, the sign told again in other words, how the urine looks
    ['ces.saddle-numbness', "bum's not numb as such, more like it's not there"],
    ['ces.saddle-numbness', "isn't numb, it's more of a dead feeling"],
    ['ces.saddle-numbness', 'not really numb, more like it belongs to someone else'],
    ['ces.bladder-retention', 'my wee is normal colour'],
    // an exception after the all-clear
    ['ces.bladder-retention', 'weeing fine, only that I feel still full after'],
    ['ces.bladder-retention', 'peeing ok, just that it dribbles on at the end'],
    // the function itself denied
    ['ces.saddle-numbness', "wiping isn't normal"],
    ['ces.bladder-retention', "I'm not weeing normally"],
    ['ces.sexual', "erections aren't normal"],
    ['ces.bladder-sensation', 'I never know when I need a wee'],
    ['ces.bladder-sensation', "I can't always tell when my bladder is full"],
    ['ces.bowel', "I don't always know when I need a poo"],
    ['ces.bladder-incontinence', "didn't make it to the loo in time"],
    // another sign's denial is no answer to this one
    ['ces.bladder-retention', "my bum isn't numb"],
  ])('at %s: "%s"', (flagId, text) => expect(answered(text, flagId).answer).not.toBe('no'));

  it.each([
    ['ces.saddle-numbness', 'my bum is numb'],
    ['ces.saddle-numbness', "my bum isn't numb but I wet myself this morning"],
    ['ces.bladder-retention', 'peeing is normal except it takes ages to start'],
    ['ces.bladder-retention', "my husband's peeing is normal but I struggle to go"],
    ['ces.sexual', 'erections are fine but I feel less down there'],
  ])('at %s, a sign told beside it still refers: "%s"', (flagId, text) => expect(answered(text, flagId).referral).toBe('emergency'));

  it.each([
    'my legs are fine but my bum has gone numb',
    'been weeing like normal but my legs are weaker',
  ])('at the check-in, a sign told beside it still refers: "%s"', (text) => expect(answered(text).referral).toBe('emergency'));

  it.each(['not sure, peeing feels a bit off', "peeing's normal I think, haven't really paid attention", "my back's fine today"])(
    'at the check-in: "%s"',
    (text) => expect(answered(text).answer).not.toBe('no'),
  );
});

describe('an all-clear of something else at one sign\'s question is no answer to it', () => {
  it.each([
    ['ces.saddle-numbness', 'my legs are fine'],
    ['ces.saddle-numbness', 'been weeing like normal'],
    ['ces.saddle-numbness', 'my back is fine today'],
    ['ces.bladder-retention', 'my bowels are fine'],
    ['ces.bladder-retention', 'my legs are as strong as ever'],
    ['ces.bilateral-weakness', 'bladder is fine'],
  ])('at %s: "%s" is neither yes nor no', (flagId, text) => expect(answered(text, flagId)).toEqual({ answer: undefined, referral: null }));

  it.each([
    // of the asked sign, or of everything, or with an answer word: still a no
    ['ces.saddle-numbness', 'everything down there is normal'],
    ['ces.saddle-numbness', 'all normal'],
    ['ces.saddle-numbness', 'no, my legs are fine'],
    ['ces.saddle-numbness', 'nothing new'],
    ['ces.bladder-retention', 'peeing is fine'],
    ['ces.bladder-retention', 'waterworks all fine'],
    ['ces.bilateral-weakness', 'my legs are as strong as ever'],
    ['ces.bowel', 'bowels are normal'],
    ['ces.bowel', 'toilet habits are normal'],
  ])('at %s: "%s" is no', (flagId, text) => expect(answered(text, flagId)).toEqual({ answer: 'no', referral: null }));
});

describe('a known look-alike said instead of the sign: no', () => {
  it.each([
    "I'm on steroid cream for my psoriasis, not the tablets",
    'only a steroid inhaler for my asthma',
    'was given pred for five days last winter for my chest',
    'just one short course of steroids years back',
    'had a steroid jab in my shoulder once',
    'a single course of prednisolone when I had pneumonia, nothing since',
  ])('at the steroid question: "%s"', (text) => expect(answered(text, 'soon.osteoporosis-steroids')).toEqual({ answer: 'no', referral: null }));

  it.each([
    ['several courses of pred every winter for my copd', undefined],
    ['a short course of steroids, not sure how long', 'unsure'],
    ['my mum had a course of prednisolone', undefined],
    // a turn after the look-alike may take it back
    ['a course of pred for 5 days, but I have been on it for months now', undefined],
  ])('at the steroid question: "%s" is no no', (text, answer) => expect(answered(text, 'soon.osteoporosis-steroids').answer).toBe(answer));

  it.each(["I've been on prednisolone for years", 'steroid cream and also pred tablets every day', 'a course of pred for 5 days but been taking pred for months now'])(
    'at the steroid question: "%s" refers',
    (text) => expect(answered(text, 'soon.osteoporosis-steroids').referral).toBe('soon'),
  );
});

describe('the function itself denied, or doubt said in other words: never a no', () => {
  it.each([
    // not done since: the person cannot tell, whatever the denial
    ['ces.sexual', "not been intimate since so I can't answer that"],
    ['ces.sexual', 'no idea, we haven\'t tried'],
    ['ces.bowel', "haven't been since the op so can't say"],
    ['ces.bowel', "not been for a poo yet today so don't know"],
    // doubt in many registers
    ['ces.saddle-numbness', "I honestly couldn't tell you"],
    ['ces.saddle-numbness', "haven't paid much attention to be honest"],
    ['ces.saddle-numbness', 'never really checked that'],
    ['ces.saddle-numbness', "I wouldn't know how to tell"],
    ['ces.saddle-numbness', "cant say ive noticed but ive not been looking"],
    ['ces.saddle-numbness', "I'll have to check next time I go"],
    ['ces.saddle-numbness', 'hard to know with all the painkillers'],
    ['ces.bladder-retention', "who can say, I'm up and down all night"],
    ['ces.bladder-retention', 'I am not knowing this'],
  ])('at %s: "%s" is not sure or no answer', (flagId, text) => expect(['unsure', undefined]).toContain(answered(text, flagId).answer));

  it.each([
    ['ces.saddle-numbness', "I honestly couldn't tell you"],
    ['ces.saddle-numbness', "haven't paid much attention to be honest"],
    ['ces.bladder-retention', "who can say, I'm up and down all night"],
    ['ces.bladder-retention', 'I am not knowing this'],
    ['ces.sexual', "not been intimate since so I can't answer that"],
  ])('at %s: "%s" is not sure', (flagId, text) => expect(answered(text, flagId).answer).toBe('unsure'));
});

describe('one leg named as the only one, at the question about both legs', () => {
  it.each([
    "it's only ever been my left leg",
    'just the right side',
    'only down my left leg to the knee',
    'left leg only',
    'never gone into the other one',
    'Only in the one leg, the right.',
  ])('"%s" is no', (text) => expect(answered(text, 'ces.bilateral-sciatica')).toEqual({ answer: 'no', referral: null }));

  it.each([
    // a guess, a limit, a time before now, a turn, anything new: never a no
    'only the left leg, I think',
    'I reckon just the left leg',
    'mostly the left leg',
    'only my left leg last week',
    'at first just the right one',
    'it was only my left leg, now it\'s both',
    'only my left leg so far but the right feels funny',
  ])('"%s" is no no', (text) => expect(answered(text, 'ces.bilateral-sciatica').answer).not.toBe('no'));

  it('"only my left leg but now the right one tingles too" refers', () => expect(answered('only my left leg but now the right one tingles too', 'ces.bilateral-sciatica').referral).toBe('emergency'));
});

describe('a guess at the start or end of the message is no plain no', () => {
  it.each([
    ['ces.bladder-retention', 'been weeing like normal I reckon'],
    ['ces.bladder-retention', 'I think weeing is like normal'],
    ['ces.saddle-numbness', 'probably not numb down there'],
    ['ces.bowel', 'I reckon I know when I need a poo'],
  ])('at %s: "%s"', (flagId, text) => expect(answered(text, flagId).answer).not.toBe('no'));
});
