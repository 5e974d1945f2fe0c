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
}

export function prepareTokens(tokens: Token[]): PreparedText {
  let joined = ' ';
  const owners: number[] = [-1];
  tokens.forEach((token, index) => {
    joined += `${token.word} `;
    for (let i = 0; i < token.word.length; i += 1) owners.push(index);
    owners.push(-1);
  });
  return { tokens, joined, tokenAt: Int32Array.from(owners) };
}

export function prepareText(text: string): PreparedText {
  return prepareTokens(tokenise(text));
}
