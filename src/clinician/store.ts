/** The clinician side's SQL, in one module: cases, care-team channels, notices, audit, pairing codes. */
import type { Database, Sql } from '../store/database.ts';
import { firstCheckAt, type AcceptWindows } from './escalation.ts';
import { urgencyOrderSql, type Urgency } from '../vocabulary/index.ts';

export type CaseStatus = 'open' | 'accepted' | 'closed';

export interface ClinicianCase {
  id: number;
  conversationId: string;
  urgency: Urgency;
  reasons: string[];
  region: string;
  summary: string;
  status: CaseStatus;
  version: number;
  clinician: string | null;
  acceptedAt: string | null;
  outcome: string | null;
  closedAt: string | null;
  closedBy: string | null;
  createdAt: string;
  updatedAt: string;
  reminders: number;
  nextCheckAt: string | null;
  escalatedAt: string | null;
}

const RANK: Record<string, number> = { emergency: 0, urgent: 1, soon: 2, routine: 3 };
const iso = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string).toISOString());

type CaseRow = Record<string, unknown>;
const CASE_COLUMNS = 'id, conversation_id, urgency, reasons, region, summary, status, version, clinician, accepted_at, outcome, closed_at, closed_by, created_at, updated_at, reminders, next_check_at, escalated_at';

function toCase(row: CaseRow): ClinicianCase {
  return {
    id: Number(row.id),
    conversationId: String(row.conversation_id),
    urgency: row.urgency as ClinicianCase['urgency'],
    reasons: (row.reasons as string[]) ?? [],
    region: String(row.region),
    summary: String(row.summary),
    status: row.status as CaseStatus,
    version: Number(row.version),
    clinician: (row.clinician as string | null) ?? null,
    acceptedAt: iso(row.accepted_at),
    outcome: (row.outcome as string | null) ?? null,
    closedAt: iso(row.closed_at),
    closedBy: (row.closed_by as string | null) ?? null,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    reminders: Number(row.reminders),
    nextCheckAt: iso(row.next_check_at),
    escalatedAt: iso(row.escalated_at),
  };
}

/**
 * Turns handoffs the conversation wrote into its outbox into cases. A conversation has at most
 * one live case: a further handoff joins it (the urgency only goes up). Each handoff is taken
 * once, even by several instances, because its row in clinician_case_handoffs is claimed first.
 * Returns the cases that are new or changed, with the handoff that changed them.
 */
