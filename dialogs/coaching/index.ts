/** Pure coaching rules: data in, data out, no I/O and no clock. The machine calls these. */
export type * from './types.ts';
export { movementResponses } from './types.ts';
export { addDays, daysBetween } from './dates.ts';
export { emptyProgress, markDischarged, sessionSummaries, stageForDay } from './progress.ts';
export { applyMovementResponse, type CoachingDecision, type CoachingDecisionKind, type MovementAnswer } from './movementResponse.ts';
export { directionalPreference, type DirectionalPreference, type Preference } from './directionalPreference.ts';
export { choosePhase, profileFromIntake, type IntakeAnswers } from './phase.ts';
export { sessionPlan, type OmitReason, type SessionPlan, type SessionStep } from './sessionPlan.ts';
export { allowedLoadKg, fitsLiftingLimit, isContraindicated } from './safety.ts';
export { painReview, type PainReview, type PainReviewKind, type PainScore } from './painReview.ts';
export { limbReview, type LimbReview } from './limbReview.ts';
