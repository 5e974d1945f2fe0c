import { createHash } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import type { Config } from '../../config.ts';

/** A token a clinic's portal signs for its signed-in user and hands the page (#token=…). */
export const portalTokenSchema = z
  .string()
  .max(8192, 'is too long to be a portal token')
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'must be a signed JWT (three base64url parts)');

/** The claims we rely on: who the person is, for whom the token is, and that it is short-lived. */
export const portalClaimsSchema = z.looseObject({
  sub: z.string().min(1, 'sub must name the portal user').max(256),
  exp: z.number().int(),
  iat: z.number().int().optional(),
  nbf: z.number().int().optional(),
  iss: z.string().max(512).optional(),
});

/** Longest life a portal token may have: it is exchanged at once, so minutes are plenty. */
export const MAX_PORTAL_TOKEN_SECONDS = 15 * 60;

export type PortalVerdict = { ok: true; subject: string } | { ok: false; reason: string };

export interface PortalVerifier {
  verify(token: string): Promise<PortalVerdict>;
}

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** The person's key: a hash of the portal (issuer) and its user id, so the id itself is not stored. */
export const portalSubjectKey = (issuer: string | undefined, subject: string) => createHash('sha256').update(`${issuer ?? ''}\n${subject}`).digest('base64url');

/**
 * Checks a portal token (HS256 with WEBCHAT_TOKEN_SECRET, or the portal's keys at WEBCHAT_JWKS_URL,
 * via jose): signature, audience, issuer when configured, expiry with a short maximum life.
 * Undefined when no portal is configured.
 */
export function createPortalVerifier(
  config: Pick<Config, 'WEBCHAT_TOKEN_SECRET' | 'WEBCHAT_JWKS_URL' | 'WEBCHAT_TOKEN_AUDIENCE' | 'WEBCHAT_TOKEN_ISSUER'>,
  clock: () => number = Date.now,
): PortalVerifier | undefined {
  const secret = config.WEBCHAT_TOKEN_SECRET ? new TextEncoder().encode(config.WEBCHAT_TOKEN_SECRET) : undefined;
  const jwks = config.WEBCHAT_JWKS_URL ? createRemoteJWKSet(new URL(config.WEBCHAT_JWKS_URL), { timeoutDuration: 5000, cooldownDuration: 30_000 }) : undefined;
  if (!secret && !jwks) return undefined;
  return {
    async verify(token) {
      const shape = portalTokenSchema.safeParse(token);
      if (!shape.success) return { ok: false, reason: shape.error.issues[0]?.message ?? 'not a token' };
      let alg: string | undefined;
      try {
        alg = decodeProtectedHeader(token).alg;
      } catch {
        return { ok: false, reason: 'the token header cannot be read' };
      }
      const options = {
        audience: config.WEBCHAT_TOKEN_AUDIENCE,
        ...(config.WEBCHAT_TOKEN_ISSUER ? { issuer: config.WEBCHAT_TOKEN_ISSUER } : {}),
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 30,
        currentDate: new Date(clock()),
      };
      let payload: JWTPayload;
      try {
        if (alg === 'HS256' && secret) payload = (await jwtVerify(token, secret, { ...options, algorithms: ['HS256'] })).payload;
        else if (alg && ASYMMETRIC.includes(alg) && jwks) payload = (await jwtVerify(token, jwks, { ...options, algorithms: ASYMMETRIC })).payload;
        else return { ok: false, reason: `tokens signed with ${alg ?? 'no algorithm'} are not accepted here` };
      } catch (error) {
        if (error instanceof errors.JWTExpired) return { ok: false, reason: 'the token has expired' };
        if (error instanceof errors.JWTClaimValidationFailed) return { ok: false, reason: `claim ${error.claim}: ${error.reason}` };
        if (error instanceof errors.JWKSTimeout) return { ok: false, reason: "the portal's keys could not be fetched in time" };
        if (error instanceof errors.JOSEError) return { ok: false, reason: 'the signature does not verify' };
        return { ok: false, reason: `the portal's keys could not be fetched (${(error as Error)?.message ?? error})` };
      }
      const claims = portalClaimsSchema.safeParse(payload);
      if (!claims.success) return { ok: false, reason: claims.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') };
      const now = Math.floor(clock() / 1000);
      const issuedAt = claims.data.iat ?? now;
      if (claims.data.exp - Math.min(issuedAt, now) > MAX_PORTAL_TOKEN_SECONDS) return { ok: false, reason: `the token lives too long (at most ${MAX_PORTAL_TOKEN_SECONDS / 60} minutes)` };
      return { ok: true, subject: portalSubjectKey(claims.data.iss, claims.data.sub) };
    },
  };
}
