import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantOn, localDayOf, nextDueAt } from '../../src/schedule/time.ts';

const nine = { hour: 9, minute: 0 };

describe('next check-in instant', () => {
  it('is later today when the time has not come yet, else tomorrow', () => {
    expect(nextDueAt(nine, 'Europe/London', new Date('2025-06-10T07:00:00Z')).toISOString()).toBe('2025-06-10T08:00:00.000Z');
    expect(nextDueAt(nine, 'Europe/London', new Date('2025-06-10T08:00:00Z')).toISOString()).toBe('2025-06-11T08:00:00.000Z');
  });

  it('keeps 09:00 local across the spring change (Europe/London, 30 March 2025)', () => {
    const before = nextDueAt(nine, 'Europe/London', new Date('2025-03-29T10:00:00Z'));
    expect(before.toISOString()).toBe('2025-03-30T08:00:00.000Z'); // BST from 01:00 UTC that morning
    expect(nextDueAt(nine, 'Europe/London', new Date('2025-03-28T10:00:00Z')).toISOString()).toBe('2025-03-29T09:00:00.000Z');
  });

  it('keeps 09:00 local across the autumn change (America/New_York, 2 November 2025)', () => {
    expect(nextDueAt(nine, 'America/New_York', new Date('2025-11-01T14:00:00Z')).toISOString()).toBe('2025-11-02T14:00:00.000Z');
    expect(nextDueAt(nine, 'America/New_York', new Date('2025-10-31T14:00:00Z')).toISOString()).toBe('2025-11-01T13:00:00.000Z');
  });

  it('a time skipped by the clocks going forward happens just after the gap', () => {
    const due = instantOn('2025-03-09', { hour: 2, minute: 30 }, 'America/New_York');
    expect(due.toISOString()).toBe('2025-03-09T07:30:00.000Z'); // 03:30 EDT
    expect(localDayOf(due, 'America/New_York')).toBe('2025-03-09');
  });

  it('a time that happens twice (clocks going back) is the first one', () => {
    expect(instantOn('2025-11-02', { hour: 1, minute: 30 }, 'America/New_York').toISOString()).toBe('2025-11-02T05:30:00.000Z');
  });

  it('a pause moves the next check-in to the day it ends', () => {
    expect(nextDueAt(nine, 'Asia/Tokyo', new Date('2025-06-10T00:00:00Z'), '2025-06-15').toISOString()).toBe('2025-06-15T00:00:00.000Z');
  });

  it('property: always after `after`, within two days, on the local day it names, at the local time unless skipped', () => {
    const zones = ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham', 'America/Santiago', 'UTC'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2024-01-01'), max: Date.parse('2027-12-31') }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(...zones),
        (after, hour, minute, zone) => {
          const due = nextDueAt({ hour, minute }, zone, new Date(after));
          expect(due.getTime()).toBeGreaterThan(after);
          expect(due.getTime() - after).toBeLessThanOrEqual(2 * 86_400_000);
          const local = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(due);
          const [h, m] = local.split(':').map(Number) as [number, number];
          const shifted = (h * 60 + m - (hour * 60 + minute) + 1440) % 1440;
          expect(shifted === 0 || shifted <= 60).toBe(true); // exact, or moved forward over a gap (≤ 1h)
          // The next one after it is on the next local day.
          const next = nextDueAt({ hour, minute }, zone, due);
          expect(localDayOf(next, zone) > localDayOf(due, zone)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});
