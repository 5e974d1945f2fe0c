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
import { readNumbers } from './numbers.ts';
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

/** Every duration and weight in the message, with consecutive parts of one amount added up. */
export function readAmounts(text: string, lexicon: Lexicon): Amounts {
  const compiled = compileAnswers(lexicon);
  const { words } = readWords(text, compiled.textSpeak);
  const numbers = readNumbers(words, lexicon.answers);
  const durations: Quantity[] = [];
  const weights: Quantity[] = [];
  for (const number of numbers) {
    const unit = words[number.to + 1]?.text ?? '';
    const day = compiled.durationUnits.get(unit);
    const kg = compiled.weightUnits.get(unit);
    const factor = day ?? kg;
    if (factor === undefined) continue;
    const half = trailingHalf(words, number.to + 2);
    const to = number.to + 1 + (half ? 3 : 0);
    const quantity: Quantity = { value: (number.value + half) * factor, from: number.from, to, approximate: number.vague, clause: words[number.from]!.clause };
    const list = day !== undefined ? durations : weights;
    const previous = list.at(-1);
    // "2 stone 4 lb", "1 year and 2 months": parts of one amount.
    const gap = previous ? number.from - previous.to - 1 : Infinity;
    const adjacent = previous !== undefined && (gap === 0 || (gap === 1 && ['and', ','].includes(words[previous.to + 1]?.text ?? '')));
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
  }
  return { words, durations, weights };
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
