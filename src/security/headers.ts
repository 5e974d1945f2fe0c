import type restify from 'restify';

/**
 * Headers every response carries, set before routing so 404s, 405s and errors have them too.
 * A page that needs more (the web chat's script nonce, the console's styles) sets its own
 * content-security-policy, which replaces this restrictive default.
 */
export const baselineHeaders: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
};

/** Paths whose answers may hold personal data: never cached by a browser or a proxy. */
const NO_STORE = /^\/(api|privacy|clinician|healthz|v3\/directline)(\/|$)/;

export function applySecurityHeaders(req: restify.Request, res: restify.Response, next: restify.Next): void {
  for (const [name, value] of Object.entries(baselineHeaders)) res.setHeader(name, value);
  if (NO_STORE.test(req.path?.() ?? req.url ?? '')) res.setHeader('cache-control', 'no-store');
  next();
}
