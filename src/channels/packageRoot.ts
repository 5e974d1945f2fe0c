import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The folder of this package's package.json (name "disc-coach"), found by walking up from this
 * module: the same whether it runs as TypeScript from src/ or compiled under dist/.
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'disc-coach') return (cached = dir);
      } catch {
        // not ours; keep looking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return (cached = process.cwd());
    dir = parent;
  }
}

/** The web chat's static files (page, script, style, service worker), kept in the source tree. */
export const webChatPublicDir = () => join(packageRoot(), 'src', 'channels', 'webchat', 'public');
