/**
 * Sends a proactive message (one or more activities) within the channel's limits: at most
 * `perConversation` per second per conversation and `perTenant` per second per tenant, honouring
 * Retry-After on 429 for the whole tenant, retrying transient answers with backoff.
 *
 * Waiting is bounded: a send that would wait longer than `maxInlineWaitMs` (a tenant paused by a
 * long Retry-After, a connector that keeps failing) returns `retry` with a delay instead, and the
 * scheduler re-queues it. So a failing tenant never occupies the workers the other tenants need.
 */
import type { ConversationRef, OutboundActivity } from '../ports/messaging.ts';
import { ChannelError, type OpenConversation, type ProactiveChannel } from './channel.ts';
import { SpacingLimiter, systemClock, type Clock, type RateLimiter } from './limiter.ts';
import { classify, defaultBackoff, parseRetryAfter, type BackoffPolicy } from './retry.ts';

export interface SendLimits {
  perConversation: number;
  perTenant: number;
  /** Longest a send waits in-process (for a slot or a retry) before handing back to the scheduler. */
  maxInlineWaitMs: number;
  backoff: BackoffPolicy;
  /** Share of the limit actually used, to absorb network jitter (0.96 = 48 of 50). */
  headroom: number;
}

/** The Teams limits (learn.microsoft.com, "Optimize your bot with rate limiting"). */
export const teamsLimits: SendLimits = { perConversation: 7, perTenant: 50, maxInlineWaitMs: 5000, backoff: defaultBackoff, headroom: 0.96 };

export interface Delivery {
  reference: ConversationRef;
  tenantKey: string;
  conversationKey: string;
  /** Activities already delivered in earlier attempts; they are not sent again. */
  delivered: number;
  /** Attempts made so far (for the backoff). */
  attempts: number;
  /** Builds the activities once the conversation is open (an update of an earlier post goes through `conversation`). */
  activities(conversation: OpenConversation): Promise<OutboundActivity[]>;
}

export type DeliveryResult =
  | { outcome: 'sent'; delivered: number; attempts: number; /** The channel's ids of what this call posted. */ activityIds: string[] }
  | { outcome: 'retry'; delivered: number; attempts: number; delayMs: number; error: string }
  | { outcome: 'stop'; delivered: number; attempts: number; reason: 'blocked' | 'not_found'; error: string }
  | { outcome: 'fail'; delivered: number; attempts: number; error: string };

export interface SenderStats {
  posted: number;
  throttled: number;
  retried: number;
}

export class ProactiveSender {
  readonly tenants: RateLimiter;
  readonly conversations: SpacingLimiter;
  readonly stats: SenderStats = { posted: 0, throttled: 0, retried: 0 };
  private sinceprune = 0;

  constructor(
    private readonly channel: ProactiveChannel,
    readonly limits: SendLimits = teamsLimits,
    private readonly clock: Clock = systemClock,
    private readonly random: () => number = Math.random,
    /** The tenant limit shared by instances (SharedSpacingLimiter); by default this process's own. */
    tenants?: RateLimiter,
  ) {
    this.tenants = tenants ?? new SpacingLimiter(limits.perTenant, clock, limits.headroom);
    this.conversations = new SpacingLimiter(limits.perConversation, clock, limits.headroom);
  }

  async deliver(delivery: Delivery): Promise<DeliveryResult> {
    if (++this.sinceprune >= 5000) {
      this.sinceprune = 0;
      this.tenants.prune();
      this.conversations.prune();
    }
    let delivered = delivery.delivered;
    let attempts = delivery.attempts;
    // A wait for the rate limit after a failure in this same call reports the failure, not the wait.
    let lastFailure: string | undefined;
    const waitCap = this.limits.maxInlineWaitMs;
    // A tenant paused by a 429 is not even opened: hand back at once.
    const pausedFor = this.tenants.peek(delivery.tenantKey);
    if (pausedFor > waitCap) return { outcome: 'retry', delivered, attempts, delayMs: pausedFor, error: 'tenant is throttled' };
    try {
      const activityIds: string[] = [];
      return await this.channel.withConversation(delivery.reference, async (conversation) => {
        const activities = await delivery.activities(conversation);
        while (delivered < activities.length) {
          const waitConversation = this.conversations.peek(delivery.conversationKey);
          const waitTenant = this.tenants.peek(delivery.tenantKey);
          if (Math.max(waitConversation, waitTenant) > waitCap) {
            return { outcome: 'retry', delivered, attempts, delayMs: Math.max(waitConversation, waitTenant), error: lastFailure ?? 'waiting for the rate limit' } as const;
          }
          // Conversation first, then the tenant slot, so the tenant's slot is used when it was granted.
          await this.clock.sleep(this.conversations.reserve(delivery.conversationKey));
          const tenantWait = await this.tenants.reserve(delivery.tenantKey);
          // A shared limiter can learn only now that another instance paused the tenant.
          if (tenantWait > waitCap) return { outcome: 'retry', delivered, attempts, delayMs: tenantWait, error: lastFailure ?? 'waiting for the rate limit' } as const;
          await this.clock.sleep(tenantWait);
          try {
            const id = await conversation.post(activities[delivered]!);
            if (id) activityIds.push(id);
            this.stats.posted++;
            delivered++;
          } catch (error) {
            if (!(error instanceof ChannelError)) throw error;
            attempts++;
            const verdict = classify(error.status, parseRetryAfter(error.retryAfter, this.clock.now()), attempts, this.limits.backoff, this.random);
            const described = `${error.status ?? 'no answer'}: ${error.message}`.slice(0, 300);
            lastFailure = described;
            if (verdict.action === 'stop') return { outcome: 'stop', delivered, attempts, reason: verdict.reason, error: described } as const;
            if (verdict.action === 'fail') return { outcome: 'fail', delivered, attempts, error: described } as const;
            if (verdict.throttled) {
              this.stats.throttled++;
              await this.tenants.pause(delivery.tenantKey, verdict.delayMs);
            }
            this.stats.retried++;
            if (verdict.delayMs > waitCap) return { outcome: 'retry', delivered, attempts, delayMs: verdict.delayMs, error: described } as const;
            if (!verdict.throttled) await this.clock.sleep(verdict.delayMs);
          }
        }
        return { outcome: 'sent', delivered, attempts, activityIds } as const;
      });
    } catch (error) {
      if (!(error instanceof ChannelError)) throw error;
      attempts++;
      const verdict = classify(error.status, parseRetryAfter(error.retryAfter, this.clock.now()), attempts, this.limits.backoff, this.random);
      const described = `${error.status ?? 'no answer'}: ${error.message}`.slice(0, 300);
      if (verdict.action === 'stop') return { outcome: 'stop', delivered, attempts, reason: verdict.reason, error: described };
      if (verdict.action === 'fail') return { outcome: 'fail', delivered, attempts, error: described };
      return { outcome: 'retry', delivered, attempts, delayMs: verdict.delayMs, error: described };
    }
  }
}
