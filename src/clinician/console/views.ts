/** The console's HTML: plain server-rendered pages, every value escaped, no inline script or style. */
import type { AuditEntry, ClinicianCase } from '../store.ts';
import type { PatientRecord, TranscriptEntry } from '../record.ts';
import type { ClinicClock } from '../clinicTime.ts';
import { outcomes } from '../closeRules.ts';
import { holdsExercise } from '../../vocabulary/index.ts';
import type { ClinicianWording } from '../wording.ts';

export const esc = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface PageClinician {
  name: string;
  method: string;
  csrf: string;
}

const methodWords: Record<string, string> = { oidc: 'signed in with your organisation', 'shared-key': 'shared access key', 'one-time-link': 'one-time link (local mode)' };

export function page(title: string, body: string, options: { clinician?: PageClinician; script?: boolean } = {}): string {
  const who = options.clinician
    ? `<form method="post" action="/clinician/logout" class="logout"><input type="hidden" name="csrf" value="${esc(options.clinician.csrf)}"><span id="signed-in-as" title="${esc(methodWords[options.clinician.method] ?? options.clinician.method)}">${esc(options.clinician.name)}</span> <button type="submit">Sign out</button></form>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · Care team console</title><link rel="stylesheet" href="/clinician/static/console.css">
${options.script ? '<script src="/clinician/static/console.js" defer></script>' : ''}</head>
<body><header><a href="/clinician" class="home">Care team console</a>${who}</header><main>${body}</main></body></html>`;
}

export interface SignInOptions {
  oidc: boolean;
  sharedKey: boolean;
  link: boolean;
  problem?: string;
  notice?: string;
}

/** The sign-in page: the clinic's provider first, the shared key for local use below it. */
export function loginPage(options: SignInOptions): string {
  const parts: string[] = [`<h1>Sign in</h1>`];
  if (options.problem) parts.push(`<p class="problem" role="alert">${esc(options.problem)}</p>`);
  if (options.notice) parts.push(`<p class="notice" role="status">${esc(options.notice)}</p>`);
  if (options.oidc) parts.push(`<p><a class="button" id="sign-in-oidc" href="/clinician/auth/login">Sign in with your organisation account</a></p>`);
  if (options.sharedKey) {
    parts.push(`${options.oidc ? '<h2>Local shared key</h2>' : ''}<form method="post" action="/clinician/login" class="stack">
  <label for="name">Your name, as the person will see it</label>
  <input id="name" name="name" autocomplete="name" required maxlength="80" placeholder="Dr Sam Lee">
  <label for="token">Care team access key</label>
  <input id="token" name="token" type="password" autocomplete="current-password" required>
  <button type="submit">Sign in</button>
  <p class="hint">The access key is shared: the audit marks what is done with it as "shared key".</p>
</form>`);
  }
  if (!options.oidc && !options.sharedKey && options.link) parts.push(`<p>Open the one-time sign-in link the bot printed when it started (local mode). Restart the bot for a new one.</p>`);
  return page('Sign in', parts.join('\n'));
}

/** The 401 body: a way to sign in, no data. */
export function unauthorizedPage(options: Omit<SignInOptions, 'problem' | 'notice'>): string {
  if (!options.oidc && !options.sharedKey && !options.link) {
    return page('Not enabled', '<h1>The clinician console is not enabled</h1><p>An operator must set OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (the clinic\'s sign-in), or CLINICIAN_TOKEN.</p>');
  }
  if (!options.oidc && !options.sharedKey) return page('Sign in needed', '<h1>Sign in needed</h1><p>Open the one-time sign-in link the bot printed when it started (local mode). Restart the bot for a new one.</p>');
  return page('Sign in needed', '<h1>Sign in needed</h1><p><a href="/clinician/login">Log in to the care team console</a>.</p>');
}

