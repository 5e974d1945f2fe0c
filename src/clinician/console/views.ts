/** The console's HTML: plain server-rendered pages, every value escaped, no inline script or style. */
import type { ClinicianCase } from '../store.ts';
import type { PatientRecord, TranscriptEntry } from '../record.ts';
import type { ClinicianWording } from '../wording.ts';

export const esc = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function page(title: string, body: string, options: { clinician?: string; csrf?: string; script?: boolean } = {}): string {
  const logout = options.clinician
    ? `<form method="post" action="/clinician/logout" class="logout"><input type="hidden" name="csrf" value="${esc(options.csrf)}"><span>${esc(options.clinician)}</span> <button type="submit">Log out</button></form>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · Care team console</title><link rel="stylesheet" href="/clinician/static/console.css">
${options.script ? '<script src="/clinician/static/console.js" defer></script>' : ''}</head>
<body><header><a href="/clinician" class="home">Care team console</a>${logout}</header><main>${body}</main></body></html>`;
}

export function loginPage(problem?: string): string {
  return page(
    'Log in',
    `<h1>Log in</h1>
${problem ? `<p class="problem" role="alert">${esc(problem)}</p>` : ''}
<form method="post" action="/clinician/login" class="stack">
  <label for="name">Your name, as the person will see it</label>
  <input id="name" name="name" autocomplete="name" required maxlength="80" placeholder="Dr Sam Lee">
  <label for="token">Care team access key</label>
  <input id="token" name="token" type="password" autocomplete="current-password" required>
  <button type="submit">Log in</button>
</form>`,
  );
}

/** The 401 body: a way to log in, no data. */
export function unauthorizedPage(enabled: boolean): string {
  if (!enabled) return page('Not enabled', '<h1>The clinician console is not enabled</h1><p>An operator must set CLINICIAN_TOKEN.</p>');
  return page('Log in needed', '<h1>Log in needed</h1><p><a href="/clinician/login">Log in to the care team console</a>.</p>');
}

export function age(fromIso: string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(fromIso)) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}

function marker(item: Pick<ClinicianCase, 'urgency'>, wording: ClinicianWording): string {
  return `<span class="urgency urgency-${esc(item.urgency)}">${esc(wording.urgencyMarker[item.urgency])}</span>`;
}

const statusWords: Record<string, string> = { open: 'Waiting to be accepted', accepted: 'Accepted', closed: 'Closed' };

export function queuePage(
  live: ClinicianCase[],
  closed: ClinicianCase[],
  options: { now: Date; wording: ClinicianWording; reasonLabel: (id: string) => string; clinician: string; csrf: string; pairingCode?: { code: string; minutes: number }; channels: number },
): string {
  const { wording } = options;
  const row = (item: ClinicianCase) => `<tr class="case case-${esc(item.urgency)}" data-case="${item.id}">
  <td>${marker(item, wording)}</td>
  <td><a href="/clinician/cases/${item.id}">Case #${item.id}</a></td>
  <td>${esc(age(item.createdAt, options.now))}</td>
  <td>${esc(statusWords[item.status])}${item.clinician ? ` (${esc(item.clinician)})` : ''}${item.escalatedAt && item.status === 'open' ? ' <strong>escalated</strong>' : ''}</td>
  <td>${esc(item.reasons.map(options.reasonLabel).join('; '))}</td>
  <td>${esc(item.region)}</td></tr>`;
  const pairing = options.pairingCode
    ? `<p role="status" class="notice">In the Teams channel, write: <code>@bot use this channel for handoffs ${esc(options.pairingCode.code)}</code> (valid for ${options.pairingCode.minutes} minutes).</p>`
    : '';
  return page(
    'Handoffs',
    `<h1>Open handoffs</h1>
${live.length ? `<table class="queue" id="queue"><thead><tr><th>Urgency</th><th>Case</th><th>Waiting</th><th>Status</th><th>Reasons</th><th>Region</th></tr></thead><tbody>${live.map(row).join('')}</tbody></table>` : '<p>No open handoffs.</p>'}
<h2>Recently closed</h2>
${closed.length ? `<ul>${closed.map((item) => `<li><a href="/clinician/cases/${item.id}">Case #${item.id}</a>: ${esc(options.wording.outcomes[item.outcome as keyof ClinicianWording['outcomes']] ?? item.outcome)} (${esc(item.clinician ?? 'not accepted')})</li>`).join('')}</ul>` : '<p>None yet.</p>'}
<h2>Teams</h2>
<p>${options.channels} care-team channel(s) receive handoff cards.</p>
${pairing}
<form method="post" action="/clinician/pairing"><input type="hidden" name="csrf" value="${esc(options.csrf)}"><button type="submit">Connect a Teams channel</button></form>`,
    { clinician: options.clinician, csrf: options.csrf },
  );
}

export function transcriptHtml(entries: TranscriptEntry[]): string {
  if (!entries.length) return '<p>No messages yet.</p>';
  const who = (entry: TranscriptEntry) =>
    entry.from === 'person' ? 'Person' : entry.from === 'bot' ? 'Coach (bot)' : entry.from === 'clinician' ? `${entry.who} (care team)` : `Note by ${entry.who}`;
  return `<ol class="transcript" data-count="${entries.length}">${entries
    .map(
      (entry) =>
        `<li class="from-${entry.from}"><span class="who">${esc(who(entry))}</span> <time datetime="${esc(entry.at)}">${esc(entry.at.slice(0, 16).replace('T', ' '))}</time><div class="text">${esc(entry.text)}</div>${entry.problem ? `<div class="problem">Not delivered: ${esc(entry.problem)}</div>` : ''}</li>`,
    )
    .join('')}</ol>`;
}

