/**
 * A freshly initialised PGlite cluster, kept as a tarball so that a new DATA_DIR starts without
 * running initdb (several seconds of WebAssembly; most of a first start). Written once by
 * `npm run build` (scripts/prepare-dist.ts) for the installed PGlite version; a missing or
 * unreadable template only means the slower initdb start.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { packageRoot } from '../packageRoot.ts';

function pgliteVersion(): string {
  // The package does not export its package.json: found from its entry point.
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const marker = `node_modules${sep}@electric-sql${sep}pglite${sep}`;
  const manifest = join(entry.slice(0, entry.lastIndexOf(marker) + marker.length), 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

export function templatePath(): string {
  return join(packageRoot, 'dist', `pglite-template-${pgliteVersion()}.tar`);
}

/** Writes the template unless it exists. Returns whether it had to be made. */
export async function ensureTemplate(): Promise<boolean> {
  const path = templatePath();
  if (existsSync(path)) return false;
  const { PGlite } = await import('@electric-sql/pglite');
  const scratch = mkdtempSync(join(tmpdir(), 'disc-coach-template-'));
  try {
    const pglite = await PGlite.create({ dataDir: join(scratch, 'pglite') });
    const dump = await pglite.dumpDataDir('none');
    await pglite.close();
    mkdirSync(join(packageRoot, 'dist'), { recursive: true });
    writeFileSync(`${path}.tmp`, new Uint8Array(await dump.arrayBuffer()));
    renameSync(`${path}.tmp`, path);
    return true;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
