import { join } from 'node:path';
import { z } from 'zod';
import { loadYamlFile } from './loadYamlDir.ts';

/**
 * The numbers of the coaching rules (content/coaching/rules.yaml) and the outcome measures the
 * coach asks (content/coaching/measures.yaml). Every group names its source; a measure that is
 * not free to use inside software is refused when the content loads.
 */

const text = z.string().trim().min(1, 'must not be empty');
const count = z.number().int().positive();
const score = z.number().int().min(0).max(10);

const reachWordsSchema = z.strictObject({ spine: text, near: text, far: text, end: text });

export const coachingRulesSchema = z.strictObject({
  movement: z.strictObject({
    source: text,
    sessionsHeldToProgress: count,
    noChangeSessionsToProgress: count,
    peripheralizedSessionsToRefer: count,
    peripheralizationWindowDays: count,
    retryDaysAfterRegress: count,
    restDaysAfterPainStop: count,
  }),
  laterPhase: z.strictObject({ source: text, limbScoreAtMost: score, forDays: count }),
  irritability: z.strictObject({
    source: text,
    painAtLeast: score,
    onsetWithinDays: count,
    maxExercises: count,
    maxAerobic: count,
    directionalTimesPerDay: count,
    reminderEveryHours: count,
  }),
  flareUp: z.strictObject({ source: text, painAtLeast: score, riseAtLeast: score }),
  painRelief: z.strictObject({ source: text, painAtLeast: score, checkIns: count, repeatAfterDays: count }),
  weeklyMeasures: z.strictObject({ source: text, everyDays: count, psfsActivities: z.number().int().min(1).max(5) }),
  reachWords: z.strictObject({ leg: reachWordsSchema, arm: reachWordsSchema }),
  /** The person's words for what an exercise needs, for "I won't suggest ... again". */
  equipmentWords: z.strictObject({ band: text, pool: text }),
  pathway: z.strictObject({
    source: text,
    /** Screening warning signs whose "yes" means thin bones or long-term steroids (no bending forward under load). */
    boneFlags: z.array(text).min(1),
  }),
});
export type CoachingRules = z.infer<typeof coachingRulesSchema>;

/** Instruments that need a licence or permission for use in software: never asked by the coach. */
const notFreeInSoftware = /oswestry|\bodi\b|start ?back|promis/i;

export const measuresSchema = z.strictObject({
  source: text,
  measures: z
    .array(
      z
        .strictObject({
          id: z.enum(['psfs', 'limb', 'sleep', 'walking', 'medication', 'groc']),
          name: text,
          licence: z.literal('free', { error: 'only instruments free to use in software may be listed' }),
          what: text,
        })
        .refine((m) => !notFreeInSoftware.test(`${m.id} ${m.name}`), { message: 'needs a licence or permission for use in software' }),
    )
    .min(1),
});
export type Measures = z.infer<typeof measuresSchema>;

export function loadCoachingRules(contentRoot: string): { rules?: CoachingRules; measures?: Measures; problems: string[] } {
  const rules = loadYamlFile(join(contentRoot, 'coaching', 'rules.yaml'), coachingRulesSchema, contentRoot);
  const measures = loadYamlFile(join(contentRoot, 'coaching', 'measures.yaml'), measuresSchema, contentRoot);
  const problems = [...rules.problems, ...measures.problems];
  return { rules: rules.items[0]?.value, measures: measures.items[0]?.value, problems };
}
