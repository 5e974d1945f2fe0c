/**
 * The ports features plug into the conversation through. The bot (src/bot/coachBot.ts) is built
 * with a list of each and calls them; none of them calls back into the bot.
 */
import type { StoredConversation } from '../../dialogs/step.ts';
import type { CoachEvent } from '../../dialogs/types.ts';
import type { Reply } from '../bot/render.ts';
import type { ConversationRef, InboundActivity } from './messaging.ts';

export interface ShellCommandInput {
  conversationId: string;
  text: string;
  intent: string | undefined;
  activity: InboundActivity;
  at: string;
}

/**
 * A command handled outside the conversation machine (schedule, data rights, ...), tried in order
 * after the warning-sign check: a message that discloses a warning sign always reaches the machine.
 * Returns the texts to reply with when it handled the message, or undefined to pass it on.
 */
export interface ShellCommand {
  name: string;
  handle(input: ShellCommandInput): Promise<string[] | undefined>;
}

/** What a message's turn did, so after-turn hooks decide without reading the store again. */
export interface TurnOutcome {
  /** The conversation's context after the turn (e.g. whether screening is done). */
  screeningDone: boolean;
  /** Types of the clinical events the turn recorded ('screening.completed', ...). */
  recorded: string[];
}

/**
 * After a turn: notes from another part for this turn (e.g. "I'll check in daily at 09:00"),
 * placed before the turn's last question so its buttons stay on the last message. Called for
 * every activity; `turn` is absent when no turn ran (an uninstall, say).
 */
export interface AfterTurn {
  afterTurn(activity: InboundActivity, turn?: TurnOutcome): Promise<string[]>;
}

/** Receives what the person wrote while a clinician owns the conversation. */
export interface RelaySink {
  relay(conversationId: string, relay: Extract<Reply, { kind: 'relay' }>): Promise<void>;
}

/** Turns the product starts itself (a check-in, a clinician joining): stored like any turn, replies returned to send. */
export interface ProactiveTurns {
  proactiveTurn(conversationId: string, events: (stored: StoredConversation | null) => CoachEvent[]): Promise<{ reference: ConversationRef | null; replies: Reply[] } | null>;
}

/** One incoming activity as a feature sees it, with a way to answer in the same conversation. */
export interface IncomingTurn {
  activity: InboundActivity;
  /** The text with the bot's own @mention taken out (Teams channels and group chats). */
  textWithoutMention(): string;
  /** The conversation's reference, as the channel gave it with this activity. */
  reference(): ConversationRef;
  reply(text: string): Promise<void>;
}

/** A feature that may take a turn before the coach sees it (the care team's Teams channel). */
export interface TurnFilter {
  /** True when the turn was the feature's (handled, or to be ignored); false passes it on. */
  take(turn: IncomingTurn): Promise<boolean>;
}
