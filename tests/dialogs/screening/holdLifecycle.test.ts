import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../src/content/index.ts';
import { createCoachMachine } from '../../../dialogs/machine.ts';
import { step, stateName, type StoredConversation } from '../../../dialogs/step.ts';
import type { CoachEvent, Output, RedFlagHit } from '../../../dialogs/types.ts';
import { realContent } from '../../helpers/content.ts';

const at = '2026-11-27T08:00:00.000Z';
const later = '2026-11-28T08:00:00.000Z';
const say = (text: string, extra: Record<string, unknown> = {}): CoachEvent => ({ type: 'MESSAGE', at: later, understanding: { text, ...extra } });
const yes = say('yes', { yesNo: 'yes' });
const no = say('no', { yesNo: 'no' });
const redFlag = (hit: RedFlagHit): CoachEvent => ({ type: 'RED_FLAG', at, hits: [hit] });
const assessed = (text: string): CoachEvent => ({ type: 'CLINICIAN_ASSESSED', at: later, text });
const records = (outputs: Output[], type: string) => outputs.flatMap((o) => (o.kind === 'record' && o.type === type ? [o.data] : []));

const machine = createCoachMachine(buildCatalog(realContent()));

function run(events: CoachEvent[], from: StoredConversation | null = null) {
  const result = step(machine, from, events);
  return { conversation: result.conversation, outputs: result.outputs };
}

/** A person through consent, at the region question. */
const started = () => run([say('hi'), yes]).conversation;

describe('an emergency hold', () => {
  const held = () => run([redFlag({ flagId: 'ces.bladder-retention', urgency: 'emergency', matched: "can't pee" })], started()).conversation;

  it('is not lifted by the person saying they went to A&E and the scan was clear', () => {
    const { conversation, outputs } = run([assessed('I went to A&E, the MRI was clear')], held());
    expect(conversation.context.referral?.exerciseOnHold).toBe(true);
    expect(stateName(conversation)).toBe('referred');
    expect(outputs).toContainEqual({ kind: 'say', key: 'hold.emergencyNeedsClinician' });
    // Their words are kept for the care team, marked as not lifting the hold.
    expect(records(outputs, 'clinician.assessed')).toEqual([{ words: 'I went to A&E, the MRI was clear', hold: 'emergency', holdLifted: false }]);
    const after = run([say('start exercises', { yesNo: 'yes' })], conversation);
    expect(after.outputs.filter((o) => o.kind === 'exercise')).toEqual([]);
  });

  it('is not lifted by the check-in button "I\'ve been seen by a doctor" either', () => {
    const checkIn = run([{ type: 'CHECK_IN', at: later }], held());
    expect(checkIn.outputs).toContainEqual(expect.objectContaining({ kind: 'ask', question: 'clinicianAssessed' }));
    const { conversation } = run([assessed('')], checkIn.conversation);
    expect(conversation.context.referral?.exerciseOnHold).toBe(true);
  });

  it('is lifted by a clinician handing back "cleared to exercise"', () => {
    const joined = run([{ type: 'CLINICIAN_JOINED', at: later, clinician: 'Sam', caseId: '3' }], held());
    const { conversation } = run([{ type: 'CLINICIAN_LEFT', at: later, outcome: 'cleared_to_exercise' }], joined.conversation);
    expect(conversation.context.referral?.exerciseOnHold).toBe(false);
    expect(stateName(conversation)).toBe('screening.region');
  });
});

describe('an urgent hold', () => {
  const held = () => run([redFlag({ flagId: 'myelopathy.hands', urgency: 'urgent', matched: 'dropping things' })], started()).conversation;

  it('is lifted by the person\'s statement: seen since the referral, by whom, told exercise is fine; the care team sees it', () => {
    const intro = run([assessed('I saw my GP')], held());
    expect(stateName(intro.conversation)).toBe('holdStatement.seen');
    expect(intro.outputs).toContainEqual({ kind: 'say', key: 'hold.statementIntro', vars: { date: '2026-11-27' } });
    const { conversation, outputs } = run([yes, say('my GP', { choice: 'gp' }), yes], intro.conversation);
    expect(conversation.context.referral?.exerciseOnHold).toBe(false);
    expect(records(outputs, 'clinician.assessed')).toEqual([
      expect.objectContaining({ by: 'person', words: 'I saw my GP', seenBy: 'gp', seenAfter: at, toldExerciseOk: true, holdLifted: true }),
    ]);
    expect(outputs).toContainEqual({ kind: 'say', key: 'hold.liftedOnStatement' });
    expect(stateName(conversation)).toBe('screening.region');
  });

  it('stays when they were not told that exercise is fine, or not seen yet', () => {
    const notSaid = run([assessed(''), yes, say('A&E', { choice: 'emergency' }), say("they didn't say", { choice: 'not_said' })], held());
    expect(notSaid.conversation.context.referral?.exerciseOnHold).toBe(true);
    expect(stateName(notSaid.conversation)).toBe('referred');
    expect(records(notSaid.outputs, 'clinician.assessed')[0]).toMatchObject({ holdLifted: false, exerciseAdvice: 'not_said' });
    const notSeen = run([assessed(''), no], held());
    expect(notSeen.conversation.context.referral?.exerciseOnHold).toBe(true);
    expect(notSeen.outputs).toContainEqual({ kind: 'say', key: 'hold.notSeenYet' });
  });

  it('still refers a new warning sign in the middle of the statement', () => {
    const midway = run([assessed(''), yes], held());
    const { conversation, outputs } = run([redFlag({ flagId: 'ces.bowel', urgency: 'emergency', matched: 'soiled myself' })], midway.conversation);
    expect(outputs).toContainEqual(expect.objectContaining({ kind: 'handoff', urgency: 'emergency' }));
    expect(stateName(conversation)).toBe('referred');
    // Now an emergency hold: the statement no longer lifts it.
    const after = run([assessed(''), yes, say('gp', { choice: 'gp' }), yes], conversation);
    expect(after.conversation.context.referral?.exerciseOnHold).toBe(true);
  });
});

