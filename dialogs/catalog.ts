import type { CoachingContent } from './coaching/types.ts';
import type { Profile, Region, RedFlagTier } from './types.ts';

/** The slice of content the machine decides with. Plain data, so the machine stays pure. */
export interface CoachCatalog {
  consentVersion: string;
  /** Red-flag questions to ask in screening for a region, in the order to ask them. */
  screeningFlags: Record<Region, string[]>;
  flagUrgency: Record<string, RedFlagTier>;
  /** Screening answers that are warning signs in themselves. */
  screeningTriggers: { flag: string; when: Partial<Record<'region' | 'reach' | 'sides' | 'surgery', string[]>> }[];
  /** Red-flag ids that are thoughts of suicide or self-harm: always an emergency, with a crisis line. */
  crisisFlags: string[];
  /** Exercises and plans for the coaching rules. */
  coaching: CoachingContent;
}

export function triggeredFlags(catalog: CoachCatalog, profile: Profile): string[] {
  return catalog.screeningTriggers
    .filter((trigger) =>
      Object.entries(trigger.when).every(([field, allowed]) => {
        const value = profile[field as keyof Profile];
        return typeof value === 'string' && (allowed ?? []).includes(value);
      }),
    )
    .map((trigger) => trigger.flag);
}
