/**
 * Tolerance for one slip of the finger in a longer content word ("numbess", "tinglling",
 * "incontinance"). Only words of six letters or more, same first letter, one edit away, and
 * never when one word merely extends the other ("buttock" is not "buttocks": that difference
 * matters clinically). Short words are left alone: too many real words sit one edit apart.
 */
import { editDistance } from './conceptSpelling.ts';
import type { Token } from './normalise.ts';

const MIN_VOCABULARY_LENGTH = 6;
const MIN_TOKEN_LENGTH = 5;


export type SpellingCorrector = (tokens: Token[]) => Token[];

/**
 * Builds a corrector towards the words the content uses; remembers answers (deterministic).
 * `kept`: words that are never rewritten although no phrase uses them (the words the context
 * rules read: "neither" must not become "nether", "chance" must not become "change").
 */
export function compileSpelling(vocabulary: Iterable<string>, kept: Iterable<string> = []): SpellingCorrector {
  const phraseWordsKnown = new Set(vocabulary);
  const known = new Set([...phraseWordsKnown, ...kept]);
  const targets = [...phraseWordsKnown].filter((word) => word.length >= MIN_VOCABULARY_LENGTH && /^[a-z]+$/.test(word)).sort();
  const memo = new Map<string, string>();
  const correct = (word: string): string => {
    // Short words are never corrected: no lookup at all (they are half of a message's words).
    if (word.length < MIN_TOKEN_LENGTH) return word;
    // Every other answer is remembered (it is pure), so that a word seen before costs one lookup.
    const remembered = memo.get(word);
    if (remembered !== undefined) return remembered;
    const result = corrected(word);
    if (memo.size < 50_000) memo.set(word, result);
    return result;
  };
  const corrected = (word: string): string => {
    if (known.has(word) || word.length < MIN_TOKEN_LENGTH || !/^[a-z]+$/.test(word)) return word;
    const target = targets.find(
      (candidate) => candidate[0] === word[0] && !candidate.startsWith(word) && !word.startsWith(candidate) && editDistance(word, candidate, 1) <= 1,
    );
    return target ?? word;
  };
  // Most messages need no correction: then the same tokens come back, not a copy.
  return (tokens) => {
    let corrected: Token[] | undefined;
    for (let index = 0; index < tokens.length; index += 1) {
      const token = tokens[index]!;
      const word = correct(token.word);
      if (word !== token.word) (corrected ??= tokens.slice(0, index)).push({ ...token, word });
      else corrected?.push(token);
    }
    return corrected ?? tokens;
  };
}
