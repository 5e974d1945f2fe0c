/**
 * Referral wording per urgency tier (content/referral/tiers.yaml): what to do now and how fast.
 * Every tier must be present, so no referral can ever go out without words.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { loadYamlFile } from './loadYamlDir.ts';
import { URGENCY_ORDER } from '../vocabulary/index.ts';

export const referralTierSchema = z.object({
  label: z.string().trim().min(2),
  /** Plain words for how fast ("now", "today"), for the summary and the message. */
  timeframe: z.string().trim().min(2),
  /** What the person should do, in plain words. */
  say: z.string().trim().min(20),
  /** A safety-net sentence shown after the instruction. */
  reminder: z.string().trim().min(10),
});

export const referralTiersSchema = z.object({
  sources: z.array(z.string().trim().min(3)).min(1),
  /** One entry per tier (src/vocabulary), none missing. */
  tiers: z.record(z.enum(URGENCY_ORDER), referralTierSchema),
});

/** Thoughts of suicide or self-harm (content/referral/crisis.yaml): the words and the lines to call, per country. */
export const crisisSchema = z.strictObject({
  sources: z.array(z.string().trim().min(3)).min(1),
  flags: z.array(z.string().regex(/^[a-z]+(\.[a-z0-9-]+)+$/, 'a red-flag id such as crisis.self-harm')).min(1),
  say: z.string().trim().min(20),
  lines: z.array(z.strictObject({ country: z.string().trim().min(2), emergency: z.string().trim().min(2), talk: z.string().trim().min(5) })).min(1),
  /** One line per country: {country}, {emergency}, {talk}. */
  line: z.string().trim().min(5),
  reminder: z.string().trim().min(10),
});
export type Crisis = z.infer<typeof crisisSchema>;

export type ReferralTier = z.infer<typeof referralTierSchema>;
export type ReferralTiers = z.infer<typeof referralTiersSchema>['tiers'];

export interface ReferralLoad {
  tiers: ReferralTiers | undefined;
  crisis: Crisis | undefined;
  problems: string[];
}

/** Loads `<contentDir>/referral/tiers.yaml` and `crisis.yaml`; problems name the file from the content root. */
export function loadReferralTiers(contentDir: string): ReferralLoad {
  const load = loadYamlFile(join(contentDir, 'referral', 'tiers.yaml'), referralTiersSchema, contentDir);
  const crisis = loadYamlFile(join(contentDir, 'referral', 'crisis.yaml'), crisisSchema, contentDir);
  return { tiers: load.items[0]?.value.tiers, crisis: crisis.items[0]?.value, problems: [...load.problems, ...crisis.problems] };
}
