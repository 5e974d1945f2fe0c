/**
 * The port proactive sending goes through: open a stored conversation, post into it (one activity
 * per request), update an activity posted earlier. The Bot Framework implementation is at the edge
 * (src/bot/proactiveChannel.ts); retrying is decided in src/proactive/sender.ts, never by the SDK.
 */
import type { ConversationRef, OutboundActivity } from '../ports/messaging.ts';

export class ChannelError extends Error {
  constructor(
    readonly status: number | undefined,
    readonly retryAfter: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}

/** A conversation opened for proactive posts; both throw ChannelError when the connector refuses or cannot be reached. */
export interface OpenConversation {
  /** The conversation as the channel opened it. */
  reference: ConversationRef;
  /** Posts one activity; the channel's id of it, when it gives one. */
  post(activity: OutboundActivity): Promise<string | undefined>;
  /** Replaces an activity posted earlier. */
  update(activityId: string, activity: OutboundActivity): Promise<void>;
}

export interface ProactiveChannel {
  /** Opens the conversation and runs `fn` with a way to post into it. */
  withConversation<T>(reference: ConversationRef, fn: (conversation: OpenConversation) => Promise<T>): Promise<T>;
}

function headerOf(error: unknown, name: string): string | undefined {
  const headers = (error as { response?: { headers?: unknown } })?.response?.headers as
    | { get?: (name: string) => string | undefined | null; [key: string]: unknown }
    | undefined;
  if (!headers) return undefined;
  if (typeof headers.get === 'function') return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
}

export function toChannelError(error: unknown): ChannelError {
  if (error instanceof ChannelError) return error;
  const e = error as { statusCode?: number; status?: number; response?: { status?: number }; message?: string };
  const status = e?.statusCode ?? e?.response?.status ?? (typeof e?.status === 'number' ? e.status : undefined);
  return new ChannelError(status, headerOf(error, 'retry-after'), e?.message ?? String(error));
}

/** A post with no answer in this time counts as "no answer" (retried; it may have arrived: at-least-once). */
export const POST_TIMEOUT_MS = 30_000;

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ChannelError(undefined, undefined, `no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
