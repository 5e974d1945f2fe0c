/**
 * The tenant's limit counts every post, replies to a person's own message included. Replies are
 * never held back (the answer to a warning sign must arrive at once), but each one takes a slot
 * from the same limiters the proactive sender uses, so check-ins, which can wait, leave room for
 * the conversations going on during a busy minute instead of pushing the tenant over its limit.
 */
import { ActivityEventNames, ActivityTypes, DeliveryModes, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from '../log.ts';
import { rateKeysOf, tenantIdOf } from '../proactive/keys.ts';
import type { RateLimiter } from '../proactive/limiter.ts';

/** A proactive turn (continueConversationAsync): its posts are paced by the sender already. */
function isProactive(context: TurnContext): boolean {
  return context.activity.type === ActivityTypes.Event && context.activity.name === ActivityEventNames.ContinueConversation;
}

export function replyBudget(limiters: { tenants: RateLimiter; conversations: RateLimiter }, log: Logger): Middleware {
  return {
    async onTurn(context, next) {
      // expectReplies answers in the HTTP response: nothing is posted to the channel.
      if (!isProactive(context) && context.activity.deliveryMode !== DeliveryModes.ExpectReplies) {
        const keys = rateKeysOf(context.activity.conversation, tenantIdOf(context.activity));
        context.onSendActivities(async (_context, activities, send) => {
          for (const activity of activities) {
            if (activity.type === ActivityTypes.Trace) continue;
            // Not awaited: the reply goes now; the slots only move the proactive queue back.
            for (const [limiter, key] of [[limiters.conversations, keys.conversationKey], [limiters.tenants, keys.tenantKey]] as const) {
              void Promise.resolve(limiter.reserve(key)).catch((error: unknown) => log.warn({ err: error }, 'could not count a reply against the send rate'));
            }
          }
          return send();
        });
      }
      await next();
    },
  };
}
