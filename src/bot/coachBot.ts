import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import type { PersonReply } from './render.ts';
import type { Content } from '../content/index.ts';
import { StoreUnavailableError } from '../store/database.ts';
import { tenantIdOf } from '../proactive/keys.ts';
import type { AfterTurn, RelaySink, ShellCommand, TurnOutcome } from '../ports/turns.ts';
import type { HandoffSignal } from '../referral/signal.ts';
import type { Logger } from '../log.ts';
import type { Conversations } from './conversations.ts';
import { capabilitiesOf } from '../channels/cards/index.ts';
import { parseCardValue, withCardDetails } from './inbound.ts';
import type { Renderer } from './renderer.ts';
import type { InboundTurn } from './turn.ts';
import { eventsForMessage, type MessageFlags, type Nlu } from './understand.ts';

export type { ShellCommand, ShellCommandInput, TurnOutcome } from '../ports/turns.ts';

export interface CoachBotDeps {
  conversations: Pick<Conversations, 'run'>;
  renderer: Renderer;
  content: Content;
  nlu: Nlu;
  log: Logger;
  maxMessageLength: number;
  now?: () => Date;
  /** Told when a turn stored a handoff in the outbox, so delivery starts at once (and metrics count it). */
  handoffs: HandoffSignal;
  /** Commands handled outside the conversation machine, tried in order after the warning-sign check. */
  commands: ShellCommand[];
  /** Notes from other parts for this turn, in order (src/ports/turns.ts). */
  afterTurn: AfterTurn[];
  /** Where what the person writes goes while a clinician owns the conversation. */
  relays: RelaySink;
}

function isUserJoining(activity: Activity): boolean {
  return (activity.membersAdded ?? []).some((member) => member.id !== activity.recipient?.id);
}

/** Turns one Bot Framework activity into a turn of the conversation and sends the replies. */
export function createCoachBot(deps: CoachBotDeps) {
  const now = deps.now ?? (() => new Date());

  async function notesAfter(activity: Activity, turn?: TurnOutcome): Promise<string[]> {
    const notes: string[] = [];
    for (const part of deps.afterTurn) notes.push(...(await part.afterTurn(activity, turn)));
    return notes;
  }

  async function sendNotes(context: TurnContext, turn?: TurnOutcome): Promise<void> {
    const notes = await notesAfter(context.activity, turn);
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
    if (!deps.commands.length || flags.hits.length > 0) return false;
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
          !text && !card
            ? [{ type: 'UNREADABLE', at }]
            : withCardDetails(
                eventsForMessage({ text, card, at, maxLength: deps.maxMessageLength, flags }, stored, deps.content.conversation.questions, deps.nlu, (error) =>
                  deps.log.error({ err: error, conversationId }, 'reading the answer failed; the warning signs of the message still count'),
                ),
                card,
                capabilitiesOf(activity.channelId).cards,
              ),
      };
    } else if ((activity.type === ActivityTypes.ConversationUpdate && isUserJoining(activity)) || (activity.type === ActivityTypes.InstallationUpdate && activity.action === 'add')) {
      inbound = { ...base, activityId: undefined, events: () => [{ type: 'START', at }] };
    } else {
      // Other activity types are acknowledged; only other parts' notes (e.g. uninstall) may answer.
      await sendNotes(context);
      return;
    }

    try {
      const result = await deps.conversations.run(inbound);
      const outcome: TurnOutcome = { screeningDone: result.conversation.context.screeningDone === true, recorded: result.recorded };
      if (result.duplicate || result.replies.length === 0) {
        if (!result.duplicate) await sendNotes(context, outcome);
        return;
      }
      const handoff = result.replies.find((reply) => reply.kind === 'handoff');
      if (handoff) {
        deps.log.warn({ conversationId, urgency: handoff.value.urgency, reasons: handoff.value.reasons }, 'handoff initiated');
        deps.handoffs.stored({ urgency: handoff.value.urgency });
      }
      const transcript = handoff ? await deps.renderer.transcriptOf(conversationId) : [];
      for (const reply of result.replies) if (reply.kind === 'relay') await deps.relays.relay(conversationId, reply);
      const personReplies = withNotes(await deps.renderer.withProgress(conversationId, result.replies), await notesAfter(activity, outcome));
      if (personReplies.length) await context.sendActivities(deps.renderer.forTurn(activity, personReplies, transcript));
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

  return { onTurn };
}

export type CoachBot = ReturnType<typeof createCoachBot>;
