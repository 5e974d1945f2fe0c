import type { Guard } from '../shared.ts';
import { hitsOf } from '../shared.ts';
import { isLockingHit } from './refer.ts';

export const referralGuards = {
  hitsHoldExercise: (({ event }) => hitsOf(event).some(isLockingHit)) as Guard,
  hasFollowUpMessage: (({ event }) => event.type === 'RED_FLAG' && event.understanding !== undefined) as Guard,
  holdStays: (({ context, event }) => context.referral?.exerciseOnHold === true && !(event.type === 'CLINICIAN_LEFT' && event.outcome === 'cleared_to_exercise')) as Guard,
  exerciseOnHold: (({ context }) => context.referral?.exerciseOnHold === true) as Guard,
};
