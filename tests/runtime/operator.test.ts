import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { handoffs, Person } from '../helpers/botClient.ts';
import { freshDataDir } from '../helpers/databases.ts';
import { freePort, projectRoot, runBot, waitForHealthy } from '../helpers/process.ts';
import { botForSuite } from '../helpers/suiteBot.ts';

const TOKEN = 'operator-token-for-tests-0123456789';
const run = promisify(execFile);

/** One series' value from Prometheus text, by name and labels as written (`tier="emergency"`). */
function value(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(labels ? `${name}{${labels}}` : `${name} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('GET /metrics (operator)', () => {
  const bot = botForSuite('pglite', { OPERATOR_TOKEN: TOKEN });

  it('answers 401 without the operator token, or with a wrong one, and shows nothing', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer not-the-operator-token-at-all' }, { authorization: TOKEN }];
    for (const headers of attempts) {
      const response = await fetch(`${bot.url}/metrics`, { headers });
      expect(response.status).toBe(401);
      expect(await response.text()).not.toMatch(/disc_coach_/);
    }
  });

  it('reports turns, their latency, warning signs by tier, pending handoffs and the oldest one, check-ins and store errors', async () => {
    const person = new Person(bot.url);
    await person.say('hi');
    const referral = await person.say("I can't feel anything when I wipe and I wet myself today");
    expect(handoffs(referral)).toHaveLength(1);

    const response = await fetch(`${bot.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(value(text, 'disc_coach_turns_total', 'kind="message"')).toBe(2);
    expect(value(text, 'disc_coach_turn_duration_seconds_count', 'kind="message"')).toBe(2);
    expect(text).toMatch(/^disc_coach_turn_duration_seconds_bucket\{le="0\.1",kind="message"\} \d+$/m);
    expect(value(text, 'disc_coach_warning_signs_total', 'tier="emergency"')).toBe(1);
    expect(value(text, 'disc_coach_warning_signs_total', 'tier="urgent"')).toBe(0);
    // No webhook is configured here, so the handoff waits in the outbox.
    expect(value(text, 'disc_coach_handoffs_pending', 'urgency="emergency"')).toBe(1);
    expect(value(text, 'disc_coach_handoffs_pending_oldest_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(text).toMatch(/^# TYPE disc_coach_checkin_sends gauge$/m);
    expect(text).toMatch(/^disc_coach_webhook_delivery_lag_seconds\{stat="max"\} /m);
    expect(value(text, 'disc_coach_store_errors_total', 'kind="unavailable"')).toBe(0);
    expect(text).toMatch(/^disc_coach_process_resident_memory_bytes \d+/m);
  });
});

describe('operator commands while the bot owns the embedded store', () => {
  it('npm run checkins goes through the running bot with OPERATOR_TOKEN, and says what to do without it', async () => {
    const data = freshDataDir();
    const bot = runBot({ DATA_DIR: data.dir, OPERATOR_TOKEN: TOKEN }, await freePort());
    try {
      await waitForHealthy(bot.url);
      const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: data.dir, LOG_LEVEL: 'warn' };
      const through = await run(process.execPath, ['dist/scripts/checkins.js', '--due-now'], { cwd: projectRoot, env: { ...env, OPERATOR_TOKEN: TOKEN } });
      expect(through.stdout).toMatch(/^now .*; next 0 due:/m);
      expect(through.stdout).toMatch(/^stopped schedules: 0; sends by status/m);

      const refused = await run(process.execPath, ['dist/scripts/checkins.js', '--due-now'], { cwd: projectRoot, env }).catch((error: { code: number; stderr: string }) => error);
      expect((refused as { code: number }).code).toBe(1);
      const lines = (refused as { stderr: string }).stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`the bot (pid ${bot.child.pid}, ${bot.url}) is running on DATA_DIR ${data.dir}`);
      expect(lines[0]).toContain('set OPERATOR_TOKEN');
    } finally {
      bot.child.kill('SIGTERM');
      await bot.exited;
      data.remove();
    }
  }, 120_000);
});
