import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

/**
 * vitest global setup: compiles the project to dist/ once before the tests that spawn `npm start`'s
 * process (tests/helpers/process.ts). Incremental: nothing changed, nothing rebuilt (well under a second).
 */
export default function setup(): void {
  const root = resolve(import.meta.dirname, '../..');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
}
