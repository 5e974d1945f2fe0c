import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The operator's credential: `Authorization: Bearer <OPERATOR_TOKEN>`. Without OPERATOR_TOKEN set,
 * nobody is an operator. Compared as digests in constant time, so the answer's timing says nothing
 * about the token.
 */
export function isOperator(req: IncomingMessage, token: string | undefined): boolean {
  if (!token) return false;
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return false;
  const given = createHash('sha256').update(match[1]!).digest();
  const wanted = createHash('sha256').update(token).digest();
  return timingSafeEqual(given, wanted);
}
