import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { keepLineBreaks } from '../../src/channels/text.ts';
import { teamsPerson } from './teamsReplay.ts';
import { botForSuite } from '../helpers/suiteBot.ts';

const CONTENT = join(import.meta.dirname, '../../content');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ya?ml|md)$/.test(name) ? [path] : [];
  });
}

/** Every string a file holds (YAML values; Markdown as it is). */
function strings(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.md')) return [text];
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(parse(text));
  return out;
}

/** Pairs English allows ("that that", "had had"); anything else doubled is a typo a person would notice. */
const ALLOWED = new Set(['that that', 'had had']);

describe('text as people see it', () => {
  it('no doubled words anywhere in what the coach says ("go on on these terms")', () => {
    // Word lists the detector matches against are not sentences; everything else is.
    const said = files(CONTENT).filter((path) => !relative(CONTENT, path).startsWith('lexicon'));
    expect(said.length).toBeGreaterThan(10);
    const doubled: string[] = [];
    for (const path of said) {
      for (const value of strings(path)) {
        for (const match of value.matchAll(/\b([A-Za-z']+)\s+\1\b/gi)) {
          if (!ALLOWED.has(match[0].toLowerCase().replace(/\s+/g, ' '))) doubled.push(`${relative(CONTENT, path)}: "${match[0]}" in "${value.slice(Math.max(0, match.index - 30), match.index + 40)}"`);
        }
      }
    }
    expect(doubled).toEqual([]);
  });

  it('keeps each line break as written, for Teams and Web Chat, where Markdown would join the lines', () => {
    expect(keepLineBreaks('Pain: 4\nSleep: poor')).toBe('Pain: 4\n\nSleep: poor');
    expect(keepLineBreaks('One paragraph.\n\nAnother.')).toBe('One paragraph.\n\nAnother.');
    expect(keepLineBreaks('a\r\nb')).toBe('a\n\nb');
    expect(keepLineBreaks('1. first\n2. second\n3. third')).toBe('1. first\n\n2. second\n\n3. third');
    expect(keepLineBreaks('before\n```\ncode\nkept\n```\nafter')).toBe('before\n```\ncode\nkept\n```\nafter');
    expect(keepLineBreaks('no breaks')).toBe('no breaks');
  });
});

describe('line breaks through a real turn', () => {
  const bot = botForSuite('pglite');

  it('a list of lines (what the coach knows about the person) reaches Teams with every line break kept', async () => {
    const person = teamsPerson(bot.url);
    for (const activity of person.installActivities()) await person.post(activity);
    await person.post(person.message('yes'));
    const reply = await person.post(person.message('what do you know about me'));
    const text = reply.activities.filter((a) => a.type === 'message').map((a) => a.text ?? '').join('\n\n');
    expect(text.split('\n\n').length).toBeGreaterThan(2);
    // No line is left that Markdown would join to the next.
    expect(text).not.toMatch(/[^\n]\n[^\n]/);
  });
});
