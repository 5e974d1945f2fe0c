/**
 * Typed 0-10 scores: "6", "6/10", "six", "about a 7", "7 out of 10".
 * Decisions (also written in content/lexicon/scores.yaml, where clinicians read them):
 * - outside 0-10 is not a score ("11", "-1"); a total other than 10 ("3/5") is not read;
 * - a half or a range ("6.5", "6-7", "6 or 7") rounds half up (7): the scales are whole numbers
 *   and erring high is the cautious side for pain;
 * - a number followed by a unit ("10 minutes", "2 km") is not a score;
 * - two different scores in one message are not read: the coach asks again.
 */
import type { Lexicon } from '../content/lexicon.ts';
import { compileLexicon, type CompiledLexicon } from './compiledLexicon.ts';
import { foldText } from './normalise.ts';
import { mentions } from './phraseSet.ts';
import { prepareText } from './preparedText.ts';

const NUMBER = String.raw`\d+(?:[.,]\d+)?`;
const OUT_OF = new RegExp(String.raw`(-?${NUMBER})\s*(?:\/|out of|outta|from)\s*(${NUMBER})`, 'g');
const RANGE = new RegExp(String.raw`(?<![\w.,-])(${NUMBER})\s*(?:-|\u2013|to|or|and)\s*(${NUMBER})(?!\w|[.,]\d)`, 'g');
const SINGLE = new RegExp(String.raw`(?<![\w.,])(-?${NUMBER})(?!\w|[.,]\d)`, 'g');

const toNumber = (raw: string): number => Number(raw.replace(',', '.'));

/** 0-10, rounded half up; anything else is not a score. */
function toScore(value: number): number | undefined {
  return Number.isFinite(value) && value >= 0 && value <= 10 ? Math.floor(value + 0.5) : undefined;
}

function withDigits(text: string, lexicon: CompiledLexicon): string {
  const folded = foldText(text);
  if (lexicon.numberWordPattern === undefined) return folded;
  return folded.replace(lexicon.numberWordPattern, (word) => String(lexicon.numberWords.get(word) ?? word));
}

/** The one score in the values, or undefined when none, several, or any is out of range. */
function single(values: Array<number | undefined>): number | undefined {
  if (values.length === 0 || values.some((value) => value === undefined)) return undefined;
  const distinct = new Set(values);
  return distinct.size === 1 ? values[0] : undefined;
}

export function parseScore(text: string, lexicon: Lexicon): number | undefined {
  const compiled = compileLexicon(lexicon);
  const digits = withDigits(text, compiled);

  const outOf = [...digits.matchAll(OUT_OF)];
  if (outOf.length > 0) return single(outOf.map((match) => (toNumber(match[2] ?? '') === 10 ? toScore(toNumber(match[1] ?? '')) : undefined)));

  const values: Array<number | undefined> = [];
  const rest = digits.replace(RANGE, (_whole, low: string, high: string) => {
    const [a, b] = [toScore(toNumber(low)), toScore(toNumber(high))];
    values.push(a === undefined || b === undefined ? undefined : toScore((toNumber(low) + toNumber(high)) / 2));
    return ' ';
  });
  for (const match of rest.matchAll(SINGLE)) {
    const after = rest.slice(match.index + match[0].length);
    if (compiled.unitAfterNumber.test(after) || /^\s*%/.test(after)) continue;
    values.push(toScore(toNumber(match[1] ?? '')));
  }
  if (values.length > 0) return single(values);
  return mentions(compiled.zero, prepareText(text), true).length > 0 ? 0 : undefined;
}
