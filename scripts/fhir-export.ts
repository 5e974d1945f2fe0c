/**
 * A person's record as a FHIR R4 Bundle (type collection), printed as JSON:
 *   npm run -s fhir:export -- <conversationId>
 *   npm run -s fhir:export -- --case <caseId>
 * Uses the same DATABASE_URL / DATA_DIR / CONTENT_DIR as the bot. With the embedded store (PGlite)
 * run it while the bot is stopped (one process at a time); with PostgreSQL any time. A signed-in
 * clinician gets the same Bundle from GET /clinician/cases/:id/fhir.
 */
import { parseArgs } from 'node:util';
import { getCase } from '../src/clinician/store.ts';
import { loadPatientBundle } from '../src/clinician/fhir/load.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { loadAllContent } from '../src/contentBundle.ts';
import { openConfiguredStore } from '../src/store/configured.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { case: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });

if (values.help || (!values.case && positionals.length !== 1)) {
  console.error('usage: npm run -s fhir:export -- <conversationId> | --case <caseId>');
  process.exit(values.help ? 0 : 2);
}

try {
  const config = loadConfig(process.env);
  const loaded = loadAllContent(config.CONTENT_DIR);
  if (!loaded.bundle) throw new ConfigError(loaded.problems);
  const db = await openConfiguredStore(config);
  try {
    let conversationId = positionals[0];
    if (values.case) {
      const id = Number(values.case);
      const item = Number.isSafeInteger(id) && id > 0 ? await getCase(db, id) : null;
      if (!item) {
        console.error(`no case #${values.case}`);
        process.exitCode = 1;
      }
      conversationId = item?.conversationId;
    }
    if (conversationId) {
      const bundle = await loadPatientBundle(db, { content: loaded.bundle.content, codes: loaded.bundle.clinician.fhir }, conversationId, new Date());
      if (!bundle) {
        console.error(`no conversation ${conversationId}`);
        process.exitCode = 1;
      } else {
        process.stdout.write(`${JSON.stringify(bundle, null, 2)}\n`);
      }
    }
  } finally {
    await db.close();
  }
} catch (error) {
  if (error instanceof ConfigError) for (const problem of error.problems) console.error(problem);
  else console.error(`fhir:export failed: ${(error as Error)?.message ?? String(error)}`);
  process.exitCode = 1;
}
