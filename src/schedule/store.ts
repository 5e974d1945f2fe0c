/**
 * The SQL of daily check-ins, kept together: schedules (who, when, in which zone) and sends (one
 * row per person, local day and kind; its primary key is the at-most-once guarantee).
 */
import type { Sql } from '../store/database.ts';
import { appendEvents, wroteSince } from '../store/events.ts';

/** A stored schedule: what a write sets, plus what sending and stopping record. */
export interface ScheduleRow extends ScheduleWrite {
  stoppedAt: Date | null;
  stopReason: string | null;
  lastSentDay: string | null;
  missedStreak: number;
}

export type SendKind = 'checkin' | 'reminder';
export type SendStatus = 'queued' | 'sending' | 'sent' | 'skipped' | 'blocked' | 'gave_up' | 'failed';

export interface SendKey {
  conversationId: string;
  localDay: string;
  kind: SendKind;
}

export interface SendRow extends SendKey {
  tenantId: string | null;
  dueAt: Date;
  status: SendStatus;
  attempts: number;
  payload: unknown;
  delivered: number;
  missedDays: number | null;
  sentAt: Date | null;
  lastError: string | null;
}

const scheduleColumns = (p = '') => `${p}conversation_id, ${p}tenant_id, ${p}local_time, ${p}time_zone, ${p}zone_guessed,
  ${p}paused_until::text as paused_until, ${p}stopped_at, ${p}stop_reason, ${p}next_due_at, ${p}last_sent_day::text as last_sent_day, ${p}missed_streak`;
const SCHEDULE_COLUMNS = scheduleColumns();

type RawSchedule = {
  conversation_id: string; tenant_id: string | null; local_time: string; time_zone: string; zone_guessed: boolean; paused_until: string | null;
  stopped_at: Date | string | null; stop_reason: string | null; next_due_at: Date | string | null; last_sent_day: string | null; missed_streak: number;
};

const asDate = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

function toSchedule(row: RawSchedule): ScheduleRow {
  return {
    conversationId: row.conversation_id,
    tenantId: row.tenant_id,
    localTime: row.local_time,
    timeZone: row.time_zone,
    zoneGuessed: row.zone_guessed,
    pausedUntil: row.paused_until,
    stoppedAt: asDate(row.stopped_at),
    stopReason: row.stop_reason,
    nextDueAt: asDate(row.next_due_at),
    lastSentDay: row.last_sent_day,
    missedStreak: Number(row.missed_streak),
  };
}

export async function readSchedule(sql: Sql, conversationId: string): Promise<ScheduleRow | null> {
  const rows = await sql.query<RawSchedule>(`select ${SCHEDULE_COLUMNS} from checkin_schedules where conversation_id = $1`, [conversationId]);
  return rows[0] ? toSchedule(rows[0]) : null;
}

export interface ScheduleWrite {
  conversationId: string;
  tenantId: string | null;
  localTime: string;
  timeZone: string;
  zoneGuessed: boolean;
  pausedUntil: string | null;
  nextDueAt: Date | null;
}

/** Creates the schedule, or sets time, zone and pause of an existing one (and lifts a stop). */
export async function writeSchedule(sql: Sql, write: ScheduleWrite, now: Date): Promise<void> {
  await sql.query(
    `insert into checkin_schedules (conversation_id, tenant_id, local_time, time_zone, zone_guessed, paused_until, next_due_at, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $8)
     on conflict (conversation_id) do update set tenant_id = coalesce(excluded.tenant_id, checkin_schedules.tenant_id),
       local_time = excluded.local_time, time_zone = excluded.time_zone, zone_guessed = excluded.zone_guessed,
       paused_until = excluded.paused_until, next_due_at = excluded.next_due_at, stopped_at = null, stop_reason = null, updated_at = excluded.updated_at`,
    [write.conversationId, write.tenantId, write.localTime, write.timeZone, write.zoneGuessed, write.pausedUntil, write.nextDueAt?.toISOString() ?? null, now.toISOString()],
  );
}

