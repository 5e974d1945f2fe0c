/**
 * Understanding by concept: finds where a message mentions each concept of the concept lexicon
 * (content/lexicon/concepts/: body areas, bodily functions, sensations, change, severity...).
 * A concept is a list of terms in the phrase language (content/red-flags/README.md); a term's
 * words match a message word when the word or its stem is the same ("leaking" is "leak"), after
 * spelling tolerance towards the concept vocabulary. Pure: compiled once, then only run.
 *
 * `@other` inside a term is a reference to that concept's mentions, found first: concepts are
 * read level by level (a concept's level is one more than the highest level it refers to), so a
 * composite like "@leg ...4 @numb" costs a lookup, not a re-match of every leg and numb word.
 */
import { SENTENCE_BOUNDARY, type Token } from './normalise.ts';
import { parsePhrase, PatternError, type PhraseNode } from './pattern.ts';
import { compileWordCorrector } from './conceptSpelling.ts';
import { stemOf } from './stems.ts';

/** The concept lexicon as loaded: concept name to its terms (which may use `@other-concept`). */
export interface ConceptVocabulary {
  readonly concepts: ReadonlyMap<string, readonly string[]>;
  /** Real English words: never "corrected" towards a concept word. */
  readonly englishWords: { has(word: string): boolean };
}

/** A word of the message as concepts see it. */
export interface ConceptToken {
  word: string;
  stem: string;
  /** Index of the sentence it is in. */
  sentence: number;
  /** Index into the message tokens. */
  index: number;
}

export interface ConceptSpan {
  /** Token indexes, inclusive. */
  start: number;
  end: number;
}

export interface ConceptReading {
  tokens: Token[];
  conceptTokens: ConceptToken[];
  /** Concept name to its mentions, leftmost first. */
  spans: Map<string, ConceptSpan[]>;
}

type Matcher =
  | { kind: 'word'; words: Array<{ word: string; stem: string }>; prefix: boolean; exact: boolean }
  /** A choice between single words, looked up at once: the common case, and the hot loop. */
  | { kind: 'set'; words: ReadonlySet<string>; stems: ReadonlySet<string>; prefixes: readonly string[]; optional: boolean }
  /** `@concept`: one of that concept's mentions starts here. */
  | { kind: 'ref'; concept: number }
  | { kind: 'number'; min: number; max: number }
  | { kind: 'gap'; max: number }
  | { kind: 'choice'; options: Matcher[][]; optional: boolean; dispatch?: Dispatch }
  | { kind: 'start' }
  | { kind: 'end' };

/** A big choice indexed by what each option starts with, so only the options that can match are tried. */
interface Dispatch {
  byKey: Map<string, number[]>;
  prefixes: Array<{ prefix: string; option: number }>;
  always: number[];
}

interface Term {
  id: number;
  concept: number;
  nodes: Matcher[];
  /** A necessary condition: one of these words or stems (or prefixes, or referred concepts) is in the message. */
  anchor: Keys | undefined;
}

export interface ConceptMatcher {
  /** Every concept the lexicon defines. */
  readonly names: ReadonlySet<string>;
  read(tokens: Token[]): ConceptReading;
}

/** What one distinct word of a message does for the terms: its spelling-corrected form and stem, the terms that can start at it. */
interface ConceptWord {
  word: string;
  stem: string;
  /** Per level: the terms whose first word can be this one (those that can start anywhere aside). */
  starting: Term[][];
  /** The terms whose anchor this word is (by word, stem or start). */
  anchoring: number[];
}

/** Per concept (by index): where its mentions start, and the ends (exclusive) of each. */
type Found = Array<Map<number, number[]> | undefined>;

/** A placeholder word for `@name` while parsing (letters and digits survive tokenising). */
const REF = 'qqconceptref';

