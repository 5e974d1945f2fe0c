/**
 * A concept term compiled into small functions, one per part, each calling the next: where a
 * match of the term starting at a word can end. It does what walking the parsed parts would do,
 * but each function only ever sees one kind of part, which the JavaScript engine runs several
 * times faster than one function switching over every kind (the concept pass is the detector's
 * hottest loop).
 */
import { SENTENCE_BOUNDARY } from './normalise.ts';

export type Matcher =
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
export interface Dispatch {
  byKey: Map<string, number[]>;
  prefixes: Array<{ prefix: string; option: number }>;
  always: number[];
}

/**
 * A word of the message as concepts see it (spelling corrected, with its stem), and the numbers
 * of both among the terms' words and stems (-1: no term has it). The steps compare numbers: a
 * message's words are fresh strings, and comparing or hashing one against the terms' copies
 * reads its characters every time.
 */
export interface StepToken {
  word: string;
  stem: string;
  key: number;
  stemKey: number;
}

/**
 * The number of one of the terms' words or stems. Every word and stem of a term is numbered
 * before its steps are compiled, so equal numbers are equal strings and a word no term has
 * (-1) equals none.
 */
export type KeyOf = (key: string) => number;

/**
 * Where matches end, each once, in the order found. Not a Set, nor an array emptied by setting
 * its length: both allocate on every emptying, and matching empties one on every attempt. The
 * list is only ever overwritten from the start; `size` says how much of it is in use.
 */
export interface Ends {
  at: number[];
  size: number;
}

export const emptyEnds = (): Ends => ({ at: [], size: 0 });

function addEnd(list: Ends, pos: number): void {
  for (let index = 0; index < list.size; index += 1) if (list.at[index] === pos) return;
  list.at[list.size] = pos;
  list.size += 1;
}

/** What one reading of a message gives every step: its words, the mentions found so far, where to put ends. */
export interface StepContext {
  tokens: readonly StepToken[];
  /** Per concept (by index): where its mentions start, and the ends (exclusive) of each. */
  found: Array<Map<number, number[]> | undefined>;
  out: Ends;
}

/** From a word position: every position where a match of the rest of the term can end (exclusive), added to `out`. */
export type Step = (context: StepContext, pos: number) => void;

const emit: Step = (context, pos) => addEnd(context.out, pos);

/** The term's parts as one step, ending in `out`. */
export function compileSteps(nodes: Matcher[], keyOf: KeyOf): Step {
  return sequence(nodes, 0, emit, keyOf);
}

function sequence(nodes: Matcher[], k: number, next: Step, keyOf: KeyOf): Step {
  const node = nodes[k];
  if (node === undefined) return next;
  const rest = sequence(nodes, k + 1, next, keyOf);
  switch (node.kind) {
    case 'word':
      return word(node, rest, keyOf);
    case 'set':
      return set(node, rest, keyOf);
    case 'ref': {
      const concept = node.concept;
      return (context, pos) => {
        const mentionEnds = context.found[concept]?.get(pos);
        if (mentionEnds !== undefined) for (const end of mentionEnds) rest(context, end);
      };
    }
    case 'number': {
      const { min, max } = node;
      return (context, pos) => {
        const token = context.tokens[pos];
        if (token === undefined || !/^\d+$/.test(token.word)) return;
        const value = Number(token.word);
        if (value >= min && value <= max) rest(context, pos + 1);
      };
    }
    case 'gap': {
      const max = node.max;
      return (context, pos) => {
        const tokens = context.tokens;
        for (let skip = 0; skip <= max; skip += 1) {
          if (skip > 0) {
            const skipped = tokens[pos + skip - 1];
            if (skipped === undefined || skipped.word === SENTENCE_BOUNDARY) break;
          }
          rest(context, pos + skip);
        }
      };
    }
    case 'choice':
      return choice(node, rest, keyOf);
    case 'start':
      return (context, pos) => {
        if (pos === 0 || context.tokens[pos - 1]?.word === SENTENCE_BOUNDARY) rest(context, pos);
      };
    case 'end':
      return (context, pos) => {
        if (pos === context.tokens.length || context.tokens[pos]?.word === SENTENCE_BOUNDARY) rest(context, pos);
      };
  }
}

function word(node: Extract<Matcher, { kind: 'word' }>, rest: Step, keyOf: KeyOf): Step {
  const { words, prefix, exact } = node;
  const wordKeys = words.map((entry) => keyOf(entry.word));
  const stemKeys = words.map((entry) => keyOf(entry.stem));
  if (words.length === 1 && !prefix) {
    // The common case, one whole word: its word and stem compared directly (a boundary's numbers are -1).
    const expected = wordKeys[0]!;
    const stem = stemKeys[0]!;
    return (context, pos) => {
      const token = context.tokens[pos];
      if (token === undefined) return;
      if (token.key === expected || (!exact && token.stemKey === stem)) rest(context, pos + 1);
    };
  }
  const last = words.length - 1;
  return (context, pos) => {
    const tokens = context.tokens;
    let at = pos;
    for (let w = 0; w <= last; w += 1) {
      const token = tokens[at];
      if (token === undefined || token.word === SENTENCE_BOUNDARY) return;
      const matches = prefix && w === last ? token.word.startsWith(words[w]!.word) : token.key === wordKeys[w] || (!exact && token.stemKey === stemKeys[w]);
      if (!matches) return;
      at += 1;
    }
    rest(context, at);
  };
}

