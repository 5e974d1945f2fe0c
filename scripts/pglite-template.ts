/**
 * Part of `npm run build`: makes the embedded store's template (src/store/pgliteTemplate.ts) once
 * per PGlite version, so a new DATA_DIR starts without initdb. Nothing to do when it exists.
 */
import { ensureTemplate, templatePath } from '../src/store/pgliteTemplate.ts';

try {
  if (await ensureTemplate()) console.error(`made ${templatePath()}`);
} catch (error) {
  // Not fatal: without a template a new DATA_DIR runs initdb, as before.
  console.error(`could not make the embedded store's template: ${(error as Error)?.message ?? error}`);
}
