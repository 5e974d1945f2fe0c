/**
 * /clinician: the care team's console. Every page and action needs a clinician (console/auth.ts);
 * without one a page sends the browser to the clinic's sign-in (OpenID Connect) or answers 401
 * with no data. Forms are validated with zod, carry a CSRF token and the case version they were
 * drawn from, so a stale or forged form changes nothing. Every view and every action is written to
 * the audit log, with how the clinician was known.
 */
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type restify from 'restify';
import { z } from 'zod';
import type { Content } from '../../content/index.ts';
import { packageRoot } from '../../packageRoot.ts';
import type { Logger } from '../../log.ts';
import type { Database } from '../../store/database.ts';
import { clinicClock } from '../clinicTime.ts';
import { needsClearance, outcomeSchema } from '../closeRules.ts';
import type { AcceptWindows } from '../escalation.ts';
import { loadPatientBundle } from '../fhir/load.ts';
import { loadRecord } from '../record.ts';
import type { ActionResult, ClinicianService } from '../service.ts';
import * as store from '../store.ts';
import type { ClinicianWording } from '../wording.ts';
import { actorOf, createAuth, type Clinician } from './auth.ts';
import { caseLinks } from './caseLinks.ts';
import { queryOf, readForm, redirect, send, securityHeaders } from './http.ts';
import { createLiveQueue, type LiveQueue } from './liveQueue.ts';
import { createOidc, type OidcSettings } from './oidc.ts';
import { buildQueue, overdueMinutes, readFilters } from './queue.ts';
import { queuePage, queueTable } from './queueView.ts';
import { createSessionStore } from './sessions.ts';
import { signInRoutes } from './signIn.ts';
import { casePage, transcriptHtml, unauthorizedPage, type PageClinician } from './views.ts';

export { securityHeaders } from './http.ts';

// Found from the package root, so the compiled start (dist/) serves the same files.
const here = join(packageRoot, 'src/clinician/console');
const STATIC: Record<string, { file: string; type: string }> = {
  'console.js': { file: join(here, 'public', 'console.js'), type: 'text/javascript; charset=utf-8' },
  'console.css': { file: join(here, 'public', 'console.css'), type: 'text/css; charset=utf-8' },
};
const PAIRING_MINUTES = 15;

const caseIdSchema = z.coerce.number<unknown>().int().positive().max(Number.MAX_SAFE_INTEGER);
const csrf = z.string().min(1).max(200);
const version = z.coerce.number<unknown>().int().positive();
const forms = {
  plain: z.strictObject({ csrf }),
  accept: z.strictObject({ csrf, version }),
  message: z.strictObject({ csrf, version: version.optional(), text: z.string().trim().min(1, 'write a message').max(2000) }),
  note: z.strictObject({ csrf, version: version.optional(), text: z.string().trim().min(1, 'write a note').max(4000) }),
  // No outcome is ever assumed: an empty choice is refused. The clearance fields are checked by closeRules.ts.
  close: z.strictObject({
    csrf,
    version,
    outcome: outcomeSchema,
    note: z.string().trim().max(4000).optional().transform((v) => v || undefined),
    reason: z.string().max(1000).optional().transform((v) => v?.trim() || undefined),
    confirmCleared: z.literal('yes').optional(),
  }),
};

export interface ConsoleDeps {
  db: Database;
  content: Content;
  wording: ClinicianWording;
  service: ClinicianService;
  token: string | undefined;
  oidc?: OidcSettings;
  /** Local mode without OIDC: a one-time link printed at start signs in. */
  linkSignIn: boolean;
  sessionHours: number;
  timeZone: string;
  windows: AcceptWindows;
  log: Logger;
  now: () => Date;
}

