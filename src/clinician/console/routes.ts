/**
 * /clinician: the care team's console. Every page and action needs a clinician (console/auth.ts);
 * without one the answer is 401 with no data. Forms are validated with zod, carry a CSRF token and
 * the case version they were drawn from, so a stale or forged form changes nothing. Every view and
 * every action is written to the audit log.
 */
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type restify from 'restify';
import { z } from 'zod';
import type { Content } from '../../content/index.ts';
import { BodyTooLarge, readBody } from '../../http/readBody.ts';
import { packageRoot } from '../../packageRoot.ts';
import type { Logger } from '../../log.ts';
import type { Database } from '../../store/database.ts';
import { loadRecord } from '../record.ts';
import { outcomes, type ActionResult, type ClinicianService } from '../service.ts';
import * as store from '../store.ts';
import type { ClinicianWording } from '../wording.ts';
import { clinicianNameSchema, createAuth, type Clinician } from './auth.ts';
import { casePage, loginPage, queuePage, transcriptHtml, unauthorizedPage } from './views.ts';

// Found from the package root, so the compiled start (dist/) serves the same files.
const here = join(packageRoot, 'src/clinician/console');
const STATIC: Record<string, { file: string; type: string }> = {
  'console.js': { file: join(here, 'public', 'console.js'), type: 'text/javascript; charset=utf-8' },
  'console.css': { file: join(here, 'public', 'console.css'), type: 'text/css; charset=utf-8' },
};
const MAX_FORM = 16 * 1024;
const PAIRING_MINUTES = 15;

