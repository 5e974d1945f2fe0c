/** The context rules are content (content/lexicon/context.yaml): a broken file is refused with a message naming the file and the list. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContextRules } from '../../src/content/contextRules.ts';
import { loadContent } from '../../src/content/index.ts';
import { CONTENT_DIR } from './content.ts';

const real = readFileSync(join(CONTENT_DIR, 'lexicon', 'context.yaml'), 'utf8');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function problemsOf(text: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'context-rules-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'lexicon'));
  writeFileSync(join(dir, 'lexicon', 'context.yaml'), text);
  const problems: string[] = [];
  const rules = loadContextRules(dir, problems);
  if (problems.length > 0) expect(rules).toBeUndefined();
  return problems;
}

describe('content/lexicon/context.yaml', () => {
  it('loads the real file with every list', () => {
    expect(problemsOf(real)).toEqual([]);
  });

  it('refuses a missing list, naming it', () => {
    expect(problemsOf(real.replace(/^pseudo: \[/m, 'pseudoo: ['))).toEqual(expect.arrayContaining([expect.stringMatching(/^lexicon\/context\.yaml: pseudo: /), expect.stringMatching(/^lexicon\/context\.yaml: \(file\): .*pseudoo/)]));
  });

  it('refuses an empty list', () => {
    expect(problemsOf(real.replace(/^limbs: \[.*\]$/m, 'limbs: []'))).toEqual(['lexicon/context.yaml: limbs: give at least one phrase']);
  });

  it('refuses a phrase not in lower case, or with stray spacing or punctuation', () => {
    for (const phrase of ['Not', 'no  longer', "can't", ' no', 'gone$ now']) {
      const problems = problemsOf(real.replace(/^notOver: \[/m, `notOver: ["${phrase}", `));
      expect(problems, phrase).toEqual(['lexicon/context.yaml: notOver.0: lower-case words with single spaces (a trailing $ only)']);
    }
  });

  it('refuses a reach that is not a whole number of words', () => {
    expect(problemsOf(real.replace(/^beforeReach: \d+$/m, 'beforeReach: six'))).toEqual([expect.stringMatching(/^lexicon\/context\.yaml: beforeReach: /)]);
    expect(problemsOf(real.replace(/^afterReach: \d+$/m, 'afterReach: 0'))).toEqual([expect.stringMatching(/^lexicon\/context\.yaml: afterReach: /)]);
  });

  it('says so when the file is missing or not YAML', () => {
    expect(problemsOf('before: [no, not')).toEqual([expect.stringMatching(/^lexicon\/context\.yaml: not valid YAML/)]);
    const empty = mkdtempSync(join(tmpdir(), 'context-rules-'));
    dirs.push(empty);
    const problems: string[] = [];
    expect(loadContextRules(empty, problems)).toBeUndefined();
    expect(problems).toEqual(['lexicon/context.yaml: file is missing']);
  });

  it('stops start-up with one clear message (the red flags and the lexicon both read it)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'context-rules-'));
    dirs.push(dir);
    cpSync(CONTENT_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'lexicon', 'context.yaml'), real.replace(/^limbs: \[.*\]$/m, 'limbs: []'));
    const load = loadContent(dir);
    expect(load.content).toBeUndefined();
    expect(load.problems).toEqual(['lexicon/context.yaml: limbs: give at least one phrase']);
  });
});
