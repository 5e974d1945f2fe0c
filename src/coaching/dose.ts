/** How long an exercise step is held or done, from its dose; none when it is counted in reps. */
export function holdSeconds(dose: Record<string, unknown>): number | undefined {
  if (typeof dose.holdSeconds === 'number' && dose.holdSeconds >= 10) return dose.holdSeconds;
  if (typeof dose.minutes === 'number' && dose.minutes > 0 && dose.minutes <= 30) return Math.round(dose.minutes * 60);
  return undefined;
}
