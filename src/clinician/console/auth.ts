/**
 * Who is at the console. Never open by default: without CLINICIAN_TOKEN every request is 401.
 *
 * - `Authorization: Bearer <CLINICIAN_TOKEN>` (scripts; the clinician's name in `X-Clinician-Name`);
 * - or a session cookie from the login form: the clinician's name and an expiry, signed with a key
 *   derived from the token (HMAC-SHA256), HttpOnly, SameSite=Strict, Path=/clinician.
 *
 * Forms carry a CSRF token bound to the session (and the Origin header, when sent, must be ours),
 * so another site cannot make a logged-in browser accept or close a case.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';

export interface Clinician {
  name: string;
  via: 'cookie' | 'bearer';
  /** The session cookie's value (for the CSRF token); absent for bearer requests. */
  session?: string;
}

export const COOKIE = 'clinician_session';
const SESSION_HOURS = 12;

export const clinicianNameSchema = z
  .string()
  .trim()
  .min(2, 'write your name as the person will see it')
  .max(80)
  .regex(/^[^\p{Cc}<>]+$/u, 'letters, spaces and punctuation only');

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function cookies(req: IncomingMessage): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0) jar.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
  }
  return jar;
}

export function createAuth(token: string | undefined, now: () => Date) {
  const key = token ? createHmac('sha256', token).update('clinician-console-session-v1').digest() : undefined;
  const sign = (value: string) => createHmac('sha256', key!).update(value).digest('base64url');

  function tokenMatches(candidate: string): boolean {
    return Boolean(token) && safeEqual(createHmac('sha256', 'compare').update(candidate).digest('hex'), createHmac('sha256', 'compare').update(token!).digest('hex'));
  }

  function issueSession(name: string): string {
    const body = Buffer.from(JSON.stringify({ n: name, e: now().getTime() + SESSION_HOURS * 3600_000 })).toString('base64url');
    return `${body}.${sign(body)}`;
  }

  function readSession(value: string): string | undefined {
    const [body, signature] = value.split('.');
    if (!body || !signature || !safeEqual(signature, sign(body))) return undefined;
    try {
      const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { n?: unknown; e?: unknown };
      if (typeof parsed.e !== 'number' || parsed.e < now().getTime()) return undefined;
      const name = clinicianNameSchema.safeParse(parsed.n);
      return name.success ? name.data : undefined;
    } catch {
      return undefined;
    }
  }

  /** The clinician behind a request, or undefined (answer 401). */
  function authenticate(req: IncomingMessage): Clinician | undefined {
    if (!key) return undefined;
    const header = req.headers.authorization ?? '';
    const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (bearer) {
      if (!tokenMatches(bearer)) return undefined;
      const name = clinicianNameSchema.safeParse(req.headers['x-clinician-name'] ?? 'API client');
      return name.success ? { name: name.data, via: 'bearer' } : undefined;
    }
    const session = cookies(req).get(COOKIE);
    if (!session) return undefined;
    const name = readSession(session);
    return name ? { name, via: 'cookie', session } : undefined;
  }

  function csrfFor(clinician: Clinician): string {
    return clinician.session ? sign(`csrf:${clinician.session}`) : '';
  }

  /** A form post is ours: the CSRF token matches the session, and the Origin (when sent) is this host. */
  function formAllowed(req: IncomingMessage, clinician: Clinician, csrf: string | undefined): boolean {
    if (clinician.via === 'bearer') return true;
    // A browser that hides the origin sends "null"; the session-bound token below still decides.
    const origin = req.headers.origin;
    if (origin && origin !== 'null') {
      try {
        if (new URL(origin).host !== req.headers.host) return false;
      } catch {
        return false;
      }
    }
    return typeof csrf === 'string' && csrf.length > 0 && safeEqual(csrf, csrfFor(clinician));
  }

  function cookieHeader(value: string, secure: boolean, maxAgeSeconds = SESSION_HOURS * 3600): string {
    return `${COOKIE}=${value}; Path=/clinician; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
  }

  return { enabled: Boolean(key), tokenMatches, issueSession, authenticate, csrfFor, formAllowed, cookieHeader };
}

export type ConsoleAuth = ReturnType<typeof createAuth>;
