/**
 * Every message does both (issue 17): a disclosure that holds exercise AND answers the question
 * being asked ("6, and I've wet myself") refers first, then the answer is recorded by the state
 * that asked (the replayed MESSAGE), and only then does the conversation wait in `referred`.
 * The question the answer would bring next is not asked after a referral (`askingPaused` until
 * HOLD_AFTER_ANSWER: dialogs/machine/shared.ts emits no question meanwhile); the step the person
 * reached is kept (screeningAt), so they carry on from there once a clinician has seen them.
 * The shell attaches the understanding only when it answers the pending question (src/bot/understand.ts).
 */
import { and, raise } from 'xstate';
import type { CoachContext, CoachEvent } from '../../types.ts';
import { update } from '../shared.ts';

export const answerThenHoldActions = {
  pauseAsking: update(() => ({ askingPaused: true })),
  holdAfterAnswer: raise<CoachContext, CoachEvent, CoachEvent, undefined, never, never>(({ event }) => ({ type: 'HOLD_AFTER_ANSWER' as const, at: event.at })),
  // Left out of the stored snapshot rather than kept as false: it only lives within the turn.
  resumeAsking: update(() => ({ askingPaused: undefined })),
};

/** The first RED_FLAG branch: a locking disclosure with an answer. Listed before the plain locking branch. */
export const answerThenHoldBranch = {
  guard: and(['hitsHoldExercise', 'hasFollowUpMessage']),
  actions: ['referDisclosure' as const, 'pauseAsking' as const, 'replayMessage' as const, 'holdAfterAnswer' as const],
};

export const answerThenHoldTransitions = {
  HOLD_AFTER_ANSWER: { target: '.referred', actions: 'resumeAsking' as const },
};
