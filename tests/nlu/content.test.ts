import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/content/lexicon.ts';
import { loadRedFlags } from '../../src/content/redFlags.ts';
import { loadReferralTiers } from '../../src/content/referral.ts';
import { CONTENT_DIR } from './content.ts';

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the real content to break one file in. */
function copyOfContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nlu-content-'));
  scratch.push(dir);
  for (const part of ['red-flags', 'lexicon', 'referral']) cpSync(join(CONTENT_DIR, part), join(dir, part), { recursive: true });
  return dir;
}

const flag = (overrides: string) => `group: test
sources: ["test source"]
flags:
  - id: test.flag
    regions: [lumbar]
    urgency: urgent
    label: A test flag
    question: Is this a test question?
    tell: This is what to tell the person.
    phrases: ["test phrase"]
    source: test
${overrides}`;

describe('red-flag, lexicon and referral content', () => {
  it('loads with zero problems', () => {
    expect(loadRedFlags(CONTENT_DIR).problems).toEqual([]);
    expect(loadLexicon(CONTENT_DIR).problems).toEqual([]);
    expect(loadReferralTiers(CONTENT_DIR).problems).toEqual([]);
  });

  it('has the flags the contract and the clinical facts name, each with a source and a tier', () => {
    const { flags } = loadRedFlags(CONTENT_DIR);
    const ids = flags.map((f) => f.id);
    for (const id of [
      'ces.saddle-numbness', 'ces.bladder-retention', 'ces.bladder-incontinence', 'ces.bowel', 'ces.sexual',
      'ces.bilateral-sciatica', 'ces.bilateral-weakness', 'weakness.progressive', 'weakness.foot-drop',
      'myelopathy.hands', 'myelopathy.gait', 'myelopathy.lhermitte', 'infection.fever', 'infection.risk',
      'cancer.history', 'trauma.significant', 'trauma.neck-fracture', 'soon.weight-loss', 'soon.night-pain',
      'soon.age-over-50-new', 'soon.osteoporosis-steroids',
    ]) expect(ids).toContain(id);
    for (const f of flags.filter((x) => x.id.startsWith('ces.'))) expect(f.urgency).toBe('emergency');
    for (const f of flags.filter((x) => x.screen)) expect(f.question).toBeTruthy();
  });

  it('every region has screening questions', () => {
    const { flags } = loadRedFlags(CONTENT_DIR);
    for (const region of ['lumbar', 'thoracic', 'cervical'] as const) {
      expect(flags.filter((f) => f.screen && f.regions.includes(region)).length).toBeGreaterThan(3);
    }
  });

  it('names the file and field of a broken flag', () => {
    const dir = copyOfContent();
    writeFileSync(join(dir, 'red-flags', 'broken.yaml'), flag('').replace('urgency: urgent', 'urgency: whenever'));
    const problems = loadRedFlags(dir).problems;
    expect(problems.some((p) => p.startsWith('red-flags/broken.yaml: flags.0.urgency'))).toBe(true);
  });

  it('names the file and field of a phrase that does not compile, or an unknown word group', () => {
    const dir = copyOfContent();
    writeFileSync(join(dir, 'red-flags', 'broken.yaml'), flag('').replace('["test phrase"]', '["ok phrase", "(unclosed", "@nosuchgroup here"]'));
    const problems = loadRedFlags(dir).problems;
    expect(problems.some((p) => p.startsWith('red-flags/broken.yaml: flags.0.phrases.1:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('red-flags/broken.yaml: flags.0.phrases.2:') && p.includes('@nosuchgroup'))).toBe(true);
  });

  it('rejects a duplicate id, naming the file', () => {
    const dir = copyOfContent();
    writeFileSync(join(dir, 'red-flags', 'zz-duplicate.yaml'), flag('').replace('test.flag', 'ces.bowel'));
    const problems = loadRedFlags(dir).problems;
    expect(problems).toContainEqual(expect.stringMatching(/^red-flags\/zz-duplicate\.yaml: flags\.0\.id: duplicate red-flag id "ces\.bowel" \(first defined in red-flags\/ces\.yaml\)/));
  });

  it('requires a question for a screened flag', () => {
    const dir = copyOfContent();
    writeFileSync(join(dir, 'red-flags', 'broken.yaml'), flag('').replace('    question: Is this a test question?\n', ''));
    expect(loadRedFlags(dir).problems).toContainEqual(expect.stringMatching(/^red-flags\/broken\.yaml: flags\.0\.question:/));
  });

  it('names the file and field of broken lexicon and referral content', () => {
    const dir = copyOfContent();
    writeFileSync(join(dir, 'lexicon', 'intents.yaml'), 'sources: ["x source"]\nintents:\n  help: ["(help"]\n');
    writeFileSync(join(dir, 'referral', 'tiers.yaml'), 'sources: ["x source"]\ntiers:\n  emergency: { label: E }\n');
    const lexicon = loadLexicon(dir);
    expect(lexicon.lexicon).toBeUndefined();
    expect(lexicon.problems).toContainEqual(expect.stringMatching(/^lexicon\/intents\.yaml: talk_to_clinician|^lexicon\/intents\.yaml: intents\.talk_to_clinician/));
    const referral = loadReferralTiers(dir);
    expect(referral.tiers).toBeUndefined();
    expect(referral.problems).toContainEqual(expect.stringMatching(/^referral\/tiers\.yaml: tiers\.emergency\.timeframe/));
    expect(referral.problems).toContainEqual(expect.stringMatching(/^referral\/tiers\.yaml: tiers\.urgent/));
  });
});
