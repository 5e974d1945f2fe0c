import type { CoachSetup } from '../setup.ts';
import { answerThenHoldBranch } from './answerThenHold.ts';

/** Safety is global: a disclosure in any state refers in the same turn (the root's RED_FLAG handler). */
export function referralTransitions(machine: CoachSetup) {
  return machine.createStateConfig({
    on: {
      RED_FLAG: [
        answerThenHoldBranch,
        { guard: 'hitsHoldExercise', target: '.referred', actions: 'referDisclosure' },
        { guard: 'hasFollowUpMessage', actions: ['referDisclosure', 'replayMessage'] },
        { actions: 'referDisclosure' },
      ],
      CLINICIAN_REQUESTED: { actions: 'handOffOnRequest' },
      CLINICIAN_ASSESSED: { actions: 'recordAssessed' },
    },
  }).on;
}

/** Exercise is held after an emergency or urgent referral until the person has been checked. */
export function referredState(machine: CoachSetup) {
  return machine.createStateConfig({
    on: {
      CLINICIAN_ASSESSED: [
        { guard: 'screeningDone', target: 'coaching.offer', actions: 'recordAssessed' },
        { target: 'screening.resume', actions: 'recordAssessed' },
      ],
      MESSAGE: { actions: ['countMessage', { type: 'say', params: { key: 'referral.stillWaiting' } }] },
      CHECK_IN: { actions: [{ type: 'say', params: { key: 'checkIn.onHold' } }, { type: 'ask', params: { question: 'clinicianAssessed' } }] },
    },
  });
}
