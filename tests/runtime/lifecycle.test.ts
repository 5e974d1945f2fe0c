import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { allText, Person } from '../helpers/botClient.ts';
import { freshDataDir, freshPostgresUrl } from '../helpers/databases.ts';
import { freePort, projectRoot, runBot, waitForHealthy, type BotProcess } from '../helpers/process.ts';
import { startPgProxy } from '../faults/proxy.ts';

const running: { kill: () => void }[] = [];
afterEach(() => {
  for (const process of running.splice(0)) process.kill();
});

function track(bot: BotProcess): BotProcess {
  running.push({ kill: () => bot.child.exitCode === null && bot.child.kill('SIGKILL') });
  return bot;
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every process below `pid` (children, grandchildren), read from /proc. */
function descendantsOf(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const child of parents.get(parent) ?? []) {
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('one owner of the embedded store (DATA_DIR)', () => {
  it('refuses a second process on the same DATA_DIR with one line naming the owner, and the first keeps serving', async () => {
    const data = freshDataDir();
    try {
      const first = track(runBot({ DATA_DIR: data.dir }, await freePort()));
      await waitForHealthy(first.url);
      const second = track(runBot({ DATA_DIR: data.dir }, await freePort()));
      expect(await second.exited).not.toBe(0);
      const lines = second.output().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`DATA_DIR ${data.dir} is in use by another disc coach process (pid ${first.child.pid}`);
      const replies = await new Person(first.url).say('hi');
      expect(allText(replies).length).toBeGreaterThan(0);
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      // Stopped cleanly: the lock is gone, so the next start needs no take-over.
      expect(readdirSync(data.dir)).not.toContain('owner.lock');
    } finally {
      data.remove();
    }
  }, 120_000);

  it('takes over a stale lock left by a process that died (kill -9), keeping the conversation', async () => {
    const data = freshDataDir();
    const port = await freePort();
    try {
      const first = track(runBot({ DATA_DIR: data.dir }, port));
      await waitForHealthy(first.url);
      const person = new Person(first.url);
      await person.say('hi');
      first.child.kill('SIGKILL');
      await first.exited;
      expect(JSON.parse(readFileSync(join(data.dir, 'owner.lock'), 'utf8')).pid).toBe(first.child.pid);

      const second = track(runBot({ DATA_DIR: data.dir }, port));
      await waitForHealthy(second.url);
      expect(JSON.parse(readFileSync(join(data.dir, 'owner.lock'), 'utf8')).pid).toBe(second.child.pid);
      const again = await new Person(second.url, person.id, person.conversationId).say('yes');
      expect(allText(again)).not.toMatch(/something went wrong|can't save/i);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      data.remove();
    }
  }, 120_000);

  it('takes over a lock whose file names a pid that no longer runs', async () => {
    const data = freshDataDir();
    try {
      const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
      const deadPid = Number(gone.stdout);
      writeFileSync(join(data.dir, 'owner.lock'), JSON.stringify({ pid: deadPid, host: 'elsewhere', startedAt: new Date(0).toISOString() }));
      const bot = track(runBot({ DATA_DIR: data.dir }, await freePort()));
      await waitForHealthy(bot.url);
      expect(JSON.parse(readFileSync(join(data.dir, 'owner.lock'), 'utf8')).pid).toBe(bot.child.pid);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    } finally {
      data.remove();
    }
  }, 120_000);
});

describe('stopping (SIGTERM, SIGINT)', () => {
  it('SIGTERM to `npm start` ends npm and every process it started', async () => {
    const data = freshDataDir();
    const port = await freePort();
    try {
      const npm = spawn('npm', ['start', '--silent'], {
        cwd: projectRoot,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: data.dir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      running.push({ kill: () => npm.exitCode === null && npm.kill('SIGKILL') });
      let output = '';
      npm.stdout.on('data', (chunk) => (output += chunk));
      npm.stderr.on('data', (chunk) => (output += chunk));
      const exited = new Promise<number | null>((resolve) => npm.on('exit', (code) => resolve(code)));
      await waitForHealthy(`http://127.0.0.1:${port}`, 90_000);
      const tree = descendantsOf(npm.pid!);
      expect(tree.length).toBeGreaterThan(0);
      npm.kill('SIGTERM');
      const code = await exited;
      await until('every process npm started to end', () => tree.every((pid) => !alive(pid)));
      expect(output).not.toMatch(/error/i);
      expect([0, 143, null]).toContain(code);
      for (const pid of tree) running.push({ kill: () => alive(pid) && process.kill(pid, 'SIGKILL') });
    } finally {
      data.remove();
    }
  }, 120_000);

  it('SIGINT finishes a turn already in flight, writes it, then exits 0', async () => {
    const storage = await freshPostgresUrl();
    const proxy = await startPgProxy();
    const direct = new pg.Client({ connectionString: storage.url });
    await direct.connect();
    try {
      const bot = track(runBot({ DATABASE_URL: proxy.wrap(storage.url), LOG_LEVEL: 'info', LOCAL_WEBCHAT: 'off' }, await freePort()));
      await waitForHealthy(bot.url);
      const person = new Person(bot.url);
      await person.say('hi');
      // The database holds the next turn's statements: the turn is in flight when the signal comes.
      proxy.pause();
      const reply = person.say('yes');
      await new Promise((resolve) => setTimeout(resolve, 300));
      bot.child.kill('SIGINT');
      await until('the bot to start stopping', () => bot.output().includes('"msg":"stopping"'));
      proxy.resume();
      expect(allText(await reply).length).toBeGreaterThan(0);
      expect(await bot.exited).toBe(0);
      const stored = await direct.query("select count(*)::int as n from clinical_events where type = 'message.received' and data->>'text' is not null");
      expect(stored.rows[0].n).toBe(2);
    } finally {
      await direct.end();
      await proxy.close();
      await storage.drop();
    }
  }, 120_000);
});

describe('starting', () => {
  it('answers /healthz 503 while the store is not open yet, then 200', async () => {
    const storage = await freshPostgresUrl();
    const proxy = await startPgProxy();
    try {
      // The database holds every byte: the start waits at opening the store.
      proxy.pause();
      const bot = track(runBot({ DATABASE_URL: proxy.wrap(storage.url), LOCAL_WEBCHAT: 'off' }, await freePort()));
      let status = 0;
      await until('the placeholder to answer', async () => {
        status = await fetch(`${bot.url}/healthz`).then((r) => r.status, () => 0);
        return status !== 0;
      });
      expect(status).toBe(503);
      const message = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(message.status).toBe(503);
      proxy.resume();
      await waitForHealthy(bot.url);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    } finally {
      await proxy.close();
      await storage.drop();
    }
  }, 120_000);
});

describe('secrets in output', () => {
  it('shows a mistyped DATABASE_URL without its password', async () => {
    const bot = runBot({ DATABASE_URL: 'postgress://clinic:s3cret-Passw0rd@db.example:5432/coach' }, 0);
    expect(await bot.exited).not.toBe(0);
    expect(bot.output()).toContain('DATABASE_URL:');
    expect(bot.output()).toContain('postgress://clinic:***@db.example:5432/coach');
    expect(bot.output()).not.toContain('s3cret-Passw0rd');
  }, 60_000);

  it('shows an unreachable DATABASE_URL without its password, also when the driver names it', async () => {
    const closed = await freePort();
    const bot = runBot({ DATABASE_URL: `postgres://clinic:s3cret-Passw0rd@127.0.0.1:${closed}/coach?password=s3cret-Passw0rd` }, await freePort());
    expect(await bot.exited).not.toBe(0);
    expect(bot.output()).toMatch(/^DATABASE_URL: cannot reach the database/);
    expect(bot.output()).not.toContain('s3cret-Passw0rd');
  }, 60_000);
});