/** Notices after an action (Post/Redirect/Get): a fixed set of codes, never free text in the URL. */
const NOTICES: Record<string, { text: string; kind: 'ok' | 'problem' }> = {
  accepted: { text: 'You accepted the case. The person has been told you joined.', kind: 'ok' },
  sent: { text: 'Sent to the person.', kind: 'ok' },
  noted: { text: 'Note added.', kind: 'ok' },
  closed: { text: 'Case closed. The person has been told you left and handed them back to the coach.', kind: 'ok' },
  closedQuiet: { text: 'Case closed.', kind: 'ok' },
  stale: { text: 'This case changed since you opened it (someone else may have acted). Nothing was changed; here is the current state.', kind: 'problem' },
  notAccepted: { text: 'Accept the case before writing to the person.', kind: 'problem' },
  blocked: { text: 'The message could not be delivered: the person has uninstalled or blocked the bot.', kind: 'problem' },
  retry: { text: 'The message could not be delivered just now. Please try again in a moment.', kind: 'problem' },
  failed: { text: 'The message could not be delivered.', kind: 'problem' },
  no_reference: { text: "The person's conversation has no address to write to.", kind: 'problem' },
};

export interface ConsoleSide {
  register: (server: restify.Server) => void;
  live: LiveQueue;
  sessions: ReturnType<typeof createSessionStore>;
}

