/**
 * Every message does both (issue 17): a disclosure that holds exercise AND answers the question
 * being asked ("6, and I've wet myself") refers first, then the answer is recorded by the state
 * that asked (the replayed MESSAGE), and only then does the conversation wait in `referred`.
 * The question the answer would bring next is not asked after a referral; the step the person
 * reached is kept (screeningAt), so they carry on from there once a clinician has seen them.
 * The shell attaches the understanding only when it answers the pending question (src/bot/understand.ts).
 */
import { and, raise } from 'xstate';
import type { CoachContext, CoachEvent, Output } from '../../types.ts';
import { update } from '../shared.ts';

/** Questions asked after the last referral of this event are dropped: the person must act on the referral first. */
function withoutAsksAfterReferral(outputs: Output[]): Output[] {
  const handoff = outputs.map((output) => output.kind === 'handoff').lastIndexOf(true);
  if (handoff < 0) return outputs;
  return outputs.filter((output, index) => index < handoff || output.kind !== 'ask');
}

export const answerThenHoldActions = {
  holdAfterAnswer: raise<CoachContext, CoachEvent, CoachEvent, undefined, never, never>(({ event }) => ({ type: 'HOLD_AFTER_ANSWER' as const, at: event.at })),
  dropAsksAfterReferral: update(({ context }) => ({ outputs: withoutAsksAfterReferral(context.outputs) })),
};

/** The first RED_FLAG branch: a locking disclosure with an answer. Listed before the plain locking branch. */
export const answerThenHoldBranch = {
  guard: and(['hitsHoldExercise', 'hasFollowUpMessage']),
  actions: ['referDisclosure' as const, 'replayMessage' as const, 'holdAfterAnswer' as const],
};

export const answerThenHoldTransitions = {
  HOLD_AFTER_ANSWER: { target: '.referred', actions: 'dropAsksAfterReferral' as const },
};