export const securityHeaders: Record<string, string> = {
  'content-security-policy': [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  'cache-control': 'no-store',
  pragma: 'no-cache',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // same-origin (not no-referrer): browsers then send our Origin with form posts, which is checked.
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

const caseIdSchema = z.coerce.number<unknown>().int().positive().max(Number.MAX_SAFE_INTEGER);
const csrf = z.string().min(1).max(200);
const version = z.coerce.number<unknown>().int().positive();
const forms = {
  login: z.strictObject({ name: clinicianNameSchema, token: z.string().min(1).max(500) }),
  plain: z.strictObject({ csrf }),
  accept: z.strictObject({ csrf, version }),
  message: z.strictObject({ csrf, version: version.optional(), text: z.string().trim().min(1, 'write a message').max(2000) }),
  note: z.strictObject({ csrf, version: version.optional(), text: z.string().trim().min(1, 'write a note').max(4000) }),
  close: z.strictObject({ csrf, version, outcome: z.enum(outcomes), note: z.string().trim().max(4000).optional().transform((v) => v || undefined) }),
};

export interface ConsoleDeps {
  db: Database;
  content: Content;
  wording: ClinicianWording;
  service: ClinicianService;
  token: string | undefined;
  log: Logger;
  now: () => Date;
}

/** Notices after an action (Post/Redirect/Get): a fixed set of codes, never free text in the URL. */
const NOTICES: Record<string, { text: string; kind: 'ok' | 'problem' }> = {
  accepted: { text: 'You accepted the case. The person has been told you joined.', kind: 'ok' },
  sent: { text: 'Sent to the person.', kind: 'ok' },
  noted: { text: 'Note added.', kind: 'ok' },
  closed: { text: 'Case closed. The person has been handed back to the coach.', kind: 'ok' },
  closedQuiet: { text: 'Case closed.', kind: 'ok' },
  stale: { text: 'This case changed since you opened it (someone else may have acted). Nothing was changed; here is the current state.', kind: 'problem' },
  notAccepted: { text: 'Accept the case before writing to the person.', kind: 'problem' },
  blocked: { text: 'The message could not be delivered: the person has uninstalled or blocked the bot.', kind: 'problem' },
  retry: { text: 'The message could not be delivered just now. Please try again in a moment.', kind: 'problem' },
  failed: { text: 'The message could not be delivered.', kind: 'problem' },
  no_reference: { text: "The person's conversation has no address to write to.", kind: 'problem' },
};

export function consoleRoutes(deps: ConsoleDeps): (server: restify.Server) => void {
  const auth = createAuth(deps.token, deps.now);
  const failures = new Map<string, number[]>();

  function send(res: restify.Response, status: number, html: string, extra: Record<string, string> = {}) {
    res.status(status);
    for (const [name, value] of Object.entries({ ...securityHeaders, 'content-type': 'text/html; charset=utf-8', ...extra })) res.setHeader(name, value);
    res.end(html);
  }

  function redirect(res: restify.Response, location: string, extra: Record<string, string> = {}) {
    res.status(303);
    for (const [name, value] of Object.entries({ ...securityHeaders, location, ...extra })) res.setHeader(name, value);
    res.end();
  }

  function secure(req: restify.Request): boolean {
    return req.isSecure() || req.headers['x-forwarded-proto'] === 'https';
  }

  async function readForm(req: restify.Request): Promise<Record<string, string> | undefined> {
    if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '')) return undefined;
    try {
      const params = new URLSearchParams(await readBody(req, MAX_FORM));
      const form: Record<string, string> = {};
      for (const [key, value] of params) form[key] = value;
      return form;
    } catch (error) {
      if (error instanceof BodyTooLarge) return undefined;
      throw error;
    }
  }

  /** Runs a handler for a clinician, or answers 401 with no data. */
  function guarded(handler: (req: restify.Request, res: restify.Response, clinician: Clinician) => Promise<void>) {
    return async (req: restify.Request, res: restify.Response) => {
      const clinician = auth.authenticate(req);
      if (!clinician) return send(res, 401, unauthorizedPage(auth.enabled), auth.enabled ? { 'www-authenticate': 'Bearer realm="clinician"' } : {});
      try {
        await handler(req, res, clinician);
      } catch (error) {
        deps.log.error({ err: error }, 'clinician console failed');
        if (!res.headersSent) send(res, 500, '<!doctype html><title>Error</title><p>Something went wrong. Nothing more was changed.</p>');
      }
    };
  }

  const reasonLabel = (id: string) => deps.service.reasonLabel(id);
  /** restify leaves the query string unparsed unless a plugin is used; read it here. */
  const queryOf = (req: restify.Request, name: string) => new URL(req.url ?? '/', 'http://console.invalid').searchParams.get(name) ?? undefined;

  function noticeCode(result: ActionResult, ok: string): string {
    if (!result.ok) return result.reason === 'not_accepted' ? 'notAccepted' : 'stale';
    if (result.delivery?.outcome === 'not_sent') return result.delivery.reason;
    return ok;
  }

  async function renderCase(res: restify.Response, clinician: Clinician, id: number, status: number, notice?: string, problems?: string[]) {
    const item = await store.getCase(deps.db, id);
    if (!item) return send(res, 404, '<!doctype html><title>Not found</title><p>No such case. <a href="/clinician">Back to the handoffs</a></p>');
    const record = await loadRecord(deps.db, deps.content, item.conversationId, deps.now());
    await store.audit(deps.db, { actor: clinician.name, action: 'case.viewed', caseId: id, conversationId: item.conversationId, detail: { via: clinician.via } }, deps.now());
    send(res, status, casePage(item, record, { now: deps.now(), wording: deps.wording, reasonLabel, clinician: clinician.name, csrf: auth.csrfFor(clinician), ...(notice && NOTICES[notice] ? { notice: NOTICES[notice] } : {}), ...(problems ? { problems } : {}) }));
  }

  /** A case action: parse the id and the form, check CSRF, act, audit, redirect back to the case. */
  function caseAction<S extends z.ZodType>(name: string, schema: S, act: (id: number, form: z.output<S>, clinician: Clinician) => Promise<{ code: string; detail?: Record<string, unknown> }>) {
    return guarded(async (req, res, clinician) => {
      const id = caseIdSchema.safeParse(req.params?.id);
      const raw = await readForm(req);
      if (!id.success) return send(res, 404, '<!doctype html><title>Not found</title><p>No such case.</p>');
      if (!raw || !auth.formAllowed(req, clinician, raw.csrf)) {
        await store.audit(deps.db, { actor: clinician.name, action: `case.${name}Refused`, caseId: id.data, detail: { reason: 'csrf' } }, deps.now());
        return send(res, 403, '<!doctype html><title>Refused</title><p>This form is out of date or did not come from the console. Nothing was changed. <a href="/clinician">Back</a></p>');
      }
      const form = schema.safeParse(raw);
      if (!form.success) {
        await store.audit(deps.db, { actor: clinician.name, action: `case.${name}Refused`, caseId: id.data, detail: { reason: 'invalid', fields: form.error.issues.map((i) => i.path.join('.')) } }, deps.now());
        return renderCase(res, clinician, id.data, 400, undefined, form.error.issues.map((i) => `${i.path.join('.') || 'form'}: ${i.message}`));
      }
      const outcome = await act(id.data, form.data, clinician);
      const item = await store.getCase(deps.db, id.data);
      await store.audit(deps.db, { actor: clinician.name, action: `case.${name}`, caseId: id.data, conversationId: item?.conversationId ?? null, detail: { via: clinician.via, result: outcome.code, ...outcome.detail } }, deps.now());
      if (!item) return send(res, 404, '<!doctype html><title>Not found</title><p>No such case. Nothing was changed.</p>');
      redirect(res, `/clinician/cases/${id.data}?notice=${encodeURIComponent(outcome.code)}`);
    });
  }

  return (server) => {
    server.get('/clinician/static/:file', async (req, res) => {
      const entry = STATIC[String(req.params?.file ?? '')];
      if (!entry) return send(res, 404, 'not found');
      send(res, 200, readFileSync(entry.file, 'utf8'), { 'content-type': entry.type, 'cache-control': 'no-cache' });
    });

    server.get('/clinician/login', async (_req, res) => send(res, auth.enabled ? 200 : 401, auth.enabled ? loginPage() : unauthorizedPage(false)));

    server.post('/clinician/login', async (req, res) => {
      if (!auth.enabled) return send(res, 401, unauthorizedPage(false));
      const ip = req.socket.remoteAddress ?? 'unknown';
      const recent = (failures.get(ip) ?? []).filter((t) => t > Date.now() - 60_000);
      if (recent.length >= 10) return send(res, 429, loginPage('Too many attempts. Wait a minute and try again.'), { 'retry-after': '60' });
      const form = forms.login.safeParse((await readForm(req)) ?? {});
      if (!form.success || !auth.tokenMatches(form.data.token)) {
        failures.set(ip, [...recent, Date.now()]);
        await store.audit(deps.db, { actor: form.success ? form.data.name : 'unknown', action: 'login.failed', detail: { ip } }, deps.now());
        return send(res, 401, loginPage(form.success ? 'That access key is not right.' : (form.error.issues[0]?.message ?? 'Fill in both fields.')));
      }
      await store.audit(deps.db, { actor: form.data.name, action: 'login', detail: { ip } }, deps.now());
      redirect(res, '/clinician', { 'set-cookie': auth.cookieHeader(auth.issueSession(form.data.name), secure(req)) });
    });

    server.post(
      '/clinician/logout',
      guarded(async (req, res, clinician) => {
        const raw = await readForm(req);
        if (!raw || !auth.formAllowed(req, clinician, raw.csrf)) return send(res, 403, '<!doctype html><title>Refused</title><p>Nothing was changed.</p>');
        await store.audit(deps.db, { actor: clinician.name, action: 'logout' }, deps.now());
        redirect(res, '/clinician/login', { 'set-cookie': auth.cookieHeader('', secure(req), 0) });
      }),
    );

    const queue = guarded(async (req, res, clinician) => {
      await deps.service.wake();
      const [live, closed, channels] = await Promise.all([store.listLiveCases(deps.db), store.listClosedCases(deps.db, 10), store.activeChannels(deps.db)]);
      await store.audit(deps.db, { actor: clinician.name, action: 'queue.viewed', detail: { via: clinician.via, cases: live.map((c) => c.id) } }, deps.now());
      const asked = queryOf(req, 'code');
      const code = asked && /^[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(asked) ? asked : undefined;
      send(res, 200, queuePage(live, closed, { now: deps.now(), wording: deps.wording, reasonLabel, clinician: clinician.name, csrf: auth.csrfFor(clinician), channels: channels.length, ...(code ? { pairingCode: { code, minutes: PAIRING_MINUTES } } : {}) }));
    });
    server.get('/clinician', queue);
    server.get('/clinician/', queue);

    server.post(
      '/clinician/pairing',
      guarded(async (req, res, clinician) => {
        const raw = await readForm(req);
        if (!raw || !auth.formAllowed(req, clinician, raw.csrf) || !forms.plain.safeParse(raw).success) return send(res, 403, '<!doctype html><title>Refused</title><p>Nothing was changed.</p>');
        const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
        const pick = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
        const code = `${pick()}-${pick()}`;
        await store.createPairingCode(deps.db, code, clinician.name, new Date(deps.now().getTime() + PAIRING_MINUTES * 60_000));
        await store.audit(deps.db, { actor: clinician.name, action: 'channel.pairingCreated' }, deps.now());
        redirect(res, `/clinician?code=${code}`);
      }),
    );

    server.get(
      '/clinician/cases/:id',
      guarded(async (req, res, clinician) => {
        const id = caseIdSchema.safeParse(req.params?.id);
        if (!id.success) return send(res, 404, '<!doctype html><title>Not found</title><p>No such case.</p>');
        const notice = queryOf(req, 'notice');
        await renderCase(res, clinician, id.data, 200, notice);
      }),
    );

    // The transcript alone, polled by console.js; answers 204 (and logs nothing) when nothing is new.
    server.get(
      '/clinician/cases/:id/transcript',
      guarded(async (req, res, clinician) => {
        const id = caseIdSchema.safeParse(req.params?.id);
        const item = id.success ? await store.getCase(deps.db, id.data) : null;
        if (!item) return send(res, 404, '');
        const record = await loadRecord(deps.db, deps.content, item.conversationId, deps.now());
        const entries = record?.transcript ?? [];
        const known = Number(queryOf(req, 'count') ?? -1);
        if (known === entries.length) {
          res.status(204);
          for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
          res.end();
          return;
        }
        await store.audit(deps.db, { actor: clinician.name, action: 'case.transcriptViewed', caseId: item.id, conversationId: item.conversationId, detail: { entries: entries.length } }, deps.now());
        send(res, 200, transcriptHtml(entries));
      }),
    );

    server.post(
      '/clinician/cases/:id/accept',
      caseAction('accept', forms.accept, async (id, form, clinician) => {
        const result = await deps.service.accept(id, clinician.name, form.version);
        return { code: noticeCode(result, 'accepted') };
      }),
    );
    server.post(
      '/clinician/cases/:id/message',
      caseAction('message', forms.message, async (id, form, clinician) => {
        const result = await deps.service.message(id, clinician.name, form.text);
        return { code: noticeCode(result, 'sent') };
      }),
    );
    server.post(
      '/clinician/cases/:id/note',
      caseAction('note', forms.note, async (id, form, clinician) => {
        const result = await deps.service.note(id, clinician.name, form.text);
        return { code: noticeCode(result, 'noted') };
      }),
    );
    server.post(
      '/clinician/cases/:id/close',
      caseAction('close', forms.close, async (id, form, clinician) => {
        const before = await store.getCase(deps.db, id);
        const result = await deps.service.close(id, clinician.name, form.outcome, form.version, form.note);
        return { code: noticeCode(result, before?.status === 'accepted' ? 'closed' : 'closedQuiet'), detail: { outcome: form.outcome } };
      }),
    );
  };
}
