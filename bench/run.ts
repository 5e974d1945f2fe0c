/**
 * `npm run bench`: the real bot against the framework's floor (bench/echo-bot.ts) and against the
 * framework's own multi-turn bot (bench/peer-bot.ts: botbuilder-dialogs waterfalls and prompts,
 * ConversationState on MemoryStorage), same machine, same run. Every target runs as its own process
 * from the compiled JavaScript (dist/, built first), as `npm start` runs the bot. Drives each in turn
 * with autocannon on loopback (same duration, 20 connections, alternating over rounds), then
 * measures start to /healthz 200 on an empty and on an existing store, memory over 10,000
 * conversations, stored bytes, the pure core, and (bench/checkins.ts, unless BENCH_CHECKINS=0) the
 * check-in send rate. Ends with one table of every target: met or missed, and by how much. Writes
 * bench/results/<date>-node<version>.md (+ .json), with the commit and the machine's load.
 *
 * Environment: BENCH_SECONDS (per measured run, default 12), BENCH_ROUNDS (default 2),
 * BENCH_CONVERSATIONS (memory phase, default 10000), BENCH_STARTS (restarts timed, default 3),
 * BENCH_CHECKINS (0 = reuse bench/results/checkins.json), TEST_DATABASE_URL (default the local test db).
 */
import { execFileSync, fork, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { freshPostgresUrl } from '../tests/helpers/databases.ts';
import { freePort } from '../tests/helpers/process.ts';
import { runMicro, type MicroResult } from './micro.ts';
import { botNodeFlags } from './nodeFlags.ts';
import { autocannonRequests, conversationScript, discoverOnboarding, mix, WARNING_EVERY, type Step } from './traffic.ts';

const root = resolve(import.meta.dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 12);
const WARMUP_SECONDS = 2;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = 20;
const MEMORY_CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 10_000);
const STARTS = Number(process.env.BENCH_STARTS ?? 3);
const CHECKINS = process.env.BENCH_CHECKINS !== '0';
const started = Date.now();

type TargetName = 'floor (echo)' | 'peer (dialogs)' | 'bot, PGlite' | 'bot, PostgreSQL';

/** The compiled targets: the benchmark measures what `npm start` runs (node on dist/), not tsx. */
function build(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  // As npm run build: the embedded store's template too, so a new DATA_DIR starts as it does after npm start.
  execFileSync(process.execPath, ['dist/scripts/prepare-dist.js'], { cwd: root, stdio: 'inherit' });
}

const load = () => loadavg().map((n) => n.toFixed(2)).join(', ');
function commit(): string {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).stdout.trim();
  return `${head || 'unknown'}${dirty ? ' (with uncommitted changes)' : ''}`;
}

interface Target {
  name: TargetName;
  child: ChildProcess;
  url: string;
  coldStartMs: number;
  cleanup: () => Promise<void>;
}

const cleanups: (() => Promise<void>)[] = [];
async function cleanupAll() {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
}
process.once('SIGINT', () => void cleanupAll().finally(() => process.exit(130)));

/** Forks a server and measures the time from spawn to the first /healthz 200. */
async function startTarget(name: TargetName, entry: string, env: Record<string, string>, cleanupStorage: () => Promise<void> = async () => {}): Promise<Target> {
  const port = await freePort();
  const t0 = performance.now();
  const child = fork(join(root, entry), [], {
    cwd: root,
    // The bot runs with the V8 flags of `npm start`; the echo floor and the peer with Node's defaults.
    execArgv: ['--expose-gc', ...(entry === BOT ? botNodeFlags(root) : [])],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk) => (errors = (errors + chunk).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited during start: ${errors}`);
    if (Date.now() > deadline) throw new Error(`${name}: /healthz not 200 within 120 s: ${errors}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.status === 200, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  const coldStartMs = performance.now() - t0;
  const target: Target = {
    name,
    child,
    url,
    coldStartMs,
    cleanup: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await cleanupStorage();
    },
  };
  cleanups.push(target.cleanup);
  return target;
}

const BOT = 'dist/bench/bot-process.js';

async function startBot(name: TargetName, engine: 'pglite' | 'postgres'): Promise<Target & { databaseUrl?: string; dataDir?: string }> {
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'disc-coach-bench-'));
    const target = await startTarget(name, BOT, { DATA_DIR: dir }, async () => rmSync(dir, { recursive: true, force: true }));
    return { ...target, dataDir: dir };
  }
  const fresh = await freshPostgresUrl();
  const target = await startTarget(name, BOT, { DATABASE_URL: fresh.url }, fresh.drop);
  return { ...target, databaseUrl: fresh.url };
}

