import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAllContent } from '../../src/contentBundle.ts';
import { parseYaml, useYamlCache, writeYamlCache, yamlCachePath, yamlTextsParsedBy } from '../../src/content/yamlCache.ts';

const contentDir = resolve(import.meta.dirname, '../../content');
const scratch: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'yaml-cache-'));
  scratch.push(dir);
  return dir;
};

afterEach(() => {
  useYamlCache(yamlCachePath());
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A cache of the repository's content, as `npm run build` writes it, in a file of the test's own. */
function cacheOfTheContent(): string {
  const path = join(tempDir(), 'cache.json');
  useYamlCache(null);
  writeYamlCache(yamlTextsParsedBy(() => loadAllContent(contentDir)), path);
  return path;
}

describe('the content cache a start reads instead of parsing YAML', () => {
  it('gives the bot exactly the content it would parse from the files', () => {
    const path = cacheOfTheContent();
    useYamlCache(null);
    const parsed = loadAllContent(contentDir);
    useYamlCache(path);
    const fromCache = loadAllContent(contentDir);
    expect(parsed.problems).toEqual([]);
    expect(fromCache).toEqual(parsed);
  });

  it('reads an edited file from the file, not from a cache made before the edit', () => {
    const path = cacheOfTheContent();
    const copy = join(tempDir(), 'content');
    cpSync(contentDir, copy, { recursive: true });
    const file = join(copy, 'messages.yaml');
    const text = readFileSync(file, 'utf8');
    const [, key, wording] = /^\s*([A-Za-z]+):\s*"?([^"\n]+)"?\s*$/m.exec(text) ?? [];
    expect(key, 'messages.yaml has a one-line message to edit').toBeTruthy();
    writeFileSync(file, text.replace(wording!, 'Edited after the build.'));
    useYamlCache(path);
    const loaded = loadAllContent(copy);
    expect(loaded.problems).toEqual([]);
    expect(JSON.stringify(loaded.bundle)).toContain('Edited after the build.');
  });

  it('still loads the content when the cache file is damaged or missing', () => {
    const damaged = join(tempDir(), 'cache.json');
    writeFileSync(damaged, '{"version":1,"entries":{"x":');
    useYamlCache(null);
    const parsed = loadAllContent(contentDir);
    useYamlCache(damaged);
    expect(loadAllContent(contentDir)).toEqual(parsed);
    useYamlCache(join(tempDir(), 'none.json'));
    expect(loadAllContent(contentDir)).toEqual(parsed);
  });

  it('leaves out a value JSON cannot hold, so it is parsed from YAML as before', () => {
    const path = join(tempDir(), 'cache.json');
    const result = writeYamlCache(['limit: .inf\n', 'name: plain\n', 'broken: [\n'], path);
    expect(result).toEqual({ cached: 1, skipped: 2 });
    useYamlCache(path);
    expect(parseYaml('limit: .inf\n')).toEqual({ limit: Infinity });
    expect(parseYaml('name: plain\n')).toEqual({ name: 'plain' });
    expect(() => parseYaml('broken: [\n')).toThrow();
  });
});
