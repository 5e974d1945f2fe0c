import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listSends, readSchedule } from '../../src/schedule/store.ts';
import { listEvents } from '../../src/store/events.ts';
import type { Database } from '../../src/store/database.ts';
import { engines } from '../helpers/databases.ts';
import { startFakeConnector, type FakeConnector } from '../helpers/fakeConnector.ts';
import { seedPeople, startStack, textComposer, TestClock, waitFor, type PersonSpec, type Stack } from './harness.ts';

let connector: FakeConnector;
beforeAll(async () => {
  connector = await startFakeConnector({ perTenant: 50, perConversation: 7 });
});
afterAll(() => connector.stop());

describe.each(engines)('daily check-ins on $name', (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let databaseUrl: string | undefined;
  let stacks: Stack[] = [];
  const open = async () => {
    const opened = await engine.open();
    db = opened.db;
    dispose = opened.dispose;
    databaseUrl = opened.databaseUrl;
  };
  afterEach(async () => {
    for (const stack of stacks) await stack.stop(false).catch(() => {});
    stacks = [];
    connector.reset();
    if (databaseUrl) {
      const schema = (await db.query<{ s: string }>('select current_schema() as s'))[0]!.s;
      await db.query(`drop schema if exists ${schema}_pgboss cascade`).catch(() => {});
    }
    await dispose();
  });

  type StackSettings = Omit<Parameters<typeof startStack>[0], 'db' | 'clock' | 'databaseUrl'>;
  /** A fresh store with `people` due from `at`, and a stack on it (stopped after the test); `settings` may need the store. */
  const startWith = async (at: string, people: PersonSpec[], settings: StackSettings | ((db: Database) => StackSettings) = {}) => {
    await open();
    const clock = new TestClock(new Date(at));
    await seedPeople(db, connector, people, clock.now());
    const stack = await startStack({ db, clock, databaseUrl, ...(typeof settings === 'function' ? settings(db) : settings) });
    stacks.push(stack);
    return { clock, stack };
  };

  it('sends each due person one check-in at their local time, and again the next local day', async () => {
    const { clock, stack } = await startWith('2025-03-30T07:59:00Z', [
      { id: 'london', tenant: 't1', zone: 'Europe/London', time: '09:00' }, // BST from today: 08:00Z
      { id: 'berlin', tenant: 't1', zone: 'Europe/Berlin', time: '10:00' }, // CEST from today: 08:00Z
      { id: 'new-york', tenant: 't2', zone: 'America/New_York', time: '04:00' }, // EDT: 08:00Z
      { id: 'later', tenant: 't2', zone: 'UTC', time: '12:00' },
    ]);

    expect((await stack.runner.tick()).claimed).toBe(0);
    clock.set('2025-03-30T08:00:05Z');
    const first = await stack.runner.tick();
    expect(first.claimed).toBe(3);
    await stack.runner.tick(); // the same minute again: nothing new
    await stack.runner.idle();
    expect([...connector.countsByConversation().entries()].sort()).toEqual([['berlin', 2], ['london', 2], ['new-york', 2]]);
    expect(connector.messagesFor('london').map((m) => m.activity.text)).toEqual(['Good morning', 'How is your pain today, 0 to 10?']);

    const london = await readSchedule(db, 'london');
    expect(london?.lastSentDay).toBe('2025-03-30');
    expect(london?.nextDueAt?.toISOString()).toBe('2025-03-31T08:00:00.000Z');

    clock.set('2025-03-31T08:00:30Z');
    expect((await stack.runner.tick()).claimed).toBe(3);
    await stack.runner.idle();
    expect(connector.messagesFor('london')).toHaveLength(4);
    const sends = await listSends(db, 'london');
    expect(sends.map((s) => [s.localDay, s.kind, s.status])).toEqual([['2025-03-30', 'checkin', 'sent'], ['2025-03-31', 'checkin', 'sent']]);
  });

  it('a restart in the middle of the due minute still gives exactly one check-in per person', async () => {
    const people = Array.from({ length: 60 }, (_, i) => ({ id: `p${i}`, tenant: `t${i % 3}`, zone: 'UTC', time: '09:00' }));
    connector.options.latencyMs = 15;
    const { clock, stack: first } = await startWith('2025-06-02T08:59:00Z', people, { batchSize: 4, concurrency: 1 });
    clock.set('2025-06-02T09:00:02Z');
    await first.runner.tick();
    await waitFor(() => connector.received.length >= 20, 20_000, 'some check-ins');
    await first.stop(true); // SIGTERM: the in-flight sends finish, the rest stay queued
    stacks = [];
    const midway = connector.countsByConversation().size;
    expect(midway).toBeLessThan(60);

    clock.set('2025-06-02T09:00:40Z');
    const second = await startStack({ db, clock, databaseUrl });
    stacks.push(second);
    await second.runner.tick(); // nothing new is due; the queued jobs are still in pg-boss
    await second.runner.idle(30_000);
    connector.options.latencyMs = 0;
    const counts = connector.countsByConversation();
    expect(counts.size).toBe(60);
    expect([...counts.values()].every((n) => n === 2)).toBe(true);
  });

  it('a crash between claiming and queueing, or in the middle of a send, is recovered without repeating a message', async () => {
    const { clock, stack } = await startWith('2025-06-02T08:59:00Z', [
      { id: 'lost-job', tenant: 't1', zone: 'UTC', time: '09:00' },
      { id: 'half-sent', tenant: 't1', zone: 'UTC', time: '09:00' },
    ]);
    clock.set('2025-06-02T09:00:00Z');
    // Claimed, but the process "dies" before the jobs reach pg-boss.
    expect((await stack.checkins.tick()).claimed).toBe(2);
    // And one of them had delivered its first activity when the worker died.
    await db.query(`update checkin_sends set status = 'sending', lease_until = $1, payload = $2, delivered = 1 where conversation_id = 'half-sent'`, [
      '2025-06-02T09:02:00Z', JSON.stringify({ texts: ['Good morning', 'How is your pain today, 0 to 10?'] }),
    ]);
    clock.set('2025-06-02T09:06:00Z'); // past the lease and the re-queue time
    const tick = await stack.runner.tick();
    expect(tick.requeued).toBe(2);
    await stack.runner.idle();
    expect(connector.messagesFor('lost-job').map((m) => m.activity.text)).toEqual(['Good morning', 'How is your pain today, 0 to 10?']);
    expect(connector.messagesFor('half-sent').map((m) => m.activity.text)).toEqual(['How is your pain today, 0 to 10?']);
  });

  it('honours 429 Retry-After, retries 503, and stops the schedule on 403', async () => {
    connector.script('throttled', { status: 429, retryAfter: '1' });
    connector.script('flaky', { status: 503 }, 'ok', { status: 502 });
    connector.script('blocked', { status: 403 });
    const { clock, stack } = await startWith(
      '2025-06-02T08:59:00Z',
      [
        { id: 'throttled', tenant: 'busy', zone: 'UTC', time: '09:00' },
        { id: 'flaky', tenant: 't1', zone: 'UTC', time: '09:00' },
        { id: 'blocked', tenant: 't1', zone: 'UTC', time: '09:00' },
      ],
      { limits: { perConversation: 7, perTenant: 50, headroom: 0.96, maxInlineWaitMs: 2000, backoff: { baseMs: 50, maxMs: 400 } } },
    );
    clock.set('2025-06-02T09:00:00Z');
    await stack.runner.tick();
    await stack.runner.idle();
    const throttledAt = connector.rejected.find((r) => r.conversationId === 'throttled')!.at;
    const nextTry = connector.messagesFor('throttled')[0]!.at;
    expect(nextTry - throttledAt).toBeGreaterThanOrEqual(950);
    expect(connector.messagesFor('flaky')).toHaveLength(2);
    expect(connector.messagesFor('blocked')).toHaveLength(0);
    const blocked = await readSchedule(db, 'blocked');
    expect(blocked?.stoppedAt).not.toBeNull();
    expect(blocked?.stopReason).toMatch(/403/);
    expect(blocked?.nextDueAt).toBeNull();
    const events = await listEvents(db, 'blocked', { types: ['schedule.stopped'] });
    expect(events[0]?.data).toMatchObject({ by: 'channel' });
  });

  it('gives up after a bounded time and records it; a failing tenant does not hold back the others', async () => {
    const healthy = Array.from({ length: 40 }, (_, i) => ({ id: `ok${i}`, tenant: 'healthy', zone: 'UTC', time: '09:00' }));
    const failing = Array.from({ length: 40 }, (_, i) => ({ id: `bad${i}`, tenant: 'down', zone: 'UTC', time: '09:00' }));
    connector.failTenant('down', { status: 500 });
    const { clock, stack } = await startWith('2025-06-02T08:59:00Z', [...failing, ...healthy], { checkinOptions: { giveUpAfterSeconds: 600 } });
    clock.set('2025-06-02T09:00:00Z');
    await stack.runner.tick();
    // The healthy tenant is delivered in full while every send of the failing one is still failing.
    await waitFor(() => healthy.every((p) => connector.messagesFor(p.id).length === 2), 30_000, 'the healthy tenant');
    expect((await listSends(db)).filter((s) => s.conversationId.startsWith('bad') && s.status === 'sent')).toEqual([]);
    expect(connector.rejected.filter((r) => r.tenantId === 'down').length).toBeGreaterThanOrEqual(40);
    await waitFor(async () => (await listSends(db)).filter((s) => s.conversationId.startsWith('bad') && s.attempts >= 2).length === 40, 20_000, 'retries');
    clock.set('2025-06-02T09:11:00Z'); // past the bound
    await waitFor(async () => (await listSends(db)).filter((s) => s.status === 'gave_up').length === 40, 30_000, 'giving up');
    await stack.runner.idle();
    const bad = (await listSends(db, 'bad0'))[0]!;
    expect(bad.lastError).toMatch(/500/);
    expect((await listEvents(db, 'bad0', { types: ['checkIn.gaveUp'] })).length).toBe(1);
    expect((await readSchedule(db, 'bad0'))?.stoppedAt).toBeNull(); // tomorrow is another day
  });

  it('one gentle reminder when unanswered, none when answered; the next check-in counts missed days', async () => {
    const calls: { conversationId: string; localDate: string; missedDays: number }[] = [];
    const { clock, stack } = await startWith(
      '2025-06-02T08:59:00Z',
      [
        { id: 'quiet', tenant: 't1', zone: 'UTC', time: '09:00' },
        { id: 'chatty', tenant: 't1', zone: 'UTC', time: '09:00' },
      ],
      (store) => ({ composer: textComposer(store, calls) }),
    );
    clock.set('2025-06-02T09:00:00Z');
    await stack.runner.tick();
    await stack.runner.idle();
    clock.set('2025-06-02T09:30:00Z');
    await db.query("insert into clinical_events (conversation_id, type, data, at) values ('chatty', 'message.received', '{\"text\":\"6\"}', $1)", [clock.now().toISOString()]);
    clock.set('2025-06-02T12:01:00Z');
    const tick = await stack.runner.tick();
    expect(tick.reminders).toBe(1);
    await stack.runner.idle();
    clock.set('2025-06-02T15:00:00Z');
    expect((await stack.runner.tick()).reminders).toBe(0);
    expect(connector.messagesFor('quiet').map((m) => m.activity.text)).toEqual([
      'Good morning', 'How is your pain today, 0 to 10?', expect.stringMatching(/gentle nudge/),
    ]);
    expect(connector.messagesFor('chatty')).toHaveLength(2);

    clock.set('2025-06-03T09:00:10Z');
    await stack.runner.tick();
    await stack.runner.idle();
    expect(calls.filter((c) => c.localDate === '2025-06-03').sort((a, b) => a.conversationId.localeCompare(b.conversationId))).toEqual([
      { conversationId: 'chatty', localDate: '2025-06-03', missedDays: 0 },
      { conversationId: 'quiet', localDate: '2025-06-03', missedDays: 1 },
    ]);
    expect((await listEvents(db, 'quiet', { types: ['checkIn.missed'] })).length).toBe(1);
  });

  it('the operator can send one person their check-in now, still once per local day', async () => {
    const { clock, stack } = await startWith('2025-06-02T06:00:00Z', [{ id: 'support', tenant: 't1', zone: 'Europe/Paris', time: '09:00' }]);
    const first = await stack.checkins.sendNow('support');
    expect(first.result).toMatchObject({ result: 'sent' });
    const again = await stack.checkins.sendNow('support');
    expect(again.result).toMatchObject({ result: 'already' });
    clock.set('2025-06-02T07:00:30Z'); // 09:00 Paris: today's is already sent
    expect((await stack.runner.tick()).claimed).toBe(0);
    expect(connector.messagesFor('support')).toHaveLength(2);
    expect((await readSchedule(db, 'support'))?.nextDueAt?.toISOString()).toBe('2025-06-03T07:00:00.000Z');
  });
});

