import { mkdirSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExercises } from '../../src/content/exercises.ts';
import { checkPlanReferences, loadCoachingContent, loadPlans } from '../../src/content/plans.ts';
import { parseEducation } from '../../src/content/education.ts';

const root = join(import.meta.dirname, '../../content');

describe('coaching content', () => {
  it('loads every exercise, plan and education piece with zero problems', () => {
    const loaded = loadCoachingContent(root);
    expect(loaded.problems).toEqual([]);
    // A plan for every region and phase: 3 × 6 (the flare-up plan for bad days is the sixth).
    expect(loaded.plans).toHaveLength(18);
    expect(Object.keys(loaded.exercises).length).toBeGreaterThanOrEqual(15);
    expect(Object.keys(loaded.education).sort()).toEqual(
      [
        'after-surgery', 'centralization', 'faq-costs', 'faq-how-long', 'finding-a-physio', 'first-48-hours', 'flare-up', 'herniation-basics',
        'lifting-and-posture', 'manual-therapy', 'medication', 'prevention', 'traction',
      ],
    );
  });

  it('keeps the prone extension progression as one exercise with stages in order', () => {
    const prone = loadExercises(join(root, 'exercises')).items.find((i) => i.value.id === 'prone-extension')!.value;
    expect(prone.stages.map((s) => s.id)).toEqual(['prone-lying', 'prone-on-elbows', 'press-ups']);
    expect(prone.contraindications).toContain('fusion');
  });

  it('reports a broken exercise file with the file name and the field', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'content-')), 'exercises');
    mkdirSync(dir);
    const good = readFileSync(join(root, 'exercises', 'bird-dog.yaml'), 'utf8');
    // A stage with no amount, a misspelled safety field, and an unknown region.
    const broken = good
      .replace('dose: { sets: 2, reps: 10, holdSeconds: 5, perSide: true }', 'dose: { sets: 2 }')
      .replace('stopIf:', 'stopif:')
      .replace('regions: [lumbar, thoracic]', 'regions: [lumbar, knee]');
    writeFileSync(join(dir, 'bird-dog.yaml'), broken);
    const { items, problems } = loadExercises(dir);
    expect(items).toEqual([]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^exercises\/bird-dog\.yaml: stages\.0\.dose: a dose needs reps/),
        expect.stringMatching(/^exercises\/bird-dog\.yaml: stopIf: /),
        expect.stringMatching(/^exercises\/bird-dog\.yaml: \(file\): .*stopif/i),
        expect.stringMatching(/^exercises\/bird-dog\.yaml: regions\.1: /),
      ]),
    );
  });

  it('reports a plan that names an unknown exercise, with the file and field', () => {
    const exercises = loadExercises(join(root, 'exercises')).items.map((i) => i.value);
    const plans = loadPlans(join(root, 'plans')).items.map((p) =>
      p.value.id === 'cervical-ongoing'
        ? { ...p, value: { ...p.value, blocks: [{ purpose: 'core' as const, exercises: ['neck-crunches'] }] } }
        : p,
    );
    expect(checkPlanReferences(plans, exercises, [])).toEqual(
      expect.arrayContaining(['plans/cervical-ongoing.yaml: blocks.0.exercises.0: unknown exercise "neck-crunches"']),
    );
  });

  it('reports an education piece without a title and one that is a wall of text', () => {
    const missing = parseEducation('x.md', '---\nid: x\ntopics: [a]\nsource: s\n---\nShort.');
    expect(missing.problems).toEqual([expect.stringMatching(/^x\.md: title: /)]);
    const long = parseEducation('y.md', `---\nid: y\ntitle: Y\ntopics: [a]\nsource: s\n---\n${'word '.repeat(300)}`);
    expect(long.problems).toEqual([expect.stringMatching(/^y\.md: body: \d+ characters/)]);
  });
});