describe('thoughts of suicide or self-harm', () => {
  it('are an emergency referral with the crisis line in any state, even when the hit came lower', () => {
    for (const from of [started(), run([redFlag({ flagId: 'myelopathy.hands', urgency: 'urgent', matched: 'x' })], started()).conversation]) {
      const { outputs, conversation } = run([redFlag({ flagId: 'crisis.self-harm', urgency: 'urgent', matched: 'thinking about ending my life' })], from);
      expect(outputs).toContainEqual(expect.objectContaining({ kind: 'handoff', urgency: 'emergency', reasons: ['crisis.self-harm'] }));
      expect(outputs).toContainEqual(expect.objectContaining({ kind: 'say', key: 'referral.emergency' }));
      expect(conversation.context.referral?.exerciseOnHold).toBe(true);
    }
  });
});

describe('a raised sign is asked again at later check-ins', () => {
  /** A lumbar person through screening and into coaching, their weakness referred and the hold lifted on their statement. */
  function cleared() {
    const no = say('no', { yesNo: 'no', choice: 'no' });
    let conversation = run([say('hi'), yes, say('lower back', { region: 'lumbar', choice: 'lumbar' }), say('6', { score: 6 }), say('spine', { choice: 'spine_only' }), say('weeks', { choice: 'under_6_weeks' }), say('40', { number: 40 }), say('no', { choice: 'none' })]).conversation;
    for (let i = 0; i < 30 && stateName(conversation) !== 'screening.confirm'; i++) conversation = run([no], conversation).conversation;
    conversation = run([yes, say('gp', { choice: 'doctor' }), no, no, no], conversation).conversation;
    conversation = run([redFlag({ flagId: 'weakness.progressive', urgency: 'urgent', matched: 'leg getting weaker' })], conversation).conversation;
    return run([assessed(''), yes, say('gp', { choice: 'gp' }), yes], conversation).conversation;
  }
  const checkIn = (from: StoredConversation, day: string) => {
    let current = run([{ type: 'CHECK_IN', at: `${day}T08:00:00.000Z`, localDate: day }, { type: 'MESSAGE', at: `${day}T08:01:00.000Z`, understanding: { text: '3', score: 3 } }], from);
    for (let i = 0; i < 6 && current.conversation.context.asking?.question !== 'checkInWarning'; i++) current = run([{ type: 'MESSAGE', at: `${day}T08:02:00.000Z`, understanding: { text: 'skip', choice: 'skip' } }], current.conversation);
    return current.conversation;
  };
  const asked = (outputs: Output[]) => outputs.flatMap((o) => (o.kind === 'ask' && o.flagId ? [o.flagId] : []));

  it('weekly, after "nothing new": the cleared sign\'s question comes again, and a yes refers again', () => {
    const person = cleared();
    expect(person.context.referral?.exerciseOnHold).toBe(false);
    const week = checkIn(person, '2026-12-06');
    const nothingNew = run([{ type: 'MESSAGE', at: '2026-12-06T08:05:00.000Z', understanding: { text: 'no', yesNo: 'no' } }], week);
    expect(asked(nothingNew.outputs)).toEqual(['weakness.progressive']);
    const again = run([{ type: 'MESSAGE', at: '2026-12-06T08:06:00.000Z', understanding: { text: 'yes', yesNo: 'yes' } }], nothingNew.conversation);
    expect(again.outputs).toContainEqual(expect.objectContaining({ kind: 'handoff', urgency: 'urgent', reasons: ['weakness.progressive'] }));
    // Not again the next day: once a week.
    const nextDay = run([{ type: 'MESSAGE', at: '2026-12-07T08:05:00.000Z', understanding: { text: 'no', yesNo: 'no' } }], checkIn(run([{ type: 'MESSAGE', at: '2026-12-06T08:06:00.000Z', understanding: { text: 'no', yesNo: 'no' } }], nothingNew.conversation).conversation, '2026-12-07'));
    expect(asked(nextDay.outputs)).toEqual([]);
  });

  it('on a yes to the daily warning question: every question of the region, the cleared one included', () => {
    const day = checkIn(cleared(), '2026-11-28');
    const something = run([{ type: 'MESSAGE', at: '2026-11-28T08:05:00.000Z', understanding: { text: 'yes', yesNo: 'yes' } }], day);
    let conversation = something.conversation;
    const flags = asked(something.outputs);
    for (let i = 0; i < 30 && conversation.context.asking?.question === 'redFlagAnswer'; i++) {
      const next = run([{ type: 'MESSAGE', at: '2026-11-28T08:06:00.000Z', understanding: { text: 'no', yesNo: 'no' } }], conversation);
      flags.push(...asked(next.outputs));
      conversation = next.conversation;
    }
    expect(flags).toContain('weakness.progressive');
    expect(flags).toContain('ces.saddle-numbness');
  });
});
