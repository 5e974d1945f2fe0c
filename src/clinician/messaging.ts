/**
 * The clinician side's way to send, as a port of our own: what it sends is plain data, and the
 * Bot Framework side (src/bot/careTeamMessaging.ts) carries it out within the channel limits.
 * Nothing here knows botbuilder, so moving SDKs touches only the implementation.
 */
import type { Reply } from '../bot/render.ts';

/** A stored conversation reference (serviceUrl, conversation, bot, user, channelId...). */
export type ConversationAddress = { serviceUrl?: string; conversation?: { id: string; tenantId?: string } & Record<string, unknown> } & Record<string, unknown>;

export interface OutboundActivity {
  type: 'message' | 'event';
  text?: string;
  summary?: string;
  attachments?: { contentType: string; content: unknown }[];
  channelData?: Record<string, unknown>;
  name?: string;
  value?: unknown;
}

export type SendOutcome =
  | { outcome: 'sent'; activityIds: string[] }
  | { outcome: 'retry'; delayMs: number; error: string }
  | { outcome: 'stop'; error: string }
  | { outcome: 'fail'; error: string };

export interface MessagingPort {
  /** Posts activities into a conversation; `activityIds` are the channel's ids of what was posted. */
  send(address: ConversationAddress, activities: OutboundActivity[]): Promise<SendOutcome>;
  /**
   * Continues a person's conversation with the replies of a machine turn (rendered by the bot for
   * that channel), after `before`, and ends with a Bot Framework `handoff.status` event when given.
   */
  continue(address: ConversationAddress, replies: Reply[], options?: { before?: OutboundActivity[]; handoffStatus?: 'accepted' | 'completed' | 'failed' }): Promise<SendOutcome>;
  /** Replaces an activity posted earlier (a Teams card after accept and close). */
  update(address: ConversationAddress, activityId: string, activity: OutboundActivity): Promise<SendOutcome>;
}
