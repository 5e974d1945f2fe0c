/**
 * Loads the corpus: dev/*.yaml and locked/*.yaml.gz. Refuses, with every problem listed, invalid
 * entries (unknown ids, states, kinds; neither sign nor answer), duplicate ids across both parts,
 * an entry in the part its id does not hash to, and a locked file whose checksum does not match
 * locked/SHA256SUMS (or that is missing from it, or listed but absent).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import YAML from 'yaml';
import { entrySchema, type Entry } from './schema.ts';
import { CORPUS_DIR, partOf, sha256, type Part } from './split.ts';

export class CorpusError extends Error {
  constructor(readonly problems: string[]) {
    super(`the corpus does not load:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

export interface Corpus {
  dev: Entry[];
  /** Absent when only the development part was asked for. */
  locked?: Entry[];
  /** SHA-256 of locked/SHA256SUMS: one value that names the exact locked part, for notes. */
  lockedSha256?: string;
}

/** `quiet`: name entries by position only (the locked part's ids are not printed). */
function parseEntries(text: string, where: string, problems: string[], quiet = false): Entry[] {
  let data: unknown;
  try {
    data = YAML.parse(text);
  } catch (error) {
    problems.push(`${where}: not YAML: ${(error as Error).message.split('\n')[0]}`);
    return [];
  }
  if (!Array.isArray(data)) {
    problems.push(`${where}: must be a list of entries`);
    return [];
  }
  const entries: Entry[] = [];
  data.forEach((raw: unknown, index) => {
    const parsed = entrySchema.safeParse(raw);
    const label = !quiet && typeof (raw as { id?: unknown })?.id === 'string' ? `${index + 1} (${(raw as { id: string }).id})` : `${index + 1}`;
    if (parsed.success) entries.push(parsed.data);
    else for (const issue of parsed.error.issues) problems.push(`${where}: entry ${label}: ${[...issue.path].join('.') || 'entry'}: ${issue.message}`);
  });
  return entries;
}

/** `name  file` lines as written by sha256sum. */
function readChecksums(file: string, problems: string[], needed: boolean): Map<string, string> {
  const sums = new Map<string, string>();
  if (!existsSync(file)) {
    if (needed) problems.push('locked/SHA256SUMS is missing');
    return sums;
  }
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .forEach((line, index) => {
      const match = line.match(/^([0-9a-f]{64}) [ *](\S+)$/);
      if (!match) problems.push(`locked/SHA256SUMS: line ${index + 1} is not "<sha256>  <file>"`);
      else sums.set(match[2]!, match[1]!);
    });
  return sums;
}

function loadDev(dir: string, problems: string[]): { entries: Entry[]; where: Map<string, string> } {
  const devDir = join(dir, 'dev');
  const entries: Entry[] = [];
  const where = new Map<string, string>();
  const files = existsSync(devDir) ? readdirSync(devDir).filter((name) => name.endsWith('.yaml')).sort() : [];
  for (const name of files) {
    for (const entry of parseEntries(readFileSync(join(devDir, name), 'utf8'), `dev/${name}`, problems)) {
      entries.push(entry);
      where.set(entry.id, `dev/${name}`);
    }
  }
  return { entries, where };
}

function loadLocked(dir: string, problems: string[]): { entries: Entry[]; where: Map<string, string>; sha: string } {
  const lockedDir = join(dir, 'locked');
  const sumsFile = join(lockedDir, 'SHA256SUMS');
  const files = existsSync(lockedDir) ? readdirSync(lockedDir).filter((name) => name.endsWith('.yaml.gz')).sort() : [];
  const sums = readChecksums(sumsFile, problems, files.length > 0);
  const entries: Entry[] = [];
  const where = new Map<string, string>();
  for (const name of files) {
    const bytes = readFileSync(join(lockedDir, name));
    const expected = sums.get(name);
    if (!expected) {
      problems.push(`locked/${name} is not listed in locked/SHA256SUMS`);
      continue;
    }
    if (sha256(bytes) !== expected) {
      problems.push(`locked/${name}: checksum does not match locked/SHA256SUMS (the locked part is never edited)`);
      continue;
    }
    let text: string;
    try {
      text = gunzipSync(bytes).toString('utf8');
    } catch {
      problems.push(`locked/${name}: not a gzip file`);
      continue;
    }
    for (const entry of parseEntries(text, `locked/${name}`, problems, true)) {
      entries.push(entry);
      where.set(entry.id, `locked/${name}`);
    }
  }
  for (const name of sums.keys()) if (!files.includes(name)) problems.push(`locked/SHA256SUMS lists ${name}, which is missing`);
  return { entries, where, sha: existsSync(sumsFile) ? sha256(readFileSync(sumsFile)) : '' };
}

/** Loads the development part, and the locked part too unless `parts` leaves it out. */
/**
 * Entries of YAML files outside the corpus (probe sets being worked on), checked against the
 * schema but placed in no part: they are not the corpus and its figures do not count them.
 */
export function loadProbeFiles(files: readonly string[]): Entry[] {
  const problems: string[] = [];
  const entries = files.flatMap((file) => parseEntries(readFileSync(file, 'utf8'), file, problems));
  if (problems.length) throw new CorpusError(problems);
  return entries;
}

export function loadCorpus(options: { dir?: string; parts?: Part[] } = {}): Corpus {
  const dir = options.dir ?? CORPUS_DIR;
  const parts = options.parts ?? ['dev', 'locked'];
  const problems: string[] = [];
  const dev = parts.includes('dev') ? loadDev(dir, problems) : { entries: [], where: new Map<string, string>() };
  const locked = parts.includes('locked') ? loadLocked(dir, problems) : undefined;

  const seen = new Map<string, string>();
  const check = (entries: Entry[], where: Map<string, string>, part: Part) => {
    for (const entry of entries) {
      const file = where.get(entry.id) ?? part;
      const first = seen.get(entry.id);
      if (first) problems.push(part === 'locked' ? `${file}: an id that is also in ${first} (duplicate)` : `${file}: duplicate id "${entry.id}" (also in ${first})`);
      else seen.set(entry.id, file);
      // Part names only, never the entry: a locked entry's id is not printed.
      if (partOf(entry.id) !== part) problems.push(part === 'dev' ? `${file}: "${entry.id}" hashes to the locked part; entries are placed by split.ts only` : `${file}: an entry hashes to the development part; entries are placed by split.ts only`);
    }
  };
  check(dev.entries, dev.where, 'dev');
  if (locked) check(locked.entries, locked.where, 'locked');
  if (problems.length) throw new CorpusError(problems);
  return { dev: dev.entries, ...(locked ? { locked: locked.entries, lockedSha256: locked.sha } : {}) };
}
