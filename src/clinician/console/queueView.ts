/**
 * The queue page: open handoffs grouped per person, filters and search (a plain GET form, so it
 * works without script), times in the clinic's zone, overdue marks. console.js keeps the table
 * live over server-sent events and sounds an alert for a new emergency.
 */
import type { ClinicClock } from '../clinicTime.ts';
import type { ClinicianWording } from '../wording.ts';
import type { QueueCase } from '../store.ts';
import { URGENCY_ORDER } from '../../vocabulary/index.ts';
import { filtersQuery, type PersonGroup, type QueueFilters, type QueueRow } from './queue.ts';
import { age, esc, marker, outcomeWords, page, statusWords, type PageClinician } from './views.ts';

export interface QueueViewOptions {
  now: Date;
  wording: ClinicianWording;
  reasonLabel: (id: string) => string;
  clock: ClinicClock;
  filters: QueueFilters;
  counts: { live: number; emergency: number; overdue: number };
}

function personLabel(group: Pick<PersonGroup, 'personName' | 'channelId' | 'conversationId'>): string {
  return group.personName ?? `Unnamed person (${group.channelId ?? 'unknown channel'})`;
}

function row(item: QueueRow, group: PersonGroup, first: boolean, options: QueueViewOptions): string {
  const { wording, clock, now } = options;
  const waiting = item.status === 'closed' ? `closed ${clock.time(item.closedAt ?? item.updatedAt, now)}` : age(item.createdAt, now);
  const others = group.others.length
    ? `<div class="earlier">${group.others.length} other case(s): ${group.others.map((other: QueueCase) => `<a href="/clinician/cases/${other.id}">#${other.id}</a>`).join(', ')}</div>`
    : '';
  const person = first ? `<td class="person" rowspan="${group.rows.length}"><span class="name">${esc(personLabel(group))}</span>${others}</td>` : '';
  return `<tr class="case case-${esc(item.urgency)}" data-case="${item.id}" data-urgency="${esc(item.urgency)}" data-status="${esc(item.status)}">
  <td>${marker(item, wording)}</td>
  <td><a href="/clinician/cases/${item.id}">Case #${item.id}</a></td>
  ${person}
  <td><time datetime="${esc(item.createdAt)}" title="${esc(clock.full(item.createdAt))}">${esc(clock.time(item.createdAt, now))}</time> · ${esc(waiting)}</td>
  <td>${esc(statusWords[item.status])}${item.clinician ? ` (${esc(item.clinician)})` : ''}${item.status === 'closed' && item.outcome ? `: ${esc(outcomeWords(item.outcome, wording))}` : ''}${item.overdueBy > 0 ? ` <strong class="overdue">OVERDUE by ${item.overdueBy} min</strong>` : ''}${item.escalatedAt && item.status === 'open' ? ' <strong>escalated</strong>' : ''}</td>
  <td>${esc(item.reasons.map(options.reasonLabel).join('; '))}</td>
  <td>${esc(item.region)}</td></tr>`;
}

/** The table alone: the page's first render and every live refresh (GET /clinician/queue/rows). */
export function queueTable(groups: PersonGroup[], options: QueueViewOptions): string {
  const { counts } = options;
  const summary = `<p class="counts" id="counts">${counts.live} open or accepted · ${counts.emergency} emergency · ${counts.overdue} overdue</p>`;
  if (!groups.length) return `${summary}<p id="empty">${options.filters.status === 'live' && !options.filters.q && !options.filters.urgency && !options.filters.overdue ? 'No open handoffs.' : 'No case matches these filters.'}</p>`;
  return `${summary}<table class="queue" id="queue"><thead><tr><th>Urgency</th><th>Case</th><th>Person</th><th>Opened</th><th>Status</th><th>Reasons</th><th>Region</th></tr></thead>${groups
    .map((group) => `<tbody class="person-group" data-conversation="${esc(group.conversationId)}">${group.rows.map((item, index) => row(item, group, index === 0, options)).join('')}</tbody>`)
    .join('')}</table>`;
}

function select(name: string, label: string, current: string | undefined, choices: [string, string][]): string {
  return `<label>${esc(label)} <select name="${name}" id="filter-${name}">${choices.map(([value, text]) => `<option value="${esc(value)}"${(current ?? '') === value ? ' selected' : ''}>${esc(text)}</option>`).join('')}</select></label>`;
}

export function queuePage(
  groups: PersonGroup[],
  closed: QueueCase[],
  options: QueueViewOptions & { clinician: PageClinician; pairingCode?: { code: string; minutes: number }; channels: number },
): string {
  const { wording, filters, clock, now } = options;
  const pairing = options.pairingCode
    ? `<p role="status" class="notice">In the Teams channel, write: <code>@bot use this channel for handoffs ${esc(options.pairingCode.code)}</code> (valid for ${options.pairingCode.minutes} minutes).</p>`
    : '';
  const form = `<form method="get" action="/clinician" class="filters" id="filters" role="search">
${select('urgency', 'Urgency', filters.urgency, [['', 'Any'], ...URGENCY_ORDER.map((tier) => [tier, `${tier[0]!.toUpperCase()}${tier.slice(1)}`] as [string, string])])}
${select('status', 'Status', filters.status, [['live', 'Waiting or accepted'], ['open', 'Waiting to be accepted'], ['accepted', 'Accepted'], ['closed', 'Closed'], ['all', 'All']])}
<label class="check"><input type="checkbox" name="overdue" value="yes" id="filter-overdue"${filters.overdue ? ' checked' : ''}> Overdue only</label>
<label>Search <input type="search" name="q" id="filter-q" value="${esc(filters.q ?? '')}" placeholder="name, case number, warning sign" maxlength="100"></label>
<button type="submit">Show</button>${filtersQuery(filters) ? ' <a href="/clinician">Clear</a>' : ''}
</form>`;
  const alerts = `<div class="live-bar"><p id="live-status" class="hint" aria-live="polite">Live updates: connecting…</p><button type="button" id="sound" aria-pressed="false">Turn on sound alerts</button></div>
<div id="alert" role="alert" class="alert" hidden></div>`;
  return page(
    'Handoffs',
    `<h1>Open handoffs</h1>
${alerts}
${form}
<div id="queue-box" data-query="${esc(filtersQuery(filters))}">${queueTable(groups, options)}</div>
<h2>Recently closed</h2>
${closed.length ? `<ul>${closed.map((item) => `<li><a href="/clinician/cases/${item.id}">Case #${item.id}</a>${item.personName ? ` (${esc(item.personName)})` : ''}: ${esc(outcomeWords(item.outcome, wording))} by ${esc(item.closedBy ?? item.clinician ?? 'not accepted')}, ${esc(clock.time(item.closedAt ?? item.updatedAt, now))}</li>`).join('')}</ul>` : '<p>None yet.</p>'}
<h2>Teams</h2>
<p>${options.channels} care-team channel(s) receive handoff cards.</p>
${pairing}
<form method="post" action="/clinician/pairing"><input type="hidden" name="csrf" value="${esc(options.clinician.csrf)}"><button type="submit">Connect a Teams channel</button></form>
<p class="hint">Times in ${esc(clock.zone)}.</p>`,
    { clinician: options.clinician, script: true },
  );
}
