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
import type { NegationRules } from './negationRules.ts';
import { SENTENCE_BOUNDARY, type Token } from './normalise.ts';
import { parsePhrase, PatternError, rarestAnchor, type PhraseNode } from './pattern.ts';
import { compileWordCorrector } from './conceptSpelling.ts';
import { compileEntry, compileSteps, emptyEnds, optionsAt, type Dispatch, type Matcher, type Step, type StepContext } from './conceptSteps.ts';
import { stemOf } from './stems.ts';

/** The concept lexicon as loaded: concept name to its terms (which may use `@other-concept`). */
export interface ConceptVocabulary {
  readonly concepts: ReadonlyMap<string, readonly string[]>;
  /** Real English words: never "corrected" towards a concept word. */
  readonly englishWords: { has(word: string): boolean };
  /** The context rules of English the detector reads each match with (content/lexicon/context.yaml). */
  readonly context?: NegationRules;
}

export interface ConceptSpan {
  /** Token indexes, inclusive. */
  start: number;
  end: number;
}

export interface ConceptReading {
  tokens: Token[];
  /** Concept name to its mentions, leftmost first. */
  spans: Map<string, ConceptSpan[]>;
}

interface Term {
  id: number;
  concept: number;
  nodes: Matcher[];
  /** The nodes compiled: where a match starting at a word can end. */
  match: Step;
  /**
   * A necessary condition: for every required part, one of its words or stems (or prefixes, or
   * referred concepts) is in the message; otherwise the term is not tried at all.
   */
  anchors: Array<{ id: number; keys: Keys; refs: number[] }>;
  /** What the second word of a match can be (see `Follow`); undefined when anything may come second. */
  follow: Follow | undefined;
}

/**
 * What the word after a match's first word must be, when the term says. Most attempts fail
 * there ("my" starts many terms, "my back" none of them), and one lookup is cheaper than running
 * the parts.
 */
interface Follow {
  /** The words and stems it can be, by key id (see `keyOf` in compileConcepts), sorted. */
  keys: Int32Array;
  prefixes: readonly string[];
  numbers: boolean;
}

/** The keys of the second word of a match of nodes[from..], or undefined when it may be anything (or absent). */
function secondKeys(nodes: Matcher[], from = 0): Keys | undefined {
  const node = nodes[from];
  if (node === undefined) return undefined;
  switch (node.kind) {
    case 'word': {
      if (node.words.length === 1) return firstKeys(nodes, from + 1);
      const second = node.words[1]!;
      if (node.prefix && node.words.length === 2) return second.word.length >= PREFIX_KEY ? { ...emptyKeys(), prefixes: new Set([second.word]) } : undefined;
      return { ...emptyKeys(), exact: new Set(node.exact ? [second.word] : [second.word, second.stem]) };
    }
    case 'set': {
      const taken = firstKeys(nodes, from + 1);
      if (!node.optional || taken === undefined) return taken;
      const skipped = secondKeys(nodes, from + 1);
      return skipped === undefined ? undefined : merge(taken, skipped);
    }
    case 'number':
      return firstKeys(nodes, from + 1);
    case 'start':
      return secondKeys(nodes, from + 1);
    case 'choice': {
      const rest = nodes.slice(from + 1);
      return choiceKeys(node, (option) => secondKeys([...option, ...rest]), () => secondKeys(nodes, from + 1));
    }
    default:
      return undefined;
  }
}

function followOf(nodes: Matcher[], keyOf: (key: string) => number): Follow | undefined {
  const keys = secondKeys(nodes);
  if (keys === undefined || keys.refs.size > 0) return undefined;
  const ids = Int32Array.from([...keys.exact].filter((key) => key !== NUMBER_KEY).map(keyOf)).sort();
  return { keys: ids, prefixes: [...keys.prefixes], numbers: keys.exact.has(NUMBER_KEY) };
}

