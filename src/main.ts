/**
 * The process entry (`npm start` runs the compiled dist/src/main.js). Two things happen before the
 * program is imported, both for a quick start:
 * - Node's compile cache keeps the compiled code of this program and its dependencies on disk, so
 *   every start after the first skips parsing and compiling them;
 * - the embedded store starts opening on its own thread (lock, then PGlite), while this thread
 *   loads the program and the content: on two cores both happen at once.
 * The start itself lives in run.ts.
 */
import module from 'node:module';

module.enableCompileCache?.();
if (!process.env.DATABASE_URL?.trim()) {
  const { prewarmPglite } = await import('./store/pglite.ts');
  prewarmPglite(process.env.DATA_DIR?.trim() || './data');
}
await import('./run.ts');
