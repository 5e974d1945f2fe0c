import { and } from 'xstate';
import type { CoachSetup } from '../setup.ts';
import { unclearAnswer } from '../shared.ts';
import { selfCheckState } from './selfCheck.ts';

/**
 * What a check-in asks after "nothing new" (issue 16): the surgeon's lifting limit again when its
 * review day has come (6 and 12 weeks after the operation), and, once a week, every warning sign
 * this person has had raised, so a sign that was cleared is not forgotten. Hooked into the coaching
 * check-in (dialogs/machine/coaching/states.ts), it ends in that check-in's `recheck` or `planning`.
 */
export function followUpStates(machine: CoachSetup) {
  return {
    followUp: machine.createStateConfig({
      always: [
        { guard: 'liftingLimitReviewDue', target: 'limitReview' },
        { guard: 'flagRecheckDue', target: 'recheck', actions: 'planWeeklyRecheck' },
        { target: '#coach.coaching.planning' },
      ],
    }),
    limitReview: machine.createStateConfig({
      entry: 'askLimitReview',
      on: {
        MESSAGE: [
          { guard: 'gaveKg', target: 'followUp', actions: ['countMessage', 'recordLimitReview'] },
          { guard: { type: 'gaveChoiceOf', params: { value: 'same' } }, target: 'followUp', actions: ['countMessage', 'recordLimitReview'] },
          { guard: 'saidNo', target: 'followUp', actions: ['countMessage', 'recordLimitReview'] },
          ...unclearAnswer(),
        ],
      },
    }),
    // "Not sure" to an emergency question at a check-in: the same self-check as in screening.
    recheckSelfCheck: selfCheckState(machine, 'recheck'),
  };
}

/** The answers a check-in's warning-sign question takes beyond yes and no: "not sure", "does not apply". */
export const recheckAnswers = [
  { guard: and(['saidUnsure', 'currentFlagIsEmergency']), target: 'recheckSelfCheck', actions: ['countMessage', 'showSelfCheck'] },
  { guard: 'saidUnsure', target: 'recheck', actions: ['countMessage', 'noteUnsure'] },
  { guard: 'flagNotApplicable', target: 'recheck', actions: ['countMessage', 'denyCurrentFlag'] },
] as const;
