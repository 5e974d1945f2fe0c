/**
 * Amounts with a unit, converted to one unit per kind (content/lexicon/units.yaml): durations in
 * days ("10 days", "3 wks", "a fortnight", "half a year", "a week and a half"), weights in
 * kilograms ("20 lbs", "2 stone", "2 stone 4 lb", "5 kilos"). "10 days" is never 10 weeks and
 * "20 lbs" never 20 kg. Where a message gives several amounts of one kind that do not add up
 * ("2 stone 4 lb" adds up), the cautious one is taken: the shortest time (the most recent flare,
 * the most recent operation) and the lightest weight.
 */
import type { Lexicon } from '../../content/lexicon.ts';
import { mentions } from '../phraseSet.ts';
import { prepareText } from '../preparedText.ts';
import { answerText, compileAnswers } from './compiled.ts';
import { readNumbers, type NumberMention } from './numbers.ts';
import { readWords, type Word } from './words.ts';

export interface Quantity {
  /** In days or kilograms. */
  value: number;
  /** Word indexes of the amount, inclusive. */
  from: number;
  to: number;
  approximate: boolean;
  clause: number;
}

export interface Amounts {
  words: Word[];
  durations: Quantity[];
  weights: Quantity[];
}

/** "a week and a half": half a unit more. */
function trailingHalf(words: Word[], at: number): number {
  return words[at]?.text === 'and' && ['a', 'an'].includes(words[at + 1]?.text ?? '') && words[at + 2]?.text === 'half' ? 0.5 : 0;
}

const RANGE_JOINERS = new Set(['to', '-', '\u2013', 'or']);

/** Words before which a dictated "to" or "too" is the number two: "for the last to weeks". */
const BEFORE_TWO = new Set(['last', 'the', 'for', 'about', 'around', 'past', 'like', 'over', 'nearly', 'almost']);

/** "for the last to weeks": "to" dictated for "two" before a plural unit of time. */
function misheardTwo(words: Word[], units: ReadonlyMap<string, number>) {
  return words.flatMap((word, index) => {
    const unit = words[index + 1]?.text ?? '';
    const misheard = (word.text === 'to' || word.text === 'too') && unit.endsWith('s') && units.has(unit) && BEFORE_TWO.has(words[index - 1]?.text ?? '');
    return misheard ? [{ value: 2, from: index, to: index, vague: false, article: false }] : [];
  });
}

/** Every duration and weight in the message, with consecutive parts of one amount added up. */
export function readAmounts(text: string, lexicon: Lexicon): Amounts {
  const compiled = compileAnswers(lexicon);
  const { words } = readWords(text, compiled.textSpeak);
  const numbers = [...readNumbers(words, lexicon.answers), ...misheardTwo(words, compiled.durationUnits)].sort((a, b) => a.from - b.from);
  const durations: Quantity[] = [];
  const weights: Quantity[] = [];
  // The first number of a range ("between 5 and 10 kilos") is an amount of its own, never a part of the next.
  const rangeStarts = new Set<Quantity>();
  const denominators = new Set<NumberMention>();
  for (const [index, number] of numbers.entries()) {
    if (denominators.has(number)) continue;
    // "6/52", "2/12 ago", "3/7 ago": the clinical notation of weeks, months and days.
    const over = numbers[index + 1];
    const notation = over && words[number.to + 1]?.text === '/' && over.from === number.to + 2 ? clinicalDays(over.value, words[over.to + 1]?.text) : undefined;
    if (notation !== undefined) {
      denominators.add(over!);
      durations.push({ value: number.value * notation, from: number.from, to: over!.to, approximate: false, clause: words[number.from]!.clause });
      continue;
    }
    // "2 to 3 kg", "2-3 weeks": the first number of a range takes the unit said after the second.
    const next = numbers[index + 1];
    const joiner = words[number.to + 1]?.text ?? '';
    const between = joiner === 'and' && words[number.from - 1]?.text === 'between';
    const joined = next !== undefined && (RANGE_JOINERS.has(joiner) || between) && next.from === number.to + 2;
    const unit = words[number.to + 1]?.text && !joined ? words[number.to + 1]!.text : joined ? (words[next.to + 1]?.text ?? '') : '';
    // "they did it as a day case", "day surgery": a kind of care, not an amount of time.
    const unitAt = joined ? next.to + 1 : number.to + 1;
    const day = compiled.notDuration.has(words[unitAt + 1]?.text ?? '') ? undefined : compiled.durationUnits.get(unit);
    const kg = compiled.weightUnits.get(unit);
    const factor = day ?? kg;
    if (factor === undefined) continue;
    const half = joined ? 0 : trailingHalf(words, number.to + 2);
    // The first number of a range ends where it is said, so the second is not added to it.
    const to = joined ? number.to : number.to + 1 + (half ? 3 : 0);
    const quantity: Quantity = { value: (number.value + half) * factor, from: number.from, to, approximate: number.vague, clause: words[number.from]!.clause };
    const list = day !== undefined ? durations : weights;
    const previous = list.at(-1);
    // "2 stone 4 lb", "1 year and 2 months": parts of one amount.
    const gap = previous ? number.from - previous.to - 1 : Infinity;
    const adjacent = previous !== undefined && !rangeStarts.has(previous) && (gap === 0 || (gap === 1 && ['and', ','].includes(words[previous.to + 1]?.text ?? '')));
    // "10 kg (22 lb)", "2 weeks (14 days)": the same amount said again in another unit, not a part.
    if (adjacent && Math.abs(previous.value - quantity.value) <= 0.1 * Math.max(previous.value, quantity.value)) {
      previous.to = to;
      continue;
    }
    if (adjacent) {
      previous.value += quantity.value;
      previous.to = to;
      continue;
    }
    list.push(quantity);
    if (joined) rangeStarts.add(quantity);
  }
  return { words, durations, weights };
}

/** Days per unit of "n/52" (weeks); "n/12" (months) and "n/7" (days) only with "ago", for "3/12" is also a date and "6/7" a score. */
function clinicalDays(denominator: number, after: string | undefined): number | undefined {
  if (denominator === 52) return 7;
  if (after !== 'ago') return undefined;
  return denominator === 12 ? 30.4 : denominator === 7 ? 1 : undefined;
}

const approximately = (text: string, lexicon: Lexicon) => mentions(compileAnswers(lexicon).approximate, prepareText(text), false).length > 0;

/** A duration said with its unit, in whole days; the shortest when several are given. */
export function parseDays(text: string, lexicon: Lexicon): { days: number; approximate: boolean } | undefined {
  const { durations } = readAmounts(text, lexicon);
  if (durations.length === 0) return undefined;
  const shortest = durations.reduce((a, b) => (b.value < a.value ? b : a));
  return { days: Math.round(shortest.value), approximate: shortest.approximate || approximately(text, lexicon) };
}

/** A weight said with its unit, in kilograms to one decimal; the lightest when several are given. */
export function parseKg(text: string, lexicon: Lexicon): { kg: number; approximate: boolean } | undefined {
  const { weights } = readAmounts(text, lexicon);
  if (weights.length === 0) return undefined;
  const lightest = weights.reduce((a, b) => (b.value < a.value ? b : a));
  return { kg: Math.round(lightest.value * 10) / 10, approximate: lightest.approximate || approximately(text, lexicon) };
}

/** "They didn't give a number", "can't remember", "nothing heavy": no amount known (units.yaml `unknown`). */
export function unknownAmount(text: string, lexicon: Lexicon): boolean {
  const compiled = compileAnswers(lexicon);
  return mentions(compiled.unknownAmount, prepareText(answerText(text, compiled)), false).length > 0;
}