export async function syncCases(db: Database, windows: AcceptWindows): Promise<{ caseId: number; handoffId: number; created: boolean }[]> {
  const pending = await db.query<{ id: string; conversation_id: string; urgency: string; payload: Record<string, unknown>; created_at: string }>(
    `select o.id, o.conversation_id, o.urgency, o.payload, o.created_at from handoff_outbox o
     where not exists (select 1 from clinician_case_handoffs h where h.handoff_id = o.id) order by o.id limit 50`,
  );
  const changed: { caseId: number; handoffId: number; created: boolean }[] = [];
  for (const handoff of pending) {
    const result = await db.transaction(async (tx) => {
      const at = new Date(handoff.created_at);
      const claimed = await tx.query('insert into clinician_case_handoffs (handoff_id, case_id, at) values ($1, 0, $2) on conflict do nothing returning handoff_id', [handoff.id, at.toISOString()]);
      if (claimed.length === 0) return undefined;
      const reasons = Array.isArray(handoff.payload.reasons) ? (handoff.payload.reasons as string[]) : [];
      const region = String(handoff.payload.region ?? 'unknown');
      const summary = String(handoff.payload.summary ?? '');
      const [live] = await tx.query<CaseRow>(`select ${CASE_COLUMNS} from clinician_cases where conversation_id = $1 and status <> 'closed' for update`, [handoff.conversation_id]);
      let caseId: number;
      let created = false;
      if (live) {
        const current = toCase(live);
        const higher = (RANK[handoff.urgency] ?? 9) < (RANK[current.urgency] ?? 9);
        const urgency = higher ? handoff.urgency : current.urgency;
        // A case that became more urgent while waiting starts a new, shorter wait.
        const nextCheck = higher && current.status === 'open' ? firstCheckAt(urgency, at, windows) : current.nextCheckAt ? new Date(current.nextCheckAt) : null;
        await tx.query(
          `update clinician_cases set urgency = $2, reasons = $3, region = $4, summary = $5, next_check_at = $6, version = version + 1, updated_at = $7 where id = $1`,
          [current.id, urgency, JSON.stringify([...new Set([...current.reasons, ...reasons])]), region === 'unknown' ? current.region : region, summary, nextCheck?.toISOString() ?? null, at.toISOString()],
        );
        caseId = current.id;
      } else {
        const [row] = await tx.query<{ id: string }>(
          `insert into clinician_cases (conversation_id, urgency, reasons, region, summary, created_at, updated_at, next_check_at)
           values ($1, $2, $3, $4, $5, $6, $6, $7) returning id`,
          [handoff.conversation_id, handoff.urgency, JSON.stringify(reasons), region, summary, at.toISOString(), firstCheckAt(handoff.urgency, at, windows)?.toISOString() ?? null],
        );
        caseId = Number(row!.id);
        created = true;
      }
      await tx.query('update clinician_case_handoffs set case_id = $2 where handoff_id = $1', [handoff.id, caseId]);
      return { caseId, handoffId: Number(handoff.id), created };
    });
    if (result) changed.push(result);
  }
  return changed;
}

export async function getCase(sql: Sql, id: number): Promise<ClinicianCase | null> {
  const [row] = await sql.query<CaseRow>(`select ${CASE_COLUMNS} from clinician_cases where id = $1`, [id]);
  return row ? toCase(row) : null;
}

/** Open and accepted cases, most urgent first, then the longest waiting. */
export async function listLiveCases(sql: Sql): Promise<ClinicianCase[]> {
  const rows = await sql.query<CaseRow>(
    `select ${CASE_COLUMNS} from clinician_cases where status <> 'closed'
     order by ${urgencyOrderSql('urgency')}, created_at, id`,
  );
  return rows.map(toCase);
}

export async function listClosedCases(sql: Sql, limit = 20): Promise<ClinicianCase[]> {
  const rows = await sql.query<CaseRow>(`select ${CASE_COLUMNS} from clinician_cases where status = 'closed' order by closed_at desc, id desc limit $1`, [limit]);
  return rows.map(toCase);
}

/** A case as the queue shows it: with the person's display name (from the channel, or given by the portal). */
export interface QueueCase extends ClinicianCase {
  personName: string | null;
  channelId: string | null;
}

/** Live cases and the most recently closed ones, each with the person's name, for the queue. */
export async function listQueueCases(sql: Sql, closedLimit = 50): Promise<{ live: QueueCase[]; closed: QueueCase[] }> {
  const columns = CASE_COLUMNS.split(', ').map((column) => `c.${column}`).join(', ');
  const select = `select ${columns}, v.reference->'user'->>'name' as person_name, v.channel_id from clinician_cases c left join conversations v on v.id = c.conversation_id`;
  const withPerson = (row: CaseRow): QueueCase => ({ ...toCase(row), personName: typeof row.person_name === 'string' && row.person_name.trim() ? row.person_name.trim().slice(0, 80) : null, channelId: (row.channel_id as string | null) ?? null });
  const live = await sql.query<CaseRow>(`${select} where c.status <> 'closed' order by ${urgencyOrderSql('c.urgency')}, c.created_at, c.id`);
  const closed = await sql.query<CaseRow>(`${select} where c.status = 'closed' order by c.closed_at desc, c.id desc limit $1`, [closedLimit]);
  return { live: live.map(withPerson), closed: closed.map(withPerson) };
}

