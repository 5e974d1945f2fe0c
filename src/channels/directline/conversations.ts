import { createHash, randomBytes } from 'node:crypto';
import { openText, sealText } from '../../privacy/freeText.ts';
import type { Sql } from '../../store/database.ts';

/** An activity as Direct Line hands it to the browser. */
export type StoredActivity = Record<string, unknown> & { id: string; type: string };

export interface DirectLineConversation {
  id: string;
  /** The person's id in this conversation; activities they post are always from this id. */
  userId: string;
  /** Sequence number of the newest activity: the watermark a client has read up to. */
  seq: number;
  /** What the person's page has polled up to (the rest is waiting for them). */
  readSeq: number;
  lastSeenAt: Date;
  portalSubject: string | null;
}

export interface ConversationLimits {
  /** Activities kept per conversation (oldest dropped first). */
  maxActivities: number;
  /** Life of a Direct Line token; a refresh before it ends gives a new one (Direct Line: 30 minutes). */
  tokenSeconds: number;
  /** Life of the key a browser keeps to open its conversation again, renewed on each use. */
  deviceDays: number;
  /** How long this process trusts a token it has already looked up (a revoked one stops within this). */
  tokenCacheMs: number;
  /** The last-seen time is written at most this often per conversation (polls come every second). */
  seenEveryMs: number;
}

export const DEFAULT_LIMITS: ConversationLimits = { maxActivities: 1000, tokenSeconds: 1800, deviceDays: 180, tokenCacheMs: 30_000, seenEveryMs: 10_000 };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
const randomId = (bytes: number) => randomBytes(bytes).toString('base64url');
export const activityId = (conversationId: string, seq: number) => `${conversationId}|${String(seq).padStart(7, '0')}`;
export const isActivityOf = (conversationId: string, id: string) => id.startsWith(`${conversationId}|`);

interface ConversationRow {
  conversation_id: string;
  user_id: string;
  portal_subject: string | null;
  seq: string | number;
  read_seq: string | number;
  last_seen_at: Date | string;
}

const toConversation = (row: ConversationRow): DirectLineConversation => ({
  id: row.conversation_id,
  userId: row.user_id,
  portalSubject: row.portal_subject,
  seq: Number(row.seq),
  readSeq: Number(row.read_seq),
  lastSeenAt: new Date(row.last_seen_at),
});

export type TokenKind = 'token' | 'device';

interface CachedToken {
  conversationId: string;
  kind: TokenKind;
  deviceHash: string | null;
  expiresAt: number;
  cachedAt: number;
}

const MAX_CACHED_TOKENS = 10_000;
const PAGE = 500;

/**
 * The Direct Line conversations, in the database (both engines), so a reload, a closed tab, a
 * restart or another instance continue the same conversation: the conversation and its watermark,
 * its history (sealed like all stored free text), and its tokens (only their hashes).
 */
export class DirectLineStore {
  readonly limits: ConversationLimits;
  private readonly tokens = new Map<string, CachedToken>();
  private appends = 0;

