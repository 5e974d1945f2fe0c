/**
 * `npm run bench:ab -- <before> <after> [pglite|postgres] [rounds] [seconds]`: one lever's effect as
 * a ratio. Exports both commits side by side (git archive into a temporary folder, sharing this
 * node_modules; the repository itself is not touched), builds
 * each, and drives the compiled bots with the benchmark's traffic in alternating rounds (A B A B …,
 * a fresh process and store each round), so the machine's drift hits both alike. Prints each round
 * and the after/before ratio of turns per second and p99, with the load average beside them.
 * BENCH_AB_MODE=start compares start to /healthz 200 instead: each round starts each side on an
 * empty store, then again on the store it just made.
 */
import { execFileSync, fork } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { freshPostgresUrl } from '../tests/helpers/databases.ts';
import { freePort } from '../tests/helpers/process.ts';
import { botNodeFlags } from './nodeFlags.ts';
import { autocannonRequests, conversationScript, discoverOnboarding, type Step } from './traffic.ts';

const root = resolve(import.meta.dirname, '..');
const [before = 'HEAD~1', after = 'HEAD', engine = 'postgres', roundsText = '3', secondsText = '8'] = process.argv.slice(2);
const rounds = Number(roundsText);
const seconds = Number(secondsText);
const load = () => loadavg().map((n) => n.toFixed(2)).join(', ');

