import { describe, expect, it } from 'vitest';
import { addDays, emptyProgress, flareUpToday, painReliefDue, sessionPlan, weeklyMeasuresDue, type CoachingProfile } from '../../dialogs/coaching/index.ts';
import { realContent } from './content.ts';

// Item 8: dosing by irritability, bad days, pain relief, and what the person has.
const content = realContent();
const rules = content.rules;
const today = '2026-06-15';
const settled: CoachingProfile = { region: 'lumbar', surgery: 'none', symptomsStartedOn: '2026-01-01', limbSymptoms: true };
const pain = (score: number, day = today) => [{ at: `${day}T08:00:00Z`, score }];
const aerobic = (ids: string[]) => ids.filter((id) => content.exercises[id]!.kind === 'aerobic');

describe('the reduced plan', () => {
  it('gives at most 4 exercises with one aerobic choice when pain is 7 or more', () => {
    const full = sessionPlan(settled, emptyProgress(), content, today, { pain: pain(5) });
    expect(full.reduced).toBeNull();
    expect(full.steps.length).toBeGreaterThan(4);
    const reduced = sessionPlan(settled, emptyProgress(), content, today, { pain: pain(7) });
    expect(reduced.reduced).toBe('high_pain');
    const ids = reduced.steps.map((s) => s.exerciseId);
    expect(ids.length).toBeLessThanOrEqual(4);
    expect(aerobic(ids)).toEqual(['walking']);
    expect(ids[0]).toBe('prone-extension');
    expect(reduced.omitted.filter((o) => o.reason === 'reduced_plan').length).toBe(full.steps.length - ids.length);
  });

  it('also applies when symptoms began less than 2 weeks ago, whatever the pain', () => {
    const recent = sessionPlan({ ...settled, symptomsStartedOn: addDays(today, -10) }, emptyProgress(), content, today, { pain: pain(3) });
    expect(recent.reduced).toBe('recent_onset');
    expect(recent.steps.length).toBeLessThanOrEqual(4);
  });

  it('asks for the directional exercise several times a day', () => {
    const step = sessionPlan(settled, emptyProgress(), content, today, { pain: pain(8) }).steps.find((s) => s.purpose === 'directional')!;
    expect(step.dose.timesPerDay).toBe(rules.irritability.directionalTimesPerDay);
    expect(rules.irritability.directionalTimesPerDay).toBeGreaterThan(1);
  });

  it('leaves the plan after surgery as it is', () => {
    const plan = sessionPlan({ region: 'lumbar', surgery: 'discectomy', surgeryDate: addDays(today, -10), liftingLimitKg: 5 }, emptyProgress(), content, today, { pain: pain(9) });
    expect(plan.phase).toBe('post_surgery');
    expect(plan.reduced).toBeNull();
  });
});

describe('a bad day', () => {
  it('is a high score clearly above the one before', () => {
    const earlier = [{ at: `${addDays(today, -1)}T08:00:00Z`, score: 4 }];
    expect(flareUpToday(earlier, { at: `${today}T08:00:00Z`, score: 7 }, rules.flareUp)).toBe(true);
    expect(flareUpToday(earlier, { at: `${today}T08:00:00Z`, score: 5 }, rules.flareUp)).toBe(false);
    expect(flareUpToday([{ at: `${addDays(today, -1)}T08:00:00Z`, score: 7 }], { at: `${today}T08:00:00Z`, score: 8 }, rules.flareUp)).toBe(false);
  });

  it('follows the flare-up plan that day only, every exercise at its gentlest stage', () => {
    const progress = { ...emptyProgress(), stages: { 'prone-extension': { stageId: 'press-ups' } }, flareUpOn: today };
    const plan = sessionPlan(settled, progress, content, today);
    expect(plan.phase).toBe('flare_up');
    expect(plan.planId).toBe('lumbar-flare-up');
    expect(plan.steps.find((s) => s.exerciseId === 'prone-extension')?.stageId).toBe('prone-lying');
    expect(plan.education).toContain('flare-up');
    expect(sessionPlan(settled, progress, content, addDays(today, 1)).phase).toBe('ongoing');
  });
});

describe('pain relief and the weekly measures', () => {
  const checkIns = (scores: number[]) => scores.map((score, i) => ({ at: `${addDays(today, i - scores.length + 1)}T08:00:00Z`, score }));
  it('suggests a word about pain relief after pain of 8 or more at three check-ins in a row, at most weekly', () => {
    const now = `${today}T08:00:00Z`;
    expect(painReliefDue(checkIns([8, 9, 8]), null, now, rules.painRelief)).toBe(true);
    expect(painReliefDue(checkIns([9, 7, 8]), null, now, rules.painRelief)).toBe(false);
    expect(painReliefDue(checkIns([8, 8]), null, now, rules.painRelief)).toBe(false);
    expect(painReliefDue(checkIns([8, 9, 8]), `${addDays(today, -3)}T08:00:00Z`, now, rules.painRelief)).toBe(false);
    expect(painReliefDue(checkIns([8, 9, 8]), `${addDays(today, -7)}T08:00:00Z`, now, rules.painRelief)).toBe(true);
  });

  it('asks the weekly measures on one day a week', () => {
    expect(weeklyMeasuresDue(null, today, rules.weeklyMeasures)).toBe(true);
    expect(weeklyMeasuresDue(addDays(today, -3), today, rules.weeklyMeasures)).toBe(false);
    expect(weeklyMeasuresDue(addDays(today, -7), today, rules.weeklyMeasures)).toBe(true);
  });
});

describe('what the person has shapes the plan', () => {
  it('offers swimming and the band row until the person says they lack them, then never again', () => {
    const ids = (equipment?: CoachingProfile['equipment']) => sessionPlan({ ...settled, ...(equipment ? { equipment } : {}) }, emptyProgress(), content, today).steps.map((s) => s.exerciseId);
    expect(ids()).toEqual(expect.arrayContaining(['swimming', 'standing-row']));
    expect(ids({ pool: false })).not.toContain('swimming');
    expect(ids({ band: false })).not.toContain('standing-row');
    const plan = sessionPlan({ ...settled, equipment: { pool: false, band: false } }, emptyProgress(), content, today);
    expect(plan.omitted).toEqual(expect.arrayContaining([{ exerciseId: 'swimming', reason: 'no_equipment' }, { exerciseId: 'standing-row', reason: 'no_equipment' }]));
  });
});
