import type restify from 'restify';
import type { ZodType } from 'zod';
import { BodyTooLarge, readBody } from '../http/readBody.ts';

/** JSON helpers shared by the web chat's routes (Direct Line, session, push). */
export function sendJson(res: restify.Response, status: number, body: unknown) {
  res.status(status);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  // Tokens and health conversations must not be cached by a browser or a proxy.
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}

export const fail = (res: restify.Response, status: number, code: string, message: string) => sendJson(res, status, { error: { code, message } });

export function bearer(req: restify.Request): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

export async function readJson(req: restify.Request, limit: number): Promise<{ ok: true; body: unknown } | { ok: false; status: number; message: string }> {
  let raw: string;
  try {
    raw = await readBody(req, limit);
  } catch (error) {
    return error instanceof BodyTooLarge ? { ok: false, status: 413, message: `body is larger than ${limit} bytes` } : { ok: false, status: 400, message: 'could not read the body' };
  }
  if (!raw.trim()) return { ok: true, body: undefined };
  try {
    return { ok: true, body: JSON.parse(raw) };
  } catch {
    return { ok: false, status: 400, message: 'body is not valid JSON' };
  }
}

export const describe = (issues: { path: PropertyKey[]; message: string }[]) => issues.map((issue) => `${issue.path.map(String).join('.') || 'body'}: ${issue.message}`).join('; ');


/**
 * The body read as JSON and checked with `schema` (an empty body counts as `whenEmpty`). On a bad
 * body the 4xx answer is already sent and the result is undefined, so a route just returns (the
 * valid body is wrapped: a schema may accept an absent body).
 */
export async function readValidJson<T>(req: restify.Request, res: restify.Response, limit: number, schema: ZodType<T>, whenEmpty?: unknown): Promise<{ body: T } | undefined> {
  const body = await readJson(req, limit);
  if (!body.ok) {
    fail(res, body.status, 'BadArgument', body.message);
    return undefined;
  }
  const parsed = schema.safeParse(body.body ?? whenEmpty);
  if (!parsed.success) {
    fail(res, 400, 'BadArgument', describe(parsed.error.issues));
    return undefined;
  }
  return { body: parsed.data };
}
