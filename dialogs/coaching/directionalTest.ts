import type { Preference } from './directionalPreference.ts';
import type { CoachingProgress, Exercise, IsoDate, Movement } from './types.ts';

/**
 * Which directional exercise to offer today. While no direction is known to help, directions are
 * tried one at a time in the plan's order (a shift of the trunk to one side first, when there is
 * one; then extension; then flexion), each through its force stages, so that one day's answer
 * speaks about one direction. A direction is fully tried when its hardest stage brought no change
 * twice; then the next is tried. When every direction was fully tried and none drew the symptoms
 * back, that is worth a clinician's attention (Werneke & Hart 2001: non-centralization predicts a
 * poorer outcome).
 *
 * `candidates` are the block's exercises the person may do at all (region, operation, what they
 * must avoid, equipment), in the plan's order. Alternatives of one direction (lying face down, or
 * standing when lying face down is not possible) stand in for each other: the first is used.
 */

export type DirectionalOmission = 'not_preferred_direction' | 'alternative_used' | 'direction_not_tried_yet' | 'direction_tried_without_centralizing' | 'resting';

export interface DirectionalChoice {
  offer?: string;
  omitted: { exerciseId: string; reason: DirectionalOmission }[];
  /** Every direction offered was tried through its hardest stage without centralizing. */
  fullyTried: boolean;
  /** The direction being tried or followed today. */
  direction?: Movement;
}

export function chooseDirectional(
  candidates: readonly Pick<Exercise, 'id' | 'direction'>[],
  progress: CoachingProgress,
  preference: Preference,
  today: IsoDate,
): DirectionalChoice {
  const omitted: DirectionalChoice['omitted'] = [];
  const resting = (id: string) => {
    const until = progress.restUntil[id];
    return until !== undefined && today < until;
  };
  // One exercise per direction, the first safe one in the plan's order.
  const byDirection = new Map<Movement, string>();
  for (const exercise of candidates) {
    if (exercise.direction === 'neutral') continue;
    if (byDirection.has(exercise.direction)) omitted.push({ exerciseId: exercise.id, reason: 'alternative_used' });
    else byDirection.set(exercise.direction, exercise.id);
  }

  if (preference !== 'unknown') {
    let offer: string | undefined;
    for (const [direction, id] of byDirection) {
      if (direction !== preference) omitted.push({ exerciseId: id, reason: 'not_preferred_direction' });
      else if (resting(id)) omitted.push({ exerciseId: id, reason: 'resting' });
      else offer = id;
    }
    return { ...(offer ? { offer } : {}), omitted, fullyTried: false, direction: preference };
  }

  const order = [...byDirection.entries()];
  const current = order.find(([, id]) => progress.stages[id]?.testedOutOn === undefined);
  for (const [direction, id] of order) {
    if (current && direction === current[0]) continue;
    const tried = progress.stages[id]?.testedOutOn !== undefined;
    omitted.push({ exerciseId: id, reason: tried ? 'direction_tried_without_centralizing' : 'direction_not_tried_yet' });
  }
  if (!current) return { omitted, fullyTried: order.length > 0 };
  const [direction, id] = current;
  if (resting(id)) return { omitted: [...omitted, { exerciseId: id, reason: 'resting' }], fullyTried: false, direction };
  return { offer: id, omitted, fullyTried: false, direction };
}
