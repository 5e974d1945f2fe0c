/**
 * Who is at the console. Never open by default: a request without a clinician gets 401 (or, for a
 * page, is sent to sign in).
 *
 * - A session cookie (console/sessions.ts) from one of three sign-ins: the clinic's OpenID Connect
 *   provider (the provider's identity is the one in the audit), the shared key CLINICIAN_TOKEN with
 *   a typed name (marked "shared key" in the audit: anyone holding the key can type any name), or a
 *   one-time link printed at start in local mode.
 * - `Authorization: Bearer <CLINICIAN_TOKEN>` for scripts (the name in `X-Clinician-Name`), also
 *   a shared key.
 *
 * Cookies are HttpOnly, SameSite=Lax (the provider's redirect back is a cross-site navigation, which
 * Strict would strip) and expire; forms carry the session's CSRF token and the Origin header, when
 * sent, must be ours, so another site cannot make a signed-in browser accept or close a case.
 */
import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { safeEqual, type Session, type SessionStore, type SignInMethod } from './sessions.ts';

export interface Clinician {
  name: string;
  method: SignInMethod;
  via: 'cookie' | 'bearer';
  subject?: string;
  email?: string;
  session?: Session;
}

export const COOKIE = 'clinician_session';
export const SIGN_IN_COOKIE = 'clinician_signin';

export const clinicianNameSchema = z
  .string()
  .trim()
  .min(2, 'write your name as the person will see it')
  .max(80)
  .regex(/^[^\p{Cc}<>]+$/u, 'letters, spaces and punctuation only');

export function cookies(req: IncomingMessage): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0) jar.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
  }
  return jar;
}

export interface AuthModes {
  /** OpenID Connect is configured. */
  oidc: boolean;
  /** CLINICIAN_TOKEN is set. */
  sharedKey: boolean;
  /** Local mode without OIDC: a one-time link printed at start. */
  link: boolean;
}

export function createAuth(token: string | undefined, sessions: SessionStore, modes: AuthModes, sessionHours: number) {
  const enabled = modes.oidc || modes.sharedKey || modes.link;

  function tokenMatches(candidate: string): boolean {
    return Boolean(token) && safeEqual(createHmac('sha256', 'compare').update(candidate).digest('hex'), createHmac('sha256', 'compare').update(token!).digest('hex'));
  }

  /** The clinician behind a request, or undefined (answer 401, or send a page to sign in). */
  async function authenticate(req: IncomingMessage): Promise<Clinician | undefined> {
    if (!enabled) return undefined;
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) {
      if (!tokenMatches(bearer)) return undefined;
      const name = clinicianNameSchema.safeParse(req.headers['x-clinician-name'] ?? 'API client');
      return name.success ? { name: name.data, method: 'shared-key', via: 'bearer' } : undefined;
    }
    const session = await sessions.read(cookies(req).get(COOKIE));
    if (!session) return undefined;
    // A shared-key session outlives a removed CLINICIAN_TOKEN no longer than the restart.
    if (session.method === 'shared-key' && !modes.sharedKey) return undefined;
    return { name: session.name, method: session.method, via: 'cookie', session, ...(session.subject ? { subject: session.subject } : {}), ...(session.email ? { email: session.email } : {}) };
  }

  function csrfFor(clinician: Clinician): string {
    return clinician.session?.csrf ?? '';
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

  function cookieHeader(value: string, secure: boolean, maxAgeSeconds = sessionHours * 3600): string {
    return `${COOKIE}=${value}; Path=/clinician; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
  }

  function signInCookieHeader(value: string, secure: boolean, maxAgeSeconds = 600): string {
    return `${SIGN_IN_COOKIE}=${value}; Path=/clinician/auth; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
  }

  return { enabled, modes, tokenMatches, authenticate, csrfFor, formAllowed, cookieHeader, signInCookieHeader };
}

export type ConsoleAuth = ReturnType<typeof createAuth>;

/** How the audit shows a clinician: who, how they were known, and their identity at the provider. */
export function actorOf(clinician: Clinician): { actor: string; actorMethod: SignInMethod; actorId: string | null } {
  return { actor: clinician.name, actorMethod: clinician.method, actorId: clinician.subject ?? clinician.email ?? null };
}
