import { startClinicianWorld, type ClinicianWorld } from './harness.ts';
import { freePort, startOidcProvider, type TestAccount, type TestProvider } from './oidcProvider.ts';

export interface SignInWorld {
  provider: TestProvider;
  world: ClinicianWorld;
  /** The console's public address, which the provider sends clinicians back to. */
  base: string;
}

/**
 * The clinician world behind the clinic's sign-in: a local OpenID Connect provider with these
 * accounts, and the console letting in the role `care-team` only.
 */
export async function startSignInWorld(accounts: Record<string, TestAccount>, env: Record<string, string> = {}): Promise<SignInWorld> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const provider = await startOidcProvider({ redirectUri: `${base}/clinician/auth/callback`, accounts });
  try {
    const world = await startClinicianWorld({ PORT: String(port), PUBLIC_URL: base, OIDC_ISSUER_URL: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret, OIDC_REQUIRED_ROLE: 'care-team', ...env });
    return { provider, world, base };
  } catch (error) {
    await provider.stop();
    throw error;
  }
}
