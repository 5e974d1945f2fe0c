/**
 * A clinic's portal hands the page a short-lived token it signed for its signed-in user; the page
 * exchanges it at POST /webchat/session. Same person, same conversation, on any device.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startBot, type RunningBot } from '../helpers/botClient.ts';
import { botMessages, DirectLineClient } from './directLineClient.ts';
import { botForSuite } from '../helpers/suiteBot.ts';

const SECRET = 'portal-shared-secret-0123456789-abcdef';

async function hs256(claims: Record<string, unknown>, options: { secret?: string; lifeSeconds?: number } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt(now)
    .setExpirationTime(now + (options.lifeSeconds ?? 300))
    .sign(new TextEncoder().encode(options.secret ?? SECRET));
}

async function exchange(url: string, portalToken: string) {
  const response = await fetch(`${url}/webchat/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ portalToken }) });
  return { status: response.status, body: await response.json() };
}

function clientFor(url: string, session: { conversationId: string; token: string }) {
  const client = new DirectLineClient(url);
  client.conversationId = session.conversationId;
  client.token = session.token;
  return client;
}

describe('portal token (HS256, WEBCHAT_TOKEN_SECRET)', () => {
  const bot = botForSuite('pglite', { WEBCHAT_TOKEN_SECRET: SECRET, WEBCHAT_TOKEN_AUDIENCE: 'disc-coach' });

  it('the same portal user gets the same conversation on a second device, with the earlier messages', async () => {
    const phone = await exchange(bot.url, await hs256({ sub: 'patient-4711', aud: 'disc-coach' }));
    expect(phone.status).toBe(200);
    expect(phone.body).toMatchObject({ mode: 'portal', conversationId: expect.any(String), token: expect.any(String), expires_in: 1800 });
    expect(phone.body.device).toBeUndefined();
    const onPhone = clientFor(bot.url, phone.body);
    expect(botMessages(await onPhone.poll()).length).toBeGreaterThan(0);
    await onPhone.say('yes');

    const laptop = await exchange(bot.url, await hs256({ sub: 'patient-4711', aud: 'disc-coach' }));
    expect(laptop.body.conversationId).toBe(phone.body.conversationId);
    expect(laptop.body.token).not.toBe(phone.body.token);
    const history = await clientFor(bot.url, laptop.body).poll();
    expect(history.some((a) => a.from.role === 'user' && a.text === 'yes')).toBe(true);

    // Another portal user has a conversation of their own, and cannot read this one.
    const other = await exchange(bot.url, await hs256({ sub: 'patient-0815', aud: 'disc-coach' }));
    expect(other.body.conversationId).not.toBe(phone.body.conversationId);
    expect((await clientFor(bot.url, other.body).request(`/conversations/${phone.body.conversationId}/activities`)).status).toBe(403);
  });

  it('refuses a token with the wrong signature, audience, an expired one, one that lives too long, or no subject', async () => {
    const refused = async (token: string, reason: RegExp) => {
      const result = await exchange(bot.url, token);
      expect(result.status).toBe(401);
      expect(result.body.error.message).toMatch(reason);
    };
    await refused(await hs256({ sub: 'p1', aud: 'disc-coach' }, { secret: 'another-secret-of-enough-length-000000' }), /signature/);
    await refused(await hs256({ sub: 'p1', aud: 'someone-else' }), /aud/);
    await refused(await hs256({ sub: 'p1', aud: 'disc-coach' }, { lifeSeconds: -120 }), /expired/);
    await refused(await hs256({ sub: 'p1', aud: 'disc-coach' }, { lifeSeconds: 3 * 3600 }), /too long/);
    await refused(await hs256({ aud: 'disc-coach' }), /sub/);
    const notJwt = await exchange(bot.url, 'not-a-token');
    expect(notJwt.status).toBe(400);
  });

  it('with a portal configured, a browser cannot start a conversation of its own', async () => {
    const anonymous = await fetch(`${bot.url}/webchat/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(anonymous.status).toBe(403);
    expect((await anonymous.json()).error.code).toBe('PortalRequired');
    expect((await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(403);
  });
});

describe('portal token (the portal\'s own keys, WEBCHAT_JWKS_URL)', () => {
  let bot: RunningBot;
  let jwks: Server;
  let privateKey: CryptoKey;
  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey as CryptoKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'portal-1', alg: 'ES256', use: 'sig' };
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
    bot = await startBot('pglite', { WEBCHAT_JWKS_URL: url, WEBCHAT_TOKEN_ISSUER: 'https://portal.clinic.example' });
  });
  afterAll(async () => {
    await bot?.stop();
    await new Promise((resolve) => jwks?.close(resolve));
  });

  it('accepts a token signed with the portal\'s key and issuer, and nothing else', async () => {
    const now = Math.floor(Date.now() / 1000);
    const signed = (claims: Record<string, unknown>) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'portal-1' }).setIssuedAt(now).setExpirationTime(now + 120).sign(privateKey);
    const ok = await exchange(bot.url, await signed({ sub: 'mrn-1001', aud: 'disc-coach', iss: 'https://portal.clinic.example' }));
    expect(ok.status).toBe(200);
    expect(ok.body.mode).toBe('portal');
    expect((await exchange(bot.url, await signed({ sub: 'mrn-1001', aud: 'disc-coach', iss: 'https://evil.example' }))).status).toBe(401);
    // A shared-secret token is not accepted where only the portal's keys are configured.
    const hs = await exchange(bot.url, await hs256({ sub: 'mrn-1001', aud: 'disc-coach', iss: 'https://portal.clinic.example' }));
    expect(hs.status).toBe(401);
    expect(hs.body.error.message).toMatch(/HS256/);
  });
});

describe('portal configuration', () => {
  it('is checked at start: a short secret, a plain-http JWKS elsewhere, a bad frame origin are named', () => {
    expect(() => loadConfig({ WEBCHAT_TOKEN_SECRET: 'short' })).toThrow(/WEBCHAT_TOKEN_SECRET: must be at least 32 characters \(value hidden\)/);
    expect(() => loadConfig({ WEBCHAT_JWKS_URL: 'http://portal.clinic.example/jwks' })).toThrow(/WEBCHAT_JWKS_URL/);
    expect(() => loadConfig({ WEBCHAT_FRAME_ANCESTORS: 'portal.clinic.example' })).toThrow(/WEBCHAT_FRAME_ANCESTORS/);
    expect(() => loadConfig({ WEBPUSH_SUBJECT: 'someone' })).toThrow(/WEBPUSH_SUBJECT/);
    expect(loadConfig({ WEBCHAT_JWKS_URL: 'https://portal.clinic.example/jwks', WEBCHAT_FRAME_ANCESTORS: 'https://portal.clinic.example' }).WEBCHAT_TOKEN_AUDIENCE).toBe('disc-coach');
  });
});
