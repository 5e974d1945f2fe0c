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
  /** How screening reads the answers (content/screening.yaml); absent in hand-made catalogs, which then get the defaults. */
  screening?: ScreeningRules;
  /** Red-flag ids that are thoughts of suicide or self-harm: always an emergency, with a crisis line. */
  crisisFlags: string[];
  /** Exercises and plans for the coaching rules. */
  coaching: CoachingContent;
}

/** Screening's own rules from content/screening.yaml (issue 16 items 1, 3, 4, 5, 11). */
export interface ScreeningRules {
  /** Age bands that raise a flag, or put its question in the queue (`ask`). */
  age: { flag: string; from?: number; below?: number; ask: boolean }[];
  /** The operation's kind as the coaching rules plan with it. */
  surgeryKinds: Record<string, 'discectomy' | 'fusion'>;
  liftingLimitReviewWeeks: number[];
  recheckEveryDays: number;
  /** The tier of "still not sure" to an emergency question after the self-check. */
  unsureTier: RedFlagTier;
  /** Flags with a self-check the person can do when not sure. */
  selfCheckFlags: string[];
}

export const defaultScreeningRules: ScreeningRules = { age: [], surgeryKinds: {}, liftingLimitReviewWeeks: [6, 12], recheckEveryDays: 7, unsureTier: 'urgent', selfCheckFlags: [] };

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
