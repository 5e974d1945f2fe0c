/**
 * How the product talks to a channel, in its own types. Everything outside the edge (src/bot,
 * src/channels, src/server.ts) sends and reads through these shapes; only the edge turns them into
 * the SDK's (botbuilder today, the Microsoft 365 Agents SDK next: docs/agents-sdk.md). The shapes
 * follow the Activity protocol, which both SDKs speak, so a stored reference stays valid across the move.
 */
import type { Reply } from '../bot/render.ts';

export interface Account {
  id: string;
  name?: string;
  /** Microsoft Entra object id (Teams). */
  aadObjectId?: string;
  role?: string;
}

export interface ConversationAccount {
  id: string;
  tenantId?: string;
  /** Teams: 'personal', 'channel' or 'groupChat'. */
  conversationType?: string;
  isGroup?: boolean;
  name?: string;
}

/** Where a conversation lives (stored with it as JSON): enough to continue it later. */
export interface ConversationRef {
  channelId?: string;
  serviceUrl?: string;
  conversation?: ConversationAccount;
  bot?: Account;
  user?: Account;
  locale?: string;
  activityId?: string;
}

/** The parts of an incoming activity the features read (the edge passes the SDK's activity as is). */
export interface InboundActivity {
  type?: string;
  id?: string;
  name?: string;
  action?: string;
  text?: string;
  value?: unknown;
  channelId?: string;
  serviceUrl?: string;
  locale?: string;
  localTimezone?: string;
  conversation?: ConversationAccount;
  from?: Account;
  recipient?: Account;
  membersAdded?: Account[];
  membersRemoved?: Account[];
  entities?: { type: string; [field: string]: unknown }[];
  channelData?: unknown;
}

/** What goes out: a message or an event, as plain data. */
export interface OutboundActivity {
  type: string;
  text?: string;
  summary?: string;
  textFormat?: string;
  inputHint?: string;
  attachments?: { contentType: string; content?: unknown; contentUrl?: string; name?: string }[];
  suggestedActions?: { actions: { type: string; title: string; value?: unknown }[]; to?: string[] };
  channelData?: unknown;
  name?: string;
  value?: unknown;
  /** Set by the channel from the conversation when absent. */
  from?: Account;
  recipient?: Account;
  conversation?: ConversationAccount;
  replyToId?: string;
  relatesTo?: ConversationRef;
  entities?: { type: string; [field: string]: unknown }[];
}

export type SendOutcome =
  | { outcome: 'sent'; activityIds: string[] }
  | { outcome: 'retry'; delayMs: number; error: string }
  | { outcome: 'stop'; error: string }
  | { outcome: 'fail'; error: string };

/** Machine replies as the activities of the conversation's channel (src/bot/renderer.ts). */
export type RenderReplies = (reference: ConversationRef, replies: Reply[]) => Promise<OutboundActivity[]>;

/** Sending into stored conversations, within the channel's limits (src/bot/messaging.ts carries it out). */
export interface MessagingPort {
  /** Posts activities into a conversation; `activityIds` are the channel's ids of what was posted. */
  send(reference: ConversationRef, activities: OutboundActivity[]): Promise<SendOutcome>;
  /**
   * Continues a person's conversation with the replies of a machine turn (rendered by the bot for
   * that channel), after `before`, and ends with a `handoff.status` event when given.
   */
  continue(reference: ConversationRef, replies: Reply[], options?: { before?: OutboundActivity[]; handoffStatus?: 'accepted' | 'completed' | 'failed' }): Promise<SendOutcome>;
  /** Replaces an activity posted earlier (a Teams card after accept and close). */
  update(reference: ConversationRef, activityId: string, activity: OutboundActivity): Promise<SendOutcome>;
}