function toMatchers(nodes: PhraseNode[]): Matcher[] {
  return nodes.map((node): Matcher => {
    switch (node.kind) {
      case 'word': {
        const only = node.words.length === 1 ? node.words[0]! : undefined;
        if (only !== undefined && only.startsWith(REF) && !node.prefix) return { kind: 'ref', concept: Number(only.slice(REF.length)) };
        return { kind: 'word', prefix: node.prefix, exact: node.exact === true, words: node.words.map((word) => ({ word, stem: stemOf(word) })) };
      }
      case 'choice': {
        const single = node.options.every((option) => option.length === 1 && option[0]!.kind === 'word' && option[0]!.words.length === 1 && !option[0]!.words[0]!.startsWith(REF));
        if (!single) {
          const options = node.options.map(toMatchers);
          return { kind: 'choice', optional: node.optional, options, ...(options.length >= 4 ? { dispatch: dispatchOf(options) } : {}) };
        }
        const words = new Set<string>();
        const stems = new Set<string>();
        const prefixes: string[] = [];
        for (const option of node.options) {
          const word = option[0] as Extract<PhraseNode, { kind: 'word' }>;
          const text = word.words[0]!;
          if (word.prefix) prefixes.push(text);
          else {
            words.add(text);
            if (word.exact !== true) stems.add(stemOf(text));
          }
        }
        return { kind: 'set', words, stems, prefixes, optional: node.optional };
      }
      default:
        return node;
    }
  });
}

function dispatchOf(options: Matcher[][]): Dispatch {
  const dispatch: Dispatch = { byKey: new Map(), prefixes: [], always: [] };
  options.forEach((option, index) => {
    const keys = firstKeys(option);
    if (keys === undefined || keys.refs.size > 0 || keys.exact.has(NUMBER_KEY)) {
      dispatch.always.push(index);
      return;
    }
    for (const key of keys.exact) dispatch.byKey.set(key, [...(dispatch.byKey.get(key) ?? []), index]);
    for (const prefix of keys.prefixes) dispatch.prefixes.push({ prefix, option: index });
  });
  return dispatch;
}

interface Keys {
  exact: Set<string>;
  prefixes: Set<string>;
  refs: Set<number>;
}

const emptyKeys = (): Keys => ({ exact: new Set(), prefixes: new Set(), refs: new Set() });

function merge(into: Keys, from: Keys): Keys {
  for (const key of from.exact) into.exact.add(key);
  for (const key of from.prefixes) into.prefixes.add(key);
  for (const key of from.refs) into.refs.add(key);
  return into;
}

const PREFIX_KEY = 3;
/** The first key of a term that starts with a number range: tried at every number of the message. */
const NUMBER_KEY = '#number';

/** What a match of nodes[from..] can start with, or undefined when it can start anywhere. */
function firstKeys(nodes: Matcher[], from = 0): Keys | undefined {
  const node = nodes[from];
  if (node === undefined) return undefined;
  switch (node.kind) {
    case 'word': {
      const first = node.words[0]!;
      if (node.prefix && node.words.length === 1) return first.word.length >= PREFIX_KEY ? { ...emptyKeys(), prefixes: new Set([first.word]) } : undefined;
      return { ...emptyKeys(), exact: new Set(node.exact ? [first.word] : [first.word, first.stem]) };
    }
    case 'ref':
      return { ...emptyKeys(), refs: new Set([node.concept]) };
    case 'set': {
      if (node.prefixes.some((prefix) => prefix.length < PREFIX_KEY)) return undefined;
      const keys: Keys = { ...emptyKeys(), exact: new Set([...node.words, ...node.stems]), prefixes: new Set(node.prefixes) };
      if (!node.optional) return keys;
      const rest = firstKeys(nodes, from + 1);
      return rest === undefined ? undefined : merge(keys, rest);
    }
    case 'start':
      return firstKeys(nodes, from + 1);
    case 'number':
      return { ...emptyKeys(), exact: new Set([NUMBER_KEY]) };
    case 'choice': {
      const keys = emptyKeys();
      for (const option of node.options) {
        const optionKeys = firstKeys(option);
        if (optionKeys === undefined) return undefined;
        merge(keys, optionKeys);
      }
      if (!node.optional) return keys;
      const rest = firstKeys(nodes, from + 1);
      return rest === undefined ? undefined : merge(keys, rest);
    }
    default:
      return undefined;
  }
}

