/**
 * Where a person's data lives: every table of the schema is listed here, either with the rule that
 * selects one person's rows (erased on request or by retention, exported on request) or as holding
 * nothing personal. tests/privacy/erasure.test.ts reads the database catalogue and fails when a
 * table is in neither list, so a new table cannot quietly escape erasure.
 */

export interface PersonalTable {
  table: string;
  /** A condition on the table's rows; `$1` is the person's conversation ids (text[]). */
  where: string;
  /** Shown in the export under this name (the table name when absent). */
  exportAs?: string;
  /** The columns the JSON export shows (all when absent): e.g. not token hashes. */
  exportColumns?: string;
  /**
   * Instead of deleting, blank what points at the person (an UPDATE … SET clause): for records a
   * clinic must keep about its own staff's actions, such as the clinician audit log.
   */
  anonymise?: string;
}

const casesOf = 'select id from clinician_cases where conversation_id = any($1::text[])';

/** In order: rows that point at another personal row come before it. */
export const personalTables: PersonalTable[] = [
  // Clinician side (src/clinician/): what points at a case or a handoff first, then the cases.
  {
    table: 'clinician_audit',
    where: `conversation_id = any($1::text[]) or case_id in (${casesOf})`,
    anonymise: `conversation_id = null, case_id = null, detail = '{"erased": true}'::jsonb`,
    exportAs: 'clinicianAudit',
    exportColumns: 'at, action',
  },
  { table: 'clinician_notices', where: `case_id in (${casesOf})`, exportAs: 'clinicianNotices', exportColumns: 'kind, status, created_at, sent_at' },
  { table: 'clinician_card_posts', where: `case_id in (${casesOf})`, exportAs: 'clinicianCardPosts', exportColumns: 'kind, posted_at' },
  {
    table: 'clinician_case_handoffs',
    where: `case_id in (${casesOf}) or handoff_id in (select id from handoff_outbox where conversation_id = any($1::text[]))`,
    exportAs: 'clinicianCaseHandoffs',
  },
  { table: 'clinician_cases', where: 'conversation_id = any($1::text[])', exportAs: 'clinicianCases' },
  // Foundation (src/store/)
  { table: 'conversations', where: 'id = any($1::text[])', exportAs: 'conversation' },
  { table: 'clinical_events', where: 'conversation_id = any($1::text[])', exportAs: 'events' },
  { table: 'handoff_outbox', where: 'conversation_id = any($1::text[])', exportAs: 'handoffs' },
  // Daily check-ins (src/schedule/)
  { table: 'checkin_schedules', where: 'conversation_id = any($1::text[])', exportAs: 'checkinSchedule' },
  { table: 'checkin_sends', where: 'conversation_id = any($1::text[])', exportAs: 'checkinSends' },
  // Privacy (src/privacy/)
  { table: 'privacy_pending', where: 'conversation_id = any($1::text[])', exportAs: 'pendingRequests' },
  { table: 'privacy_export_tokens', where: 'conversation_id = any($1::text[])', exportColumns: 'expires_at, used_at', exportAs: 'exportLinks' },
  // Web chat (src/channels/): the transcript the page shows again, tokens (hashes only), push subscriptions.
  { table: 'directline_activities', where: 'conversation_id = any($1::text[])', exportAs: 'webChatTranscript', exportColumns: 'seq, activity, at' },
  { table: 'directline_tokens', where: 'conversation_id = any($1::text[])', exportAs: 'webChatTokens', exportColumns: 'kind, expires_at, created_at' },
  { table: 'webpush_subscriptions', where: 'conversation_id = any($1::text[])', exportAs: 'webPushSubscriptions', exportColumns: 'time_zone, created_at' },
  { table: 'webpush_deliveries', where: 'conversation_id = any($1::text[])', exportAs: 'webPushNotifications' },
  { table: 'directline_conversations', where: 'conversation_id = any($1::text[])', exportAs: 'webChatConversation', exportColumns: 'seq, read_seq, created_at, last_seen_at' },
];

/** Tables that hold nothing about a person (checked by the catalogue test too: no person's id may appear in them). */
export const impersonalTables: { table: string; why: string; columns?: string[] }[] = [
  { table: 'schema_migrations', why: 'which schema steps ran' },
  { table: 'privacy_erasures', why: 'that an erasure happened, with counts only' },
  { table: 'care_team_channels', why: "the care team's own Teams channels, not a patient's conversation", columns: ['conversation_id'] },
  { table: 'clinician_pairing_codes', why: 'one-time codes clinicians use to link a channel' },
  { table: 'clinician_sessions', why: "clinicians' own sign-in sessions (who they are, not a patient)" },
  { table: 'clinician_auth_requests', why: 'OpenID Connect sign-ins under way (state, PKCE verifier), for clinicians' },
  { table: 'clinician_login_links', why: 'one-time sign-in links for the console in local mode' },
  { table: 'clinician_keys', why: "the clinician side's own signing key" },
  { table: 'send_rate_slots', why: 'the next free send slot per tenant, under a hashed key' },
  { table: 'channel_secrets', why: "the service's own keys (web chat connector key, Web Push VAPID keys)" },
];

/**
 * The job queue (pg-boss) lives in its own schema; its jobs carry `{ conversationId }` in `data`
 * and `<conversationId>|…` as singleton key. Its other tables hold queue definitions only.
 */
export const jobTableWhere = `(data->>'conversationId' = any($1::text[]) or split_part(coalesce(singleton_key, ''), '|', 1) = any($1::text[]))`;
