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
  let joined = ' ';
  const words = new Set<string>();
  const starts = new Set<string>();
  let length = 1;
  for (const token of tokens) length += token.word.length + 1;
  const tokenAt = new Int32Array(length).fill(-1);
  let at = 1;
  tokens.forEach((token, index) => {
    joined += `${token.word} `;
    if (!words.has(token.word)) {
      words.add(token.word);
      starts.add(token.word.slice(0, PREFIX_KEY));
    }
    tokenAt.fill(index, at, at + token.word.length);
    at += token.word.length + 1;
  });
  return { tokens, joined, tokenAt, words, starts };
}

export function prepareText(text: string): PreparedText {
  return prepareTokens(tokenise(text));
}
