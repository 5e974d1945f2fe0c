import type { ShellCommand } from '../ports/turns.ts';

export interface RateLimitOptions {
  /** At most this many messages per conversation … */
  max: number;
  /** … within this sliding window. */
  windowMs: number;
  /** Conversations tracked at once; the least recently seen are forgotten first. */
  maxKeys?: number;
}

/**
 * A sliding-window counter per key, in memory. Per instance: behind a load balancer each instance
 * counts its own share, which is what protects that instance.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();
  constructor(private readonly options: RateLimitOptions) {}

  /** Records a hit at `now` and says whether it is within the limit. Refused hits are not counted. */
  allow(key: string, now: number): boolean {
    const since = now - this.options.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((at) => at > since);
    const allowed = recent.length < this.options.max;
    if (allowed) recent.push(now);
    this.hits.delete(key); // re-insert: Map order is the LRU order
    this.hits.set(key, recent);
    const maxKeys = this.options.maxKeys ?? 100_000;
    while (this.hits.size > maxKeys) {
      const oldest = this.hits.keys().next().value;
      if (oldest === undefined) break;
      this.hits.delete(oldest);
    }
    return allowed;
  }

  get size(): number {
    return this.hits.size;
  }
}

/**
 * The first shell command: more than `max` messages in the window get a polite "slow down" and
 * are not processed. createCoachBot tries commands only for messages without a warning sign, so
 * a disclosure is never rate-limited: it always reaches the machine and its referral.
 */
export function rateLimitCommand(options: RateLimitOptions & { reply: string; now?: () => number }): ShellCommand {
  const limiter = new SlidingWindowLimiter(options);
  const now = options.now ?? (() => Date.now());
  return {
    name: 'rate-limit',
    async handle(input) {
      return limiter.allow(input.conversationId, now()) ? undefined : [options.reply];
    },
  };
}