function hasKey(keys: Int32Array, key: number): boolean {
  let low = 0;
  let high = keys.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const here = keys[middle]!;
    if (here === key) return true;
    if (here < key) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** The word after a match's first word can be what the term needs there (see `Follow`). */
function follows(follow: Follow, word: ConceptWord | undefined): boolean {
  if (word === undefined) return false;
  if ((word.key >= 0 && hasKey(follow.keys, word.key)) || (word.stemKey >= 0 && hasKey(follow.keys, word.stemKey))) return true;
  if (follow.numbers && DIGITS.test(word.word)) return true;
  for (const prefix of follow.prefixes) if (word.word.startsWith(prefix)) return true;
  return false;
}

const DIGITS = /^\d+$/;

export interface ConceptMatcher {
  /** Every concept the lexicon defines. */
  readonly names: ReadonlySet<string>;
  read(tokens: Token[]): ConceptReading;
}

/** What one distinct word of a message does for the terms: its spelling-corrected form and stem, the terms that can start at it. */
interface ConceptWord {
  word: string;
  stem: string;
  /** The key ids of the word and its stem (-1: no term has it second), for `Follow`. */
  key: number;
  stemKey: number;
  /** Per level: the terms whose first word can be this one (those that can start anywhere aside), each with the step to enter it by. */
  starting: Starting[];
  /** The anchors (of `Term.anchors`, by id) this word is (by word, stem or start). */
  anchoring: number[];
  /** The last reading that marked this word's anchors: a word repeated in a message marks them once. */
  readNumber: number;
}

/**
 * The terms that can start at one word, in parallel arrays: the term ids, the steps to enter them
 * by, what must come second. A term whose second word must be one of a few words or stems is
 * filed under each of them instead (`bySecond`, by key id): the next word's keys pick the few
 * that can match there, and the many that cannot are never looked at.
 */
interface Starting {
  terms: Int32Array;
  steps: Step[];
  follows: Array<Follow | undefined>;
  bySecond: Map<number, { terms: Int32Array; steps: Step[] }>;
}

/** What most words start: nothing (one shared, read-only record). */
const STARTS_NOTHING: Starting = Object.freeze({ terms: new Int32Array(0), steps: [], follows: [], bySecond: new Map() });

/** Splits one word's starting terms into those filed by their second word and the rest. */
function byFollow(terms: number[], steps: Step[], follows: Array<Follow | undefined>, alsoByRef: Uint8Array): Starting {
  if (terms.length === 0) return STARTS_NOTHING;
  const rest: Starting = { terms: new Int32Array(0), steps: [], follows: [], bySecond: new Map() };
  const restTerms: number[] = [];
  const filed = new Map<number, { terms: number[]; steps: Step[] }>();
  terms.forEach((term, entry) => {
    const follow = follows[entry];
    // A term also entered by a reference stays with the rest: trying it here, even in vain, marks
    // the word as tried for it, as the reference's attempt then expects.
    if (follow === undefined || follow.numbers || follow.prefixes.length > 0 || alsoByRef[term] === 1) {
      restTerms.push(term);
      rest.steps.push(steps[entry]!);
      rest.follows.push(follow);
      return;
    }
    for (const key of follow.keys) {
      let list = filed.get(key);
      if (list === undefined) filed.set(key, (list = { terms: [], steps: [] }));
      list.terms.push(term);
      list.steps.push(steps[entry]!);
    }
  });
  rest.terms = Int32Array.from(restTerms);
  for (const [key, list] of filed) rest.bySecond.set(key, { terms: Int32Array.from(list.terms), steps: list.steps });
  return rest;
}

/** The sentence boundary as the terms see it: it starts nothing and anchors nothing. */
const BOUNDARY: ConceptWord = { word: SENTENCE_BOUNDARY, stem: SENTENCE_BOUNDARY, key: -1, stemKey: -1, starting: [], anchoring: [], readNumber: 0 };
/** Past the last word: nothing comes second. */
const NO_WORD: ConceptWord = { ...BOUNDARY };

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
    case 'choice':
      return choiceKeys(node, (option) => firstKeys(option), () => firstKeys(nodes, from + 1));
    default:
      return undefined;
  }
}

