import { describe, expect, it } from 'vitest';
import { SpacingLimiter, type Clock } from '../../src/proactive/limiter.ts';

/** A sender that asks for its next slot, waits for it, then spends `lateness(i)` ms before asking again. */
function drive(limiter: SpacingLimiter, seconds: number, lateness: (i: number) => number): number[] {
  let now = 0;
  const clock: Clock = { now: () => now, sleep: async () => {} };
  Object.assign(limiter, { clock });
  const sent: number[] = [];
  for (let i = 0; now < seconds * 1000; i++) {
    now += limiter.reserve('tenant-contoso');
    sent.push(now);
    now += lateness(i);
  }
  return sent.filter((at) => at < seconds * 1000);
}

function busiestSecond(sent: number[]): number {
  let most = 0;
  for (let start = 0, end = 0; end < sent.length; end++) {
    while (sent[end]! - sent[start]! >= 1000) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

describe('the tenant send pace', () => {
  // Pseudo-random but repeatable lateness of 0-30 ms, as a busy event loop gives.
  const jitter = (i: number) => ((i * 7919) % 31);

  it('keeps close to the allowed pace when the sender is often late for its slot', () => {
    const sent = drive(new SpacingLimiter(50, undefined, 0.96), 60, jitter);
    // 48 a second is the pace aimed at (96 % of Teams' 50); a late send no longer pushes the schedule back.
    expect(sent.length / 60).toBeGreaterThanOrEqual(47.5);
  });

  it('never lets more than the pace and one slot into any one second, late or not', () => {
    for (const lateness of [jitter, () => 0, (i: number) => (i % 5 === 0 ? 45 : 0), (i: number) => (i % 50 === 0 ? 900 : 1)]) {
      expect(busiestSecond(drive(new SpacingLimiter(50, undefined, 0.96), 30, lateness))).toBeLessThanOrEqual(49);
    }
  });

  it('still waits out a Retry-After', () => {
    let now = 0;
    const limiter = new SpacingLimiter(50, { now: () => now, sleep: async () => {} }, 0.96);
    limiter.reserve('tenant-contoso');
    limiter.pause('tenant-contoso', 2000);
    now = 100;
    expect(limiter.reserve('tenant-contoso')).toBe(1900);
  });
});