/** Creates the default schedule only if the person has none (a stopped one counts: stop is respected). */
export async function createScheduleIfAbsent(sql: Sql, write: ScheduleWrite, now: Date): Promise<boolean> {
  const rows = await sql.query(
    `insert into checkin_schedules (conversation_id, tenant_id, local_time, time_zone, zone_guessed, paused_until, next_due_at, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $8) on conflict (conversation_id) do nothing returning conversation_id`,
    [write.conversationId, write.tenantId, write.localTime, write.timeZone, write.zoneGuessed, write.pausedUntil, write.nextDueAt?.toISOString() ?? null, now.toISOString()],
  );
  return rows.length === 1;
}

export async function stopSchedule(sql: Sql, conversationId: string, reason: string, now: Date): Promise<boolean> {
  const rows = await sql.query(
    `update checkin_schedules set stopped_at = $2, stop_reason = $3, next_due_at = null, updated_at = $2
     where conversation_id = $1 and stopped_at is null returning conversation_id`,
    [conversationId, now.toISOString(), reason],
  );
  return rows.length === 1;
}

export interface DueSchedule extends ScheduleRow {
  nextDueAt: Date;
  /** The conversation's tenant as last seen on a turn (conversations.tenant_id). */
  conversationTenant: string | null;
}

/**
 * Locks up to `limit` people whose check-in is due, skipping rows another instance holds. Only the
 * due range of checkin_schedules_due is read.
 */
export async function lockDueSchedules(tx: Sql, now: Date, limit: number): Promise<DueSchedule[]> {
  const rows = await tx.query<RawSchedule & { conversation_tenant: string | null }>(
    `with due as (
       select conversation_id from checkin_schedules where next_due_at is not null and next_due_at <= $1
       order by next_due_at limit $2 for update skip locked)
     select ${scheduleColumns('s.')}, c.tenant_id as conversation_tenant
     from checkin_schedules s join due using (conversation_id) left join conversations c on c.id = s.conversation_id`,
    [now.toISOString(), limit],
  );
  return rows.map((row) => ({ ...toSchedule(row), nextDueAt: new Date(row.next_due_at!), conversationTenant: row.conversation_tenant }));
}

export interface NewSend extends SendKey {
  tenantId: string | null;
  dueAt: Date;
}

/** Inserts send rows; returns the keys that were new (a key already there was sent or is being sent). */
export async function insertSends(tx: Sql, sends: NewSend[], now: Date, requeueAfterSeconds: number): Promise<SendKey[]> {
  if (sends.length === 0) return [];
  const rows = await tx.query<{ conversation_id: string; local_day: string; kind: SendKind }>(
    `insert into checkin_sends (conversation_id, local_day, kind, tenant_id, due_at, status, requeue_at, created_at, updated_at)
     select c, d::date, k, t, due, 'queued', $6::timestamptz + make_interval(secs => $7), $6, $6
     from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) as x(c, d, k, t, due)
     on conflict do nothing returning conversation_id, local_day::text as local_day, kind`,
    [sends.map((s) => s.conversationId), sends.map((s) => s.localDay), sends.map((s) => s.kind), sends.map((s) => s.tenantId), sends.map((s) => s.dueAt.toISOString()), now.toISOString(), requeueAfterSeconds],
  );
  return rows.map((row) => ({ conversationId: row.conversation_id, localDay: row.local_day, kind: row.kind }));
}

export async function advanceSchedules(tx: Sql, updates: { conversationId: string; nextDueAt: Date; sentDay: string | null }[], now: Date): Promise<void> {
  if (updates.length === 0) return;
  await tx.query(
    `update checkin_schedules s set next_due_at = u.next_due, last_sent_day = coalesce(u.sent_day::date, s.last_sent_day), updated_at = $4
     from unnest($1::text[], $2::timestamptz[], $3::text[]) as u(id, next_due, sent_day) where s.conversation_id = u.id`,
    [updates.map((u) => u.conversationId), updates.map((u) => u.nextDueAt.toISOString()), updates.map((u) => u.sentDay), now.toISOString()],
  );
}

type RawSend = {
  conversation_id: string; local_day: string; kind: SendKind; tenant_id: string | null; due_at: Date | string; status: SendStatus; attempts: number;
  payload: unknown; delivered: number; missed_days: number | null; sent_at: Date | string | null; last_error: string | null;
};

