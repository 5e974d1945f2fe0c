import { describe, expect, it } from 'vitest';
import {
  addDays,
  applyMovementResponse,
  directionalPreference,
  emptyProgress,
  limbSettled,
  sessionPlan,
  type CoachingProfile,
  type CoachingProgress,
  type MovementResponse,
} from '../../dialogs/coaching/index.ts';
import { realContent } from './content.ts';

// Item 7: directional preference done right.
const content = realContent();
const rules = content.rules.movement;
const lumbar: CoachingProfile = { region: 'lumbar', surgery: 'none', symptomsStartedOn: '2026-01-01', limbSymptoms: true };
const day1 = '2026-03-02';

/** Today's directional exercise, answered with `response`; returns the progress and what was offered. */
function directionalSession(profile: CoachingProfile, progress: CoachingProgress, day: string, response: MovementResponse) {
  const plan = sessionPlan(profile, progress, content, day);
  const step = plan.steps.find((s) => s.purpose === 'directional');
  if (!step) return { progress, plan, offered: undefined };
  const exercise = content.exercises[step.exerciseId]!;
  const next = applyMovementResponse(progress, { exerciseId: step.exerciseId, stageId: step.stageId, response, sessionDate: day, at: `${day}T09:00:00Z` }, exercise, rules).progress;
  return { progress: next, plan, offered: `${step.exerciseId}/${step.stageId}` };
}

describe('directional preference', () => {
  it('is derived from directional exercises only: a mobility exercise that twists says nothing', () => {
    const answer = (exerciseId: string, stageId: string, d: number) => ({ exerciseId, stageId, response: 'centralized' as const, sessionDate: addDays(day1, d), at: `${addDays(day1, d)}T09:00:00Z` });
    const rocking = { ...emptyProgress(), responses: [answer('knee-rocking', 'small-rocks', 0), answer('knee-rocking', 'small-rocks', 1)] };
    expect(content.exercises['knee-rocking']!.direction).toBe('rotation');
    expect(directionalPreference(rocking, content.exercises).preference).toBe('unknown');
    const flexion = { ...emptyProgress(), responses: [answer('lumbar-flexion', 'knees-to-chest', 0)] };
    expect(directionalPreference(flexion, content.exercises).preference).toBe('flexion');
  });

  it('takes a clinician’s direction over the answers', () => {
    expect(directionalPreference(emptyProgress(), content.exercises, { clinicianDirection: 'flexion' })).toMatchObject({ preference: 'flexion', source: 'clinician' });
  });
});

describe('the directional test, one direction at a time', () => {
  it('moves to the next force stage after "no change" twice, then to the flexion path after the hardest stage, then reports no centralization', () => {
    let progress = emptyProgress();
    const offered: string[] = [];
    let last;
    for (let d = 0; d < 16; d++) {
      const result = directionalSession(lumbar, progress, addDays(day1, d), 'no_change');
      progress = result.progress;
      last = result.plan;
      if (result.offered) offered.push(result.offered);
    }
    expect(offered.slice(0, 6)).toEqual([
      'prone-extension/prone-lying', 'prone-extension/prone-lying',
      'prone-extension/prone-on-elbows', 'prone-extension/prone-on-elbows',
      'prone-extension/press-ups', 'prone-extension/press-ups',
    ]);
    expect(offered.slice(6, 12)).toEqual([
      'lumbar-flexion/knees-to-chest', 'lumbar-flexion/knees-to-chest',
      'lumbar-flexion/sitting-bend', 'lumbar-flexion/sitting-bend',
      'lumbar-flexion/standing-bend', 'lumbar-flexion/standing-bend',
    ]);
    expect(offered).toHaveLength(12);
    expect(last!.noCentralizationAfterFullTest).toBe(true);
    expect(last!.omitted).toContainEqual({ exerciseId: 'prone-extension', reason: 'direction_tried_without_centralizing' });
    // The rest of the plan goes on.
    expect(last!.steps.map((s) => s.purpose)).toContain('core');
  });

  it('offers one direction per session and never extension and flexion together', () => {
    const plan = sessionPlan(lumbar, emptyProgress(), content, day1);
    expect(plan.steps.filter((s) => s.purpose === 'directional').map((s) => s.exerciseId)).toEqual(['prone-extension']);
    expect(plan.omitted).toContainEqual({ exerciseId: 'lumbar-flexion', reason: 'direction_not_tried_yet' });
  });

  it('corrects a shift to one side first when the person says their body is shifted', () => {
    const shifted = { ...lumbar, lateralShift: true };
    expect(sessionPlan(shifted, emptyProgress(), content, day1).steps.find((s) => s.purpose === 'directional')?.exerciseId).toBe('side-glide');
    expect(sessionPlan(lumbar, emptyProgress(), content, day1).omitted).toContainEqual({ exerciseId: 'side-glide', reason: 'not_indicated' });
  });

  it('follows the direction that centralized, and keeps to it', () => {
    let progress = emptyProgress();
    // Extension tried through, then flexion centralizes on its first stage.
    for (let d = 0; d < 6; d++) progress = directionalSession(lumbar, progress, addDays(day1, d), 'no_change').progress;
    progress = directionalSession(lumbar, progress, addDays(day1, 6), 'centralized').progress;
    const plan = sessionPlan(lumbar, progress, content, addDays(day1, 7));
    expect(plan.preference).toBe('flexion');
    expect(plan.steps.find((s) => s.purpose === 'directional')?.exerciseId).toBe('lumbar-flexion');
  });
});

describe('the later phase opens only when the leg or arm has been quiet for 7 days', () => {
  const heldPressUps = (): CoachingProgress => {
    let progress: CoachingProgress = { ...emptyProgress(), stages: { 'prone-extension': { stageId: 'press-ups' } } };
    for (const day of [day1, addDays(day1, 1)])
      progress = applyMovementResponse(progress, { exerciseId: 'prone-extension', stageId: 'press-ups', response: 'centralized', sessionDate: day, at: `${day}T08:00:00Z` }, content.exercises['prone-extension']!, rules).progress;
    return progress;
  };
  const limb = (scores: number[], lastDay: string) => scores.map((score, i) => ({ at: `${addDays(lastDay, i - scores.length + 1)}T08:00:00Z`, score }));
  const today = addDays(day1, 9);

  it('stays ongoing while the leg score is above 2, and moves on after a week at 2 or less', () => {
    const progress = heldPressUps();
    expect(sessionPlan(lumbar, progress, content, today, { limb: limb([3, 2, 2, 2, 2, 2, 2], today) }).phase).toBe('ongoing');
    expect(sessionPlan(lumbar, progress, content, today, { limb: limb([2, 2, 2, 1, 2, 1, 0], today) }).phase).toBe('later');
    // Only four quiet days so far.
    expect(sessionPlan(lumbar, progress, content, today, { limb: limb([5, 2, 2, 1, 1], today) }).phase).toBe('ongoing');
  });

  it('does not wait for a limb score when the symptoms never reached a limb', () => {
    expect(sessionPlan({ ...lumbar, limbSymptoms: false }, heldPressUps(), content, today).phase).toBe('later');
  });

  it('needs a recent score: a quiet week long ago does not count', () => {
    expect(limbSettled({ limbSymptoms: true }, limb([1, 1, 1, 1, 1, 1, 1], addDays(today, -10)), today, content.rules.laterPhase)).toBe(false);
  });
});
