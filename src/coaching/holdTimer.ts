import type { ShellCommand } from '../ports/turns.ts';
import { render } from '../bot/render.ts';
import type { Content } from '../content/index.ts';
import type { Jobs } from '../jobs/index.ts';
import type { Database } from '../store/database.ts';
import { readConversation } from '../store/conversations.ts';
import { appendEvents } from '../store/events.ts';
import type { Logger } from '../log.ts';
import type { ConversationRef, MessagingPort } from '../ports/messaging.ts';
import { holdSeconds } from './dose.ts';
import { fill } from '../wording/fill.ts';

export const HOLD_TIMER_QUEUE = 'hold-timer';

/** One running hold timer: a pg-boss job due when the hold is over. */
export interface HoldTimerJob {
  conversationId: string;
  exerciseId: string;
  seconds: number;
  startedAt: string;
}

export interface HoldTimerDeps {
  db: Database;
  content: Content;
  log: Logger;
  now: () => Date;
  /** Sends into a stored conversation, within the channel's limits. */
  messaging: Pick<MessagingPort, 'continue'>;
  /** The timer is a job on the queue, so a restart does not lose it. */
  jobs: Jobs;
}

/**
 * "Timer" during an exercise that is held or timed: the bot says when the time is up and asks
 * what the symptoms did. The timer is a pg-boss job due `seconds` from now (taken once across
 * instances, kept across a restart); when it runs it speaks only if the person is still on that
 * step and has not answered.
 */
export async function holdTimerCommand(deps: HoldTimerDeps): Promise<ShellCommand & { deliver(job: HoldTimerJob): Promise<'sent' | string> }> {
  const say = (key: string, vars: Record<string, string | number> = {}) => fill(deps.content.conversation.messages[key] ?? key, vars);
  const labelOf = (seconds: number) => (seconds >= 120 && seconds % 60 === 0 ? say('timer.minutes', { n: seconds / 60 }) : say('timer.seconds', { n: seconds }));

  async function deliver(job: HoldTimerJob): Promise<'sent' | string> {
    const now = await readConversation(deps.db, job.conversationId);
    const current = now?.conversation.context.coaching.session;
    // Only if the person is still on that step and has not answered yet.
    if (!now || !current || current.steps[current.index]?.exerciseId !== job.exerciseId || now.conversation.context.asking?.question !== 'movementResponse') return 'moved on';
    const reference = now.reference as ConversationRef | null;
    if (!reference?.serviceUrl) return 'no reference';
    const replies = render([{ kind: 'say', key: 'timer.done', vars: { time: labelOf(job.seconds) } }, { kind: 'ask', question: 'movementResponse' }], now.conversation.context, deps.content);
    await deps.messaging.continue(reference, replies);
    return 'sent';
  }

  const { boss } = deps.jobs;
  await boss.createQueue(HOLD_TIMER_QUEUE, { retryLimit: 2, retryDelay: 5, expireInSeconds: 300 }).catch(() => {});
  await boss.work<HoldTimerJob>(HOLD_TIMER_QUEUE, { pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) {
      await deliver(job.data).catch((error: unknown) => {
        deps.log.warn({ err: error, conversationId: job.data.conversationId }, 'hold timer message failed');
        throw error;
      });
    }
  });

  return {
    name: 'hold-timer',
    deliver,
    async handle({ conversationId, intent }) {
      if (intent !== 'start_timer') return undefined;
      const row = await readConversation(deps.db, conversationId);
      const session = row?.conversation.context.coaching.session;
      const step = session?.steps[session.index];
      const seconds = step ? holdSeconds(step.dose) : undefined;
      if (!row || !step || seconds === undefined || row.conversation.context.asking?.question !== 'movementResponse') return [say('timer.notNow')];
      const startedAt = deps.now().toISOString();
      await appendEvents(deps.db, conversationId, [{ type: 'timer.started', data: { exerciseId: step.exerciseId, stageId: step.stageId, seconds }, at: startedAt }]);
      const job: HoldTimerJob = { conversationId, exerciseId: step.exerciseId, seconds, startedAt };
      await boss.send(HOLD_TIMER_QUEUE, job, { startAfter: seconds, singletonKey: `${conversationId}|${startedAt}` });
      return [say('timer.started', { time: labelOf(seconds) })];
    },
  };
}