describe('two instances on one PostgreSQL', () => {
  it('give exactly one check-in per person when both tick and both send', async () => {
    const postgres = engines.find((e) => e.name === 'postgres')!;
    const opened = await postgres.open();
    const { openDatabase } = await import('../../src/store/open.ts');
    const second = await openDatabase({ databaseUrl: opened.databaseUrl, dataDir: '' });
    const clock = new TestClock(new Date('2025-06-02T08:59:00Z'));
    const people = Array.from({ length: 300 }, (_, i) => ({ id: `two${i}`, tenant: `t${i % 5}`, zone: i % 2 ? 'UTC' : 'Europe/London', time: i % 2 ? '09:00' : '10:00' }));
    await seedPeople(opened.db, connector, people, clock.now());
    const a = await startStack({ db: opened.db, clock, databaseUrl: opened.databaseUrl });
    const b = await startStack({ db: second, clock, databaseUrl: opened.databaseUrl });
    try {
      clock.set('2025-06-02T09:00:01Z');
      const [ta, tb] = await Promise.all([a.runner.tick(), b.runner.tick(), a.runner.tick(), b.runner.tick()]);
      expect(ta.claimed + tb.claimed).toBeLessThanOrEqual(300);
      await Promise.all([a.runner.idle(30_000), b.runner.idle(30_000)]);
      const counts = connector.countsByConversation();
      expect(counts.size).toBe(300);
      expect([...counts.values()].every((n) => n === 2)).toBe(true);
      expect(Number((await opened.db.query<{ n: string }>("select count(*) as n from checkin_sends where status = 'sent'"))[0]!.n)).toBe(300);
      // Between them the two instances posted each activity once: no instance re-sent what the
      // other sent. (Which instance sends is pg-boss's choice: on a quiet machine one worker may
      // fetch every job, so requiring both to send made this test fail at random.)
      expect(a.sender.stats.posted + b.sender.stats.posted).toBe(600);
    } finally {
      await a.stop(false);
      await b.stop(false);
      connector.reset();
      const schema = (await opened.db.query<{ s: string }>('select current_schema() as s'))[0]!.s;
      await opened.db.query(`drop schema if exists ${schema}_pgboss cascade`);
      await second.close();
      await opened.dispose();
    }
  });
});
