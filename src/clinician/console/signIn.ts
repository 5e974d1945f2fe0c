/**
 * Signing in and out of the console:
 *   GET  /clinician/login                the sign-in page (provider button, shared-key form)
 *   POST /clinician/login                the shared key (CLINICIAN_TOKEN) with a typed name
 *   GET  /clinician/auth/login           to the OpenID Connect provider (PKCE, state, nonce)
 *   GET  /clinician/auth/callback        back from the provider: the provider's identity signs in
 *   GET/POST /clinician/auth/link/:token the one-time link printed at start in local mode
 *   POST /clinician/logout               ends the session (server-side)
 * Every sign-in, refusal and sign-out is audited with how the clinician was known.
 */
import type restify from 'restify';
import { z } from 'zod';
import type { Logger } from '../../log.ts';
import type { Database } from '../../store/database.ts';
import * as store from '../store.ts';
import { actorOf, clinicianNameSchema, cookies, SIGN_IN_COOKIE, type Clinician, type ConsoleAuth } from './auth.ts';
import { isSecure, queryOf, readForm, redirect, safeReturnTo, send } from './http.ts';
import { callbackQuerySchema, type Oidc } from './oidc.ts';
import { loginLinkUsable, saveAuthRequest, takeAuthRequest, useLoginLink, type SessionIdentity, type SessionStore } from './sessions.ts';
import { linkPage, loginPage, messagePage, unauthorizedPage } from './views.ts';

export interface SignInDeps {
  db: Database;
  auth: ConsoleAuth;
  sessions: SessionStore;
  oidc?: Oidc;
  log: Logger;
  now: () => Date;
  guarded: (handler: (req: restify.Request, res: restify.Response, clinician: Clinician) => Promise<void>) => (req: restify.Request, res: restify.Response) => Promise<void>;
}

