import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** An activity as Direct Line hands it to the browser. */
export type StoredActivity = Record<string, unknown> & { id: string; type: string };

export interface DirectLineConversation {
  id: string;
  /** The person's id in this conversation; activities they post are always from this id. */
  userId: string;
  createdAt: number;
  lastSeen: number;
  /** Sequence number of the newest activity; the watermark a client has read up to. */
  seq: number;
  /** The newest activities, oldest first, each with its sequence number; older ones are dropped. */
  activities: { seq: number; activity: StoredActivity }[];
  tokenHash: Buffer;
}

export interface ConversationLimits {
  /** Activities kept per conversation (oldest dropped first). */
  maxActivities: number;
  /** Conversations kept at once (the least recently seen is dropped first). */
  maxConversations: number;
  /** A conversation nobody has polled, posted to or delivered to for this long is forgotten. */
  idleMs: number;
}

export const DEFAULT_LIMITS: ConversationLimits = { maxActivities: 300, maxConversations: 1000, idleMs: 60 * 60 * 1000 };

const hashToken = (token: string) => createHash('sha256').update(token).digest();
const randomId = (bytes: number) => randomBytes(bytes).toString('base64url');

/**
 * The Direct Line conversations of this process, in memory and bounded: per-conversation tokens
 * (only a hash is kept), a capped list of activities with a monotonic watermark, idle expiry.
 */
export class ConversationStore {
  private readonly conversations = new Map<string, DirectLineConversation>();
  private readonly limits: ConversationLimits;

  constructor(
    limits: Partial<ConversationLimits> = {},
    private readonly clock: () => number = Date.now,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  get size(): number {
    return this.conversations.size;
  }

  /** A new conversation and its token. The token is returned once and only its hash is kept. */
  create(): { conversation: DirectLineConversation; token: string } {
    this.sweep();
    while (this.conversations.size >= this.limits.maxConversations) this.evictOldest();
    const now = this.clock();
    const token = randomId(32);
    const conversation: DirectLineConversation = {
      id: randomId(18),
      userId: `dl_${randomId(12)}`,
      createdAt: now,
      lastSeen: now,
      seq: 0,
      activities: [],
      tokenHash: hashToken(token),
    };
    this.conversations.set(conversation.id, conversation);
    return { conversation, token };
  }

  /** The conversation, unless it is unknown or has been idle too long (then it is forgotten). */
  get(id: string): DirectLineConversation | undefined {
    const conversation = this.conversations.get(id);
    if (!conversation) return undefined;
    if (this.clock() - conversation.lastSeen > this.limits.idleMs) {
      this.conversations.delete(id);
      return undefined;
    }
    return conversation;
  }

  /** Which conversation a bearer token opens, if any. */
  findByToken(token: string): DirectLineConversation | undefined {
    const hash = hashToken(token);
    for (const conversation of this.conversations.values()) {
      if (timingSafeEqual(conversation.tokenHash, hash)) return this.get(conversation.id);
    }
    return undefined;
  }

  /** True when the token belongs to this conversation (compared in constant time). */
  tokenMatches(conversation: DirectLineConversation, token: string): boolean {
    return timingSafeEqual(conversation.tokenHash, hashToken(token));
  }

  touch(conversation: DirectLineConversation): void {
    conversation.lastSeen = this.clock();
    // Keep Map order as least-recently-seen first, so eviction drops the stalest.
    this.conversations.delete(conversation.id);
    this.conversations.set(conversation.id, conversation);
  }

  /** Appends an activity, giving it a Direct Line id (`<conversation>|<seq>`) unless it has one. */
  append(conversation: DirectLineConversation, activity: Record<string, unknown> & { type: string }): StoredActivity {
    conversation.seq += 1;
    const stored: StoredActivity = { ...activity, id: typeof activity.id === 'string' && activity.id ? activity.id : `${conversation.id}|${String(conversation.seq).padStart(7, '0')}` };
    conversation.activities.push({ seq: conversation.seq, activity: stored });
    const excess = conversation.activities.length - this.limits.maxActivities;
    if (excess > 0) conversation.activities.splice(0, excess);
    return stored;
  }

  /** Activities after the watermark (an empty or unreadable watermark means from the start). */
  since(conversation: DirectLineConversation, watermark: string | undefined): { activities: StoredActivity[]; watermark: string } {
    const after = watermark && /^\d+$/.test(watermark) ? Number(watermark) : 0;
    const activities = conversation.activities.filter((entry) => entry.seq > after).map((entry) => entry.activity);
    return { activities, watermark: String(conversation.seq) };
  }

  /** Forgets conversations idle for longer than the limit. */
  sweep(): void {
    const now = this.clock();
    for (const [id, conversation] of this.conversations) {
      if (now - conversation.lastSeen > this.limits.idleMs) this.conversations.delete(id);
    }
  }

  private evictOldest(): void {
    const oldest = this.conversations.keys().next();
    if (!oldest.done) this.conversations.delete(oldest.value);
  }
}
