import { daysBetweenInstants } from './dates.ts';
import { limbWorseningMinDays, limbWorseningWindowDays, meaningfulPainPoints } from './thresholds.ts';
import type { PainScore } from './painReview.ts';
import type { Instant } from './types.ts';

/**
 * Leg or arm symptoms getting worse over a week call for a "soon" clinician review
 * (clinical-facts.md). Worse means the limb score (0–10) rose by a clinically important
 * 2 points between readings at least 5 days apart within the last week.
 */
export type LimbReview =
  | { kind: 'refer_soon'; reason: 'limb_symptoms_worse_over_week'; from: PainScore; to: PainScore }
  | { kind: 'ok' };

export function limbReview(limbScores: readonly PainScore[], now: Instant): LimbReview {
  const week = [...limbScores]
    .filter((p) => {
      const age = daysBetweenInstants(p.at, now);
      return age >= 0 && age <= limbWorseningWindowDays;
    })
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const latest = week.at(-1);
  if (!latest) return { kind: 'ok' };
  const earlier = week.filter((p) => daysBetweenInstants(p.at, latest.at) >= limbWorseningMinDays);
  // Compare with the best earlier reading: the rise from there is the worsening the person felt.
  const best = earlier.reduce<PainScore | undefined>((min, p) => (min === undefined || p.score < min.score ? p : min), undefined);
  if (best && latest.score - best.score >= meaningfulPainPoints) return { kind: 'refer_soon', reason: 'limb_symptoms_worse_over_week', from: best, to: latest };
  return { kind: 'ok' };
}
