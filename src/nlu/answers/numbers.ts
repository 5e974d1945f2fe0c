/**
 * Numbers in an answer, written in digits or words: "6", "6.5", "six", "fifty-two",
 * "twenty two", "a couple", "one and a half", "half". A number word typed with one letter
 * missing, doubled or swapped ("sevn", "fiev", "thre") is still read, unless it is an everyday
 * word listed in content/lexicon/numbers.yaml (`notNumbers`: "fine" is not "five").
 */
import type { AnswerLexicon } from '../../content/answerLexicon.ts';
import type { Word } from './words.ts';
import { perLexicon } from './perLexicon.ts';

export interface NumberMention {
  value: number;
  /** Word indexes, inclusive. */
  from: number;
  to: number;
  /** "a couple", "a few": a rough amount. */
  vague: boolean;
  /** Written as "a" / "an": a number only when a unit follows. */
  article: boolean;
}

export interface NumberWords {
  single: ReadonlyMap<string, number>;
  tens: ReadonlyMap<string, number>;
  hundred: ReadonlySet<string>;
  article: ReadonlySet<string>;
  vague: ReadonlyMap<string, number>;
  fractions: ReadonlyMap<string, number>;
  notNumbers: ReadonlySet<string>;
  fuzzyTargets: string[];
  memo: Map<string, string | null>;
}

export const numberWords = perLexicon((lexicon: AnswerLexicon): NumberWords => {
  const { numbers } = lexicon;
  const single = new Map(Object.entries({ ...numbers.units, ...numbers.teens }));
  const tens = new Map(Object.entries(numbers.tens));
  const compiled: NumberWords = {
    single,
    tens,
    hundred: new Set(numbers.hundred),
    article: new Set(numbers.article),
    vague: new Map(Object.entries(numbers.vague)),
    fractions: new Map(Object.entries(numbers.fractions)),
    notNumbers: new Set(numbers.notNumbers),
    fuzzyTargets: [...single.keys(), ...tens.keys()].filter((word) => word.length >= 3),
    memo: new Map(),
  };
  return compiled;
});

/** One letter missing, one extra, or two neighbours swapped; never a changed letter ("fine"/"five"). */
function slipOf(typed: string, target: string): boolean {
  if (typed.length === target.length) {
    for (let i = 0; i < typed.length - 1; i += 1) {
      if (typed[i] !== target[i]) return typed[i] === target[i + 1] && typed[i + 1] === target[i] && typed.slice(i + 2) === target.slice(i + 2);
    }
    return false;
  }
  const [short, long] = typed.length < target.length ? [typed, target] : [target, typed];
  if (long.length - short.length !== 1) return false;
  for (let i = 0; i < long.length; i += 1) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}

/** `typed` is `target` with one of its letters typed twice. */
function doubledSlip(typed: string, target: string): boolean {
  if (typed.length !== target.length + 1) return false;
  for (let i = 1; i < typed.length; i += 1) if (typed[i] === typed[i - 1] && typed.slice(0, i) + typed.slice(i + 1) === target) return true;
  return false;
}

/** The number word a typed word stands for, exactly or with one slip, or undefined. */
export function numberWord(word: string, words: NumberWords): string | undefined {
  if (words.single.has(word) || words.tens.has(word)) return word;
  if (word.length < 4 || !/^[a-z]+$/.test(word) || words.notNumbers.has(word)) return undefined;
  const remembered = words.memo.get(word);
  if (remembered !== undefined) return remembered ?? undefined;
  // A three-letter number word only with a letter doubled ("sixx", "tenn"): other slips of so short a word are other words.
  const found = words.fuzzyTargets.find((target) => target[0] === word[0] && (target.length > 3 ? slipOf(word, target) : doubledSlip(word, target))) ?? null;
  if (words.memo.size < 5_000) words.memo.set(word, found);
  return found ?? undefined;
}

const valueOf = (word: string, words: NumberWords) => words.single.get(word) ?? words.tens.get(word);

/** Every number in the words, left to right; a number word run ("twenty two") is one number. */
export function readNumbers(list: Word[], lexicon: AnswerLexicon): NumberMention[] {
  const words = numberWords(lexicon);
  const found: NumberMention[] = [];
  for (let i = 0; i < list.length; i += 1) {
    const word = list[i]!;
    if (word.digits !== undefined) {
      let value = word.digits;
      let to = i;
      // "1 and a half", "2 1/2" is left alone; "1 and a half" is 1.5.
      if (list[i + 1]?.text === 'and' && words.article.has(list[i + 2]?.text ?? '') && words.fractions.has(list[i + 3]?.text ?? '')) {
        value += words.fractions.get(list[i + 3]!.text)!;
        to = i + 3;
      }
      found.push({ value, from: i, to, vague: false, article: false });
      i = to;
      continue;
    }
    // "fiveish", "sevenish": the number, said roughly.
    const roughly = word.text.length >= 6 && word.text.endsWith('ish') ? numberWord(word.text.slice(0, -3), words) : undefined;
    if (roughly !== undefined) {
      found.push({ value: valueOf(roughly, words)!, from: i, to: i, vague: true, article: false });
      continue;
    }
    const name = numberWord(word.text, words);
    if (name !== undefined) {
      let value = valueOf(name, words)!;
      let to = i;
      // "twenty two", "twenty-two"
      if (words.tens.has(name)) {
        const dash = list[i + 1]?.text === '-' ? 1 : 0;
        const unit = numberWord(list[i + 1 + dash]?.text ?? '', words);
        const unitValue = unit !== undefined ? words.single.get(unit) : undefined;
        if (unitValue !== undefined && unitValue > 0 && unitValue < 10) {
          value += unitValue;
          to = i + 1 + dash;
        }
      }
      if (words.hundred.has(list[to + 1]?.text ?? '')) {
        value *= 100;
        to += 1;
      }
      if (list[to + 1]?.text === 'and' && words.article.has(list[to + 2]?.text ?? '') && words.fractions.has(list[to + 3]?.text ?? '')) {
        value += words.fractions.get(list[to + 3]!.text)!;
        to += 3;
      }
      found.push({ value, from: i, to, vague: false, article: false });
      i = to;
      continue;
    }
    // "a couple (of)", "a few"
    const vague = words.vague.get(word.text);
    if (vague !== undefined) {
      const from = words.article.has(list[i - 1]?.text ?? '') ? i - 1 : i;
      if (found.at(-1)?.to === from) found.pop();
      const of = list[i + 1]?.text === 'of' ? 1 : 0;
      found.push({ value: vague, from, to: i + of, vague: true, article: false });
      i += of;
      continue;
    }
    // "half a stone", "half"
    const fraction = words.fractions.get(word.text);
    if (fraction !== undefined) {
      const of = words.article.has(list[i + 1]?.text ?? '') ? 1 : list[i + 1]?.text === 'an' ? 1 : 0;
      found.push({ value: fraction, from: i, to: i + of, vague: false, article: false });
      i += of;
      continue;
    }
    if (words.article.has(word.text)) found.push({ value: 1, from: i, to: i, vague: false, article: true });
  }
  return found;
}
