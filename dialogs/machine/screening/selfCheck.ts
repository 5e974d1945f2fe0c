import { and } from 'xstate';
import type { CoachSetup } from '../setup.ts';
import { unclearAnswer } from '../shared.ts';

/**
 * The answer after "not sure" to an emergency question and its short self-check, in screening and
 * at a check-in: yes refers, no or "does not apply" goes on to `next`, still not sure is same-day
 * contact and no exercise until checked.
 */
export function selfCheckState(machine: CoachSetup, next: string) {
  return machine.createStateConfig({
    on: {
      MESSAGE: [
        { guard: and(['saidYes', 'currentFlagHoldsExercise']), target: '#coach.referred', actions: ['countMessage', 'referForCurrentFlag'] },
        { guard: 'saidYes', target: next, actions: ['countMessage', 'referForCurrentFlag'] },
        { guard: 'flagNotApplicable', target: next, actions: ['countMessage', 'denyCurrentFlag'] },
        { guard: 'saidNo', target: next, actions: ['countMessage', 'denyCurrentFlag'] },
        { guard: 'saidUnsure', target: '#coach.referred', actions: ['countMessage', 'referUnsure'] },
        ...unclearAnswer(),
      ],
    },
  });
}
