/**
 * The conversation's turns, one at a time per conversation in this process: the person's (from
 * src/bot/coachBot.ts) and the ones the product starts itself (a check-in, a clinician's message),
 * which other parts reach through the ProactiveTurns port. Nothing here knows the channel SDK.
 */
import type { CoachMachine } from '../../dialogs/machine.ts';
import type { StoredConversation } from '../../dialogs/step.ts';
import type { CoachEvent } from '../../dialogs/types.ts';
import type { Content } from '../content/index.ts';
import type { ConversationRef } from '../ports/messaging.ts';
import type { ProactiveTurns } from '../ports/turns.ts';
import type { HandoffSignal } from '../referral/signal.ts';
import { readConversation } from '../store/conversations.ts';
import type { Database } from '../store/database.ts';
import { KeyedQueue } from './keyedQueue.ts';
import { runTurn, type InboundTurn, type TurnResult } from './turn.ts';

export interface ConversationDeps {
  db: Database;
  machine: CoachMachine;
  content: Content;
  now?: () => Date;
  /** Told of every handoff a proactive turn stores (the person's turns tell it from the bot). */
  handoffs: HandoffSignal;
}

export interface Conversations extends ProactiveTurns {
  /** Runs one turn of the person's, after any turn of the same conversation still running here. */
  run(inbound: InboundTurn): Promise<TurnResult>;
}

export function createConversations(deps: ConversationDeps): Conversations {
  const queue = new KeyedQueue();
  const now = deps.now ?? (() => new Date());
  return {
    run: (inbound) => queue.run(inbound.conversationId, () => runTurn(deps.db, deps.machine, deps.content, inbound)),
    /**
     * A turn the bot starts itself: the events are applied and stored like any turn; the caller
     * sends the replies to the stored reference, within channel limits.
     */
    async proactiveTurn(conversationId: string, events: (stored: StoredConversation | null) => CoachEvent[]) {
      const row = await readConversation(deps.db, conversationId);
      if (!row) return null;
      const reference = (row.reference ?? null) as ConversationRef | null;
      const at = now().toISOString();
      const result = await queue.run(conversationId, () => runTurn(deps.db, deps.machine, deps.content, { conversationId, at, reference, events }));
      for (const reply of result.replies) if (reply.kind === 'handoff') deps.handoffs.stored({ urgency: reply.value.urgency });
      return { reference, replies: result.replies };
    },
  };
}