/** The anchor of one node: what it must contain, or undefined when it may match nothing. */
function nodeAnchor(node: Matcher): Keys | undefined {
  switch (node.kind) {
    case 'word': {
      const required = node.words.filter((_, index) => !(node.prefix && index === node.words.length - 1));
      if (required.length === 0) return node.words[0]!.word.length >= PREFIX_KEY ? { ...emptyKeys(), prefixes: new Set([node.words[0]!.word]) } : undefined;
      // All words of a multi-word node must be there: the longest one is enough to test.
      const longest = required.reduce((a, b) => (b.word.length > a.word.length ? b : a));
      return { ...emptyKeys(), exact: new Set(node.exact ? [longest.word] : [longest.word, longest.stem]) };
    }
    case 'ref':
      return { ...emptyKeys(), refs: new Set([node.concept]) };
    case 'set':
      if (node.optional || node.prefixes.some((prefix) => prefix.length < PREFIX_KEY)) return undefined;
      return { ...emptyKeys(), exact: new Set([...node.words, ...node.stems]), prefixes: new Set(node.prefixes) };
    case 'choice': {
      if (node.optional) return undefined;
      const keys = emptyKeys();
      for (const option of node.options) {
        const optionKeys = sequenceAnchor(option);
        if (optionKeys === undefined) return undefined;
        merge(keys, optionKeys);
      }
      return keys;
    }
    default:
      return undefined;
  }
}

/** Of the required nodes, the one with the fewest, longest words: usually the rarest. */
function sequenceAnchor(nodes: Matcher[]): Keys | undefined {
  let best: Keys | undefined;
  let bestScore = -1;
  for (const node of nodes) {
    const keys = nodeAnchor(node);
    if (keys === undefined) continue;
    const words = [...keys.exact, ...keys.prefixes];
    // A reference is as good as a long word: the concept has few mentions in a message.
    const score = keys.refs.size > 0 && words.length === 0 ? 800 - keys.refs.size : words.length === 0 ? -1 : Math.min(...words.map((word) => word.length)) * 100 - words.length - keys.refs.size;
    if (score > bestScore) {
      best = keys;
      bestScore = score;
    }
  }
  return best;
}

function wordMatches(token: ConceptToken, expected: { word: string; stem: string }, prefix: boolean, exact: boolean): boolean {
  if (prefix) return token.word.startsWith(expected.word);
  return token.word === expected.word || (!exact && token.stem === expected.stem);
}

/**
 * Where matches end, each once, in the order found. Not a Set, nor an array emptied by setting
 * its length: both allocate on every emptying, and matching empties one on every attempt. The
 * list is only ever overwritten from the start; `size` says how much of it is in use.
 */
interface Ends {
  at: number[];
  size: number;
}

function addEnd(list: Ends, pos: number): void {
  for (let index = 0; index < list.size; index += 1) if (list.at[index] === pos) return;
  list.at[list.size] = pos;
  list.size += 1;
}

/** Lists reused by nested choices: matching allocates nothing in the common case. */
const POOL: Ends[] = [];

