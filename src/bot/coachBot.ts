import { ActivityEx, ActivityTypes, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { ConversationRef, InboundActivity, OutboundActivity } from '../messaging/port.ts';
import type { StoredConversation } from '../../dialogs/step.ts';
import type { CoachEvent } from '../../dialogs/types.ts';
import { readConversation } from '../store/conversations.ts';
import { isPersonReply, type PersonReply, type Reply } from './render.ts';
import { progressEventTypes, progressReport } from '../progress/report.ts';
import type { CoachMachine } from '../../dialogs/machine.ts';
import type { Content } from '../content/index.ts';
import type { Database } from '../store/database.ts';
import { StoreUnavailableError } from '../store/database.ts';
import { tenantIdOf } from '../proactive/keys.ts';
import { listEvents } from '../store/events.ts';
import type { Logger } from '../log.ts';
import { toActivities, type TranscriptLine } from './activities.ts';
import { parseCardValue } from './inbound.ts';
import { KeyedQueue } from './keyedQueue.ts';
import { runTurn, type InboundTurn } from './turn.ts';
import { eventsForMessage, type MessageFlags, type Nlu } from './understand.ts';

export interface CoachBotDeps {
  db: Database;
  machine: CoachMachine;
  content: Content;
  nlu: Nlu;
  log: Logger;
  maxMessageLength: number;
  now?: () => Date;
  /** Called after a turn stored a handoff in the outbox, so delivery starts at once (and metrics count it). */
  onHandoff?: (handoff: { urgency: string }) => void;
  /**
   * Notes from other parts of the product for this turn (e.g. "I'll check in daily at 09:00"),
   * placed before the turn's last question so its buttons stay on the last message.
   */
  notesAfterTurn?: (activity: InboundActivity, turn?: TurnOutcome) => Promise<string[]>;
  /** Receives what the person wrote while a clinician owns the conversation. */
  onRelay?: (conversationId: string, relay: Extract<Reply, { kind: 'relay' }>) => Promise<void>;
  /**
   * Commands handled outside the conversation machine (schedule, data rights, ...), tried in order
   * after the warning-sign check: a message that discloses a warning sign always reaches the machine.
   */
  commands?: ShellCommand[];
}

/** What a message's turn did, so after-turn hooks decide without reading the store again. */
export interface TurnOutcome {
  /** The conversation's context after the turn (e.g. whether screening is done). */
  screeningDone: boolean;
  /** Types of the clinical events the turn recorded ('screening.completed', ...). */
  recorded: string[];
}

export interface ShellCommandInput {
  conversationId: string;
  text: string;
  intent: string | undefined;
  activity: InboundActivity;
  at: string;
}

/** Returns the texts to reply with when it handled the message, or undefined to pass it on. */
export interface ShellCommand {
  name: string;
  handle(input: ShellCommandInput): Promise<string[] | undefined>;
}

function isUserJoining(activity: Activity): boolean {
  return (activity.membersAdded ?? []).some((member) => member.id !== activity.recipient?.id);
}

/** Turns one Bot Framework activity into a turn of the conversation and sends the replies. */
export function createCoachBot(deps: CoachBotDeps) {
  const queue = new KeyedQueue();
  const now = deps.now ?? (() => new Date());

  async function transcriptOf(conversationId: string): Promise<TranscriptLine[]> {
    const events = await listEvents(deps.db, conversationId, { types: ['message.received', 'message.sent'], limit: 40 });
    return events.map((event) => ({ from: event.type === 'message.received' ? 'person' : 'bot', text: String(event.data.text ?? ''), at: event.at }));
  }

  /** Fills in the progress chart from the clinical log (aggregated per day, last 120 days of events). */
  async function withProgress(conversationId: string, replies: Reply[]): Promise<PersonReply[]> {
    if (!replies.some((reply) => reply.kind === 'progress')) return replies.filter(isPersonReply);
    const events = await listEvents(deps.db, conversationId, { types: progressEventTypes, limit: 2000 });
    const report = progressReport(events, deps.content);
    const image = { dataUrl: `data:image/png;base64,${report.image.png.toString('base64')}`, alt: report.image.alt, title: report.image.title };
    return replies.flatMap((reply): PersonReply[] => (reply.kind === 'progress' ? [{ kind: 'message', text: report.text, image }] : isPersonReply(reply) ? [reply] : []));
  }

  async function sendNotes(context: TurnContext, turn?: TurnOutcome): Promise<void> {
    const notes = (await deps.notesAfterTurn?.(context.activity, turn)) ?? [];
    if (notes.length) await context.sendActivities(notes.map((text) => ({ type: ActivityTypes.Message, text })));
  }

  function withNotes(replies: PersonReply[], notes: string[]): PersonReply[] {
    if (notes.length === 0) return replies;
    const lastQuestion = replies.findLastIndex((reply) => reply.kind === 'message' && (reply.choices?.length ?? 0) > 0);
    const at = lastQuestion === -1 ? replies.length : lastQuestion;
    return [...replies.slice(0, at), ...notes.map((text): PersonReply => ({ kind: 'message', text })), ...replies.slice(at)];
  }

  /** Commands outside the machine, never for a message that discloses a warning sign. */
  async function handledAsCommand(context: TurnContext, text: string, at: string, flags: MessageFlags): Promise<boolean> {
    if (!deps.commands?.length || flags.hits.length > 0) return false;
    const intent = deps.nlu.intent(text);
    const conversationId = context.activity.conversation.id;
    for (const command of deps.commands) {
      const replies = await command.handle({ conversationId, text, intent, activity: context.activity, at });
      if (replies) {
        await context.sendActivities(replies.map((reply) => ({ type: ActivityTypes.Message, text: reply })));
        return true;
      }
    }
    return false;
  }

  async function onTurn(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const conversationId = activity.conversation?.id;
    if (!conversationId) return;
    const at = now().toISOString();
    const base = {
      conversationId,
      activityId: activity.id,
      at,
      reference: TurnContext.getConversationReference(activity),
      channelId: activity.channelId,
      userId: activity.from?.id,
      tenantId: tenantIdOf(activity),
    };
    let inbound: InboundTurn;
    let text = '';
    let scanned: MessageFlags | undefined;
    if (activity.type === ActivityTypes.Message) {
      text = typeof activity.text === 'string' ? activity.text.trim() : '';
      const card = parseCardValue(activity.value);
      // The warning-sign detector runs once per message: the commands' check and the turn share it.
      const flags = text ? deps.nlu.scanMessage(text) : undefined;
      scanned = flags;
      try {
        if (flags && card === undefined && (await handledAsCommand(context, text, at, flags))) return;
      } catch (error) {
        // A command that cannot reach the store answers like a failed turn: never silence.
        deps.log.error({ err: error, conversationId }, 'command failed');
        await sendPoliteFailure(context, text, error, flags);
        return;
      }
      inbound = {
        ...base,
        text: text || card?.choice || '',
        // Nothing readable (empty, a picture, a sticker): the machine says so and asks the pending question again.
        events: (stored) =>
          !text && !card ? [{ type: 'UNREADABLE', at }] : eventsForMessage({ text, card, at, maxLength: deps.maxMessageLength, flags }, stored, deps.content.conversation.questions, deps.nlu),
      };
    } else if ((activity.type === ActivityTypes.ConversationUpdate && isUserJoining(activity)) || (activity.type === ActivityTypes.InstallationUpdate && activity.action === 'add')) {
      inbound = { ...base, activityId: undefined, events: () => [{ type: 'START', at }] };
    } else {
      // Other activity types are acknowledged; only other parts' notes (e.g. uninstall) may answer.
      await sendNotes(context);
      return;
    }

    try {
      const result = await queue.run(conversationId, () => runTurn(deps.db, deps.machine, deps.content, inbound));
      const outcome: TurnOutcome = { screeningDone: result.conversation.context.screeningDone === true, recorded: result.recorded };
      if (result.duplicate || result.replies.length === 0) {
        if (!result.duplicate) await sendNotes(context, outcome);
        return;
      }
      const handoff = result.replies.find((reply) => reply.kind === 'handoff');
      if (handoff) {
        deps.log.warn({ conversationId, urgency: handoff.value.urgency, reasons: handoff.value.reasons }, 'handoff initiated');
        deps.onHandoff?.({ urgency: handoff.value.urgency });
      }
      const transcript = handoff ? await transcriptOf(conversationId) : [];
      for (const reply of result.replies) if (reply.kind === 'relay') await deps.onRelay?.(conversationId, reply);
      const personReplies = withNotes(await withProgress(conversationId, result.replies), (await deps.notesAfterTurn?.(activity, outcome)) ?? []);
      if (personReplies.length) await context.sendActivities(toActivities(context.activity, personReplies, () => transcript));
    } catch (error) {
      deps.log.error({ err: error, conversationId }, 'turn failed');
      await sendPoliteFailure(context, text, error, scanned);
    }
  }

  /**
   * When a turn cannot be saved, the person still hears what to do about a warning sign they just
   * told us, then a short "try again"; nothing half-written remains because the transaction rolled back.
   */
  async function sendPoliteFailure(context: TurnContext, text: string, error: unknown, flags?: MessageFlags): Promise<void> {
    const messages = deps.content.conversation.messages;
    const hits = flags?.hits ?? (text ? deps.nlu.redFlags(text, []) : []);
    const top = hits[0];
    const lines = top ? [messages[`referral.${top.urgency}`] ?? ''] : [];
    lines.push(error instanceof StoreUnavailableError || top ? (messages.databaseDown ?? '') : (messages.databaseDown ?? ''));
    await context.sendActivity(lines.filter(Boolean).join('\n\n')).catch(() => {});
  }

  /**
   * A turn the bot starts itself (a check-in, a clinician's message): the events are applied and
   * stored like any turn; the caller sends the replies to the stored reference, within channel limits.
   */
  async function proactiveTurn(conversationId: string, events: (stored: StoredConversation | null) => CoachEvent[]): Promise<{ reference: ConversationRef | null; replies: Reply[] } | null> {
    const row = await readConversation(deps.db, conversationId);
    if (!row) return null;
    const reference = (row.reference ?? null) as ConversationRef | null;
    const at = now().toISOString();
    const result = await queue.run(conversationId, () => runTurn(deps.db, deps.machine, deps.content, { conversationId, at, reference, events }));
    for (const reply of result.replies) if (reply.kind === 'handoff') deps.onHandoff?.({ urgency: reply.value.urgency });
    return { reference, replies: result.replies };
  }

  /** Activities for replies sent proactively to a stored reference (as from continueConversationAsync's turn). */
  async function activitiesFor(reference: ConversationRef, replies: Reply[]): Promise<OutboundActivity[]> {
    const turn = ActivityEx.getContinuationActivity(reference as Partial<ConversationReference>);
    const conversationId = turn.conversation?.id;
    const transcript = conversationId && replies.some((reply) => reply.kind === 'handoff') ? await transcriptOf(conversationId) : [];
    return toActivities(turn, conversationId ? await withProgress(conversationId, replies) : replies.filter(isPersonReply), () => transcript) as OutboundActivity[];
  }

  return { onTurn, proactiveTurn, activitiesFor };
}

export type CoachBot = ReturnType<typeof createCoachBot>;
