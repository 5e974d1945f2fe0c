import type restify from 'restify';
import { createCoachMachine } from '../dialogs/machine.ts';
import { createAdapter } from './bot/adapter.ts';
import { createCoachBot, type CoachBot } from './bot/coachBot.ts';
import { createConversations } from './bot/conversations.ts';
import type { ProactiveTurns } from './ports/turns.ts';
import { botMessaging } from './bot/messaging.ts';
import { botFrameworkChannel } from './bot/proactiveChannel.ts';
import { createRenderer } from './bot/renderer.ts';
import { replyBudget } from './bot/replyBudget.ts';
import { filteredTurns } from './bot/turnFilters.ts';
import type { Config } from './config.ts';
import { buildCatalog, type Content } from './content/index.ts';
import { loadAllContent } from './contentBundle.ts';
import { holdTimerCommand } from './coaching/holdTimer.ts';
import { exerciseReminders, type ExerciseReminders } from './coaching/reminders.ts';
import { createNlu } from './bot/nlu.ts';
import { startOutboxWorker } from './referral/outboxWorker.ts';
import { handoffSignal } from './referral/signal.ts';
import { createLogger, type Logger } from './log.ts';
import { createServer, listeningAddress, readiness } from './server.ts';
import { channelRoutes, type Channels } from './channels/index.ts';
import { lineBreaks } from './channels/text.ts';
import { pictureFolder } from './channels/cards/index.ts';
import { join } from 'node:path';
import type { Database } from './store/database.ts';
import { openConfiguredStore } from './store/configured.ts';
import { createPrivacy } from './privacy/index.ts';
import { startClinicianSide, type ClinicianSide } from './clinician/index.ts';
import { createCheckinShell, startCheckins, type CheckinSettings, type RunningCheckins } from './schedule/index.ts';
import { createSender, teamsLimits } from './proactive/index.ts';
import { createMetrics, type Metrics } from './metrics/index.ts';
import { observeStoreErrors } from './store/observed.ts';
import { operatorRoutes } from './operator/routes.ts';
import { startJobs, type Jobs } from './jobs/index.ts';

export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ContentError';
  }
}

export interface App {
  server: restify.Server;
  db: Database;
  content: Content;
  log: Logger;
  url: string;
  /** Delivers due handoffs now (tests and operators; the worker also polls by itself). */
  deliverHandoffs(): Promise<void>;
  /** Privacy (src/privacy): runs the retention job now. */
  privacy: { runRetention(): Promise<unknown> };
  /** Daily check-ins: tick, send one now, who is due (src/schedule). */
  checkins: RunningCheckins;
  /** The bot: the person's turns (src/bot/coachBot.ts) and the ones the product starts itself (check-ins, clinicians). */
  bot: CoachBot & ProactiveTurns;
  /** Clinician side (src/clinician): cases, Teams cards, escalation, console actions. */
  clinician: ClinicianSide;
  /** What GET /metrics reports (src/metrics). */
  metrics: Metrics;
  /** Web chat (src/channels): Direct Line conversations and Web Push, when the local web chat is on. */
  channels: Channels;
  /** Reminders to repeat the directional exercise later the same day (src/coaching/reminders.ts). */
  reminders: ExerciseReminders;
  /** The durable job queue (pg-boss) every part's scheduled work runs on (src/jobs). */
  jobs: Jobs;
  close(): Promise<void>;
}

/**
 * Wires config → content → store → channel → features → bot → server, each made once from what
 * came before it (docs/architecture.md). Content is validated before the store is migrated or
 * used (src/main.ts may already be opening the embedded store on its thread), so a bad file stops
 * the start without touching data.
 */
