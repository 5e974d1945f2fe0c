import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { parseYaml } from './yamlCache.ts';
import type { ZodType } from 'zod';

/** A content file that parsed and validated, with the path it came from. */
export interface ContentItem<T> {
  file: string;
  value: T;
}

/** Validation problems name the file and the field so a clinician can fix them. */
export interface ContentLoad<T> {
  items: ContentItem<T>[];
  problems: string[];
}

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return yamlFilesUnder(path);
      return /\.ya?ml$/i.test(name) ? [path] : [];
    });
}

export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(file)' : path.map(String).join('.');
}

/**
 * Reads every YAML file under `dir` (recursively, sorted) and validates each with `schema`.
 * Never throws for a bad file: problems are collected so start-up can list them all at once.
 */
export function loadYamlDir<T>(dir: string, schema: ZodType<T>, root = dir): ContentLoad<T> {
  const items: ContentItem<T>[] = [];
  const problems: string[] = [];
  let files: string[];
  try {
    files = yamlFilesUnder(dir);
  } catch {
    return { items, problems: [`${relative(process.cwd(), dir) || dir}: content folder is missing`] };
  }
  for (const path of files) {
    const file = relative(root, path);
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(path, 'utf8'));
    } catch (error) {
      problems.push(`${file}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
      continue;
    }
    const result = schema.safeParse(raw);
    if (result.success) items.push({ file, value: result.data });
    else for (const issue of result.error.issues) problems.push(`${file}: ${formatIssuePath(issue.path)}: ${issue.message}`);
  }
  return { items, problems };
}

/** Same as loadYamlDir for one file. */
export function loadYamlFile<T>(path: string, schema: ZodType<T>, root: string): ContentLoad<T> {
  const file = relative(root, path);
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    const message = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file is missing' : `not valid YAML (${(error as Error).message.split('\n')[0]})`;
    return { items: [], problems: [`${file}: ${message}`] };
  }
  const result = schema.safeParse(raw);
  if (result.success) return { items: [{ file, value: result.data }], problems: [] };
  return { items: [], problems: result.error.issues.map((issue) => `${file}: ${formatIssuePath(issue.path)}: ${issue.message}`) };
}

/** A content file's id must be its file name: that is how other files and the clinicians who edit them find it. */
export function idFileNameProblem(file: string, id: string): string | undefined {
  const expected = basename(file, extname(file));
  return id === expected ? undefined : `${file}: id: "${id}" should match the file name "${expected}"`;
}

/**
 * The load with, file by file, an id that is not its file name and a key an earlier file already
 * has (`keyOf`; `taken` words that problem, naming the earlier file).
 */
export function checkIdsAndKeys<T extends { id: string }>(load: ContentLoad<T>, keyOf: (value: T) => string, taken: (key: string, earlier: string) => string): ContentLoad<T> {
  const problems = [...load.problems];
  const seen = new Map<string, string>();
  for (const { file, value } of load.items) {
    const misnamed = idFileNameProblem(file, value.id);
    if (misnamed) problems.push(misnamed);
    const key = keyOf(value);
    const earlier = seen.get(key);
    if (earlier) problems.push(`${file}: ${taken(key, earlier)}`);
    seen.set(key, file);
  }
  return { items: load.items, problems };
}
