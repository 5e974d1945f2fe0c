import { describe, expect, it } from 'vitest';
import { stateName, step, type StoredConversation } from '../../dialogs/step.ts';
import type { CoachEvent, Understanding } from '../../dialogs/types.ts';
import { realMachine } from '../helpers/content.ts';

// Snapshots stored before issue 16 (no pathway answers, no reach before a set, no weekly measures)
// still resume where they were: the machine version stays, and the new questions come when due.
const at = '2026-11-27T08:00:00.000Z';
const message = (understanding: Omit<Understanding, 'text'> & { text?: string }): CoachEvent => ({ type: 'MESSAGE', at, understanding: { text: '', ...understanding } });
const no = message({ yesNo: 'no', choice: 'no', text: 'no' });
const yes = message({ yesNo: 'yes', choice: 'yes', text: 'yes' });

function walk(conversation: StoredConversation | null, events: CoachEvent[]) {
  const machine = realMachine();
  let current = conversation;
  const outputs = [];
  for (const event of events) {
    const result = step(machine, current, [event]);
    expect(result.restarted).toBe(false);
    current = result.conversation;
    outputs.push(...result.outputs);
  }
  return { conversation: current!, outputs };
}

/** The conversation as the previous version stored it: without the fields issue 16 added. */
function asBefore(conversation: StoredConversation): StoredConversation {
  const { pathway: _p, reachNow: _r, outcomes: _o, weeklyAskedOn: _w, weekly: _k, clinicianPlan: _c, painReliefSuggestedAt: _a, ...coaching } = conversation.context.coaching;
  const profile = coaching.profile ? (({ limbSymptoms: _l, ...rest }) => rest)(coaching.profile) : null;
  const session = coaching.session ? { date: coaching.session.date, index: coaching.session.index, steps: coaching.session.steps.map(({ exerciseId, stageId, dose }) => ({ exerciseId, stageId, dose })) } : null;
  return { ...conversation, context: { ...conversation.context, coaching: { ...coaching, profile, session } } };
}

function onboarded(): StoredConversation {
  let { conversation } = walk(null, [
    { type: 'START', at },
    yes,
    message({ region: 'lumbar', choice: 'lumbar' }),
    message({ score: 5, number: 5 }),
    message({ choice: 'spine_only' }),
    message({ choice: 'over_6_weeks' }),
    // Age, asked on its own since issue 16 (screening).
    message({ number: 40, score: 4, text: '40' }),
    message({ choice: 'none' }),
  ]);
  for (let i = 0; i < 40 && stateName(conversation).startsWith('screening.redFlag'); i++) conversation = walk(conversation, [no]).conversation;
  return walk(conversation, [yes]).conversation;
}

describe('a snapshot stored before issue 16', () => {
  it('resumes in the middle of an exercise and takes the answer', () => {
    const ready = walk(onboarded(), [message({ choice: 'doctor' }), no, no]).conversation;
    const inExercise = walk(ready, [message({ text: 'start', intent: 'start_session' })]).conversation;
    expect(stateName(inExercise)).toBe('coaching.exercise');
    const { conversation, outputs } = walk(asBefore(inExercise), [message({ movement: 'centralized' })]);
    expect(outputs).toContainEqual(expect.objectContaining({ kind: 'record', type: 'movement.response' }));
    expect(stateName(conversation)).toMatch(/^coaching\./);
  });

  it('asks the care-pathway questions before the next session of someone who never answered them', () => {
    const atOffer = onboarded();
    expect(stateName(atOffer)).toBe('coaching.pathway.diagnosed');
    const old = asBefore({ ...atOffer, value: { coaching: 'offer' } });
    const { conversation, outputs } = walk(old, [message({ text: 'start', intent: 'start_session' })]);
    expect(stateName(conversation)).toBe('coaching.pathway.diagnosed');
    expect(outputs).toContainEqual(expect.objectContaining({ kind: 'ask', question: 'diagnosedBy' }));
  });
});

describe('a snapshot that cannot be resumed', () => {
  it('restarts politely and keeps the programme: stages, answers, measures and the pathway answers', () => {
    const machine = realMachine();
    const ready = walk(onboarded(), [message({ choice: 'doctor' }), no, no]).conversation;
    const done = walk(ready, [message({ text: 'start', intent: 'start_session' }), message({ movement: 'centralized' })]).conversation;
    const result = step(machine, { ...done, machineVersion: 0 }, [message({ text: 'hello' })]);
    expect(result.restarted).toBe(true);
    const { coaching } = result.conversation.context;
    expect(coaching.progress.responses).toHaveLength(1);
    expect(coaching.pathway?.diagnosedBy).toBe('doctor');
    expect(coaching.session).toBeNull();
  });
});

describe('a snapshot stored while the turn outputs were kept in the context', () => {
  it('resumes as it is, says the same, and is stored back without them', () => {
    const machine = realMachine();
    const atOffer = onboarded();
    const answer = message({ choice: 'doctor' });
    const now = step(machine, atOffer, [answer]);
    const before = step(machine, { ...atOffer, context: { ...atOffer.context, outputs: [] } as StoredConversation['context'] }, [answer]);
    expect(before.restarted).toBe(false);
    expect(before.outputs).toEqual(now.outputs);
    expect(before.outputs).toContainEqual(expect.objectContaining({ kind: 'record', type: 'pathway.answer' }));
    expect(before.conversation).toEqual(now.conversation);
    expect('outputs' in before.conversation.context).toBe(false);
  });
});