/** Every case of one person (one conversation), newest first. */
export async function casesOfConversation(sql: Sql, conversationId: string): Promise<ClinicianCase[]> {
  const rows = await sql.query<CaseRow>(`select ${CASE_COLUMNS} from clinician_cases where conversation_id = $1 order by created_at desc, id desc`, [conversationId]);
  return rows.map(toCase);
}

export { personNameOf } from '../store/conversations.ts';

/** A fingerprint of the queue: changes whenever a case is opened, changes or closes. */
export async function queueFingerprint(sql: Sql): Promise<string> {
  const [row] = await sql.query<{ n: string; v: string | null; m: string | null }>('select count(*) as n, sum(version) as v, max(updated_at) as m from clinician_cases');
  return `${row?.n ?? 0}:${row?.v ?? 0}:${row?.m ? new Date(row.m).getTime() : 0}`;
}

export async function liveCaseFor(sql: Sql, conversationId: string): Promise<ClinicianCase | null> {
  const [row] = await sql.query<CaseRow>(`select ${CASE_COLUMNS} from clinician_cases where conversation_id = $1 and status <> 'closed'`, [conversationId]);
  return row ? toCase(row) : null;
}

/** Compare-and-swap: only an open case is accepted, and only at the version the clinician saw (when given). */
export async function acceptCase(sql: Sql, id: number, clinician: string, at: Date, version?: number): Promise<ClinicianCase | null> {
  const [row] = await sql.query<CaseRow>(
    `update clinician_cases set status = 'accepted', clinician = $2, accepted_at = $3, next_check_at = null, version = version + 1, updated_at = $3
     where id = $1 and status = 'open' and ($4::integer is null or version = $4) returning ${CASE_COLUMNS}`,
    [id, clinician, at.toISOString(), version ?? null],
  );
  return row ? toCase(row) : null;
}

export async function closeCase(sql: Sql, id: number, outcome: string, at: Date, version: number, closedBy: string): Promise<ClinicianCase | null> {
  const [row] = await sql.query<CaseRow>(
    `update clinician_cases set status = 'closed', outcome = $2, closed_at = $3, closed_by = $5, next_check_at = null, version = version + 1, updated_at = $3
     where id = $1 and status <> 'closed' and version = $4 returning ${CASE_COLUMNS}`,
    [id, outcome, at.toISOString(), version, closedBy],
  );
  return row ? toCase(row) : null;
}

/** Open emergency and urgent cases whose accept window ran out. */
export async function dueCases(sql: Sql, now: Date): Promise<ClinicianCase[]> {
  const rows = await sql.query<CaseRow>(`select ${CASE_COLUMNS} from clinician_cases where status = 'open' and next_check_at <= $1 order by next_check_at limit 50`, [now.toISOString()]);
  return rows.map(toCase);
}

/** Records a reminder or escalation, if the case is still where the caller saw it (several instances). */
export async function markCaseChecked(sql: Sql, item: ClinicianCase, step: 'remind' | 'escalate', nextCheckAt: Date, now: Date): Promise<boolean> {
  const rows = await sql.query(
    `update clinician_cases set reminders = reminders + 1, escalated_at = case when $3 = 'escalate' then $4::timestamptz else escalated_at end,
       next_check_at = $5 where id = $1 and status = 'open' and next_check_at = $2 returning id`,
    [item.id, item.nextCheckAt, step, now.toISOString(), nextCheckAt.toISOString()],
  );
  return rows.length === 1;
}

// --- care-team channels -------------------------------------------------------------------------

export interface CareTeamChannel {
  conversationId: string;
  reference: Record<string, unknown>;
  addedBy: string | null;
  addedAt: string;
}

export async function registerChannel(sql: Sql, conversationId: string, reference: unknown, addedBy: string, at: Date): Promise<void> {
  await sql.query(
    `insert into care_team_channels (conversation_id, reference, added_by, added_at, active) values ($1, $2, $3, $4, true)
     on conflict (conversation_id) do update set reference = excluded.reference, added_by = excluded.added_by, added_at = excluded.added_at, active = true`,
    [conversationId, JSON.stringify(reference), addedBy, at.toISOString()],
  );
}

