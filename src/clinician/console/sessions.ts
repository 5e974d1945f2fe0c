/**
 * Console sessions, kept server-side so that signing out and expiry really end them.
 *
 * The cookie holds `<random id>.<HMAC of the id>`; the table holds only the SHA-256 of the id, so a
 * copy of the database gives nobody a usable cookie, and the signature lets a forged or truncated
 * cookie be refused before the database is asked. The signing key is made once and kept in the
 * database, so every instance and every restart knows the same sessions.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database, Sql } from '../../store/database.ts';

export type SignInMethod = 'oidc' | 'shared-key' | 'one-time-link';

export interface SessionIdentity {
  method: SignInMethod;
  /** The provider's subject (oidc); absent for the shared key and the one-time link. */
  subject?: string;
  name: string;
  email?: string;
  issuer?: string;
}

export interface Session extends SessionIdentity {
  idHash: string;
  csrf: string;
  expiresAt: Date;
}

const hash = (value: string) => createHash('sha256').update(value).digest('hex');
const random = (bytes = 32) => randomBytes(bytes).toString('base64url');

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The key that signs session cookies: made by the first instance, then read by every one. */
async function signingKey(db: Database, now: Date): Promise<Buffer> {
  await db.query('insert into clinician_keys (name, value, created_at) values ($1, $2, $3) on conflict (name) do nothing', ['session-cookie', random(32), now.toISOString()]);
  const [row] = await db.query<{ value: string }>('select value from clinician_keys where name = $1', ['session-cookie']);
  return Buffer.from(row!.value, 'base64url');
}

export function createSessionStore(db: Database, now: () => Date, hours: number) {
  let key: Promise<Buffer> | undefined;
  const keyOnce = () => (key ??= signingKey(db, now()).catch((error) => {
    key = undefined;
    throw error;
  }));
  const sign = async (value: string) => createHmac('sha256', await keyOnce()).update(value).digest('base64url');

  /** Starts a session and returns the cookie value. */
  async function start(identity: SessionIdentity): Promise<{ cookie: string; session: Session }> {
    const id = random(32);
    const at = now();
    const expiresAt = new Date(at.getTime() + hours * 3600_000);
    const csrf = random(24);
    await db.query(
      `insert into clinician_sessions (id_hash, method, subject, name, email, issuer, csrf, created_at, expires_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [hash(id), identity.method, identity.subject ?? null, identity.name, identity.email ?? null, identity.issuer ?? null, csrf, at.toISOString(), expiresAt.toISOString()],
    );
    return { cookie: `${id}.${await sign(id)}`, session: { ...identity, idHash: hash(id), csrf, expiresAt } };
  }

  /** The live session behind a cookie value, or undefined (forged, signed out, expired). */
  async function read(cookie: string | undefined): Promise<Session | undefined> {
    if (!cookie) return undefined;
    const [id, signature] = cookie.split('.');
    if (!id || !signature || id.length > 100 || !safeEqual(signature, await sign(id))) return undefined;
    const [row] = await db.query<{ id_hash: string; method: SignInMethod; subject: string | null; name: string; email: string | null; issuer: string | null; csrf: string; expires_at: string }>(
      'select id_hash, method, subject, name, email, issuer, csrf, expires_at from clinician_sessions where id_hash = $1 and ended_at is null and expires_at > $2',
      [hash(id), now().toISOString()],
    );
    if (!row) return undefined;
    return {
      idHash: row.id_hash,
      method: row.method,
      name: row.name,
      csrf: row.csrf,
      expiresAt: new Date(row.expires_at),
      ...(row.subject ? { subject: row.subject } : {}),
      ...(row.email ? { email: row.email } : {}),
      ...(row.issuer ? { issuer: row.issuer } : {}),
    };
  }

  async function end(session: Pick<Session, 'idHash'>): Promise<void> {
    await db.query('update clinician_sessions set ended_at = $2 where id_hash = $1 and ended_at is null', [session.idHash, now().toISOString()]);
  }

  /** Removes sessions and sign-in requests long past their end (called now and then). */
  async function prune(): Promise<void> {
    const before = new Date(now().getTime() - 7 * 86_400_000).toISOString();
    await db.query('delete from clinician_sessions where expires_at < $1 or ended_at < $1', [before]);
    await db.query('delete from clinician_auth_requests where expires_at < $1', [now().toISOString()]);
    await db.query('delete from clinician_login_links where expires_at < $1', [before]);
  }

  return { start, read, end, prune, sign };
}

export type SessionStore = ReturnType<typeof createSessionStore>;

// --- OpenID Connect sign-ins under way ----------------------------------------------------------

export interface AuthRequest {
  state: string;
  codeVerifier: string;
  nonce: string;
  returnTo: string;
}

/** Stores a sign-in under way, bound to a random browser cookie; returns that cookie's value. */
export async function saveAuthRequest(sql: Sql, request: AuthRequest, expiresAt: Date): Promise<string> {
  const browser = random(32);
  await sql.query('insert into clinician_auth_requests (id_hash, state, code_verifier, nonce, return_to, expires_at) values ($1, $2, $3, $4, $5, $6)', [
    hash(browser),
    request.state,
    request.codeVerifier,
    request.nonce,
    request.returnTo,
    expiresAt.toISOString(),
  ]);
  return browser;
}

/** Takes (and removes) the sign-in this browser started; undefined when unknown, used or expired. */
export async function takeAuthRequest(sql: Sql, browser: string | undefined, now: Date): Promise<AuthRequest | undefined> {
  if (!browser || browser.length > 100) return undefined;
  const [row] = await sql.query<{ state: string; code_verifier: string; nonce: string; return_to: string }>(
    'delete from clinician_auth_requests where id_hash = $1 and expires_at > $2 returning state, code_verifier, nonce, return_to',
    [hash(browser), now.toISOString()],
  );
  return row ? { state: row.state, codeVerifier: row.code_verifier, nonce: row.nonce, returnTo: row.return_to } : undefined;
}

// --- one-time sign-in links (local mode) ---------------------------------------------------------

export async function createLoginLink(sql: Sql, now: Date, hours: number): Promise<string> {
  const token = random(24);
  await sql.query('insert into clinician_login_links (token_hash, created_at, expires_at) values ($1, $2, $3)', [hash(token), now.toISOString(), new Date(now.getTime() + hours * 3600_000).toISOString()]);
  return token;
}

export async function loginLinkUsable(sql: Sql, token: string, now: Date): Promise<boolean> {
  if (token.length > 100) return false;
  const rows = await sql.query('select 1 from clinician_login_links where token_hash = $1 and used_at is null and expires_at > $2', [hash(token), now.toISOString()]);
  return rows.length > 0;
}

/** Uses a link once: true for the first caller only. */
export async function useLoginLink(sql: Sql, token: string, now: Date): Promise<boolean> {
  if (token.length > 100) return false;
  const rows = await sql.query('update clinician_login_links set used_at = $2 where token_hash = $1 and used_at is null and expires_at > $2 returning token_hash', [hash(token), now.toISOString()]);
  return rows.length > 0;
}