  constructor(
    private readonly db: Sql,
    limits: Partial<ConversationLimits> = {},
    private readonly clock: () => number = Date.now,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  private now(): Date {
    return new Date(this.clock());
  }

  /** A new conversation (for a portal user: theirs from now on, keyed by the hash of who they are). */
  async create(options: { portalSubject?: string } = {}): Promise<{ conversation: DirectLineConversation; created: boolean }> {
    const now = this.now().toISOString();
    const rows = await this.db.query<ConversationRow>(
      `insert into directline_conversations (conversation_id, user_id, portal_subject, created_at, last_seen_at)
       values ($1, $2, $3, $4, $4) on conflict do nothing returning *`,
      [randomId(18), `dl_${randomId(12)}`, options.portalSubject ?? null, now],
    );
    if (rows[0]) return { conversation: toConversation(rows[0]), created: true };
    // Two first visits of one portal user at once: both get the one conversation.
    const existing = options.portalSubject ? await this.byPortalSubject(options.portalSubject) : undefined;
    if (!existing) throw new Error('could not create a web chat conversation');
    return { conversation: existing, created: false };
  }

  async get(id: string): Promise<DirectLineConversation | undefined> {
    const rows = await this.db.query<ConversationRow>('select * from directline_conversations where conversation_id = $1', [id]);
    return rows[0] ? toConversation(rows[0]) : undefined;
  }

  async byPortalSubject(subject: string): Promise<DirectLineConversation | undefined> {
    const rows = await this.db.query<ConversationRow>('select * from directline_conversations where portal_subject = $1', [subject]);
    return rows[0] ? toConversation(rows[0]) : undefined;
  }

  /** A new secret of the given kind for the conversation; returned once, only its hash is kept. */
  async issue(conversationId: string, kind: TokenKind, deviceHash: string | null = null): Promise<{ token: string; expiresIn: number }> {
    const token = randomId(32);
    const seconds = kind === 'token' ? this.limits.tokenSeconds : this.limits.deviceDays * 86_400;
    const now = this.now();
    await this.db.query('insert into directline_tokens (token_hash, conversation_id, kind, device_hash, expires_at, created_at) values ($1, $2, $3, $4, $5, $6)', [
      hashToken(token),
      conversationId,
      kind,
      kind === 'device' ? null : deviceHash,
      new Date(now.getTime() + seconds * 1000).toISOString(),
      now.toISOString(),
    ]);
    if (++this.appends % 200 === 0) await this.sweepTokens();
    return { token, expiresIn: seconds };
  }

  /** The conversation a secret opens, if it is of that kind and has not expired. */
  async open(secret: string, kind: TokenKind): Promise<{ conversationId: string; deviceHash: string | null } | undefined> {
    const hash = hashToken(secret);
    const at = this.clock();
    let entry = this.tokens.get(hash);
    if (!entry || at - entry.cachedAt > this.limits.tokenCacheMs) {
      const rows = await this.db.query<{ conversation_id: string; kind: TokenKind; device_hash: string | null; expires_at: Date | string }>(
        'select conversation_id, kind, device_hash, expires_at from directline_tokens where token_hash = $1',
        [hash],
      );
      const row = rows[0];
      if (!row) {
        this.tokens.delete(hash);
        return undefined;
      }
      entry = { conversationId: row.conversation_id, kind: row.kind, deviceHash: row.device_hash, expiresAt: new Date(row.expires_at).getTime(), cachedAt: at };
      this.tokens.set(hash, entry);
      while (this.tokens.size > MAX_CACHED_TOKENS) this.tokens.delete(this.tokens.keys().next().value!);
    }
    if (entry.kind !== kind || entry.expiresAt <= at) return undefined;
    return { conversationId: entry.conversationId, deviceHash: entry.deviceHash };
  }

  /** A device key's life starts again when it is used (a person who comes back keeps their conversation). */
  async renewDevice(deviceKey: string): Promise<void> {
    const expires = new Date(this.clock() + this.limits.deviceDays * 86_400_000).toISOString();
    await this.db.query("update directline_tokens set expires_at = $2 where token_hash = $1 and kind = 'device'", [hashToken(deviceKey), expires]);
    this.tokens.delete(hashToken(deviceKey));
  }

  /** Forget this device: its key and every token it was given stop working. */
  async revokeDevice(deviceKey: string): Promise<void> {
    const hash = hashToken(deviceKey);
    const gone = await this.db.query<{ token_hash: string }>("delete from directline_tokens where (token_hash = $1 and kind = 'device') or device_hash = $1 returning token_hash", [hash]);
    for (const row of gone) this.tokens.delete(row.token_hash);
    this.tokens.delete(hash);
  }

  async revokeToken(token: string): Promise<void> {
    const hash = hashToken(token);
    await this.db.query('delete from directline_tokens where token_hash = $1', [hash]);
    this.tokens.delete(hash);
  }

  /** Removes tokens that ended more than a day ago. */
  async sweepTokens(): Promise<void> {
    await this.db.query('delete from directline_tokens where expires_at < $1', [new Date(this.clock() - 86_400_000).toISOString()]);
  }

  /** Appends an activity with the next sequence number; its Direct Line id is `<conversation>|<seq>`. */
  async append(conversationId: string, activity: Record<string, unknown> & { type: string }): Promise<StoredActivity | undefined> {
    const { id: _id, ...rest } = activity;
    const now = this.now().toISOString();
    // One statement: the conversation row's lock orders concurrent appends, on any instance.
    const rows = await this.db.query<{ seq: string | number }>(
      `with next as (update directline_conversations set seq = seq + 1 where conversation_id = $1 returning seq)
       insert into directline_activities (conversation_id, seq, activity, at) select $1, seq, $2, $3 from next returning seq`,
      [conversationId, sealText(this.db, JSON.stringify(rest)), now],
    );
    const seq = rows[0] ? Number(rows[0].seq) : undefined;
    if (seq === undefined) return undefined;
    if (seq % 100 === 0 && seq > this.limits.maxActivities) {
      await this.db.query('delete from directline_activities where conversation_id = $1 and seq <= $2', [conversationId, seq - this.limits.maxActivities]);
    }
    return { ...rest, id: activityId(conversationId, seq) } as StoredActivity;
  }

  /** Activities after the watermark (an empty or unreadable watermark means from the start). */
  async since(conversation: DirectLineConversation, watermark: string | undefined): Promise<{ activities: StoredActivity[]; watermark: string }> {
    const after = parseWatermark(watermark);
    const rows = await this.db.query<{ seq: string | number; activity: string }>(
      'select seq, activity from directline_activities where conversation_id = $1 and seq > $2 order by seq limit $3',
      [conversation.id, after, PAGE],
    );
    const activities = rows.map((row) => ({ ...(JSON.parse(openText(this.db, row.activity)) as Record<string, unknown>), id: activityId(conversation.id, Number(row.seq)) }) as StoredActivity);
    const last = rows.length ? Number(rows.at(-1)!.seq) : 0;
    const mark = rows.length === PAGE ? last : Math.max(last, conversation.seq);
    return { activities, watermark: String(mark) };
  }

  /**
   * The page was here and now has everything up to this watermark: remembers what it has shown and when it was
   * last seen, written at most every few seconds so a page polling every second costs no write.
   */
  async seen(conversation: DirectLineConversation, watermark: string | undefined): Promise<void> {
    const read = parseWatermark(watermark);
    const now = this.clock();
    if (read <= conversation.readSeq && now - conversation.lastSeenAt.getTime() < this.limits.seenEveryMs) return;
    // Capped by the row's own seq, not the one read before the poll: the bot's reply to a message
    // can be written in between, and the page has it in hand.
    await this.db.query('update directline_conversations set read_seq = greatest(read_seq, least($2, seq)), last_seen_at = $3 where conversation_id = $1', [conversation.id, read, new Date(now).toISOString()]);
  }
}

export function parseWatermark(watermark: string | undefined): number {
  return watermark && /^\d{1,15}$/.test(watermark) ? Number(watermark) : 0;
}
