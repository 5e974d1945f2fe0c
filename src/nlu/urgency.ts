/** Referral tiers, most urgent first: defined once in src/vocabulary, re-exported for the detector's callers. */
export { URGENCY_ORDER, compareUrgency, isAtLeast, mostUrgent, urgencyRank, type RedFlagUrgency, type Urgency } from '../vocabulary/urgency.ts';
