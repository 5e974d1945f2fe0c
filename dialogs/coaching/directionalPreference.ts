import { sessionSummaries } from './progress.ts';
import type { CoachingProfile, CoachingProgress, Exercise, Movement } from './types.ts';

/**
 * Directional preference (McKenzie MDT, Long et al. 2004): the direction of repeated movement
 * whose exercises draw limb symptoms back toward the spine. Derived from the answers to the
 * directional exercises only (a core exercise or a walk says nothing about direction, nor does a
 * mobility exercise that happens to twist), so it updates itself: a direction that last spread
 * the symptoms is no longer preferred. A clinician's own finding, when set, comes first.
 */

export type Preference = Movement | 'unknown';

export interface DirectionEvidence {
  direction: Movement;
  centralizedSessions: number;
  peripheralizedSessions: number;
}

export interface DirectionalPreference {
  preference: Preference;
  evidence: DirectionEvidence[];
  /** Where a known preference came from. */
  source?: 'clinician' | 'responses';
}

type DirectionalFields = Pick<Exercise, 'direction'> & Partial<Pick<Exercise, 'kind'>>;

/** A directional exercise with a direction: the only answers the preference is derived from. */
export function directionOf(exercise: DirectionalFields | undefined): Movement | undefined {
  if (!exercise || exercise.direction === 'neutral') return undefined;
  // Content without a kind (older tests) is read by direction alone.
  if (exercise.kind !== undefined && exercise.kind !== 'directional') return undefined;
  return exercise.direction;
}

export function directionalPreference(
  progress: CoachingProgress,
  exercises: Record<string, DirectionalFields>,
  profile?: Pick<CoachingProfile, 'clinicianDirection'>,
): DirectionalPreference {
  const directions = new Set<Movement>();
  for (const entry of progress.responses) {
    const direction = directionOf(exercises[entry.exerciseId]);
    if (direction) directions.add(direction);
  }
  const evidence = [...directions].sort().map((direction) => {
    const sessions = sessionSummaries(progress.responses, (e) => directionOf(exercises[e.exerciseId]) === direction);
    return {
      direction,
      centralizedSessions: sessions.filter((s) => s.response === 'centralized').length,
      peripheralizedSessions: sessions.filter((s) => s.response === 'peripheralized').length,
      lastPeripheralized: sessions.at(-1)?.response === 'peripheralized',
    };
  });
  const plain = evidence.map(({ lastPeripheralized: _, ...rest }) => rest);
  if (profile?.clinicianDirection) return { preference: profile.clinicianDirection, evidence: plain, source: 'clinician' };
  const candidates = evidence
    .filter((e) => e.centralizedSessions > 0 && e.centralizedSessions > e.peripheralizedSessions && !e.lastPeripheralized)
    .sort((a, b) => b.centralizedSessions - a.centralizedSessions);
  const [best, second] = candidates;
  // Two directions with equal support tell us nothing; leave it to the clinician.
  const preference: Preference = best && (!second || second.centralizedSessions < best.centralizedSessions) ? best.direction : 'unknown';
  return preference === 'unknown' ? { preference, evidence: plain } : { preference, evidence: plain, source: 'responses' };
}

/** Whether the answers so far show centralization with any directional exercise. */
export function everCentralized(progress: CoachingProgress, exercises: Record<string, DirectionalFields>): boolean {
  return progress.responses.some((e) => e.response === 'centralized' && directionOf(exercises[e.exerciseId]) !== undefined);
}
