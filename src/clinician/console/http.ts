/** The console's answers: security headers on every one, forms read with a size limit. */
import type restify from 'restify';
import { BodyTooLarge, readBody } from '../../http/readBody.ts';

const MAX_FORM = 16 * 1024;

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

/** A header can be given several values (two cookies at once). */
type Headers = Record<string, string | string[]>;

export function send(res: restify.Response, status: number, body: string, extra: Headers = {}): void {
  res.status(status);
  for (const [name, value] of Object.entries({ ...securityHeaders, 'content-type': 'text/html; charset=utf-8', ...extra })) res.setHeader(name, value);
  res.end(body);
}

export function redirect(res: restify.Response, location: string, extra: Headers = {}): void {
  res.status(303);
  for (const [name, value] of Object.entries({ ...securityHeaders, location, ...extra })) res.setHeader(name, value);
  res.end();
}

export function isSecure(req: restify.Request): boolean {
  return req.isSecure() || req.headers['x-forwarded-proto'] === 'https';
}

/** restify leaves the query string unparsed unless a plugin is used; read it here. */
export function queryOf(req: restify.Request): URLSearchParams {
  return new URL(req.url ?? '/', 'http://console.invalid').searchParams;
}

export async function readForm(req: restify.Request): Promise<Record<string, string> | undefined> {
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

/** A path inside the console to come back to after signing in; anything else goes to the queue. */
export function safeReturnTo(value: string | null | undefined): string {
  return value && /^\/clinician(\/[A-Za-z0-9/_\-.]*)?(\?[A-Za-z0-9=&%_\-.+]*)?$/.test(value) && !value.startsWith('/clinician/auth') ? value : '/clinician';
}
