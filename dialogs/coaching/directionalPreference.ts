import { sessionSummaries } from './progress.ts';
import type { CoachingProgress, Exercise } from './types.ts';
import type { Direction } from '../../src/content/exercises.ts';

/**
 * Directional preference (McKenzie MDT, Long et al. 2004): the direction of repeated movement
 * whose exercises draw limb symptoms back toward the spine. Derived from the response history,
 * so it updates itself: a direction that last spread the symptoms is no longer preferred.
 */

export type Preference = Exclude<Direction, 'neutral'> | 'unknown';

export interface DirectionEvidence {
  direction: Exclude<Direction, 'neutral'>;
  centralizedSessions: number;
  peripheralizedSessions: number;
}

export interface DirectionalPreference {
  preference: Preference;
  evidence: DirectionEvidence[];
}

export function directionalPreference(progress: CoachingProgress, exercises: Record<string, Pick<Exercise, 'direction'>>): DirectionalPreference {
  const directions = new Set<Exclude<Direction, 'neutral'>>();
  for (const entry of progress.responses) {
    const direction = exercises[entry.exerciseId]?.direction;
    if (direction && direction !== 'neutral') directions.add(direction);
  }
  const evidence = [...directions].sort().map((direction) => {
    const sessions = sessionSummaries(progress.responses, (e) => exercises[e.exerciseId]?.direction === direction);
    return {
      direction,
      centralizedSessions: sessions.filter((s) => s.response === 'centralized').length,
      peripheralizedSessions: sessions.filter((s) => s.response === 'peripheralized').length,
      lastPeripheralized: sessions.at(-1)?.response === 'peripheralized',
    };
  });
  const candidates = evidence
    .filter((e) => e.centralizedSessions > 0 && e.centralizedSessions > e.peripheralizedSessions && !e.lastPeripheralized)
    .sort((a, b) => b.centralizedSessions - a.centralizedSessions);
  const [best, second] = candidates;
  // Two directions with equal support tell us nothing; leave it to the clinician.
  const preference: Preference = best && (!second || second.centralizedSessions < best.centralizedSessions) ? best.direction : 'unknown';
  return { preference, evidence: evidence.map(({ lastPeripheralized: _, ...rest }) => rest) };
}