/** The one-time link's page: the link signs in once, with the name the person will see. */
export function linkPage(action: string, problem?: string): string {
  return page(
    'Sign in',
    `<h1>Sign in (local mode)</h1>
${problem ? `<p class="problem" role="alert">${esc(problem)}</p>` : ''}
<form method="post" action="${esc(action)}" class="stack">
  <label for="name">Your name, as the person will see it</label>
  <input id="name" name="name" autocomplete="name" required maxlength="80" placeholder="Dr Sam Lee">
  <button type="submit">Sign in</button>
  <p class="hint">This link works once. The audit marks what you do as signed in with a one-time link.</p>
</form>`,
  );
}

export function messagePage(title: string, text: string, status: 'problem' | 'notice' = 'problem', link = '<a href="/clinician/login">Sign in</a>'): string {
  return page(title, `<h1>${esc(title)}</h1><p class="${status}" role="${status === 'problem' ? 'alert' : 'status'}">${esc(text)}</p><p>${link}</p>`);
}

export function age(fromIso: string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(fromIso)) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}

export function marker(item: Pick<ClinicianCase, 'urgency'>, wording: ClinicianWording): string {
  return `<span class="urgency urgency-${esc(item.urgency)}">${esc(wording.urgencyMarker[item.urgency])}</span>`;
}

export const statusWords: Record<string, string> = { open: 'Waiting to be accepted', accepted: 'Accepted', closed: 'Closed' };

export function outcomeWords(outcome: string | null, wording: ClinicianWording): string {
  return wording.outcomes[outcome as keyof ClinicianWording['outcomes']] ?? outcome ?? '';
}

export function transcriptHtml(entries: TranscriptEntry[], clock: ClinicClock, now: Date): string {
  if (!entries.length) return '<p>No messages yet.</p>';
  const who = (entry: TranscriptEntry) =>
    entry.from === 'person'
      ? 'Person'
      : entry.from === 'bot'
        ? 'Coach (bot)'
        : entry.from === 'clinician'
          ? `${entry.who} (care team)`
          : entry.from === 'statement'
            ? 'The person’s statement (care team told)'
            : entry.from === 'event'
              ? `${entry.who ?? 'Care team'} (record)`
              : `Note by ${entry.who}`;
  return `<ol class="transcript" data-count="${entries.length}">${entries
    .map(
      (entry) =>
        `<li class="from-${entry.from}"><span class="who">${esc(who(entry))}</span> <time datetime="${esc(entry.at)}" title="${esc(clock.full(entry.at))}">${esc(clock.time(entry.at, now))}</time><div class="text">${esc(entry.text)}</div>${entry.problem ? `<div class="problem">Not delivered: ${esc(entry.problem)}</div>` : ''}</li>`,
    )
    .join('')}</ol>`;
}

export interface CasePageOptions {
  now: Date;
  wording: ClinicianWording;
  reasonLabel: (id: string) => string;
  clinician: PageClinician;
  clock: ClinicClock;
  personName: string | null;
  /** The person's other cases, newest first. */
  otherCases: ClinicianCase[];
  audit: (AuditEntry & { at: string })[];
  links: { text: string; href: string }[];
  overdueBy: number;
  notice?: { text: string; kind: 'ok' | 'problem' };
  problems?: string[];
  /** What the clinician had filled in, shown again after a refused close. */
  closeForm?: { outcome?: string; reason?: string; note?: string; confirmed?: boolean };
}

const auditMethod: Record<string, string> = { oidc: 'signed in', 'shared-key': 'shared key', 'one-time-link': 'one-time link', teams: 'Teams', system: 'system' };

