/**
 * Operator control of daily check-ins (support and tests):
 *   npm run checkins -- --due-now [--limit 20]   who is due next, and how sends went
 *   npm run checkins -- --send <conversationId>  that person's check-in for their local today, now
 * Uses the same DATABASE_URL / DATA_DIR / CONTENT_DIR and Bot Framework credentials as the bot.
 * With the embedded store (PGlite) run it while the bot is stopped; with PostgreSQL any time.
 * A check-in already sent today is not sent again.
 */
import { parseArgs } from 'node:util';
import { createCoachMachine } from '../dialogs/machine.ts';
import { createAdapter } from '../src/bot/adapter.ts';
import { createCoachBot } from '../src/bot/coachBot.ts';
import { createNlu } from '../src/bot/nlu.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { buildCatalog, loadContent } from '../src/content/index.ts';
import { createLogger } from '../src/log.ts';
import { botFrameworkChannel } from '../src/proactive/channel.ts';
import { ProactiveSender } from '../src/proactive/sender.ts';
import { botComposer } from '../src/schedule/botComposer.ts';
import { createCheckins } from '../src/schedule/checkins.ts';
import { loadScheduleContent } from '../src/schedule/content.ts';
import { dueNext, sendCounts } from '../src/schedule/store.ts';
import { describeInstant } from '../src/schedule/time.ts';
import { openDatabase } from '../src/store/open.ts';

const { values } = parseArgs({
  options: { 'due-now': { type: 'boolean' }, send: { type: 'string' }, limit: { type: 'string', default: '20' }, help: { type: 'boolean', short: 'h' } },
});

if (values.help || (!values['due-now'] && !values.send)) {
  console.log('usage: npm run checkins -- --due-now [--limit N] | --send <conversationId>');
  process.exit(values.help ? 0 : 2);
}

try {
  const config = loadConfig(process.env);
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    if (values['due-now']) {
      const now = new Date();
      const rows = await dueNext(db, Number(values.limit) || 20);
      console.log(`now ${now.toISOString()}; next ${rows.length} due:`);
      for (const row of rows) {
        const due = row.nextDueAt!;
        const state = row.pausedUntil ? ` paused until ${row.pausedUntil}` : '';
        console.log(`${due.toISOString()}  ${due <= now ? 'DUE ' : '    '} ${row.conversationId}  ${row.localTime} ${row.timeZone} (${describeInstant(due, row.timeZone)})${state}`);
      }
      const stopped = await db.query<{ n: string }>('select count(*) as n from checkin_schedules where stopped_at is not null');
      console.log(`stopped schedules: ${stopped[0]?.n ?? 0}; sends by status: ${JSON.stringify(await sendCounts(db))}`);
    }
    if (values.send) {
      const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
      const loaded = loadContent(config.CONTENT_DIR);
      const schedule = loadScheduleContent(config.CONTENT_DIR);
      if (!loaded.content || !schedule.content) throw new ConfigError([...loaded.problems, ...schedule.problems]);
      const content = loaded.content;
      const adapter = createAdapter(config, log);
      const bot = createCoachBot({ db, machine: createCoachMachine(buildCatalog(content)), content, nlu: createNlu(content), log, maxMessageLength: config.MAX_MESSAGE_LENGTH });
      const checkins = createCheckins({
        db,
        content: schedule.content,
        composer: botComposer(bot, db),
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
  if (error instanceof ConfigError) for (const problem of error.problems) console.error(problem);
  else console.error((error as Error)?.message ?? error);
  process.exit(1);
}
