/**
 * Tolerance for one slip of the finger in a longer content word ("numbess", "tinglling",
 * "incontinance"). Only words of six letters or more, same first letter, one edit away, and
 * never when one word merely extends the other ("buttock" is not "buttocks": that difference
 * matters clinically). Short words are left alone: too many real words sit one edit apart.
 */
import type { Token } from './normalise.ts';

const MIN_VOCABULARY_LENGTH = 6;
const MIN_TOKEN_LENGTH = 5;

/** Optimal string alignment distance, stopping early once it exceeds 1. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  const previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (previous2[j - 2] ?? 0) + 1);
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > 1) return false;
    previous2.splice(0, previous2.length, ...previous);
    previous = row;
  }
  return (previous[b.length] ?? 2) <= 1;
}

export type SpellingCorrector = (tokens: Token[]) => Token[];

/** Builds a corrector towards the words the content uses; remembers answers (deterministic). */
export function compileSpelling(vocabulary: Iterable<string>): SpellingCorrector {
  const known = new Set(vocabulary);
  const targets = [...known].filter((word) => word.length >= MIN_VOCABULARY_LENGTH && /^[a-z]+$/.test(word)).sort();
  const memo = new Map<string, string>();
  const correct = (word: string): string => {
    if (known.has(word) || word.length < MIN_TOKEN_LENGTH || !/^[a-z]+$/.test(word)) return word;
    const remembered = memo.get(word);
    if (remembered !== undefined) return remembered;
    const target = targets.find(
      (candidate) => candidate[0] === word[0] && !candidate.startsWith(word) && !word.startsWith(candidate) && withinOneEdit(word, candidate),
    );
    const result = target ?? word;
    if (memo.size < 10_000) memo.set(word, result);
    return result;
  };
  return (tokens) => tokens.map((token) => {
    const word = correct(token.word);
    return word === token.word ? token : { ...token, word };
  });
}