const SEND_COLUMNS = `conversation_id, local_day::text as local_day, kind, tenant_id, due_at, status, attempts, payload, delivered, missed_days, sent_at, last_error`;

function toSend(row: RawSend): SendRow {
  return {
    conversationId: row.conversation_id,
    localDay: row.local_day,
    kind: row.kind,
    tenantId: row.tenant_id,
    dueAt: new Date(row.due_at),
    status: row.status,
    attempts: Number(row.attempts),
    payload: row.payload,
    delivered: Number(row.delivered),
    missedDays: row.missed_days === null ? null : Number(row.missed_days),
    sentAt: asDate(row.sent_at),
    lastError: row.last_error,
  };
}

/**
 * Takes a send for this worker: queued, or sending with a lapsed lease (its worker died). Returns
 * null when someone else has it or it is finished: the caller then does nothing.
 */
export async function claimSend(sql: Sql, key: SendKey, now: Date, leaseSeconds: number): Promise<SendRow | null> {
  const rows = await sql.query<RawSend>(
    `update checkin_sends set status = 'sending', lease_until = $4::timestamptz + make_interval(secs => $5), requeue_at = $4::timestamptz + make_interval(secs => $5), updated_at = $4
     where conversation_id = $1 and local_day = $2::date and kind = $3
       and (status = 'queued' or (status = 'sending' and lease_until < $4))
     returning ${SEND_COLUMNS}`,
    [key.conversationId, key.localDay, key.kind, now.toISOString(), leaseSeconds],
  );
  return rows[0] ? toSend(rows[0]) : null;
}

/**
 * claimSend, plus what sending needs, in one round trip: the person's schedule and the
 * conversation's stored reference.
 */
export async function claimSendWithContext(sql: Sql, key: SendKey, now: Date, leaseSeconds: number): Promise<{ send: SendRow; schedule: ScheduleRow | null; reference: unknown } | null> {
  const rows = await sql.query<RawSend & { s_exists: boolean | null; reference: unknown } & { [K in keyof RawSchedule as `s_${K}`]: RawSchedule[K] }>(
    `with claimed as (
       update checkin_sends set status = 'sending', lease_until = $4::timestamptz + make_interval(secs => $5), requeue_at = $4::timestamptz + make_interval(secs => $5), updated_at = $4
       where conversation_id = $1 and local_day = $2::date and kind = $3
         and (status = 'queued' or (status = 'sending' and lease_until < $4))
       returning ${SEND_COLUMNS})
     select claimed.*, s.conversation_id is not null as s_exists, s.conversation_id as s_conversation_id, s.tenant_id as s_tenant_id, s.local_time as s_local_time,
       s.time_zone as s_time_zone, s.zone_guessed as s_zone_guessed, s.paused_until::text as s_paused_until, s.stopped_at as s_stopped_at, s.stop_reason as s_stop_reason,
       s.next_due_at as s_next_due_at, s.last_sent_day::text as s_last_sent_day, s.missed_streak as s_missed_streak, c.reference
     from claimed left join checkin_schedules s on s.conversation_id = claimed.conversation_id left join conversations c on c.id = claimed.conversation_id`,
    [key.conversationId, key.localDay, key.kind, now.toISOString(), leaseSeconds],
  );
  const row = rows[0];
  if (!row) return null;
  const schedule = row.s_exists
    ? toSchedule({
        conversation_id: row.s_conversation_id, tenant_id: row.s_tenant_id, local_time: row.s_local_time, time_zone: row.s_time_zone, zone_guessed: row.s_zone_guessed,
        paused_until: row.s_paused_until, stopped_at: row.s_stopped_at, stop_reason: row.s_stop_reason, next_due_at: row.s_next_due_at, last_sent_day: row.s_last_sent_day, missed_streak: row.s_missed_streak,
      })
    : null;
  return { send: toSend(row), schedule, reference: row.reference ?? null };
}

