/**
 * Features that take some turns before the coach (src/ports/turns.ts, TurnFilter) see them in the
 * project's own shape; this is where a botbuilder TurnContext becomes that shape.
 */
import { TurnContext } from 'botbuilder';
import type { ConversationRef } from '../ports/messaging.ts';
import type { IncomingTurn, TurnFilter } from '../ports/turns.ts';

export function incomingTurn(context: TurnContext): IncomingTurn {
  return {
    activity: context.activity,
    // Lazy: taking the mention out changes the activity's text, so only a filter that reads it does.
    textWithoutMention: () => TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '',
    reference: () => TurnContext.getConversationReference(context.activity) as ConversationRef,
    reply: async (text) => {
      await context.sendActivity({ type: 'message', text });
    },
  };
}

/** Runs the filters in order; the first that takes the turn ends it, otherwise the coach gets it. */
export function filteredTurns(filters: TurnFilter[], onTurn: (context: TurnContext) => Promise<void>): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const turn = incomingTurn(context);
    for (const filter of filters) if (await filter.take(turn)) return;
    await onTurn(context);
  };
}
