/**
 * An age in years, in digits or words ("52", "fifty-two", "thirty thre"); "I'll be 40 next month"
 * is 39. Out of 1-120 is not an age.
 */
import type { Lexicon } from '../../content/lexicon.ts';
import { compileAnswers } from './compiled.ts';
import { readNumbers } from './numbers.ts';
import { readWords } from './words.ts';

export function readAge(text: string, lexicon: Lexicon): number | undefined {
  const { words } = readWords(text, compileAnswers(lexicon).textSpeak);
  const number = readNumbers(words, lexicon.answers).find((n) => !n.article && !n.vague && Number.isInteger(n.value) && n.value >= 1 && n.value <= 120);
  if (!number) return undefined;
  // "I'll be 40 next month", "turning 40 soon": not 40 yet.
  const before = words.slice(Math.max(0, number.from - 2), number.from).map((w) => w.text);
  // "44 next birthday": the age still to come.
  const after = words.slice(number.to + 1, number.to + 3).map((w) => w.text);
  const comingBirthday = after[0] === 'next' && after[1] === 'birthday';
  const future = (before.includes('be') && before.includes('will')) || before.includes('turning') || (before.at(-1) === 'be' && before.at(-2) === 'will') || comingBirthday;
  return future ? number.value - 1 : number.value;
}