/** Adds to `out` every position where a match of nodes[k..] starting at `pos` can end (exclusive). */
function ends(nodes: Matcher[], k: number, tokens: ConceptToken[], pos: number, out: Ends, found: Found): void {
  if (k === nodes.length) {
    addEnd(out, pos);
    return;
  }
  const node = nodes[k]!;
  switch (node.kind) {
    case 'word': {
      let at = pos;
      const last = node.words.length - 1;
      for (let w = 0; w <= last; w += 1) {
        const token = tokens[at];
        if (token === undefined || token.word === SENTENCE_BOUNDARY || !wordMatches(token, node.words[w]!, node.prefix && w === last, node.exact)) return;
        at += 1;
      }
      ends(nodes, k + 1, tokens, at, out, found);
      return;
    }
    case 'set': {
      if (node.optional) ends(nodes, k + 1, tokens, pos, out, found);
      const token = tokens[pos];
      if (token === undefined || token.word === SENTENCE_BOUNDARY) return;
      let hit = node.words.has(token.word) || node.stems.has(token.stem);
      if (!hit) for (const prefix of node.prefixes) if (token.word.startsWith(prefix)) { hit = true; break; }
      if (hit) ends(nodes, k + 1, tokens, pos + 1, out, found);
      return;
    }
    case 'ref': {
      const mentionEnds = found[node.concept]?.get(pos);
      if (mentionEnds !== undefined) for (const end of mentionEnds) ends(nodes, k + 1, tokens, end, out, found);
      return;
    }
    case 'number': {
      const token = tokens[pos];
      if (token === undefined || !/^\d+$/.test(token.word)) return;
      const value = Number(token.word);
      if (value >= node.min && value <= node.max) ends(nodes, k + 1, tokens, pos + 1, out, found);
      return;
    }
    case 'gap': {
      for (let skip = 0; skip <= node.max; skip += 1) {
        if (skip > 0) {
          const skipped = tokens[pos + skip - 1];
          if (skipped === undefined || skipped.word === SENTENCE_BOUNDARY) break;
        }
        ends(nodes, k + 1, tokens, pos + skip, out, found);
      }
      return;
    }
    case 'choice': {
      const inner = POOL.pop() ?? { at: [], size: 0 };
      const dispatch = node.dispatch;
      if (dispatch === undefined) for (const option of node.options) ends(option, 0, tokens, pos, inner, found);
      else {
        const token = tokens[pos];
        for (const index of dispatch.always) ends(node.options[index]!, 0, tokens, pos, inner, found);
        if (token !== undefined && token.word !== SENTENCE_BOUNDARY) {
          const byWord = dispatch.byKey.get(token.word);
          if (byWord !== undefined) for (const index of byWord) ends(node.options[index]!, 0, tokens, pos, inner, found);
          if (token.stem !== token.word) {
            const byStem = dispatch.byKey.get(token.stem);
            if (byStem !== undefined) for (const index of byStem) if (byWord === undefined || !byWord.includes(index)) ends(node.options[index]!, 0, tokens, pos, inner, found);
          }
          for (const { prefix, option } of dispatch.prefixes) if (token.word.startsWith(prefix)) ends(node.options[option]!, 0, tokens, pos, inner, found);
        }
      }
      if (node.optional) addEnd(inner, pos);
      for (let index = 0; index < inner.size; index += 1) ends(nodes, k + 1, tokens, inner.at[index]!, out, found);
      inner.size = 0;
      POOL.push(inner);
      return;
    }
    case 'start':
      if (pos === 0 || tokens[pos - 1]?.word === SENTENCE_BOUNDARY) ends(nodes, k + 1, tokens, pos, out, found);
      return;
    case 'end':
      if (pos === tokens.length || tokens[pos]?.word === SENTENCE_BOUNDARY) ends(nodes, k + 1, tokens, pos, out, found);
      return;
  }
}

function literalWords(nodes: PhraseNode[], into: Set<string>): void {
  for (const node of nodes) {
    if (node.kind === 'word') {
      for (const word of node.prefix ? node.words.slice(0, -1) : node.words) if (!word.startsWith(REF)) into.add(word);
    } else if (node.kind === 'choice') for (const option of node.options) literalWords(option, into);
  }
}

const REFERENCE = /@([a-z][a-z0-9-]*)/g;

/** Each concept's level: 0 without references, else one more than the highest it refers to. */
function levelsOf(concepts: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const levels = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (name: string): number => {
    const known = levels.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) throw new PatternError(`concept "${name}" refers to itself through @ references`);
    visiting.add(name);
    let level = 0;
    for (const term of concepts.get(name) ?? []) {
      for (const [, other] of term.matchAll(REFERENCE)) {
        if (!concepts.has(other!)) throw new PatternError(`unknown concept "@${other}" in "${term}"`);
        level = Math.max(level, visit(other!) + 1);
      }
    }
    visiting.delete(name);
    levels.set(name, level);
    return level;
  };
  for (const name of concepts.keys()) visit(name);
  return levels;
}

