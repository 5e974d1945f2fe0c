import { dirname } from 'node:path';
import { z } from 'zod';
import { checkIdsAndKeys, loadYamlDir, type ContentLoad } from './loadYamlDir.ts';
import { SPINE_REGIONS as regions, type Region } from '../vocabulary/index.ts';

/**
 * Exercises are clinical content a physiotherapist can edit: one YAML file per exercise in
 * content/exercises/. This module owns the one schema for them. Unknown fields are rejected
 * (z.strictObject) so a typo such as `stopif:` fails loudly instead of silently dropping a
 * safety rule.
 */

export { regions, type Region };

export const phases = ['acute', 'ongoing', 'later', 'maintenance', 'post_surgery', 'flare_up'] as const;
export type Phase = (typeof phases)[number];

/** Operations after which an exercise may be unsafe. Only the operation type is known, not the level. */
export const contraindications = ['fusion', 'discectomy'] as const;
export type Contraindication = (typeof contraindications)[number];

/**
 * The direction of repeated movement an exercise loads. Directional preference is derived by
 * comparing how exercises of each direction change the limb symptoms.
 */
export const directions = ['extension', 'retraction', 'flexion', 'rotation', 'lateral', 'neutral'] as const;
export type Direction = (typeof directions)[number];

/**
 * What an exercise (or one stage of it) asks of the body beyond its direction, so a person who
 * must avoid it is never offered it: lying face down (not in pregnancy), bending forward under
 * load (not with thin bones), carrying a weight. A clinician can add any of these, or a direction.
 */
export const involvements = ['prone', 'loaded_flexion', 'weights'] as const;
export type Involvement = (typeof involvements)[number];

/** Things a person may or may not have at home; an exercise that needs one is left out once they say they lack it. */
export const equipmentKinds = ['band', 'pool'] as const;
export type EquipmentKind = (typeof equipmentKinds)[number];

/** Exercises offered only when something is true of the person (a visible shift of the trunk to one side). */
export const onlyIfConditions = ['lateral_shift'] as const;
export type OnlyIfCondition = (typeof onlyIfConditions)[number];

/** What an exercise is for, mirroring the programme order in the seed article. */
export const purposes = ['directional', 'core', 'aerobic', 'mobility', 'flexibility', 'reintroduction', 'transfer'] as const;
export type Purpose = (typeof purposes)[number];

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case words joined by hyphens');
const text = z.string().trim().min(1, 'must not be empty');
const count = z.number().int().positive();

export const doseSchema = z
  .strictObject({
    sets: count.optional(),
    reps: count.optional(),
    holdSeconds: count.optional(),
    minutes: z.number().positive().optional(),
    timesPerDay: count.optional(),
    /** Reps counted per side (left and right), e.g. bird dog. */
    perSide: z.boolean().optional(),
    /** Weight carried or pulled, so a surgeon's lifting limit can be respected. */
    loadKg: z.number().nonnegative().optional(),
  })
  // A stage with no measurable amount is a content error the issue asks us to catch.
  .refine((d) => d.reps !== undefined || d.holdSeconds !== undefined || d.minutes !== undefined, {
    message: 'a dose needs reps, holdSeconds or minutes',
  });
export type Dose = z.infer<typeof doseSchema>;

export const stageSchema = z.strictObject({
  id: slug,
  name: text,
  dose: doseSchema,
  /** Replaces the exercise's steps for this stage when the movement itself changes. */
  steps: z.array(text).min(1).optional(),
  /** What this stage adds beyond the exercise's own `involves` (e.g. bending forward standing). */
  involves: z.array(z.enum(involvements)).optional(),
});
export type Stage = z.infer<typeof stageSchema>;

export const pictureSchema = z.strictObject({ file: text, alt: text });

export const exerciseSchema = z
  .strictObject({
    id: slug,
    name: text,
    purpose: text,
    kind: z.enum(purposes),
    direction: z.enum(directions),
    steps: z.array(text).min(1),
    /** Ordered from easiest to hardest; progression moves one stage at a time. */
    stages: z.array(stageSchema).min(1),
    acceptable: z.array(text).min(1),
    stopIf: z.array(text).min(1),
    equipment: z.array(text).default([]),
    regions: z.array(z.enum(regions)).min(1),
    phases: z.array(z.enum(phases)).min(1),
    contraindications: z.array(z.enum(contraindications)).default([]),
    /** What every stage of it asks of the body (lying face down, ...). */
    involves: z.array(z.enum(involvements)).default([]),
    /** Equipment the person must have; `equipment` stays the words shown to them. */
    needs: z.array(z.enum(equipmentKinds)).default([]),
    /** Offered only when all of these are true of the person. */
    onlyIf: z.array(z.enum(onlyIfConditions)).default([]),
    picture: pictureSchema.optional(),
    source: text,
  })
  .superRefine((exercise, ctx) => {
    const seen = new Set<string>();
    exercise.stages.forEach((stage, index) => {
      if (seen.has(stage.id)) ctx.addIssue({ code: 'custom', path: ['stages', index, 'id'], message: `duplicate stage id "${stage.id}"` });
      seen.add(stage.id);
    });
  });
export type Exercise = z.infer<typeof exerciseSchema>;

/**
 * Loads and validates every exercise; also checks that each id matches its file name.
 * Problems name the file from the content root (`exercises/bird-dog.yaml`), as a clinician sees it.
 */
export function loadExercises(dir: string): ContentLoad<Exercise> {
  return checkIdsAndKeys(loadYamlDir(dir, exerciseSchema, dirname(dir)), (exercise) => exercise.id, (id, earlier) => `id: "${id}" is also used by ${earlier}`);
}

/** Index by id for the pure rules, which take content as plain data. */
export function exercisesById(exercises: readonly Exercise[]): Record<string, Exercise> {
  return Object.fromEntries(exercises.map((e) => [e.id, e]));
}
