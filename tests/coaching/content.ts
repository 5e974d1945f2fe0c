import { join } from 'node:path';
import { exercisesById, loadExercises } from '../../src/content/exercises.ts';
import { loadPlans } from '../../src/content/plans.ts';
import type { CoachingContent } from '../../dialogs/coaching/index.ts';

/** The real clinical content, so tests check what a person would actually be offered. */
export function realContent(): CoachingContent {
  const root = join(import.meta.dirname, '../../content');
  const exercises = loadExercises(join(root, 'exercises'));
  const plans = loadPlans(join(root, 'plans'));
  const problems = [...exercises.problems, ...plans.problems];
  if (problems.length) throw new Error(problems.join('\n'));
  return { exercises: exercisesById(exercises.items.map((i) => i.value)), plans: plans.items.map((i) => i.value) };
}
