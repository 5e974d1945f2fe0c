/**
 * Privacy and security, wired: the shell commands (rate limit first, then data rights), the
 * export download route and the retention job. src/app.ts calls these; the free-text cipher is
 * opened with the store (src/store/configured.ts).
 */
import type restify from 'restify';
import type { ShellCommand } from '../ports/turns.ts';
import type { PublicUrl } from '../server.ts';
import type { Nlu } from '../bot/understand.ts';
import type { Config } from '../config.ts';
import type { Content } from '../content/index.ts';
import type { Logger } from '../log.ts';
import { rateLimitCommand } from '../security/rateLimit.ts';
import type { Jobs } from '../jobs/index.ts';
import type { Database } from '../store/database.ts';
import { dataRightsCommand } from './commands.ts';
import { loadPrivacyContent, type PrivacyMessages } from './content.ts';
import { startRetentionJob } from './retention.ts';
import { privacyRoutes } from './routes.ts';

export { loadPrivacyContent };

export interface PrivacyDeps {
  config: Config;
  db: Database;
  /** The retention pass runs on the job queue. */
  jobs: Jobs;
  content: Content;
  messages: PrivacyMessages;
  nlu: Nlu;
  log: Logger;
  now?: () => Date;
  /** Where export links point (PUBLIC_URL, or the listening address). */
  publicUrl: PublicUrl;
}

export async function createPrivacy(deps: PrivacyDeps) {
  const { config } = deps;
  const now = deps.now ?? (() => new Date());
  const retentionDays = config.RETENTION_DAYS > 0 ? config.RETENTION_DAYS : undefined;
  const commands: ShellCommand[] = [
    rateLimitCommand({ max: config.RATE_LIMIT_MESSAGES, windowMs: config.RATE_LIMIT_WINDOW_SECONDS * 1000, reply: deps.messages.rateLimited, now: () => Date.now() }),
    dataRightsCommand({ db: deps.db, content: deps.content, messages: deps.messages, nlu: deps.nlu, log: deps.log, retentionDays, publicUrl: () => deps.publicUrl.url() }),
  ];
  const routes: ((server: restify.Server) => void)[] = [privacyRoutes({ db: deps.db, log: deps.log, now })];
  const retention = retentionDays
    ? await startRetentionJob({ db: deps.db, jobs: deps.jobs, days: retentionDays, intervalMs: config.RETENTION_INTERVAL_MINUTES * 60_000, log: deps.log, now })
    : undefined;
  return {
    /** Put these first in createCoachBot's commands: the rate limit must come before any other command. */
    commands,
    routes,
    /** Runs the retention job now (tests, operators); undefined when RETENTION_DAYS is 0. */
    runRetention: () => retention?.runOnce() ?? Promise.resolve(undefined),
    stop: () => retention?.stop() ?? Promise.resolve(),
  };
}
