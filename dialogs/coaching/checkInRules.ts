import { daysBetween, daysBetweenInstants } from './dates.ts';
import type { CoachingRules, Instant, IsoDate, ScoreEntry } from './types.ts';

/** Rules read at a check-in, from the scores given so far (content/coaching/rules.yaml). */

/** A bad day: today's pain is high and clearly above the score before it. */
export function flareUpToday(earlier: readonly ScoreEntry[], today: ScoreEntry, rule: CoachingRules['flareUp']): boolean {
  if (today.score < rule.painAtLeast) return false;
  const previous = [...earlier].filter((s) => s.at < today.at).sort((a, b) => a.at.localeCompare(b.at)).at(-1);
  return previous !== undefined && today.score - previous.score >= rule.riseAtLeast;
}

/**
 * High pain at several check-ins in a row: a word with the GP or a pharmacist about pain relief
 * is worth suggesting, at most once in `repeatAfterDays`. `checkInScores` are check-in scores only.
 */
export function painReliefDue(checkInScores: readonly ScoreEntry[], lastSuggestedAt: Instant | null | undefined, now: Instant, rule: CoachingRules['painRelief']): boolean {
  if (lastSuggestedAt && daysBetweenInstants(lastSuggestedAt, now) < rule.repeatAfterDays) return false;
  const lastFew = [...checkInScores].sort((a, b) => a.at.localeCompare(b.at)).slice(-rule.checkIns);
  return lastFew.length === rule.checkIns && lastFew.every((s) => s.score >= rule.painAtLeast);
}

/** The weekly measures are asked on one check-in a week: the first one, then every `everyDays` days. */
export function weeklyMeasuresDue(lastAskedOn: IsoDate | null | undefined, today: IsoDate, rule: CoachingRules['weeklyMeasures']): boolean {
  return !lastAskedOn || daysBetween(lastAskedOn, today) >= rule.everyDays;
}
