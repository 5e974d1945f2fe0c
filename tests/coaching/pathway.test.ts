import { describe, expect, it } from 'vitest';
import { addDays, applyMovementResponse, emptyProgress, markDischarged, sessionPlan, type CoachingProfile, type CoachingProgress } from '../../dialogs/coaching/index.ts';
import { realContent } from './content.ts';

// Item 10: pregnancy, thin bones, and what a clinician sets.
const content = realContent();
const today = '2026-06-15';
const lumbar: CoachingProfile = { region: 'lumbar', surgery: 'none', symptomsStartedOn: '2026-01-01', limbSymptoms: true };
const allStages = (profile: CoachingProfile, progress: CoachingProgress, day = today) => sessionPlan(profile, progress, content, day).steps;

describe('pregnancy', () => {
  it('never offers lying face down, and tries bending backwards standing instead', () => {
    const steps = allStages({ ...lumbar, pregnant: true }, emptyProgress());
    expect(steps.map((s) => s.exerciseId)).not.toContain('prone-extension');
    expect(steps.find((s) => s.purpose === 'directional')?.exerciseId).toBe('standing-back-bend');
    for (const step of steps) expect(content.exercises[step.exerciseId]!.involves).not.toContain('prone');
    // Without pregnancy, the standing version is only the stand-in.
    expect(sessionPlan(lumbar, emptyProgress(), content, today).omitted).toContainEqual({ exerciseId: 'standing-back-bend', reason: 'alternative_used' });
  });
});

describe('thin bones (osteoporosis)', () => {
  it('never offers bending forward under load: the flexion path stays at its lying stage', () => {
    const progress: CoachingProgress = {
      ...emptyProgress(),
      stages: { 'prone-extension': { stageId: 'press-ups', testedOutOn: '2026-06-01' }, 'lumbar-flexion': { stageId: 'standing-bend' } },
    };
    const withBones = allStages({ ...lumbar, osteoporosis: true }, progress);
    expect(withBones.find((s) => s.exerciseId === 'lumbar-flexion')?.stageId).toBe('knees-to-chest');
    expect(allStages(lumbar, progress).find((s) => s.exerciseId === 'lumbar-flexion')?.stageId).toBe('standing-bend');
  });

  it('keeps the later phase free of loaded bending too', () => {
    let progress: CoachingProgress = { ...emptyProgress(), stages: { 'prone-extension': { stageId: 'press-ups' }, 'flexion-reintroduction': { stageId: 'standing-bend' } } };
    for (const day of [addDays(today, -2), addDays(today, -1)])
      progress = applyMovementResponse(progress, { exerciseId: 'prone-extension', stageId: 'press-ups', response: 'centralized', sessionDate: day, at: `${day}T08:00:00Z` }, content.exercises['prone-extension']!).progress;
    const plan = sessionPlan({ ...lumbar, limbSymptoms: false, osteoporosis: true }, progress, content, today);
    expect(plan.phase).toBe('later');
    const reintro = plan.steps.find((s) => s.exerciseId === 'flexion-reintroduction');
    expect(reintro?.stageId).toBe('knee-to-chest');
  });
});

describe('what a clinician sets', () => {
  it('sets the phase, whatever the automatic rules say', () => {
    expect(sessionPlan({ ...lumbar, clinicianPhase: 'later' }, emptyProgress(), content, today).phase).toBe('later');
  });

  it('sets the preferred direction, which the plan then follows', () => {
    const plan = sessionPlan({ ...lumbar, clinicianDirection: 'flexion' }, emptyProgress(), content, today);
    expect(plan.preference).toBe('flexion');
    expect(plan.steps.find((s) => s.purpose === 'directional')?.exerciseId).toBe('lumbar-flexion');
  });

  it('rules out a direction or a position for this person', () => {
    const plan = sessionPlan({ ...lumbar, avoid: ['extension'] }, emptyProgress(), content, today);
    expect(plan.steps.find((s) => s.purpose === 'directional')?.exerciseId).toBe('lumbar-flexion');
    expect(plan.omitted).toContainEqual({ exerciseId: 'prone-extension', reason: 'restricted' });
    const noWeights = sessionPlan({ ...lumbar, avoid: ['weights'] }, emptyProgress(), content, today);
    for (const step of noWeights.steps) expect(step.dose.loadKg ?? 0).toBe(0);
  });

  it('discharges to the maintenance plan', () => {
    expect(sessionPlan(lumbar, markDischarged(emptyProgress(), today), content, today).planId).toBe('lumbar-maintenance');
  });
});
