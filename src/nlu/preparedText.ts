/**
 * A message ready for pattern matching: its tokens, the words joined by single spaces with a
 * space at both ends (so every word is " word"), and a map back from characters to tokens.
 */
import { tokenise, type Token } from './normalise.ts';

export interface PreparedText {
  tokens: Token[];
  joined: string;
  /** For each character of `joined`: the index of the token it belongs to, or -1 for a space. */
  tokenAt: Int32Array;
  /** The distinct words, so a pattern whose anchor word is absent is skipped without running. */
  words: Set<string>;
  /** The first PREFIX_KEY letters of every word, a quick first test for prefix anchors ("numb*"). */
  starts: Set<string>;
}

export const PREFIX_KEY = 3;

export function prepareTokens(tokens: Token[]): PreparedText {
  const count = tokens.length;
  const texts = new Array<string>(count);
  let length = 1;
  for (let index = 0; index < count; index += 1) {
    const word = tokens[index]!.word;
    texts[index] = word;
    length += word.length + 1;
  }
  const joined = count === 0 ? ' ' : ` ${texts.join(' ')} `;
  // The map back to tokens serves only a regex match: built the first time one is read.
  let tokenAt: Int32Array | undefined;
  const mapBack = (): Int32Array => {
    const map = new Int32Array(length).fill(-1);
    let at = 1;
    for (let index = 0; index < count; index += 1) {
      const end = at + tokens[index]!.word.length;
      for (let char = at; char < end; char += 1) map[char] = index;
      at = end + 1;
    }
    return map;
  };
  // The word sets serve only the anchor test of `findSpans`: built the first time it asks.
  let words: Set<string> | undefined;
  let starts: Set<string> | undefined;
  const sets = () => {
    words = new Set(texts);
    starts = new Set();
    for (const word of words) starts.add(word.slice(0, PREFIX_KEY));
  };
  return {
    tokens,
    joined,
    get tokenAt() {
      return (tokenAt ??= mapBack());
    },
    get words() {
      if (words === undefined) sets();
      return words!;
    },
    get starts() {
      if (starts === undefined) sets();
      return starts!;
    },
  };
}

export function prepareText(text: string): PreparedText {
  return prepareTokens(tokenise(text));
}
