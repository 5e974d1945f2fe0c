/**
 * A local OpenID Connect provider for the tests (`oidc-provider`, in this process, on a loopback
 * port): the clinic's identity provider as the console meets it. Its sign-in page is a plain form
 * asking who you are (a test account); consent is given for the console's client, as a clinic's
 * administrator does for a first-party app.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  name?: string;
  email?: string;
  roles?: string[];
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Logins on the provider's sign-in page, in order. */
  signIns: string[];
  stop(): Promise<void>;
}

/** A free loopback port (for a bot whose PUBLIC_URL must be known before it starts). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const esc = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function form(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startOidcProvider(options: { accounts: Record<string, TestAccount>; redirectUri: string }): Promise<TestProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'care-team-console';
  const clientSecret = 'test-client-secret-0123456789abcdef';
  const signIns: string[] = [];
  const signing = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    jwks: { keys: [{ ...signing, kid: 'test', use: 'sig', alg: 'RS256' } as never] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [options.redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    pkce: { required: () => true },
    // The ID token carries the identity, as Microsoft Entra ID does (roles included).
    conformIdTokenClaims: false,
    claims: { openid: ['sub'], profile: ['name', 'roles'], email: ['email'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = options.accounts[sub];
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...(account.name ? { name: account.name } : {}), ...(account.email ? { email: account.email } : {}), roles: account.roles ?? [] }) };
    },
    async loadExistingGrant(ctx) {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId || !ctx.oidc.client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ accountId, clientId: ctx.oidc.client.clientId });
      grant.addOIDCScope('openid profile email');
      grant.addOIDCClaims(['name', 'email', 'roles']);
      await grant.save();
      return grant;
    },
  });
  provider.on('server_error', (_ctx, error) => console.error('test OIDC provider error', error));
  const callback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, submit: boolean): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    if (!submit) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>Clinic sign-in</title><h1>Clinic sign-in</h1>
<form method="post" action="/interaction/${esc(uid)}/login"><label for="login">User name</label><input id="login" name="login"><button type="submit" id="provider-sign-in">Sign in</button></form>`);
      return;
    }
    const login = (await form(req)).get('login') ?? '';
    signIns.push(login);
    if (!options.accounts[login]) {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'unknown user' }, { mergeWithLastSubmission: false });
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
  }

  const server: Server = createServer((req, res) => {
    const match = /^\/interaction\/([^/?]+)(\/login)?$/.exec(req.url ?? '');
    if (match) {
      interaction(req, res, match[1]!, req.method === 'POST' && Boolean(match[2])).catch((error) => {
        res.writeHead(500);
        res.end(String(error));
      });
      return;
    }
    callback(req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    signIns,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
