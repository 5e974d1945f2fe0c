import type { ConversationRow } from './conversations.ts';

/**
 * The conversations this process wrote last, so the next turn of a conversation decides without
 * reading it back: one round trip per turn (the compare-and-swap write) instead of two.
 *
 * Never trusted for a write: a turn decided on a cached snapshot still writes with compare-and-swap
 * on (version, birth). If anything else changed the row since (another instance, an erasure, a
 * clinician's action), the swap fails, the entry is dropped and the turn re-reads and re-applies,
 * exactly as when two turns race. `born` (the row's created_at) keeps a conversation erased and
 * started again from matching an old entry that happens to have the same version.
 *
 * Bounded (least recently used out first): a few KB per conversation, 2,000 by default.
 */
export interface CachedConversation extends ConversationRow {
  /** The row's created_at as PostgreSQL printed it (exact to the microsecond). */
  born: string;
}

export class SnapshotCache {
  private readonly entries = new Map<string, CachedConversation>();
  hits = 0;
  misses = 0;

  constructor(readonly limit = 2000) {}

  get(id: string): CachedConversation | undefined {
    const found = this.entries.get(id);
    if (!found) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Most recently used last.
    this.entries.delete(id);
    this.entries.set(id, found);
    return found;
  }

  /** Keeps what a turn wrote; an older version (a write whose answer came back late) never replaces a newer one. */
  set(id: string, entry: CachedConversation): void {
    const current = this.entries.get(id);
    if (current && current.born === entry.born && current.version >= entry.version) return;
    this.entries.delete(id);
    this.entries.set(id, entry);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
