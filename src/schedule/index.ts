/**
 * Daily check-ins, wired: the conversation commands (before the bot exists) and, once the bot is
 * there, the sender, the check-in service and the pg-boss runner. src/app.ts calls these two.
 */
import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import type { CoachBot } from '../bot/coachBot.ts';
import type { Logger } from '../log.ts';
import { botFrameworkChannel, type ProactiveChannel } from '../proactive/channel.ts';
import { systemClock } from '../proactive/limiter.ts';
import { ProactiveSender, teamsLimits, type SendLimits } from '../proactive/sender.ts';
import { SharedSpacingLimiter } from '../proactive/sharedLimiter.ts';
import type { Database } from '../store/database.ts';
import { botComposer } from './botComposer.ts';
import { createCheckins, type CheckinOptions, type Checkins } from './checkins.ts';
import { createScheduleShell } from './commands.ts';
import { loadScheduleContent, type ScheduleContent } from './content.ts';
import { startCheckinRunner, type CheckinRunner } from './runner.ts';

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

/** The part the bot needs at construction: the schedule commands and the after-turn hook. */
export function createCheckinShell(deps: { db: Database; content: ScheduleContent; now?: () => Date; log?: Logger }) {
  const shell = createScheduleShell(deps);
  return {
    commands: [shell.command],
    /** Call after the bot's turn: uninstall stops the schedule; a finished screening gets the default schedule. */
    /**
     * The same, returning the notes instead of sending them, so the bot can put them before its
     * last question (channels show only the last message's buttons).
     */
    async notesAfterTurn(activity: Partial<Activity>, turn?: { screeningDone: boolean; recorded: string[] }): Promise<string[]> {
      try {
        return await shell.afterTurn(activity, turn);
      } catch (error) {
        deps.log?.error({ err: error, conversationId: activity.conversation?.id }, 'check-in schedule after turn failed');
        return [];
      }
    },
    async afterTurn(context: TurnContext): Promise<void> {
      try {
        const texts = await shell.afterTurn(context.activity as Partial<Activity>);
        if (texts.length) await context.sendActivities(texts.map((text) => ({ type: 'message', text })));
      } catch (error) {
        // The turn itself is done and answered; the schedule is set on the next turn instead.
        deps.log?.error({ err: error, conversationId: context.activity.conversation?.id }, 'check-in schedule after turn failed');
      }
    },
  };
}

/**
 * The proactive sender. Several instances may share one PostgreSQL (DATABASE_URL): the tenant's
 * limit is then kept in the database so that together they stay under it.
 */
export function createSender(channel: ProactiveChannel, db: Database, limits: SendLimits, databaseUrl?: string): ProactiveSender {
  const tenants = databaseUrl ? new SharedSpacingLimiter(db, limits.perTenant, systemClock, limits.headroom) : undefined;
  return new ProactiveSender(channel, limits, systemClock, Math.random, tenants);
}

export interface RunningCheckins {
  checkins: Checkins;
  runner: CheckinRunner;
  sender: ProactiveSender;
  stop(): Promise<void>;
}

export async function startCheckins(deps: {
  db: Database;
  content: ScheduleContent;
  bot: Pick<CoachBot, 'proactiveTurn' | 'activitiesFor'>;
  adapter: CloudAdapter;
  appId: string;
  log: Logger;
  databaseUrl?: string;
  now?: () => Date;
  settings?: CheckinSettings;
}): Promise<RunningCheckins> {
  const sender = createSender(botFrameworkChannel(deps.adapter, deps.appId), deps.db, deps.settings?.limits ?? teamsLimits, deps.databaseUrl);
  const checkins = createCheckins({
    db: deps.db,
    content: deps.content,
    composer: botComposer(deps.bot, deps.db),
    sender,
    log: deps.log,
    now: deps.now,
    options: deps.settings?.options,
  });
  const runner = await startCheckinRunner({
    db: deps.db,
    checkins,
    log: deps.log,
    databaseUrl: deps.databaseUrl,
    cron: deps.settings?.cron,
    pollingIntervalSeconds: deps.settings?.pollingIntervalSeconds,
  });
  // Within the 5 s a stop may take (src/run.ts); a send still running then is claimed again after the restart.
  return { checkins, runner, sender, stop: () => runner.stop({ graceful: true, timeoutMs: 3_000 }) };
}
