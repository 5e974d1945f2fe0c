/**
 * A detector's phrases indexed by the words they can start with and by their anchors. A
 * message's words look up the few phrases that can match at all, and each phrase's regex is
 * tried only at the words where a match can start, instead of every regex scanning the whole
 * message. The spans are exactly those of `findSpans`, in the same order: a regex match always
 * starts at the space before a word, and every match from a start is the one the global search
 * finds there (it resumes one character after each match).
 */
import { findSpans, spanOf, type Span } from './matcher.ts';
import type { CompiledPattern } from './pattern.ts';
import { PREFIX_KEY, type PreparedText } from './preparedText.ts';

/** Phrase ids by word and by word start (bucketed by the first PREFIX_KEY letters). */
interface WordTable {
  byWord: Map<string, number[]>;
  byStart: Map<string, Array<{ prefix: string; id: number }>>;
  /** Prefixes shorter than PREFIX_KEY: tested against every word. */
  short: Array<{ prefix: string; id: number }>;
}

/** What one distinct word does for the phrases: which can start at it, which it makes possible. */
interface WordHits {
  first: number[];
  anchors: number[];
  /** The last text that marked this word's anchors: a word repeated in a text marks them once. */
  stamp: number;
}

export interface PhraseIndex {
  readonly size: number;
  readonly idOf: ReadonlyMap<CompiledPattern, number>;
  readonly patterns: readonly CompiledPattern[];
  /** Each regex again, sticky: tried at one position only. */
  readonly sticky: readonly RegExp[];
  /** Phrases without an anchor: always possible. */
  readonly unanchored: readonly number[];
  hitsOf(word: string): WordHits;
  /** A new number for each text read, for `WordHits.stamp`. */
  nextStamp(): number;
  /** By phrase id: its place among one text's possible phrases, while that text is indexed (overwritten by the next). */
  readonly scratch: Int32Array;
}

/** A message read against the index; its spans per phrase are remembered. */
export interface IndexedText {
  readonly prepared: PreparedText;
  /** By phrase id: 1 when the phrase's anchor is in the text (it can match), else 0 (a plain array: see `indexText`). */
  readonly possible: readonly number[];
  /** The spans of the phrase with this id in the index (`idOf`). */
  spansOf(id: number): readonly Span[];
  spans(pattern: CompiledPattern): readonly Span[];
  /**
   * How each of its matches is mentioned, worked out once by the detector (a message comes back
   * as an earlier one on the next turns). A Map of its own, not a WeakMap keyed by span: weak
   * tables cost the garbage collector on every pass.
   */
  readonly mentions: Map<Span, string>;
}

const NONE: readonly Span[] = Object.freeze([]);

const NUMBER = /^\d+$/;
const MEMO_LIMIT = 50_000;

function table(): WordTable {
  return { byWord: new Map(), byStart: new Map(), short: [] };
}

function add(into: WordTable, id: number, words: readonly string[], prefixes: readonly string[]): void {
  for (const word of words) into.byWord.set(word, [...(into.byWord.get(word) ?? []), id]);
  for (const prefix of prefixes) {
    if (prefix.length < PREFIX_KEY) into.short.push({ prefix, id });
    else {
      const key = prefix.slice(0, PREFIX_KEY);
      into.byStart.set(key, [...(into.byStart.get(key) ?? []), { prefix, id }]);
    }
  }
}

function lookup(from: WordTable, word: string, into: Set<number>): void {
  for (const id of from.byWord.get(word) ?? []) into.add(id);
  for (const { prefix, id } of from.byStart.get(word.slice(0, PREFIX_KEY)) ?? []) if (word.startsWith(prefix)) into.add(id);
  for (const { prefix, id } of from.short) if (word.startsWith(prefix)) into.add(id);
}

export function compilePhraseIndex(patterns: readonly CompiledPattern[]): PhraseIndex {
  const unique = [...new Set(patterns)];
  const first = table();
  const anchors = table();
  const numbers: number[] = [];
  const unanchored: number[] = [];
  unique.forEach((pattern, id) => {
    if (pattern.anchor === undefined) unanchored.push(id);
    else add(anchors, id, pattern.anchor.words, pattern.anchor.prefixes);
    if (pattern.first !== undefined) {
      add(first, id, pattern.first.words, pattern.first.prefixes);
      if (pattern.first.numbers) numbers.push(id);
    }
  });
  // People reuse the same few hundred words: what each word does is worked out once (it is pure).
  const memo = new Map<string, WordHits>();
  let stamps = 0;
  return {
    nextStamp: () => (stamps += 1),
    scratch: new Int32Array(unique.length),
    size: unique.length,
    idOf: new Map(unique.map((pattern, id) => [pattern, id])),
    patterns: unique,
    sticky: unique.map((pattern) => new RegExp(pattern.regex.source, pattern.gapGroups.length > 0 ? 'dy' : 'y')),
    unanchored,
    hitsOf(word) {
      let hits = memo.get(word);
      if (hits === undefined) {
        const starting = new Set<number>();
        lookup(first, word, starting);
        if (NUMBER.test(word)) for (const id of numbers) starting.add(id);
        const anchored = new Set<number>();
        lookup(anchors, word, anchored);
        hits = { first: [...starting], anchors: [...anchored], stamp: 0 };
        if (memo.size < MEMO_LIMIT) memo.set(word, hits);
      }
      return hits;
    },
  };
}

/**
 * `startsBefore`: only matches starting before this word are wanted (one crossing the join of two
 * messages, in the words around it). A part of a longer text is read on its own words: every match
 * in it holds its anchor there.
 */
