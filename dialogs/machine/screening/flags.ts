/**
 * Which warning-sign questions screening asks, in which order and grouping: the region's flags,
 * the flags its age makes relevant, minus what was already raised or answered. Pure.
 */
import { defaultScreeningRules, type CoachCatalog, type ScreeningRules } from '../../catalog.ts';
import type { CoachContext, RedFlagTier } from '../../types.ts';

export const rulesOf = (catalog: CoachCatalog): ScreeningRules => catalog.screening ?? defaultScreeningRules;

const inBand = (rule: ScreeningRules['age'][number], age: number) => (rule.from === undefined || age >= rule.from) && (rule.below === undefined || age < rule.below);

/** Flags an age raises by itself (under 20), and flags whose question the age asks (50 or older: is this pain new?). */
export function ageFlags(catalog: CoachCatalog, age: number | undefined): { raise: string[]; ask: string[] } {
  if (age === undefined) return { raise: [], ask: [] };
  const rules = rulesOf(catalog).age.filter((rule) => inBand(rule, age));
  return { raise: rules.filter((r) => !r.ask).map((r) => r.flag), ask: rules.filter((r) => r.ask).map((r) => r.flag) };
}

const rank: Record<RedFlagTier, number> = { emergency: 0, urgent: 1, soon: 2 };

/** The questions still to ask in screening: the region's, then the age's, most urgent first; none raised or answered already. */
export function screeningQueue(catalog: CoachCatalog, context: CoachContext): string[] {
  const region = context.profile.region ?? 'lumbar';
  const done = new Set([...context.redFlags.map((raised) => raised.flagId), ...(context.screeningAsked ?? [])]);
  const ids = [...catalog.screeningFlags[region], ...ageFlags(catalog, context.profile.age).ask];
  const order = (id: string) => rank[catalog.flagUrgency[id] ?? 'soon'];
  // Stable: the content's order within a tier.
  return [...new Set(ids)].filter((id) => !done.has(id)).map((id, i) => ({ id, i })).sort((a, b) => order(a.id) - order(b.id) || a.i - b.i).map((x) => x.id);
}

/** The questions asked again at a check-in: every question of the region, raised or cleared before (not the age's: it has not changed). */
export function recheckQueue(catalog: CoachCatalog, context: CoachContext): string[] {
  return [...catalog.screeningFlags[context.profile.region ?? 'lumbar']];
}

/** The weekly recheck: the warning signs this person has had raised, whose questions can be asked. */
export function raisedQueue(catalog: CoachCatalog, context: CoachContext): string[] {
  const askable = new Set(recheckQueue(catalog, context));
  return [...new Set(context.redFlags.map((raised) => raised.flagId))].filter((id) => askable.has(id));
}

/**
 * The first questions of the queue that share an urgency tier: asked together as one card where the
 * channel shows cards (the cauda equina questions, then the same-day ones, then the within-days ones),
 * so any tick on a card refers at that card's speed.
 */
export function nextGroup(queue: string[], flagUrgency: Record<string, RedFlagTier>): string[] {
  const first = queue[0];
  if (first === undefined) return [];
  const tierOf = (id: string) => flagUrgency[id] ?? 'soon';
  const group: string[] = [];
  for (const id of queue) {
    if (tierOf(id) !== tierOf(first)) break;
    group.push(id);
  }
  return group;
}
