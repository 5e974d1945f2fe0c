import { describe, expect, it } from 'vitest';
import type { CoachEvent, Output } from '../../../dialogs/types.ts';
import { readAnswer, readIntents, readReferral, readSignQuestions, readYesNo, type Observation } from './outcome.ts';
import type { Entry } from './schema.ts';
import { judge, judgeAnswer, summarise } from './score.ts';

// Hand-made outputs, not corpus entries: the adapter's reading of each output shape.
const at = '2026-11-27T09:00:00.000Z';
const record = (type: string, data: Record<string, unknown>): Output => ({ kind: 'record', type: type as never, data });
const handoff = (urgency: 'emergency' | 'urgent' | 'soon' | 'routine', requestedBy: 'rules' | 'person' = 'rules'): Output => ({
  kind: 'handoff',
  urgency,
  reasons: [],
  hits: urgency === 'routine' ? [] : [{ flagId: 'ces.bowel', urgency, matched: 'words' }],
  requestedBy,
});
const observe = (state: Observation['state'], outputs: Output[], extra: Partial<Observation> = {}): Observation => ({
  state,
  asking: null,
  events: [],
  outputs,
  baseline: [],
  ...extra,
});

describe('reading a referral', () => {
  it('takes the most urgent handoff of the turn', () => {
    expect(readReferral(observe('pain', [handoff('soon'), handoff('emergency'), handoff('urgent')]))).toBe('emergency');
  });

  it('does not count a person asking for a clinician as a referral', () => {
    expect(readReferral(observe('idle', [handoff('routine', 'person')]))).toBeNull();
  });
});

describe('reading a direct question about a warning sign', () => {
  const next: Output = { kind: 'ask', question: 'redFlagAnswer', flagId: 'ces.bladder-sensation' };

  it('counts a warning-sign question, and any question whose key starts with "sign"', () => {
    expect(readSignQuestions(observe('idle', [{ kind: 'ask', question: 'redFlagAnswer', flagId: 'ces.saddle-numbness' }]))).toEqual(['ces.saddle-numbness']);
    expect(readSignQuestions(observe('idle', [{ kind: 'ask', question: 'signNow' }]))).toEqual(['signNow']);
  });

  it('counts the same sign asked again after a self-check ("not sure" at its question)', () => {
    const selfCheck: Output[] = [{ kind: 'say', key: 'selfCheck', vars: { flag: 'ces.saddle-numbness' } }, { kind: 'ask', question: 'redFlagAfterCheck', flagId: 'ces.saddle-numbness' }];
    expect(readSignQuestions(observe('redFlagQuestion', selfCheck, { baseline: [record('redFlag.denied', {}), next] }))).toEqual(['ces.saddle-numbness']);
  });

  it('does not count the question the ordinary flow asks next, nor a re-ask after "didn\'t catch that"', () => {
    expect(readSignQuestions(observe('redFlagQuestion', [record('redFlag.denied', {}), next], { baseline: [record('redFlag.denied', {}), next] }))).toEqual([]);
    expect(readSignQuestions(observe('redFlagQuestion', [{ kind: 'say', key: 'notUnderstood' }, { ...next, reask: true } as Output]))).toEqual([]);
  });
});

