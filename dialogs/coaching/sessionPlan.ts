import { choosePhase } from './phase.ts';
import { directionalPreference, type Preference } from './directionalPreference.ts';
import { chooseDirectional, type DirectionalOmission } from './directionalTest.ts';
import { irritability, reducedSelection, type IrritabilityReason } from './irritability.ts';
import { stageForDay } from './progress.ts';
import { conditionMet, exerciseRestricted, fitsLiftingLimit, isContraindicated, lacksEquipment, restrictionsOf, stageRestricted } from './safety.ts';
import type {
  CoachingContent,
  CoachingProfile,
  CoachingProgress,
  Dose,
  Exercise,
  IsoDate,
  Movement,
  Phase,
  PlanQuestion,
  PlanSignals,
  Purpose,
  Restriction,
} from './types.ts';

/** One exercise to guide today: the machine looks up steps and wording in content by these ids. */
export interface SessionStep {
  exerciseId: string;
  stageId: string;
  purpose: Purpose;
  dose: Dose;
}

export type OmitReason =
  | 'unknown_exercise'
  | 'wrong_region'
  | 'contraindicated'
  | 'lifting_limit'
  | 'resting'
  | 'restricted'
  | 'no_equipment'
  | 'not_indicated'
  | 'reduced_plan'
  | DirectionalOmission;

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
  /** Why today's plan is the reduced one (high pain, recent onset), or null. */
  reduced: IrritabilityReason | null;
  /** The direction tried or followed today. */
  direction?: Movement;
  /** Every direction of the plan was tried through its hardest stage and none drew the symptoms back. */
  noCentralizationAfterFullTest: boolean;
}

/**
 * Today's session for one person: the plan for their region and phase, in the plan's order,
 * each exercise at the stage their progress has earned, minus anything unsafe for them or that
 * they cannot do, cut down when their symptoms are irritable.
 */
export function sessionPlan(profile: CoachingProfile, progress: CoachingProgress, content: CoachingContent, today: IsoDate, signals: PlanSignals = {}): SessionPlan {
  const phase = choosePhase(profile, progress, today, content.exercises, signals, content.rules);
  const plan = content.plans.find((p) => p.region === profile.region && p.phase === phase);
  const { preference } = directionalPreference(progress, content.exercises, profile);
  const stoppedToday = progress.sessionStoppedOn === today;
  const result: SessionPlan = {
    planId: plan?.id ?? null,
    phase,
    preference,
    steps: [],
    omitted: [],
    asks: [],
    education: plan?.education ?? [],
    stoppedToday,
    reduced: null,
    noCentralizationAfterFullTest: false,
  };
  if (!plan) return result;
  result.asks = plan.asks.filter((q) => q === 'lifting_limit' && profile.liftingLimitKg === undefined);
  if (stoppedToday) return result;

  const avoid = restrictionsOf(profile);
  // On a bad day every exercise goes back to its gentlest stage, and today's answers do not move stages.
  const gentlest = phase === 'flare_up';
  const seen = new Set<string>();
  for (const block of plan.blocks) {
    const candidates: Exercise[] = [];
    for (const exerciseId of block.exercises) {
      if (seen.has(exerciseId)) continue;
      seen.add(exerciseId);
      const exercise = content.exercises[exerciseId];
      const unsafe = exercise ? whyNot(exercise, profile, avoid) : 'unknown_exercise';
      if (unsafe) result.omitted.push({ exerciseId, reason: unsafe });
      else candidates.push(exercise!);
    }
    const offered: Exercise[] = [];
    if (block.purpose === 'directional') {
      const choice = chooseDirectional(candidates, progress, preference, today);
      result.omitted.push(...choice.omitted);
      if (choice.direction) result.direction = choice.direction;
      if (choice.fullyTried) result.noCentralizationAfterFullTest = true;
      if (choice.offer) offered.push(content.exercises[choice.offer]!);
    } else {
      for (const exercise of candidates) {
        const restUntil = progress.restUntil[exercise.id];
        if (restUntil !== undefined && today < restUntil) result.omitted.push({ exerciseId: exercise.id, reason: 'resting' });
        else offered.push(exercise);
      }
    }
    for (const exercise of offered) {
      const step = chooseStage(exercise, block.purpose, profile, progress, avoid, today, gentlest);
      if (typeof step === 'string') result.omitted.push({ exerciseId: exercise.id, reason: step });
      else result.steps.push(step);
    }
  }

  // Irritable symptoms: fewer exercises, the directional one repeated through the day. The weeks
  // after surgery already have their own short plan.
  const rule = content.rules?.irritability;
  result.reduced = rule && phase !== 'post_surgery' ? irritability(profile, signals, today, rule) : null;
  if (rule && result.reduced) {
    const keep = reducedSelection(result.steps, rule);
    for (const step of result.steps) if (!keep.has(step.exerciseId)) result.omitted.push({ exerciseId: step.exerciseId, reason: 'reduced_plan' });
    result.steps = result.steps
      .filter((step) => keep.has(step.exerciseId))
      .map((step) => (step.purpose === 'directional' ? { ...step, dose: { ...step.dose, timesPerDay: Math.max(step.dose.timesPerDay ?? 1, rule.directionalTimesPerDay) } } : step));
  }
  return result;
}

/** Why an exercise may not be offered to this person at all, or undefined when it may. */
function whyNot(exercise: Exercise, profile: CoachingProfile, avoid: ReadonlySet<Restriction>): OmitReason | undefined {
  if (!exercise.regions.includes(profile.region)) return 'wrong_region';
  if (isContraindicated(exercise, profile)) return 'contraindicated';
  if (exerciseRestricted(exercise, avoid)) return 'restricted';
  if (!conditionMet(exercise, profile)) return 'not_indicated';
  if (lacksEquipment(exercise, profile)) return 'no_equipment';
  return undefined;
}

function chooseStage(
  exercise: Exercise,
  purpose: Purpose,
  profile: CoachingProfile,
  progress: CoachingProgress,
  avoid: ReadonlySet<Restriction>,
  today: IsoDate,
  gentlest: boolean,
): SessionStep | OmitReason {
  // Earned stage, stepped down while its load is over the lifting limit or it adds something to avoid.
  const earned = gentlest ? exercise.stages[0]?.id : stageForDay(progress, exercise, today);
  const earnedIndex = Math.max(0, exercise.stages.findIndex((s) => s.id === earned));
  const allowed = exercise.stages.slice(0, earnedIndex + 1).reverse();
  const stage = allowed.find((s) => fitsLiftingLimit(s.dose, profile) && !stageRestricted(s, avoid));
  if (!stage) return allowed.some((s) => fitsLiftingLimit(s.dose, profile)) ? 'restricted' : 'lifting_limit';
  return { exerciseId: exercise.id, stageId: stage.id, purpose, dose: stage.dose };
}
