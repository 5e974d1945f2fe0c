import type { CoachContext, Output, RedFlagHit } from '../../types.ts';
import { KEEP_FLAGS, record, type Change } from '../shared.ts';
import { compareUrgency, holdsExercise } from '../../../src/vocabulary/index.ts';

/** Emergency and urgent signs hold back exercise until a clinician has seen the person. */
export const isLockingHit = (hit: RedFlagHit) => holdsExercise(hit.urgency);

/** Outputs and context changes of a referral for the given hits, shared by disclosures and screening answers. */
export function refer(context: CoachContext, hits: RedFlagHit[], at: string): Change {
  const sorted = [...hits].sort((a, b) => compareUrgency(a.urgency, b.urgency));
  const top = sorted[0];
  if (!top) return {};
  const urgency = top.urgency;
  const exerciseOnHold = sorted.some(isLockingHit) || (context.referral?.exerciseOnHold ?? false);
  const outputs: Output[] = [
    ...sorted.map((hit) => record('redFlag.raised', { flagId: hit.flagId, urgency: hit.urgency, matched: hit.matched })),
    { kind: 'say', key: `referral.${urgency}`, vars: { flags: sorted.map((hit) => hit.flagId).join(',') } },
    { kind: 'handoff', urgency, reasons: sorted.map((hit) => hit.flagId), hits: sorted, requestedBy: 'rules' },
    record('referral.made', { urgency, reasons: sorted.map((hit) => hit.flagId) }),
  ];
  if (exerciseOnHold) outputs.push({ kind: 'say', key: 'referral.noExerciseUntilSeen' });
  return {
    outputs,
    redFlags: [...context.redFlags, ...sorted.map((hit) => ({ ...hit, at }))].slice(-KEEP_FLAGS),
    referral: {
      urgency: context.referral && compareUrgency(context.referral.urgency, urgency) < 0 && context.referral.exerciseOnHold ? context.referral.urgency : urgency,
      at,
      exerciseOnHold,
    },
  };
}
