import type { CoachCatalog } from '../../catalog.ts';
import type { Guard } from '../shared.ts';
import { choiceOf, hitsOf } from '../shared.ts';
import { withCrisisTier } from './actions.ts';
import { isLockingHit } from './refer.ts';

export function referralGuards(catalog: CoachCatalog) {
  return {
    hitsHoldExercise: (({ event }) => withCrisisTier(catalog, hitsOf(event)).some(isLockingHit)) as Guard,
    hasFollowUpMessage: (({ event }) => event.type === 'RED_FLAG' && event.understanding !== undefined) as Guard,
    /** The disclosure came with an answer to the offer of a session ("not today, and I've wet myself"). */
    answeredSessionOffer: (({ context, event }) => event.type === 'RED_FLAG' && event.understanding !== undefined && context.asking?.question === 'startSession') as Guard,
    /** The disclosure came with the answer to "what did your symptoms do?" after a set. */
    heldMovementAnswer: (({ context, event }) => event.type === 'RED_FLAG' && event.understanding?.movement !== undefined && context.asking?.question === 'movementResponse') as Guard,
    holdStays: (({ context, event }) => context.referral?.exerciseOnHold === true && !(event.type === 'CLINICIAN_LEFT' && event.outcome === 'cleared_to_exercise')) as Guard,
    exerciseOnHold: (({ context }) => context.referral?.exerciseOnHold === true) as Guard,
    /** The hold came from an emergency referral: only a clinician lifts it. */
    emergencyHold: (({ context }) => context.referral?.exerciseOnHold === true && context.referral.urgency === 'emergency') as Guard,
    gaveSeenBy: (({ event }) => ['gp', 'emergency', 'urgent_care', 'physio', 'specialist', 'other'].includes(choiceOf(event) ?? '')) as Guard,
    exerciseAdviceIs: (({ event }, params) => choiceOf(event) === params.answer) as Guard<{ answer: string }>,
  };
}
