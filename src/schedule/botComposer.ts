/**
 * The real check-in: a CHECK_IN event through the conversation machine (src/bot's proactiveTurn,
 * which stores the new state and the events), its replies kept as data so a retry sends the same.
 */
import type { Reply } from '../bot/render.ts';
import type { ConversationRef, OutboundActivity, RenderReplies } from '../ports/messaging.ts';
import type { ProactiveTurns } from '../ports/turns.ts';
import { referenceOf } from '../store/conversations.ts';
import type { Database } from '../store/database.ts';
import { textActivities, type CheckinComposer } from './checkins.ts';

interface RepliesPayload {
  replies: Reply[];
}

export async function storedReference(db: Database, conversationId: string): Promise<ConversationRef | null> {
  return (await referenceOf(db, conversationId)) as ConversationRef | null;
}

export function botComposer(turns: ProactiveTurns, render: RenderReplies, db: Database): CheckinComposer {
  return {
    async checkIn(conversationId, event) {
      const result = await turns.proactiveTurn(conversationId, () => [{ type: 'CHECK_IN', at: event.at, localDate: event.localDate, missedDays: event.missedDays }]);
      if (!result) return null;
      return { replies: result.replies } satisfies RepliesPayload;
    },
    async activities(reference: ConversationRef, payload: unknown): Promise<OutboundActivity[]> {
      const replies = (payload as Partial<RepliesPayload> | null)?.replies;
      return replies ? render(reference, replies) : textActivities(payload);
    },
    reference: (conversationId) => storedReference(db, conversationId),
  };
}
