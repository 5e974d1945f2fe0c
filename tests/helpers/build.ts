import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

/**
 * vitest global setup: `npm run build` once before the tests: the compiled start for the tests that
 * spawn `npm start`'s process (tests/helpers/process.ts), and the embedded store's template that
 * lets every fresh PGlite skip initdb. Nothing changed, nothing rebuilt (well under a second).
 */
export default function setup(): void {
  const root = resolve(import.meta.dirname, '../..');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, ['dist/scripts/prepare-dist.js'], { cwd: root, stdio: 'inherit' });
}
