/**
 * Spelling tolerance towards the concept vocabulary (Damerau-Levenshtein, optimal string
 * alignment): "numbnes" is numbness, "grion" is groin, "thies" is thighs, "swolen" is swollen.
 * Only for words that are not English words already (a word list guards "peeling" from becoming
 * "peeing"), of five letters or more, with the same first letter; one edit, or two when the word
 * is long or the first two letters agree. Short words are left alone: too many sit an edit apart.
 */

const MIN_LENGTH = 5;
const LONG = 8;
const MEMO_LIMIT = 20_000;

/** Optimal string alignment distance, or `limit + 1` as soon as it must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      row.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length]!;
}

export type WordCorrector = (word: string) => string;

/**
 * `vocabulary`: the words concepts are written with. `englishWords`: real words, never corrected
 * (may be empty, then only the vocabulary itself is protected).
 */
export function compileWordCorrector(vocabulary: Iterable<string>, englishWords: { has(word: string): boolean }): WordCorrector {
  const known = new Set(vocabulary);
  const byFirst = new Map<string, string[]>();
  for (const word of known) {
    if (word.length < MIN_LENGTH - 1 || !/^[a-z]+$/.test(word)) continue;
    const list = byFirst.get(word[0]!) ?? [];
    list.push(word);
    byFirst.set(word[0]!, list);
  }
  for (const list of byFirst.values()) list.sort();
  const memo = new Map<string, string>();
  return (word) => {
    if (word.length < MIN_LENGTH || known.has(word) || englishWords.has(word) || !/^[a-z]+$/.test(word)) return word;
    const remembered = memo.get(word);
    if (remembered !== undefined) return remembered;
    // The nearest candidate; between equally near ones, the one sharing the longest start
    // ("stronge" is "strong", not "strange").
    let best = word;
    let bestDistance = Number.POSITIVE_INFINITY;
    let bestShared = -1;
    for (const candidate of byFirst.get(word[0]!) ?? []) {
      const limit = word.length >= LONG || candidate[1] === word[1] ? 2 : 1;
      const allowed = Math.min(limit, candidate.length < MIN_LENGTH ? 1 : limit);
      const distance = editDistance(word, candidate, allowed);
      if (distance > allowed || distance > bestDistance) continue;
      let shared = 0;
      while (shared < word.length && word[shared] === candidate[shared]) shared += 1;
      if (distance < bestDistance || shared > bestShared) {
        best = candidate;
        bestDistance = distance;
        bestShared = shared;
      }
    }
    if (memo.size < MEMO_LIMIT) memo.set(word, best);
    return best;
  };
}
