/**
 * The process entry (`npm start` runs the compiled dist/src/main.js). Node's compile cache keeps
 * the compiled code of this program and its dependencies on disk, so every start after the first
 * skips parsing and compiling them (a good part of the time to /healthz 200). Enabled before the
 * rest is imported, which is why the start itself lives in run.ts.
 */
import module from 'node:module';

module.enableCompileCache?.();
await import('./run.ts');
