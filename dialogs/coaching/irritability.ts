import { daysBetween } from './dates.ts';
import type { CoachingProfile, CoachingRules, IsoDate, PlanSignals, Purpose, ScoreEntry } from './types.ts';

/**
 * Dosing by irritability (content/coaching/rules.yaml, irritability): high pain or symptoms that
 * began recently call for less at a time. The plan is cut to a few exercises with one kind of
 * aerobic work, the directional exercise comes first and is repeated little and often through
 * the day.
 */

export function latestScore(scores: readonly ScoreEntry[] | undefined): ScoreEntry | undefined {
  return [...(scores ?? [])].sort((a, b) => a.at.localeCompare(b.at)).at(-1);
}

export type IrritabilityReason = 'high_pain' | 'recent_onset';

export function irritability(profile: Pick<CoachingProfile, 'symptomsStartedOn'>, signals: PlanSignals, today: IsoDate, rule: CoachingRules['irritability']): IrritabilityReason | null {
  const pain = latestScore(signals.pain);
  if (pain && pain.score >= rule.painAtLeast) return 'high_pain';
  if (profile.symptomsStartedOn !== undefined && daysBetween(profile.symptomsStartedOn, today) < rule.onsetWithinDays) return 'recent_onset';
  return null;
}

/**
 * The reduced plan from the full one: the directional work first, then one aerobic choice, then
 * the rest in the plan's order, up to the maximum; shown in the plan's order. Returns the ids kept.
 */
export function reducedSelection(steps: readonly { exerciseId: string; purpose: Purpose }[], rule: CoachingRules['irritability']): Set<string> {
  const keep = new Set<string>();
  const add = (id: string) => keep.size < rule.maxExercises && keep.add(id);
  for (const step of steps) if (step.purpose === 'directional') add(step.exerciseId);
  let aerobic = 0;
  for (const step of steps)
    if (step.purpose === 'aerobic' && aerobic < rule.maxAerobic && keep.size < rule.maxExercises) {
      add(step.exerciseId);
      aerobic++;
    }
  for (const step of steps) if (step.purpose !== 'aerobic' && step.purpose !== 'directional') add(step.exerciseId);
  return keep;
}
