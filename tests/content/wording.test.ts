import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadAllContent } from '../../src/contentBundle.ts';
import { fill, missingSlots } from '../../src/wording/fill.ts';

const shipped = join(import.meta.dirname, '../../content');

/** A copy of the content folder with one YAML file changed. */
function contentWith(file: string, change: (doc: ReturnType<typeof parseDocument>) => void): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'wording-')), 'content');
  cpSync(shipped, dir, { recursive: true });
  const doc = parseDocument(readFileSync(join(dir, file), 'utf8'));
  change(doc);
  writeFileSync(join(dir, file), doc.toString());
  return dir;
}

describe('content check: every message and question the coach can emit', () => {
  it('passes on the shipped content', () => {
    expect(loadAllContent(shipped).problems).toEqual([]);
  });

  it('fails, naming the key, when a message the machine says is removed', () => {
    const { bundle, problems } = loadAllContent(contentWith('messages.yaml', (doc) => doc.delete('hold.statementIntro')));
    expect(bundle).toBeUndefined();
    expect(problems).toEqual(['messages.yaml: hold.statementIntro: message is missing']);
  });

  it('fails when a message only a value names is removed (the words for one outcome a clinician can choose)', () => {
    const { problems } = loadAllContent(contentWith('messages.yaml', (doc) => doc.delete('clinician.left.seen_in_ed')));
    expect(problems).toEqual(['messages.yaml: clinician.left.seen_in_ed: message is missing']);
  });

  it('fails when a question the machine asks is removed, including those the old list did not cover', () => {
    const { problems } = loadAllContent(contentWith('questions.yaml', (doc) => doc.delete('clinicianAssessed')));
    expect(problems).toEqual(['questions.yaml: clinicianAssessed: question is missing']);
  });

  it('fails when a message uses a slot the coach does not fill, naming the slot and what is filled', () => {
    const { problems } = loadAllContent(contentWith('messages.yaml', (doc) => doc.set('hold.statementIntro', 'Since {day}, have you been seen?')));
    expect(problems).toEqual(['messages.yaml: hold.statementIntro: uses {day}, which the coach does not fill here (it fills: date)']);
  });
});

describe('fill: the one wording layer', () => {
  it('puts values and singular or plural words into a template', () => {
    expect(fill('{n} {n?night|nights} since {date}', { n: 1, date: '2 May' })).toBe('1 night since 2 May');
    expect(fill('{n} {n?night|nights}', { n: 3 })).toBe('3 nights');
  });

  it('never shows a raw slot to a person: a slot with no value comes out empty, and the check can name it', () => {
    expect(fill('Please keep it under {limit} characters.', { length: 5000 })).toBe('Please keep it under  characters.');
    expect(missingSlots('Please keep it under {limit} characters ({length}).', ['length'])).toEqual(['limit']);
  });
});