/** Missed check-ins before `localDay`: 0 if the last one delivered was answered (or there was none), else the streak plus one. */
export async function missedBefore(sql: Sql, conversationId: string, localDay: string, streak: number): Promise<{ missed: number; previousDay: string | null }> {
  const rows = await sql.query<{ local_day: string; answered: boolean }>(
    `select p.local_day::text as local_day, exists (select 1 from clinical_events e where e.conversation_id = p.conversation_id and e.type = 'message.received' and e.at > p.sent_at) as answered
     from checkin_sends p where p.conversation_id = $1 and p.kind = 'checkin' and p.local_day < $2::date and p.status = 'sent' order by p.local_day desc limit 1`,
    [conversationId, localDay],
  );
  const previous = rows[0];
  if (!previous) return { missed: 0, previousDay: null };
  return { missed: previous.answered ? 0 : streak + 1, previousDay: previous.local_day };
}

/** Fixes what a send will say (first attempt), so a retry repeats the same message and never re-runs the turn. */
export async function savePayload(sql: Sql, key: SendKey, payload: unknown, missedDays: number | null): Promise<void> {
  await sql.query(
    'update checkin_sends set payload = $4, missed_days = $5 where conversation_id = $1 and local_day = $2::date and kind = $3',
    [key.conversationId, key.localDay, key.kind, JSON.stringify(payload), missedDays],
  );
}

export interface SendOutcome {
  status: SendStatus;
  attempts: number;
  delivered: number;
  error?: string | null;
  sentAt?: Date | null;
  /** Back to the queue: the sweep re-enqueues it at this time if no job picks it up first. */
  retryAt?: Date | null;
  reminderDueAt?: Date | null;
}

export async function finishSend(sql: Sql, key: SendKey, outcome: SendOutcome, now: Date): Promise<void> {
  await sql.query(
    `update checkin_sends set status = $4, attempts = $5, delivered = $6, last_error = $7, sent_at = coalesce($8, sent_at),
       requeue_at = $9, lease_until = null, reminder_due_at = coalesce($10, reminder_due_at), updated_at = $11
     where conversation_id = $1 and local_day = $2::date and kind = $3`,
    [key.conversationId, key.localDay, key.kind, outcome.status, outcome.attempts, outcome.delivered, outcome.error ?? null, outcome.sentAt?.toISOString() ?? null,
      outcome.retryAt?.toISOString() ?? null, outcome.reminderDueAt?.toISOString() ?? null, now.toISOString()],
  );
}

/** Sends that should be in the job queue but may not be (a crash between claim and enqueue, or mid-send). */
export async function lockUnfinished(tx: Sql, now: Date, limit: number, requeueAfterSeconds: number): Promise<(SendKey & { tenantId: string | null })[]> {
  const rows = await tx.query<{ conversation_id: string; local_day: string; kind: SendKind; tenant_id: string | null }>(
    `update checkin_sends set requeue_at = $1::timestamptz + make_interval(secs => $3)
     where (conversation_id, local_day, kind) in (
       select conversation_id, local_day, kind from checkin_sends
       where status in ('queued', 'sending') and requeue_at <= $1 and (lease_until is null or lease_until < $1)
       order by requeue_at limit $2 for update skip locked)
     returning conversation_id, local_day::text as local_day, kind, tenant_id`,
    [now.toISOString(), limit, requeueAfterSeconds],
  );
  return rows.map((row) => ({ conversationId: row.conversation_id, localDay: row.local_day, kind: row.kind, tenantId: row.tenant_id }));
}

/** Check-ins whose reminder time has come; the marker is cleared in the same statement so each is looked at once. */
export async function takeDueReminders(tx: Sql, now: Date, limit: number): Promise<{ conversationId: string; localDay: string; tenantId: string | null; sentAt: Date }[]> {
  const rows = await tx.query<{ conversation_id: string; local_day: string; tenant_id: string | null; sent_at: Date | string }>(
    `update checkin_sends set reminder_due_at = null
     where (conversation_id, local_day, kind) in (
       select conversation_id, local_day, kind from checkin_sends where reminder_due_at is not null and reminder_due_at <= $1
       order by reminder_due_at limit $2 for update skip locked)
     returning conversation_id, local_day::text as local_day, tenant_id, sent_at`,
    [now.toISOString(), limit],
  );
  return rows.map((row) => ({ conversationId: row.conversation_id, localDay: row.local_day, tenantId: row.tenant_id, sentAt: new Date(row.sent_at) }));
}

