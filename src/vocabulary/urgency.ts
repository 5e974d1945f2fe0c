/**
 * Referral tiers, most urgent first: the one list every part sorts, validates and counts by
 * (the machine, the detector, the content schemas, the care team's queue, the outbox, metrics).
 */
export const URGENCY_ORDER = ['emergency', 'urgent', 'soon', 'routine'] as const;
export type Urgency = (typeof URGENCY_ORDER)[number];

/** The tiers a warning sign can have; "routine" is only ever the person asking for a clinician. */
export const RED_FLAG_TIERS = ['emergency', 'urgent', 'soon'] as const satisfies readonly Urgency[];
export type RedFlagUrgency = (typeof RED_FLAG_TIERS)[number];

/** 0 for emergency, rising as it gets less urgent. */
export function urgencyRank(urgency: Urgency): number {
  return URGENCY_ORDER.indexOf(urgency);
}

/** Sort comparator: the more urgent first. */
export function compareUrgency(a: Urgency, b: Urgency): number {
  return urgencyRank(a) - urgencyRank(b);
}

/** The most urgent of several tiers, or undefined when there are none. */
export function mostUrgent<T extends Urgency>(tiers: Iterable<T>): T | undefined {
  let best: T | undefined;
  for (const tier of tiers) if (best === undefined || compareUrgency(tier, best) < 0) best = tier;
  return best;
}

/** True when `tier` is at least as urgent as `floor` ("emergency" is at least "urgent"). */
export function isAtLeast(tier: Urgency, floor: Urgency): boolean {
  return urgencyRank(tier) <= urgencyRank(floor);
}

export const isUrgency = (value: unknown): value is Urgency => (URGENCY_ORDER as readonly unknown[]).includes(value);

/**
 * Emergency and urgent referrals hold back exercise until a clinician has seen the person, and
 * clearing such a case for exercise needs a confirmed reason. A stored value that is not a tier
 * holds nothing.
 */
export const holdsExercise = (tier: string | undefined): boolean => isUrgency(tier) && isAtLeast(tier, 'urgent');

/** The sort rank of a stored value: a tier's rank, and anything else after every tier. */
export const storedUrgencyRank = (value: string): number => (isUrgency(value) ? urgencyRank(value) : URGENCY_ORDER.length);

/** SQL that orders rows by a tier column the same way, for queries that sort before they limit. */
export const urgencyOrderSql = (column: string): string =>
  `case ${column} ${URGENCY_ORDER.slice(0, -1).map((tier, rank) => `when '${tier}' then ${rank}`).join(' ')} else ${URGENCY_ORDER.length - 1} end`;
