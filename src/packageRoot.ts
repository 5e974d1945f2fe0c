import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding this project's package.json. Files shipped beside the code (web chat page,
 * console scripts) are found from here, so the same paths work when running the TypeScript sources
 * (src/...) and the compiled JavaScript (dist/src/...).
 */
function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'disc-coach') return dir;
    if (dirname(dir) === dir) throw new Error(`package.json of disc-coach not found above ${from}`);
  }
}

export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
