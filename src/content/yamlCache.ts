/**
 * YAML parsing for content files, with a cache that `npm run build` writes (scripts/prepare-dist.ts).
 * Parsing the content's YAML was the largest single part of a start after the imports (about a
 * quarter of the main thread's time to /healthz 200 on the embedded store); JSON.parse of the same
 * values is many times cheaper. The cache is keyed by the SHA-256 of a file's text, so an edited,
 * added or unknown file is simply parsed from YAML, and a stale or damaged cache can never change
 * what the content says: it can only be used or not. Validation (zod) still runs on every value.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { z } from 'zod';
import { packageRoot } from '../packageRoot.ts';

const CACHE_VERSION = 1;
const cacheFileSchema = z.object({ version: z.literal(CACHE_VERSION), entries: z.record(z.string(), z.string()) });

export function yamlCachePath(): string {
  return join(packageRoot, 'dist', 'content-yaml-cache.json');
}

const keyOf = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64url');

/** undefined = not read yet; null = no usable cache (missing or unreadable): parse everything. */
let entries: Map<string, string> | null | undefined;
let cacheFile: string | null = yamlCachePath();

/** Which cache file later parses read; null for none. The build's file unless told otherwise. */
export function useYamlCache(path: string | null): void {
  cacheFile = path;
  entries = undefined;
}

function cached(): Map<string, string> | null {
  if (entries !== undefined) return entries;
  if (cacheFile === null) return (entries = null);
  try {
    const file = cacheFileSchema.safeParse(JSON.parse(readFileSync(cacheFile, 'utf8')));
    entries = file.success ? new Map(Object.entries(file.data.entries)) : null;
  } catch {
    entries = null;
  }
  return entries;
}

/** While the build loads the content to make the cache: every text parsed. */
let recording: Set<string> | undefined;

/** The value of a YAML text, as `yaml`'s parse gives it; throws as parse does for invalid YAML. */
export function parseYaml(text: string): unknown {
  recording?.add(text);
  const hit = cached()?.get(keyOf(text));
  return hit === undefined ? parse(text) : JSON.parse(hit);
}

/** The YAML texts that `load` parses (the build loads the content through the real loaders, so the cache holds exactly what a start reads). */
export function yamlTextsParsedBy(load: () => unknown): string[] {
  recording = new Set();
  try {
    load();
    return [...recording];
  } finally {
    recording = undefined;
  }
}

/**
 * Writes the cache for the given YAML texts. A text whose value does not survive JSON unchanged
 * (YAML can say things JSON cannot, such as .inf) or that does not parse is left out, so it is
 * parsed from YAML at every start, exactly as without a cache.
 */
export function writeYamlCache(texts: Iterable<string>, path = yamlCachePath()): { cached: number; skipped: number } {
  const written: Record<string, string> = {};
  let skipped = 0;
  for (const text of texts) {
    let value: unknown;
    try {
      value = parse(text);
    } catch {
      skipped += 1;
      continue;
    }
    const json = JSON.stringify(value);
    if (json === undefined || !isDeepStrictEqual(JSON.parse(json), value)) {
      skipped += 1;
      continue;
    }
    written[keyOf(text)] = json;
  }
  writeFileSync(`${path}.tmp`, JSON.stringify({ version: CACHE_VERSION, entries: written }));
  renameSync(`${path}.tmp`, path);
  if (path === cacheFile) entries = undefined;
  return { cached: Object.keys(written).length, skipped };
}
