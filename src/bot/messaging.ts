/**
 * The messaging port (src/ports/messaging.ts) carried out through the one proactive sender, so every
 * part that posts (check-ins, hold timers, reminders, the care team) keeps the channel limits; the
 * bot renders machine replies for the conversation's channel.
 */
import { EventFactory, type ConversationAccount } from 'botbuilder';
import type { ConversationRef, MessagingPort, OutboundActivity, SendOutcome } from '../ports/messaging.ts';
import type { OpenConversation } from '../proactive/channel.ts';
import { toChannelError, type ChannelError } from '../proactive/channel.ts';
import { rateKeysOf } from '../proactive/keys.ts';
import { classify, parseRetryAfter } from '../proactive/retry.ts';
import type { DeliveryResult, ProactiveSender } from '../proactive/sender.ts';
import type { Reply } from './render.ts';

export interface MessagingDeps {
  sender: ProactiveSender;
  /** The bot's rendering of machine replies for one conversation (coachBot.activitiesFor). */
  render: (reference: ConversationRef, replies: Reply[]) => Promise<OutboundActivity[]>;
}

function outcomeOf(result: DeliveryResult | undefined): SendOutcome {
  // A proactive turn whose own code threw ends in the adapter's onTurnError, which answers nothing.
  if (!result) return { outcome: 'fail', error: 'the proactive turn failed' };
  if (result.outcome === 'sent') return { outcome: 'sent', activityIds: result.activityIds };
  if (result.outcome === 'retry') return { outcome: 'retry', delayMs: result.delayMs, error: result.error };
  if (result.outcome === 'stop') return { outcome: 'stop', error: result.error };
  return { outcome: 'fail', error: result.error };
}

export function botMessaging(deps: MessagingDeps): MessagingPort {
  async function deliver(reference: ConversationRef, build: (conversation: OpenConversation) => Promise<OutboundActivity[]>): Promise<SendOutcome> {
    const result = await deps.sender.deliver({ reference, ...rateKeysOf(reference.conversation), delivered: 0, attempts: 0, activities: build });
    return outcomeOf(result);
  }

  return {
    send: (reference, activities) => deliver(reference, async () => activities),
    continue: (reference, replies, options = {}) =>
      deliver(reference, async (conversation) => {
        const activities: OutboundActivity[] = [...(options.before ?? []), ...(await deps.render(conversation.reference, replies))];
        if (options.handoffStatus) activities.push(EventFactory.createHandoffStatus(conversation.reference.conversation as ConversationAccount, options.handoffStatus) as OutboundActivity);
        return activities;
      }),
    // Inside the sender's proactive turn (its limits apply); a refused update is classified like a refused post.
    update: async (reference, activityId, activity) => {
      let refused: ChannelError | undefined;
      const result = await deliver(reference, async (conversation) => {
        try {
          await conversation.update(activityId, activity);
        } catch (error) {
          refused = toChannelError(error);
        }
        return [];
      });
      if (!refused) return result;
      const described = `${refused.status ?? 'no answer'}: ${refused.message}`.slice(0, 300);
      const verdict = classify(refused.status, parseRetryAfter(refused.retryAfter, Date.now()), 1);
      if (verdict.action === 'retry') return { outcome: 'retry', delayMs: verdict.delayMs, error: described };
      return verdict.action === 'stop' ? { outcome: 'stop', error: described } : { outcome: 'fail', error: described };
    },
  };
}
