/**
 * The V8 flags `npm start` runs the bot with (package.json `config.nodeFlags`), so the benchmark
 * measures the bot as it is started in production, not with Node's defaults.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export function botNodeFlags(root = resolve(import.meta.dirname, '..')): string[] {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { config?: { nodeFlags?: string } };
  return (pkg.config?.nodeFlags ?? '').split(/\s+/).filter(Boolean);
}