function closeFormHtml(item: ClinicianCase, hidden: string, options: CasePageOptions): string {
  const { wording } = options;
  const filled = options.closeForm ?? {};
  const choices = [`<option value=""${filled.outcome ? '' : ' selected'} disabled>Choose an outcome</option>`, ...outcomes.map((value) => `<option value="${esc(value)}"${filled.outcome === value ? ' selected' : ''}>${esc(wording.outcomes[value])}</option>`)].join('');
  const guarded = holdsExercise(item.urgency);
  const clearance = guarded
    ? `<fieldset id="clearance" class="clearance">
<legend>Clearing this ${esc(item.urgency)} case for exercise</legend>
<p class="hint">Only for “${esc(wording.outcomes.cleared_to_exercise)}”. It lifts the exercise hold that protects the person: confirm it only after you have assessed them.</p>
<label class="check"><input type="checkbox" id="confirmCleared" name="confirmCleared" value="yes"${filled.confirmed ? ' checked' : ''}> I have assessed this person and confirm it is safe for them to exercise again</label>
<label for="clearanceReason">Why it is safe to exercise</label><textarea id="clearanceReason" name="reason" rows="2" maxlength="1000">${esc(filled.reason ?? '')}</textarea>
</fieldset>`
    : '';
  return `<form method="post" action="/clinician/cases/${item.id}/close" class="stack close-form" id="close-form" data-guarded="${guarded ? 'yes' : 'no'}">${hidden}
<label for="outcome">Close with an outcome</label><select id="outcome" name="outcome" required>${choices}</select>
${clearance}
<label for="closeNote">Note for the hand-back (optional)</label><textarea id="closeNote" name="note" rows="2" maxlength="4000">${esc(filled.note ?? '')}</textarea>
<button type="submit" id="close">Close case</button>${item.status === 'open' ? '<p class="hint">Not accepted: the person’s conversation is not changed, only the record.</p>' : ''}</form>`;
}

