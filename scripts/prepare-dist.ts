/**
 * The last step of `npm run build`: what a start reads besides the compiled code, made once.
 * - the embedded store's template (src/store/pgliteTemplate.ts), once per PGlite version, so a
 *   new DATA_DIR starts without initdb;
 * - the content's parsed YAML (src/content/yamlCache.ts), so a start does not parse it again.
 * Neither is needed: without them a start is only slower. So a failure is reported, never fatal.
 */
import { resolve } from 'node:path';
import { loadAllContent } from '../src/contentBundle.ts';
import { packageRoot } from '../src/packageRoot.ts';
import { ensureTemplate, templatePath } from '../src/store/pgliteTemplate.ts';
import { writeYamlCache, yamlTextsParsedBy } from '../src/content/yamlCache.ts';

try {
  if (await ensureTemplate()) console.error(`made ${templatePath()}`);
} catch (error) {
  console.error(`could not make the embedded store's template: ${(error as Error)?.message ?? error}`);
}

try {
  // The content folder the bot reads by default (CONTENT_DIR's default); another folder is parsed at start.
  const texts = yamlTextsParsedBy(() => loadAllContent(resolve(packageRoot, 'content')));
  writeYamlCache(texts);
} catch (error) {
  console.error(`could not cache the content's YAML: ${(error as Error)?.message ?? error}`);
}
