import type { Content } from '../content/index.ts';
import type { Sql } from '../store/database.ts';
import type { PrivacyMessages } from './content.ts';
import { fill } from '../wording/fill.ts';
import { conversationsOfPerson, storeTables } from './erasure.ts';
import { openFreeText } from './freeText.ts';
import { personalTables } from './registry.ts';

export interface PersonData {
  exportedAt: string;
  conversationIds: string[];
  /** Every personal table's rows for the person, by the registry's export name. */
  data: Record<string, Record<string, unknown>[]>;
}

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
  return value;
}

/** Everything stored about the person behind a conversation, from the same registry erasure uses. */
export async function collectPersonData(sql: Sql, conversationId: string, at: Date): Promise<PersonData> {
  const ids = await conversationsOfPerson(sql, conversationId);
  const present = new Set(await storeTables(sql));
  const data: PersonData['data'] = {};
  for (const entry of personalTables) {
    if (!present.has(entry.table)) continue;
    const rows = await sql.query<Record<string, unknown>>(`select ${entry.exportColumns ?? '*'} from ${entry.table} where ${entry.where}`, [ids]);
    data[entry.exportAs ?? entry.table] = rows.map((row) => openFreeText(sql, plain(row)) as Record<string, unknown>);
  }
  return { exportedAt: at.toISOString(), conversationIds: ids, data };
}

const day = (iso: unknown) => (typeof iso === 'string' || iso instanceof Date ? new Date(iso).toISOString().slice(0, 10) : '');

interface EventRow {
  type: string;
  data: Record<string, unknown>;
  at: string;
}

/**
 * The readable summary: what is stored, who sees it, for how long, and what the person can do.
 * Built from the export, so the two never disagree.
 */
export function summarise(person: PersonData, content: Content, messages: PrivacyMessages['whatWeKnow'], retentionDays: number | undefined): string[] {
  const events = (person.data.events ?? []) as unknown as EventRow[];
  const conversation = person.data.conversation?.[0] as { state?: { context?: { profile?: Record<string, unknown> } } } | undefined;
  const lines: string[] = [];
  if (!conversation && events.length === 0) {
    lines.push(messages.nothing);
  } else {
    lines.push(messages.intro);
    const consent = [...events].reverse().find((event) => event.type === 'consent.given');
    lines.push(consent ? fill(messages.consent, { date: day(consent.at), version: String(consent.data.version ?? '') }) : messages.noConsent);
    const profile = conversation?.state?.context?.profile ?? {};
    const labels = content.conversation.labels as Record<string, Record<string, string> | undefined>;
    const details = (['region', 'reach', 'sides', 'onset', 'surgery'] as const)
      .map((field) => {
        const value = profile[field];
        return typeof value === 'string' ? (labels[field]?.[value] ?? value) : undefined;
      })
      .filter(Boolean);
    if (details.length) lines.push(fill(messages.profile, { details: details.join(', ') }));
    const pains = events.filter((event) => event.type === 'pain.score');
    const lastPain = pains.at(-1);
    if (lastPain) lines.push(fill(messages.pain, { count: pains.length, score: String(lastPain.data.score ?? ''), date: day(lastPain.at) }));
    const flags = [...new Set(events.filter((event) => event.type === 'redFlag.raised').map((event) => String(event.data.flagId)))];
    if (flags.length) lines.push(fill(messages.flags, { flags: flags.map((id) => content.redFlags.byId.get(id)?.label ?? id).join('; ') }));
    const referrals = events.filter((event) => event.type === 'referral.made');
    const lastReferral = referrals.at(-1);
    if (lastReferral) lines.push(fill(messages.referrals, { count: referrals.length, date: day(lastReferral.at) }));
    const sessions = events.filter((event) => event.type === 'session.started').length;
    if (sessions) lines.push(fill(messages.exercises, { count: sessions }));
    const said = events.filter((event) => event.type === 'message.received' || event.type === 'message.sent').length;
    if (said) lines.push(fill(messages.messages, { count: said }));
    const schedule = person.data.checkinSchedule?.[0] as { local_time?: string; time_zone?: string; stopped_at?: string | null } | undefined;
    if (schedule) lines.push(schedule.stopped_at ? messages.checkinsStopped : fill(messages.checkins, { time: schedule.local_time ?? '', zone: schedule.time_zone ?? '' }));
  }
  lines.push(messages.who);
  lines.push(retentionDays ? fill(messages.retention, { days: retentionDays }) : messages.retentionForever);
  lines.push(messages.rights);
  return lines;
}
