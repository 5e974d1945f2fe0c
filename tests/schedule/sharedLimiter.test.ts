import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundActivity } from '../../src/ports/messaging.ts';
import type { ProactiveChannel } from '../../src/proactive/channel.ts';
import { SpacingLimiter, systemClock } from '../../src/proactive/limiter.ts';
import { ProactiveSender, teamsLimits } from '../../src/proactive/sender.ts';
import { SharedSpacingLimiter } from '../../src/proactive/sharedLimiter.ts';
import type { Database } from '../../src/store/database.ts';
import { openDatabase } from '../../src/store/open.ts';
import { engines } from '../helpers/databases.ts';

const PER_TENANT = 50;
const HEADROOM = 0.96;
const SPACING = 1000 / (PER_TENANT * HEADROOM);

/** Reserves `n` slots for one tenant, alternating between the limiters; returns when each slot is, from the start. */
async function reserveAlternately(limiters: { reserve(key: string): number | Promise<number> }[], key: string, n: number): Promise<number[]> {
  const started = Date.now();
  const slots: number[] = [];
  await Promise.all(
    limiters.map(async (limiter, index) => {
      for (let i = index; i < n; i += limiters.length) {
        const wait = await limiter.reserve(key);
        slots.push(Date.now() - started + wait);
      }
    }),
  );
  return slots.sort((a, b) => a - b);
}

describe('the tenant limit shared by two instances on one PostgreSQL', () => {
  let first: Database;
  let second: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const opened = await engines.find((engine) => engine.name === 'postgres')!.open();
    first = opened.db;
    dispose = opened.dispose;
    second = await openDatabase({ databaseUrl: opened.databaseUrl, dataDir: '' });
  });
  afterAll(async () => {
    await second.close();
    await dispose();
  });

  it('two instances together get no more than one tenant slot per spacing, where separate limiters would double the rate', async () => {
    const a = new SharedSpacingLimiter(first, PER_TENANT, undefined, HEADROOM);
    const b = new SharedSpacingLimiter(second, PER_TENANT, undefined, HEADROOM);
    const shared = await reserveAlternately([a, b], 'tenant-contoso', 200);
    // 200 slots at 48 a second: the last one is about 199 spacings (4.1 s) after the first.
    expect(shared.at(-1)! - shared[0]!).toBeGreaterThan(199 * SPACING * 0.95);

    // The same reservations from two per-process limiters end in about half the time: the
    // connector would answer 429 to the excess.
    const separate = await reserveAlternately([new SpacingLimiter(PER_TENANT, undefined, HEADROOM), new SpacingLimiter(PER_TENANT, undefined, HEADROOM)], 'tenant-contoso', 200);
    expect(separate.at(-1)! - separate[0]!).toBeLessThan(100 * SPACING * 1.2);
  });

  it("a Retry-After one instance received holds the tenant back on the other, and not other tenants", async () => {
    const a = new SharedSpacingLimiter(first, PER_TENANT, undefined, HEADROOM);
    const b = new SharedSpacingLimiter(second, PER_TENANT, undefined, HEADROOM);
    await a.pause('tenant-fabrikam', 3000);
    expect(a.peek('tenant-fabrikam')).toBeGreaterThan(2500);
    expect(b.peek('tenant-fabrikam')).toBe(0); // b has not asked yet
    const wait = await b.reserve('tenant-fabrikam');
    expect(wait).toBeGreaterThan(2500);
    expect(wait).toBeLessThanOrEqual(3000 + SPACING);
    expect(b.peek('tenant-fabrikam')).toBeGreaterThan(2500);
    expect(await b.reserve('tenant-northwind')).toBe(0);
  });

  it("a send on the other instance is handed back to the queue instead of posting into the pause", async () => {
    const posted: OutboundActivity[] = [];
    const channel: ProactiveChannel = { withConversation: (reference, fn) => fn({ reference, post: async (activity) => void posted.push(activity), update: async () => {} }) };
    await new SharedSpacingLimiter(first, PER_TENANT, undefined, HEADROOM).pause('tenant-litware', 20_000);
    const other = new ProactiveSender(channel, teamsLimits, systemClock, Math.random, new SharedSpacingLimiter(second, PER_TENANT, systemClock, HEADROOM));
    const result = await other.deliver({
      reference: {}, tenantKey: 'tenant-litware', conversationKey: 'c1', delivered: 0, attempts: 0,
      activities: async () => [{ type: 'message', text: 'Good morning' }],
    });
    expect(result.outcome).toBe('retry');
    expect(result.outcome === 'retry' && result.delayMs).toBeGreaterThan(15_000);
    expect(posted).toEqual([]);
  });

  it('stores tenants only as hashes', async () => {
    const a = new SharedSpacingLimiter(first, PER_TENANT, undefined, HEADROOM);
    await a.reserve('conversation:a-persons-conversation-id');
    const rows = await first.query<{ key_hash: string }>('select key_hash from send_rate_slots');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.key_hash.includes('conversation'))).toBe(false);
  });
});
