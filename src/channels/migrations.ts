/**
 * The web chat's tables, as steps of the one schema (ids 50-59 are the channels'). Appended to
 * src/schema.ts; a released step is never edited. Written for both engines (PGlite and
 * PostgreSQL), through the `Database` interface only.
 */
export const channelMigrations: { id: number; name: string; sql: string }[] = [
  {
    id: 50,
    name: 'web chat conversations, their tokens and history; web push subscriptions; channel secrets',
    sql: `
      -- One row per Direct Line conversation; its id is the bot's conversation id. seq is the
      -- newest activity's number (the watermark), read_seq what the person's page has polled up to.
      create table directline_conversations (
        conversation_id text primary key,
        user_id text not null,
        portal_subject text,
        seq bigint not null default 0,
        read_seq bigint not null default 0,
        created_at timestamptz not null,
        last_seen_at timestamptz not null
      );
      -- The same portal user always gets the same conversation (a hash of issuer and subject).
      create unique index directline_conversations_portal on directline_conversations (portal_subject) where portal_subject is not null;
      -- The history the page shows again after a reload, a closed tab or a restart (sealed JSON).
      create table directline_activities (
        conversation_id text not null,
        seq bigint not null,
        activity text not null,
        at timestamptz not null,
        primary key (conversation_id, seq)
      );
      -- Only hashes of tokens: 'token' is a Direct Line token (30 minutes, refreshable), 'device'
      -- the key a browser keeps to open its conversation again another day.
      create table directline_tokens (
        token_hash text primary key,
        conversation_id text not null,
        kind text not null,
        device_hash text,
        expires_at timestamptz not null,
        created_at timestamptz not null
      );
      create index directline_tokens_by_conversation on directline_tokens (conversation_id);
      create index directline_tokens_expiry on directline_tokens (expires_at);
      create table webpush_subscriptions (
        endpoint_hash text primary key,
        conversation_id text not null,
        device_hash text,
        subscription text not null,
        time_zone text not null,
        created_at timestamptz not null,
        failures integer not null default 0
      );
      create index webpush_subscriptions_by_conversation on webpush_subscriptions (conversation_id);
      -- At most one notification per person and local day: the primary key makes it so.
      create table webpush_deliveries (
        conversation_id text not null,
        local_day date not null,
        sent_at timestamptz not null,
        primary key (conversation_id, local_day)
      );
      -- Keys made on first start and shared by every instance: the connector key and the VAPID keys.
      create table channel_secrets (
        name text primary key,
        value text not null,
        created_at timestamptz not null
      )
    `,
  },
];
