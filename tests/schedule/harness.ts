/** A check-in stack on a real store and pg-boss, a fake Bot Connector and an injected clock. */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import pino from 'pino';
import { botFrameworkChannel } from '../../src/bot/proactiveChannel.ts';
import { ProactiveSender, teamsLimits, type SendLimits } from '../../src/proactive/sender.ts';
import { createCheckins, textActivities, type CheckinComposer, type CheckinOptions } from '../../src/schedule/checkins.ts';
import { loadScheduleContent, type ScheduleContent } from '../../src/schedule/content.ts';
import { startCheckinRunner, type CheckinRunner } from '../../src/schedule/runner.ts';
import { createSender } from '../../src/schedule/index.ts';
import { storedReference } from '../../src/schedule/botComposer.ts';
import { formatLocalTime, nextDueAt, parseLocalTimeOfDay } from '../../src/schedule/time.ts';
import type { Database } from '../../src/store/database.ts';
import type { FakeConnector } from '../helpers/fakeConnector.ts';

export const scheduleContent: ScheduleContent = loadScheduleContent('content').content!;
export const silent = pino({ level: 'silent' });

export class TestClock {
  constructor(public current: Date) {}
  now = () => new Date(this.current);
  set(iso: string) {
    this.current = new Date(iso);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** What the synthetic check-in says; records the events it was given. */
export function textComposer(db: Database, calls: { conversationId: string; localDate: string; missedDays: number }[] = []): CheckinComposer {
  return {
    async checkIn(conversationId, event) {
      calls.push({ conversationId, localDate: event.localDate, missedDays: event.missedDays });
      return { texts: [event.missedDays ? `Welcome back (${event.missedDays})` : 'Good morning', 'How is your pain today, 0 to 10?'] };
    },
    activities: async (_context, payload) => textActivities(payload),
    reference: (conversationId) => storedReference(db, conversationId),
  };
}

export function localAdapter(): CloudAdapter {
  return new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: '', MicrosoftAppTenantId: '' }));
}

export const fastLimits: SendLimits = { ...teamsLimits, maxInlineWaitMs: 300, backoff: { baseMs: 50, maxMs: 400 } };

export interface Stack {
  runner: CheckinRunner;
  checkins: ReturnType<typeof createCheckins>;
  sender: ProactiveSender;
  stop(graceful?: boolean): Promise<void>;
}

export async function startStack(options: {
  db: Database;
  clock: TestClock;
  composer?: CheckinComposer;
  databaseUrl?: string;
  limits?: SendLimits;
  checkinOptions?: Partial<CheckinOptions>;
  content?: ScheduleContent;
  batchSize?: number;
  concurrency?: number;
  vacuumEverySends?: number;
}): Promise<Stack> {
  const sender = createSender(botFrameworkChannel(localAdapter(), ''), options.db, options.limits ?? fastLimits, options.databaseUrl);
  const checkins = createCheckins({
    db: options.db,
    content: options.content ?? scheduleContent,
    composer: options.composer ?? textComposer(options.db),
    sender,
    log: silent,
    now: options.clock.now,
    options: options.checkinOptions,
  });
  const runner = await startCheckinRunner({ db: options.db, checkins, log: silent, databaseUrl: options.databaseUrl, cron: false, pollingIntervalSeconds: 0.5, batchSize: options.batchSize, concurrency: options.concurrency, vacuumEverySends: options.vacuumEverySends });
  return { runner, checkins, sender, stop: (graceful = true) => runner.stop({ graceful, timeoutMs: 10_000 }) };
}

export interface PersonSpec {
  id: string;
  tenant: string;
  zone: string;
  time: string;
}

/** Conversations with references to the fake connector, and schedules due next at their local time after `from`. */
export async function seedPeople(db: Database, connector: FakeConnector, people: PersonSpec[], from: Date): Promise<void> {
  for (let i = 0; i < people.length; i += 500) {
    const chunk = people.slice(i, i + 500);
    await db.query(
      `insert into conversations (id, machine_version, state, version, reference, channel_id, user_id, tenant_id)
       select id, 1, '{}'::jsonb, 1, ref::jsonb, 'msteams', id, tenant from unnest($1::text[], $2::text[], $3::text[]) as x(id, ref, tenant)`,
      [
        chunk.map((p) => p.id),
        chunk.map((p) => JSON.stringify({ serviceUrl: connector.serviceUrl, channelId: 'msteams', conversation: { id: p.id, tenantId: p.tenant, conversationType: 'personal' }, bot: { id: 'bot', name: 'coach' }, user: { id: `u-${p.id}`, name: 'Pat' } })),
        chunk.map((p) => p.tenant),
      ],
    );
    await db.query(
      `insert into checkin_schedules (conversation_id, tenant_id, local_time, time_zone, next_due_at)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])`,
      [
        chunk.map((p) => p.id),
        chunk.map((p) => p.tenant),
        chunk.map((p) => formatLocalTime(parseLocalTimeOfDay(p.time)!)),
        chunk.map((p) => p.zone),
        chunk.map((p) => nextDueAt(parseLocalTimeOfDay(p.time)!, p.zone, from).toISOString()),
      ],
    );
  }
}

export async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs = 20_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
