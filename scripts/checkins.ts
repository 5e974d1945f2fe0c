/**
 * Operator control of daily check-ins (support and tests):
 *   npm run checkins -- --due-now [--limit 20]   who is due next, and how sends went
 *   npm run checkins -- --send <conversationId>  that person's check-in for their local today, now
 * Uses the same DATABASE_URL / DATA_DIR / CONTENT_DIR and Bot Framework credentials as the bot.
 * The embedded store (PGlite) has one owner: while the bot runs on DATA_DIR, the command goes through
 * the running bot's operator endpoints with OPERATOR_TOKEN (src/operator/routes.ts), or says what to
 * do. With PostgreSQL it talks to the database directly, any time.
 * A check-in already sent today is not sent again.
 */
import { parseArgs } from 'node:util';
import { createCoachMachine } from '../dialogs/machine.ts';
import { createAdapter } from '../src/bot/adapter.ts';
import { createConversations } from '../src/bot/conversations.ts';
import { createRenderer } from '../src/bot/renderer.ts';
import { handoffSignal } from '../src/referral/signal.ts';
import { ConfigError, loadConfig, redactSecrets, type Config } from '../src/config.ts';
import { buildCatalog, loadContent } from '../src/content/index.ts';
import { createLogger } from '../src/log.ts';
import { botFrameworkChannel } from '../src/bot/proactiveChannel.ts';
import { ProactiveSender } from '../src/proactive/sender.ts';
import { botComposer } from '../src/schedule/botComposer.ts';
import { createCheckins } from '../src/schedule/checkins.ts';
import { loadScheduleContent } from '../src/schedule/content.ts';
import { dueReport } from '../src/operator/checkinReport.ts';
import { DataDirLocked, dataDirOwner, type DataDirOwner } from '../src/store/dataDirLock.ts';
import { openConfiguredStore } from '../src/store/configured.ts';

const { values } = parseArgs({
  options: { 'due-now': { type: 'boolean' }, send: { type: 'string' }, limit: { type: 'string', default: '20' }, help: { type: 'boolean', short: 'h' } },
});

if (values.help || (!values['due-now'] && !values.send)) {
  console.log('usage: npm run checkins -- --due-now [--limit N] | --send <conversationId>');
  process.exit(values.help ? 0 : 2);
}

/** The same commands through the bot that owns DATA_DIR (its operator endpoints). */
async function throughRunningBot(config: Config, owner: DataDirOwner): Promise<void> {
  const who = `the bot (pid ${owner.pid}${owner.url ? `, ${owner.url}` : ''}) is running on DATA_DIR ${config.DATA_DIR} and owns the embedded store`;
  if (!owner.url) throw new Error(`${who}; it is still starting, try again in a moment`);
  if (!config.OPERATOR_TOKEN) throw new Error(`${who}; set OPERATOR_TOKEN to the bot's operator token to run this through it, or stop the bot first`);
  const call = async (method: 'GET' | 'POST', path: string) => {
    const response = await fetch(`${owner.url}${path}`, { method, headers: { authorization: `Bearer ${config.OPERATOR_TOKEN}` } }).catch((error: unknown) => {
      throw new Error(`${who}, but it did not answer at ${owner.url} (${(error as Error)?.message ?? error})`);
    });
    if (response.status === 401) throw new Error(`${who}; it refused this OPERATOR_TOKEN (use the one the bot was started with)`);
    const body = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`the running bot answered ${response.status}: ${String(body.error ?? '')}`);
    return body;
  };
  if (values['due-now']) {
    const body = await call('GET', `/operator/checkins/due?limit=${encodeURIComponent(String(Number(values.limit) || 20))}`);
    for (const line of (body.lines as string[]) ?? []) console.log(line);
  }
  if (values.send) {
    const body = (await call('POST', `/operator/checkins/send/${encodeURIComponent(values.send)}`)) as { key: { conversationId: string; localDay: string }; result: { result: string } };
    console.log(`${body.key.conversationId} ${body.key.localDay}: ${JSON.stringify(body.result)}`);
    if (body.result.result !== 'sent' && body.result.result !== 'already') process.exitCode = 1;
  }
}

try {
  const config = loadConfig(process.env);
  const owner = config.DATABASE_URL ? undefined : dataDirOwner(config.DATA_DIR);
  if (owner) {
    await throughRunningBot(config, owner);
    process.exit();
  }
  const db = await openConfiguredStore(config).catch(async (error: unknown) => {
    // The bot started between our look and our open.
    if (error instanceof DataDirLocked) {
      await throughRunningBot(config, error.owner);
      process.exit();
    }
    throw error;
  });
  try {
    if (values['due-now']) {
      for (const line of await dueReport(db, Number(values.limit) || 20)) console.log(line);
    }
    if (values.send) {
      const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
      const loaded = loadContent(config.CONTENT_DIR);
      const schedule = loadScheduleContent(config.CONTENT_DIR);
      if (!loaded.content || !schedule.content) throw new ConfigError([...loaded.problems, ...schedule.problems]);
      const content = loaded.content;
      const adapter = createAdapter(config, log);
      // The running bot's outbox worker and care-team notifier pick up a handoff this turn stores.
      const conversations = createConversations({ db, machine: createCoachMachine(buildCatalog(content)), content, handoffs: handoffSignal() });
      const checkins = createCheckins({
        db,
        content: schedule.content,
        composer: botComposer(conversations, createRenderer({ db, content }).activitiesFor, db),
        sender: new ProactiveSender(botFrameworkChannel(adapter, config.MicrosoftAppId ?? '')),
        log,
      });
      const { key, result } = await checkins.sendNow(values.send);
      console.log(`${key.conversationId} ${key.localDay}: ${JSON.stringify(result)}`);
      if (result.result !== 'sent' && result.result !== 'already') process.exitCode = 1;
    }
  } finally {
    await db.close();
  }
} catch (error) {
  if (error instanceof ConfigError) for (const problem of error.problems) console.error(redactSecrets(problem, process.env));
  else console.error(redactSecrets(String((error as Error)?.message ?? error), process.env));
  process.exit(1);
}
