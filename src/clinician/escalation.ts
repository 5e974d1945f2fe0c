/**
 * When an emergency or urgent handoff nobody has accepted is re-notified and escalated. Pure:
 * the notifier stores `nextCheckAt` and asks again when it is due.
 *
 *   created ──T──▶ reminder to the care team ──T──▶ escalation to the fallback contact
 *           (and the care team) ──T──▶ reminder ──T──▶ reminder …   until someone accepts.
 */
export type { Urgency } from '../vocabulary/index.ts';

export interface AcceptWindows {
  /** Minutes an emergency handoff may wait for a clinician before the next step. */
  emergency: number;
  urgent: number;
}

export interface WaitingCase {
  urgency: string;
  status: string;
  reminders: number;
  escalatedAt: string | null;
}

export type EscalationStep = { action: 'none' } | { action: 'remind' | 'escalate'; nextCheckAt: Date; waitedMinutes: number };

export function windowFor(urgency: string, windows: AcceptWindows): number | undefined {
  return urgency === 'emergency' ? windows.emergency : urgency === 'urgent' ? windows.urgent : undefined;
}

/** The first time a new case must be looked at again, or null when its urgency never escalates. */
export function firstCheckAt(urgency: string, createdAt: Date, windows: AcceptWindows): Date | null {
  const minutes = windowFor(urgency, windows);
  return minutes === undefined ? null : new Date(createdAt.getTime() + minutes * 60_000);
}

/** What to do for a case whose check time has come. */
export function escalationStep(item: WaitingCase, createdAt: Date, now: Date, windows: AcceptWindows): EscalationStep {
  const minutes = windowFor(item.urgency, windows);
  if (item.status !== 'open' || minutes === undefined) return { action: 'none' };
  const waitedMinutes = Math.floor((now.getTime() - createdAt.getTime()) / 60_000);
  const nextCheckAt = new Date(now.getTime() + minutes * 60_000);
  if (item.reminders >= 1 && !item.escalatedAt) return { action: 'escalate', nextCheckAt, waitedMinutes };
  return { action: 'remind', nextCheckAt, waitedMinutes };
}