export async function activeChannels(sql: Sql): Promise<CareTeamChannel[]> {
  const rows = await sql.query<{ conversation_id: string; reference: Record<string, unknown>; added_by: string | null; added_at: string }>(
    'select conversation_id, reference, added_by, added_at from care_team_channels where active order by added_at',
  );
  return rows.map((row) => ({ conversationId: row.conversation_id, reference: row.reference, addedBy: row.added_by, addedAt: iso(row.added_at)! }));
}

export async function deactivateChannel(sql: Sql, conversationId: string): Promise<void> {
  await sql.query('update care_team_channels set active = false where conversation_id = $1', [conversationId]);
}

export async function isCareTeamChannel(sql: Sql, conversationId: string): Promise<boolean> {
  const rows = await sql.query('select 1 from care_team_channels where conversation_id = $1 and active', [conversationId]);
  return rows.length > 0;
}

// --- notices: what the notifier still has to send -------------------------------------------------

export type NoticeKind = 'new' | 'reminder' | 'escalated' | 'relay' | 'patientReminder' | 'cardUpdate' | 'fhir';

export interface Notice {
  id: number;
  caseId: number;
  kind: NoticeKind;
  /** `teams:<conversation id>`, `escalation` (ESCALATION_CONTACT_URL) or `patient`. */
  target: string;
  payload: Record<string, unknown>;
  attempts: number;
}

export async function enqueueNotice(sql: Sql, notice: Omit<Notice, 'id' | 'attempts'>, at: Date): Promise<void> {
  await sql.query('insert into clinician_notices (case_id, kind, target, payload, next_attempt_at, created_at) values ($1, $2, $3, $4, $5, $5)', [
    notice.caseId,
    notice.kind,
    notice.target,
    JSON.stringify(notice.payload),
    at.toISOString(),
  ]);
}

/** Leases due notices (pushes their next attempt into the future first), most urgent kind first. */
export async function claimDueNotices(sql: Sql, now: Date, leaseSeconds: number, limit = 20): Promise<Notice[]> {
  const rows = await sql.query<{ id: string; case_id: string; kind: NoticeKind; target: string; payload: Record<string, unknown>; attempts: number }>(
    `update clinician_notices set next_attempt_at = $1::timestamptz + make_interval(secs => $2), attempts = attempts + 1
     where id in (select id from clinician_notices where status = 'pending' and next_attempt_at <= $1 order by id limit $3 for update skip locked)
     returning id, case_id, kind, target, payload, attempts`,
    [now.toISOString(), leaseSeconds, limit],
  );
  return rows.map((row) => ({ id: Number(row.id), caseId: Number(row.case_id), kind: row.kind, target: row.target, payload: row.payload, attempts: Number(row.attempts) })).sort((a, b) => a.id - b.id);
}

export async function finishNotice(sql: Sql, id: number, status: 'sent' | 'skipped' | 'failed', now: Date, error?: string): Promise<void> {
  await sql.query('update clinician_notices set status = $2, sent_at = $3, last_error = $4 where id = $1', [id, status, now.toISOString(), error?.slice(0, 500) ?? null]);
}

export async function retryNotice(sql: Sql, id: number, error: string, at: Date): Promise<void> {
  await sql.query('update clinician_notices set last_error = $2, next_attempt_at = $3 where id = $1', [id, error.slice(0, 500), at.toISOString()]);
}

export async function listNotices(sql: Sql, caseId?: number): Promise<(Notice & { status: string; lastError: string | null })[]> {
  const rows = await sql.query<{ id: string; case_id: string; kind: NoticeKind; target: string; payload: Record<string, unknown>; attempts: number; status: string; last_error: string | null }>(
    'select id, case_id, kind, target, payload, attempts, status, last_error from clinician_notices where $1::bigint is null or case_id = $1 order by id',
    [caseId ?? null],
  );
  return rows.map((row) => ({ id: Number(row.id), caseId: Number(row.case_id), kind: row.kind, target: row.target, payload: row.payload, attempts: Number(row.attempts), status: row.status, lastError: row.last_error }));
}

