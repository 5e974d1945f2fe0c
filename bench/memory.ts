/**
 * `npm run bench:memory -- [postgres|pglite] [conversations]`: the memory phase of `npm run bench`
 * alone, for trying a memory lever quickly. Starts the compiled bot (with the environment's
 * NODE_OPTIONS and MALLOC_* variables passed on), opens 100 one-greeting conversations, then the
 * rest, and prints RSS, the V8 heap (used and reserved) and external memory after a full GC at each
 * point, with the ratio the target is about (RSS after all / RSS after 100).
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { freshPostgresUrl } from '../tests/helpers/databases.ts';
import { freePort } from '../tests/helpers/process.ts';
import { botNodeFlags } from './nodeFlags.ts';
import { autocannonRequests } from './traffic.ts';

const root = resolve(import.meta.dirname, '..');
const engine = (process.argv[2] ?? 'postgres') as 'postgres' | 'pglite';
const total = Number(process.argv[3] ?? 10_000);
type Memory = { rss: number; heapUsed: number; heapTotal: number; external: number };

const port = await freePort();
const data = engine === 'pglite' ? mkdtempSync(join(tmpdir(), 'disc-coach-memory-')) : undefined;
const postgres = engine === 'postgres' ? await freshPostgresUrl() : undefined;
const passed = Object.fromEntries(Object.entries(process.env).filter(([name]) => name === 'NODE_OPTIONS' || name === 'LD_PRELOAD' || name.startsWith('MALLOC_'))) as Record<string, string>;
const child = fork(join(root, 'dist/bench/bot-process.js'), [], {
  cwd: root,
  // The flags of `npm start` (package.json config.nodeFlags); BENCH_NODE_DEFAULTS=1 measures Node's defaults instead.
  execArgv: ['--expose-gc', ...(process.env.BENCH_NODE_DEFAULTS === '1' ? [] : botNodeFlags(root))],
  env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...passed, ...(data ? { DATA_DIR: data } : {}), ...(postgres ? { DATABASE_URL: postgres.url } : {}) },
  stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
});
const url = `http://127.0.0.1:${port}`;
while (!(await fetch(`${url}/healthz`).then((r) => r.ok, () => false))) await new Promise((r) => setTimeout(r, 50));

const memory = () =>
  new Promise<Memory>((resolveMemory) => {
    const listener = (message: { memory?: Memory }) => {
      if (!message.memory) return;
      child.off('message', listener);
      resolveMemory(message.memory);
    };
    child.on('message', listener);
    child.send({ cmd: 'memory' });
  });
const drive = (amount: number, prefix: string) =>
  autocannon({ url, connections: 10, pipelining: 1, amount, timeout: 10, requests: autocannonRequests([{ kind: 'greeting', text: 'hi' }], prefix).requests } as unknown as autocannon.Options);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const show = (label: string, m: Memory) => console.log(`${label.padEnd(22)} RSS ${mb(m.rss)}, heap used ${mb(m.heapUsed)}, reserved ${mb(m.heapTotal)}, external ${mb(m.external)}`);

console.log(`# memory, ${engine}, ${total} conversations; ${JSON.stringify(passed)}; load average ${loadavg().map((n) => n.toFixed(2)).join(', ')}`);
show('idle', await memory());
await drive(100, 'm-a');
const at100 = await memory();
show('after 100', at100);
for (const share of [0.1, 0.5, 1]) {
  const upTo = Math.round(total * share);
  await drive(upTo - (share === 0.1 ? 100 : Math.round(total * (share === 0.5 ? 0.1 : 0.5))), `m-${share}`);
  const now = await memory();
  show(`after ${upTo.toLocaleString('en')}`, now);
  if (share === 1) console.log(`RSS after ${total.toLocaleString('en')} / after 100: ${(now.rss / at100.rss).toFixed(2)}×`);
}
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
if (data) rmSync(data, { recursive: true, force: true });
await postgres?.drop();
