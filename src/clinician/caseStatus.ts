/**
 * "Will someone call me?" answered from the real state of the person's case, never with a promise
 * nobody made: waiting (and for how long, and whether the clinic's duty contact was told), picked up
 * by a named clinician, or closed. For an emergency or urgent case, what to do now comes first and
 * is not softened: nobody waits for a call to go to an emergency department.
 *
 * A shell command (tried after the warning-sign check, so "will someone call me, I can't feel my
 * legs" still refers at once). The question and the answer go to the record, and to the clinician
 * who has the case.
 */
import type { ShellCommand } from '../ports/turns.ts';
import type { Logger } from '../log.ts';
import type { Database } from '../store/database.ts';
import { appendEvents } from '../store/events.ts';
import { outcomeLabel } from './card.ts';
import * as store from './store.ts';
import type { ClinicianWording } from './wording.ts';
import { fill } from '../wording/fill.ts';

export interface CaseStatusDeps {
  db: Database;
  wording: ClinicianWording;
  log: Logger;
  /** Makes cases of handoffs not yet taken in, so a referral of a moment ago is known. */
  sync: () => Promise<void>;
  relay: (conversationId: string, relay: { text: string; caseId: string }) => Promise<void>;
}

/** "12 minutes ago", in the person's words. */
export function agoWords(fromIso: string, at: Date, wording: ClinicianWording): string {
  const minutes = Math.max(0, Math.floor((at.getTime() - Date.parse(fromIso)) / 60_000));
  if (minutes < 2) return wording.status.justNow;
  if (minutes < 90) return fill(wording.status.minutesAgo, { minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 36) return fill(wording.status.hoursAgo, { hours });
  return fill(wording.status.daysAgo, { days: Math.round(hours / 24) });
}

/** The answer, as messages, for the person's cases (newest first). Pure. */
export function caseStatusAnswer(cases: store.ClinicianCase[], at: Date, wording: ClinicianWording): string[] {
  const { status } = wording;
  const live = cases.find((item) => item.status !== 'closed');
  if (!live) {
    const last = cases[0];
    if (!last) return [`${status.none} ${status.askAgain}`];
    return [`${fill(status.closed, { ago: agoWords(last.closedAt ?? last.updatedAt, at, wording), clinician: last.closedBy ?? last.clinician ?? 'the care team', outcome: outcomeLabel(last.outcome, wording) })} ${status.askAgain}`];
  }
  const first = live.urgency === 'emergency' ? status.emergencyFirst : live.urgency === 'urgent' ? status.urgentFirst : live.urgency === 'soon' ? status.soonFirst : undefined;
  const state =
    live.status === 'accepted'
      ? fill(status.accepted, { clinician: live.clinician ?? 'A clinician', ago: agoWords(live.acceptedAt ?? live.updatedAt, at, wording) })
      : fill(live.escalatedAt ? status.waitingEscalated : status.waiting, { ago: agoWords(live.createdAt, at, wording) });
  return first ? [first, state] : [state];
}

export function caseStatusCommand(deps: CaseStatusDeps): ShellCommand {
  return {
    name: 'caseStatus',
    async handle({ conversationId, text, intent, activity, at }) {
      if (intent !== 'case_status') return undefined;
      await deps.sync().catch((error) => deps.log.warn({ err: error }, 'case sync before a status answer failed'));
      const cases = await store.casesOfConversation(deps.db, conversationId);
      const answer = caseStatusAnswer(cases, new Date(at), deps.wording);
      await appendEvents(deps.db, conversationId, [
        { type: 'message.received', data: { text }, at, ...(activity.id ? { activityId: activity.id } : {}) },
        ...answer.map((line) => ({ type: 'message.sent', data: { text: line, reason: 'caseStatus' }, at })),
      ]);
      const live = cases.find((item) => item.status === 'accepted');
      if (live) await deps.relay(conversationId, { text, caseId: String(live.id) });
      return answer;
    },
  };
}