/** Did the person write anything after `since`? */
export const answeredSince = wroteSince;

/** The last check-in delivered before `beforeDay`. */
export async function previousCheckin(sql: Sql, conversationId: string, beforeDay: string): Promise<{ localDay: string; sentAt: Date } | null> {
  const rows = await sql.query<{ local_day: string; sent_at: Date | string }>(
    `select local_day::text as local_day, sent_at from checkin_sends
     where conversation_id = $1 and kind = 'checkin' and local_day < $2::date and status = 'sent' order by local_day desc limit 1`,
    [conversationId, beforeDay],
  );
  return rows[0] ? { localDay: rows[0].local_day, sentAt: new Date(rows[0].sent_at) } : null;
}

export async function setMissedStreak(sql: Sql, conversationId: string, streak: number): Promise<void> {
  await sql.query('update checkin_schedules set missed_streak = $2 where conversation_id = $1', [conversationId, streak]);
}

export async function readSend(sql: Sql, key: SendKey): Promise<SendRow | null> {
  const rows = await sql.query<RawSend>(`select ${SEND_COLUMNS} from checkin_sends where conversation_id = $1 and local_day = $2::date and kind = $3`, [key.conversationId, key.localDay, key.kind]);
  return rows[0] ? toSend(rows[0]) : null;
}

export async function listSends(sql: Sql, conversationId?: string): Promise<SendRow[]> {
  const rows = await sql.query<RawSend>(
    `select ${SEND_COLUMNS} from checkin_sends where $1::text is null or conversation_id = $1 order by local_day, conversation_id, kind`,
    [conversationId ?? null],
  );
  return rows.map(toSend);
}

/** Who is due next (operator view), soonest first. */
export async function dueNext(sql: Sql, limit: number): Promise<ScheduleRow[]> {
  const rows = await sql.query<RawSchedule>(
    `select ${SCHEDULE_COLUMNS} from checkin_schedules where next_due_at is not null order by next_due_at limit $1`,
    [limit],
  );
  return rows.map(toSchedule);
}

export async function sendCounts(sql: Sql): Promise<Record<string, number>> {
  const rows = await sql.query<{ status: string; kind: string; n: string | number }>('select kind, status, count(*) as n from checkin_sends group by kind, status');
  return Object.fromEntries(rows.map((row) => [`${row.kind}.${row.status}`, Number(row.n)]));
}

/** Records why a person's check-ins stopped or what happened to one, in the clinical log. */
export async function recordScheduleEvent(sql: Sql, conversationId: string, type: string, data: Record<string, unknown>, at: Date): Promise<void> {
  await appendEvents(sql, conversationId, [{ type, data, at: at.toISOString() }]);
}

/** Whether the conversation has a check-in schedule (stopped ones count). */
export async function hasSchedule(sql: Sql, conversationId: string): Promise<boolean> {
  return (await sql.query('select 1 from checkin_schedules where conversation_id = $1', [conversationId])).length > 0;
}

/** How many schedules are stopped. */
export async function stoppedSchedules(sql: Sql): Promise<number> {
  const rows = await sql.query<{ n: string }>('select count(*) as n from checkin_schedules where stopped_at is not null');
  return Number(rows[0]?.n ?? 0);
}

/** Sends still queued or being sent. */
export async function unfinishedSends(sql: Sql): Promise<number> {
  const rows = await sql.query<{ n: string | number }>("select count(*) as n from checkin_sends where status in ('queued', 'sending')");
  return Number(rows[0]?.n ?? 0);
}

/** Sends by kind and status, for GET /metrics. */
export async function sendsByStatus(sql: Sql): Promise<{ kind: string; status: string; n: number }[]> {
  return sql.query<{ kind: string; status: string; n: number }>('select kind, status, count(*)::int as n from checkin_sends group by kind, status');
}
