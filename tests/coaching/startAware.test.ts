import { describe, expect, it } from 'vitest';
import { addDays, applyMovementResponse, emptyProgress, sessionPlan, type CoachingProfile, type CoachingProgress, type MovementAnswer, type ReachLevel } from '../../dialogs/coaching/index.ts';
import { realContent } from './content.ts';

// Item 6: movement rules that know where the symptoms were before the set.
const content = realContent();
const prone = content.exercises['prone-extension']!;
const rules = content.rules.movement;
const lumbar: CoachingProfile = { region: 'lumbar', surgery: 'none', symptomsStartedOn: '2026-01-01', limbSymptoms: true };
const day1 = '2026-03-02';

function set(progress: CoachingProgress, day: string, answer: Partial<MovementAnswer>) {
  const stageId = sessionPlan(lumbar, progress, content, day).steps.find((s) => s.exerciseId === 'prone-extension')?.stageId ?? 'prone-lying';
  return applyMovementResponse(progress, { exerciseId: 'prone-extension', stageId, response: 'no_change', sessionDate: day, at: `${day}T09:00:00Z`, ...answer }, prone, rules);
}

describe('stop now only when symptoms newly reach further', () => {
  it('does not stop a person whose toes were numb before they started, session after session', () => {
    let progress = emptyProgress();
    for (let d = 0; d < 6; d++) {
      const day = addDays(day1, d);
      const { progress: next, decision } = set(progress, day, { response: 'peripheralized', toesOrFingers: true, reachBefore: 'end' });
      expect(decision).toMatchObject({ kind: 'continue', toesAsBefore: true });
      expect(sessionPlan(lumbar, next, content, day).stoppedToday).toBe(false);
      progress = next;
    }
    // Recorded as it was said, with where it started, and never counted as spreading.
    expect(progress.responses.every((r) => r.toesOrFingers && r.reachBefore === 'end' && r.response === 'no_change')).toBe(true);
  });

  it('stops at once when tingling newly reaches the toes, and says where it was before', () => {
    const { progress, decision } = set(emptyProgress(), day1, { response: 'peripheralized', toesOrFingers: true, reachBefore: 'far' });
    expect(decision).toMatchObject({ kind: 'stop_now', reachBefore: 'far' });
    expect(sessionPlan(lumbar, progress, content, day1).stoppedToday).toBe(true);
  });

  it('stops when it is not known where the symptoms were before (safe default)', () => {
    expect(set(emptyProgress(), day1, { response: 'peripheralized', toesOrFingers: true }).decision.kind).toBe('stop_now');
  });

  it('still stops the exercise when a person with numb toes says the symptoms spread', () => {
    const { decision } = set(emptyProgress(), day1, { response: 'peripheralized', reachBefore: 'end' });
    expect(decision.kind).toBe('stop_and_regress');
  });
});

describe('peripheralization counts within 14 days', () => {
  const spread = (progress: CoachingProgress, day: string, before: ReachLevel = 'near') => set(progress, day, { response: 'peripheralized', reachBefore: before });

  it('refers soon on a second day of spreading within the window, naming the days and the exercises', () => {
    const first = spread(emptyProgress(), day1);
    const day10 = addDays(day1, 9);
    const { decision } = spread(first.progress, day10);
    expect(decision).toMatchObject({ kind: 'refer_soon', peripheralizedOn: [day1, day10], exercises: ['prone-extension'], windowDays: 14 });
  });

  it('does not refer when the earlier spreading was more than 14 days before', () => {
    const first = spread(emptyProgress(), day1);
    const { decision } = spread(first.progress, addDays(day1, 14));
    expect(decision.kind).toBe('stop_and_regress');
  });
});