export function casePage(item: ClinicianCase, record: PatientRecord | null, options: CasePageOptions): string {
  const { wording, clock, now } = options;
  const csrf = options.clinician.csrf;
  const hidden = `<input type="hidden" name="csrf" value="${esc(csrf)}"><input type="hidden" name="version" value="${item.version}">`;
  const actions: string[] = [];
  if (item.status === 'open') {
    actions.push(`<form method="post" action="/clinician/cases/${item.id}/accept" class="accept">${hidden}<button type="submit" id="accept">Accept case</button></form>`);
  }
  if (item.status === 'accepted') {
    actions.push(`<form method="post" action="/clinician/cases/${item.id}/message" class="stack">${hidden}
<label for="message">Write to the person (they see it from “${esc(options.clinician.name)} (care team)”)</label>
<textarea id="message" name="text" rows="3" maxlength="2000" required></textarea><button type="submit" id="send">Send</button></form>`);
  }
  if (item.status !== 'closed') {
    actions.push(`<form method="post" action="/clinician/cases/${item.id}/note" class="stack">${hidden}
<label for="note">Add a note to the record (not sent to the person)</label><textarea id="note" name="text" rows="2" maxlength="4000" required></textarea><button type="submit">Add note</button></form>`);
    actions.push(closeFormHtml(item, hidden, options));
  }
  const notice = options.notice ? `<p role="${options.notice.kind === 'problem' ? 'alert' : 'status'}" class="${options.notice.kind === 'problem' ? 'problem' : 'notice'}" id="notice">${esc(options.notice.text)}</p>` : '';
  const problems = options.problems?.length ? `<ul class="problem" role="alert" id="problems">${options.problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>` : '';
  const section = (title: string, content: string, id?: string) => `<section${id ? ` id="${id}"` : ''}><h2>${esc(title)}</h2>${content}</section>`;
  const table = (head: string[], rows: string[][]) =>
    rows.length ? `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>` : '<p>None.</p>';
  const r = record;
  const when = (iso: string) => clock.time(iso, now);
  const links = [{ text: 'FHIR record (JSON)', href: `/clinician/cases/${item.id}/fhir` }, ...options.links];
  const others = options.otherCases.length
    ? `<ul>${options.otherCases.map((other) => `<li><a href="/clinician/cases/${other.id}">Case #${other.id}</a>: ${esc(wording.urgency[other.urgency])}, ${esc(statusWords[other.status])}${other.outcome ? ` (${esc(outcomeWords(other.outcome, wording))})` : ''}, opened ${esc(clock.full(other.createdAt))}</li>`).join('')}</ul>`
    : '<p>No other cases.</p>';
  const statusLine = `${esc(statusWords[item.status])}${item.clinician ? ` by ${esc(item.clinician)}` : ''}${item.status === 'closed' && item.closedBy && item.closedBy !== item.clinician ? ` (closed by ${esc(item.closedBy)})` : ''}${item.outcome ? `: ${esc(outcomeWords(item.outcome, wording))}` : ''}`;
  const body = `<h1>${marker(item, wording)} Case #${item.id}${options.personName ? `: ${esc(options.personName)}` : ''}</h1>
<p class="status" id="status">${statusLine} · opened ${esc(when(item.createdAt))} (${esc(age(item.createdAt, now))} ago)${options.overdueBy > 0 ? ` · <strong class="overdue">OVERDUE by ${options.overdueBy} min</strong>` : ''}${r?.exerciseOnHold ? ' · <strong>exercise on hold</strong>' : ''}</p>
${notice}${problems}
<p class="urgency-words">${esc(wording.urgency[item.urgency])}</p>
<p class="summary">${esc(item.summary)}</p>
<nav class="case-links">${links.map((link) => `<a href="${esc(link.href)}">${esc(link.text)}</a>`).join(' · ')}</nav>
<div class="actions">${actions.join('')}</div>
${section('Warning signs and the words that raised them', table(['When', 'Warning sign', 'Urgency', 'Their words'], (r?.redFlags ?? []).map((f) => [when(f.at), f.label, f.urgency, f.words])))}
${section('Timeline', `<div id="transcript" role="log" aria-live="polite" aria-relevant="additions" aria-label="Conversation timeline, new messages are announced" data-case="${item.id}">${transcriptHtml(r?.transcript ?? [], clock, now)}</div>`)}
${section('Pain', `${r?.chart ? `<figure class="chart" role="img" aria-label="${esc(r.chart.alt)}">${r.chart.svg.replace(/^<\?xml[^>]*>/, '')}<figcaption>${esc(r.chart.alt)}</figcaption></figure>` : ''}${table(['When', 'Score', 'Asked during'], (r?.pain ?? []).map((p) => [when(p.at), `${p.score}/10`, p.context]))}`)}
${section('Screening answers', table(['Question', 'Answer'], (r?.screening ?? []).map((s) => [s.question, s.answer])))}
${section('Movement responses per exercise and stage', table(['Exercise', 'Stage', 'Responses'], (r?.movement ?? []).map((m) => [m.exercise, m.stage, m.responses.map((x) => `${x.date}: ${x.response}${x.toesOrFingers ? ' (to toes or fingers)' : ''}`).join('; ')])))}
${section('Directional preference', `<p>${esc(r?.directionalPreference.preference ?? 'unknown')}</p>${r?.directionalPreference.evidence.length ? `<ul>${r.directionalPreference.evidence.map((e) => `<li>${esc(e)}</li>`).join('')}</ul>` : ''}`)}
${section('Adherence', r?.adherence.programmeStart ? `<p>${r.adherence.sessionDays} day(s) with a session out of ${r.adherence.days} since the programme started (${esc(r.adherence.programmeStart.slice(0, 10))}); ${r.adherence.sessionsStarted} session(s) started, ${r.adherence.sessionsFinished} finished; ${r.adherence.checkIns} check-in(s).</p>` : '<p>The exercise programme has not started.</p>')}
${section('Other cases of this person', others)}
${section('Audit of this case', table(['When', 'Who', 'How known', 'What'], options.audit.map((entry) => [clock.full(entry.at), entry.actor, auditMethod[entry.actorMethod ?? ''] ?? entry.actorMethod ?? '', entry.action])), 'audit')}
<p class="hint">Times in ${esc(clock.zone)}.</p>`;
  return page(`Case #${item.id}`, body, { clinician: options.clinician, script: true });
}
