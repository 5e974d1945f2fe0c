/**
 * How a case may be closed, the same for the console and the Teams card. Pure.
 *
 * Nothing is chosen for the clinician: an outcome must be picked. "Cleared to exercise" on an
 * emergency or urgent case lifts the hold that protects the person, so it needs an explicit
 * confirmation and a reason, both kept in the record and the audit.
 */
import { z } from 'zod';
import { CLINICIAN_OUTCOMES, holdsExercise, type ClinicianOutcome } from '../vocabulary/index.ts';

export const outcomes = CLINICIAN_OUTCOMES;

export const outcomeSchema = z.enum(outcomes, { message: 'choose an outcome' });

/** The reason written when clearing an emergency or urgent case for exercise. */
export const clearanceReasonSchema = z.string().trim().min(10, 'write why it is safe to exercise (at least a few words)').max(1000);

export interface CloseRequest {
  outcome: ClinicianOutcome;
  confirmed: boolean;
  reason?: string | undefined;
}

export function needsClearance(urgency: string, outcome: ClinicianOutcome): boolean {
  return outcome === 'cleared_to_exercise' && holdsExercise(urgency);
}

/** Problems with closing a case of this urgency this way, in plain words (empty: it may close). */
export function closeProblems(urgency: string, request: CloseRequest): string[] {
  if (!needsClearance(urgency, request.outcome)) return [];
  const problems: string[] = [];
  if (!request.confirmed) problems.push(`confirm: this is an ${urgency} case; tick the confirmation that you have assessed the person and it is safe for them to exercise`);
  const reason = clearanceReasonSchema.safeParse(request.reason ?? '');
  if (!reason.success) problems.push(`reason: ${reason.error.issues[0]?.message ?? 'write why it is safe to exercise'}`);
  return problems;
}
