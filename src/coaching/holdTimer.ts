import type { ShellCommand } from '../ports/turns.ts';
import { render } from '../bot/render.ts';
import type { Content } from '../content/index.ts';
import type { Database } from '../store/database.ts';
import { readConversation } from '../store/conversations.ts';
import { appendEvents } from '../store/events.ts';
import type { Logger } from '../log.ts';
import type { ConversationRef, MessagingPort } from '../ports/messaging.ts';
import { holdSeconds } from './dose.ts';

export interface HoldTimerDeps {
  db: Database;
  content: Content;
  log: Logger;
  now: () => Date;
  /** Sends into a stored conversation, within the channel's limits. */
  messaging: Pick<MessagingPort, 'continue'>;
  /** Test seam: schedules the callback; defaults to setTimeout. */
  schedule?: (ms: number, run: () => void) => void;
}


const fill = (template: string, vars: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole));

/**
 * "Timer" during an exercise that is held or timed: the bot says when the time is up and asks
 * what the symptoms did. The timer lives in this process: after a restart the person simply
 * answers when they are done, as without a timer.
 */
export function holdTimerCommand(deps: HoldTimerDeps): ShellCommand {
  const schedule = deps.schedule ?? ((ms, run) => void setTimeout(run, ms).unref());
  const say = (key: string, vars: Record<string, string | number> = {}) => fill(deps.content.conversation.messages[key] ?? key, vars);
  return {
    name: 'hold-timer',
    async handle({ conversationId, intent }) {
      if (intent !== 'start_timer') return undefined;
      const row = await readConversation(deps.db, conversationId);
      const session = row?.conversation.context.coaching.session;
      const step = session?.steps[session.index];
      const seconds = step ? holdSeconds(step.dose) : undefined;
      if (!row || !step || seconds === undefined || row.conversation.context.asking?.question !== 'movementResponse') return [say('timer.notNow')];
      const startedAt = deps.now().toISOString();
      await appendEvents(deps.db, conversationId, [{ type: 'timer.started', data: { exerciseId: step.exerciseId, stageId: step.stageId, seconds }, at: startedAt }]);
      const label = seconds >= 120 && seconds % 60 === 0 ? say('timer.minutes', { n: seconds / 60 }) : say('timer.seconds', { n: seconds });
      schedule(seconds * 1000, () => {
        void (async () => {
          const now = await readConversation(deps.db, conversationId);
          const current = now?.conversation.context.coaching.session;
          // Only if the person is still on that step and has not answered yet.
          if (!now || !current || current.steps[current.index]?.exerciseId !== step.exerciseId || now.conversation.context.asking?.question !== 'movementResponse') return;
          const reference = now.reference as ConversationRef | null;
          if (!reference?.serviceUrl) return;
          const replies = render([{ kind: 'say', key: 'timer.done', vars: { time: label } }, { kind: 'ask', question: 'movementResponse' }], now.conversation.context, deps.content);
          await deps.messaging.continue(reference, replies);
        })().catch((error) => deps.log.warn({ err: error, conversationId }, 'hold timer message failed'));
      });
      return [say('timer.started', { time: label })];
    },
  };
}
