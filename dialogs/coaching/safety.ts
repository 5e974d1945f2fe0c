import type { Stage } from '../../src/content/exercises.ts';
import type { CoachingProfile, Dose, Exercise, Restriction } from './types.ts';

/** After a fusion or discectomy, an exercise that lists that operation is never offered. */
export function isContraindicated(exercise: Pick<Exercise, 'contraindications'>, profile: Pick<CoachingProfile, 'surgery'>): boolean {
  return profile.surgery !== 'none' && exercise.contraindications.includes(profile.surgery);
}

/**
 * The most weight a person may handle. After surgery with no limit given yet we allow none,
 * so a loaded exercise waits until the surgeon's limit is known.
 */
export function allowedLoadKg(profile: Pick<CoachingProfile, 'surgery' | 'liftingLimitKg'>): number {
  if (profile.liftingLimitKg !== undefined) return profile.liftingLimitKg;
  return profile.surgery === 'none' ? Number.POSITIVE_INFINITY : 0;
}

export function fitsLiftingLimit(dose: Pick<Dose, 'loadKg'>, profile: Pick<CoachingProfile, 'surgery' | 'liftingLimitKg'>): boolean {
  return (dose.loadKg ?? 0) <= allowedLoadKg(profile);
}

/**
 * Everything this person must not be offered: what a clinician set, lying face down in pregnancy,
 * bending forward under load with thin bones (osteoporosis or long-term steroids).
 */
export function restrictionsOf(profile: Pick<CoachingProfile, 'avoid' | 'pregnant' | 'osteoporosis'>): Set<Restriction> {
  const avoid = new Set<Restriction>(profile.avoid ?? []);
  if (profile.pregnant) avoid.add('prone');
  if (profile.osteoporosis) avoid.add('loaded_flexion');
  return avoid;
}

/** The exercise as a whole is excluded: its direction or something every stage involves is to be avoided. */
export function exerciseRestricted(exercise: Pick<Exercise, 'direction' | 'involves'>, avoid: ReadonlySet<Restriction>): boolean {
  if (exercise.direction !== 'neutral' && avoid.has(exercise.direction)) return true;
  return (exercise.involves ?? []).some((what) => avoid.has(what));
}

/** One stage is excluded: it adds something to avoid, or carries a weight when weights are to be avoided. */
export function stageRestricted(stage: Pick<Stage, 'involves' | 'dose'>, avoid: ReadonlySet<Restriction>): boolean {
  if ((stage.involves ?? []).some((what) => avoid.has(what))) return true;
  return avoid.has('weights') && (stage.dose.loadKg ?? 0) > 0;
}

/** The person said they lack something this exercise needs. Unknown is offered, with a way to say so. */
export function lacksEquipment(exercise: Pick<Exercise, 'needs'>, profile: Pick<CoachingProfile, 'equipment'>): boolean {
  return (exercise.needs ?? []).some((kind) => profile.equipment?.[kind] === false);
}

/** Offered only when its condition is known to be true (a trunk shifted to one side). */
export function conditionMet(exercise: Pick<Exercise, 'onlyIf'>, profile: Pick<CoachingProfile, 'lateralShift'>): boolean {
  return (exercise.onlyIf ?? []).every((condition) => condition === 'lateral_shift' && profile.lateralShift === true);
}
