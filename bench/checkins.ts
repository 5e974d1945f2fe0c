/**
 * npm run bench:checkins: 10,000 people across 5 tenants due in the same minute, sent to a local
 * fake Bot Connector that enforces the Teams limits (50/s per tenant, 7/s per conversation, 429 +
 * Retry-After beyond), on PGlite, on PostgreSQL, and with two instances sharing one PostgreSQL
 * (`postgres-2`: both tick, both send, the tenant limit kept in the database). Prints delivered, duplicates, missed and the
 * achieved send rate as a share of the allowed rate, and writes them to bench/results/.
 *
 * Each check-in is two activities (greeting, then the 0-10 pain question), built by a fixed
 * composer: the conversation machine's own cost is not what this measures.
 *   BENCH_PEOPLE=10000 BENCH_TENANTS=5 BENCH_ENGINES=pglite,postgres,postgres-2 TEST_DATABASE_URL=postgres://...
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { engines } from '../tests/helpers/databases.ts';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { FakeConnector } from '../tests/helpers/fakeConnector.ts';
import { seedPeople, startStack, TestClock, textComposer } from '../tests/schedule/harness.ts';
import { teamsLimits } from '../src/proactive/sender.ts';
import { openDatabase } from '../src/store/open.ts';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10_000);
const TENANTS = Number(process.env.BENCH_TENANTS ?? 5);
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres,postgres-2').split(',');
const PER_TENANT = 50;
const PER_CONVERSATION = 7;
const ACTIVITIES_PER_CHECKIN = 2;

// Local times that are all 09:00 UTC on 2 June 2025 (summer time where it applies).
const ZONES = [
  { zone: 'UTC', time: '09:00' },
  { zone: 'Europe/London', time: '10:00' },
  { zone: 'America/New_York', time: '05:00' },
  { zone: 'Asia/Kolkata', time: '14:30' },
  { zone: 'Asia/Tokyo', time: '18:00' },
  { zone: 'Australia/Sydney', time: '19:00' },
];

interface Row {
  engine: string;
  people: number;
  tenants: number;
  delivered: number;
  duplicates: number;
  missed: number;
  posts: number;
  throttled: number;
  tickMs: number;
  sendSeconds: number;
  achievedPerSecond: number;
  allowedPerSecond: number;
  shareOfAllowed: number;
}

/** Starts the fake connector in a child process; the bench reads what it received over HTTP. */
async function remoteConnector() {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fakeConnectorProcess.ts')], {
    env: { ...process.env, PER_TENANT: String(PER_TENANT), PER_CONVERSATION: String(PER_CONVERSATION) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`fake connector exited ${code}`)));
  });
  return {
    url,
    serviceUrl: `${url}/`,
    async results() {
      const body = (await (await fetch(`${url}/_received`)).json()) as { received: [string, number][]; rejected: [string, number, number][] };
      return body;
    },
    stop: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/**
 * The send workers as the product runs them (src/schedule/runner.ts: 8 workers per instance, 50 jobs
 * per fetch), unless BENCH_BATCH / BENCH_CONCURRENCY say otherwise. Until 2026-12-01 this bench ran
 * 40 workers of 10 jobs, which the product never does: five times the queue fetches, and with two
 * instances on one machine enough database load to make posts bunch up and draw 429s.
 */
const workerSettings = {
  ...(process.env.BENCH_BATCH ? { batchSize: Number(process.env.BENCH_BATCH) } : {}),
  ...(process.env.BENCH_CONCURRENCY ? { concurrency: Number(process.env.BENCH_CONCURRENCY) } : {}),
};

/** `postgres-2`: two instances (two stacks, two connection pools) on one PostgreSQL. */
async function run(engineName: string): Promise<Row> {
  const [baseName, instanceCount] = engineName.split('-') as [string, string | undefined];
  const instances = Number(instanceCount ?? 1);
  const engine = engines.find((e) => e.name === baseName);
  if (!engine) throw new Error(`unknown engine ${engineName}`);
  if (instances > 1 && !engine.name.startsWith('postgres')) throw new Error('several instances need PostgreSQL');
  const opened = await engine.open();
  const connector = await remoteConnector();
  const clock = new TestClock(new Date('2025-06-02T08:59:00Z'));
  const people = Array.from({ length: PEOPLE }, (_, i) => ({ id: `bench-${i}`, tenant: `tenant-${i % TENANTS}`, ...ZONES[i % ZONES.length]! }));
  await seedPeople(opened.db, connector as unknown as FakeConnector, people, clock.now());
  const extraDbs = await Promise.all(Array.from({ length: instances - 1 }, () => openDatabase({ databaseUrl: opened.databaseUrl, dataDir: '' })));
  const stacks = await Promise.all(
    [opened.db, ...extraDbs].map((db) =>
      startStack({ db, clock, databaseUrl: opened.databaseUrl, composer: textComposer(db), limits: teamsLimits, ...workerSettings }),
    ),
  );
  const stack = stacks[0]!;
  try {
    clock.set('2025-06-02T09:00:01Z');
    const tickStarted = performance.now();
    // Every instance ticks, as each one's cron would; the claim decides who queues whom.
    const ticks = await Promise.all(stacks.map((s) => s.runner.tick()));
    const tickMs = performance.now() - tickStarted;
    const claimed = ticks.reduce((sum, t) => sum + t.claimed, 0);
    if (claimed !== PEOPLE) console.error(`claimed ${claimed} of ${PEOPLE}`);
    await stack.runner.idle(30 * 60_000);
    const results = await connector.results();
    const counts = new Map<string, number>();
    for (const [id] of results.received) counts.set(id, (counts.get(id) ?? 0) + 1);
    let delivered = 0;
    let duplicates = 0;
    let missed = 0;
    for (const person of people) {
      const n = counts.get(person.id) ?? 0;
      if (n >= ACTIVITIES_PER_CHECKIN) delivered++;
      else missed++;
      if (n > ACTIVITIES_PER_CHECKIN) duplicates += Math.ceil((n - ACTIVITIES_PER_CHECKIN) / ACTIVITIES_PER_CHECKIN);
    }
    const times = results.received.map((r) => r[1]);
    const first = Math.min(...times);
    const last = Math.max(...times);
    // n posts spread evenly at the limit take (n-1)/rate seconds: compare like with like.
    const sendSeconds = (last - first) / 1000;
    const achievedPerSecond = (results.received.length - 1) / sendSeconds;
    const allowedPerSecond = TENANTS * PER_TENANT;
    return {
      engine: engineName,
      people: PEOPLE,
      tenants: TENANTS,
      delivered,
      duplicates,
      missed,
      posts: results.received.length,
      throttled: results.rejected.filter((r) => r[1] === 429).length,
      tickMs: Math.round(tickMs),
      sendSeconds: Math.round(sendSeconds * 10) / 10,
      achievedPerSecond: Math.round(achievedPerSecond * 10) / 10,
      allowedPerSecond,
      shareOfAllowed: Math.round((achievedPerSecond / allowedPerSecond) * 1000) / 10,
    };
  } finally {
    for (const s of stacks) await s.stop(false).catch(() => {});
    for (const db of extraDbs) await db.close();
    await connector.stop();
    if (opened.databaseUrl) {
      const schema = (await opened.db.query<{ s: string }>('select current_schema() as s'))[0]!.s;
      await opened.db.query(`drop schema if exists ${schema}_pgboss cascade`).catch(() => {});
    }
    await opened.dispose();
  }
}

const rows: Row[] = [];
for (const engine of ENGINES) {
  console.error(`running ${engine}...`);
  rows.push(await run(engine));
  console.error(JSON.stringify(rows.at(-1)));
}

const header = '| engine | people | tenants | delivered | duplicates | missed | activities posted | 429s | tick (claim 10k) ms | send time s | achieved /s | allowed /s | share of allowed |';
const lines = [
  `# Check-in benchmark, ${new Date().toISOString()}`,
  '',
  `${PEOPLE} people across ${TENANTS} tenants, all due at 09:00 UTC (local times in ${ZONES.length} zones), ${ACTIVITIES_PER_CHECKIN} activities per check-in,`,
  `fake Bot Connector enforcing ${PER_TENANT}/s per tenant and ${PER_CONVERSATION}/s per conversation. Node ${process.version}, ${process.platform}.`,
  '',
  header,
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.engine} | ${r.people} | ${r.tenants} | ${r.delivered} | ${r.duplicates} | ${r.missed} | ${r.posts} | ${r.throttled} | ${r.tickMs} | ${r.sendSeconds} | ${r.achievedPerSecond} | ${r.allowedPerSecond} | ${r.shareOfAllowed}% |`),
  '',
];
console.log(lines.join('\n'));
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'checkins.md'), lines.join('\n'));
writeFileSync(join(dir, 'checkins.json'), `${JSON.stringify(rows, null, 2)}\n`);
