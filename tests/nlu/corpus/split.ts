/**
 * The 70/30 split of the corpus, decided by a hash of each entry's id, so it is decided once when
 * an entry is written and never by looking at how the coach does on it.
 *
 *   part(id) = 'dev' when the first 32 bits of SHA-256(id), as an unsigned integer, are below
 *              0.7 × 2^32; otherwise 'locked'.
 *
 * Run as a script to add new entries:
 *   npx tsx tests/nlu/corpus/split.ts new-entries/<group>.yaml [...]
 * Each file is a YAML list of entries (SCHEMA.md); its name becomes the group name. The entries
 * that hash to the development part go to dev/<group>.yaml, the others to locked/<group>.yaml.gz,
 * and locked/SHA256SUMS is rewritten. A group that already exists is refused: new entries go in a
 * new group file, so no locked file is ever rewritten. Only counts are printed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import YAML, { isScalar, isSeq, Scalar, visit } from 'yaml';
import { entryFileSchema, type Entry } from './schema.ts';

export type Part = 'dev' | 'locked';
export const DEV_SHARE = 0.7;
export const CORPUS_DIR = import.meta.dirname;

export function partOf(id: string): Part {
  const first32 = createHash('sha256').update(id, 'utf8').digest().readUInt32BE(0);
  return first32 < DEV_SHARE * 2 ** 32 ? 'dev' : 'locked';
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Entries as YAML, one block per entry; texts double-quoted so they read back exactly as typed. */
export function entriesToYaml(entries: Entry[]): string {
  const doc = new YAML.Document(entries);
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (key === 'text' && isScalar(pair.value)) pair.value.type = Scalar.QUOTE_DOUBLE;
      if (isSeq(pair.value) && pair.value.items.every((item) => isScalar(item))) {
        pair.value.flow = true;
        if (key === 'recent') for (const item of pair.value.items) (item as Scalar).type = Scalar.QUOTE_DOUBLE;
      }
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/** The SHA256SUMS file for the locked files, in sha256sum's format, sorted by name. */
export function checksumsFor(dir: string): string {
  const lockedDir = join(dir, 'locked');
  const files = existsSync(lockedDir) ? readdirSync(lockedDir).filter((name) => name.endsWith('.yaml.gz')).sort() : [];
  return files.map((name) => `${sha256(readFileSync(join(lockedDir, name)))}  ${name}\n`).join('');
}

export interface SplitResult {
  group: string;
  dev: number;
  locked: number;
}

/**
 * Splits new entries of one group into the two parts and writes them. `knownIds` are the ids
 * already in the corpus; a collision, an invalid entry or an existing group stops before writing.
 */
export function writeGroup(dir: string, group: string, entries: Entry[], knownIds: Set<string>): SplitResult {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(group)) throw new Error(`group name "${group}": use lowercase letters, digits and dashes`);
  const devFile = join(dir, 'dev', `${group}.yaml`);
  const lockedFile = join(dir, 'locked', `${group}.yaml.gz`);
  if (existsSync(devFile) || existsSync(lockedFile)) throw new Error(`group "${group}" exists already: put new entries in a new group file`);
  const seen = new Set<string>();
  for (const entry of entries) {
    if (knownIds.has(entry.id) || seen.has(entry.id)) throw new Error(`id "${entry.id}" is already in the corpus`);
    seen.add(entry.id);
  }
  const dev = entries.filter((entry) => partOf(entry.id) === 'dev');
  const locked = entries.filter((entry) => partOf(entry.id) === 'locked');
  mkdirSync(join(dir, 'dev'), { recursive: true });
  mkdirSync(join(dir, 'locked'), { recursive: true });
  if (dev.length) writeFileSync(devFile, entriesToYaml(dev));
  if (locked.length) writeFileSync(lockedFile, gzipSync(Buffer.from(entriesToYaml(locked), 'utf8'), { level: 9 }));
  writeFileSync(join(dir, 'locked', 'SHA256SUMS'), checksumsFor(dir));
  return { group, dev: dev.length, locked: locked.length };
}

async function main(files: string[]): Promise<void> {
  if (files.length === 0) {
    console.error('usage: npx tsx tests/nlu/corpus/split.ts <group>.yaml [...]   (a YAML list of entries per file)');
    process.exitCode = 2;
    return;
  }
  const { loadCorpus } = await import('./load.ts');
  const corpus = loadCorpus();
  const known = new Set([...corpus.dev, ...(corpus.locked ?? [])].map((entry) => entry.id));
  for (const file of files) {
    const parsed = entryFileSchema.safeParse(YAML.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) {
      console.error(`${file}:\n${parsed.error.issues.map((issue) => `  entry ${issue.path.join('.')}: ${issue.message}`).join('\n')}`);
      process.exitCode = 1;
      return;
    }
    const result = writeGroup(CORPUS_DIR, basename(file).replace(/\.ya?ml$/, ''), parsed.data, known);
    for (const entry of parsed.data) known.add(entry.id);
    console.log(`${result.group}: ${result.dev} to dev, ${result.locked} to locked`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
