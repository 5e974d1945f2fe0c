import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { allText, handoffs, Person, texts } from '../helpers/botClient.ts';
import { createServer } from '../../src/server.ts';
import { createLogger } from '../../src/log.ts';
import { baselineHeaders } from '../../src/security/headers.ts';
import type { CloudAdapter } from 'botbuilder';
import { botForSuite } from '../helpers/suiteBot.ts';

const HEALTH = "I can't feel anything when I wipe and I wet myself";

function expectSecurityHeaders(response: Response, what: string) {
  for (const name of ['x-content-type-options', 'referrer-policy', 'x-frame-options', 'content-security-policy', 'strict-transport-security']) {
    expect(response.headers.get(name), `${what}: ${name}`).toBeTruthy();
  }
  expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(response.headers.get('x-frame-options') === 'DENY' || /frame-ancestors 'none'/.test(csp), `${what}: framing`).toBe(true);
}

describe('security headers on every route', () => {
  const bot = botForSuite('pglite', { LOCAL_WEBCHAT: 'on', CLINICIAN_TOKEN: 'a-long-enough-clinician-token' });

  it('every registered route, and unknown paths, answer with the security headers', async () => {
    const routes = Object.values(bot.app.server.router.getRoutes()) as { method: string; path: string }[];
    expect(routes.length).toBeGreaterThan(5);
    const checked: string[] = [];
    for (const route of routes) {
      const path = String(route.path).replace(/:[A-Za-z]+/g, 'x');
      const method = route.method.toUpperCase();
      const response = await fetch(`${bot.url}${path}`, {
        method,
        headers: method === 'GET' || method === 'HEAD' ? {} : { 'content-type': 'application/json' },
        body: method === 'GET' || method === 'HEAD' ? undefined : '{}',
        redirect: 'manual',
      });
      await response.arrayBuffer();
      expectSecurityHeaders(response, `${method} ${path} (${response.status})`);
      checked.push(`${method} ${path}`);
    }
    for (const [method, path] of [['GET', '/no-such-page'], ['DELETE', '/api/messages'], ['GET', '/api/messages']]) {
      const response = await fetch(`${bot.url}${path}`, { method });
      await response.arrayBuffer();
      expectSecurityHeaders(response, `${method} ${path}`);
    }
    expect(checked).toContain('POST /api/messages');
    expect(checked).toContain('GET /privacy/export/x');
  });

  it('answers that may hold personal data are never cached', async () => {
    const person = new Person(bot.url);
    const result = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(person.activity({ type: 'message', text: 'hi' })) });
    await result.arrayBuffer();
    expect(result.headers.get('cache-control')).toBe('no-store');
  });

  it('a body over the limit gets 413, a malformed one 400, and neither echoes what was sent', async () => {
    const big = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: HEALTH.repeat(30_000) }) });
    expect(big.status).toBe(413);
    expect(await big.text()).not.toMatch(/wipe/);
    const bad = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"type": 7, "text": "${HEALTH}"` });
    expect(bad.status).toBe(400);
    expect(await bad.text()).not.toMatch(/wipe/);
    const wrong = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 7, text: HEALTH, conversation: { id: 42 } }) });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).not.toMatch(/wipe/);
  });
});

describe('a failure inside the bot', () => {
  it('answers 500 with no health data, no stack trace, and logs the words redacted', async () => {
    const lines: string[] = [];
    const log = createLogger('info', new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } }));
    const adapter = {
      async process() {
        const error = new Error(`turn failed for text "${HEALTH}"`) as Error & { text?: string };
        error.text = HEALTH;
        throw error;
      },
    } as unknown as CloudAdapter;
    const server = createServer({ adapter, onTurn: async () => {}, isReady: () => true, log });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${server.address().port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: HEALTH, conversation: { id: 'c1' }, from: { id: 'u1', name: 'Jane Patient' } }),
      });
      const body = await response.text();
      expect(response.status).toBe(500);
      expect(body).not.toMatch(/wipe|wet|Jane|at .*\.ts|Error:/);
      expectSecurityHeaders(response, '500');
      expect(lines.join('')).not.toMatch(/"text":"I can't/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('per-conversation rate limit', () => {
  const bot = botForSuite('pglite', { RATE_LIMIT_MESSAGES: '4', RATE_LIMIT_WINDOW_SECONDS: '60' });

  it('answers politely past the limit, without recording the message, and other conversations are unaffected', async () => {
    const person = new Person(bot.url);
    for (const text of ['hi', 'yes', 'lower back', '6']) expect(texts(await person.say(text)).join(' ')).not.toMatch(/faster than/);
    const limited = await person.say('and another thing');
    expect(allText(limited)).toMatch(/faster than I can read/i);
    const stored = await bot.app.db.query<{ n: number }>("select count(*)::int as n from clinical_events where conversation_id = $1 and type = 'message.received'", [person.conversationId]);
    expect(Number(stored[0]!.n)).toBe(4);
    const other = new Person(bot.url);
    expect(allText(await other.say('hi'))).not.toMatch(/faster than/);
  });

  it('never holds back a warning sign: a disclosure past the limit still gets its referral and handoff', async () => {
    const person = new Person(bot.url);
    for (const text of ['hi', 'yes', 'lower back', '6', 'one more']) await person.say(text);
    expect(allText(await person.say('still here'))).toMatch(/faster than/);
    const replies = await person.say("since this morning I can't feel anything when I wipe after the toilet");
    expect(allText(replies)).toMatch(/emergency department now/i);
    expect(handoffs(replies)).toHaveLength(1);
    expect(allText(replies)).not.toMatch(/faster than/);
  });
});
