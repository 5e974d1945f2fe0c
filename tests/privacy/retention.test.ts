import { describe, expect, it } from 'vitest';
import { Person } from '../helpers/botClient.ts';
import { onboard } from '../helpers/onboarding.ts';
import { botForSuite } from '../helpers/suiteBot.ts';

const DAY = 86_400_000;

describe.each(['pglite', 'postgres'] as const)('retention (%s)', (engine) => {
  let clock = new Date('2026-01-05T09:00:00Z').getTime();
  const bot = botForSuite(engine, { RETENTION_DAYS: '30' }, () => new Date(clock));

  it('erases people silent for longer than RETENTION_DAYS, keeps the others, and records each erasure anonymously', async () => {
    const db = bot.app.db;
    const quiet = new Person(bot.url);
    const active = new Person(bot.url);
    await onboard(quiet);
    await onboard(active);
    clock += 25 * DAY;
    await active.say('my pain is 3 today');
    const link = await quiet.say('export my data'); // does not count as clinical contact…
    expect(link.length).toBeGreaterThan(0);

    clock += 6 * DAY; // 31 days after the quiet person's onboarding, 6 after the active person's message
    await bot.app.privacy.runRetention();
    const left = async (id: string) => (await db.query('select 1 from conversations where id = $1 union all select 1 from clinical_events where conversation_id = $1', [id])).length;
    expect(await left(quiet.conversationId)).toBe(0);
    expect(await left(active.conversationId)).toBeGreaterThan(10);
    // …and its one-time link went with it.
    expect(await db.query('select 1 from privacy_export_tokens where conversation_id = $1', [quiet.conversationId])).toHaveLength(0);
    const audit = await db.query<{ reason: string }>('select reason from privacy_erasures');
    expect(audit).toEqual([{ reason: 'retention' }]);

    // Nothing more to do on a second run; the active person goes once their 30 days pass.
    await bot.app.privacy.runRetention();
    expect(await db.query('select 1 from privacy_erasures')).toHaveLength(1);
    clock += 25 * DAY;
    await bot.app.privacy.runRetention();
    expect(await left(active.conversationId)).toBe(0);
    expect(await db.query('select 1 from privacy_erasures')).toHaveLength(2);
  });
});
