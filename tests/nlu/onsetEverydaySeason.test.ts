/**
 * A season that is also an everyday word ("fall", "spring") dates the onset only after a cue
 * ("last fall", "in the spring", "since spring") (issue 17): "Sunday. I tripped but didn't actually
 * fall" had been read as last autumn, nearly a year: a recent onset read as older.
 */
import { describe, expect, it } from 'vitest';
import { readOnset } from '../../src/nlu/answers/onset.ts';
import { lexicon } from './content.ts';

const at = '2026-11-27T09:00:00.000Z';
const days = (text: string) => readOnset(text, at, lexicon)?.days;

describe('"fall" and "spring" as everyday words', () => {
  it.each([
    ["Wednesday, I nearly slipped on the ice but didn't fall", 2],
    ['had a fall 4 days ago and it has hurt since', 4],
    ['since the fall on Monday', 4],
    ['Tuesday, felt a spring go in my back lifting the mattress', 3],
  ] as const)('"%s" is %s days', (text, n) => expect(days(text)).toBe(n));

  it('a fall alone is no date', () => expect(days('after a fall')).toBeUndefined());
});

describe('the seasons said as seasons still date it', () => {
  it.each([
    ['since last fall', 362],
    ['it started in the spring', 180],
    ['since spring', 180],
    ['since the summer', 88],
  ] as const)('"%s" is %s days', (text, n) => expect(days(text)).toBe(n));
});