interface LevelIndex {
  exact: Map<string, Term[]>;
  prefixed: Map<string, Array<{ prefix: string; term: Term }>>;
  byRef: Map<number, Term[]>;
  anywhere: Term[];
}

/** The concepts `wanted` refers to, and every concept those refer to with `@`. */
function withReferences(concepts: ReadonlyMap<string, readonly string[]>, wanted: Iterable<string>): Set<string> {
  const needed = new Set<string>();
  const stack = [...wanted];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (needed.has(name) || !concepts.has(name)) continue;
    needed.add(name);
    for (const term of concepts.get(name)!) for (const [, other] of term.matchAll(REFERENCE)) stack.push(other!);
  }
  return needed;
}

/**
 * `needed`: the concepts the caller uses (with those they refer to); the others are not read at
 * all. Absent: every concept.
 */
export function compileConcepts(vocabulary: ConceptVocabulary, extraWords: Iterable<string> = [], needed?: Iterable<string>): ConceptMatcher {
  const kept = needed === undefined ? undefined : withReferences(vocabulary.concepts, needed);
  const names = [...vocabulary.concepts.keys()].filter((name) => kept === undefined || kept.has(name));
  const indexOf = new Map(names.map((name, index) => [name, index]));
  const levels = levelsOf(vocabulary.concepts);
  const terms: Term[] = [];
  const literals = new Set<string>(extraWords);
  for (const concept of names) {
    for (const source of vocabulary.concepts.get(concept)!) {
      const nodes = parsePhrase(source.replace(REFERENCE, (_whole, name: string) => `${REF}${indexOf.get(name)}`));
      literalWords(nodes, literals);
      const matchers = toMatchers(nodes);
      terms.push({ id: terms.length, concept: indexOf.get(concept)!, nodes: matchers, anchor: sequenceAnchor(matchers) });
    }
  }
  const depth = Math.max(0, ...levels.values());
  const index: LevelIndex[] = Array.from({ length: depth + 1 }, () => ({ exact: new Map(), prefixed: new Map(), byRef: new Map(), anywhere: [] }));
  for (const term of terms) {
    const level = index[levels.get(names[term.concept]!)!]!;
    const keys = firstKeys(term.nodes);
    if (keys === undefined) {
      level.anywhere.push(term);
      continue;
    }
    for (const key of keys.exact) level.exact.set(key, [...(level.exact.get(key) ?? []), term]);
    for (const prefix of keys.prefixes) {
      const bucket = prefix.slice(0, PREFIX_KEY);
      level.prefixed.set(bucket, [...(level.prefixed.get(bucket) ?? []), { prefix, term }]);
    }
    for (const ref of keys.refs) level.byRef.set(ref, [...(level.byRef.get(ref) ?? []), term]);
  }
  const correct = compileWordCorrector(literals, vocabulary.englishWords);
  // The terms' anchors by word, stem and word start, so each word of a message marks the terms it makes possible.
  const anchorExact = new Map<string, number[]>();
  const anchorPrefixed = new Map<string, Array<{ prefix: string; id: number }>>();
  for (const term of terms) {
    for (const key of term.anchor?.exact ?? []) anchorExact.set(key, [...(anchorExact.get(key) ?? []), term.id]);
    for (const prefix of term.anchor?.prefixes ?? []) {
      const bucket = prefix.slice(0, PREFIX_KEY);
      anchorPrefixed.set(bucket, [...(anchorPrefixed.get(bucket) ?? []), { prefix, id: term.id }]);
    }
  }
  const wordOf = (raw: string): ConceptWord => {
    const word = correct(raw);
    const stem = stemOf(word);
    const key = word.slice(0, PREFIX_KEY);
    const numeric = /^\d+$/.test(word);
    const starting = index.map((level) => {
      const at = new Set<Term>();
      for (const term of level.exact.get(word) ?? []) at.add(term);
      if (numeric) for (const term of level.exact.get(NUMBER_KEY) ?? []) at.add(term);
      if (stem !== word) for (const term of level.exact.get(stem) ?? []) at.add(term);
      for (const { prefix, term } of level.prefixed.get(key) ?? []) if (word.startsWith(prefix)) at.add(term);
      return [...at];
    });
    const anchoring = new Set<number>([...(anchorExact.get(word) ?? []), ...(stem !== word ? (anchorExact.get(stem) ?? []) : [])]);
    for (const { prefix, id } of anchorPrefixed.get(key) ?? []) if (word.startsWith(prefix)) anchoring.add(id);
    return { word, stem, starting, anchoring: [...anchoring] };
  };
  // People reuse the same few hundred words: what each does for the terms is worked out once (it is pure).
  const wordMemo = new Map<string, ConceptWord>();

  return {
    names: new Set(names),
    read(tokens) {
      let sentence = 0;
      const count = tokens.length;
      const conceptTokens: ConceptToken[] = new Array(count);
      const words: Array<ConceptWord | undefined> = new Array(count);
      // Which terms can match at all: their anchor is in the message (or a concept they refer to is).
      const anchored = new Uint8Array(terms.length);
      for (let position = 0; position < count; position += 1) {
        const raw = tokens[position]!.word;
        if (raw === SENTENCE_BOUNDARY) {
          sentence += 1;
          conceptTokens[position] = { word: SENTENCE_BOUNDARY, stem: SENTENCE_BOUNDARY, sentence: sentence - 1, index: position };
          continue;
        }
        let seen = wordMemo.get(raw);
        if (seen === undefined) {
          seen = wordOf(raw);
          if (wordMemo.size < 50_000) wordMemo.set(raw, seen);
        }
        conceptTokens[position] = { word: seen.word, stem: seen.stem, sentence, index: position };
        words[position] = seen;
        for (const id of seen.anchoring) anchored[id] = 1;
      }
      const found: Found = new Array(names.length);
      const canMatch = (term: Term): boolean => {
        const anchor = term.anchor;
        if (anchor === undefined || anchored[term.id] === 1) return true;
        for (const ref of anchor.refs) if (found[ref] !== undefined) return true;
        return false;
      };
      const tried = new Int32Array(terms.length).fill(-1);
      const out: Ends = { at: [], size: 0 };
      const attempt = (term: Term, pos: number) => {
        if (tried[term.id] === pos || !canMatch(term)) return;
        tried[term.id] = pos;
        out.size = 0;
        ends(term.nodes, 0, conceptTokens, pos, out, found);
        // The longest match stands for the term here: "pins and needles" rather than "pins".
        let longest = -1;
        for (let index = 0; index < out.size; index += 1) if (out.at[index]! > longest) longest = out.at[index]!;
        if (longest <= pos) return;
        let byStart = found[term.concept];
        if (byStart === undefined) found[term.concept] = byStart = new Map();
        const list = byStart.get(pos);
        if (list === undefined) byStart.set(pos, [longest]);
        else if (!list.includes(longest)) list.push(longest);
      };
      for (let depth = 0; depth < index.length; depth += 1) {
        const level = index[depth]!;
        for (let pos = 0; pos < count; pos += 1) {
          const word = words[pos];
          if (word === undefined) continue;
          for (const term of level.anywhere) attempt(term, pos);
          for (const term of word.starting[depth]!) attempt(term, pos);
        }
        // Terms that start with a reference: tried where that concept's mentions start.
        for (const [ref, referring] of level.byRef) {
          const byStart = found[ref];
          if (byStart === undefined) continue;
          for (const start of [...byStart.keys()]) for (const term of referring) attempt(term, start);
        }
      }
      const spans = new Map<string, ConceptSpan[]>();
      found.forEach((byStart, concept) => {
        if (byStart === undefined) return;
        const list: ConceptSpan[] = [];
        for (const [start, endList] of byStart) for (const end of endList) list.push({ start, end: end - 1 });
        list.sort((a, b) => a.start - b.start || a.end - b.end);
        spans.set(names[concept]!, list);
      });
      return { tokens, conceptTokens, spans };
    },
  };
}
