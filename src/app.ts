import type restify from 'restify';
import { createCoachMachine } from '../dialogs/machine.ts';
import { createAdapter } from './bot/adapter.ts';
import { createCoachBot, type CoachBot } from './bot/coachBot.ts';
import type { Config } from './config.ts';
import { buildCatalog, type Content } from './content/index.ts';
import { loadAllContent } from './contentBundle.ts';
import { holdTimerCommand, type HoldTimerDeps } from './coaching/holdTimer.ts';
import { exerciseReminders, type ExerciseReminders } from './coaching/reminders.ts';
import { createNlu } from './bot/nlu.ts';
import { startOutboxWorker } from './referral/outboxWorker.ts';
import { createLogger, type Logger } from './log.ts';
import { createServer } from './server.ts';
import { channelRoutes, type Channels } from './channels/index.ts';
import { lineBreaks } from './channels/text.ts';
import type { Database } from './store/database.ts';
import { openDatabase } from './store/open.ts';
import { createPrivacy, installPrivacyCipher } from './privacy/index.ts';
import { clinicianCommands, startClinicianSide, type ClinicianSide } from './clinician/index.ts';
import { botMessaging } from './bot/messaging.ts';
import { botFrameworkChannel } from './bot/proactiveChannel.ts';
import { filteredTurns } from './bot/turnFilters.ts';
import { createSender, teamsLimits } from './proactive/index.ts';
import { createCheckinShell, startCheckins, type CheckinSettings, type RunningCheckins } from './schedule/index.ts';
import { replyBudget } from './bot/replyBudget.ts';
import { createMetrics, type Metrics } from './metrics/index.ts';
import { observeStoreErrors } from './store/observed.ts';
import { operatorRoutes } from './operator/routes.ts';

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
  /** The bot itself, for proactive turns (check-ins, clinicians) and tests. */
  bot: CoachBot;
  /** Clinician side (src/clinician): cases, Teams cards, escalation, console actions. */
  clinician: ClinicianSide;
  /** What GET /metrics reports (src/metrics). */
  metrics: Metrics;
  /** Web chat (src/channels): Direct Line conversations and Web Push, when the local web chat is on. */
  channels: Channels;
  /** Reminders to repeat the directional exercise later the same day (src/coaching/reminders.ts). */
  reminders: ExerciseReminders;
  close(): Promise<void>;
}

/**
 * Wires config → content → store → machine → bot → server. Content is validated before the store
 * is migrated or used (src/main.ts may already be opening the embedded store on its thread), so a
 * bad file stops the start without touching data.
 */
export async function startApp(
  config: Config,
  options: { now?: () => Date; log?: Logger; checkins?: CheckinSettings; /** Test seam for the exercise hold timer. */ scheduleTimer?: HoldTimerDeps['schedule']; /** Runs just before the server listens (src/run.ts frees the port its 503 placeholder held). */ beforeListen?: () => Promise<void> } = {},
): Promise<App> {
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const loaded = loadAllContent(config.CONTENT_DIR);
  if (!loaded.bundle) throw new ContentError(loaded.problems);
  const { content, schedule: scheduleContent, privacy: privacyMessages, clinician: clinicianWording, webChat: webChatWording } = loaded.bundle;
  const nlu = createNlu(content);
  let ready = false;
  installPrivacyCipher(config);
  const opened = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const metrics = createMetrics({ db: opened, log });
  const db = observeStoreErrors(opened, (kind) => metrics.storeError(kind));
  const machine = createCoachMachine(buildCatalog(content));
  const adapter = createAdapter(config, log);
  const outbox = startOutboxWorker({ db, webhookUrl: config.CLINICIAN_WEBHOOK_URL, log, now: options.now });
  let listeningUrl = '';
  const privacy = createPrivacy({ config, db, content, messages: privacyMessages, nlu, log, now: options.now, listeningUrl: () => listeningUrl });
  const checkinShell = createCheckinShell({ db, content: scheduleContent, now: options.now, log });
  let clinician: ClinicianSide | undefined;
  const sender = createSender(botFrameworkChannel(adapter, config.MicrosoftAppId ?? ''), db, options.checkins?.limits ?? teamsLimits, config.DATABASE_URL);
  const messaging = botMessaging({ sender, render: (reference, replies) => bot.activitiesFor(reference, replies) });
  const holdTimer = holdTimerCommand({
    db,
    content,
    log,
    now: options.now ?? (() => new Date()),
    messaging,
    ...(options.scheduleTimer ? { schedule: options.scheduleTimer } : {}),
  });
  const reminders = exerciseReminders({
    db,
    content,
    log,
    now: options.now ?? (() => new Date()),
    quietHours: scheduleContent.quietHours,
    messaging,
  });
  const bot = createCoachBot({ db, machine, content, nlu, log, maxMessageLength: config.MAX_MESSAGE_LENGTH, now: options.now, onHandoff: (handoff) => { metrics.handoffInitiated(handoff.urgency); void outbox.wake(); clinician?.onHandoff(); }, onRelay: async (id, relay) => clinician?.onRelay(id, relay), commands: [...privacy.commands, ...checkinShell.commands, holdTimer, ...clinicianCommands({ db, wording: clinicianWording, log, side: () => clinician })], notesAfterTurn: async (activity, turn) => {
    // Reminders are queued before the reply that promises them is sent.
    if (turn && activity.conversation?.id) await reminders.afterTurn(activity.conversation.id, turn.recorded);
    return checkinShell.notesAfterTurn(activity, turn);
  } });
  const checkins = await startCheckins({ db, content: scheduleContent, bot, sender, log, databaseUrl: config.DATABASE_URL, now: options.now, settings: options.checkins });
  await reminders.start(checkins.runner.boss);
  adapter.use(replyBudget(sender, log));
  // Line breaks as written, in Teams and Web Chat (src/channels/text.ts).
  adapter.use(lineBreaks());
  clinician = startClinicianSide(config, { db, content, bot: () => bot, messaging, log, now: options.now, wording: clinicianWording });
  const coachTurn = (context: Parameters<typeof bot.onTurn>[0]) => bot.onTurn(context);
  // Care-team conversations (Teams install command, card buttons) are handled before the coach.
  const onTurn = timedTurns(metrics, filteredTurns([clinician.careTeamTurns], coachTurn));
  const channels = await channelRoutes(config, { adapter, onTurn, log, db, wording: webChatWording, clock: options.now ? () => options.now!().getTime() : undefined });
  const operator = operatorRoutes({ token: config.OPERATOR_TOKEN, metrics, db, log, sendCheckinNow: (id) => checkins.checkins.sendNow(id) });
  const server = createServer({ adapter, onTurn, isReady: () => ready, log, routes: [...channels.routes, ...privacy.routes, ...clinician.routes, operator] });
  await options.beforeListen?.();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    if (config.HOST) server.listen(config.PORT, config.HOST, resolve);
    else server.listen(config.PORT, resolve);
  });
  await channels.listening();
  ready = true;
  const address = server.address();
  const url = `http://127.0.0.1:${address.port}`;
  listeningUrl = url;
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
    bot,
    privacy,
    clinician,
    metrics,
    channels,
    reminders,
    async close() {
      ready = false;
      // The console's live streams stay open until ended; the server would wait for them.
      clinician?.closeStreams();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await clinician?.stop();
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
