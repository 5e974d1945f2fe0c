import { dirname, join } from 'node:path';
import { z } from 'zod';
import { checkIdsAndKeys, loadYamlDir, type ContentLoad } from './loadYamlDir.ts';
import { exercisesById, loadExercises, phases, purposes, regions, type Exercise } from './exercises.ts';
import { loadEducation, type EducationPiece } from './education.ts';
import { loadCoachingRules, type CoachingRules, type Measures } from './coachingRules.ts';

/**
 * A plan says, for one region and one phase, which exercises a session draws on and in what
 * order (blocks follow the programme order: directional work, core, aerobic, flexibility).
 * The pure rules in dialogs/coaching pick stages and drop anything unsafe for the person.
 */

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case words joined by hyphens');
const text = z.string().trim().min(1, 'must not be empty');

/** Answers the bot must have before this plan can be dosed safely. */
export const planQuestions = ['lifting_limit'] as const;
export type PlanQuestion = (typeof planQuestions)[number];

export const planBlockSchema = z.strictObject({
  purpose: z.enum(purposes),
  exercises: z.array(slug).min(1),
});
export type PlanBlock = z.infer<typeof planBlockSchema>;

export const planSchema = z.strictObject({
  id: slug,
  region: z.enum(regions),
  phase: z.enum(phases),
  /** One or two sentences for the clinician summary and the person. */
  summary: text,
  blocks: z.array(planBlockSchema).min(1),
  /** Education piece ids that fit this phase; offered one at a time, never all at once. */
  education: z.array(slug).default([]),
  asks: z.array(z.enum(planQuestions)).default([]),
  source: text,
});
export type Plan = z.infer<typeof planSchema>;

export function loadPlans(dir: string): ContentLoad<Plan> {
  return checkIdsAndKeys(loadYamlDir(dir, planSchema, dirname(dir)), (plan) => `${plan.region}/${plan.phase}`, (key, earlier) => `phase: ${key} already has a plan in ${earlier}`);
}

/**
 * Cross-file checks the schema alone cannot make: a plan naming an unknown exercise or an
 * unknown education piece, an exercise used outside the regions or phases it declares, and
 * a missing plan for a region and phase. Returned as problems naming the plan file and field.
 */
export function checkPlanReferences(
  plans: readonly { file: string; value: Plan }[],
  exercises: readonly Exercise[],
  educationIds: readonly string[],
): string[] {
  const problems: string[] = [];
  const byId = new Map(exercises.map((e) => [e.id, e]));
  const education = new Set(educationIds);
  for (const { file, value: plan } of plans) {
    plan.blocks.forEach((block, b) =>
      block.exercises.forEach((id, i) => {
        const field = `blocks.${b}.exercises.${i}`;
        const exercise = byId.get(id);
        if (!exercise) return void problems.push(`${file}: ${field}: unknown exercise "${id}"`);
        if (!exercise.regions.includes(plan.region)) problems.push(`${file}: ${field}: "${id}" is not declared for region ${plan.region}`);
        if (!exercise.phases.includes(plan.phase)) problems.push(`${file}: ${field}: "${id}" is not declared for phase ${plan.phase}`);
      }),
    );
    plan.education.forEach((id, i) => {
      if (!education.has(id)) problems.push(`${file}: education.${i}: unknown education piece "${id}"`);
    });
  }
  for (const region of regions)
    for (const phase of phases)
      if (!plans.some((p) => p.value.region === region && p.value.phase === phase)) problems.push(`plans: no plan for ${region}/${phase}`);
  return problems;
}

/**
 * Everything the coaching rules need, loaded and cross-checked in one call, for start-up and
 * `npm run content:check`. Any problem (file and field named) means the content must not be used.
 */
export function loadCoachingContent(contentRoot: string): {
  exercises: Record<string, Exercise>;
  plans: Plan[];
  education: Record<string, EducationPiece>;
  rules: CoachingRules;
  measures: Measures;
  problems: string[];
} {
  const exercises = loadExercises(join(contentRoot, 'exercises'));
  const plans = loadPlans(join(contentRoot, 'plans'));
  const education = loadEducation(join(contentRoot, 'education'));
  const rules = loadCoachingRules(contentRoot);
  const exerciseList = exercises.items.map((i) => i.value);
  const problems = [
    ...exercises.problems,
    ...plans.problems,
    ...education.problems,
    ...rules.problems,
    ...checkPlanReferences(plans.items, exerciseList, education.items.map((i) => i.value.id)),
  ];
  return {
    exercises: exercisesById(exerciseList),
    plans: plans.items.map((i) => i.value),
    education: Object.fromEntries(education.items.map((i) => [i.value.id, i.value])),
    // Only used when `problems` is empty, in which case both loaded.
    rules: rules.rules as CoachingRules,
    measures: rules.measures as Measures,
    problems,
  };
}