function checkout(ref: string): { dir: string; commit: string; remove: () => void } {
  const commit = execFileSync('git', ['rev-parse', '--short', ref], { cwd: root, encoding: 'utf8' }).trim();
  const dir = mkdtempSync(join(tmpdir(), `disc-coach-ab-${commit}-`));
  execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C "${dir}"`], { cwd: root, stdio: 'inherit' });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-b', existsSync(join(dir, 'tsconfig.build.json')) ? 'tsconfig.build.json' : 'tsconfig.json'], { cwd: dir, stdio: 'inherit' });
  // What the commit's npm run build makes after tsc (the store's template, the content cache), where it has that step.
  const afterBuild = ['dist/scripts/prepare-dist.js', 'dist/scripts/pglite-template.js'].find((script) => existsSync(join(dir, script)));
  if (afterBuild) execFileSync(process.execPath, [afterBuild], { cwd: dir, stdio: 'inherit' });
  return {
    dir,
    commit,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

interface Store {
  data?: string;
  postgres?: { url: string; drop: () => Promise<void> };
}

async function freshStore(): Promise<Store> {
  return { data: engine === 'pglite' ? mkdtempSync(join(tmpdir(), 'disc-coach-ab-data-')) : undefined, postgres: engine === 'postgres' ? await freshPostgresUrl() : undefined };
}

async function dropStore(store: Store): Promise<void> {
  if (store.data) rmSync(store.data, { recursive: true, force: true });
  await store.postgres?.drop();
}

async function startBot(dir: string, given?: Store): Promise<{ url: string; startMs: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const store = given ?? (await freshStore());
  const { data, postgres } = store;
  const t0 = performance.now();
  // A commit before the compiled start has no dist/bench/bot-process.js: run its sources with tsx.
  const compiled = join(dir, 'dist/bench/bot-process.js');
  const child = fork(existsSync(compiled) ? compiled : join(dir, 'bench/bot-process.ts'), [], {
    cwd: dir,
    // Each side with the V8 flags its own package.json gives `npm start` (none before they existed).
    execArgv: [...botNodeFlags(dir), ...(existsSync(compiled) ? [] : ['--import', 'tsx'])],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...(data ? { DATA_DIR: data } : {}), ...(postgres ? { DATABASE_URL: postgres.url } : {}) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (!(await fetch(`${url}/healthz`).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`bot in ${dir} did not start`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const startMs = performance.now() - t0;
  return {
    url,
    startMs,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 8000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      if (!given) await dropStore(store);
    },
  };
}

async function drive(url: string, script: Step[], prefix: string, duration: number) {
  const traffic = autocannonRequests(script, prefix);
  return autocannon({ url, connections: 20, pipelining: 1, duration, timeout: 10, requests: traffic.requests } as unknown as autocannon.Options);
}

const a = checkout(before);
const b = checkout(after);
const mean = (values: number[]) => values.reduce((x, y) => x + y, 0) / values.length;
try {
  if (process.env.BENCH_AB_MODE === 'start') {
    console.log(`# A/B start to /healthz 200 on ${engine}: A = ${a.commit} (${before}), B = ${b.commit} (${after}); ${rounds} rounds; load average at start ${load()}`);
    const times: Record<'A' | 'B', { empty: number[]; existing: number[] }> = { A: { empty: [], existing: [] }, B: { empty: [], existing: [] } };
    for (let round = 1; round <= rounds; round++) {
      for (const side of round % 2 ? (['A', 'B'] as const) : (['B', 'A'] as const)) {
        const store = await freshStore();
        const first = await startBot(side === 'A' ? a.dir : b.dir, store);
        await first.stop();
        const again = await startBot(side === 'A' ? a.dir : b.dir, store);
        await again.stop();
        await dropStore(store);
        times[side].empty.push(first.startMs);
        times[side].existing.push(again.startMs);
      }
      console.log(`round ${round}: empty store A ${times.A.empty.at(-1)!.toFixed(0)} ms, B ${times.B.empty.at(-1)!.toFixed(0)} ms; existing store A ${times.A.existing.at(-1)!.toFixed(0)} ms, B ${times.B.existing.at(-1)!.toFixed(0)} ms (load ${load()})`);
    }
    console.log(`mean: empty store A ${mean(times.A.empty).toFixed(0)} ms, B ${mean(times.B.empty).toFixed(0)} ms (B/A ${(mean(times.B.empty) / mean(times.A.empty)).toFixed(2)}×); existing store A ${mean(times.A.existing).toFixed(0)} ms, B ${mean(times.B.existing).toFixed(0)} ms (B/A ${(mean(times.B.existing) / mean(times.A.existing)).toFixed(2)}×); load average at end ${load()}`);
  } else {
    const first = await startBot(b.dir);
    const script = conversationScript(await discoverOnboarding(first.url));
    await first.stop();
    console.log(`# A/B on ${engine}: A = ${a.commit} (${before}), B = ${b.commit} (${after}); ${rounds} rounds of ${seconds} s, 20 connections; load average at start ${load()}`);
    const ratios: { rps: number; p99: number }[] = [];
    for (let round = 1; round <= rounds; round++) {
      const measured: Record<'A' | 'B', { rps: number; p99: number }> = { A: { rps: 0, p99: 0 }, B: { rps: 0, p99: 0 } };
      // Alternate which goes first, so neither always gets the warmer machine.
      for (const side of round % 2 ? (['A', 'B'] as const) : (['B', 'A'] as const)) {
        const bot = await startBot(side === 'A' ? a.dir : b.dir);
        await drive(bot.url, script, `warm-${side}${round}`, 2);
        const result = await drive(bot.url, script, `${side}${round}`, seconds);
        measured[side] = { rps: result.requests.total / seconds, p99: result.latency.p99 };
        await bot.stop();
      }
      ratios.push({ rps: measured.B.rps / measured.A.rps, p99: measured.B.p99 / measured.A.p99 });
      console.log(`round ${round}: A ${measured.A.rps.toFixed(0)} req/s p99 ${measured.A.p99} ms; B ${measured.B.rps.toFixed(0)} req/s p99 ${measured.B.p99} ms; B/A ${ratios.at(-1)!.rps.toFixed(2)}× turns/s, ${ratios.at(-1)!.p99.toFixed(2)}× p99 (load ${load()})`);
    }
    console.log(`B/A mean of rounds: ${mean(ratios.map((r) => r.rps)).toFixed(2)}× turns/s, ${mean(ratios.map((r) => r.p99)).toFixed(2)}× p99; load average at end ${load()}`);
  }
} finally {
  a.remove();
  b.remove();
}