const SIGN_IN_MINUTES = 10;
const loginForm = z.strictObject({ name: clinicianNameSchema, token: z.string().min(1).max(500) });
const linkForm = z.strictObject({ name: clinicianNameSchema });
const linkToken = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export function signInRoutes(deps: SignInDeps) {
  const { auth, sessions, db } = deps;
  const failures = new Map<string, number[]>();
  const pageOptions = () => ({ oidc: auth.modes.oidc, sharedKey: auth.modes.sharedKey, link: auth.modes.link });

  function tooMany(ip: string): boolean {
    const recent = (failures.get(ip) ?? []).filter((t) => t > Date.now() - 60_000);
    failures.set(ip, recent);
    return recent.length >= 10;
  }
  const failed = (ip: string) => failures.set(ip, [...(failures.get(ip) ?? []), Date.now()]);

  async function signIn(req: restify.Request, res: restify.Response, identity: SessionIdentity, returnTo: string, extraCookies: string[] = []): Promise<void> {
    const { cookie } = await sessions.start(identity);
    await store.audit(db, { actor: identity.name, actorMethod: identity.method, actorId: identity.subject ?? identity.email ?? null, action: 'login', detail: { ip: req.socket.remoteAddress ?? 'unknown', ...(identity.email ? { email: identity.email } : {}), ...(identity.issuer ? { issuer: identity.issuer } : {}) } }, deps.now());
    redirect(res, returnTo, { 'set-cookie': [auth.cookieHeader(cookie, isSecure(req)), ...extraCookies] });
  }

  /** Sends the browser to the provider, remembering (server-side, bound to this browser) how to check the answer. */
  async function toProvider(req: restify.Request, res: restify.Response, returnTo: string): Promise<void> {
    if (!deps.oidc) return send(res, 404, messagePage('Not found', 'Sign-in with an organisation account is not set up here.'));
    let begun: Awaited<ReturnType<Oidc['begin']>>;
    try {
      begun = await deps.oidc.begin(safeReturnTo(returnTo));
    } catch (error) {
      deps.log.error({ err: error }, 'OpenID Connect provider cannot be reached');
      return send(res, 502, messagePage('Sign-in is unavailable', 'The organisation’s sign-in service cannot be reached just now. Try again in a moment.', 'problem', '<a href="/clinician/auth/login">Try again</a>'));
    }
    const browser = await saveAuthRequest(db, begun.request, new Date(deps.now().getTime() + SIGN_IN_MINUTES * 60_000));
    redirect(res, begun.url.href, { 'set-cookie': auth.signInCookieHeader(browser, isSecure(req), SIGN_IN_MINUTES * 60) });
  }

  function register(server: restify.Server): void {
    server.get('/clinician/login', async (req, res) => {
      if (!auth.enabled) return send(res, 401, unauthorizedPage(pageOptions()));
      const signedOut = queryOf(req).get('signedOut') === '1';
      send(res, 200, loginPage({ ...pageOptions(), ...(signedOut ? { notice: 'You are signed out.' } : {}) }));
    });

    server.post('/clinician/login', async (req, res) => {
      if (!auth.modes.sharedKey) return send(res, 401, unauthorizedPage(pageOptions()));
      const ip = req.socket.remoteAddress ?? 'unknown';
      if (tooMany(ip)) return send(res, 429, loginPage({ ...pageOptions(), problem: 'Too many attempts. Wait a minute and try again.' }), { 'retry-after': '60' });
      const form = loginForm.safeParse((await readForm(req)) ?? {});
      if (!form.success || !auth.tokenMatches(form.data.token)) {
        failed(ip);
        await store.audit(db, { actor: form.success ? form.data.name : 'unknown', actorMethod: 'shared-key', action: 'login.failed', detail: { ip } }, deps.now());
        return send(res, 401, loginPage({ ...pageOptions(), problem: form.success ? 'That access key is not right.' : (form.error.issues[0]?.message ?? 'Fill in both fields.') }));
      }
      await signIn(req, res, { method: 'shared-key', name: form.data.name }, '/clinician');
    });

    server.get('/clinician/auth/login', async (req, res) => toProvider(req, res, queryOf(req).get('returnTo') ?? '/clinician'));

    server.get('/clinician/auth/callback', async (req, res) => {
      if (!deps.oidc) return send(res, 404, messagePage('Not found', 'Sign-in with an organisation account is not set up here.'));
      const query = queryOf(req);
      const clearSignIn = auth.signInCookieHeader('', isSecure(req), 0);
      const request = await takeAuthRequest(db, cookies(req).get(SIGN_IN_COOKIE), deps.now());
      const parsed = callbackQuerySchema.safeParse(Object.fromEntries(query));
      const retry = '<a href="/clinician/auth/login">Sign in again</a>';
      if (!request || !parsed.success) {
        await store.audit(db, { actor: 'unknown', actorMethod: 'oidc', action: 'login.refused', detail: { reason: request ? 'bad callback' : 'no sign-in under way in this browser' } }, deps.now());
        return send(res, 400, messagePage('Sign-in did not finish', 'This sign-in was not started here, took too long or was already used. Nothing was changed.', 'problem', retry), { 'set-cookie': clearSignIn });
      }
      if ('error' in parsed.data) {
        await store.audit(db, { actor: 'unknown', actorMethod: 'oidc', action: 'login.refused', detail: { reason: 'provider', error: parsed.data.error } }, deps.now());
        return send(res, 401, messagePage('Sign-in was not completed', `The sign-in service answered: ${parsed.data.error_description ?? parsed.data.error}.`, 'problem', retry), { 'set-cookie': clearSignIn });
      }
      const identity = await deps.oidc.finish(query, request).catch((error: Error) => ({ refused: 'provider' as const, detail: error.message }));
      if ('refused' in identity) {
        await store.audit(db, { actor: 'unknown', actorMethod: 'oidc', action: 'login.refused', detail: { reason: identity.refused, detail: identity.detail } }, deps.now());
        deps.log.warn({ reason: identity.refused }, 'clinician sign-in refused');
        if (identity.refused === 'role') return send(res, 403, messagePage('Not allowed', 'Your account is not allowed to use the care team console. Ask your administrator for the care team role.', 'problem', ''), { 'set-cookie': clearSignIn });
        return send(res, 401, messagePage('Sign-in did not finish', 'The sign-in could not be checked with the organisation’s sign-in service.', 'problem', retry), { 'set-cookie': clearSignIn });
      }
      await signIn(req, res, identity, safeReturnTo(request.returnTo), [clearSignIn]);
    });

    const linkPath = (token: string) => `/clinician/auth/link/${token}`;
    server.get('/clinician/auth/link/:token', async (req, res) => {
      const token = linkToken.safeParse(req.params?.token);
      if (!auth.modes.link || !token.success || !(await loginLinkUsable(db, token.data, deps.now()))) {
        return send(res, 401, messagePage('Link used or expired', 'This sign-in link was already used or has expired. Restart the bot for a new one.', 'problem', ''));
      }
      send(res, 200, linkPage(linkPath(token.data)));
    });

    server.post('/clinician/auth/link/:token', async (req, res) => {
      const token = linkToken.safeParse(req.params?.token);
      if (!auth.modes.link || !token.success) return send(res, 401, messagePage('Link used or expired', 'This sign-in link was already used or has expired.', 'problem', ''));
      const form = linkForm.safeParse((await readForm(req)) ?? {});
      if (!form.success) return send(res, 400, linkPage(linkPath(token.data), form.error.issues[0]?.message ?? 'write your name'));
      if (!(await useLoginLink(db, token.data, deps.now()))) return send(res, 401, messagePage('Link used or expired', 'This sign-in link was already used or has expired. Restart the bot for a new one.', 'problem', ''));
      await signIn(req, res, { method: 'one-time-link', name: form.data.name }, '/clinician');
    });

    server.post(
      '/clinician/logout',
      deps.guarded(async (req, res, clinician) => {
        const raw = await readForm(req);
        if (!raw || !auth.formAllowed(req, clinician, raw.csrf)) return send(res, 403, '<!doctype html><title>Refused</title><p>Nothing was changed.</p>');
        if (clinician.session) await sessions.end(clinician.session);
        await store.audit(db, { ...actorOf(clinician), action: 'logout' }, deps.now());
        redirect(res, '/clinician/login?signedOut=1', { 'set-cookie': auth.cookieHeader('', isSecure(req), 0) });
      }),
    );
  }

  return { register, toProvider };
}
