import type { Sql } from './database.ts';
import { storedUrgencyRank, urgencyOrderSql } from '../vocabulary/index.ts';

export interface OutboxItem {
  id: number;
  conversationId: string;
  urgency: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/** Written in the same transaction as the conversation, so a handoff is never lost. */
export async function enqueueHandoff(sql: Sql, conversationId: string, urgency: string, payload: Record<string, unknown>, dueAt: string): Promise<number> {
  const rows = await sql.query<{ id: string }>(
    'insert into handoff_outbox (conversation_id, urgency, payload, next_attempt_at, created_at) values ($1, $2, $3, $4, $4) returning id',
    [conversationId, urgency, JSON.stringify(payload), dueAt],
  );
  return Number(rows[0]?.id);
}

/**
 * Claims due items for delivery by pushing their next attempt into the future first, so a second
 * instance (or this one after a crash) does not deliver the same item at the same time.
 */
export async function claimDueHandoffs(sql: Sql, now: Date, leaseSeconds: number, limit = 20): Promise<OutboxItem[]> {
  const rows = await sql.query<{ id: string; conversation_id: string; urgency: string; payload: Record<string, unknown>; attempts: number }>(
    `update handoff_outbox set next_attempt_at = $1::timestamptz + make_interval(secs => $2), attempts = attempts + 1
     where id in (
       select id from handoff_outbox where status = 'pending' and next_attempt_at <= $1
       order by ${urgencyOrderSql('urgency')}, id
       limit $3 for update skip locked)
     returning id, conversation_id, urgency, payload, attempts`,
    [now.toISOString(), leaseSeconds, limit],
  );
  // UPDATE ... RETURNING does not keep the sub-select's order: most urgent first, then oldest.
  return rows
    .map((row) => ({ id: Number(row.id), conversationId: row.conversation_id, urgency: row.urgency, payload: row.payload, attempts: Number(row.attempts) }))
    .sort((a, b) => storedUrgencyRank(a.urgency) - storedUrgencyRank(b.urgency) || a.id - b.id);
}

export async function markHandoffDelivered(sql: Sql, id: number, now: Date): Promise<void> {
  await sql.query("update handoff_outbox set status = 'delivered', delivered_at = $2, last_error = null where id = $1", [id, now.toISOString()]);
}

export async function markHandoffFailed(sql: Sql, id: number, error: string, retryAt: Date): Promise<void> {
  await sql.query('update handoff_outbox set last_error = $2, next_attempt_at = $3 where id = $1', [id, error.slice(0, 500), retryAt.toISOString()]);
}

export async function listHandoffs(sql: Sql, conversationId?: string): Promise<(OutboxItem & { status: string; lastError: string | null })[]> {
  const rows = await sql.query<{ id: string; conversation_id: string; urgency: string; payload: Record<string, unknown>; attempts: number; status: string; last_error: string | null }>(
    'select id, conversation_id, urgency, payload, attempts, status, last_error from handoff_outbox where $1::text is null or conversation_id = $1 order by id',
    [conversationId ?? null],
  );
  return rows.map((row) => ({ id: Number(row.id), conversationId: row.conversation_id, urgency: row.urgency, payload: row.payload, attempts: Number(row.attempts), status: row.status, lastError: row.last_error }));
}

/** Pending handoffs by urgency (count, age of the oldest in seconds), and deliveries of the last 15 minutes, for GET /metrics. */
export async function outboxFigures(sql: Sql): Promise<{ pending: { urgency: string; n: number; oldest: number | null }[]; delivered: { n: number; mean: number | null; max: number | null }[] }> {
  const [pending, delivered] = await Promise.all([
    sql.query<{ urgency: string; n: number; oldest: number | null }>(
      `select urgency, count(*)::int as n, extract(epoch from now() - min(created_at))::float8 as oldest
       from handoff_outbox where status = 'pending' group by urgency`,
    ),
    sql.query<{ n: number; mean: number | null; max: number | null }>(
      `select count(*)::int as n, avg(extract(epoch from delivered_at - created_at))::float8 as mean,
              max(extract(epoch from delivered_at - created_at))::float8 as max
       from handoff_outbox where status = 'delivered' and delivered_at > now() - interval '15 minutes'`,
    ),
  ]);
  return { pending, delivered };
}
