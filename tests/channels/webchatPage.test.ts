import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { botForSuite } from '../helpers/suiteBot.ts';

describe('the local web chat page', () => {
  const bot = botForSuite('pglite');

  it('serves the page with security headers and a fresh nonce, and Web Chat from node_modules', async () => {
    const page = await fetch(`${bot.url}/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await page.text();
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html).toContain('<html lang="en">');
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    const again = await fetch(`${bot.url}/`);
    expect(again.headers.get('content-security-policy')).not.toBe(csp);
    const bundle = await fetch(`${bot.url}/webchat/webchat.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('javascript');
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(1_000_000);
    expect((await fetch(`${bot.url}/webchat/app.js`)).headers.get('content-type')).toContain('javascript');
  });

  it('serves only existing pictures by plain file name', async () => {
    expect((await fetch(`${bot.url}/pictures/prone-extension.png`)).status).toBe(404);
    expect((await fetch(`${bot.url}/pictures/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${bot.url}/pictures/.env`)).status).toBe(404);
  });
});

describe('framed by a clinic portal (WEBCHAT_FRAME_ANCESTORS)', () => {
  const bot = botForSuite('pglite', { WEBCHAT_FRAME_ANCESTORS: 'https://portal.clinic.example' });

  it('lets only that portal frame the page, and serves the service worker for check-in notifications', async () => {
    const page = await fetch(`${bot.url}/`);
    expect(page.headers.get('content-security-policy')).toContain('frame-ancestors https://portal.clinic.example');
    expect(page.headers.get('x-frame-options')).toBeNull();
    // Everything else still refuses to be framed.
    expect((await fetch(`${bot.url}/healthz`)).headers.get('x-frame-options')).toBe('DENY');
    const worker = await fetch(`${bot.url}/sw.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toContain('javascript');
    expect(await worker.text()).toContain('showNotification');
  });
});

describe('with LOCAL_WEBCHAT=off', () => {
  const bot = botForSuite('pglite', { LOCAL_WEBCHAT: 'off' });

  it('there is no page and no Direct Line endpoint', async () => {
    expect((await fetch(`${bot.url}/`)).status).toBe(404);
    expect((await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });
});
