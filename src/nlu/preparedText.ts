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

/**
 * The lazily built parts are kept on one class, not behind getters of an object literal made per
 * message: each such literal's getters are new closures, which gives every message's object a
 * hidden class of its own, held in old space, and that kept the whole message (its tokens, its
 * joined text) reachable to the young-generation collector until the next full collection.
 */
class Prepared implements PreparedText {
  readonly tokens: Token[];
  readonly joined: string;
  private readonly texts: string[];
  /** The length of `joined`. */
  private readonly length: number;
  private tokenAtMap: Int32Array | undefined;
  private wordSet: Set<string> | undefined;
  private startSet: Set<string> | undefined;

  constructor(tokens: Token[], texts: string[], length: number) {
    this.tokens = tokens;
    this.texts = texts;
    this.length = length;
    this.joined = tokens.length === 0 ? ' ' : ` ${texts.join(' ')} `;
  }

  // The map back to tokens serves only a regex match: built the first time one is read.
  get tokenAt(): Int32Array {
    if (this.tokenAtMap === undefined) {
      const map = new Int32Array(this.length).fill(-1);
      let at = 1;
      for (let index = 0; index < this.tokens.length; index += 1) {
        const end = at + this.tokens[index]!.word.length;
        for (let char = at; char < end; char += 1) map[char] = index;
        at = end + 1;
      }
      this.tokenAtMap = map;
    }
    return this.tokenAtMap;
  }

  // The word sets serve only the anchor test of `findSpans`: built the first time it asks.
  get words(): Set<string> {
    if (this.wordSet === undefined) this.sets();
    return this.wordSet!;
  }

  get starts(): Set<string> {
    if (this.startSet === undefined) this.sets();
    return this.startSet!;
  }

  private sets(): void {
    const words = new Set(this.texts);
    const starts = new Set<string>();
    for (const word of words) starts.add(word.slice(0, PREFIX_KEY));
    this.wordSet = words;
    this.startSet = starts;
  }
}

export function prepareTokens(tokens: Token[]): PreparedText {
  const count = tokens.length;
  const texts = new Array<string>(count);
  let length = 1;
  for (let index = 0; index < count; index += 1) {
    const word = tokens[index]!.word;
    texts[index] = word;
    length += word.length + 1;
  }
  return new Prepared(tokens, texts, length);
}

export function prepareText(text: string): PreparedText {
  return prepareTokens(tokenise(text));
}
