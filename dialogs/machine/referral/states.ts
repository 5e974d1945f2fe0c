import type { CoachSetup } from '../setup.ts';
import { and } from 'xstate';
import { answerThenHoldBranch } from './answerThenHold.ts';

/** Safety is global: a disclosure in any state refers in the same turn (the root's RED_FLAG handler). */
export function referralTransitions(machine: CoachSetup) {
  return machine.createStateConfig({
    on: {
      RED_FLAG: [
        // The movement response after a set is recorded, but it must not lead into the next set.
        { guard: and(['hitsHoldExercise', 'heldMovementAnswer']), target: '.referred', actions: ['referDisclosure', 'recordMovementBeforeHold'] },
        // The answer to the offer of a session travels with the referral, but is not replayed: a yes
        // would lead into exercise, a no would invite the person to start later (src/bot/understand.ts).
        { guard: and(['hitsHoldExercise', 'answeredSessionOffer']), target: '.referred', actions: 'referDisclosure' },
        answerThenHoldBranch,
        { guard: 'hitsHoldExercise', target: '.referred', actions: 'referDisclosure' },
        { guard: 'hasFollowUpMessage', actions: ['referDisclosure', 'replayMessage'] },
        { actions: 'referDisclosure' },
      ],
      CLINICIAN_REQUESTED: { actions: 'handOffOnRequest' },
      // Nothing is lifted here: a hold is only lifted in `referred` (a clinician, or an urgent hold's statement).
      CLINICIAN_ASSESSED: [
        { guard: 'exerciseOnHold', target: '.referred', actions: { type: 'say', params: { key: 'referral.stillWaiting' } } },
        { actions: 'recordAssessed' },
      ],
    },
  }).on;
}

/**
 * Exercise is held after an emergency or urgent referral until the person has been checked.
 * An emergency hold is lifted only by a clinician's hand-back (CLINICIAN_LEFT, cleared). An urgent
 * hold may also be lifted by the person's own structured statement (`holdStatement`): seen since the
 * referral, by whom, and told that exercise is fine (issue 16, item 1). "The scan was clear" alone
 * lifts nothing.
 */
export function referredState(machine: CoachSetup) {
  return machine.createStateConfig({
    on: {
      CLINICIAN_ASSESSED: [
        { guard: 'emergencyHold', actions: 'noteEmergencyStatement' },
        { guard: 'exerciseOnHold', target: 'holdStatement', actions: 'beginHoldStatement' },
        // A referred state without a hold (an older snapshot): nothing to lift, carry on.
        { guard: 'screeningDone', target: 'coaching.offer', actions: 'recordAssessed' },
        { target: 'screening.resume', actions: 'recordAssessed' },
      ],
      MESSAGE: { actions: ['countMessage', { type: 'say', params: { key: 'referral.stillWaiting' } }] },
      CHECK_IN: { actions: [{ type: 'say', params: { key: 'checkIn.onHold' } }, { type: 'ask', params: { question: 'clinicianAssessed' } }] },
    },
  });
}

/** The three short answers of an urgent hold's statement. Warning signs still refer from here (the root handler). */
export function holdStatementState(machine: CoachSetup) {
  return machine.createStateConfig({
    initial: 'seen',
    on: {
      // A check-in while the statement was half given goes back to the hold's question.
      CHECK_IN: { target: 'referred', actions: [{ type: 'say', params: { key: 'checkIn.onHold' } }, { type: 'ask', params: { question: 'clinicianAssessed' } }] },
      // "They said it's fine" names no one and no advice about exercise: the pending question is asked again, plainly.
      CLINICIAN_ASSESSED: { actions: [{ type: 'say', params: { key: 'hold.answerPlainly' } }, 'reaskPending'] },
    },
    states: {
      seen: {
        entry: { type: 'ask', params: { question: 'holdSeen' } },
        on: {
          // "I went to A&E" answers this one.
          CLINICIAN_ASSESSED: { target: 'seenBy' },
          MESSAGE: [
            { guard: 'saidYes', target: 'seenBy', actions: 'countMessage' },
            { guard: 'saidNo', target: '#coach.referred', actions: ['countMessage', { type: 'keepHoldAfterStatement', params: { answer: 'not_seen' } }] },
            { actions: ['countMessage', 'reask'] },
          ],
        },
      },
      seenBy: {
        entry: { type: 'ask', params: { question: 'holdSeenBy' } },
        on: {
          MESSAGE: [{ guard: 'gaveSeenBy', target: 'exerciseAdvice', actions: ['countMessage', 'recordSeenBy'] }, { actions: ['countMessage', 'reask'] }],
        },
      },
      exerciseAdvice: {
        entry: { type: 'ask', params: { question: 'holdExerciseAdvice' } },
        on: {
          MESSAGE: [
            { guard: { type: 'exerciseAdviceIs', params: { answer: 'not_said' } }, target: '#coach.referred', actions: ['countMessage', { type: 'keepHoldAfterStatement', params: { answer: 'not_said' } }] },
            { guard: 'saidYes', target: 'lifted', actions: ['countMessage', 'liftHoldOnStatement'] },
            { guard: 'saidNo', target: '#coach.referred', actions: ['countMessage', { type: 'keepHoldAfterStatement', params: { answer: 'not_yet' } }] },
            { actions: ['countMessage', 'reask'] },
          ],
        },
      },
      lifted: { always: [{ guard: 'screeningDone', target: '#coach.coaching.offer' }, { target: '#coach.screening.resume' }] },
    },
  });
}
