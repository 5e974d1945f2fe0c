/**
 * The numbers behind the coaching rules, in one place so a clinician can review them.
 * Each says where it comes from.
 */

/** "First 24–48 hours": days 0 and 1 after the symptoms started. Seed article. */
export const acuteDays = 2;

/**
 * How long the post-surgery plan (transfers, short walks, gentle bracing) lasts. Not in the
 * sources; conservative defaults chosen so a fusion, which heals slower, stays protected longer.
 * Until the surgery date is known, the person stays in the post-surgery plan.
 */
export const postSurgeryWeeks = { discectomy: 6, fusion: 12 } as const;

/** Progress a stage when centralization (or local-only soreness) held in this many sessions in a row. */
export const sessionsHeldToProgress = 2;

/** Peripheralization on this many different days means a "soon" clinician review. clinical-facts.md. */
export const peripheralizedSessionsToRefer = 2;

/** "Rest a day or two" when pain stops the exercise: offered again on the second day after. */
export const restDaysAfterPainStop = 2;

/** After peripheralization, "try again another day". */
export const retryDaysAfterRegress = 1;

/** NPRS: a change of 2 points or 30 % is clinically important. clinical-facts.md. */
export const meaningfulPainPoints = 2;
export const meaningfulPainFraction = 0.3;

/** Improvement expected by 6 weeks; comparable to surgery by 12. Seed article, clinical-facts.md. */
export const reviewAfterWeeks = 6;
export const planReviewAfterWeeks = 12;

/** Limb symptoms "worse over a week": a rise of 2 points across readings at least this many days apart. */
export const limbWorseningMinDays = 5;
export const limbWorseningWindowDays = 7;

/**
 * The movement rules as content/coaching/rules.yaml states them, for callers that pass no content
 * (unit tests of one rule). At run time the machine always passes the content's own numbers.
 */
export const defaultMovementRules = {
  source: 'dialogs/coaching/thresholds.ts defaults',
  sessionsHeldToProgress,
  noChangeSessionsToProgress: 2,
  peripheralizedSessionsToRefer,
  peripheralizationWindowDays: 14,
  retryDaysAfterRegress,
  restDaysAfterPainStop,
} as const;
