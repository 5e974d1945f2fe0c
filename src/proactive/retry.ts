/**
 * What to do with a Bot Connector answer, pure. The Teams rules: 429 → wait Retry-After (else
 * exponential backoff with jitter); 412, 502, 503, 504 (and 500 and network errors, which are as
 * transient in practice) → retry with backoff; 403 → the person blocked or removed the bot: stop;
 * 404 → the conversation is gone: stop; any other 4xx → a bug on our side: record and do not retry.
 */
export type Verdict =
  | { action: 'retry'; delayMs: number; throttled: boolean }
  | { action: 'stop'; reason: 'blocked' | 'not_found' }
  | { action: 'fail' };

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 1000, maxMs: 60_000 };

const TRANSIENT = new Set([408, 412, 500, 502, 503, 504]);

/** Retry-After as seconds or an HTTP date, in milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Full-jitter exponential backoff: uniform in [base·2^(n-1)/2, base·2^(n-1)], capped. `attempt` starts at 1. */
export function backoffDelay(attempt: number, policy: BackoffPolicy = defaultBackoff, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(20, Math.max(0, attempt - 1)));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** `status` undefined = the request did not get an HTTP answer (connection refused, reset, timeout). */
export function classify(status: number | undefined, retryAfterMs: number | undefined, attempt: number, policy: BackoffPolicy = defaultBackoff, random: () => number = Math.random): Verdict {
  if (status === 429) {
    return { action: 'retry', delayMs: retryAfterMs ?? backoffDelay(attempt, policy, random), throttled: true };
  }
  if (status === 403) return { action: 'stop', reason: 'blocked' };
  if (status === 404) return { action: 'stop', reason: 'not_found' };
  if (status === undefined || TRANSIENT.has(status)) {
    return { action: 'retry', delayMs: Math.max(retryAfterMs ?? 0, backoffDelay(attempt, policy, random)), throttled: false };
  }
  return { action: 'fail' };
}
