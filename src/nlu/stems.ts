/**
 * Word stems (Porter, the `stemmer` package: pure JS, no model), so a concept written once as
 * "numb" or "leak" also covers "numbness", "leaking", "leaked". Remembered per word: stemming is
 * the costliest step of reading a message, and people reuse the same few hundred words.
 */
import { stemmer } from 'stemmer';

const MEMO_LIMIT = 50_000;
const memo = new Map<string, string>();

export function stemOf(word: string): string {
  const known = memo.get(word);
  if (known !== undefined) return known;
  // Numbers and the sentence marker stay as they are; very short words are their own stem.
  const stem = word.length <= 2 || !/^[a-z]+$/.test(word) ? word : stemmer(word);
  if (memo.size < MEMO_LIMIT) memo.set(word, stem);
  return stem;
}
