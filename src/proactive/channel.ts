/**
 * The one place proactive sending touches botbuilder: `continueConversationAsync` to a stored
 * ConversationReference, one activity per POST {serviceUrl}/v3/conversations/{id}/activities.
 *
 * The connector client's own retry policy is removed for these requests: it would retry 429 and
 * 5xx behind the limiter's back (three times, without telling it to slow the whole tenant down).
 * Retrying is decided in src/proactive/sender.ts instead.
 */
import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';

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

/** Posts one activity; throws ChannelError when the connector refuses it or cannot be reached. */
export type Post = (activity: Partial<Activity>) => Promise<void>;

export interface ProactiveChannel {
  /** Opens the conversation and runs `fn` with a way to post into it. */
  withConversation<T>(reference: Partial<ConversationReference>, fn: (post: Post, context: TurnContext) => Promise<T>): Promise<T>;
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

function withoutSdkRetries(context: TurnContext, adapter: CloudAdapter): void {
  const connector = context.turnState.get(adapter.ConnectorClientKey) as { client?: { pipeline?: { removePolicy(options: { name: string }): unknown } } } | undefined;
  connector?.client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
}

/** A post with no answer in this time counts as "no answer" (retried; it may have arrived: at-least-once). */
export const POST_TIMEOUT_MS = 30_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ChannelError(undefined, undefined, `no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function botFrameworkChannel(adapter: CloudAdapter, appId: string, postTimeoutMs = POST_TIMEOUT_MS): ProactiveChannel {
  return {
    async withConversation(reference, fn) {
      let result: Awaited<ReturnType<typeof fn>> | undefined;
      try {
        await adapter.continueConversationAsync(appId, reference, async (context) => {
          withoutSdkRetries(context, adapter);
          const post: Post = async (activity) => {
            try {
              await withTimeout(context.sendActivity(activity), postTimeoutMs);
            } catch (error) {
              throw toChannelError(error);
            }
          };
          result = await fn(post, context);
        });
      } catch (error) {
        // Token and connection failures outside a post are the channel's too; anything else is ours.
        const e = error as { statusCode?: number; code?: string };
        if (error instanceof ChannelError || typeof e?.statusCode === 'number' || typeof e?.code === 'string') throw toChannelError(error);
        throw error;
      }
      return result as Awaited<ReturnType<typeof fn>>;
    },
  };
}
