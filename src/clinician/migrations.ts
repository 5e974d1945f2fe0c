/**
 * The clinician side's tables, as steps of the one schema (ids 30-39 are the clinician side's).
 * Appended to src/schema.ts; a released step is never edited.
 */
export const clinicianMigrations: { id: number; name: string; sql: string }[] = [
  {
    id: 30,
    name: 'clinician cases, care-team channels, notices, audit log, pairing codes',
    sql: `
      create table clinician_cases (
        id bigserial primary key,
        conversation_id text not null,
        urgency text not null,
        reasons jsonb not null,
        region text not null,
        summary text not null,
        status text not null default 'open',
        version integer not null default 1,
        clinician text,
        accepted_at timestamptz,
        outcome text,
        closed_at timestamptz,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        reminders integer not null default 0,
        next_check_at timestamptz,
        escalated_at timestamptz
      );
      create unique index clinician_cases_one_live on clinician_cases (conversation_id) where status <> 'closed';
      create index clinician_cases_due on clinician_cases (next_check_at) where status = 'open';
      create table clinician_case_handoffs (
        handoff_id bigint primary key,
        case_id bigint not null,
        at timestamptz not null
      );
      create table care_team_channels (
        conversation_id text primary key,
        reference jsonb not null,
        added_by text,
        added_at timestamptz not null,
        active boolean not null default true
      );
      create table clinician_notices (
        id bigserial primary key,
        case_id bigint not null,
        kind text not null,
        target text not null,
        payload jsonb not null,
        status text not null default 'pending',
        attempts integer not null default 0,
        next_attempt_at timestamptz not null,
        last_error text,
        created_at timestamptz not null,
        sent_at timestamptz
      );
      create index clinician_notices_due on clinician_notices (next_attempt_at) where status = 'pending';
      create table clinician_audit (
        id bigserial primary key,
        at timestamptz not null,
        actor text not null,
        action text not null,
        case_id bigint,
        conversation_id text,
        detail jsonb not null default '{}'::jsonb
      );
      create index clinician_audit_by_case on clinician_audit (case_id, id);
      create table clinician_pairing_codes (
        code text primary key,
        created_by text not null,
        expires_at timestamptz not null,
        used_at timestamptz
      )
    `,
  },
  {
    id: 31,
    name: 'clinician sign-in: server-side sessions, sign-in requests, one-time links, the session key; who acted in the audit; posted Teams cards',
    sql: `
      -- A signed-in clinician. The cookie carries a random id; only its SHA-256 is stored, so a copy
      -- of the database holds no usable session. Ended by signing out (ended_at) or by expiry.
      create table clinician_sessions (
        id_hash text primary key,
        method text not null,
        subject text,
        name text not null,
        email text,
        issuer text,
        csrf text not null,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        ended_at timestamptz
      );
      create index clinician_sessions_expiry on clinician_sessions (expires_at);
      -- An OpenID Connect sign-in under way: PKCE verifier, state and nonce, bound to the browser
      -- that started it (the hash of its cookie), used once.
      create table clinician_auth_requests (
        id_hash text primary key,
        state text not null,
        code_verifier text not null,
        nonce text not null,
        return_to text not null,
        expires_at timestamptz not null
      );
      -- One-time sign-in links printed at start in local mode.
      create table clinician_login_links (
        token_hash text primary key,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        used_at timestamptz
      );
      -- Keys the clinician side keeps for itself (the session cookie's signing key), shared by instances.
      create table clinician_keys (
        name text primary key,
        value text not null,
        created_at timestamptz not null
      );
      -- How the actor of an audit entry was known: oidc (the provider's subject), shared-key
      -- (CLINICIAN_TOKEN: anyone holding it, the name is as typed), one-time-link, teams, system.
      alter table clinician_audit add column actor_method text;
      alter table clinician_audit add column actor_id text;
      -- Who closed a case (the one who accepted it, or whoever closed it without accepting).
      alter table clinician_cases add column closed_by text;
      -- Each handoff card posted to a care-team channel, so it can be updated in place.
      create table clinician_card_posts (
        id bigserial primary key,
        case_id bigint not null,
        target text not null,
        activity_id text not null,
        kind text not null,
        posted_at timestamptz not null
      );
      create index clinician_card_posts_by_case on clinician_card_posts (case_id)
    `,
  },
];
