/**
 * Daily check-ins: who is due (tick), sending one person's check-in or reminder (processSend), and
 * the operator's view. The job queue (src/schedule/runner.ts, pg-boss) only carries the work; the
 * guarantees live in the tables:
 * - a check-in exists at most once per person and local day (primary key of checkin_sends);
 * - only one worker sends it at a time (status 'sending' with a lease, taken with a conditional update);
 * - what it says is fixed on the first attempt and the activities already delivered are counted,
 *   so a retry neither re-runs the conversation turn nor repeats a message.
 */
import type { Logger } from '../log.ts';
import type { ConversationRef, OutboundActivity } from '../ports/messaging.ts';
import { rateKeysOf } from '../proactive/keys.ts';
import type { ProactiveSender } from '../proactive/sender.ts';
import { tenantOf } from '../store/conversations.ts';
import type { Database } from '../store/database.ts';
import { say, type ScheduleContent } from './content.ts';
import {
  advanceSchedules, answeredSince, claimSendWithContext, dueNext, finishSend, insertSends, lockDueSchedules, lockUnfinished, missedBefore,
  readSchedule, readSend, recordScheduleEvent, savePayload, setMissedStreak, stopSchedule, takeDueReminders,
  type NewSend, type ScheduleRow, type SendKey, type SendRow,
} from './store.ts';
import { localDayOf, localHourOf, nextDueAt, parseLocalTimeOfDay } from './time.ts';

/** Builds what a check-in says; the real one runs the conversation turn (src/schedule/botComposer.ts). */
export interface CheckinComposer {
  /** Runs the check-in turn and returns what to send, stored as data; null when the conversation is unknown. */
  checkIn(conversationId: string, event: { at: string; localDate: string; missedDays: number }): Promise<unknown | null>;
  /** The activities for a stored payload, once the conversation is open. */
  activities(reference: ConversationRef, payload: unknown): Promise<OutboundActivity[]>;
  /** The conversation's stored reference, as refreshed by its last turn. */
  reference(conversationId: string): Promise<ConversationRef | null>;
}

/** A plain text payload (reminders): `{ texts: [...] }`. */
export interface TextPayload {
  texts: string[];
}

export function textActivities(payload: unknown): OutboundActivity[] {
  const texts = (payload as TextPayload | null)?.texts ?? [];
  return texts.map((text) => ({ type: 'message', text }));
}

export interface CheckinOptions {
  /** People claimed per statement in a tick. */
  batchSize: number;
  /** A sending worker's hold on a send; after it lapses another worker may take it over. */
  leaseSeconds: number;
  /** A send still not delivered this long after it was due is given up and recorded. */
  giveUpAfterSeconds: number;
  /** A queued send no worker took within this time is put in the job queue again. */
  requeueAfterSeconds: number;
}

export const defaultCheckinOptions: CheckinOptions = { batchSize: 500, leaseSeconds: 120, giveUpAfterSeconds: 2 * 3600, requeueAfterSeconds: 300 };

export interface SendJob extends SendKey {
  tenantId: string | null;
  /** Seconds to wait before the job may run (a retry). */
  delaySeconds?: number;
}

export type SendResult =
  | { result: 'not_mine' }
  | { result: 'sent'; delivered: number }
  | { result: 'retry'; delaySeconds: number; error: string }
  | { result: 'skipped'; why: string }
  | { result: 'blocked' | 'gave_up' | 'failed'; error: string };

export interface TickResult {
  claimed: number;
  skippedLate: number;
  reminders: number;
  requeued: number;
  jobs: SendJob[];
}

export interface CheckinDeps {
  db: Database;
  content: ScheduleContent;
  composer: CheckinComposer;
  sender: ProactiveSender;
  log: Logger;
  now?: () => Date;
  options?: Partial<CheckinOptions>;
}

/** Orders jobs so tenants alternate: a large tenant does not fill every worker slot before the others start. */
export function interleaveByTenant<T extends { tenantId: string | null }>(jobs: T[]): T[] {
  const byTenant = new Map<string, T[]>();
  for (const job of jobs) {
    const key = job.tenantId ?? '';
    let list = byTenant.get(key);
    if (!list) byTenant.set(key, (list = []));
    list.push(job);
  }
  const lists = [...byTenant.values()];
  const out: T[] = [];
  for (let i = 0; out.length < jobs.length; i++) for (const list of lists) if (i < list.length) out.push(list[i]!);
  return out;
}