function set(node: Extract<Matcher, { kind: 'set' }>, rest: Step, keyOf: KeyOf): Step {
  const { prefixes, optional } = node;
  const words = new Set([...node.words].map(keyOf));
  const stems = new Set([...node.stems].map(keyOf));
  return (context, pos) => {
    if (optional) rest(context, pos);
    const token = context.tokens[pos];
    if (token === undefined || token.word === SENTENCE_BOUNDARY) return;
    let hit = words.has(token.key) || stems.has(token.stemKey);
    if (!hit) for (const prefix of prefixes) if (token.word.startsWith(prefix)) { hit = true; break; }
    if (hit) rest(context, pos + 1);
  };
}

/**
 * The options first (each ending in this choice's own list of ends), then the rest from each
 * distinct end. A choice is never re-entered while its list is in use: the rest of a term never
 * contains the choice itself, and the options only add to the list.
 */
function choice(node: Extract<Matcher, { kind: 'choice' }>, rest: Step, keyOf: KeyOf): Step {
  const inner = emptyEnds();
  const collect: Step = (_context, pos) => addEnd(inner, pos);
  const options = node.options.map((option) => sequence(option, 0, collect, keyOf));
  const { optional, dispatch } = node;
  // The dispatch by word number (its keys are the options' first words and stems, all numbered).
  const byKey = new Map([...(dispatch?.byKey ?? [])].map(([key, indexes]) => [keyOf(key), indexes]));
  return (context, pos) => {
    inner.size = 0;
    if (dispatch === undefined) for (const option of options) option(context, pos);
    else {
      for (const index of dispatch.always) options[index]!(context, pos);
      const token = context.tokens[pos];
      if (token !== undefined && token.word !== SENTENCE_BOUNDARY) {
        const byWord = byKey.get(token.key);
        if (byWord !== undefined) for (const index of byWord) options[index]!(context, pos);
        // Different numbers are different strings; a stem no term has (-1) finds nothing, as its string would.
        if (token.stemKey !== token.key) {
          const byStem = byKey.get(token.stemKey);
          if (byStem !== undefined) for (const index of byStem) if (byWord === undefined || !byWord.includes(index)) options[index]!(context, pos);
        }
        for (const { prefix, option } of dispatch.prefixes) if (token.word.startsWith(prefix)) options[option]!(context, pos);
      }
    }
    if (optional) addEnd(inner, pos);
    for (let index = 0; index < inner.size; index += 1) rest(context, inner.at[index]!);
  };
}

/**
 * A term that opens with a big choice, entered at one word: only the options that can start
 * with that word (what the choice's dispatch would pick for it), then the rest of the term. The
 * same ends as the whole term from there, without looking the word up again on every attempt.
 */
export function compileEntry(nodes: Matcher[], options: readonly number[], keyOf: KeyOf): Step {
  const first = nodes[0];
  if (first?.kind !== 'choice') throw new Error('an entry opens with a choice');
  const chosen = options.map((index) => first.options[index]!);
  const step = choice({ ...first, options: chosen, dispatch: undefined } as Extract<Matcher, { kind: 'choice' }>, sequence(nodes, 1, emit, keyOf), keyOf);
  const words = first.optional ? undefined : secondWords(chosen);
  if (words === undefined) return step;
  const second = new Set([...words].map(keyOf));
  // Every option is two words or more ("my flow", "my bits"): the next word must be one of their second words.
  return (context, pos) => {
    const next = context.tokens[pos + 1];
    if (next !== undefined && (second.has(next.key) || second.has(next.stemKey))) step(context, pos);
  };
}

/**
 * When every option opens with a run of two or more whole words, what the second word (or its
 * stem) must be; otherwise undefined.
 */
function secondWords(options: Matcher[][]): Set<string> | undefined {
  const keys = new Set<string>();
  for (const option of options) {
    const node = option[0];
    if (node?.kind !== 'word' || node.words.length < 2 || (node.prefix && node.words.length === 2)) return undefined;
    const word = node.words[1]!;
    keys.add(word.word);
    if (!node.exact) keys.add(word.stem);
  }
  return options.length > 0 ? keys : undefined;
}

/** The options of a dispatched choice that can start at this word, in the order the dispatch tries them. */
export function optionsAt(dispatch: Dispatch, token: Pick<StepToken, 'word' | 'stem'>): number[] {
  const options = [...dispatch.always];
  if (token.word === SENTENCE_BOUNDARY) return options;
  const byWord = dispatch.byKey.get(token.word);
  if (byWord !== undefined) options.push(...byWord);
  if (token.stem !== token.word) for (const index of dispatch.byKey.get(token.stem) ?? []) if (byWord === undefined || !byWord.includes(index)) options.push(index);
  for (const { prefix, option } of dispatch.prefixes) if (token.word.startsWith(prefix)) options.push(option);
  return options;
}
