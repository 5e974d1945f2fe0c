import { beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../helpers/botClient.ts';
import { getCase, listAudit } from '../../src/clinician/store.ts';
import { openCase, TOKEN, startClinicianWorld } from './harness.ts';
import { forSuite } from '../helpers/forSuite.ts';

const bearer = { authorization: `Bearer ${TOKEN}`, 'x-clinician-name': 'Dr Sam Lee' };
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** Logs in with the form, returns the cookie and the CSRF token of a page. */
async function login(url: string, name = 'Dr Sam Lee') {
  const response = await fetch(`${url}/clinician/login`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form({ name, token: TOKEN }) });
  expect(response.status).toBe(303);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  const page = await (await fetch(`${url}/clinician`, { headers: { cookie } })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  return { cookie, csrf };
}

describe('clinician console: authentication and forms', () => {
  const world = forSuite(() => startClinicianWorld());
  let caseId: number;
  let conversationId: string;

  beforeAll(async () => {
    const { item } = await openCase(world, "I've started leaking urine and need pads");
    caseId = item.id;
    conversationId = item.conversationId;
  });

  it('answers 401 with no data to every request without valid auth', async () => {
    const url = world.bot.url;
    const requests: [string, RequestInit][] = [
      ['/clinician', {}],
      [`/clinician/cases/${caseId}`, {}],
      [`/clinician/cases/${caseId}/transcript`, {}],
      [`/clinician/cases/${caseId}/accept`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form({ version: '1', csrf: 'x' }) }],
      ['/clinician', { headers: { authorization: 'Bearer wrong-token-wrong-token' } }],
      ['/clinician', { headers: { authorization: `Bearer ${TOKEN}x` } }],
      ['/clinician', { headers: { cookie: 'clinician_session=eyJuIjoiRXZlIiwiZSI6OTk5OTk5OTk5OTk5OX0.forged' } }],
    ];
    for (const [path, init] of requests) {
      const response = await fetch(`${url}${path}`, { redirect: 'manual', ...init });
      const body = await response.text();
      expect(response.status, path).toBe(401);
      expect(body).not.toContain(conversationId);
      expect(body).not.toMatch(/leaking|urine|EMERGENCY|Case #/i);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
    expect((await getCase(world.bot.app.db, caseId))!.status).toBe('open');
  });

  it('in local mode without CLINICIAN_TOKEN, opens only with the one-time link printed at start', async () => {
    const bare = await startBot('pglite', {}, undefined, undefined, { cron: false });
    try {
      for (const path of ['/clinician', '/clinician/cases/1', '/clinician/events']) {
        const response = await fetch(`${bare.url}${path}`, { headers: { authorization: 'Bearer anything-at-all-here' } });
        expect(response.status, path).toBe(401);
        expect(await response.text()).toMatch(/one-time sign-in link/);
      }
      const posted = await fetch(`${bare.url}/clinician/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form({ name: 'Eve', token: 'anything-at-all-here' }) });
      expect(posted.status).toBe(401);
      const link = bare.app.clinician.signInLink()!;
      expect(link).toMatch(new RegExp(`^${bare.url}/clinician/auth/link/[A-Za-z0-9_-]{32}$`));
      expect((await fetch(link)).status).toBe(200);
      const used = await fetch(link, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form({ name: 'Dr Ada Okafor' }) });
      expect(used.status).toBe(303);
      const cookie = (used.headers.get('set-cookie') ?? '').split(';')[0]!;
      const queue = await fetch(`${bare.url}/clinician`, { headers: { cookie } });
      expect(queue.status).toBe(200);
      expect(await queue.text()).toContain('Dr Ada Okafor');
      // Once only.
      const again = await fetch(link, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form({ name: 'Eve' }) });
      expect(again.status).toBe(401);
      const login = (await listAudit(bare.app.db)).find((entry) => entry.action === 'login');
      expect(login).toMatchObject({ actor: 'Dr Ada Okafor', actorMethod: 'one-time-link' });
    } finally {
      await bare.stop();
    }
  });

  it('is not enabled with Bot Framework credentials and neither OIDC nor CLINICIAN_TOKEN', async () => {
    const bare = await startBot('pglite', { MicrosoftAppId: '5a0c8d2e-1b3f-4c5d-9e7f-0a1b2c3d4e5f', MicrosoftAppPassword: 'not-a-real-password', MicrosoftAppType: 'MultiTenant' }, undefined, undefined, { cron: false });
    try {
      for (const path of ['/clinician', '/clinician/cases/1', '/clinician/login']) {
        const response = await fetch(`${bare.url}${path}`, { headers: { authorization: 'Bearer anything-at-all-here' } });
        expect(response.status, path).toBe(401);
        expect(await response.text()).toMatch(/not enabled/);
      }
      expect(bare.app.clinician.signInLink()).toBeUndefined();
    } finally {
      await bare.stop();
    }
  });

  it('refuses a wrong key at login, and serves the queue with security headers after login', async () => {
    const wrong = await fetch(`${world.bot.url}/clinician/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form({ name: 'Eve', token: 'not-the-token' }) });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const { cookie } = await login(world.bot.url);
    expect(cookie).toMatch(/^clinician_session=/);
    const response = await fetch(`${world.bot.url}/clinician`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(await response.text()).toContain(`Case #${caseId}`);
  });

  it('changes nothing for a form without its CSRF token, from another origin, with a stale version or a forged case id', async () => {
    const { cookie, csrf } = await login(world.bot.url);
    const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
      fetch(`${world.bot.url}${path}`, { method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: form(fields) });
    const before = (await getCase(world.bot.app.db, caseId))!;
    expect((await post(`/clinician/cases/${caseId}/accept`, { version: String(before.version) })).status).toBe(403);
    expect((await post(`/clinician/cases/${caseId}/accept`, { version: String(before.version), csrf }, { origin: 'https://evil.example' })).status).toBe(403);
    const stale = await post(`/clinician/cases/${caseId}/accept`, { version: String(before.version + 5), csrf });
    expect(stale.headers.get('location')).toContain('notice=stale');
    expect((await post('/clinician/cases/987654/accept', { version: '1', csrf })).status).toBe(404);
    expect((await post(`/clinician/cases/${caseId}/close`, { version: String(before.version), csrf, outcome: 'discharged_by_magic' })).status).toBe(400);
    expect((await post(`/clinician/cases/abc/accept`, { version: '1', csrf })).status).toBe(404);
    const after = (await getCase(world.bot.app.db, caseId))!;
    expect(after.status).toBe('open');
    expect(after.version).toBe(before.version);
    // Writing before accepting is refused.
    const early = await post(`/clinician/cases/${caseId}/message`, { csrf, text: 'hello' });
    expect(early.headers.get('location')).toContain('notice=notAccepted');
  });

  it('tells the clinician when the person has blocked or uninstalled the bot', async () => {
    const item = (await getCase(world.bot.app.db, caseId))!;
    const accepted = await fetch(`${world.bot.url}/clinician/cases/${caseId}/accept`, { method: 'POST', redirect: 'manual', headers: { ...bearer, 'content-type': 'application/x-www-form-urlencoded' }, body: form({ version: String(item.version), csrf: 'bearer' }) });
    expect(accepted.headers.get('location')).toContain('notice=accepted');
    world.connector.script(conversationId, { status: 403 });
    const sent = await fetch(`${world.bot.url}/clinician/cases/${caseId}/message`, { method: 'POST', redirect: 'manual', headers: { ...bearer, 'content-type': 'application/x-www-form-urlencoded' }, body: form({ csrf: 'bearer', text: 'Are you there?' }) });
    expect(sent.headers.get('location')).toContain('notice=blocked');
    const page = await (await fetch(`${world.bot.url}${sent.headers.get('location')}`, { headers: bearer })).text();
    expect(page).toMatch(/uninstalled or blocked the bot/);
    expect(page).toMatch(/Not delivered/);
  });

  it('writes every view and action to the audit log', async () => {
    const actions = (await listAudit(world.bot.app.db, { limit: 500 })).map((entry) => `${entry.actor}:${entry.action}`);
    expect(actions).toEqual(expect.arrayContaining(['Dr Sam Lee:login', 'Dr Sam Lee:queue.viewed', 'Dr Sam Lee:case.viewed', 'Dr Sam Lee:case.accept', 'Dr Sam Lee:case.message', 'Dr Sam Lee:case.acceptRefused', 'Eve:login.failed', 'system:case.opened']));
  });
});