export function indexText(index: PhraseIndex, prepared: PreparedText, startsBefore = prepared.tokens.length): IndexedText {
  const tokens = prepared.tokens;
  // A plain array, not a typed one: a typed array past 64 bytes is a separate allocation outside
  // the heap, slower to make and to collect than a young array.
  const possible: number[] = new Array<number>(index.size).fill(0);
  for (let k = 0; k < index.unanchored.length; k += 1) possible[index.unanchored[k]!] = 1;
  // Where each word's leading space is in `joined`: where a match starting at it begins.
  const spaceBefore: number[] = new Array<number>(tokens.length).fill(0);
  const hitsAt: WordHits[] = new Array(tokens.length);
  const stamp = index.nextStamp();
  let at = 0;
  for (let position = 0; position < tokens.length; position += 1) {
    const word = tokens[position]!.word;
    spaceBefore[position] = at;
    at += word.length + 1;
    const hits = index.hitsOf(word);
    hitsAt[position] = hits;
    if (hits.stamp !== stamp) {
      hits.stamp = stamp;
      for (let k = 0; k < hits.anchors.length; k += 1) possible[hits.anchors[k]!] = 1;
    }
  }
  // The possible phrases in id order: the places below are kept for them only, numbered 0.. in
  // this list (a message makes a few dozen of the index's hundreds possible).
  const listedIds: number[] = [];
  const local = index.scratch;
  for (let id = 0; id < possible.length; id += 1) {
    if (possible[id] !== 1) continue;
    local[id] = listedIds.length;
    listedIds.push(id);
  }
  const size = listedIds.length;
  // Then, for the possible phrases only: where they can start, and where their anchor is (a
  // match holds its anchor, so it starts at most maxWords - 1 words before one). Each kept as one
  // flat list by phrase, not a small array per phrase per text (plain arrays: a typed array
  // past 64 bytes is a separate allocation outside the heap): counted, then filled from the
  // last word back, so that each phrase's places come out in word order from startsFrom[k] to
  // startsFrom[k + 1] (k: the phrase's place in `listed`).
  const startsFrom: number[] = new Array<number>(size + 1).fill(0);
  const anchorFrom: number[] = new Array<number>(size + 1).fill(0);
  for (let position = 0; position < tokens.length; position += 1) {
    const hits = hitsAt[position]!;
    for (let k = 0; k < hits.anchors.length; k += 1) if (possible[hits.anchors[k]!] === 1) anchorFrom[local[hits.anchors[k]!]! + 1]! += 1;
    if (position >= startsBefore) continue;
    for (let k = 0; k < hits.first.length; k += 1) if (possible[hits.first[k]!] === 1) startsFrom[local[hits.first[k]!]! + 1]! += 1;
  }
  for (let k = 1; k <= size; k += 1) {
    startsFrom[k]! += startsFrom[k - 1]!;
    anchorFrom[k]! += anchorFrom[k - 1]!;
  }
  const startsAt: number[] = new Array<number>(startsFrom[size]!).fill(0);
  const anchorsAt: number[] = new Array<number>(anchorFrom[size]!).fill(0);
  // Filled forwards, each phrase's cursor starting at its first place and moved on by one.
  const startCursor = startsFrom.slice(0, size);
  const anchorCursor = anchorFrom.slice(0, size);
  for (let position = 0; position < tokens.length; position += 1) {
    const hits = hitsAt[position]!;
    for (let k = 0; k < hits.anchors.length; k += 1) if (possible[hits.anchors[k]!] === 1) anchorsAt[anchorCursor[local[hits.anchors[k]!]!]!++] = position;
    if (position >= startsBefore) continue;
    for (let k = 0; k < hits.first.length; k += 1) if (possible[hits.first[k]!] === 1) startsAt[startCursor[local[hits.first[k]!]!]!++] = position;
  }
  const placeOf = (id: number): number => {
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (listedIds[middle]! < id) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  // By place in `listed`: the spans once searched.
  const found: Array<readonly Span[] | undefined> = new Array(size);
  const search = (id: number, place: number): readonly Span[] => {
    const pattern = index.patterns[id]!;
    // A phrase that may start with any word is searched the plain way.
    if (pattern.first === undefined) return findSpans(pattern, prepared);
    const first = startsFrom[place]!;
    const last = startsFrom[place + 1]!;
    if (first === last) return NONE;
    const regex = index.sticky[id]!;
    const spans: Span[] = [];
    const anchored = pattern.anchor !== undefined;
    let next = anchorFrom[place]!;
    const anchorsEnd = anchorFrom[place + 1]!;
    for (let at = first; at < last; at += 1) {
      const position = startsAt[at]!;
      if (anchored) {
        // The first anchor at or after this start must be within the match's reach.
        while (next < anchorsEnd && anchorsAt[next]! < position) next += 1;
        if (next === anchorsEnd) break;
        if (anchorsAt[next]! > position + pattern.maxWords - 1) continue;
      }
      regex.lastIndex = spaceBefore[position]!;
      const match = regex.exec(prepared.joined);
      if (match === null) continue;
      const span = spanOf(pattern, match, prepared);
      if (span !== undefined) spans.push(span);
    }
    return spans;
  };
  const spansOf = (id: number): readonly Span[] => {
    if (possible[id] === 0) return NONE;
    const place = placeOf(id);
    let spans = found[place];
    if (spans === undefined) found[place] = spans = search(id, place);
    return spans;
  };
  return {
    prepared,
    possible,
    mentions: new Map(),
    spansOf,
    spans(pattern) {
      const id = index.idOf.get(pattern);
      return id === undefined ? findSpans(pattern, prepared) : spansOf(id);
    },
  };
}
