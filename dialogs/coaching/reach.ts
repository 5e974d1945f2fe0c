import { reachLevels, type ReachLevel } from './types.ts';

/**
 * Where limb symptoms reach, compared along the limb. The rules care about one thing: did the
 * symptoms reach further from the spine than they did just before the set? A person whose toes
 * were numb before they started has not "spread to the toes" when they say so afterwards.
 */

export function reachRank(level: ReachLevel): number {
  return reachLevels.indexOf(level);
}

export function isReachLevel(value: unknown): value is ReachLevel {
  return typeof value === 'string' && (reachLevels as readonly string[]).includes(value);
}

/** The level symptoms reached after the set, when the answer tells us: tingling in the toes or fingers is the end of the limb. */
export function reachAfter(answer: { toesOrFingers?: boolean }): ReachLevel | undefined {
  return answer.toesOrFingers ? 'end' : undefined;
}

/**
 * True when symptoms now reach the toes or fingers and did not before the set (or we do not know
 * where they were: then we assume it is new, to be safe).
 */
export function newlyAtEnd(answer: { toesOrFingers?: boolean; reachBefore?: ReachLevel }): boolean {
  return answer.toesOrFingers === true && answer.reachBefore !== 'end';
}

/** The intake answer ("below the knee or into the foot") as a level, for people never asked before a set. */
export function reachFromIntake(reach: string | undefined): ReachLevel | undefined {
  switch (reach) {
    case 'spine_only':
      return 'spine';
    case 'buttock_thigh':
      return 'near';
    case 'below_knee':
      return 'far';
    default:
      // "Arm or hand" does not say how far down the arm: ask.
      return undefined;
  }
}