export interface CasePageOptions {
  now: Date;
  wording: ClinicianWording;
  reasonLabel: (id: string) => string;
  clinician: string;
  csrf: string;
  notice?: { text: string; kind: 'ok' | 'problem' };
  problems?: string[];
}

export function casePage(item: ClinicianCase, record: PatientRecord | null, options: CasePageOptions): string {
  const { wording, csrf } = options;
  const hidden = `<input type="hidden" name="csrf" value="${esc(csrf)}"><input type="hidden" name="version" value="${item.version}">`;
  const outcomeOptions = Object.entries(wording.outcomes)
    .map(([value, label]) => `<option value="${esc(value)}">${esc(label)}</option>`)
    .join('');
  const actions: string[] = [];
  if (item.status === 'open') {
    actions.push(`<form method="post" action="/clinician/cases/${item.id}/accept" class="accept">${hidden}<button type="submit" id="accept">Accept case</button></form>`);
  }
  if (item.status === 'accepted') {
    actions.push(`<form method="post" action="/clinician/cases/${item.id}/message" class="stack">${hidden}
<label for="message">Write to the person (they see it from “${esc(options.clinician)} (care team)”)</label>
<textarea id="message" name="text" rows="3" maxlength="2000" required></textarea><button type="submit" id="send">Send</button></form>`);
  }
  if (item.status !== 'closed') {
    actions.push(`<form method="post" action="/clinician/cases/${item.id}/note" class="stack">${hidden}
<label for="note">Add a note to the record (not sent to the person)</label><textarea id="note" name="text" rows="2" maxlength="4000" required></textarea><button type="submit">Add note</button></form>`);
    actions.push(`<form method="post" action="/clinician/cases/${item.id}/close" class="stack">${hidden}
<label for="outcome">Close with an outcome</label><select id="outcome" name="outcome" required>${outcomeOptions}</select>
<label for="closeNote">Note for the hand-back (optional)</label><textarea id="closeNote" name="note" rows="2" maxlength="4000"></textarea>
<button type="submit" id="close">Close case</button>${item.status === 'open' ? '<p class="hint">Not accepted: the person’s conversation is not changed, only the record.</p>' : ''}</form>`);
  }
  const notice = options.notice ? `<p role="${options.notice.kind === 'problem' ? 'alert' : 'status'}" class="${options.notice.kind === 'problem' ? 'problem' : 'notice'}" id="notice">${esc(options.notice.text)}</p>` : '';
  const problems = options.problems?.length ? `<ul class="problem" role="alert">${options.problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>` : '';
  const section = (title: string, content: string) => `<section><h2>${esc(title)}</h2>${content}</section>`;
  const table = (head: string[], rows: string[][]) =>
    rows.length ? `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>` : '<p>None.</p>';
  const r = record;
  const body = `<h1>${marker(item, wording)} Case #${item.id}</h1>
<p class="status" id="status">${esc(statusWords[item.status])}${item.clinician ? ` by ${esc(item.clinician)}` : ''}${item.outcome ? `: ${esc(wording.outcomes[item.outcome as keyof ClinicianWording['outcomes']] ?? item.outcome)}` : ''} · opened ${esc(age(item.createdAt, options.now))} ago${r?.exerciseOnHold ? ' · <strong>exercise on hold</strong>' : ''}</p>
${notice}${problems}
<p class="urgency-words">${esc(wording.urgency[item.urgency])}</p>
<p class="summary">${esc(item.summary)}</p>
<div class="actions">${actions.join('')}</div>
${section('Warning signs and the words that raised them', table(['When', 'Warning sign', 'Urgency', 'Their words'], (r?.redFlags ?? []).map((f) => [f.at.slice(0, 16).replace('T', ' '), f.label, f.urgency, f.words])))}
${section('Transcript', `<div id="transcript" data-case="${item.id}">${transcriptHtml(r?.transcript ?? [])}</div>`)}
${section('Pain', `${r?.chart ? `<figure class="chart" role="img" aria-label="${esc(r.chart.alt)}">${r.chart.svg.replace(/^<\?xml[^>]*>/, '')}<figcaption>${esc(r.chart.alt)}</figcaption></figure>` : ''}${table(['When', 'Score', 'Asked during'], (r?.pain ?? []).map((p) => [p.at.slice(0, 16).replace('T', ' '), `${p.score}/10`, p.context]))}`)}
${section('Screening answers', table(['Question', 'Answer'], (r?.screening ?? []).map((s) => [s.question, s.answer])))}
${section('Movement responses per exercise and stage', table(['Exercise', 'Stage', 'Responses'], (r?.movement ?? []).map((m) => [m.exercise, m.stage, m.responses.map((x) => `${x.date}: ${x.response}${x.toesOrFingers ? ' (to toes or fingers)' : ''}`).join('; ')])))}
${section('Directional preference', `<p>${esc(r?.directionalPreference.preference ?? 'unknown')}</p>${r?.directionalPreference.evidence.length ? `<ul>${r.directionalPreference.evidence.map((e) => `<li>${esc(e)}</li>`).join('')}</ul>` : ''}`)}
${section('Adherence', r?.adherence.programmeStart ? `<p>${r.adherence.sessionDays} day(s) with a session out of ${r.adherence.days} since the programme started (${esc(r.adherence.programmeStart.slice(0, 10))}); ${r.adherence.sessionsStarted} session(s) started, ${r.adherence.sessionsFinished} finished; ${r.adherence.checkIns} check-in(s).</p>` : '<p>The exercise programme has not started.</p>')}`;
  return page(`Case #${item.id}`, body, { clinician: options.clinician, csrf, script: true });
}
