import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCoachingRules } from '../../src/content/coachingRules.ts';

const root = join(import.meta.dirname, '../../content');

// Item 9: only instruments free to use in software; every rule names its source.
describe('the coaching rules and measures in content', () => {
  it('load with a source for every group of rules, and only free instruments', () => {
    const { rules, measures, problems } = loadCoachingRules(root);
    expect(problems).toEqual([]);
    for (const group of [rules!.movement, rules!.laterPhase, rules!.irritability, rules!.flareUp, rules!.painRelief, rules!.weeklyMeasures, rules!.pathway]) expect(group.source.length).toBeGreaterThan(10);
    expect(measures!.measures.map((m) => m.id).sort()).toEqual(['groc', 'limb', 'medication', 'psfs', 'sleep', 'walking']);
    expect(measures!.measures.every((m) => m.licence === 'free')).toBe(true);
  });

  it('refuse an instrument that needs a licence or permission in software', () => {
    for (const [name, licence] of [['Oswestry Disability Index', 'free'], ['PROMIS Physical Function', 'free'], ['STarT Back tool', 'free'], ['Sleep', 'licensed']]) {
      const dir = mkdtempSync(join(tmpdir(), 'measures-'));
      mkdirSync(join(dir, 'coaching'));
      writeFileSync(join(dir, 'coaching', 'rules.yaml'), readFileSync(join(root, 'coaching', 'rules.yaml'), 'utf8'));
      writeFileSync(join(dir, 'coaching', 'measures.yaml'), `source: test\nmeasures:\n  - { id: sleep, name: "${name}", licence: ${licence}, what: "x" }\n`);
      const { problems } = loadCoachingRules(dir);
      expect(problems, name).toEqual([expect.stringMatching(/^coaching\/measures\.yaml: measures\.0/)]);
    }
  });
});
