/** Referral tiers, most urgent first. One place defines the order everyone sorts by. */

export const URGENCY_ORDER = ['emergency', 'urgent', 'soon', 'routine'] as const;
export type Urgency = (typeof URGENCY_ORDER)[number];
/** The tiers a warning sign can have; "routine" is only ever the person asking for a clinician. */
export type RedFlagUrgency = Exclude<Urgency, 'routine'>;

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
