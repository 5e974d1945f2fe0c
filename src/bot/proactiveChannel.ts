/**
 * The Bot Framework side of the proactive channel port (src/proactive/channel.ts):
 * `continueConversationAsync` to a stored reference, one activity per POST
 * {serviceUrl}/v3/conversations/{id}/activities.
 *
 * The connector client's own retry policy is removed for these requests: it would retry 429 and
 * 5xx behind the limiter's back (three times, without telling it to slow the whole tenant down).
 */
import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { ConversationRef } from '../ports/messaging.ts';
import { ChannelError, POST_TIMEOUT_MS, toChannelError, withTimeout, type OpenConversation, type ProactiveChannel } from '../proactive/channel.ts';

function withoutSdkRetries(context: TurnContext, adapter: CloudAdapter): void {
  const connector = context.turnState.get(adapter.ConnectorClientKey) as { client?: { pipeline?: { removePolicy(options: { name: string }): unknown } } } | undefined;
  connector?.client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
}

export function botFrameworkChannel(adapter: CloudAdapter, appId: string, postTimeoutMs = POST_TIMEOUT_MS): ProactiveChannel {
  return {
    async withConversation(reference, fn) {
      let result: Awaited<ReturnType<typeof fn>> | undefined;
      try {
        await adapter.continueConversationAsync(appId, reference as Partial<ConversationReference>, async (context) => {
          withoutSdkRetries(context, adapter);
          const open: OpenConversation = {
            reference: { ...reference, conversation: context.activity.conversation } as ConversationRef,
            async post(activity) {
              try {
                const response = await withTimeout(context.sendActivity(activity as Partial<Activity>), postTimeoutMs);
                return response?.id || undefined;
              } catch (error) {
                throw toChannelError(error);
              }
            },
            async update(activityId, activity) {
              try {
                await context.updateActivity({ ...(activity as Partial<Activity>), id: activityId, conversation: context.activity.conversation });
              } catch (error) {
                throw toChannelError(error);
              }
            },
          };
          result = await fn(open);
        });
      } catch (error) {
        // Token and connection failures outside a post are the channel's too; anything else is ours.
        const e = error as { statusCode?: number; code?: string };
        if (error instanceof ChannelError || typeof e?.statusCode === 'number' || typeof e?.code === 'string') throw toChannelError(error);
        throw error;
      }
      return result as Awaited<ReturnType<typeof fn>>;
    },
  };
}