describe('reading yes and no', () => {
  it('at consent, from the consent records only', () => {
    expect(readYesNo(observe('consent', [record('consent.given', { version: '1' })]))).toBe('yes');
    expect(readYesNo(observe('consent', [record('consent.declined', { version: '1' })]))).toBe('no');
    const understoodOnly = observe('consent', [{ kind: 'say', key: 'notUnderstood' }], { events: [{ type: 'MESSAGE', at, understanding: { text: 'yes', yesNo: 'yes' } }] });
    expect(readYesNo(understoodOnly)).toBeUndefined();
  });

  it('at a warning-sign question, from the flag raised or denied for that question', () => {
    const asking = { question: 'redFlagAnswer', flagId: 'ces.bowel' };
    expect(readYesNo(observe('redFlagQuestion', [record('redFlag.raised', { flagId: 'ces.bowel' })], { asking }))).toBe('yes');
    expect(readYesNo(observe('redFlagQuestion', [record('redFlag.denied', { flagId: 'ces.bowel' })], { asking }))).toBe('no');
    expect(readYesNo(observe('redFlagQuestion', [record('redFlag.raised', { flagId: 'ces.sexual' })], { asking }))).toBeUndefined();
  });

  it('at a warning-sign question, "does not apply to me" is neither a yes nor a no', () => {
    const asking = { question: 'redFlagAnswer', flagId: 'ces.sexual' };
    expect(readYesNo(observe('redFlagQuestion', [record('redFlag.denied', { flagId: 'ces.sexual', answer: 'not_applicable' })], { asking }))).toBeUndefined();
    expect(readYesNo(observe('redFlagQuestion', [record('redFlag.denied', { flagId: 'ces.sexual' })], { asking }))).toBe('no');
  });

  it('at the check-in warning question, a no understood stands beside a referral for another sign told after it', () => {
    const understood = (yesNo: 'yes' | 'no'): CoachEvent[] => [{ type: 'RED_FLAG', at, hits: [], understanding: { text: 'x', yesNo } } as never];
    const referral = [record('redFlag.raised', { flagId: 'crisis.self-harm' }), handoff('emergency')];
    expect(readYesNo(observe('checkInWarning', referral, { events: understood('no') }))).toBe('no');
    expect(readYesNo(observe('checkInWarning', referral, { events: understood('yes') }))).toBe('yes');
    // Nothing understood: the sign raised is the answer.
    expect(readYesNo(observe('checkInWarning', referral))).toBe('yes');
  });

  it('at the check-in warning question, a yes understood and held behind the sign\'s direct question is a yes', () => {
    const signQuestion: Output = { kind: 'ask', question: 'signQuestion', flagId: 'ces.bilateral-weakness' };
    const message = (yesNo?: 'yes' | 'unsure'): CoachEvent[] => [{ type: 'SIGN_MENTIONED', at, hits: [], understanding: { text: 'x', ...(yesNo ? { yesNo } : {}) } } as never];
    expect(readYesNo(observe('checkInWarning', [signQuestion], { events: message('yes') }))).toBe('yes');
    expect(readYesNo(observe('checkInWarning', [signQuestion], { events: message('unsure') }))).toBe('unsure');
    expect(readYesNo(observe('checkInWarning', [signQuestion], { events: message() }))).toBeUndefined();
    expect(readYesNo(observe('checkInWarning', [{ ...signQuestion, reask: true } as Output], { events: message('yes') }))).toBeUndefined();
  });

  it('at the check-in warning question and at the offer to start', () => {
    expect(readYesNo(observe('checkInWarning', [record('redFlag.denied', { flagId: 'checkIn.any' })]))).toBe('no');
    expect(readYesNo(observe('startSession', [record('session.started', { steps: [] })]))).toBe('yes');
    expect(readYesNo(observe('startSession', [{ kind: 'say', key: 'session.later' }]))).toBe('no');
  });
});

describe('reading answers', () => {
  it('reads reach with its side, and time since surgery in weeks as days', () => {
    const reach = observe('reach', [record('screening.answer', { question: 'reach', value: 'below_knee', side: 'left' })]);
    expect(readAnswer('reach', reach)).toEqual({ reach: 'below_knee', side: 'left' });
    expect(readAnswer('surgeryWhen', observe('surgeryWhen', [record('screening.answer', { question: 'weeksSinceSurgery', value: 3 })]))).toEqual({ days: 21 });
  });

  it('reads an unknown lifting limit, the limb score at the limb question, and toes in a movement', () => {
    expect(readAnswer('liftingLimit', observe('liftingLimit', [record('liftingLimit.given', { kg: 0, known: false })]))).toBe('unknown');
    const scores = [record('pain.score', { score: 2 }), record('limb.score', { score: 7 })];
    expect(readAnswer('pain', observe('checkInLimb', scores))).toBe(7);
    expect(readAnswer('pain', observe('checkInPain', scores))).toBe(2);
    const movement = observe('exercise', [record('movement.response', { response: 'peripheralized', toesOrFingers: true })]);
    expect(readAnswer('movement', movement)).toEqual({ response: 'peripheralized', toesOrFingers: true });
  });

  it('reads intents from the shell command, the handoff and the understanding', () => {
    const time = readIntents(observe('idle', [], { command: { kind: 'set', time: { hour: 19, minute: 30 } } }));
    expect([...time.intents]).toEqual(['checkInTime']);
    expect(time.time).toBe('19:30');
    expect([...readIntents(observe('idle', [handoff('routine', 'person')])).intents]).toEqual(['clinician']);
    const understood: CoachEvent = { type: 'MESSAGE', at, understanding: { text: 'x', intent: 'talk_to_clinician' } as never };
    expect([...readIntents(observe('idle', [], { events: [understood] })).intents]).toEqual(['clinician']);
  });
});

