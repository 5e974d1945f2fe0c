import { describe, expect, it } from 'vitest';
import { escalationStep, firstCheckAt } from '../../src/clinician/escalation.ts';

const windows = { emergency: 10, urgent: 60 };
const created = new Date('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(created.getTime() + minutes * 60_000);

describe('escalation of handoffs nobody accepted', () => {
  it('waits the configured time per urgency; soon and routine never escalate', () => {
    expect(firstCheckAt('emergency', created, windows)).toEqual(at(10));
    expect(firstCheckAt('urgent', created, windows)).toEqual(at(60));
    expect(firstCheckAt('soon', created, windows)).toBeNull();
    expect(firstCheckAt('routine', created, windows)).toBeNull();
  });

  it('reminds first, escalates once, then keeps reminding', () => {
    const waiting = { urgency: 'emergency', status: 'open', reminders: 0, escalatedAt: null };
    expect(escalationStep(waiting, created, at(10), windows)).toEqual({ action: 'remind', nextCheckAt: at(20), waitedMinutes: 10 });
    expect(escalationStep({ ...waiting, reminders: 1 }, created, at(20), windows)).toEqual({ action: 'escalate', nextCheckAt: at(30), waitedMinutes: 20 });
    expect(escalationStep({ ...waiting, reminders: 2, escalatedAt: at(20).toISOString() }, created, at(30), windows).action).toBe('remind');
  });

  it('does nothing for a case someone accepted or closed', () => {
    for (const status of ['accepted', 'closed']) expect(escalationStep({ urgency: 'emergency', status, reminders: 0, escalatedAt: null }, created, at(60), windows)).toEqual({ action: 'none' });
  });
});
