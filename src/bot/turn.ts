import { step, type StoredConversation } from '../../dialogs/step.ts';
import type { CoachMachine } from '../../dialogs/machine.ts';
import type { CoachEvent, Output } from '../../dialogs/types.ts';
import { StoreUnavailableError, type Database } from '../store/database.ts';
import { readConversation } from '../store/conversations.ts';
import type { ClinicalEvent } from '../store/events.ts';
import { messageStored, writeTurn, type TurnWrite, type TurnWriteResult } from '../store/turns.ts';
import { render, type Reply } from './render.ts';
import type { Content } from '../content/index.ts';

export interface InboundTurn {
  conversationId: string;
  activityId?: string;
  at: string;
  reference: unknown;
  channelId?: string;
  userId?: string;
  tenantId?: string;
  /** The person's words, if this turn carries a message; recorded in the transcript. */
  text?: string;
  /** Builds the machine events from the stored conversation (the question being asked, recent words). */
  events: (stored: StoredConversation | null) => CoachEvent[];
}

export interface TurnResult {
  replies: Reply[];
  /** The turn was a redelivery of an activity already handled: nothing changed, nothing to send. */
  duplicate: boolean;
  conversation: StoredConversation;
  /** Types of the clinical events this turn recorded (e.g. 'screening.completed'), for other parts' hooks. */
  recorded: string[];
}

const MAX_ATTEMPTS = 25;
const RECENT_TEXTS = 3;

function clinicalEvents(outputs: Output[], at: string): ClinicalEvent[] {
  return outputs.flatMap((output) => (output.kind === 'record' ? [{ type: output.type, data: output.data, at }] : []));
}

/** Pauses between the checks of whether a write whose answer was lost landed after all. */
const CONFIRM_DELAYS_MS = [100, 300, 600];

/**
 * Writes the turn. When the connection drops after the database committed, the write fails here
 * although it landed; telling the person "try again" would then make them answer twice. So a
 * failed write of a message is looked up by its activity id (a few times, briefly) before the
 * failure is reported.
 */
async function saveOrConfirm(db: Database, inbound: InboundTurn, write: TurnWrite & { born?: string }): Promise<TurnWriteResult> {
  try {
    return await writeTurn(db, write);
  } catch (error) {
    if (!(error instanceof StoreUnavailableError) || !inbound.activityId || inbound.text === undefined) throw error;
    for (const delay of CONFIRM_DELAYS_MS) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      let stored: boolean;
      try {
        stored = await messageStored(db, inbound.conversationId, inbound.activityId);
      } catch {
        continue; // still unreachable: wait and look again
      }
      // Landed, but its new version is unknown here: the next turn reads the row.
      if (stored) return { outcome: 'written' };
      throw error;
    }
    throw error;
  }
}

/**
 * One turn: read, decide (pure), then write the snapshot, the clinical events and the handoff outbox
 * in one statement with compare-and-swap (src/store/turns.ts). The read is skipped when this process
 * wrote the conversation last (db.snapshots): one round trip per turn. A turn that loses the race
 * (or decided on a cached snapshot that something else has changed since) re-reads and re-applies
 * its event, so concurrent turns of one conversation never lose an update, within one process or
 * across several.
 */
export async function runTurn(db: Database, machine: CoachMachine, content: Content, inbound: InboundTurn): Promise<TurnResult> {
  const cache = db.snapshots;
  for (let attempt = 1; ; attempt++) {
    const cached = attempt === 1 ? cache?.get(inbound.conversationId) : undefined;
    const row = cached ?? (await readConversation(db, inbound.conversationId));
    const stored = row?.conversation ?? null;
    const result = step(machine, stored, inbound.events(stored));
    if (inbound.text !== undefined) {
      result.conversation.recent = [...(stored?.recent ?? []), inbound.text].slice(-RECENT_TEXTS);
    } else if (stored?.recent) {
      result.conversation.recent = stored.recent;
    }
    const replies = render(result.outputs, result.conversation.context, content);
    const received: ClinicalEvent[] = inbound.text !== undefined ? [{ type: 'message.received', data: { text: inbound.text }, at: inbound.at, activityId: inbound.activityId }] : [];
    const sent = replies.flatMap((reply): ClinicalEvent[] => (reply.kind === 'message' ? [{ type: 'message.sent', data: { text: reply.text }, at: inbound.at }] : []));
    const handoffs = replies.flatMap((reply) =>
      reply.kind === 'handoff' ? [{ urgency: reply.value.urgency, payload: { ...reply.value, conversationId: inbound.conversationId, at: inbound.at }, dueAt: inbound.at }] : [],
    );
    let written: TurnWriteResult;
    try {
      written = await saveOrConfirm(db, inbound, {
        born: cached?.born,
        id: inbound.conversationId,
        conversation: result.conversation,
        reference: inbound.reference,
        channelId: inbound.channelId,
        userId: inbound.userId,
        tenantId: inbound.tenantId,
        expectedVersion: row?.version ?? null,
        events: [...received, ...clinicalEvents(result.outputs, inbound.at), ...sent],
        handoffs,
      });
    } catch (error) {
      cache?.delete(inbound.conversationId);
      throw error;
    }
    const outcome = written.outcome;
    if (outcome === 'written' && written.version !== undefined && written.born !== undefined) {
      cache?.set(inbound.conversationId, { conversation: result.conversation, version: written.version, reference: inbound.reference, born: written.born });
    } else {
      cache?.delete(inbound.conversationId);
    }
    if (outcome === 'written') return { replies, duplicate: false, conversation: result.conversation, recorded: result.outputs.flatMap((output) => (output.kind === 'record' ? [output.type] : [])) };
    if (outcome === 'duplicate') return { replies: [], duplicate: true, conversation: stored ?? result.conversation, recorded: [] };
    if (attempt >= MAX_ATTEMPTS) throw new Error(`conversation ${inbound.conversationId}: gave up after ${attempt} write conflicts`);
  }
}
