/**
 * The Bot Framework side of the clinician side's messaging port (src/clinician/messaging.ts):
 * posts and updates go through the proactive sender, so they keep the channel limits shared with
 * check-ins; the ids the channel gives posted activities are read from the TurnContext.
 */
import { EventFactory, type Activity, type ConversationReference, type TurnContext } from 'botbuilder';
import type { ConversationAddress, MessagingPort, OutboundActivity, SendOutcome } from '../clinician/messaging.ts';
import { toChannelError, type ChannelError } from '../proactive/channel.ts';
import { rateKeysOf } from '../proactive/keys.ts';
import { classify, parseRetryAfter } from '../proactive/retry.ts';
import type { DeliveryResult, ProactiveSender } from '../proactive/sender.ts';
import type { Reply } from './render.ts';

export interface CareTeamMessagingDeps {
  sender: ProactiveSender;
  /** The bot's rendering of machine replies for one conversation (coachBot.activitiesFor). */
  activitiesFor: (context: TurnContext, replies: Reply[]) => Promise<Partial<Activity>[]>;
}

function outcomeOf(result: DeliveryResult | undefined, activityIds: string[]): SendOutcome {
  // A proactive turn whose own code threw ends in the adapter's onTurnError, which answers nothing.
  if (!result) return { outcome: 'fail', error: 'the proactive turn failed' };
  if (result.outcome === 'sent') return { outcome: 'sent', activityIds };
  if (result.outcome === 'retry') return { outcome: 'retry', delayMs: result.delayMs, error: result.error };
  if (result.outcome === 'stop') return { outcome: 'stop', error: result.error };
  return { outcome: 'fail', error: result.error };
}

export function careTeamMessaging(deps: CareTeamMessagingDeps): MessagingPort {
  async function deliver(address: ConversationAddress, build: (context: TurnContext) => Promise<Partial<Activity>[]>): Promise<SendOutcome> {
    const reference = address as Partial<ConversationReference>;
    const ids: string[] = [];
    const result = await deps.sender.deliver({
      reference,
      ...rateKeysOf(reference.conversation),
      delivered: 0,
      attempts: 0,
      activities: async (context) => {
        context.onSendActivities(async (_context, _activities, next) => {
          const responses = await next();
          for (const response of responses ?? []) if (response?.id) ids.push(response.id);
          return responses;
        });
        return build(context);
      },
    });
    return outcomeOf(result, ids);
  }

  return {
    send: (address, activities) => deliver(address, async () => activities as Partial<Activity>[]),
    continue: (address, replies, options = {}) =>
      deliver(address, async (context) => {
        const activities: Partial<Activity>[] = [...((options.before ?? []) as Partial<Activity>[]), ...(await deps.activitiesFor(context, replies))];
        if (options.handoffStatus) activities.push(EventFactory.createHandoffStatus(context.activity.conversation, options.handoffStatus));
        return activities;
      }),
    // Inside the sender's proactive turn (its limits apply); a refused update is classified like a refused post.
    update: async (address, activityId, activity: OutboundActivity) => {
      let refused: ChannelError | undefined;
      const result = await deliver(address, async (context) => {
        try {
          await context.updateActivity({ ...(activity as Partial<Activity>), id: activityId, conversation: context.activity.conversation });
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