// --- audit log ---------------------------------------------------------------------------------

export interface AuditEntry {
  actor: string;
  /** How the actor was known: oidc, shared-key, one-time-link, teams, system (absent in older entries). */
  actorMethod?: string | null;
  /** The actor's identity where one is known: the provider's subject, a Teams AAD object id. */
  actorId?: string | null;
  action: string;
  caseId?: number | null;
  conversationId?: string | null;
  detail?: Record<string, unknown>;
}

/** Every view and every action of a clinician, appended; never updated or deleted by the bot. */
export async function audit(sql: Sql, entry: AuditEntry, at: Date): Promise<void> {
  await sql.query('insert into clinician_audit (at, actor, action, case_id, conversation_id, detail, actor_method, actor_id) values ($1, $2, $3, $4, $5, $6, $7, $8)', [
    at.toISOString(),
    entry.actor,
    entry.action,
    entry.caseId ?? null,
    entry.conversationId ?? null,
    JSON.stringify(entry.detail ?? {}),
    entry.actorMethod ?? (entry.actor === 'system' ? 'system' : null),
    entry.actorId ?? null,
  ]);
}

export async function listAudit(sql: Sql, options: { caseId?: number; limit?: number } = {}): Promise<(AuditEntry & { at: string })[]> {
  const rows = await sql.query<{ at: string; actor: string; action: string; case_id: string | null; conversation_id: string | null; detail: Record<string, unknown>; actor_method: string | null; actor_id: string | null }>(
    'select at, actor, action, case_id, conversation_id, detail, actor_method, actor_id from clinician_audit where $1::bigint is null or case_id = $1 order by id desc limit $2',
    [options.caseId ?? null, options.limit ?? 200],
  );
  return rows.map((row) => ({ at: iso(row.at)!, actor: row.actor, actorMethod: row.actor_method, actorId: row.actor_id, action: row.action, caseId: row.case_id === null ? null : Number(row.case_id), conversationId: row.conversation_id, detail: row.detail }));
}

// --- pairing codes for the Teams install command ---------------------------------------------------

export async function createPairingCode(sql: Sql, code: string, createdBy: string, expiresAt: Date): Promise<void> {
  await sql.query('insert into clinician_pairing_codes (code, created_by, expires_at) values ($1, $2, $3)', [code, createdBy, expiresAt.toISOString()]);
}

/** Uses a code once; false when unknown, used or expired. */
export async function usePairingCode(sql: Sql, code: string, now: Date): Promise<{ createdBy: string } | null> {
  const [row] = await sql.query<{ created_by: string }>(
    'update clinician_pairing_codes set used_at = $2 where code = $1 and used_at is null and expires_at > $2 returning created_by',
    [code, now.toISOString()],
  );
  return row ? { createdBy: row.created_by } : null;
}

// --- handoff cards posted to care-team channels, for updates in place ------------------------------

export interface CardPost {
  caseId: number;
  target: string;
  activityId: string;
  kind: string;
}

export async function recordCardPost(sql: Sql, post: CardPost, at: Date): Promise<void> {
  await sql.query('insert into clinician_card_posts (case_id, target, activity_id, kind, posted_at) values ($1, $2, $3, $4, $5)', [post.caseId, post.target, post.activityId, post.kind, at.toISOString()]);
}

export async function cardPostsOf(sql: Sql, caseId: number): Promise<CardPost[]> {
  const rows = await sql.query<{ case_id: string; target: string; activity_id: string; kind: string }>('select case_id, target, activity_id, kind from clinician_card_posts where case_id = $1 order by id', [caseId]);
  return rows.map((row) => ({ caseId: Number(row.case_id), target: row.target, activityId: row.activity_id, kind: row.kind }));
}
