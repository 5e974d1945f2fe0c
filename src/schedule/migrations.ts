/**
 * The check-in tables, as steps of the one schema (ids 10-19 are the schedule's). Appended to
 * src/schema.ts; a released step is never edited.
 */
export const scheduleMigrations: { id: number; name: string; sql: string }[] = [
  {
    id: 10,
    name: 'check-in schedules and sends',
    sql: `
      create table checkin_schedules (
        conversation_id text primary key,
        tenant_id text,
        local_time text not null,
        time_zone text not null,
        zone_guessed boolean not null default false,
        paused_until date,
        stopped_at timestamptz,
        stop_reason text,
        next_due_at timestamptz,
        last_sent_day date,
        missed_streak integer not null default 0,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      -- The per-minute work reads only people who are due: a range scan on this index.
      create index checkin_schedules_due on checkin_schedules (next_due_at) where next_due_at is not null;
      -- One row per person, local day and kind: the primary key is what makes a check-in happen at most once.
      create table checkin_sends (
        conversation_id text not null,
        local_day date not null,
        kind text not null,
        tenant_id text,
        due_at timestamptz not null,
        status text not null,
        attempts integer not null default 0,
        requeue_at timestamptz,
        lease_until timestamptz,
        payload jsonb,
        delivered integer not null default 0,
        missed_days integer,
        sent_at timestamptz,
        reminder_due_at timestamptz,
        last_error text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (conversation_id, local_day, kind)
      );
      create index checkin_sends_unfinished on checkin_sends (requeue_at) where status in ('queued', 'sending');
      create index checkin_sends_reminders on checkin_sends (reminder_due_at) where reminder_due_at is not null;
    `,
  },
  {
    id: 11,
    name: 'send rate per tenant, shared by instances',
    sql: `
      -- One row per tenant (hashed key): the next free send slot and any Retry-After pause, so that
      -- several instances on one PostgreSQL stay under the channel's per-tenant limit together.
      create table send_rate_slots (
        key_hash text primary key,
        next_at timestamptz not null,
        paused_until timestamptz not null default '-infinity'
      );
    `,
  },
];
