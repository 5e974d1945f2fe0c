/**
 * Sign-in with the clinic's OpenID Connect provider (Microsoft Entra ID or any other): the
 * authorization code flow with PKCE, state and nonce, through `openid-client`.
 *
 * The provider is discovered on the first sign-in, not at start, so a provider that is down for a
 * moment does not stop the bot (a failed discovery is tried again at the next sign-in). Who the
 * clinician is comes from the ID token, completed from the userinfo endpoint when the token lacks a
 * name or e-mail; an optional role or group (OIDC_REQUIRED_ROLE) limits who may come in.
 */
import * as client from 'openid-client';
import { z } from 'zod';
import type { AuthRequest, SessionIdentity } from './sessions.ts';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** PUBLIC_URL/clinician/auth/callback */
  redirectUri: string;
  requiredRole?: string;
}

/** What the provider sends back to the callback: a code and our state, or an error. */
export const callbackQuerySchema = z.union([
  z.object({ code: z.string().min(1).max(4096), state: z.string().min(1).max(512) }).loose(),
  z.object({ error: z.string().min(1).max(200), error_description: z.string().max(2000).optional(), state: z.string().max(512).optional() }).loose(),
]);

const text = z.string().trim().min(1).max(200);
const list = z.union([z.array(z.string()), z.string().transform((value) => value.split(/\s+/).filter(Boolean))]);

/** The claims we read; everything else the provider says is ignored. */
export const identityClaimsSchema = z
  .object({
    sub: z.string().min(1).max(255),
    name: text.optional().catch(undefined),
    preferred_username: text.optional().catch(undefined),
    given_name: text.optional().catch(undefined),
    family_name: text.optional().catch(undefined),
    email: z.email().max(254).optional().catch(undefined),
    roles: list.optional().catch(undefined),
    groups: list.optional().catch(undefined),
  })
  .loose();

export type SignInRefusal = { refused: 'role' | 'provider' | 'request'; detail: string };

/** Local providers (a test provider, a provider on the same machine) may be plain http; others may not. */
function isLocal(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

export function createOidc(settings: OidcSettings) {
  let discovered: Promise<client.Configuration> | undefined;
  const issuer = new URL(settings.issuer);

  function configuration(): Promise<client.Configuration> {
    discovered ??= client
      .discovery(issuer, settings.clientId, settings.clientSecret, undefined, { ...(isLocal(issuer) ? { execute: [client.allowInsecureRequests] } : {}), timeout: 10 })
      .catch((error) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  }

  /** Where to send the browser, and what to remember for the callback. */
  async function begin(returnTo: string): Promise<{ url: URL; request: AuthRequest }> {
    const config = await configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const request: AuthRequest = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier, returnTo };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: settings.redirectUri,
      scope: 'openid profile email',
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: request.state,
      nonce: request.nonce,
    });
    return { url, request };
  }

  /** Exchanges the code for tokens and says who signed in, or why they may not. */
  async function finish(query: URLSearchParams, request: AuthRequest): Promise<SessionIdentity | SignInRefusal> {
    const config = await configuration();
    const current = new URL(settings.redirectUri);
    current.search = query.toString();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, current, { pkceCodeVerifier: request.codeVerifier, expectedState: request.state, expectedNonce: request.nonce, idTokenExpected: true });
    } catch (error) {
      return { refused: 'provider', detail: (error as Error).message?.slice(0, 300) ?? 'token exchange failed' };
    }
    const fromToken = identityClaimsSchema.safeParse(tokens.claims() ?? {});
    if (!fromToken.success) return { refused: 'provider', detail: 'the ID token has no subject' };
    let claims = fromToken.data;
    if ((!claims.name || !claims.email) && config.serverMetadata().userinfo_endpoint) {
      try {
        const info = identityClaimsSchema.safeParse(await client.fetchUserInfo(config, tokens.access_token, claims.sub));
        if (info.success) claims = { ...info.data, ...Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined)) };
      } catch {
        // The ID token's subject is enough to know who it is; the name falls back below.
      }
    }
    if (settings.requiredRole) {
      const held = [...(claims.roles ?? []), ...(claims.groups ?? [])];
      if (!held.includes(settings.requiredRole)) return { refused: 'role', detail: `${claims.sub} lacks the role ${settings.requiredRole}` };
    }
    const name = claims.name ?? ([claims.given_name, claims.family_name].filter(Boolean).join(' ') || claims.preferred_username || claims.email || claims.sub);
    return { method: 'oidc', subject: claims.sub, name: name.slice(0, 80), ...(claims.email ? { email: claims.email } : {}), issuer: config.serverMetadata().issuer };
  }

  return { begin, finish, issuer: settings.issuer };
}

export type Oidc = ReturnType<typeof createOidc>;
