import type { CoachingProfile, Dose, Exercise } from './types.ts';

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
