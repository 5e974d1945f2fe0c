/**
 * Which rate-limit buckets a post falls in. Teams counts per tenant; a channel without tenants
 * (web chat) gets a bucket per conversation, so one person's messages never slow another's.
 * Every path that posts (check-ins, clinician relays, hold timers, replies) must use the same keys.
 */
import type { InboundActivity } from '../ports/messaging.ts';

/** The Teams tenant an activity came from: on the conversation, or in Teams' channel data. */
export function tenantIdOf(activity: Pick<InboundActivity, 'conversation' | 'channelData'> | undefined): string | undefined {
  return activity?.conversation?.tenantId ?? (activity?.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
}

export interface RateKeys {
  tenantKey: string;
  conversationKey: string;
}

export function rateKeysOf(conversation: { id?: string; tenantId?: string } | undefined, storedTenantId?: string | null): RateKeys {
  const conversationKey = conversation?.id ?? 'none';
  return { tenantKey: storedTenantId ?? conversation?.tenantId ?? `conversation:${conversationKey}`, conversationKey };
}