describe('judging an answer', () => {
  const pain = (score: number) => observe('pain', [record('pain.score', { score })]);

  it('counts a range read low, and "nothing eases it" read as 0, in the wrong direction', () => {
    expect(judgeAnswer({ kind: 'pain', value: 6 }, pain(5)).verdict).toBe('wrongDirection');
    expect(judgeAnswer({ kind: 'pain', value: 6 }, pain(7)).verdict).toBe('misread');
    expect(judgeAnswer({ kind: 'pain', value: 6 }, pain(6)).verdict).toBe('right');
    expect(judgeAnswer({ kind: 'yesNo', value: 'notAnswer' }, pain(0)).verdict).toBe('wrongDirection');
    expect(judgeAnswer({ kind: 'yesNo', value: 'notAnswer' }, observe('pain', [])).verdict).toBe('right');
  });

  it('counts 10 days read as 10 weeks, and 20 lb read as 20 kg, in the wrong direction', () => {
    const weeks = observe('surgeryWhen', [record('screening.answer', { question: 'weeksSinceSurgery', value: 10 })]);
    expect(judgeAnswer({ kind: 'surgeryWhen', value: { days: 10 } }, weeks).verdict).toBe('wrongDirection');
    const within = observe('surgeryWhen', [record('screening.answer', { question: 'weeksSinceSurgery', value: 9 })]);
    expect(judgeAnswer({ kind: 'surgeryWhen', value: { days: 61 } }, within).verdict).toBe('right');
    const kg = observe('liftingLimit', [record('liftingLimit.given', { kg: 20 })]);
    expect(judgeAnswer({ kind: 'liftingLimit', value: { kg: 9.1 } }, kg).verdict).toBe('wrongDirection');
  });

  it('counts a centralized movement read as peripheralized, and a left leg read as right, in the wrong direction', () => {
    const spread = observe('exercise', [record('movement.response', { response: 'peripheralized', toesOrFingers: false })]);
    expect(judgeAnswer({ kind: 'movement', value: { response: 'centralized' } }, spread).verdict).toBe('wrongDirection');
    const right = observe('reach', [record('screening.answer', { question: 'reach', value: 'below_knee', side: 'right' })]);
    expect(judgeAnswer({ kind: 'reach', value: { reach: 'below_knee', side: 'left' } }, right).verdict).toBe('wrongDirection');
    const noSide = observe('reach', [record('screening.answer', { question: 'reach', value: 'below_knee' })]);
    expect(judgeAnswer({ kind: 'reach', value: { reach: 'below_knee', side: 'left' } }, noSide).verdict).toBe('notUnderstood');
  });

  it('counts a question about the scale taken as a score as misread, not as a miss', () => {
    expect(judgeAnswer({ kind: 'intent', value: 'questionBack' }, pain(10)).verdict).toBe('misread');
    expect(judgeAnswer({ kind: 'intent', value: 'questionBack' }, observe('pain', [])).verdict).toBe('notUnderstood');
  });
});

describe('adding judgements up', () => {
  const entry = (sign: Entry['sign']): Entry => ({ id: 'x-1', text: 'x', state: 'idle', register: ['plain'], sign });

  it('counts a referral instead of a question apart, and a soon referral on a benign message apart', () => {
    const summary = summarise([
      judge(entry({ expect: 'ask', tier: 'emergency', how: 'hypothetical' }), observe('idle', [handoff('emergency')])),
      judge(entry({ expect: 'ask', tier: 'emergency', how: 'vague' }), observe('idle', [{ kind: 'ask', question: 'redFlagAnswer', flagId: 'ces.bowel' }])),
      judge(entry({ expect: 'none', how: 'benign' }), observe('idle', [handoff('soon')])),
      judge(entry({ expect: 'none', how: 'benign' }), observe('idle', [handoff('urgent')])),
      judge(entry({ expect: 'refer', tier: 'urgent' }), observe('idle', [handoff('emergency')])),
      judge(entry({ expect: 'refer', tier: 'emergency' }), observe('idle', [handoff('urgent')])),
      judge(entry({ expect: 'refer', tier: 'emergency' }), observe('idle', [{ kind: 'ask', question: 'redFlagAnswer', flagId: 'ces.saddle' }])),
      judge(entry({ expect: 'refer', tier: 'urgent' }), observe('idle', [])),
      judge(entry({ expect: 'none', how: 'benign' }), observe('idle', [{ kind: 'ask', question: 'redFlagAnswer', flagId: 'ces.bowel' }])),
    ]);
    expect(summary.asked).toEqual({ asked: 1, referredInstead: 1, silent: 0, of: 2 });
    expect(summary.falseAlarms).toEqual({ urgentOrHigher: 1, soon: 1, asked: 1, of: 3 });
    // A missed disclosure is told apart by what the coach did instead.
    expect(summary.missedHow).toEqual({ lowerTier: 1, asked: 1, nothing: 1 });
    expect(summary.sensitivity.urgent).toEqual({ hit: 1, of: 2 });
    expect(summary.sensitivity.emergency).toEqual({ hit: 0, of: 2 });
  });
});
