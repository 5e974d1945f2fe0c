import { resolve } from 'node:path';
import { buildCatalog, loadContent, type Content } from '../../src/content/index.ts';
import { createCoachMachine } from '../../dialogs/machine.ts';

let cached: Content | undefined;

/** The real content of the repository, loaded once per test file. */
export function realContent(): Content {
  if (cached) return cached;
  const { content, problems } = loadContent(resolve(import.meta.dirname, '../../content'));
  if (!content) throw new Error(`content does not load:\n${problems.join('\n')}`);
  cached = content;
  return content;
}

export function realMachine() {
  return createCoachMachine(buildCatalog(realContent()));
}