/** The keys of every option of a choice (undefined if one is), with those after it when it is optional. */
function choiceKeys(node: Extract<Matcher, { kind: 'choice' }>, ofOption: (option: Matcher[]) => Keys | undefined, skipped: () => Keys | undefined): Keys | undefined {
  const keys = emptyKeys();
  for (const option of node.options) {
    const optionKeys = ofOption(option);
    if (optionKeys === undefined) return undefined;
    merge(keys, optionKeys);
  }
  if (!node.optional) return keys;
  const rest = skipped();
  return rest === undefined ? undefined : merge(keys, rest);
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
  return rarestAnchor(nodes, nodeAnchor, (keys) => {
    const words = [...keys.exact, ...keys.prefixes];
    // A reference is as good as a long word: the concept has few mentions in a message.
    return keys.refs.size > 0 && words.length === 0 ? 800 - keys.refs.size : words.length === 0 ? -1 : Math.min(...words.map((word) => word.length)) * 100 - words.length - keys.refs.size;
  });
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
  // Every word and stem of the terms, numbered, for `Follow`: all are numbered before any
  // message is read, so a word's key never changes after its entries are compiled.
  const keyIds = new Map<string, number>();
  const keyOf = (key: string): number => {
    let id = keyIds.get(key);
    if (id === undefined) keyIds.set(key, (id = keyIds.size));
    return id;
  };
  // The steps compare these numbers (conceptSteps.ts): one a term's steps ask for that was not numbered with the term would make a word's number stale.
  const numbered = (key: string): number => {
    const id = keyIds.get(key);
    if (id === undefined) throw new Error(`compileConcepts: '${key}' was not numbered with its term`);
    return id;
  };
  const numberKeys = (nodes: Matcher[]): void => {
    for (const node of nodes) {
      if (node.kind === 'word') {
        for (const { word, stem } of node.words) {
          keyOf(word);
          keyOf(stem);
        }
      }
      else if (node.kind === 'set') for (const key of [...node.words, ...node.stems]) keyOf(key);
      else if (node.kind === 'choice') for (const option of node.options) numberKeys(option);
    }
  };
  let anchorCount = 0;
  const literals = new Set<string>(extraWords);
  for (const concept of names) {
    for (const source of vocabulary.concepts.get(concept)!) {
      const nodes = parsePhrase(source.replace(REFERENCE, (_whole, name: string) => `${REF}${indexOf.get(name)}`));
      literalWords(nodes, literals);
      const matchers = toMatchers(nodes);
      numberKeys(matchers);
      const anchors = matchers.flatMap((node) => {
        const keys = nodeAnchor(node);
        return keys === undefined ? [] : [{ id: anchorCount++, keys, refs: [...keys.refs] }];
      });
      terms.push({ id: terms.length, concept: indexOf.get(concept)!, nodes: matchers, match: compileSteps(matchers, numbered), anchors, follow: followOf(matchers, keyOf) });
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
  // Per level, the terms entered by a reference as a list (walking the Map makes an entry array each).
  const byRefLists = index.map((level) => [...level.byRef].map(([ref, referring]) => ({ ref, referring })));
  const enteredByRef = new Uint8Array(terms.length);
  for (const level of index) for (const referring of level.byRef.values()) for (const term of referring) enteredByRef[term.id] = 1;
  const correct = compileWordCorrector(literals, vocabulary.englishWords);
  // The terms' anchors by word, stem and word start, so each word of a message marks the terms it makes possible.
  const anchorExact = new Map<string, number[]>();
  const anchorPrefixed = new Map<string, Array<{ prefix: string; id: number }>>();
  for (const term of terms) {
    for (const { id, keys } of term.anchors) {
      for (const key of keys.exact) anchorExact.set(key, [...(anchorExact.get(key) ?? []), id]);
      for (const prefix of keys.prefixes) {
        const bucket = prefix.slice(0, PREFIX_KEY);
        anchorPrefixed.set(bucket, [...(anchorPrefixed.get(bucket) ?? []), { prefix, id }]);
      }
    }
  }
  // A term that opens with a dispatched choice is entered by the options that word can start, compiled once per set of options.
  const entries = new Map<Term, Map<string, { step: Step; follow: Follow | undefined }>>();
  const entryAt = (term: Term, token: { word: string; stem: string }): { step: Step; follow: Follow | undefined } | undefined => {
    const first = term.nodes[0];
    if (first?.kind !== 'choice' || first.dispatch === undefined) return { step: term.match, follow: term.follow };
    const options = optionsAt(first.dispatch, token);
    if (options.length === 0 && !first.optional) return undefined;
    const key = options.join(',');
    let byOptions = entries.get(term);
    if (byOptions === undefined) entries.set(term, (byOptions = new Map()));
    let step = byOptions.get(key);
    if (step === undefined) {
      const entered: Matcher = { kind: 'choice', optional: first.optional, options: options.map((index) => first.options[index]!) };
      byOptions.set(key, (step = { step: compileEntry(term.nodes, options, numbered), follow: followOf([entered, ...term.nodes.slice(1)], keyOf) }));
    }
    return step;
  };
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
      const ids: number[] = [];
      const steps: Step[] = [];
      const seconds: Array<Follow | undefined> = [];
      for (const term of at) {
        const entry = entryAt(term, { word, stem });
        if (entry === undefined) continue;
        ids.push(term.id);
        steps.push(entry.step);
        seconds.push(entry.follow);
      }
      return byFollow(ids, steps, seconds, enteredByRef);
    });
    const anchoring = new Set<number>([...(anchorExact.get(word) ?? []), ...(stem !== word ? (anchorExact.get(stem) ?? []) : [])]);
    for (const { prefix, id } of anchorPrefixed.get(key) ?? []) if (word.startsWith(prefix)) anchoring.add(id);
    return { word, stem, key: keyIds.get(word) ?? -1, stemKey: keyIds.get(stem) ?? -1, starting, anchoring: [...anchoring], readNumber: 0 };
  };
  // Each term's anchors flat (term -> its anchors -> the concepts each may be met by instead), read on every attempt.
  const termConcept = Int32Array.from(terms.map((term) => term.concept));
  const anchorsFrom = new Int32Array(terms.length + 1);
  const anchorIds: number[] = [];
  const refsFrom: number[] = [0];
  const refIds: number[] = [];
  terms.forEach((term, id) => {
    for (const anchor of term.anchors) {
      anchorIds.push(anchor.id);
      refIds.push(...anchor.refs);
      refsFrom.push(refIds.length);
    }
    anchorsFrom[id + 1] = anchorIds.length;
  });
  const anchorOf = Int32Array.from(anchorIds);
  const refStart = Int32Array.from(refsFrom);
  const refOf = Int32Array.from(refIds);
  // Per reading, reset at its start (a reading never starts inside another).
  const anchored = new Uint8Array(anchorCount);
  const possible = new Int8Array(terms.length);
  const tried = new Int32Array(terms.length);
  const out = emptyEnds();
  // The concepts some term refers to: only their mentions are kept by start while reading (the
  // steps and anchors of the referring terms look them up); every mention is also filed in
  // `mentionKeys`, one number each, sorted once at the end into the reading's lists.
  const referenced = new Uint8Array(names.length);
  const markReferences = (nodes: Matcher[]): void => {
    for (const node of nodes) {
      if (node.kind === 'ref') referenced[node.concept] = 1;
      else if (node.kind === 'choice') for (const option of node.options) markReferences(option);
    }
  };
  for (const term of terms) markReferences(term.nodes);
  let mentionKeys = new Float64Array(256);
  // Per concept, for the concepts some term refers to: where their mentions start, and the ends of each (emptied per reading).
  const found: Found = new Array(names.length).fill(undefined);
  let mentionCount = 0;
  // People reuse the same few hundred words: what each does for the terms is worked out once (it is pure).
  const wordMemo = new Map<string, ConceptWord>();
  let readings = 0;

  return {
    names: new Set(names),
    read(tokens) {
      readings += 1;
      const reading = readings;
      const count = tokens.length;
      // The message's words as the terms see them: one shared object per distinct word, nothing allocated per word.
      const words: ConceptWord[] = new Array(count);
      // Which anchors are in the message: a term can match only if all of its anchors are (or concepts they refer to).
      anchored.fill(0);
      for (let position = 0; position < count; position += 1) {
        const raw = tokens[position]!.word;
        if (raw === SENTENCE_BOUNDARY) {
          words[position] = BOUNDARY;
          continue;
        }
        let seen = wordMemo.get(raw);
        if (seen === undefined) {
          seen = wordOf(raw);
          if (wordMemo.size < 50_000) wordMemo.set(raw, seen);
        }
        words[position] = seen;
        if (seen.readNumber !== reading) {
          seen.readNumber = reading;
          const anchoring = seen.anchoring;
          for (let k = 0; k < anchoring.length; k += 1) anchored[anchoring[k]!] = 1;
        }
      }
      found.fill(undefined);
      possible.fill(0);
      mentionCount = 0;
      // A mention's start and end (exclusive) are at most `count`.
      const base = count + 1;
      // A message of millions of words, whose numbers would not fit a double exactly: its mentions as triples.
      const huge: Array<[number, number, number]> | undefined = names.length * base * base < Number.MAX_SAFE_INTEGER ? undefined : [];
      // Decided once per term, when first tried: the concepts it refers to are on lower levels, read by then.
      const canMatch = (term: number): boolean => {
        const known = possible[term]!;
        if (known !== 0) return known > 0;
        let ok = true;
        for (let anchor = anchorsFrom[term]!, last = anchorsFrom[term + 1]!; anchor < last && ok; anchor += 1) {
          if (anchored[anchorOf[anchor]!] === 1) continue;
          ok = false;
          for (let ref = refStart[anchor]!, end = refStart[anchor + 1]!; ref < end; ref += 1) if (found[refOf[ref]!] !== undefined) { ok = true; break; }
        }
        possible[term] = ok ? 1 : -1;
        return ok;
      };
      // Where each term was last tried, plus one (0: not yet), so that no start is tried twice.
      tried.fill(0);
      const context: StepContext = { tokens: words, found, out };
      const attempt = (term: number, pos: number, step: Step, follow: Follow | undefined) => {
        if (tried[term] === pos + 1 || !canMatch(term)) return;
        tried[term] = pos + 1;
        if (follow !== undefined && !follows(follow, words[pos + 1])) return;
        out.size = 0;
        step(context, pos);
        // The longest match stands for the term here: "pins and needles" rather than "pins".
        let longest = -1;
        for (let index = 0; index < out.size; index += 1) if (out.at[index]! > longest) longest = out.at[index]!;
        if (longest <= pos) return;
        const concept = termConcept[term]!;
        if (referenced[concept] === 1) {
          let byStart = found[concept];
          if (byStart === undefined) found[concept] = byStart = new Map();
          const list = byStart.get(pos);
          if (list === undefined) byStart.set(pos, [longest]);
          else if (!list.includes(longest)) list.push(longest);
          else return;
        }
        // (concept, start, end) as one number, in that order of significance; repeats are dropped once sorted.
        if (mentionCount === mentionKeys.length) {
          const grown = new Float64Array(mentionKeys.length * 2);
          grown.set(mentionKeys);
          mentionKeys = grown;
        }
        if (huge !== undefined) huge.push([concept, pos, longest]);
        else mentionKeys[mentionCount++] = (concept * base + pos) * base + longest;
      };
      for (let depth = 0; depth < index.length; depth += 1) {
        const level = index[depth]!;
        for (let pos = 0; pos < count; pos += 1) {
          const word = words[pos]!;
          if (word === BOUNDARY) continue;
          for (let k = 0; k < level.anywhere.length; k += 1) {
            const term = level.anywhere[k]!;
            attempt(term.id, pos, term.match, term.follow);
          }
          const { terms: starting, steps, follows: seconds, bySecond } = word.starting[depth]!;
          for (let entry = 0; entry < starting.length; entry += 1) attempt(starting[entry]!, pos, steps[entry]!, seconds[entry]);
          if (bySecond.size === 0) continue;
          // The terms filed by their second word: those the next word (or its stem) is second of.
          const next = pos + 1 < count ? words[pos + 1]! : NO_WORD;
          if (next.key >= 0) {
            const filed = bySecond.get(next.key);
            if (filed !== undefined) for (let entry = 0; entry < filed.terms.length; entry += 1) attempt(filed.terms[entry]!, pos, filed.steps[entry]!, undefined);
          }
          if (next.stemKey >= 0 && next.stemKey !== next.key) {
            const filed = bySecond.get(next.stemKey);
            if (filed !== undefined) for (let entry = 0; entry < filed.terms.length; entry += 1) attempt(filed.terms[entry]!, pos, filed.steps[entry]!, undefined);
          }
        }
        // Terms that start with a reference: tried where that concept's mentions start (found on
        // lower levels, so the list does not change while it is walked).
        const refLists = byRefLists[depth]!;
        for (let list = 0; list < refLists.length; list += 1) {
          const { ref, referring } = refLists[list]!;
          const byStart = found[ref];
          if (byStart === undefined) continue;
          byStart.forEach((_ends, start) => {
            for (let k = 0; k < referring.length; k += 1) attempt(referring[k]!.id, start, referring[k]!.match, referring[k]!.follow);
          });
        }
      }
      const spans = new Map<string, ConceptSpan[]>();
      if (huge === undefined) {
        const keys = mentionKeys.subarray(0, mentionCount).sort();
        let list: ConceptSpan[] | undefined;
        let listConcept = -1;
        for (let k = 0; k < keys.length; k += 1) {
          const key = keys[k]!;
          if (k > 0 && keys[k - 1] === key) continue;
          const end = key % base;
          const rest = (key - end) / base;
          const start = rest % base;
          const concept = (rest - start) / base;
          if (concept !== listConcept) {
            spans.set(names[concept]!, (list = []));
            listConcept = concept;
          }
          list!.push({ start, end: end - 1 });
        }
      } else {
        huge.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
        huge.forEach(([concept, start, end], k) => {
          const previous = huge[k - 1];
          if (previous !== undefined && previous[0] === concept && previous[1] === start && previous[2] === end) return;
          const name = names[concept]!;
          const list = spans.get(name);
          if (list === undefined) spans.set(name, [{ start, end: end - 1 }]);
          else list.push({ start, end: end - 1 });
        });
      }
      return { tokens, spans };
    },
  };
}
