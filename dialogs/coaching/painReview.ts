import { daysBetweenInstants } from './dates.ts';
import { meaningfulPainFraction, meaningfulPainPoints, planReviewAfterWeeks, reviewAfterWeeks } from './thresholds.ts';
import type { Instant } from './types.ts';

/**
 * The timeline check: improvement is expected by about 6 weeks, and by 12 weeks conservative
 * care should match surgery (seed article). No meaningful improvement by 6 weeks means a
 * clinician should look again soon; at 12 weeks the plan itself is reviewed.
 */

export interface PainScore {
  at: Instant;
  score: number;
}

export type PainReviewKind =
  | 'too_early'
  /** Past 6 weeks but no pain score in the last week to judge by: ask for one. */
  | 'no_recent_score'
  | 'on_track'
  | 'review_soon'
  | 'plan_review';

export interface PainReview {
  kind: PainReviewKind;
  weeks: number;
  baseline?: number;
  current?: number;
  improvement?: number;
  meaningful?: boolean;
  /** True from 12 weeks on, whatever the kind: the plan is due for a review. */
  planReview: boolean;
}

const weekDays = 7;

export function painReview(painScores: readonly PainScore[], programmeStart: Instant, now: Instant): PainReview {
  const weeks = Math.floor(daysBetweenInstants(programmeStart, now) / weekDays);
  const planReview = weeks >= planReviewAfterWeeks;
  if (weeks < reviewAfterWeeks) return { kind: 'too_early', weeks, planReview };

  const scores = [...painScores].filter((p) => Date.parse(p.at) <= Date.parse(now)).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  // Baseline: the first score from the week before the start on (the intake score).
  const baseline = scores.find((p) => daysBetweenInstants(programmeStart, p.at) >= -weekDays)?.score;
  // Current: the average of the last week, so one good or bad day does not decide.
  const lastWeek = scores.filter((p) => daysBetweenInstants(p.at, now) <= weekDays);
  if (baseline === undefined || lastWeek.length === 0) return { kind: 'no_recent_score', weeks, ...(baseline !== undefined ? { baseline } : {}), planReview };
  const current = lastWeek.reduce((sum, p) => sum + p.score, 0) / lastWeek.length;
  const improvement = baseline - current;
  // Nothing to improve on when the baseline was already 0.
  const meaningful = baseline === 0 || improvement >= meaningfulPainPoints || improvement / baseline >= meaningfulPainFraction;
  const kind: PainReviewKind = !meaningful ? 'review_soon' : planReview ? 'plan_review' : 'on_track';
  return { kind, weeks, baseline, current, improvement, meaningful, planReview };
}
