/**
 * The clinician side, wired in one call from src/app.ts: console routes, the care-team turn filter
 * (Teams install command and card buttons), the relay sink for the bot, and the notifier.
 */
import type restify from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { CoachBot } from '../bot/coachBot.ts';
import type { Config } from '../config.ts';
import type { Content } from '../content/index.ts';
import type { Logger } from '../log.ts';
import { botFrameworkChannel } from '../proactive/channel.ts';
import { ProactiveSender } from '../proactive/sender.ts';
import type { Database } from '../store/database.ts';
import { consoleRoutes } from './console/routes.ts';
import { createAuth } from './console/auth.ts';
import { coachingPlanRoutes } from './console/coachingPlan.ts';
import { createClinicianService, type ClinicianService } from './service.ts';
import { careTeamTurns } from './teams.ts';
import type { ClinicianWording } from './wording.ts';

export { loadClinicianWording } from './wording.ts';

export { clinicianMigrations } from './migrations.ts';

export interface ClinicianDeps {
  db: Database;
  content: Content;
  adapter: CloudAdapter;
  /** Late-bound: the bot is created after the clinician side, because it needs its relay sink. */
  bot: () => Pick<CoachBot, 'proactiveTurn' | 'activitiesFor'>;
  log: Logger;
  now?: () => Date;
  /** Shared with the check-ins when they run, so one process keeps one set of channel limits. */
  sender?: ProactiveSender;
  fetch?: typeof fetch;
  /** content/clinician/wording.yaml, loaded (and its problems reported) with the rest of the content. */
  wording: ClinicianWording;
}

export interface ClinicianSide {
  service: ClinicianService;
  routes: ((server: restify.Server) => void)[];
  /** Wraps the bot's onTurn: care-team turns are handled before the coaching bot sees them. */
  wrapTurn(onTurn: (context: TurnContext) => Promise<void>): (context: TurnContext) => Promise<void>;
  onRelay(conversationId: string, relay: { text: string; caseId: string }): Promise<void>;
  /** A handoff was stored: make it a case and post its card now. */
  onHandoff(): void;
  stop(): Promise<void>;
}

export function startClinicianSide(config: Config, deps: ClinicianDeps): ClinicianSide {
  const wording = deps.wording;
  const now = deps.now ?? (() => new Date());
  const sender = deps.sender ?? new ProactiveSender(botFrameworkChannel(deps.adapter, config.MicrosoftAppId ?? ''));
  const service = createClinicianService({
    db: deps.db,
    content: deps.content,
    wording,
    log: deps.log,
    now,
    bot: {
      proactiveTurn: (...args) => deps.bot().proactiveTurn(...args),
      activitiesFor: (...args) => deps.bot().activitiesFor(...args),
    },
    sender,
    windows: { emergency: config.HANDOFF_ACCEPT_MINUTES, urgent: config.HANDOFF_ACCEPT_MINUTES_URGENT },
    ...(config.ESCALATION_CONTACT_URL ? { escalationUrl: config.ESCALATION_CONTACT_URL } : {}),
    ...(config.CLINICIAN_CONSOLE_URL ? { consoleUrl: config.CLINICIAN_CONSOLE_URL } : {}),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  const teams = careTeamTurns({ db: deps.db, service, wording, log: deps.log, now });
  const routes = [consoleRoutes({ db: deps.db, content: deps.content, wording, service, token: config.CLINICIAN_TOKEN, log: deps.log, now })];
  routes.push(coachingPlanRoutes({ db: deps.db, content: deps.content, log: deps.log, now, auth: createAuth(config.CLINICIAN_TOKEN, now), bot: deps.bot, sender }));
  if (!config.CLINICIAN_TOKEN) deps.log.info('clinician console disabled: CLINICIAN_TOKEN is not set');
  void service.wake();
  return {
    service,
    routes,
    wrapTurn: teams.wrap,
    onRelay: service.onRelay,
    onHandoff: () => void service.wake(),
    stop: service.stop,
  };
}
