/**
 * Reminders to repeat the directional exercise later the same day, when symptoms are irritable
 * and the plan asks for it several times a day (content/coaching/rules.yaml, irritability). The
 * machine records `reminders.planned` when such a session finishes; this module puts one pg-boss
 * job per reminder on the check-ins' queue (durable across restarts, taken once across
 * instances, erased with the person's data), and each job, when due, checks that the reminder
 * still makes sense before sending it.
 */
import type { PgBoss } from 'pg-boss';
import { doseText } from '../bot/render.ts';
import { fill } from '../wording/fill.ts';
import type { Content } from '../content/index.ts';
import type { Logger } from '../log.ts';
import type { ConversationRef, InboundActivity, MessagingPort } from '../ports/messaging.ts';
import type { TurnOutcome } from '../ports/turns.ts';
import { readSchedule } from '../schedule/store.ts';
import { localDayOf, localHourOf } from '../schedule/time.ts';
import { readConversation } from '../store/conversations.ts';
import type { Database } from '../store/database.ts';
import { appendEvents, listEvents } from '../store/events.ts';

export const REMINDER_QUEUE = 'exercise-reminder';

export interface ReminderJob {
  conversationId: string;
  exerciseId: string;
  stageId: string;
  /** The local day of the session: a reminder never spills into the next day. */
  date: string;
  n: number;
}

/**
 * When to remind: every `everyHours` from now, at most `count` times, on the same local day and
 * never in quiet hours (from `quietFrom` o'clock local time).
 */
export function reminderTimes(now: Date, zone: string, everyHours: number, count: number, quietFrom: number, quietTo: number): Date[] {
  const day = localDayOf(now, zone);
  const times: Date[] = [];
  for (let i = 1; times.length < count; i++) {
    const at = new Date(now.getTime() + i * everyHours * 3600_000);
    const hour = localHourOf(at, zone);
    if (localDayOf(at, zone) !== day || hour >= quietFrom || hour < quietTo) break;
    times.push(at);
  }
  return times;
}

export interface ReminderDeps {
  db: Database;
  content: Content;
  log: Logger;
  now: () => Date;
  quietHours: { from: number; to: number };
  /** Sends into a stored conversation, within the channel's limits. */
  messaging: Pick<MessagingPort, 'continue'>;
}

export function exerciseReminders(deps: ReminderDeps) {
  const rule = deps.content.coachingRules.irritability;
  let boss: PgBoss | undefined;

  /** After a turn that planned reminders: queue them (they add no note to the turn). Never throws into the turn. */
  async function afterTurn(activity: InboundActivity, turn?: TurnOutcome): Promise<string[]> {
    const conversationId = activity.conversation?.id;
    if (turn && conversationId) await queueFor(conversationId, turn.recorded);
    return [];
  }

  async function queueFor(conversationId: string, recorded: readonly string[]): Promise<void> {
    if (!boss || !recorded.includes('reminders.planned')) return;
    try {
      const [planned] = (await listEvents(deps.db, conversationId, { types: ['reminders.planned'], limit: 1 })).slice(-1);
      if (!planned) return;
      const schedule = await readSchedule(deps.db, conversationId);
      const zone = schedule?.timeZone ?? 'UTC';
      const count = Math.max(0, Number(planned.data.timesPerDay ?? 1) - 1);
      const times = reminderTimes(deps.now(), zone, rule.reminderEveryHours, count, deps.quietHours.from, deps.quietHours.to);
      const date = String(planned.data.date);
      await boss.insert(
        REMINDER_QUEUE,
        times.map((at, i) => ({
          data: { conversationId, exerciseId: String(planned.data.exerciseId), stageId: String(planned.data.stageId), date, n: i + 1 } satisfies ReminderJob,
          startAfter: at,
          singletonKey: `${conversationId}|exercise-reminder|${date}|${i + 1}`,
        })),
      );
      await appendEvents(deps.db, conversationId, [{ type: 'reminders.queued', data: { exerciseId: planned.data.exerciseId, times: times.map((t) => t.toISOString()) }, at: deps.now().toISOString() }]);
    } catch (error) {
      deps.log.warn({ err: error, conversationId }, 'exercise reminders not queued');
    }
  }

  /** Sends one reminder if it still makes sense now; returns why not otherwise. */
  async function deliver(job: ReminderJob): Promise<'sent' | 'not_sent' | string> {
    const row = await readConversation(deps.db, job.conversationId);
    if (!row) return 'no conversation';
    const { context } = row.conversation;
    if (context.referral?.exerciseOnHold) return 'exercise on hold';
    if (context.clinician) return 'a clinician owns the conversation';
    if (context.coaching.progress.sessionStoppedOn === job.date) return 'session stopped today';
    const restUntil = context.coaching.progress.restUntil[job.exerciseId];
    if (restUntil && job.date < restUntil) return 'exercise resting';
    const schedule = await readSchedule(deps.db, job.conversationId);
    if (schedule?.stoppedAt) return 'messages stopped';
    if (schedule?.pausedUntil && job.date < schedule.pausedUntil) return 'paused';
    if (localDayOf(deps.now(), schedule?.timeZone ?? 'UTC') !== job.date) return 'another day';
    const exercise = deps.content.exercises.byId[job.exerciseId];
    const stage = exercise?.stages.find((s) => s.id === job.stageId) ?? exercise?.stages[0];
    if (!exercise || !stage) return 'unknown exercise';
    const template = deps.content.conversation.messages['reminder.directional'] ?? '';
    const text = fill(template, { name: `${exercise.name} (${stage.name})`, dose: doseText(stage.dose, deps.content) });
    const sent = (await deps.messaging.continue(row.reference as ConversationRef, [{ kind: 'message', text }])).outcome === 'sent';
    await appendEvents(deps.db, job.conversationId, [{ type: 'reminder.sent', data: { exerciseId: job.exerciseId, n: job.n, delivered: sent }, at: deps.now().toISOString() }]);
    return sent ? 'sent' : 'not_sent';
  }

  /** Starts working the queue on the check-ins' pg-boss. */
  async function start(queue: PgBoss): Promise<void> {
    boss = queue;
    await queue.createQueue(REMINDER_QUEUE, { retryLimit: 2, retryDelay: 30, expireInSeconds: 300 }).catch(() => {});
    await queue.work<ReminderJob>(REMINDER_QUEUE, { pollingIntervalSeconds: 30 }, async (jobs) => {
      for (const job of jobs) {
        const result = await deliver(job.data);
        if (result !== 'sent') deps.log.info({ conversationId: job.data.conversationId, result }, 'exercise reminder not sent');
      }
    });
  }

  return { afterTurn, deliver, start };
}

export type ExerciseReminders = ReturnType<typeof exerciseReminders>;
