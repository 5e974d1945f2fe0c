/**
 * Understanding by concept: finds where a message mentions each concept of the concept lexicon
 * (content/lexicon/concepts/: body areas, bodily functions, sensations, change, severity...).
 * A concept is a list of terms in the phrase language (content/red-flags/README.md); a term's
 * words match a message word when the word or its stem is the same ("leaking" is "leak"), after
 * spelling tolerance towards the concept vocabulary. Pure: compiled once, then only run.
 */
import { SENTENCE_BOUNDARY, type Token } from './normalise.ts';
import { parsePhrase, type PhraseNode } from './pattern.ts';
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
  | { kind: 'number'; min: number; max: number }
  | { kind: 'gap'; max: number }
  | { kind: 'choice'; options: Matcher[][]; optional: boolean }
  | { kind: 'start' }
  | { kind: 'end' };

interface Term {
  id: number;
  concept: string;
  nodes: Matcher[];
  /** A necessary condition: one of these words or stems (or a word with one of the prefixes) is in the message. */
  anchor: Keys | undefined;
}

export interface ConceptMatcher {
  /** Every concept the lexicon defines. */
  readonly names: ReadonlySet<string>;
  read(tokens: Token[]): ConceptReading;
}

function toMatchers(nodes: PhraseNode[]): Matcher[] {
  return nodes.map((node): Matcher => {
    switch (node.kind) {
      case 'word':
        return { kind: 'word', prefix: node.prefix, exact: node.exact === true, words: node.words.map((word) => ({ word, stem: stemOf(word) })) };
      case 'choice': {
        const single = node.options.every((option) => option.length === 1 && option[0]!.kind === 'word' && option[0]!.words.length === 1);
        if (!single) return { kind: 'choice', optional: node.optional, options: node.options.map(toMatchers) };
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

interface Keys {
  exact: Set<string>;
  prefixes: Set<string>;
}

/** The words a match of `nodes` can start with, or undefined when it can start anywhere. */
function firstKeys(nodes: Matcher[], from = 0): Keys | undefined {
  const node = nodes[from];
  if (node === undefined) return undefined;
  switch (node.kind) {
    case 'word': {
      const first = node.words[0]!;
      if (node.prefix && node.words.length === 1) return first.word.length >= 3 ? { exact: new Set(), prefixes: new Set([first.word]) } : undefined;
      return { exact: new Set(node.exact ? [first.word] : [first.word, first.stem]), prefixes: new Set() };
    }
    case 'set': {
      if (node.prefixes.some((prefix) => prefix.length < 3)) return undefined;
      const keys: Keys = { exact: new Set([...node.words, ...node.stems]), prefixes: new Set(node.prefixes) };
      if (node.optional) {
        const rest = firstKeys(nodes, from + 1);
        if (rest === undefined) return undefined;
        for (const key of rest.exact) keys.exact.add(key);
        for (const key of rest.prefixes) keys.prefixes.add(key);
      }
      return keys;
    }
    case 'start':
      return firstKeys(nodes, from + 1);
    case 'choice': {
      const keys: Keys = { exact: new Set(), prefixes: new Set() };
      for (const option of node.options) {
        const optionKeys = firstKeys(option);
        if (optionKeys === undefined) return undefined;
        for (const key of optionKeys.exact) keys.exact.add(key);
        for (const key of optionKeys.prefixes) keys.prefixes.add(key);
      }
      if (node.optional) {
        const rest = firstKeys(nodes, from + 1);
        if (rest === undefined) return undefined;
        for (const key of rest.exact) keys.exact.add(key);
        for (const key of rest.prefixes) keys.prefixes.add(key);
      }
      return keys;
    }
    default:
      return undefined;
  }
}

/** The anchor of one node: words one of which it must contain, or undefined when it may match none. */
function nodeAnchor(node: Matcher): Keys | undefined {
  switch (node.kind) {
    case 'word': {
      const keys: Keys = { exact: new Set(), prefixes: new Set() };
      node.words.forEach((word, index) => {
        if (node.prefix && index === node.words.length - 1) {
          if (word.word.length >= PREFIX_KEY) keys.prefixes.add(word.word);
        } else {
          keys.exact.add(word.word);
          if (!node.exact) keys.exact.add(word.stem);
        }
      });
      // A multi-word node: its longest word is enough (all of them must be there).
      if (node.words.length > 1) {
        const longest = [...keys.exact].sort((a, b) => b.length - a.length)[0];
        return longest === undefined ? (keys.prefixes.size > 0 ? keys : undefined) : { exact: new Set(node.words.filter((w) => w.word === longest || w.stem === longest).flatMap((w) => (node.exact ? [w.word] : [w.word, w.stem]))), prefixes: new Set() };
      }
      return keys.exact.size + keys.prefixes.size > 0 ? keys : undefined;
    }
    case 'set':
      if (node.optional || node.prefixes.some((prefix) => prefix.length < PREFIX_KEY)) return undefined;
      return { exact: new Set([...node.words, ...node.stems]), prefixes: new Set(node.prefixes) };
    case 'choice': {
      if (node.optional) return undefined;
      const keys: Keys = { exact: new Set(), prefixes: new Set() };
      for (const option of node.options) {
        const optionKeys = sequenceAnchor(option);
        if (optionKeys === undefined) return undefined;
        for (const key of optionKeys.exact) keys.exact.add(key);
        for (const key of optionKeys.prefixes) keys.prefixes.add(key);
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
    const all = [...keys.exact, ...keys.prefixes];
    const score = Math.min(...all.map((word) => word.length)) * 100 - all.length;
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

/** Adds to `out` every position where a match of nodes[k..] starting at `pos` can end (exclusive). */
function ends(nodes: Matcher[], k: number, tokens: ConceptToken[], pos: number, out: Set<number>): void {
  if (k === nodes.length) {
    out.add(pos);
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
      ends(nodes, k + 1, tokens, at, out);
      return;
    }
    case 'set': {
      if (node.optional) ends(nodes, k + 1, tokens, pos, out);
      const token = tokens[pos];
      if (token === undefined || token.word === SENTENCE_BOUNDARY) return;
      let hit = node.words.has(token.word) || node.stems.has(token.stem);
      if (!hit) for (const prefix of node.prefixes) if (token.word.startsWith(prefix)) { hit = true; break; }
      if (hit) ends(nodes, k + 1, tokens, pos + 1, out);
      return;
    }
    case 'number': {
      const token = tokens[pos];
      if (token === undefined || !/^\d+$/.test(token.word)) return;
      const value = Number(token.word);
      if (value >= node.min && value <= node.max) ends(nodes, k + 1, tokens, pos + 1, out);
      return;
    }
    case 'gap': {
      for (let skip = 0; skip <= node.max; skip += 1) {
        if (skip > 0) {
          const skipped = tokens[pos + skip - 1];
          if (skipped === undefined || skipped.word === SENTENCE_BOUNDARY) break;
        }
        ends(nodes, k + 1, tokens, pos + skip, out);
      }
      return;
    }
    case 'choice': {
      const inner = new Set<number>();
      for (const option of node.options) ends(option, 0, tokens, pos, inner);
      if (node.optional) inner.add(pos);
      for (const end of inner) ends(nodes, k + 1, tokens, end, out);
      return;
    }
    case 'start':
      if (pos === 0 || tokens[pos - 1]?.word === SENTENCE_BOUNDARY) ends(nodes, k + 1, tokens, pos, out);
      return;
    case 'end':
      if (pos === tokens.length || tokens[pos]?.word === SENTENCE_BOUNDARY) ends(nodes, k + 1, tokens, pos, out);
      return;
  }
}

function literalWords(nodes: PhraseNode[], into: Set<string>): void {
  for (const node of nodes) {
    if (node.kind === 'word') for (const word of node.prefix ? node.words.slice(0, -1) : node.words) into.add(word);
    else if (node.kind === 'choice') for (const option of node.options) literalWords(option, into);
  }
}

const PREFIX_KEY = 3;

export function compileConcepts(vocabulary: ConceptVocabulary, extraWords: Iterable<string> = []): ConceptMatcher {
  const groups = new Map<string, readonly string[]>(vocabulary.concepts);
  const terms: Term[] = [];
  const literals = new Set<string>(extraWords);
  for (const [concept, sources] of vocabulary.concepts) {
    for (const source of sources) {
      const nodes = parsePhrase(source, groups);
      literalWords(nodes, literals);
      const matchers = toMatchers(nodes);
      terms.push({ id: terms.length, concept, nodes: matchers, anchor: sequenceAnchor(matchers) });
    }
  }
  const exact = new Map<string, Term[]>();
  const prefixed = new Map<string, Array<{ prefix: string; term: Term }>>();
  const anywhere: Term[] = [];
  for (const term of terms) {
    const keys = firstKeys(term.nodes);
    if (keys === undefined) {
      anywhere.push(term);
      continue;
    }
    for (const key of keys.exact) exact.set(key, [...(exact.get(key) ?? []), term]);
    for (const prefix of keys.prefixes) {
      const bucket = prefix.slice(0, PREFIX_KEY);
      prefixed.set(bucket, [...(prefixed.get(bucket) ?? []), { prefix, term }]);
    }
  }
  const correct = compileWordCorrector(literals, vocabulary.englishWords);

  return {
    names: new Set(vocabulary.concepts.keys()),
    read(tokens) {
      let sentence = 0;
      const conceptTokens: ConceptToken[] = tokens.map((token, index) => {
        if (token.word === SENTENCE_BOUNDARY) {
          sentence += 1;
          return { word: SENTENCE_BOUNDARY, stem: SENTENCE_BOUNDARY, sentence: sentence - 1, index };
        }
        const word = correct(token.word);
        return { word, stem: stemOf(word), sentence, index };
      });
      const found = new Map<string, Map<string, ConceptSpan>>();
      const add = (concept: string, start: number, endExclusive: number) => {
        if (endExclusive <= start) return;
        const key = `${start}:${endExclusive}`;
        let spans = found.get(concept);
        if (spans === undefined) found.set(concept, (spans = new Map()));
        if (!spans.has(key)) spans.set(key, { start, end: endExclusive - 1 });
      };
      // Which terms can match at all (their anchor word is in the message), decided once per term.
      const present = new Set<string>();
      const starts = new Set<string>();
      for (const token of conceptTokens) {
        present.add(token.word);
        present.add(token.stem);
        starts.add(token.word.slice(0, PREFIX_KEY));
      }
      const possible = new Int8Array(terms.length);
      const canMatch = (term: Term): boolean => {
        const known = possible[term.id]!;
        if (known !== 0) return known > 0;
        const anchor = term.anchor;
        let ok = anchor === undefined;
        if (anchor !== undefined) {
          for (const word of anchor.exact) if (present.has(word)) { ok = true; break; }
          if (!ok) for (const prefix of anchor.prefixes) {
            if (!starts.has(prefix.slice(0, PREFIX_KEY))) continue;
            if (conceptTokens.some((token) => token.word.startsWith(prefix))) { ok = true; break; }
          }
        }
        possible[term.id] = ok ? 1 : -1;
        return ok;
      };
      const tried = new Int32Array(terms.length).fill(-1);
      const out = new Set<number>();
      const attempt = (term: Term, pos: number) => {
        if (tried[term.id] === pos || !canMatch(term)) return;
        tried[term.id] = pos;
        out.clear();
        ends(term.nodes, 0, conceptTokens, pos, out);
        // The longest match stands for the term here: "pins and needles" rather than "pins".
        let longest = -1;
        for (const end of out) if (end > longest) longest = end;
        if (longest > pos) add(term.concept, pos, longest);
      };
      for (let pos = 0; pos < conceptTokens.length; pos += 1) {
        const token = conceptTokens[pos]!;
        if (token.word === SENTENCE_BOUNDARY) continue;
        for (const term of anywhere) attempt(term, pos);
        for (const term of exact.get(token.word) ?? []) attempt(term, pos);
        if (token.stem !== token.word) for (const term of exact.get(token.stem) ?? []) attempt(term, pos);
        for (const { prefix, term } of prefixed.get(token.word.slice(0, PREFIX_KEY)) ?? []) if (token.word.startsWith(prefix)) attempt(term, pos);
      }
      const spans = new Map<string, ConceptSpan[]>();
      for (const [concept, byKey] of found) spans.set(concept, [...byKey.values()].sort((a, b) => a.start - b.start || a.end - b.end));
      return { tokens, conceptTokens, spans };
    },
  };
}
