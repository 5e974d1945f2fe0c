import type { CoachCatalog } from './catalog.ts';
import { emptyCoaching } from './coachingSteps.ts';
import { withClinicianState } from './machine/clinician/states.ts';
import { coachingState, coachingTransitions } from './machine/coaching/states.ts';
import { consentStates } from './machine/consent/states.ts';
import { betweenTransitions } from './machine/asides/between.ts';
import { answerThenHoldTransitions } from './machine/referral/answerThenHold.ts';
import { askNowTransitions } from './machine/referral/askNow.ts';
import { holdStatementState, referralTransitions, referredState } from './machine/referral/states.ts';
import { screeningState } from './machine/screening/states.ts';
import { coachSetup } from './machine/setup.ts';

/** Bump when a stored snapshot of the previous version can no longer be resumed as it is. */
export const MACHINE_VERSION = 1;

/**
 * The conversation, composed from its concerns (dialogs/machine/*): consent, screening, coaching,
 * referral and the clinician. Each concern owns its guards, actions and states; this file only
 * puts them together and names what any state does with the events that can come at any time.
 */
export function createCoachMachine(catalog: CoachCatalog) {
  const machine = coachSetup(catalog);
  const { welcome, consent, declined, reconsent } = consentStates(machine);
  return machine.createMachine({
    id: 'coach',
    initial: 'welcome',
    context: {
      profile: {},
      pain: [],
      redFlags: [],
      referral: null,
      screeningQueue: [],
      screeningDone: false,
      asking: null,
      failedTries: 0,
      messages: 0,
      coaching: emptyCoaching(),
      clinician: null,
      screeningAt: null,
      holdStatement: null,
      signCheck: null,
      confirming: null,
    },
    on: {
      ...referralTransitions(machine),
      ...askNowTransitions,
      ...answerThenHoldTransitions,
      ...betweenTransitions,
      ...coachingTransitions(machine),
      // Never a silent skip: after a message we cannot read, the pending question comes again with its buttons.
      TOO_LONG: { actions: ['tooLong', 'reaskPending'] },
      UNREADABLE: { actions: [{ type: 'say', params: { key: 'emptyMessage' } }, 'reaskPending'] },
      // A check-in that arrives before set-up is finished only nudges: the person is mid-question.
      CHECK_IN: { actions: 'nudgeSetup' },
      CLINICIAN_JOINED: { target: '.withClinician', actions: 'clinicianJoined' },
      EDUCATION: { actions: ['teach', 'reaskPending'] },
      PROGRESS_REQUESTED: { actions: ['showProgress', 'reaskPending'] },
      MESSAGE: { actions: 'countMessage' },
      // Said instead of an answer: replied to, then the pending question again (not after a hold, or "later").
      ASIDE: [
        { guard: 'exerciseOnHold', actions: ['countMessage', 'replyAside', { type: 'say', params: { key: 'referral.stillWaiting' } }] },
        { guard: 'asideWaits', actions: ['countMessage', 'replyAside'] },
        { guard: 'symbolsTooOften', actions: ['countMessage', 'replyAside', 'reaskPending', 'offerClinician'] },
        { actions: ['countMessage', 'replyAside', 'reaskPending'] },
      ],
    },
    states: {
      welcome,
      consent,
      declined,
      screening: screeningState(machine),
      coaching: coachingState(machine),
      reconsent,
      withClinician: withClinicianState(machine),
      referred: referredState(machine),
      holdStatement: holdStatementState(machine),
    },
  });
}

export type CoachMachine = ReturnType<typeof createCoachMachine>;
