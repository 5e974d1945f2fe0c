/**
 * The per-tenant limit across instances. With DATABASE_URL several instances send for the same
 * tenant; a limiter in each process's memory would let two instances send twice the tenant's
 * limit and learn of it only from the 429s. Here every slot is reserved in one database row per
 * tenant, spaced on the database's clock, so all instances together stay under the limit, and a
 * Retry-After seen by one instance pauses the tenant for all of them. As in SpacingLimiter, a
 * sender a little late keeps the schedule (half a slot at most).
 *
 * Keys are stored as hashes: a key can be `conversation:<id>` when the channel gives no tenant,
 * and this table is not part of a person's record.
 */
import { createHash } from 'node:crypto';
import type { Sql } from '../store/database.ts';
import { systemClock, type Clock, type RateLimiter } from './limiter.ts';

interface Known {
  /** Local clock time (ms) when the key's next slot or pause ends, as of this instance's last reservation. */
  until: number;
}

const hashOf = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 32);

export class SharedSpacingLimiter implements RateLimiter {
  private readonly spacing: number;
  private readonly known = new Map<string, Known>();
  private reservations = 0;

  constructor(
    private readonly sql: Sql,
    readonly perSecond: number,
    private readonly clock: Clock = systemClock,
    headroom = 0.96,
  ) {
    this.spacing = 1000 / (perSecond * headroom);
  }

  /** From this instance's last reservation; a pause set elsewhere shows up in the next `reserve`. */
  peek(key: string): number {
    const known = this.known.get(key);
    return known ? Math.max(0, known.until - this.clock.now()) : 0;
  }

  async reserve(key: string): Promise<number> {
    if (++this.reservations % 5000 === 0) await this.forgetIdle();
    const rows = await this.sql.query<{ wait_ms: number | string; until_ms: number | string }>(
      `insert into send_rate_slots as s (key_hash, next_at) values ($1, clock_timestamp() + $2 * interval '1 millisecond')
       on conflict (key_hash) do update set next_at = greatest(s.paused_until,
         case when s.next_at >= clock_timestamp() - $2 * interval '1 millisecond'
           then greatest(s.next_at, clock_timestamp() - $2 * interval '0.5 millisecond') else clock_timestamp() end) + $2 * interval '1 millisecond'
       returning greatest(0, extract(epoch from (s.next_at - clock_timestamp())) * 1000 - $2) as wait_ms,
         greatest(0, extract(epoch from (greatest(s.next_at, s.paused_until) - clock_timestamp())) * 1000) as until_ms`,
      [hashOf(key), this.spacing],
    );
    const row = rows[0]!;
    this.known.set(key, { until: this.clock.now() + Number(row.until_ms) });
    return Number(row.wait_ms);
  }

  async pause(key: string, ms: number): Promise<void> {
    await this.sql.query(
      `insert into send_rate_slots as s (key_hash, next_at, paused_until) values ($1, clock_timestamp(), clock_timestamp() + $2 * interval '1 millisecond')
       on conflict (key_hash) do update set paused_until = greatest(s.paused_until, clock_timestamp() + $2 * interval '1 millisecond')`,
      [hashOf(key), ms],
    );
    const known = this.known.get(key);
    this.known.set(key, { until: Math.max(known?.until ?? 0, this.clock.now() + ms) });
  }

  prune(): void {
    const now = this.clock.now();
    for (const [key, known] of this.known) if (known.until < now - 5000) this.known.delete(key);
  }

  /** Rows of keys not used for an hour (e.g. per-conversation keys) are removed. */
  private async forgetIdle(): Promise<void> {
    await this.sql.query(`delete from send_rate_slots where greatest(next_at, paused_until) < clock_timestamp() - interval '1 hour'`);
  }
}
