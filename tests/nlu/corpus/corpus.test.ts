import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusError, loadCorpus } from './load.ts';
import { SIGN_IDS, SIGNS, type Entry } from './schema.ts';
import { checksumsFor, CORPUS_DIR, entriesToYaml, partOf, writeGroup } from './split.ts';

// Counts and integrity only: the coach is never run on the locked part here.
describe('the corpus as committed', () => {
  const corpus = loadCorpus();
  const all = [...corpus.dev, ...(corpus.locked ?? [])];

  it('has at least 1,500 entries, 300 benign look-alikes and 600 answers', () => {
    expect(all.length).toBeGreaterThanOrEqual(1500);
    expect(all.filter((entry) => entry.sign?.expect === 'none').length).toBeGreaterThanOrEqual(300);
    expect(all.filter((entry) => entry.answer).length).toBeGreaterThanOrEqual(600);
  });

  it('has at least 10 phrasings of every warning sign in SCHEMA.md', () => {
    const thin = SIGN_IDS.filter((id) => all.filter((entry) => entry.sign && entry.sign.expect !== 'none' && entry.sign.ids?.includes(id)).length < 10);
    expect(thin).toEqual([]);
  });

  it('covers every state and every answer kind', () => {
    const states = new Set(all.map((entry) => entry.state));
    for (const state of ['consent', 'greeting', 'region', 'pain', 'reach', 'sides', 'onset', 'surgery', 'surgeryWhen', 'age', 'liftingLimit', 'redFlagQuestion', 'confirm', 'startSession', 'checkInPain', 'checkInLimb', 'checkInWarning', 'exercise', 'idle']) {
      expect(states, state).toContain(state);
    }
    const kinds = new Set(all.flatMap((entry) => (entry.answer ? [entry.answer.kind] : [])));
    expect([...kinds].sort()).toEqual(['age', 'intent', 'liftingLimit', 'movement', 'onset', 'pain', 'reach', 'region', 'sides', 'surgery', 'surgeryWhen', 'yesNo']);
  });

  it('splits about 70/30 by the hash of the id', () => {
    const share = corpus.dev.length / all.length;
    expect(share).toBeGreaterThan(0.62);
    expect(share).toBeLessThan(0.78);
  });

  it('has locked files whose checksums are exactly those in locked/SHA256SUMS', () => {
    expect(checksumsFor(CORPUS_DIR)).toBe(readFileSync(join(CORPUS_DIR, 'locked', 'SHA256SUMS'), 'utf8'));
    expect(corpus.lockedSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the same warning signs and tiers as SCHEMA.md', () => {
    const schema = readFileSync(join(CORPUS_DIR, 'SCHEMA.md'), 'utf8');
    const table = Object.fromEntries([...schema.matchAll(/^\| `([a-z0-9.-]+)` \| (emergency|urgent|soon) \|/gm)].map((match) => [match[1], match[2]]));
    expect(table).toEqual(SIGNS);
  });
});

describe('partOf', () => {
  it('sends about 70 % of ids to the development part, the same way every time', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `entry-${i}`);
    const dev = ids.filter((id) => partOf(id) === 'dev').length / ids.length;
    expect(dev).toBeGreaterThan(0.68);
    expect(dev).toBeLessThan(0.72);
    expect(ids.map(partOf)).toEqual(ids.map(partOf));
  });
});

describe('the loader refuses', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** An id with the given prefix that hashes to the given part. */
  const idIn = (part: 'dev' | 'locked', prefix: string) => {
    for (let i = 1; ; i++) if (partOf(`${prefix}-${i}`) === part) return `${prefix}-${i}`;
  };
  const entry = (id: string, extra: Partial<Entry> = {}): Entry => ({
    id,
    text: 'I can no longer feel the toilet paper',
    state: 'pain',
    register: ['plain'],
    sign: { expect: 'refer', tier: 'emergency', ids: ['ces.saddle-numbness'], how: 'present' },
    ...extra,
  });
  /** A small corpus with one entry in each part, written the way split.ts writes it. */
  const fixture = () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    dirs.push(dir);
    writeGroup(dir, 'sample', [entry(idIn('dev', 'a')), entry(idIn('locked', 'b'))], new Set());
    return dir;
  };
  const problemsOf = (dir: string) => {
    try {
      loadCorpus({ dir });
    } catch (error) {
      if (error instanceof CorpusError) return error.problems.join('\n');
      throw error;
    }
    return '';
  };
  const writeDev = (dir: string, entries: unknown[]) => writeFileSync(join(dir, 'dev', 'extra.yaml'), entriesToYaml(entries as Entry[]));

  it('nothing in a well-formed corpus', () => {
    const corpus = loadCorpus({ dir: fixture() });
    expect(corpus.dev).toHaveLength(1);
    expect(corpus.locked).toHaveLength(1);
  });

  it('a duplicate id, even across files', () => {
    const dir = fixture();
    writeDev(dir, [entry(idIn('dev', 'a'))]);
    expect(problemsOf(dir)).toMatch(/duplicate id/);
  });

  it('an unknown warning-sign id', () => {
    const dir = fixture();
    writeDev(dir, [entry(idIn('dev', 'c'), { sign: { expect: 'refer', tier: 'emergency', ids: ['ces.made-up' as never] } })]);
    expect(problemsOf(dir)).toMatch(/unknown warning-sign id/);
  });

  it('an unknown state', () => {
    const dir = fixture();
    writeDev(dir, [entry(idIn('dev', 'c'), { state: 'lunch' as never })]);
    expect(problemsOf(dir)).toMatch(/unknown state/);
  });

  it('an unknown answer kind', () => {
    const dir = fixture();
    writeDev(dir, [entry(idIn('dev', 'c'), { answer: { kind: 'mood', value: 'fine' } as never })]);
    expect(problemsOf(dir)).toMatch(/unknown answer kind/);
  });

  it('an entry with neither a sign nor an answer', () => {
    const dir = fixture();
    writeDev(dir, [{ id: idIn('dev', 'c'), text: 'hello', state: 'idle', register: ['plain'] }]);
    expect(problemsOf(dir)).toMatch(/needs a sign, an answer, or both/);
  });

  it('an entry placed in the part its id does not hash to', () => {
    const dir = fixture();
    writeDev(dir, [entry(idIn('locked', 'c'))]);
    expect(problemsOf(dir)).toMatch(/hashes to the locked part/);
  });

  it('a locked file whose checksum does not match SHA256SUMS', () => {
    const dir = fixture();
    const changed = entriesToYaml([entry(idIn('locked', 'b'), { text: 'edited to make it pass' })]);
    writeFileSync(join(dir, 'locked', 'sample.yaml.gz'), gzipSync(Buffer.from(changed)));
    expect(problemsOf(dir)).toMatch(/checksum does not match/);
  });

  it('a locked file missing from SHA256SUMS, and a listed file that is missing', () => {
    const dir = fixture();
    writeFileSync(join(dir, 'locked', 'other.yaml.gz'), gzipSync(Buffer.from(entriesToYaml([entry(idIn('locked', 'd'))]))));
    rmSync(join(dir, 'locked', 'sample.yaml.gz'));
    const problems = problemsOf(dir);
    expect(problems).toMatch(/other\.yaml\.gz is not listed/);
    expect(problems).toMatch(/lists sample\.yaml\.gz, which is missing/);
  });

  it('to add a group that exists already, so locked files are never rewritten', () => {
    const dir = fixture();
    expect(() => writeGroup(dir, 'sample', [entry(idIn('dev', 'e'))], new Set())).toThrow(/exists already/);
  });
});
