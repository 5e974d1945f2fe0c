import type { Database } from './database.ts';

/**
 * One step of the schema, for both engines. A step is never edited once released: a change is a
 * new step, so every store reaches the same shape. Each part declares its own steps in an id range
 * of its own (src/schema.ts lists them).
 */
export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/** The conversation's own tables: the store's, ids 1-9. */
export const storeMigrations: Migration[] = [
  {
    id: 1,
    name: 'conversations, clinical events, handoff outbox',
    sql: `
      create table conversations (
        id text primary key,
        machine_version integer not null,
        state jsonb not null,
        version bigint not null,
        reference jsonb,
        channel_id text,
        user_id text,
        tenant_id text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create table clinical_events (
        id bigserial primary key,
        conversation_id text not null,
        type text not null,
        data jsonb not null,
        activity_id text,
        at timestamptz not null
      );
      create index clinical_events_by_conversation on clinical_events (conversation_id, id);
      create index clinical_events_by_type on clinical_events (conversation_id, type, id);
      -- One inbound activity is handled once, even if a channel delivers it twice.
      create unique index clinical_events_inbound_once on clinical_events (conversation_id, activity_id)
        where type = 'message.received' and activity_id is not null;
      create table handoff_outbox (
        id bigserial primary key,
        conversation_id text not null,
        urgency text not null,
        payload jsonb not null,
        status text not null default 'pending',
        attempts integer not null default 0,
        next_attempt_at timestamptz not null default now(),
        last_error text,
        created_at timestamptz not null default now(),
        delivered_at timestamptz
      );
      create index handoff_outbox_due on handoff_outbox (next_attempt_at) where status = 'pending';
    `,
  },
];

/** Brings the schema up to date with `steps`; safe when several instances start at once on one PostgreSQL. */
export async function migrate(db: Database, steps: Migration[]): Promise<void> {
  await db.transaction(async (tx) => {
    if (db.engine === 'postgres') await tx.query('select pg_advisory_xact_lock(724001)');
    await tx.query('create table if not exists schema_migrations (id integer primary key, name text not null, applied_at timestamptz not null default now())');
    const applied = new Set((await tx.query<{ id: number }>('select id from schema_migrations')).map((row) => Number(row.id)));
    for (const migration of steps) {
      if (applied.has(migration.id)) continue;
      for (const statement of migration.sql.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) await tx.query(statement);
      await tx.query('insert into schema_migrations (id, name) values ($1, $2)', [migration.id, migration.name]);
    }
  });
}