/** Stops a bot and starts it again on the same store, BENCH_STARTS times: start to /healthz 200 on an existing store. */
async function restartTimes(target: Target & { databaseUrl?: string; dataDir?: string }): Promise<number[]> {
  const times: number[] = [];
  const env: Record<string, string> = target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : { DATA_DIR: target.dataDir! };
  await stopChild(target.child);
  for (let i = 0; i < STARTS; i++) {
    const again = await startTarget(target.name, BOT, env);
    times.push(again.coldStartMs);
    await stopChild(again.child);
  }
  return times;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

type Memory = { rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number };

function memoryOf(target: Target): Promise<Memory> {
  return new Promise((resolveMemory, reject) => {
    const timer = setTimeout(() => reject(new Error(`${target.name}: no memory answer`)), 10_000);
    const listener = (message: { memory?: Memory }) => {
      if (!message.memory) return;
      clearTimeout(timer);
      target.child.off('message', listener);
      resolveMemory(message.memory);
    };
    target.child.on('message', listener);
    target.child.send({ cmd: 'memory' });
  });
}

interface RunResult {
  target: TargetName;
  round: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  conversations: number;
}

const DB_DOWN = "can't save anything right now";

/** A reply counts as an error if it is not a 200 with activities, or the bot's polite "try again". */
function verifyBody(body: string): boolean {
  return body.includes('"activities"') && !body.includes(DB_DOWN);
}

async function drive(target: Target, script: Step[], options: { seconds?: number; amount?: number; connections?: number; prefix: string }): Promise<autocannon.Result & { conversations: number }> {
  const traffic = autocannonRequests(script, options.prefix);
  const result = await autocannon({
    url: target.url,
    connections: options.connections ?? CONNECTIONS,
    pipelining: 1,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? SECONDS }),
    timeout: 10,
    requests: traffic.requests,
    verifyBody,
  } as unknown as autocannon.Options);
  return Object.assign(result, { conversations: traffic.started() });
}

