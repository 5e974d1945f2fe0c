import type { StoredConversation } from '../../dialogs/step.ts';
import type { Sql } from './database.ts';
import { openText, sealText } from '../privacy/freeText.ts';

export interface ConversationRow {
  conversation: StoredConversation;
  version: number;
  reference: unknown;
}

export async function readConversation(sql: Sql, id: string): Promise<ConversationRow | null> {
  const rows = await sql.query<{ machine_version: number; state: { value: unknown; context: StoredConversation['context']; recent?: string[] }; version: string | number; reference: unknown }>(
    'select machine_version, state, version, reference from conversations where id = $1',
    [id],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    conversation: { machineVersion: Number(row.machine_version), value: row.state.value, context: row.state.context, recent: row.state.recent?.map((text) => openText(sql, text)) },
    version: Number(row.version),
    reference: row.reference,
  };
}

export interface ConversationWrite {
  id: string;
  conversation: StoredConversation;
  reference: unknown;
  channelId?: string;
  userId?: string;
  tenantId?: string;
}

/**
 * Compare-and-swap: writes only if the stored version is still `expectedVersion` (null = not stored yet).
 * Returns false when another turn got there first; the caller re-reads and re-applies its event.
 */
export async function writeConversation(sql: Sql, write: ConversationWrite, expectedVersion: number | null): Promise<boolean> {
  const state = JSON.stringify({ value: write.conversation.value, context: write.conversation.context, recent: (write.conversation.recent ?? []).map((text) => sealText(sql, text)) });
  const reference = JSON.stringify(write.reference ?? null);
  if (expectedVersion === null) {
    const rows = await sql.query(
      `insert into conversations (id, machine_version, state, version, reference, channel_id, user_id, tenant_id)
       values ($1, $2, $3, 1, $4, $5, $6, $7) on conflict (id) do nothing returning id`,
      [write.id, write.conversation.machineVersion, state, reference, write.channelId ?? null, write.userId ?? null, write.tenantId ?? null],
    );
    return rows.length === 1;
  }
  const rows = await sql.query(
    `update conversations set machine_version = $2, state = $3, version = version + 1, reference = $4,
       channel_id = coalesce($5, channel_id), user_id = coalesce($6, user_id), tenant_id = coalesce($7, tenant_id), updated_at = now()
     where id = $1 and version = $8 returning id`,
    [write.id, write.conversation.machineVersion, state, reference, write.channelId ?? null, write.userId ?? null, write.tenantId ?? null, expectedVersion],
  );
  return rows.length === 1;
}

/** The conversation's stored reference (where a proactive message goes), or null. */
export async function referenceOf(sql: Sql, id: string): Promise<unknown> {
  const rows = await sql.query<{ reference: unknown }>('select reference from conversations where id = $1', [id]);
  return rows[0]?.reference ?? null;
}

/** Whether the conversation exists, and the tenant it was last seen in. */
export async function tenantOf(sql: Sql, id: string): Promise<{ found: boolean; tenantId: string | null }> {
  const rows = await sql.query<{ tenant_id: string | null }>('select tenant_id from conversations where id = $1', [id]);
  return { found: rows.length > 0, tenantId: rows[0]?.tenant_id ?? null };
}

/** The channel and the channel's user id of a conversation. */
export async function identityOf(sql: Sql, id: string): Promise<{ channel_id: string | null; user_id: string | null } | undefined> {
  const [ids] = await sql.query<{ channel_id: string | null; user_id: string | null }>('select channel_id, user_id from conversations where id = $1', [id]);
  return ids;
}

/** The person's display name as their channel (or the clinic's portal) gave it, if any. */
export async function personNameOf(sql: Sql, conversationId: string): Promise<string | null> {
  const [row] = await sql.query<{ name: string | null }>(`select reference->'user'->>'name' as name from conversations where id = $1`, [conversationId]);
  return row?.name?.trim() ? row.name.trim().slice(0, 80) : null;
}

/**
 * Points the stored references of a channel's conversations that go through `/<path>/…` at
 * `prefix` (the web chat's connector address of this process).
 */
export async function adoptConnectorAddress(sql: Sql, prefix: string): Promise<void> {
  await sql.query(
    `update conversations set reference = jsonb_set(reference, '{serviceUrl}', to_jsonb($1 || substring(reference->>'serviceUrl' from '/directline/connector/(.*)$')))
     where channel_id = 'directline' and reference->>'serviceUrl' like '%/directline/connector/%' and reference->>'serviceUrl' not like $1 || '%'`,
    [prefix],
  );
}