export async function startApp(
  config: Config,
  options: { now?: () => Date; log?: Logger; checkins?: CheckinSettings; /** Runs just before the server listens (src/run.ts frees the port its 503 placeholder held). */ beforeListen?: () => Promise<void> } = {},
): Promise<App> {
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const now = options.now ?? (() => new Date());

  // Content first: a bad file stops the start before any data is touched.
  const loaded = loadAllContent(config.CONTENT_DIR);
  if (!loaded.bundle) throw new ContentError(loaded.problems);
  const { content, schedule: scheduleContent, privacy: privacyMessages, clinician: clinicianWording, webChat: webChatWording } = loaded.bundle;
  const nlu = createNlu(content);

  // The store, its metrics, and the durable job queue on it.
  const opened = await openConfiguredStore(config);
  const metrics = createMetrics({ db: opened, log });
  const db = observeStoreErrors(opened, (kind) => metrics.storeError(kind));
  const jobs = await startJobs({ db, log, databaseUrl: config.DATABASE_URL });

  // The channel: the adapter, and the one outbound sender with the Teams limits that every proactive post goes through.
  const adapter = createAdapter(config, log);
  const sender = createSender(botFrameworkChannel(adapter, config.MicrosoftAppId ?? ''), db, options.checkins?.limits ?? teamsLimits, config.DATABASE_URL);
  adapter.use(replyBudget(sender, log));
  // Line breaks as written, in Teams and Web Chat (src/channels/text.ts).
  adapter.use(lineBreaks());

  // The conversation: its turns, how replies become activities, and sending into a stored conversation.
  const handoffs = handoffSignal();
  const conversations = createConversations({ db, machine: createCoachMachine(buildCatalog(content)), content, now: options.now, handoffs });
  const pictures = pictureFolder(join(config.CONTENT_DIR, 'pictures'));
  const renderer = createRenderer({ db, content, pictures });
  const messaging = botMessaging({ sender, render: renderer.activitiesFor });

  // The features, each on the ports it needs.
  const address = listeningAddress(config.PUBLIC_URL);
  const checkinShell = createCheckinShell({ db, content: scheduleContent, now: options.now, log });
  const reminders = exerciseReminders({ db, content, log, now, quietHours: scheduleContent.quietHours, messaging });
  // Started together: each registers its durable work with the job queue, a few statements apiece
  // that do not depend on one another, so the store runs them back to back instead of one feature
  // waiting for the last (most of the start after the content, on the embedded store).
  const [privacy, outbox, clinician, checkins, holdTimer] = await Promise.all([
    createPrivacy({ config, db, jobs, content, messages: privacyMessages, nlu, log, now: options.now, publicUrl: address }),
    startOutboxWorker({ db, jobs, webhookUrl: config.CLINICIAN_WEBHOOK_URL, log, now: options.now }),
    startClinicianSide(config, { db, jobs, content, conversations, messaging, log, now: options.now, wording: clinicianWording }),
    startCheckins({ db, content: scheduleContent, conversations, renderer, sender, jobs, log, databaseUrl: config.DATABASE_URL, now: options.now, settings: options.checkins }),
    holdTimerCommand({ db, content, log, now, messaging, jobs }),
    reminders.start(jobs.boss),
  ]);
  handoffs.subscribe((handoff) => metrics.handoffInitiated(handoff.urgency));
  handoffs.subscribe(() => void outbox.wake());
  handoffs.subscribe(() => clinician.onHandoff());

  // The bot: the person's turns, with the features' commands and notes; care-team turns go to the clinician side first.
  const bot = createCoachBot({
    conversations,
    renderer,
    content,
    nlu,
    log,
    maxMessageLength: config.MAX_MESSAGE_LENGTH,
    now: options.now,
    handoffs,
    // The rate limit first, then data rights, the schedule, the hold timer, "will someone call me?".
    commands: [...privacy.commands, ...checkinShell.commands, holdTimer, ...clinician.commands],
    // Reminders are queued before the reply that promises them is sent.
    afterTurn: [reminders, checkinShell],
    relays: clinician.relays,
  });
  const onTurn = timedTurns(metrics, filteredTurns([clinician.careTeamTurns], bot.onTurn));

  // The server: /api/messages and every feature's routes.
  const channels = await channelRoutes(config, { adapter, onTurn, log, db, wording: webChatWording, pictures, clock: options.now ? () => options.now!().getTime() : undefined });
  const operator = operatorRoutes({ token: config.OPERATOR_TOKEN, metrics, db, log, sendCheckinNow: (id) => checkins.checkins.sendNow(id) });
  const ready = readiness();
  const server = createServer({ adapter, onTurn, isReady: ready.isOpen, log, routes: [...channels.routes, ...privacy.routes, ...clinician.routes, operator] });
  await options.beforeListen?.();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    if (config.HOST) server.listen(config.PORT, config.HOST, resolve);
    else server.listen(config.PORT, resolve);
  });
  await channels.listening();
  ready.open();
  const url = `http://127.0.0.1:${server.address().port}`;
  address.listening(url);
  log.info({ url, engine: db.engine }, 'disc coach ready');
  await clinician.afterListen(url);

  return {
    server,
    db,
    content,
    log,
    url,
    deliverHandoffs: () => outbox.wake(),
    checkins,
    bot: { ...bot, proactiveTurn: conversations.proactiveTurn },
    privacy,
    clinician,
    metrics,
    channels,
    reminders,
    jobs,
    async close() {
      ready.close();
      // The console's live streams stay open until ended; the server would wait for them.
      clinician.closeStreams();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await clinician.stop();
      // Within the 5 s a stop may take (src/run.ts); a job still running then is taken again after the restart.
      await jobs.stop({ graceful: true, timeoutMs: 3_000 });
      await checkins.stop();
      await privacy.stop();
      await outbox.stop();
      await channels.webPush?.idle();
      await db.close();
    },
  };
}

const TURN_KINDS = new Set(['message', 'conversationUpdate', 'installationUpdate', 'event', 'invoke', 'messageReaction']);

/** Counts and times every turn; the label is a known activity type, so input cannot add series. */
function timedTurns<C extends { activity: { type?: string } }>(metrics: Metrics, turn: (context: C) => Promise<void>) {
  return async (context: C): Promise<void> => {
    const type = context.activity.type ?? '';
    const done = metrics.turnStarted(TURN_KINDS.has(type) ? type : 'other');
    try {
      await turn(context);
    } finally {
      done();
    }
  };
}
