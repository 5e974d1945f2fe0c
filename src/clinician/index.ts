/**
 * The clinician side, wired in one call from src/app.ts: console routes (sign-in, queue, cases,
 * FHIR), the care-team turn filter (Teams install command and card buttons), the relay sink for the
 * bot, the "will someone call me?" command, and the notifier.
 */
import type restify from 'restify';
import type { Config } from '../config.ts';
import type { Content } from '../content/index.ts';
import type { Logger } from '../log.ts';
import type { Jobs } from '../jobs/index.ts';
import { startPeriodic } from '../jobs/periodic.ts';
import type { Database } from '../store/database.ts';
import { caseStatusCommand } from './caseStatus.ts';
import { consoleRoutes } from './console/routes.ts';
import { createLoginLink } from './console/sessions.ts';
import type { MessagingPort } from '../ports/messaging.ts';
import type { ProactiveTurns, RelaySink, ShellCommand, TurnFilter } from '../ports/turns.ts';
import { createAuth } from './console/auth.ts';
import { coachingPlanRoutes } from './console/coachingPlan.ts';
import { createClinicianService, type ClinicianService } from './service.ts';
import { careTeamTurns } from './teams.ts';
import type { ClinicianWording } from './wording.ts';

export { loadClinicianWording } from './wording.ts';

export { clinicianMigrations } from './migrations.ts';

export type { MessagingPort } from '../ports/messaging.ts';

export interface ClinicianDeps {
  db: Database;
  content: Content;
  /** Turns the clinician side starts in a person's conversation (joining, leaving, a plan change). */
  conversations: ProactiveTurns;
  /** The notifier's pass (new cases, re-notification, escalation, notices) runs on the job queue. */
  jobs: Jobs;
  /** How the clinician side sends (src/bot/messaging.ts), within the channel limits. */
  messaging: MessagingPort;
  log: Logger;
  now?: () => Date;
  fetch?: typeof fetch;
  /** content/clinician/wording.yaml and fhir.yaml, loaded (and their problems reported) with the rest of the content. */
  wording: ClinicianWording;
}

export interface ClinicianSide {
  service: ClinicianService;
  routes: ((server: restify.Server) => void)[];
  /** "Will someone call me?", for the bot's commands. */
  commands: ShellCommand[];
  /** Where the bot puts what the person writes while a clinician owns the conversation. */
  relays: RelaySink;
  /** Care-team turns (Teams install command, card buttons), taken before the coaching bot sees them. */
  careTeamTurns: TurnFilter;
  /** A handoff was stored: make it a case and post its card now. */
  onHandoff(): void;
  /** Once listening: in local mode, prints the one-time sign-in link to the console. */
  afterListen(url: string): Promise<void>;
  /** The one-time sign-in link printed at start (local mode), if any. */
  signInLink(): string | undefined;
  /** Ends the live queue's event streams (before the server closes). */
  closeStreams(): void;
  stop(): Promise<void>;
}

const LINK_HOURS = 24;

export const CLINICIAN_NOTIFIER_QUEUE = 'clinician-notifier';

export async function startClinicianSide(config: Config, deps: ClinicianDeps): Promise<ClinicianSide> {
  const wording = deps.wording;
  const now = deps.now ?? (() => new Date());
  const windows = { emergency: config.HANDOFF_ACCEPT_MINUTES, urgent: config.HANDOFF_ACCEPT_MINUTES_URGENT };
  const service = createClinicianService({
    db: deps.db,
    content: deps.content,
    wording,
    log: deps.log,
    now,
    bot: deps.conversations,
    messaging: deps.messaging,
    windows,
    timeZone: config.CLINIC_TIME_ZONE,
    ...(config.ESCALATION_CONTACT_URL ? { escalationUrl: config.ESCALATION_CONTACT_URL } : {}),
    ...(config.CLINICIAN_CONSOLE_URL ? { consoleUrl: config.CLINICIAN_CONSOLE_URL } : {}),
    ...(config.FHIR_BASE_URL ? { fhir: { baseUrl: config.FHIR_BASE_URL, ...(config.FHIR_BEARER_TOKEN ? { token: config.FHIR_BEARER_TOKEN } : {}) } } : {}),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  const teams = careTeamTurns({ db: deps.db, service, wording, log: deps.log, now });
  const oidc =
    config.OIDC_ISSUER_URL && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET && config.PUBLIC_URL
      ? {
          issuer: config.OIDC_ISSUER_URL,
          clientId: config.OIDC_CLIENT_ID,
          clientSecret: config.OIDC_CLIENT_SECRET,
          redirectUri: `${config.PUBLIC_URL.replace(/\/+$/, '')}/clinician/auth/callback`,
          ...(config.OIDC_REQUIRED_ROLE ? { requiredRole: config.OIDC_REQUIRED_ROLE } : {}),
        }
      : undefined;
  // In local mode without the clinic's sign-in, a one-time link printed at start opens the console.
  const linkSignIn = config.localMode && !oidc;
  const consoleSide = consoleRoutes({
    db: deps.db,
    content: deps.content,
    wording,
    service,
    token: config.CLINICIAN_TOKEN,
    ...(oidc ? { oidc } : {}),
    linkSignIn,
    sessionHours: config.CLINICIAN_SESSION_HOURS,
    timeZone: config.CLINIC_TIME_ZONE,
    windows,
    log: deps.log,
    now,
  });
  if (!oidc && !config.CLINICIAN_TOKEN && !linkSignIn) deps.log.info('clinician console disabled: set OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or CLINICIAN_TOKEN');
  let link: string | undefined;
  await startPeriodic(deps.jobs, { queue: CLINICIAN_NOTIFIER_QUEUE, everySeconds: 5, firstAfterSeconds: 5, run: () => service.wake() }, deps.log);
  void service.wake();
  void consoleSide.sessions.prune().catch(() => {});
  return {
    service,
    routes: [consoleSide.register, coachingPlanRoutes({ db: deps.db, content: deps.content, log: deps.log, now, auth: createAuth(config.CLINICIAN_TOKEN, consoleSide.sessions, { oidc: Boolean(oidc), sharedKey: Boolean(config.CLINICIAN_TOKEN), link: linkSignIn }, config.CLINICIAN_SESSION_HOURS), bot: deps.conversations, messaging: deps.messaging })],
    commands: [caseStatusCommand({ db: deps.db, wording, log: deps.log, sync: () => service.wake(), relay: service.onRelay })],
    relays: { relay: service.onRelay },
    careTeamTurns: teams.filter,
    onHandoff: () => void service.wake(),
    async afterListen(url) {
      if (!linkSignIn) return;
      const token = await createLoginLink(deps.db, now(), LINK_HOURS);
      link = `${(config.PUBLIC_URL ?? url).replace(/\/+$/, '')}/clinician/auth/link/${token}`;
      deps.log.info({ link }, `care team console: open ${link} to sign in and see handoffs (one-time link, valid ${LINK_HOURS} hours; restart for a new one)`);
    },
    signInLink: () => link,
    closeStreams: () => consoleSide.live.close(),
    stop: async () => {
      consoleSide.live.close();
      await service.stop();
    },
  };
}
