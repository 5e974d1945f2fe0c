/** Pure coaching rules: data in, data out, no I/O and no clock. The machine calls these. */
export type * from './types.ts';
export { movementResponses, reachLevels } from './types.ts';
export { addDays, daysBetween } from './dates.ts';
export { emptyProgress, isPeripheralization, markDischarged, sessionSummaries, stageForDay } from './progress.ts';
export { applyMovementResponse, type CoachingDecision, type CoachingDecisionKind, type MovementAnswer } from './movementResponse.ts';
export { directionalPreference, directionOf, everCentralized, type DirectionalPreference, type Preference } from './directionalPreference.ts';
export { chooseDirectional, type DirectionalChoice } from './directionalTest.ts';
export { choosePhase, limbSettled, profileFromIntake, type IntakeAnswers } from './phase.ts';
export { sessionPlan, type OmitReason, type SessionPlan, type SessionStep } from './sessionPlan.ts';
export { allowedLoadKg, conditionMet, exerciseRestricted, fitsLiftingLimit, isContraindicated, lacksEquipment, restrictionsOf, stageRestricted } from './safety.ts';
export { irritability, latestScore, reducedSelection, type IrritabilityReason } from './irritability.ts';
export { painReview, type PainReview, type PainReviewKind, type PainScore } from './painReview.ts';
export { limbReview, type LimbReview } from './limbReview.ts';
export { isReachLevel, newlyAtEnd, reachFromIntake, reachRank } from './reach.ts';
export { flareUpToday, painReliefDue, weeklyMeasuresDue } from './checkInRules.ts';
