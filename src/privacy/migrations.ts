/**
 * The privacy tables, as steps of the one schema (ids 40-49 are privacy's). Appended to
 * src/schema.ts; a released step is never edited.
 */
export const privacyMigrations: { id: number; name: string; sql: string }[] = [
  {
    id: 40,
    name: 'privacy: anonymous erasure audit, pending confirmations, one-time export tokens',
    sql: `
      -- That an erasure happened, when and why, and how many rows went: nothing that identifies the person.
      create table privacy_erasures (
        id bigserial primary key,
        reason text not null,
        rows_deleted integer not null,
        tables_touched integer not null,
        at timestamptz not null
      );
      -- A "delete my data" waiting for its one confirmation; removed by the answer, the erasure or expiry.
      create table privacy_pending (
        conversation_id text primary key,
        action text not null,
        expires_at timestamptz not null
      );
      -- Download links for the JSON export: only a hash of the token is kept; each works once.
      create table privacy_export_tokens (
        token_hash text primary key,
        conversation_id text not null,
        expires_at timestamptz not null,
        used_at timestamptz
      );
      create index privacy_export_tokens_by_conversation on privacy_export_tokens (conversation_id);
    `,
  },
];
