/**
 * Sign-in with the clinic's OpenID Connect provider, from outside: /clinician sends the clinician
 * to the provider (authorization code with PKCE), the provider's identity is who the console and the
 * audit name, a required role keeps others out, and signing out or expiry really ends the session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/clinician/store.ts';
import { loadConfig } from '../../src/config.ts';
import type { ClinicianWorld } from './harness.ts';
import type { TestProvider } from './oidcProvider.ts';
import { startSignInWorld } from './signInWorld.ts';

/** A browser's cookies and redirects, enough for two servers on one loopback host. */
class Browser {
  readonly jar = new Map<string, string>();
  async get(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      if (!value || attributes.some((a) => /max-age=0\b/i.test(a.trim())) || attributes.some((a) => /expires=thu, 01 jan 1970/i.test(a.trim()))) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return response;
  }
  /** Follows redirects (303 as GET) until a page answers; returns it and the URLs passed. */
  async follow(url: string, init: RequestInit = {}): Promise<{ response: Response; trail: string[] }> {
    const trail = [url];
    let response = await this.get(url, init);
    for (let hops = 0; hops < 15 && response.status >= 300 && response.status < 400; hops++) {
      const next = new URL(response.headers.get('location')!, trail.at(-1)).href;
      trail.push(next);
      response = await this.get(next);
    }
    return { response, trail };
  }
}

/** Through the provider's sign-in page as `login`; ends wherever the console sends the browser. */
async function signInAs(browser: Browser, start: string, login: string) {
  const { response, trail } = await browser.follow(start);
  const page = await response.text();
  const action = /action="([^"]+)"/.exec(page)?.[1];
  if (!action) throw new Error(`no provider sign-in form at ${trail.at(-1)}: ${response.status} ${page.slice(0, 300)}`);
  const submitted = await browser.follow(new URL(action, trail.at(-1)).href, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ login }).toString() });
  return { ...submitted, before: trail };
}

describe('clinician sign-in with OpenID Connect', () => {
  let provider: TestProvider;
  let world: ClinicianWorld;
  let base: string;

  beforeAll(async () => {
    ({ provider, world, base } = await startSignInWorld(
      {
        'sam.lee': { name: 'Dr Sam Lee', email: 'sam.lee@clinic.example', roles: ['care-team'] },
        'pat.doe': { name: 'Pat Doe', email: 'pat.doe@clinic.example', roles: ['reception'] },
      },
      { CLINICIAN_SESSION_HOURS: '8' },
    ));
  });
  afterAll(async () => {
    await world?.stop();
    await provider?.stop();
  });

  it('sends /clinician to the provider with PKCE, and knows the clinician by the identity it returns', async () => {
    const browser = new Browser();
    const first = await browser.get(`${base}/clinician`);
    expect(first.status).toBe(303);
    const authorize = new URL(first.headers.get('location')!);
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${base}/clinician/auth/callback`);
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();

    const { response, trail } = await signInAs(browser, `${base}/clinician`, 'sam.lee');
    expect(trail.some((url) => url.startsWith(`${base}/clinician/auth/callback?code=`))).toBe(true);
    expect(response.status).toBe(200);
    expect(trail.at(-1)).toBe(`${base}/clinician`);
    const page = await response.text();
    expect(page).toContain('<span id="signed-in-as" title="signed in with your organisation">Dr Sam Lee</span>');
    const session = browser.jar.get('clinician_session');
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}$/);

    const login = (await listAudit(world.bot.app.db, { limit: 50 })).find((entry) => entry.action === 'login' && entry.actor === 'Dr Sam Lee');
    expect(login).toMatchObject({ actorMethod: 'oidc', actorId: 'sam.lee', detail: expect.objectContaining({ email: 'sam.lee@clinic.example', issuer: provider.issuer }) });
    const viewed = (await listAudit(world.bot.app.db, { limit: 50 })).find((entry) => entry.action === 'queue.viewed');
    expect(viewed).toMatchObject({ actor: 'Dr Sam Lee', actorMethod: 'oidc', actorId: 'sam.lee' });
    // The database holds only a hash of the session id: a copy of it gives no usable cookie.
    const rows = await world.bot.app.db.query<{ id_hash: string }>('select id_hash from clinician_sessions');
    expect(rows.some((row) => session!.includes(row.id_hash))).toBe(false);

    // Signing out ends the session on the server: the same cookie no longer opens anything.
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)![1]!;
    const out = await browser.get(`${base}/clinician/logout`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `csrf=${encodeURIComponent(csrf)}` });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/clinician/login?signedOut=1');
    const replay = await fetch(`${base}/clinician/queue/rows`, { headers: { cookie: `clinician_session=${session}` } });
    expect(replay.status).toBe(401);
    const signedOut = await browser.get(`${base}/clinician/login?signedOut=1`);
    expect(await signedOut.text()).toMatch(/You are signed out/);
  });

  it('refuses an account without the required role, and a callback this browser did not start', async () => {
    const browser = new Browser();
    const { response } = await signInAs(browser, `${base}/clinician`, 'pat.doe');
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/not allowed to use the care team console/);
    expect(browser.jar.has('clinician_session')).toBe(false);
    const refused = (await listAudit(world.bot.app.db, { limit: 50 })).find((entry) => entry.action === 'login.refused');
    expect(refused?.detail).toMatchObject({ reason: 'role' });

    // A code and state pasted into another browser (login CSRF) is not a sign-in.
    const other = new Browser();
    const forged = await other.get(`${base}/clinician/auth/callback?code=abc&state=xyz`);
    expect(forged.status).toBe(400);
    expect(other.jar.has('clinician_session')).toBe(false);
  });

  it('ends a session when it expires', async () => {
    const browser = new Browser();
    const { response } = await signInAs(browser, `${base}/clinician`, 'sam.lee');
    expect(response.status).toBe(200);
    expect((await browser.get(`${base}/clinician/queue/rows`)).status).toBe(200);
    world.clock.advance(8 * 60 + 1);
    expect((await browser.get(`${base}/clinician/queue/rows`)).status).toBe(401);
    const again = await browser.get(`${base}/clinician`);
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toContain(provider.issuer);
  });

  it('names each missing OIDC variable at start, without printing the secret', () => {
    expect(() => loadConfig({ OIDC_ISSUER_URL: 'https://login.example.org/tenant/v2.0', OIDC_CLIENT_SECRET: 'very-secret-value' })).toThrow(/OIDC_CLIENT_ID: is required/);
    try {
      loadConfig({ OIDC_ISSUER_URL: 'not a url', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'very-secret-value', PUBLIC_URL: 'https://coach.example.org' });
    } catch (error) {
      const problems = (error as { problems: string[] }).problems;
      expect(problems).toEqual([expect.stringMatching(/^OIDC_ISSUER_URL: must be an http\(s\) URL/)]);
    }
    expect(() => loadConfig({ OIDC_ISSUER_URL: 'https://login.example.org/tenant/v2.0', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'very-secret-value' })).toThrow(/PUBLIC_URL: is required with OIDC_ISSUER_URL/);
    let message = '';
    try {
      loadConfig({ OIDC_CLIENT_SECRET: 'very-secret-value', CLINIC_TIME_ZONE: 'Mars/Olympus' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/CLINIC_TIME_ZONE: must be an IANA time zone/);
    expect(message).toMatch(/OIDC_ISSUER_URL: is required/);
    expect(message).not.toContain('very-secret-value');
  });
});
