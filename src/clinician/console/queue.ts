/**
 * The queue as a busy day needs it, pure: cases grouped per person, most urgent first, with
 * filters (urgency, status, overdue) and a search over names, case numbers, reasons and summaries.
 * "Overdue" is measured against the accept windows (HANDOFF_ACCEPT_MINUTES, …_URGENT).
 */
import { z } from 'zod';
import { windowFor, type AcceptWindows } from '../escalation.ts';
import type { QueueCase } from '../store.ts';
import { storedUrgencyRank, URGENCY_ORDER } from '../../vocabulary/index.ts';

const STATUSES = ['live', 'open', 'accepted', 'closed', 'all'] as const;

/** The queue's query string, read leniently: a value that is not one of ours means "no filter". */
export const queueFiltersSchema = z.object({
  urgency: z.enum(URGENCY_ORDER).optional().catch(undefined),
  status: z.enum(STATUSES).catch('live').default('live'),
  overdue: z
    .string()
    .optional()
    .transform((value) => value === 'yes' || value === 'on' || value === 'true')
    .catch(false),
  q: z
    .string()
    .optional()
    .transform((value) => value?.trim().slice(0, 100) || undefined)
    .catch(undefined),
});
export type QueueFilters = z.output<typeof queueFiltersSchema>;

export function readFilters(params: URLSearchParams): QueueFilters {
  return queueFiltersSchema.parse(Object.fromEntries([...params].filter(([key]) => ['urgency', 'status', 'overdue', 'q'].includes(key))));
}

/** The same filters as a query string (for the live refresh and the links). */
export function filtersQuery(filters: QueueFilters): string {
  const params = new URLSearchParams();
  if (filters.urgency) params.set('urgency', filters.urgency);
  if (filters.status !== 'live') params.set('status', filters.status);
  if (filters.overdue) params.set('overdue', 'yes');
  if (filters.q) params.set('q', filters.q);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Minutes past the accept window an open emergency or urgent case has waited (0 when not overdue). */
export function overdueMinutes(item: Pick<QueueCase, 'status' | 'urgency' | 'createdAt'>, now: Date, windows: AcceptWindows): number {
  const window = windowFor(item.urgency, windows);
  if (item.status !== 'open' || window === undefined) return 0;
  const waited = Math.floor((now.getTime() - Date.parse(item.createdAt)) / 60_000);
  return Math.max(0, waited - window);
}

export interface QueueRow extends QueueCase {
  overdueBy: number;
}

export interface PersonGroup {
  conversationId: string;
  personName: string | null;
  channelId: string | null;
  /** The cases the filters show, most urgent live case first. */
  rows: QueueRow[];
  /** The person's other cases (not shown by the filters), newest first: linked from the group. */
  others: QueueCase[];
}

function matchesSearch(item: QueueCase, q: string, reasonLabel: (id: string) => string): boolean {
  // "#12" or "12" is a case number: that case, not every text with a 12 in it.
  const number = /^#?\s*(\d{1,15})$/.exec(q.trim());
  if (number) return item.id === Number(number[1]);
  const needle = q.toLowerCase();
  const haystack = [`case ${item.id}`, `#${item.id}`, item.personName ?? '', item.conversationId, item.summary, item.clinician ?? '', item.region, ...item.reasons, ...item.reasons.map(reasonLabel)].join('\n').toLowerCase();
  return haystack.includes(needle);
}

function shown(item: QueueRow, filters: QueueFilters, reasonLabel: (id: string) => string): boolean {
  if (filters.urgency && item.urgency !== filters.urgency) return false;
  if (filters.status === 'live' && item.status === 'closed') return false;
  if (filters.status !== 'live' && filters.status !== 'all' && item.status !== filters.status) return false;
  if (filters.overdue && item.overdueBy <= 0) return false;
  if (filters.q && !matchesSearch(item, filters.q, reasonLabel)) return false;
  return true;
}

const liveFirst = (a: QueueRow, b: QueueRow) =>
  Number(a.status === 'closed') - Number(b.status === 'closed') ||
  (a.status === 'closed' ? (b.closedAt ?? '').localeCompare(a.closedAt ?? '') : storedUrgencyRank(a.urgency) - storedUrgencyRank(b.urgency) || b.overdueBy - a.overdueBy || a.createdAt.localeCompare(b.createdAt)) ||
  a.id - b.id;

export function buildQueue(cases: QueueCase[], filters: QueueFilters, now: Date, windows: AcceptWindows, reasonLabel: (id: string) => string): { groups: PersonGroup[]; counts: { live: number; emergency: number; overdue: number } } {
  const rows = cases.map((item): QueueRow => ({ ...item, overdueBy: overdueMinutes(item, now, windows) }));
  const byPerson = new Map<string, QueueRow[]>();
  for (const row of rows) byPerson.set(row.conversationId, [...(byPerson.get(row.conversationId) ?? []), row]);
  const groups: PersonGroup[] = [];
  for (const [conversationId, theirs] of byPerson) {
    const visible = theirs.filter((row) => shown(row, filters, reasonLabel)).sort(liveFirst);
    if (visible.length === 0) continue;
    const others = theirs.filter((row) => !visible.includes(row)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const named = theirs.find((row) => row.personName) ?? theirs[0]!;
    groups.push({ conversationId, personName: named.personName, channelId: named.channelId, rows: visible, others });
  }
  groups.sort((a, b) => liveFirst(a.rows[0]!, b.rows[0]!));
  const live = rows.filter((row) => row.status !== 'closed');
  return { groups, counts: { live: live.length, emergency: live.filter((row) => row.urgency === 'emergency').length, overdue: live.filter((row) => row.overdueBy > 0).length } };
}
