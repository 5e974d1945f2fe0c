import { join } from 'node:path';
import { loadCoachingContent } from '../../src/content/plans.ts';
import type { CoachingContent } from '../../dialogs/coaching/index.ts';

/** The real clinical content, so tests check what a person would actually be offered. */
export function realContent(): CoachingContent {
  const loaded = loadCoachingContent(join(import.meta.dirname, '../../content'));
  if (loaded.problems.length) throw new Error(loaded.problems.join('\n'));
  return loaded;
}
