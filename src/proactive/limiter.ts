/**
 * Spacing limiter: each key (a tenant, a conversation) gets at most `perSecond` grants in any
 * one-second window, spread evenly rather than in bursts, so a connector that counts requests in
 * a sliding window never sees more than the limit even when network latency jitters. A 429 pauses
 * the key until its Retry-After; other keys carry on.
 *
 * A sender that comes a little late for its slot (the event loop was busy) keeps the schedule:
 * slots stay `spacing` apart and a send happens less than half a spacing after its slot, so any
 * one-second window holds at most perSecond x headroom + 1 sends (49 of 50 for Teams). Before,
 * every late send pushed the whole schedule back and the pace fell to 91-94 % of the limit on a
 * busy machine. An idle key starts from now, as before.
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/** What the sender needs of a limiter; the tenant's may live in the database (src/proactive/sharedLimiter.ts). */
export interface RateLimiter {
  /** How long a reservation would wait now, as far as this instance knows, without taking one. */
  peek(key: string): number;
  /** Reserves the key's next slot; resolves to how long to wait for it (0 = now). */
  reserve(key: string): number | Promise<number>;
  /** Honours a Retry-After for the key. */
  pause(key: string, ms: number): void | Promise<void>;
  /** Forgets idle keys. */
  prune(): void;
}

interface KeyState {
  next: number;
  pausedUntil: number;
}

export class SpacingLimiter implements RateLimiter {
  private readonly keys = new Map<string, KeyState>();
  private readonly spacing: number;

  /** `headroom` < 1 keeps a margin under the channel's limit (0.96 = 48 of 50 per second). */
  constructor(
    readonly perSecond: number,
    private readonly clock: Clock = systemClock,
    headroom = 0.96,
  ) {
    this.spacing = 1000 / (perSecond * headroom);
  }

  private state(key: string): KeyState {
    let state = this.keys.get(key);
    if (!state) {
      state = { next: 0, pausedUntil: 0 };
      this.keys.set(key, state);
    }
    return state;
  }

  /**
   * Reserves the key's next slot and returns how long to wait for it (0 = now). Check `peek` first
   * when the caller might not wait: a reserved slot is spent whether it is used or not.
   */
  reserve(key: string): number {
    const now = this.clock.now();
    const state = this.state(key);
    // Catch up at most half a slot, and only on a schedule that is running (an idle key starts now).
    const running = state.next >= now - this.spacing;
    const slot = Math.max(state.pausedUntil, running ? Math.max(state.next, now - this.spacing / 2) : now);
    state.next = slot + this.spacing;
    return Math.max(0, slot - now);
  }

  /** How long a reservation would wait now, without taking one. */
  peek(key: string): number {
    const state = this.keys.get(key);
    if (!state) return 0;
    return Math.max(0, state.next - this.clock.now(), state.pausedUntil - this.clock.now());
  }

  /** Honours a Retry-After: nothing more is granted for this key until then. */
  pause(key: string, ms: number): void {
    const state = this.state(key);
    state.pausedUntil = Math.max(state.pausedUntil, this.clock.now() + ms);
  }

  /** Forgets idle keys so a long-running process does not keep one entry per conversation ever seen. */
  prune(): void {
    const now = this.clock.now();
    for (const [key, state] of this.keys) if (state.next < now - 5000 && state.pausedUntil < now) this.keys.delete(key);
  }

  get size(): number {
    return this.keys.size;
  }
}