function toRun(target: Target, round: number, result: autocannon.Result & { conversations: number }): RunResult {
  return {
    target: target.name,
    round,
    requests: result.requests.total,
    rps: result.requests.total / (result.duration || SECONDS),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + (result.mismatches ?? 0),
    conversations: result.conversations,
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const pad = (text: string, width: number) => text.padEnd(width);
const lpad = (text: string, width: number) => text.padStart(width);

async function storedBytes(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const [row] = (
      await client.query<{ conversations: string; avg_json: string; max_json: string; avg_stored: string; events: string }>(
        `select count(*) as conversations, avg(octet_length(state::text)) as avg_json, max(octet_length(state::text)) as max_json,
                avg(pg_column_size(state)) as avg_stored, (select count(*) from clinical_events) as events from conversations`,
      )
    ).rows;
    const tables = (
      await client.query<{ name: string; bytes: string }>(
        `select c.relname as name, pg_total_relation_size(c.oid) as bytes from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = current_schema() and c.relkind = 'r'`,
      )
    ).rows;
    const ours = tables.filter((t) => ['conversations', 'clinical_events', 'handoff_outbox', 'checkin_schedules', 'checkin_sends'].includes(t.name));
    const total = ours.reduce((sum, t) => sum + Number(t.bytes), 0);
    const conversations = Number(row!.conversations);
    return {
      conversations,
      eventsPerConversation: Number(row!.events) / conversations,
      snapshotJsonAvg: Number(row!.avg_json),
      snapshotJsonMax: Number(row!.max_json),
      snapshotStoredAvg: Number(row!.avg_stored),
      totalPerConversation: total / conversations,
      tables: Object.fromEntries(ours.map((t) => [t.name, Number(t.bytes)])),
    };
  } finally {
    await client.end();
  }
}

async function main() {
  const lines: string[] = [];
  const say = (line = '') => {
    lines.push(line);
    console.log(line);
  };
  const date = new Date().toISOString().slice(0, 10);
  build();
  const loadAtStart = load();
  say(`# Benchmark ${new Date().toISOString()}`);
  say(`Commit ${commit()}. Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${mb(totalmem())} RAM; load average at start ${loadAtStart}; autocannon on loopback, ${CONNECTIONS} connections, ${SECONDS} s per run (+${WARMUP_SECONDS} s warm-up), ${ROUNDS} rounds alternating.`);
  say();

  // Start on an empty store, one process after the other so they do not compete for the CPU.
  const floor = await startTarget('floor (echo)', 'dist/bench/echo-bot.js', {});
  const peer = await startTarget('peer (dialogs)', 'dist/bench/peer-bot.js', {});
  const pglite = await startBot('bot, PGlite', 'pglite');
  const postgres = await startBot('bot, PostgreSQL', 'postgres');
  const targets: Target[] = [floor, peer, pglite, postgres];

  const onboarding = await discoverOnboarding(pglite.url);
  const script = conversationScript(onboarding);
  const counts = mix(script);
  const micro: MicroResult[] = runMicro(script);

  const runs: RunResult[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    for (const target of targets) {
      await drive(target, script, { seconds: WARMUP_SECONDS, prefix: `warm-${round}` });
      const result = await drive(target, script, { seconds: SECONDS, prefix: `r${round}` });
      const run = toRun(target, round, result);
      runs.push(run);
      console.error(`  round ${round}: ${pad(target.name, 16)} ${run.rps.toFixed(0)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, errors ${run.errors}`);
    }
  }
  const stored = postgres.databaseUrl ? await storedBytes(postgres.databaseUrl) : undefined;
  const busy = { pglite: await memoryOf(pglite), postgres: await memoryOf(postgres) };
  await stopChild(floor.child);
  await stopChild(peer.child);
  // Start on an existing store: the same data the throughput rounds wrote, restarted one at a time.
  const restarts = { pglite: await restartTimes(pglite), postgres: await restartTimes(postgres) };
  for (const target of targets) await target.cleanup();

  // Memory: fresh processes, 100 then MEMORY_CONVERSATIONS conversations of one greeting each (a stored
  // snapshot, events, the queue entry while it runs); both engines at once: memory, not time, is measured.
  const memoryScript: Step[] = [{ kind: 'greeting', text: 'hi' }];
  const memoryTargets = [await startBot('bot, PGlite', 'pglite'), await startBot('bot, PostgreSQL', 'postgres')];
  const memoryRuns = await Promise.all(
    memoryTargets.map(async (target) => {
      const engine = target.databaseUrl ? 'postgres' : 'pglite';
      const at0 = await memoryOf(target);
      await drive(target, memoryScript, { amount: 100 * memoryScript.length, connections: 10, prefix: 'mem-a' });
      const at100 = await memoryOf(target);
      const middle = Math.round(MEMORY_CONVERSATIONS / 10);
      const some = await drive(target, memoryScript, { amount: (middle - 100) * memoryScript.length, connections: 10, prefix: 'mem-b' });
      const atMiddle = await memoryOf(target);
      const rest = await drive(target, memoryScript, { amount: (MEMORY_CONVERSATIONS - middle) * memoryScript.length, connections: 10, prefix: 'mem-c' });
      const atMany = await memoryOf(target);
      await target.cleanup();
      return { engine, at0, at100, middle, atMiddle, atMany, errors: [some, rest].reduce((sum, r) => sum + r.errors + r.non2xx + (r.mismatches ?? 0), 0) };
    }),
  );

  // The report.
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const summary = targets.map((target) => {
    const mine = runs.filter((run) => run.target === target.name);
    return {
      name: target.name,
      rps: mean(mine.map((r) => r.rps)),
      p50: mean(mine.map((r) => r.p50)),
      p99: mean(mine.map((r) => r.p99)),
      errors: mine.reduce((sum, r) => sum + r.errors, 0),
      requests: mine.reduce((sum, r) => sum + r.requests, 0),
      conversations: mine.reduce((sum, r) => sum + r.conversations, 0),
    };
  });
  const row = (name: TargetName) => summary.find((r) => r.name === name)!;
  const floorRow = row('floor (echo)');
  const peerRow = row('peer (dialogs)');
  /** Ratio to the peer round by round (the machine's speed drifts between rounds), then the mean. */
  const perRound = (name: TargetName, of: 'rps' | 'p99', base: TargetName) =>
    mean(Array.from({ length: ROUNDS }, (_, i) => runs.find((r) => r.target === name && r.round === i + 1)![of] / runs.find((r) => r.target === base && r.round === i + 1)![of]));

  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  say(`Traffic: conversations of ${total} turns each (${Object.entries(counts).map(([kind, n]) => `${kind} ${((100 * n) / total).toFixed(0)}%`).join(', ')}); every ${WARNING_EVERY}th conversation discloses an emergency warning sign (referral + outbox). deliveryMode expectReplies. The peer gets the same activities (its prompts re-ask what they do not recognise).`);
  say();
  say('## Throughput and latency (mean of rounds)');
  say();
  say('| target | req/s | p50 ms | p99 ms | errors | requests | × floor | × peer (per round) | p99 × peer (per round) |');
  say('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of summary) {
    const name = r.name as TargetName;
    say(`| ${name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} | ${r.requests} | ${(r.rps / floorRow.rps).toFixed(2)} | ${perRound(name, 'rps', 'peer (dialogs)').toFixed(2)} | ${perRound(name, 'p99', 'peer (dialogs)').toFixed(2)} |`);
  }
  say();
  say('Per run: ' + runs.map((r) => `${r.target} r${r.round} ${r.rps.toFixed(0)}/s p99 ${r.p99}`).join('; '));
  say();
  say('## Memory, storage, start');
  say();
  for (const run of memoryRuns) {
    const ratio = run.atMany.rss / run.at100.rss;
    say(`- RSS, ${run.engine}: ${mb(run.at0.rss)} idle, ${mb(run.at100.rss)} after 100 conversations, ${mb(run.atMiddle.rss)} after ${run.middle.toLocaleString('en')}, ${mb(run.atMany.rss)} after ${MEMORY_CONVERSATIONS.toLocaleString('en')} (${ratio.toFixed(2)}×); after GC: JS heap used ${mb(run.at100.heapUsed)} → ${mb(run.atMiddle.heapUsed)} → ${mb(run.atMany.heapUsed)} (reserved ${mb(run.at100.heapTotal)} → ${mb(run.atMany.heapTotal)}), external ${mb(run.at100.external)} → ${mb(run.atMany.external)}; errors ${run.errors}`);
  }
  say(`- RSS after the throughput rounds: PGlite ${mb(busy.pglite.rss)}, PostgreSQL ${mb(busy.postgres.rss)}`);
  if (stored) {
    say(`- Stored per conversation (PostgreSQL, ${stored.conversations} conversations of the mix, ${stored.eventsPerConversation.toFixed(1)} events each): snapshot JSON ${stored.snapshotJsonAvg.toFixed(0)} B mean, ${stored.snapshotJsonMax} B max, ${stored.snapshotStoredAvg.toFixed(0)} B as stored jsonb; all tables with indexes ${(stored.totalPerConversation / 1024).toFixed(1)} KB per conversation`);
  }
  for (const target of targets) say(`- Start to /healthz 200, empty store, ${target.name}: ${target.coldStartMs.toFixed(0)} ms`);
  say(`- Start to /healthz 200, existing store (${STARTS} restarts, median): PGlite ${median(restarts.pglite).toFixed(0)} ms (${restarts.pglite.map((t) => t.toFixed(0)).join(', ')}), PostgreSQL ${median(restarts.postgres).toFixed(0)} ms (${restarts.postgres.map((t) => t.toFixed(0)).join(', ')})`);

  // Check-ins: bench/checkins.ts in its own process (it starts its own stacks and fake connector).
  if (CHECKINS) {
    console.error('  check-ins: npm run bench:checkins ...');
    execFileSync(process.execPath, ['--import', 'tsx', join(root, 'bench/checkins.ts')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const checkinsFile = join(root, 'bench/results/checkins.json');
  const checkinRows = existsSync(checkinsFile) ? (JSON.parse(readFileSync(checkinsFile, 'utf8')) as { engine: string; shareOfAllowed: number; duplicates: number; missed: number }[]) : [];
  const checkinNote = CHECKINS ? 'this run' : 'from bench/results/checkins.json (BENCH_CHECKINS=0)';

  // Every target of the issue, met or missed and by how much.
  type Verdict = { target: string; wanted: string; measured: string; met: boolean; by: string };
  const verdicts: Verdict[] = [];
  const atLeast = (target: string, value: number, wanted: number, unit: string, digits = 2) =>
    verdicts.push({ target, wanted: `≥ ${wanted}${unit}`, measured: `${value.toFixed(digits)}${unit}`, met: value >= wanted, by: `${value >= wanted ? '+' : '−'}${Math.abs(value - wanted).toFixed(digits)}${unit}` });
  const atMost = (target: string, value: number, wanted: number, unit: string, digits = 2) =>
    verdicts.push({ target, wanted: `≤ ${wanted}${unit}`, measured: `${value.toFixed(digits)}${unit}`, met: value <= wanted, by: `${value <= wanted ? '−' : '+'}${Math.abs(value - wanted).toFixed(digits)}${unit}` });
  atLeast('PostgreSQL turns/s vs peer (every turn persisted)', perRound('bot, PostgreSQL', 'rps', 'peer (dialogs)'), 0.8, '×');
  atLeast('PGlite turns/s vs peer', perRound('bot, PGlite', 'rps', 'peer (dialogs)'), 0.5, '×');
  atMost('p99 vs peer p99, PostgreSQL', perRound('bot, PostgreSQL', 'p99', 'peer (dialogs)'), 1.5, '×');
  atMost('p99 vs peer p99, PGlite', perRound('bot, PGlite', 'p99', 'peer (dialogs)'), 1.5, '×');
  atMost('start to /healthz 200, existing store, PGlite', median(restarts.pglite) / 1000, 1.5, ' s');
  atMost('start to /healthz 200, existing store, PostgreSQL', median(restarts.postgres) / 1000, 1.5, ' s');
  atMost('start to /healthz 200, empty store, PGlite', pglite.coldStartMs / 1000, 4, ' s');
  atMost('start to /healthz 200, empty store, PostgreSQL', postgres.coldStartMs / 1000, 4, ' s');
  for (const run of memoryRuns) atMost(`RSS after ${MEMORY_CONVERSATIONS.toLocaleString('en')} conversations vs after 100, ${run.engine}`, run.atMany.rss / run.at100.rss, 1.2, '×');
  for (const [engine, wanted, label] of [['pglite', 95, 'check-ins, one instance, PGlite'], ['postgres', 95, 'check-ins, one instance, PostgreSQL'], ['postgres-2', 90, 'check-ins, two instances on one PostgreSQL']] as const) {
    const found = checkinRows.find((r) => r.engine === engine);
    if (!found) continue;
    atLeast(`${label} (share of the allowed rate)`, found.shareOfAllowed, wanted, ' %', 1);
    verdicts.push({ target: `${label}: duplicates, missed`, wanted: '0, 0', measured: `${found.duplicates}, ${found.missed}`, met: found.duplicates === 0 && found.missed === 0, by: `${found.duplicates + found.missed}` });
  }
  if (stored) atMost('snapshot JSON, largest (issue 7)', stored.snapshotJsonMax, 4096, ' B', 0);
  for (const m of micro.filter((m) => m.name.startsWith('detector'))) atMost(`${m.name} (issue 7)`, m.microseconds, 100, ' µs', 1);
  say();
  say('## Pure core (this process, CPU time per operation, median of batches)');
  say();
  for (const m of micro) say(`- ${m.name}: ${m.microseconds.toFixed(1)} µs`);
  say();
  say(`## Targets (load average at start ${loadAtStart}, at end ${load()}; check-ins ${checkinNote})`);
  say();
  say('| target | wanted | measured | verdict | by |');
  say('|---|---|---|---|---|');
  for (const v of verdicts) say(`| ${v.target} | ${v.wanted} | ${v.measured} | ${v.met ? 'met' : '**MISSED**'} | ${v.by} |`);
  say();
  say(`${verdicts.filter((v) => v.met).length} of ${verdicts.length} met. Whole run: ${((Date.now() - started) / 1000).toFixed(0)} s.`);

  mkdirSync(join(root, 'bench/results'), { recursive: true });
  const base = join(root, 'bench/results', `${date}-node${process.version.slice(1)}`);
  writeFileSync(`${base}.md`, `${lines.join('\n')}\n`);
  writeFileSync(`${base}.json`, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, seconds: SECONDS, rounds: ROUNDS, connections: CONNECTIONS, mix: counts, summary, runs, memory: memoryRuns, busy, stored, coldStart: Object.fromEntries(targets.map((t) => [t.name, t.coldStartMs])), micro, restarts, verdicts, commit: commit(), load: { start: loadAtStart, end: load() } }, null, 2)}\n`);
  console.log(`\nwritten: ${base}.md`);
}

try {
  await main();
} finally {
  await cleanupAll();
}
