import { choosePhase } from './phase.ts';
import { directionalPreference, type Preference } from './directionalPreference.ts';
import { stageForDay } from './progress.ts';
import { fitsLiftingLimit, isContraindicated } from './safety.ts';
import type { CoachingContent, CoachingProfile, CoachingProgress, Dose, Exercise, IsoDate, Phase, PlanQuestion, Purpose } from './types.ts';

/** One exercise to guide today: the machine looks up steps and wording in content by these ids. */
export interface SessionStep {
  exerciseId: string;
  stageId: string;
  purpose: Purpose;
  dose: Dose;
}

export type OmitReason = 'unknown_exercise' | 'wrong_region' | 'contraindicated' | 'lifting_limit' | 'resting' | 'not_preferred_direction';

export interface SessionPlan {
  planId: string | null;
  phase: Phase;
  preference: Preference;
  steps: SessionStep[];
  /** What was left out and why, for the clinician summary and for tests. */
  omitted: { exerciseId: string; reason: OmitReason }[];
  /** Answers to ask for before or during the session (e.g. the surgeon's lifting limit). */
  asks: PlanQuestion[];
  education: string[];
  /** True when today's session was stopped (toes or fingers): no exercise until tomorrow. */
  stoppedToday: boolean;
}

/**
 * Today's session for one person: the plan for their region and phase, in the plan's order,
 * each exercise at the stage their progress has earned, minus anything unsafe for them.
 */
export function sessionPlan(profile: CoachingProfile, progress: CoachingProgress, content: CoachingContent, today: IsoDate): SessionPlan {
  const phase = choosePhase(profile, progress, today, content.exercises);
  const plan = content.plans.find((p) => p.region === profile.region && p.phase === phase);
  const { preference } = directionalPreference(progress, content.exercises);
  const stoppedToday = progress.sessionStoppedOn === today;
  const result: SessionPlan = { planId: plan?.id ?? null, phase, preference, steps: [], omitted: [], asks: [], education: plan?.education ?? [], stoppedToday };
  if (!plan) return result;
  result.asks = plan.asks.filter((q) => q === 'lifting_limit' && profile.liftingLimitKg === undefined);
  if (stoppedToday) return result;

  const seen = new Set<string>();
  for (const block of plan.blocks) {
    for (const exerciseId of block.exercises) {
      if (seen.has(exerciseId)) continue;
      seen.add(exerciseId);
      const exercise = content.exercises[exerciseId];
      const outcome = exercise ? chooseStep(exercise, block.purpose, profile, progress, preference, today) : 'unknown_exercise';
      if (typeof outcome === 'string') result.omitted.push({ exerciseId, reason: outcome });
      else result.steps.push(outcome);
    }
  }
  return result;
}

function chooseStep(
  exercise: Exercise,
  purpose: Purpose,
  profile: CoachingProfile,
  progress: CoachingProgress,
  preference: Preference,
  today: IsoDate,
): SessionStep | OmitReason {
  if (!exercise.regions.includes(profile.region)) return 'wrong_region';
  if (isContraindicated(exercise, profile)) return 'contraindicated';
  const restUntil = progress.restUntil[exercise.id];
  if (restUntil !== undefined && today < restUntil) return 'resting';
  // Once a direction is known to help, directional work sticks to it; until then every
  // directional exercise in the plan is tried, and the answers reveal the preference.
  if (purpose === 'directional' && preference !== 'unknown' && exercise.direction !== preference) return 'not_preferred_direction';

  // Earned stage, stepped down if its load is over the lifting limit.
  const earned = stageForDay(progress, exercise, today);
  const earnedIndex = Math.max(0, exercise.stages.findIndex((s) => s.id === earned));
  const stage = exercise.stages
    .slice(0, earnedIndex + 1)
    .reverse()
    .find((s) => fitsLiftingLimit(s.dose, profile));
  if (!stage) return 'lifting_limit';
  return { exerciseId: exercise.id, stageId: stage.id, purpose, dose: stage.dose };
}