function inQuietHours(hour: number, quiet: { from: number; to: number }): boolean {
  return quiet.from <= quiet.to ? hour >= quiet.from && hour < quiet.to : hour >= quiet.from || hour < quiet.to;
}

export function createCheckins(deps: CheckinDeps) {
  const { db, content, composer, sender, log } = deps;
  const now = deps.now ?? (() => new Date());
  const options: CheckinOptions = { ...defaultCheckinOptions, ...deps.options };

  /** Claims everyone due now (in batches), queues reminders and re-queues lost sends. Safe to run on several instances at once. */
  async function tick(): Promise<TickResult> {
    const at = now();
    const result: TickResult = { claimed: 0, skippedLate: 0, reminders: 0, requeued: 0, jobs: [] };
    const graceMs = content.lateGraceMinutes * 60_000;
    for (;;) {
      const batch = await db.transaction(async (tx) => {
        const due = await lockDueSchedules(tx, at, options.batchSize);
        const sends: NewSend[] = [];
        const updates: { conversationId: string; nextDueAt: Date; sentDay: string | null }[] = [];
        let late = 0;
        for (const schedule of due) {
          const time = parseLocalTimeOfDay(schedule.localTime) ?? content.defaultTime;
          const day = localDayOf(schedule.nextDueAt, schedule.timeZone);
          const paused = schedule.pausedUntil !== null && day < schedule.pausedUntil;
          const tooLate = at.getTime() - schedule.nextDueAt.getTime() > graceMs;
          const after = new Date(Math.max(at.getTime(), schedule.nextDueAt.getTime()));
          updates.push({ conversationId: schedule.conversationId, nextDueAt: nextDueAt(time, schedule.timeZone, after, schedule.pausedUntil), sentDay: paused || tooLate ? null : day });
          if (tooLate) late++;
          if (paused || tooLate) continue;
          sends.push({ conversationId: schedule.conversationId, localDay: day, kind: 'checkin', tenantId: schedule.conversationTenant ?? schedule.tenantId, dueAt: schedule.nextDueAt });
        }
        const inserted = await insertSends(tx, sends, at, options.requeueAfterSeconds);
        await advanceSchedules(tx, updates, at);
        const tenants = new Map(sends.map((send) => [send.conversationId, send.tenantId]));
        return { count: due.length, late, jobs: inserted.map((key) => ({ ...key, tenantId: tenants.get(key.conversationId) ?? null })) };
      });
      result.claimed += batch.jobs.length;
      result.skippedLate += batch.late;
      result.jobs.push(...batch.jobs);
      if (batch.count < options.batchSize) break;
    }
    if (result.skippedLate) log.warn({ skipped: result.skippedLate }, 'check-ins skipped: more than the grace period late');

    // Reminders: one, only if nothing was said since the check-in.
    const reminders = await db.transaction(async (tx) => {
      const due = await takeDueReminders(tx, at, options.batchSize);
      const sends: NewSend[] = [];
      const staleMs = (content.reminderAfterHours + 1) * 3600_000;
      for (const item of due) {
        // A reminder the service missed by hours (it was down) is no longer gentle or useful.
        if (at.getTime() - item.sentAt.getTime() > staleMs) continue;
        if (await answeredSince(tx, item.conversationId, item.sentAt)) continue;
        const schedule = await readSchedule(tx, item.conversationId);
        if (!schedule || schedule.stoppedAt) continue;
        sends.push({ conversationId: item.conversationId, localDay: item.localDay, kind: 'reminder', tenantId: item.tenantId, dueAt: at });
      }
      return insertSends(tx, sends, at, options.requeueAfterSeconds).then((keys) => keys.map((key) => ({ ...key, tenantId: sends.find((s) => s.conversationId === key.conversationId)?.tenantId ?? null })));
    });
    result.reminders = reminders.length;
    result.jobs.push(...reminders);

    // Sends that should be queued but may not be: a crash between claim and enqueue, or a worker that died mid-send.
    const lost = await db.transaction((tx) => lockUnfinished(tx, at, options.batchSize * 4, options.requeueAfterSeconds));
    result.requeued = lost.length;
    result.jobs.push(...lost.filter((job) => !result.jobs.some((j) => j.conversationId === job.conversationId && j.localDay === job.localDay && j.kind === job.kind)));
    result.jobs = interleaveByTenant(result.jobs);
    return result;
  }

  async function finishWith(key: SendKey, row: SendRow, status: 'skipped' | 'blocked' | 'gave_up' | 'failed', error: string, at: Date, delivered = row.delivered, attempts = row.attempts): Promise<void> {
    await finishSend(db, key, { status, attempts, delivered, error }, at);
  }

  /** Sends one check-in or reminder, if this worker gets it. Never throws for a channel problem. */
  async function processSend(key: SendKey): Promise<SendResult> {
    const at = now();
    const claimed = await claimSendWithContext(db, key, at, options.leaseSeconds);
    if (!claimed) return { result: 'not_mine' };
    const { send: row, schedule } = claimed;
    if (!schedule || schedule.stoppedAt) {
      await finishWith(key, row, 'skipped', `check-ins stopped${schedule?.stopReason ? ` (${schedule.stopReason})` : ''}`, at);
      return { result: 'skipped', why: 'stopped' };
    }
    if (schedule.pausedUntil && key.localDay < schedule.pausedUntil && row.delivered === 0) {
      await finishWith(key, row, 'skipped', 'paused', at);
      return { result: 'skipped', why: 'paused' };
    }
    if (at.getTime() - row.dueAt.getTime() > options.giveUpAfterSeconds * 1000) {
      await finishWith(key, row, 'gave_up', `not delivered within ${options.giveUpAfterSeconds}s of its time${row.lastError ? `; last error ${row.lastError}` : ''}`, at);
      await recordScheduleEvent(db, key.conversationId, 'checkIn.gaveUp', { localDay: key.localDay, kind: key.kind, lastError: row.lastError }, at);
      return { result: 'gave_up', error: row.lastError ?? 'too late' };
    }
    const reference = claimed.reference as ConversationRef | null;
    if (!reference?.serviceUrl || !reference.conversation?.id) {
      await finishWith(key, row, 'failed', 'no stored conversation reference', at);
      return { result: 'failed', error: 'no stored conversation reference' };
    }

    let payload = row.payload;
    if (payload === null || payload === undefined) {
      if (key.kind === 'reminder') {
        const checkin = await readSend(db, { ...key, kind: 'checkin' });
        if (!checkin?.sentAt || (await answeredSince(db, key.conversationId, checkin.sentAt))) {
          await finishWith(key, row, 'skipped', 'answered', at);
          return { result: 'skipped', why: 'answered' };
        }
        payload = { texts: [say(content, 'reminder')] } satisfies TextPayload;
        await savePayload(db, key, payload, null);
      } else {
        const { missed: missedDays } = await missedBefore(db, key.conversationId, key.localDay, schedule.missedStreak);
        payload = await composer.checkIn(key.conversationId, { at: at.toISOString(), localDate: key.localDay, missedDays });
        if (payload === null) {
          await finishWith(key, row, 'skipped', 'conversation not found', at);
          return { result: 'skipped', why: 'no conversation' };
        }
        await savePayload(db, key, payload, missedDays);
        if (missedDays !== schedule.missedStreak) await setMissedStreak(db, key.conversationId, missedDays);
        if (missedDays > 0) await recordScheduleEvent(db, key.conversationId, 'checkIn.missed', { localDay: key.localDay, missedDays }, at);
      }
    }

    const outcome = await sender.deliver({
      reference,
      ...rateKeysOf({ ...reference.conversation, id: key.conversationId }, row.tenantId),
      delivered: row.delivered,
      attempts: row.attempts,
      activities: (conversation) => composer.activities(conversation.reference, payload),
    });
    const done = now();
    switch (outcome.outcome) {
      case 'sent': {
        let reminderDueAt: Date | null = null;
        if (key.kind === 'checkin') {
          const candidate = new Date(done.getTime() + content.reminderAfterHours * 3600_000);
          if (!inQuietHours(localHourOf(candidate, schedule.timeZone), content.quietHours)) reminderDueAt = candidate;
        }
        await finishSend(db, key, { status: 'sent', attempts: outcome.attempts, delivered: outcome.delivered, sentAt: done, reminderDueAt, error: null }, done);
        return { result: 'sent', delivered: outcome.delivered };
      }
      case 'retry': {
        const retryAt = new Date(done.getTime() + outcome.delayMs);
        // A wait for the rate limit made no attempt: the last real failure (a 500, say) stays the one an operator reads.
        const error = outcome.attempts > row.attempts || !row.lastError ? outcome.error : row.lastError;
        if (retryAt.getTime() - row.dueAt.getTime() > options.giveUpAfterSeconds * 1000) {
          await finishWith(key, row, 'gave_up', error, done, outcome.delivered, outcome.attempts);
          await recordScheduleEvent(db, key.conversationId, 'checkIn.gaveUp', { localDay: key.localDay, kind: key.kind, lastError: error }, done);
          log.warn({ conversationId: key.conversationId, error }, 'check-in given up');
          return { result: 'gave_up', error };
        }
        // Back to the queue; the runner schedules the retry job, and the sweep catches it if that is lost.
        await finishSend(db, key, { status: 'queued', attempts: outcome.attempts, delivered: outcome.delivered, error, retryAt: new Date(retryAt.getTime() + options.requeueAfterSeconds * 1000) }, done);
        return { result: 'retry', delaySeconds: Math.max(1, Math.ceil(outcome.delayMs / 1000)), error };
      }
      case 'stop': {
        const reason = outcome.reason === 'blocked' ? 'blocked: the channel answered 403 (bot blocked or removed)' : 'conversation not found: the channel answered 404';
        await finishWith(key, row, 'blocked', outcome.error, done, outcome.delivered, outcome.attempts);
        if (await stopSchedule(db, key.conversationId, reason, done)) {
          await recordScheduleEvent(db, key.conversationId, 'schedule.stopped', { reason, by: 'channel' }, done);
        }
        log.info({ conversationId: key.conversationId, reason }, 'check-ins stopped by the channel');
        return { result: 'blocked', error: outcome.error };
      }
      case 'fail': {
        await finishWith(key, row, 'failed', outcome.error, done, outcome.delivered, outcome.attempts);
        await recordScheduleEvent(db, key.conversationId, 'checkIn.failed', { localDay: key.localDay, kind: key.kind, error: outcome.error }, done);
        log.error({ conversationId: key.conversationId, error: outcome.error }, 'check-in failed');
        return { result: 'failed', error: outcome.error };
      }
    }
  }

  /**
   * Operator: the person's check-in for their current local day, now. Still at most once a day:
   * if today's was already sent, nothing is sent and the existing row is returned.
   */
  async function sendNow(conversationId: string): Promise<{ key: SendKey; result: SendResult | { result: 'already'; row: SendRow } }> {
    const at = now();
    const schedule = await readSchedule(db, conversationId);
    const zone = schedule?.timeZone ?? 'UTC';
    const key: SendKey = { conversationId, localDay: localDayOf(at, zone), kind: 'checkin' };
    const conversation = await tenantOf(db, conversationId);
    if (!conversation.found) return { key, result: { result: 'skipped', why: 'no such conversation' } };
    if (!schedule || schedule.stoppedAt) return { key, result: { result: 'skipped', why: schedule ? `check-ins stopped (${schedule.stopReason})` : 'no check-in schedule' } };
    const inserted = await insertSends(db, [{ ...key, tenantId: conversation.tenantId ?? schedule?.tenantId ?? null, dueAt: at }], at, options.requeueAfterSeconds);
    if (inserted.length === 0) {
      const row = (await readSend(db, key))!;
      if (row.status !== 'queued') return { key, result: { result: 'already', row } };
    }
    if (schedule && !schedule.stoppedAt && schedule.nextDueAt && localDayOf(schedule.nextDueAt, zone) === key.localDay) {
      // Today's scheduled one is this one: move the schedule on so the tick does not claim the day again.
      const time = parseLocalTimeOfDay(schedule.localTime) ?? content.defaultTime;
      await advanceSchedules(db, [{ conversationId, nextDueAt: nextDueAt(time, zone, schedule.nextDueAt, schedule.pausedUntil), sentDay: key.localDay }], at);
    }
    return { key, result: await processSend(key) };
  }

  return { tick, processSend, sendNow, dueNext: (limit: number) => dueNext(db, limit), options };
}

export type Checkins = ReturnType<typeof createCheckins>;
