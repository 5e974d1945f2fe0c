import { mkdtempSync, rmSync, cpSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allText, Person } from '../helpers/botClient.ts';
import { freePort, projectRoot, runBot, waitForHealthy } from '../helpers/process.ts';

describe('the bot as a process (npm start)', () => {
  it('continues the same conversation at the same question after kill -9 and a restart on the same DATA_DIR', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'disc-coach-restart-'));
    const port = await freePort();
    try {
      const first = runBot({ DATA_DIR: dataDir }, port);
      await waitForHealthy(first.url);
      const person = new Person(first.url);
      await person.say('hi');
      await person.say('yes');
      const asked = await person.say('lower back');
      expect(allText(asked)).toMatch(/0 \(no pain\) to 10/);
      first.child.kill('SIGKILL');
      await first.exited;

      const second = runBot({ DATA_DIR: dataDir }, port);
      await waitForHealthy(second.url);
      const samePerson = new Person(second.url, person.id, person.conversationId);
      const next = await samePerson.say('7');
      expect(allText(next)).toMatch(/how far/i);
      second.child.kill('SIGTERM');
      await second.exited;
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('exits non-zero with one line naming each bad variable', async () => {
    const bot = runBot({ PORT: 'abc', DATABASE_URL: 'mysql://nope' }, 0);
    // PORT from runBot's own argument is overridden by env above.
    const code = await bot.exited;
    expect(code).not.toBe(0);
    const lines = bot.output().trim().split('\n');
    expect(lines.some((l) => l.startsWith('PORT:'))).toBe(true);
    expect(lines.some((l) => l.startsWith('DATABASE_URL:'))).toBe(true);
  }, 60_000);

  it('exits non-zero with one clear line when the database is unreachable at start', async () => {
    const port = await freePort();
    const closed = await freePort();
    const bot = runBot({ DATABASE_URL: `postgres://postgres@127.0.0.1:${closed}/test` }, port);
    const code = await bot.exited;
    expect(code).not.toBe(0);
    const lines = bot.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^DATABASE_URL: cannot reach the database/);
  }, 60_000);

  it('refuses to start on invalid content, naming the file and the field', async () => {
    const contentDir = mkdtempSync(join(tmpdir(), 'disc-coach-content-'));
    try {
      cpSync(join(projectRoot, 'content'), contentDir, { recursive: true });
      const file = join(contentDir, 'questions.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('  text: "Which part of your spine hurts most?"\n', ''));
      const bot = runBot({ CONTENT_DIR: contentDir, DATA_DIR: join(contentDir, 'data') }, await freePort());
      const code = await bot.exited;
      expect(code).not.toBe(0);
      expect(bot.output()).toMatch(/questions\.yaml: region\.text/);
    } finally {
      rmSync(contentDir, { recursive: true, force: true });
    }
  }, 60_000);
});
