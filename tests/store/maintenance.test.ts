import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.ts';
import { ChurnVacuum } from '../../src/store/maintenance.ts';
import { engines } from '../helpers/databases.ts';
import { startFakeConnector, type FakeConnector } from '../helpers/fakeConnector.ts';
import { seedPeople, startStack, TestClock } from '../schedule/harness.ts';

/** A database that records what it is asked and can be told to fail. */
function recordingDb(engine: 'pglite' | 'postgres', fail = () => false) {
  const statements: string[] = [];
  let release: () => void = () => {};
  let hold = false;
  const db = {
    engine,
    async query(text: string) {
      statements.push(text);
      if (hold) await new Promise<void>((resolve) => (release = resolve));
      if (fail()) throw new Error('disk full');
      return [];
    },
    transaction: () => Promise.reject(new Error('not used')),
    close: async () => {},
  } as unknown as Database;
  return { db, statements, holdNext: () => (hold = true), release: () => ((hold = false), release()) };
}

function capturedLog() {
  const lines: { level: number; msg: string }[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { log, warnings: () => lines.filter((l) => l.level === 40) };
}

describe('embedded store maintenance (PGlite has no autovacuum)', () => {
  it('vacuums the tables once enough rows changed, not before, and not twice at once', async () => {
    const { db, statements, holdNext, release } = recordingDb('pglite');
    const maintenance = new ChurnVacuum(db, { tables: ['pgboss.job_common', 'checkin_sends'], everyRows: 100 }, capturedLog().log);
    maintenance.note(60);
    expect(statements).toEqual([]);
    holdNext();
    maintenance.note(40);
    expect(statements).toEqual(['vacuum (analyze) pgboss.job_common, checkin_sends']);
    maintenance.note(500); // still running: no second vacuum queued behind it
    expect(statements).toHaveLength(1);
    release();
    await maintenance.settled();
    expect(maintenance.runs).toBe(1);
  });

  it('does nothing on PostgreSQL, whose autovacuum does this', async () => {
    const { db, statements } = recordingDb('postgres');
    const maintenance = new ChurnVacuum(db, { tables: ['checkin_sends'], everyRows: 1 }, capturedLog().log);
    maintenance.note(10_000);
    await maintenance.analyze();
    await maintenance.settled();
    expect(statements).toEqual([]);
  });

  it('a failing vacuum is logged and retried at the next threshold, never thrown at the sender', async () => {
    let failing = true;
    const { db, statements } = recordingDb('pglite', () => failing);
    const captured = capturedLog();
    const maintenance = new ChurnVacuum(db, { tables: ['checkin_sends'], everyRows: 10 }, captured.log);
    maintenance.note(10);
    await maintenance.settled();
    expect(captured.warnings()).toHaveLength(1);
    expect(maintenance.runs).toBe(0);
    failing = false;
    maintenance.note(10);
    await maintenance.settled();
    expect(statements).toHaveLength(2);
    expect(maintenance.runs).toBe(1);
  });
});

describe('check-in queue statistics on the embedded engine', () => {
  let connector: FakeConnector;
  beforeAll(async () => {
    connector = await startFakeConnector({ perTenant: 50, perConversation: 7 });
  });
  afterAll(() => connector.stop());

  it('the planner knows about a day of queued check-ins before the first send, and dead rows are cleared while sending', async () => {
    const pglite = engines.find((engine) => engine.name === 'pglite')!;
    const { db, dispose } = await pglite.open();
    try {
      const clock = new TestClock(new Date('2025-06-02T08:59:00Z'));
      const people = Array.from({ length: 150 }, (_, i) => ({ id: `p${i}`, tenant: `t${i % 3}`, zone: 'UTC', time: '09:00' }));
      await seedPeople(db, connector, people, clock.now());
      const stack = await startStack({ db, clock, vacuumEverySends: 50 });
      try {
        const statsOf = async (table: string) =>
          (await db.query<{ reltuples: number; last_vacuum: Date | null }>(
            `select c.reltuples, s.last_vacuum from pg_class c join pg_namespace n on n.oid = c.relnamespace
             left join pg_stat_user_tables s on s.relid = c.oid where n.nspname || '.' || c.relname = $1`,
            [table],
          ))[0]!;
        const jobTable = `pgboss.${(await stack.runner.boss.getQueue('checkin-send'))!.table}`;
        expect((await statsOf(jobTable)).reltuples).toBeLessThan(150);

        clock.set('2025-06-02T09:00:01Z');
        expect((await stack.runner.tick()).claimed).toBe(150);
        expect((await statsOf(jobTable)).reltuples).toBeGreaterThanOrEqual(150);

        await stack.runner.idle();
        await stack.stop();
        expect(connector.countsByConversation().size).toBe(150);
        expect((await statsOf('public.checkin_sends')).last_vacuum).not.toBeNull();
        expect((await statsOf(jobTable)).last_vacuum).not.toBeNull();
      } finally {
        await stack.stop(false).catch(() => {});
      }
    } finally {
      await dispose();
    }
  });
});
