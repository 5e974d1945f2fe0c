/**
 * Daily check-ins, wired: the conversation commands and after-turn notes (what the bot is built
 * with), and the check-in service with its pg-boss runner on the one outbound sender.
 * src/app.ts calls these two.
 */
import type { Logger } from '../log.ts';
import type { Jobs } from '../jobs/index.ts';
import type { InboundActivity, RenderReplies } from '../ports/messaging.ts';
import type { AfterTurn, ProactiveTurns, ShellCommand } from '../ports/turns.ts';
import type { ProactiveSender, SendLimits } from '../proactive/sender.ts';
import type { Database } from '../store/database.ts';
import { botComposer } from './botComposer.ts';
import { createCheckins, type CheckinOptions, type Checkins } from './checkins.ts';
import { createScheduleShell } from './commands.ts';
import { loadScheduleContent, type ScheduleContent } from './content.ts';
import { startCheckinRunner, type CheckinRunner } from './runner.ts';

export { createSender } from '../proactive/index.ts';

export interface CheckinSettings {
  /** Cron of the tick; false = no automatic tick (tests drive it). Default every minute. */
  cron?: string | false;
  limits?: SendLimits;
  options?: Partial<CheckinOptions>;
  pollingIntervalSeconds?: number;
}

export function loadCheckinContent(contentDir: string): { content?: ScheduleContent; problems: string[] } {
  return loadScheduleContent(contentDir);
}

/** The part the bot needs at construction: the schedule commands and the after-turn notes. */
export function createCheckinShell(deps: { db: Database; content: ScheduleContent; now?: () => Date; log?: Logger }): AfterTurn & { commands: ShellCommand[] } {
  const shell = createScheduleShell(deps);
  return {
    commands: [shell.command],
    /**
     * After the bot's turn: uninstall stops the schedule; a finished screening gets the default
     * schedule. Returns the notes instead of sending them, so the bot can put them before its last
     * question (channels show only the last message's buttons).
     */
    async afterTurn(activity: InboundActivity, turn?: { screeningDone: boolean; recorded: string[] }): Promise<string[]> {
      try {
        return await shell.afterTurn(activity, turn);
      } catch (error) {
        deps.log?.error({ err: error, conversationId: activity.conversation?.id }, 'check-in schedule after turn failed');
        return [];
      }
    },
  };
}

export interface RunningCheckins {
  checkins: Checkins;
  runner: CheckinRunner;
  stop(): Promise<void>;
}

export async function startCheckins(deps: {
  db: Database;
  content: ScheduleContent;
  conversations: ProactiveTurns;
  renderer: { activitiesFor: RenderReplies };
  sender: ProactiveSender;
  jobs: Jobs;
  log: Logger;
  databaseUrl?: string;
  now?: () => Date;
  settings?: CheckinSettings;
}): Promise<RunningCheckins> {
  const checkins = createCheckins({
    db: deps.db,
    content: deps.content,
    composer: botComposer(deps.conversations, deps.renderer.activitiesFor, deps.db),
    sender: deps.sender,
    log: deps.log,
    now: deps.now,
    options: deps.settings?.options,
  });
  const runner = await startCheckinRunner({
    db: deps.db,
    checkins,
    log: deps.log,
    jobs: deps.jobs,
    databaseUrl: deps.databaseUrl,
    cron: deps.settings?.cron,
    pollingIntervalSeconds: deps.settings?.pollingIntervalSeconds,
  });
  // The job queue is stopped by its owner (src/app.ts); a send still running then is claimed again after the restart.
  return { checkins, runner, stop: () => runner.stop({ graceful: true, timeoutMs: 3_000 }) };
}
