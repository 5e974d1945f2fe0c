/**
 * `npm run bench:profile -- [pglite|postgres|peer] [seconds]`: where a turn's CPU goes. Starts the
 * compiled bot (or the peer) with V8's CPU profiler, drives the benchmark's traffic for a while,
 * stops it, and prints self time by part (our code by folder, each dependency by package, V8 and
 * GC) and the heaviest functions. The .cpuprofile is kept in bench/tmp/ for Chrome DevTools.
 */
import { execFileSync, fork } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mkdtempSync } from 'node:fs';
import autocannon from 'autocannon';
import { freshPostgresUrl } from '../tests/helpers/databases.ts';
import { freePort } from '../tests/helpers/process.ts';
import { autocannonRequests, conversationScript, discoverOnboarding } from './traffic.ts';

const root = resolve(import.meta.dirname, '..');
const which = (process.argv[2] ?? 'postgres') as 'pglite' | 'postgres' | 'peer';
const seconds = Number(process.argv[3] ?? 10);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Which part of the program a function belongs to: our folders, a package, or the engine itself. */
export function partOf(url: string, functionName: string): string {
  if (!url) return functionName === '(garbage collector)' ? 'GC' : functionName === '(idle)' ? 'idle' : functionName === '(program)' ? 'V8/native' : `native: ${functionName || '(anonymous)'}`;
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return `node: ${url.slice(5).split('/')[0]}`;
  const local = /\/dist\/(src|dialogs|bench)\/([^/]+)/.exec(url);
  if (local) return `${local[1]}/${local[2]!.replace(/\.js$/, '')}`;
  return url;
}

export function summarise(profile: Profile): { parts: [string, number][]; functions: [string, number][]; totalMs: number } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const parts = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, micros] of self) {
    const frame = byId.get(id)!.callFrame;
    const part = partOf(frame.url, frame.functionName);
    if (part === 'idle') continue;
    total += micros;
    parts.set(part, (parts.get(part) ?? 0) + micros);
    const name = `${frame.functionName || '(anonymous)'} ${frame.url ? `${frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/')}:${frame.lineNumber + 1}` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
  }
  const sorted = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]);
  return { parts: sorted(parts), functions: sorted(functions), totalMs: total / 1000 };
}

async function main() {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  // As npm run build: the embedded store's template too, so a new DATA_DIR starts as it does after npm start.
  execFileSync(process.execPath, ['dist/scripts/prepare-dist.js'], { cwd: root, stdio: 'inherit' });
  const dir = join(root, 'bench/tmp', `profile-${which}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const data = which === 'pglite' ? mkdtempSync(join(tmpdir(), 'disc-coach-profile-')) : undefined;
  const postgres = which === 'postgres' ? await freshPostgresUrl() : undefined;
  const entry = which === 'peer' ? 'dist/bench/peer-bot.js' : 'dist/bench/bot-process.js';
  const child = fork(join(root, entry), [], {
    cwd: root,
    execArgv: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...(data ? { DATA_DIR: data } : {}), ...(postgres ? { DATABASE_URL: postgres.url } : {}) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  // The traffic's onboarding follows the real bot's questions; the peer gets the same texts.
  const script = conversationScript(which === 'peer' ? await discoverWithTemporaryBot() : await discoverOnboarding(url));
  const traffic = autocannonRequests(script, 'profile');
  const result = await autocannon({ url, connections: 20, pipelining: 1, duration: seconds, requests: traffic.requests } as unknown as autocannon.Options);
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error('no profile written');
  const { parts, functions, totalMs } = summarise(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile);
  console.log(`# CPU profile, ${which}, ${seconds} s of load: ${result.requests.total} requests (${(result.requests.total / seconds).toFixed(0)}/s), load average ${loadavg().map((n) => n.toFixed(2)).join(', ')}`);
  console.log(`busy CPU on the main thread ${totalMs.toFixed(0)} ms, ${(totalMs / result.requests.total).toFixed(2)} ms per request\n`);
  console.log('| part | self ms | share |\n|---|---:|---:|');
  for (const [part, micros] of parts.slice(0, 25)) console.log(`| ${part} | ${(micros / 1000).toFixed(0)} | ${((100 * micros) / 1000 / totalMs).toFixed(1)} % |`);
  console.log('\n| function | self ms | share |\n|---|---:|---:|');
  for (const [name, micros] of functions.slice(0, 25)) console.log(`| ${name} | ${(micros / 1000).toFixed(0)} | ${((100 * micros) / 1000 / totalMs).toFixed(1)} % |`);
  console.log(`\nprofile: ${join(dir, file)}`);
  if (data) rmSync(data, { recursive: true, force: true });
  await postgres?.drop();
}

async function discoverWithTemporaryBot() {
  const data = mkdtempSync(join(tmpdir(), 'disc-coach-profile-'));
  const port = await freePort();
  const child = fork(join(root, 'dist/bench/bot-process.js'), [], { cwd: root, env: { ...process.env, DATA_DIR: data, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  try {
    return await discoverOnboarding(url);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(data, { recursive: true, force: true });
  }
}

await main();