export function consoleRoutes(deps: ConsoleDeps): ConsoleSide {
  const sessions = createSessionStore(deps.db, deps.now, deps.sessionHours);
  const oidc = deps.oidc ? createOidc(deps.oidc) : undefined;
  const auth = createAuth(deps.token, sessions, { oidc: Boolean(oidc), sharedKey: Boolean(deps.token), link: deps.linkSignIn }, deps.sessionHours);
  const clock = clinicClock(deps.timeZone);
  const live = createLiveQueue({ db: deps.db, log: deps.log, subscribe: deps.service.subscribe });
  const pageOptions = { oidc: auth.modes.oidc, sharedKey: auth.modes.sharedKey, link: auth.modes.link };
  const audit = (clinician: Clinician, entry: Omit<store.AuditEntry, 'actor'>) => store.audit(deps.db, { ...actorOf(clinician), ...entry }, deps.now());
  const pageClinician = (clinician: Clinician): PageClinician => ({ name: clinician.name, method: clinician.method, csrf: auth.csrfFor(clinician) });

  function failure(res: restify.Response, error: unknown) {
    deps.log.error({ err: error }, 'clinician console failed');
    if (!res.headersSent) send(res, 500, '<!doctype html><title>Error</title><p>Something went wrong. Nothing more was changed.</p>');
  }

  /** Runs a handler for a clinician, or answers 401 with no data. */
  function guarded(handler: (req: restify.Request, res: restify.Response, clinician: Clinician) => Promise<void>) {
    return async (req: restify.Request, res: restify.Response) => {
      try {
        const clinician = await auth.authenticate(req);
        if (!clinician) return send(res, 401, unauthorizedPage(pageOptions), auth.enabled ? { 'www-authenticate': 'Bearer realm="clinician"' } : {});
        await handler(req, res, clinician);
      } catch (error) {
        failure(res, error);
      }
    };
  }

  const signIn = signInRoutes({ db: deps.db, auth, sessions, ...(oidc ? { oidc } : {}), log: deps.log, now: deps.now, guarded });

  /** A page: without a session a browser goes to the clinic's sign-in (OIDC), or gets the 401 page. */
  function guardedPage(handler: (req: restify.Request, res: restify.Response, clinician: Clinician) => Promise<void>) {
    const inner = guarded(handler);
    return async (req: restify.Request, res: restify.Response) => {
      if (oidc && !req.headers.authorization) {
        try {
          if (!(await auth.authenticate(req))) return await signIn.toProvider(req, res, req.url ?? '/clinician');
        } catch (error) {
          return failure(res, error);
        }
      }
      return inner(req, res);
    };
  }

  const reasonLabel = (id: string) => deps.service.reasonLabel(id);

  function noticeCode(result: ActionResult, ok: string): string {
    if (!result.ok) return result.reason === 'not_accepted' ? 'notAccepted' : 'stale';
    if (result.delivery?.outcome === 'not_sent') return result.delivery.reason;
    return ok;
  }

  async function renderCase(res: restify.Response, clinician: Clinician, id: number, status: number, extra: { notice?: string; problems?: string[]; closeForm?: Record<string, unknown> } = {}) {
    const item = await store.getCase(deps.db, id);
    if (!item) return send(res, 404, '<!doctype html><title>Not found</title><p>No such case. <a href="/clinician">Back to the handoffs</a></p>');
    const now = deps.now();
    const record = await loadRecord(deps.db, deps.content, item.conversationId, now);
    await audit(clinician, { action: 'case.viewed', caseId: id, conversationId: item.conversationId, detail: { via: clinician.via } });
    const [personName, cases, entries] = await Promise.all([store.personNameOf(deps.db, item.conversationId), store.casesOfConversation(deps.db, item.conversationId), store.listAudit(deps.db, { caseId: id, limit: 100 })]);
    send(
      res,
      status,
      casePage(item, record, {
        now,
        wording: deps.wording,
        reasonLabel,
        clinician: pageClinician(clinician),
        clock,
        personName,
        otherCases: cases.filter((other) => other.id !== id),
        audit: entries,
        links: caseLinks.map((link) => ({ text: link.text, href: link.href(id) })),
        overdueBy: overdueMinutes(item, now, deps.windows),
        ...(extra.notice && NOTICES[extra.notice] ? { notice: NOTICES[extra.notice] } : {}),
        ...(extra.problems ? { problems: extra.problems } : {}),
        ...(extra.closeForm ? { closeForm: extra.closeForm } : {}),
      }),
    );
  }

  type ActOutcome = { code: string; detail?: Record<string, unknown> } | { refuse: string[]; detail?: Record<string, unknown>; closeForm?: Record<string, unknown> };

  /** A case action: parse the id and the form, check CSRF, act, audit, redirect back to the case. */
  function caseAction<S extends z.ZodType>(name: string, schema: S, act: (id: number, form: z.output<S>, clinician: Clinician) => Promise<ActOutcome>) {
    return guarded(async (req, res, clinician) => {
      const id = caseIdSchema.safeParse(req.params?.id);
      const raw = await readForm(req);
      if (!id.success) return send(res, 404, '<!doctype html><title>Not found</title><p>No such case.</p>');
      if (!raw || !auth.formAllowed(req, clinician, raw.csrf)) {
        await audit(clinician, { action: `case.${name}Refused`, caseId: id.data, detail: { reason: 'csrf' } });
        return send(res, 403, '<!doctype html><title>Refused</title><p>This form is out of date or did not come from the console. Nothing was changed. <a href="/clinician">Back</a></p>');
      }
      const form = schema.safeParse(raw);
      if (!form.success) {
        await audit(clinician, { action: `case.${name}Refused`, caseId: id.data, detail: { reason: 'invalid', fields: form.error.issues.map((i) => i.path.join('.')) } });
        return renderCase(res, clinician, id.data, 400, { problems: form.error.issues.map((i) => `${i.path.join('.') || 'form'}: ${i.message}`), closeForm: { outcome: raw.outcome, note: raw.note, reason: raw.reason, confirmed: raw.confirmCleared === 'yes' } });
      }
      const outcome = await act(id.data, form.data, clinician);
      const item = await store.getCase(deps.db, id.data);
      if ('refuse' in outcome) {
        await audit(clinician, { action: `case.${name}Refused`, caseId: id.data, conversationId: item?.conversationId ?? null, detail: { via: clinician.via, reason: 'needs confirmation', ...outcome.detail } });
        return renderCase(res, clinician, id.data, 400, { problems: outcome.refuse, ...(outcome.closeForm ? { closeForm: outcome.closeForm } : {}) });
      }
      await audit(clinician, { action: `case.${name}`, caseId: id.data, conversationId: item?.conversationId ?? null, detail: { via: clinician.via, result: outcome.code, ...outcome.detail } });
      if (!item) return send(res, 404, '<!doctype html><title>Not found</title><p>No such case. Nothing was changed.</p>');
      redirect(res, `/clinician/cases/${id.data}?notice=${encodeURIComponent(outcome.code)}`);
    });
  }

  /** A case action whose outcome is only the notice of the service's answer (`ok` when it went through). */
  function noticeAction<S extends z.ZodType>(name: string, schema: S, ok: string, act: (id: number, form: z.output<S>, clinician: Clinician) => Promise<ActionResult>) {
    return caseAction(name, schema, async (id, form, clinician) => ({ code: noticeCode(await act(id, form, clinician), ok) }));
  }

  async function queueData(req: restify.Request) {
    await deps.service.wake();
    const filters = readFilters(queryOf(req));
    const now = deps.now();
    const { live: liveCases, closed } = await store.listQueueCases(deps.db, 200);
    const { groups, counts } = buildQueue([...liveCases, ...closed], filters, now, deps.windows, reasonLabel);
    return { filters, now, groups, counts, closed, liveCases };
  }

  function register(server: restify.Server): void {
    server.get('/clinician/static/:file', async (req, res) => {
      const entry = STATIC[String(req.params?.file ?? '')];
      if (!entry) return send(res, 404, 'not found');
      send(res, 200, readFileSync(entry.file, 'utf8'), { 'content-type': entry.type, 'cache-control': 'no-cache' });
    });

    signIn.register(server);

    const queue = guardedPage(async (req, res, clinician) => {
      const { filters, now, groups, counts, closed, liveCases } = await queueData(req);
      const channels = await store.activeChannels(deps.db);
      await audit(clinician, { action: 'queue.viewed', detail: { via: clinician.via, cases: liveCases.map((c) => c.id), ...(filters.q ? { searched: true } : {}) } });
      const asked = queryOf(req).get('code') ?? undefined;
      const code = asked && /^[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(asked) ? asked : undefined;
      send(res, 200, queuePage(groups, closed.slice(0, 10), { now, wording: deps.wording, reasonLabel, clock, filters, counts, clinician: pageClinician(clinician), channels: channels.length, ...(code ? { pairingCode: { code, minutes: PAIRING_MINUTES } } : {}) }));
    });
    server.get('/clinician', queue);
    server.get('/clinician/', queue);

    // The queue table alone, fetched by console.js when the live stream says something changed.
    server.get(
      '/clinician/queue/rows',
      guarded(async (req, res) => {
        const { filters, now, groups, counts } = await queueData(req);
        send(res, 200, queueTable(groups, { now, wording: deps.wording, reasonLabel, clock, filters, counts }));
      }),
    );

    server.get(
      '/clinician/events',
      guarded(async (_req, res, clinician) => {
        await audit(clinician, { action: 'queue.live', detail: { via: clinician.via } });
        live.attach(res, securityHeaders);
      }),
    );

    server.post(
      '/clinician/pairing',
      guarded(async (req, res, clinician) => {
        const raw = await readForm(req);
        if (!raw || !auth.formAllowed(req, clinician, raw.csrf) || !forms.plain.safeParse(raw).success) return send(res, 403, '<!doctype html><title>Refused</title><p>Nothing was changed.</p>');
        const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
        const pick = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
        const code = `${pick()}-${pick()}`;
        await store.createPairingCode(deps.db, code, clinician.name, new Date(deps.now().getTime() + PAIRING_MINUTES * 60_000));
        await audit(clinician, { action: 'channel.pairingCreated' });
        redirect(res, `/clinician?code=${code}`);
      }),
    );

    server.get(
      '/clinician/cases/:id',
      guardedPage(async (req, res, clinician) => {
        const id = caseIdSchema.safeParse(req.params?.id);
        if (!id.success) return send(res, 404, '<!doctype html><title>Not found</title><p>No such case.</p>');
        const notice = queryOf(req).get('notice') ?? undefined;
        await renderCase(res, clinician, id.data, 200, notice ? { notice } : {});
      }),
    );

    // The person's record as a FHIR R4 Bundle (collection).
    server.get(
      '/clinician/cases/:id/fhir',
      guarded(async (req, res, clinician) => {
        const id = caseIdSchema.safeParse(req.params?.id);
        const item = id.success ? await store.getCase(deps.db, id.data) : null;
        if (!item) return send(res, 404, JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found', diagnostics: 'no such case' }] }), { 'content-type': 'application/fhir+json; charset=utf-8' });
        const bundle = await loadPatientBundle(deps.db, { content: deps.content, codes: deps.wording.fhir }, item.conversationId, deps.now());
        await audit(clinician, { action: 'case.fhirExported', caseId: item.id, conversationId: item.conversationId, detail: { via: clinician.via, entries: bundle?.entry?.length ?? 0 } });
        if (!bundle) return send(res, 404, JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found', diagnostics: 'the conversation is gone' }] }), { 'content-type': 'application/fhir+json; charset=utf-8' });
        send(res, 200, JSON.stringify(bundle, null, 2), { 'content-type': 'application/fhir+json; charset=utf-8', 'content-disposition': `inline; filename="case-${item.id}.fhir.json"` });
      }),
    );

    // The timeline alone, polled by console.js; answers 204 (and logs nothing) when nothing is new.
    server.get(
      '/clinician/cases/:id/transcript',
      guarded(async (req, res, clinician) => {
        const id = caseIdSchema.safeParse(req.params?.id);
        const item = id.success ? await store.getCase(deps.db, id.data) : null;
        if (!item) return send(res, 404, '');
        const record = await loadRecord(deps.db, deps.content, item.conversationId, deps.now());
        const entries = record?.transcript ?? [];
        const known = Number(queryOf(req).get('count') ?? -1);
        if (known === entries.length) {
          res.status(204);
          for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
          res.end();
          return;
        }
        await audit(clinician, { action: 'case.transcriptViewed', caseId: item.id, conversationId: item.conversationId, detail: { entries: entries.length } });
        send(res, 200, transcriptHtml(entries, clock, deps.now()));
      }),
    );

    server.post('/clinician/cases/:id/accept', noticeAction('accept', forms.accept, 'accepted', (id, form, clinician) => deps.service.accept(id, clinician.name, form.version)));
    server.post('/clinician/cases/:id/message', noticeAction('message', forms.message, 'sent', (id, form, clinician) => deps.service.message(id, clinician.name, form.text)));
    server.post('/clinician/cases/:id/note', noticeAction('note', forms.note, 'noted', (id, form, clinician) => deps.service.note(id, clinician.name, form.text)));
    server.post(
      '/clinician/cases/:id/close',
      caseAction('close', forms.close, async (id, form, clinician) => {
        const before = await store.getCase(deps.db, id);
        const clearance = { confirmed: form.confirmCleared === 'yes', reason: form.reason };
        const result = await deps.service.close(id, clinician.name, form.outcome, form.version, form.note, clearance);
        if (!result.ok && result.reason === 'needs_clearance') {
          return { refuse: result.problems, detail: { outcome: form.outcome }, closeForm: { outcome: form.outcome, note: form.note, reason: form.reason, confirmed: clearance.confirmed } };
        }
        const cleared = result.ok && needsClearance(before?.urgency ?? '', form.outcome);
        return { code: noticeCode(result, before?.status === 'accepted' ? 'closed' : 'closedQuiet'), detail: { outcome: form.outcome, ...(cleared ? { clearedFor: before?.urgency, confirmed: true, reason: form.reason } : {}) } };
      }),
    );
  }

  return { register, live, sessions };
}
