/**
 * A message ready for pattern matching: its tokens, the words joined by single spaces with a
 * space at both ends (so every word is " word"), and a map back from characters to tokens.
 */
import { tokenise, type Token } from './normalise.ts';

export interface PreparedText {
  tokens: Token[];
  joined: string;
  /** The index of the token a character of `joined` belongs to, or -1 for a space (or a place outside it). */
  tokenAt(char: number): number;
  /** Where a token's word starts in `joined`. */
  wordStart(token: number): number;
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
  /** Where each token's word starts in `joined`. */
  private wordStarts: number[] | undefined;
  private wordSet: Set<string> | undefined;
  private startSet: Set<string> | undefined;

  constructor(tokens: Token[], texts: string[]) {
    this.tokens = tokens;
    this.texts = texts;
    this.joined = tokens.length === 0 ? ' ' : ` ${texts.join(' ')} `;
  }

  // The way back to tokens serves only a regex match: the words' starts are listed the first time
  // one is read (a list by token, searched, not a map by character: a long message's map was an
  // allocation outside the heap, and filled character by character, for the few matches read).
  private wordStartList(): number[] {
    let starts = this.wordStarts;
    if (starts === undefined) {
      starts = new Array<number>(this.tokens.length);
      let at = 1;
      for (let index = 0; index < this.tokens.length; index += 1) {
        starts[index] = at;
        at += this.tokens[index]!.word.length + 1;
      }
      this.wordStarts = starts;
    }
    return starts;
  }

  wordStart(token: number): number {
    return this.wordStartList()[token]!;
  }

  tokenAt(char: number): number {
    const starts = this.wordStartList();
    // The last word starting at or before the character, if the character is inside it.
    let low = 0;
    let high = starts.length - 1;
    if (high < 0 || !(char >= starts[0]!)) return -1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= char) low = middle;
      else high = middle - 1;
    }
    return char < starts[low]! + this.tokens[low]!.word.length ? low : -1;
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
  for (let index = 0; index < count; index += 1) texts[index] = tokens[index]!.word;
  return new Prepared(tokens, texts);
}

export function prepareText(text: string): PreparedText {
  return prepareTokens(tokenise(text));
}
