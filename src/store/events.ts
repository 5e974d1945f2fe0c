import type { Sql } from './database.ts';
import { openFreeText, sealFreeText } from '../privacy/freeText.ts';

/** The append-only clinical log: the source for progress, audit and the clinician summary. */
export interface ClinicalEvent {
  type: string;
  data: Record<string, unknown>;
  at: string;
  activityId?: string;
}

export interface StoredEvent extends ClinicalEvent {
  id: number;
  conversationId: string;
}

/** Appends events in order. Returns false if the inbound activity was already handled (a redelivery). */
export async function appendEvents(sql: Sql, conversationId: string, events: ClinicalEvent[]): Promise<boolean> {
  if (events.length === 0) return true;
  const values: unknown[] = [];
  const rows = events.map((event, index) => {
    values.push(conversationId, event.type, JSON.stringify(sealFreeText(sql, event.data)), event.activityId ?? null, event.at);
    const base = index * 5;
    return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5})`;
  });
  const inserted = await sql.query(
    `insert into clinical_events (conversation_id, type, data, activity_id, at) values ${rows.join(', ')}
     on conflict do nothing returning id`,
    values,
  );
  return inserted.length === events.length;
}

export async function listEvents(sql: Sql, conversationId: string, options: { types?: string[]; limit?: number } = {}): Promise<StoredEvent[]> {
  const rows = await sql.query<{ id: string; conversation_id: string; type: string; data: Record<string, unknown>; activity_id: string | null; at: Date | string }>(
    `select id, conversation_id, type, data, activity_id, at from clinical_events
     where conversation_id = $1 and ($2::text[] is null or type = any($2::text[]))
     order by id desc limit $3`,
    [conversationId, options.types ?? null, options.limit ?? 1000],
  );
  return rows.reverse().map((row) => ({
    id: Number(row.id),
    conversationId: row.conversation_id,
    type: row.type,
    data: openFreeText(sql, row.data),
    activityId: row.activity_id ?? undefined,
    at: new Date(row.at).toISOString(),
  }));
}

/** Whether the conversation's log holds an event of this type. */
export async function hasEvent(sql: Sql, conversationId: string, type: string): Promise<boolean> {
  return (await sql.query('select 1 from clinical_events where conversation_id = $1 and type = $2 limit 1', [conversationId, type])).length > 0;
}

/** Did the person write anything after `since`? (uses clinical_events_by_type) */
export async function wroteSince(sql: Sql, conversationId: string, since: Date): Promise<boolean> {
  const rows = await sql.query(
    "select 1 from clinical_events where conversation_id = $1 and type = 'message.received' and at > $2 limit 1",
    [conversationId, since.toISOString()],
  );
  return rows.length > 0;
}
