import { sealFreeText, sealText } from '../privacy/freeText.ts';
import type { Sql } from './database.ts';
import type { ClinicalEvent } from './events.ts';
import type { ConversationWrite } from './conversations.ts';

/** Everything one turn writes: the snapshot (compare-and-swap), its events in order, its handoffs. */
export interface TurnWrite extends ConversationWrite {
  /** The stored version the turn was decided on; null = the conversation is not stored yet. */
  expectedVersion: number | null;
  /** In order; a `message.received` with an activity id is accepted once per conversation. */
  events: ClinicalEvent[];
  handoffs: { urgency: string; payload: Record<string, unknown>; dueAt: string }[];
}

/** written; conflict = another turn got there first (re-read, re-apply); duplicate = activity already handled. */
export type TurnWriteOutcome = 'written' | 'conflict' | 'duplicate';

/** The outcome, and when written the row's new version and birth (for the snapshot cache). */
export interface TurnWriteResult {
  outcome: TurnWriteOutcome;
  version?: number;
  born?: string;
}

// The events and handoffs of the turn, inserted only when the swap happened (they select from it).
const TAIL = (events: string, handoffs: string) => `,
  events as (
    insert into clinical_events (conversation_id, type, data, activity_id, at)
    select swap.id, e.value->>'type', e.value->'data', e.value->>'activityId', (e.value->>'at')::timestamptz
    from swap, jsonb_array_elements(${events}::jsonb) with ordinality as e(value, n) order by e.n
    returning id),
  outbox as (
    insert into handoff_outbox (conversation_id, urgency, payload, next_attempt_at, created_at)
    select swap.id, h.value->>'urgency', h.value->'payload', (h.value->>'dueAt')::timestamptz, (h.value->>'dueAt')::timestamptz
    from swap, jsonb_array_elements(${handoffs}::jsonb) with ordinality as h(value, n) order by h.n
    returning id)
  select count(*)::int as swapped, max(swap.version)::int as version, max(swap.born) as born from swap`;

const INSERT = `with swap as (
    insert into conversations (id, machine_version, state, version, reference, channel_id, user_id, tenant_id)
    values ($1, $2, $3, 1, $4, $5, $6, $7) on conflict (id) do nothing returning id, version, created_at::text as born)${TAIL('$8', '$9')}`;

// $11: the row's birth when the turn decided on a cached snapshot (src/store/snapshotCache.ts), else null.
const UPDATE = `with swap as (
    update conversations set machine_version = $2, state = $3, version = version + 1, reference = $4,
      channel_id = coalesce($5, channel_id), user_id = coalesce($6, user_id), tenant_id = coalesce($7, tenant_id), updated_at = now()
    where id = $1 and version = $10 and ($11::text is null or created_at = $11::timestamptz) returning id, version, created_at::text as born)${TAIL('$8', '$9')}`;

/**
 * A turn's whole write as one statement, so one round trip instead of begin, update, inserts and
 * commit: a single statement is atomic on its own. The snapshot is swapped only if the stored
 * version is still the expected one; the events and handoffs are inserted only if it was. An inbound
 * activity seen before violates the unique index on (conversation, activity) and the whole
 * statement is undone: the turn is a redelivery.
 */
export async function saveTurn(sql: Sql, write: TurnWrite): Promise<TurnWriteOutcome> {
  return (await writeTurn(sql, write)).outcome;
}

/** saveTurn, also telling the new version and the row's birth. `born` (optional) must match the row's. */
export async function writeTurn(sql: Sql, write: TurnWrite & { born?: string }): Promise<TurnWriteResult> {
  const state = JSON.stringify({ value: write.conversation.value, context: write.conversation.context, recent: (write.conversation.recent ?? []).map((text) => sealText(sql, text)) });
  const events = JSON.stringify(write.events.map((event) => ({ type: event.type, data: sealFreeText(sql, event.data), activityId: event.activityId ?? null, at: event.at })));
  const handoffs = JSON.stringify(write.handoffs);
  const params: unknown[] = [write.id, write.conversation.machineVersion, state, JSON.stringify(write.reference ?? null), write.channelId ?? null, write.userId ?? null, write.tenantId ?? null, events, handoffs];
  try {
    const rows = await sql.query<{ swapped: number; version: number | null; born: string | null }>(
      write.expectedVersion === null ? INSERT : UPDATE,
      write.expectedVersion === null ? params : [...params, write.expectedVersion, write.born ?? null],
    );
    const row = rows[0];
    return Number(row?.swapped) === 1 ? { outcome: 'written', version: Number(row!.version), born: row!.born ?? undefined } : { outcome: 'conflict' };
  } catch (error) {
    if (isDuplicateActivity(error)) return { outcome: 'duplicate' };
    throw error;
  }
}

function isDuplicateActivity(error: unknown): boolean {
  const { code, constraint, message } = error as { code?: string; constraint?: string; message?: string };
  return code === '23505' && (constraint === 'clinical_events_inbound_once' || /clinical_events_inbound_once/.test(message ?? ''));
}

/**
 * Whether the message with this activity id was stored. Used after a write whose answer was lost
 * (the connection dropped after the commit): the turn may have landed although the call failed.
 */
export async function messageStored(sql: Sql, conversationId: string, activityId: string): Promise<boolean> {
  const rows = await sql.query(
    "select 1 from clinical_events where conversation_id = $1 and activity_id = $2 and type = 'message.received' limit 1",
    [conversationId, activityId],
  );
  return rows.length > 0;
}
