/**
 * The small phrase language clinicians write in content files (documented for them in
 * content/red-flags/README.md). A phrase compiles once into a RegExp over the message's
 * normalised words joined by single spaces (" i can not feel . it ").
 *
 *   word        that word (written as people type it: "can't" means "can not")
 *   numb*       any word starting with "numb" (numb, numbness, numbed)
 *   (a|b c)     one of the alternatives; an alternative can be several words
 *   [a|b c]     optional: one of the alternatives, or nothing; `(a|b)?` and `word?` mean the same
 *   ...  ...6   up to 4 (or 6) other words of the same sentence in between
 *   #50-110     a whole number in that range
 *   @name       a word group from a `words:` list (expanded before compiling)
 *   ^  $        the start / end of the message
 */
import { phraseWords } from './normalise.ts';

export type PhraseNode = Node;
type Node =
  | { kind: 'word'; words: string[]; prefix: boolean; exact?: boolean }
  | { kind: 'number'; min: number; max: number }
  | { kind: 'gap'; max: number }
  | { kind: 'choice'; options: Node[][]; optional: boolean }
  | { kind: 'start' }
  | { kind: 'end' };

export class PatternError extends Error {}

export interface CompiledPattern {
  source: string;
  regex: RegExp;
  /** Regex group numbers of the `...` gaps, so negations inside a gap can be found. */
  gapGroups: number[];
  /** Whole literal words, for spelling tolerance. */
  literals: string[];
  /**
   * A cheap necessary condition, checked before the regex runs: every match contains one of these
   * whole words, or a word starting with one of these prefixes. Absent when no required part has words.
   */
  anchor?: Anchor;
  /**
   * What the first word of every match can be (a word, a word start, or any whole number), so
   * that an index tries the phrase only where it can start. Absent when a match can start with
   * any word (a leading gap).
   */
  first?: FirstWords;
  /** The most words a match can span: the reach of a match around one of its words. */
  maxWords: number;
}

export interface Anchor {
  words: string[];
  prefixes: string[];
}

export interface FirstWords extends Anchor {
  /** A number range can come first: any all-digit word may start a match. */
  numbers: boolean;
}

const DEFAULT_GAP = 4;
const MAX_GAP = 12;
const LEXEME = /\s*(\.\.\.\d*|#\d+-\d+|[()[\]|^$?]|[^\s()[\]|^$?]+)/y;

function lex(source: string): string[] {
  const lexemes: string[] = [];
  const text = source.trimEnd();
  LEXEME.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (LEXEME.lastIndex < text.length && (match = LEXEME.exec(text)) !== null) {
    if (match[1] !== undefined) lexemes.push(match[1]);
  }
  return lexemes;
}

class Parser {
  private index = 0;
  constructor(private readonly lexemes: string[], private readonly source: string) {}

  parseAll(): Node[] {
    const sequence = this.sequence();
    if (this.index < this.lexemes.length) throw new PatternError(`unexpected "${this.lexemes[this.index]}" in "${this.source}"`);
    return sequence;
  }

  private sequence(): Node[] {
    const nodes: Node[] = [];
    for (;;) {
      const lexeme = this.lexemes[this.index];
      if (lexeme === undefined || lexeme === ')' || lexeme === ']' || lexeme === '|') return nodes;
      this.index += 1;
      if (lexeme === '?') throw new PatternError(`"?" must follow a word or a bracket in "${this.source}"`);
      const item = this.item(lexeme);
      if (this.lexemes[this.index] === '?') {
        this.index += 1;
        nodes.push({ kind: 'choice', options: [item], optional: true });
      } else nodes.push(...item);
    }
  }

  private item(lexeme: string): Node[] {
    if (lexeme === '(' || lexeme === '[') return [this.choice(lexeme === '[')];
    if (lexeme === '^') return [{ kind: 'start' }];
    if (lexeme === '$') return [{ kind: 'end' }];
    if (lexeme.startsWith('...')) {
      const max = lexeme.length > 3 ? Number(lexeme.slice(3)) : DEFAULT_GAP;
      if (!(max >= 1 && max <= MAX_GAP)) throw new PatternError(`gap "${lexeme}" must allow 1 to ${MAX_GAP} words in "${this.source}"`);
      return [{ kind: 'gap', max }];
    }
    if (lexeme.startsWith('#')) {
      const [min, max] = lexeme.slice(1).split('-').map(Number);
      if (min === undefined || max === undefined || min > max || max - min > 1000) throw new PatternError(`number range "${lexeme}" is not a small range in "${this.source}"`);
      return [{ kind: 'number', min, max }];
    }
    if (lexeme.startsWith('@')) throw new PatternError(`unknown word group "${lexeme}" in "${this.source}"`);
    // "=word": exactly this word, not others of its stem (concept terms match stems; phrases never do).
    const exact = lexeme.startsWith('=');
    const bare = exact ? lexeme.slice(1) : lexeme;
    const prefix = bare.endsWith('*');
    const words = phraseWords(prefix ? bare.slice(0, -1) : bare);
    if (words.length === 0) throw new PatternError(`"${lexeme}" has no letters in "${this.source}"`);
    return [{ kind: 'word', words, prefix, ...(exact ? { exact } : {}) }];
  }

  private choice(optional: boolean): Node {
    const close = optional ? ']' : ')';
    const options: Node[][] = [this.sequence()];
    while (this.lexemes[this.index] === '|') {
      this.index += 1;
      options.push(this.sequence());
    }
    if (this.lexemes[this.index] !== close) throw new PatternError(`missing "${close}" in "${this.source}"`);
    this.index += 1;
    if (options.some((option) => option.length === 0)) throw new PatternError(`empty alternative in "${this.source}"`);
    return { kind: 'choice', options, optional };
  }
}

function requiresAWord(nodes: Node[]): boolean {
  return nodes.some((node) =>
    node.kind === 'word' || node.kind === 'number' || (node.kind === 'choice' && !node.optional && node.options.every(requiresAWord)),
  );
}

const escape = (word: string): string => word.replace(/[^a-z0-9 ]/g, '');

function toRegex(nodes: Node[], gapCounter: { next: number; groups: number[] }, literals: string[]): string {
  return nodes
    .map((node): string => {
      switch (node.kind) {
        case 'word': {
          if (!node.prefix) literals.push(...node.words);
          else literals.push(...node.words.slice(0, -1));
          const text = node.words.map((word) => ` ${escape(word)}`).join('');
          return node.prefix ? `${text}[a-z0-9]*` : text;
        }
        case 'number': {
          const numbers: string[] = [];
          for (let n = node.max; n >= node.min; n -= 1) numbers.push(String(n));
          // A clock's minutes keep their leading zero ("19:00", "7:05"): one zero may lead.
          return ` 0?(?:${numbers.join('|')})`;
        }
        case 'gap':
          gapCounter.groups.push(gapCounter.next);
          gapCounter.next += 1;
          return `((?: [a-z0-9]+){0,${node.max}}?)`;
        case 'choice': {
          const body = node.options.map((option) => toRegex(option, gapCounter, literals)).join('|');
          return node.optional ? `(?:${body})?` : `(?:${body})`;
        }
        case 'start':
          return '^';
        case 'end':
          return '(?= $)';
      }
    })
    .join('');
}

/** The anchor of one node: a word it must contain, or undefined when it can match without a word. */
function nodeAnchor(node: Node): Anchor | undefined {
  switch (node.kind) {
    case 'word': {
      const exact = (node.prefix ? node.words.slice(0, -1) : node.words).map(escape);
      if (exact.length > 0) return { words: [exact.reduce((a, b) => (b.length > a.length ? b : a))], prefixes: [] };
      return { words: [], prefixes: [escape(node.words[node.words.length - 1]!)] };
    }
    case 'choice': {
      if (node.optional) return undefined;
      const options = node.options.map(sequenceAnchor);
      if (options.some((option) => option === undefined)) return undefined;
      return { words: [...new Set(options.flatMap((o) => o!.words))], prefixes: [...new Set(options.flatMap((o) => o!.prefixes))] };
    }
    default:
      return undefined;
  }
}

/**
 * Of the parts of a sequence, the anchor scoring highest (the first of equals; none scoring
 * above -1, or undefined, counts): phrases and concept terms both test their rarest part first.
 */
export function rarestAnchor<T, A>(nodes: readonly T[], anchorOf: (node: T) => A | undefined, score: (anchor: A) => number | undefined): A | undefined {
  let best: A | undefined;
  let bestScore = -1;
  for (const node of nodes) {
    const anchor = anchorOf(node);
    if (anchor === undefined) continue;
    const value = score(anchor);
    if (value !== undefined && value > bestScore) {
      best = anchor;
      bestScore = value;
    }
  }
  return best;
}

/** Of the required parts of a sequence, the one whose shortest word is longest: the rarest, usually. */
function sequenceAnchor(nodes: Node[]): Anchor | undefined {
  return rarestAnchor(nodes, nodeAnchor, (anchor) => {
    const all = [...anchor.words, ...anchor.prefixes];
    return all.some((word) => word.length === 0) ? undefined : Math.min(...all.map((word) => word.length)) * 100 - all.length;
  });
}

/** What nodes[from..] can start with (the regex's first ` word`), or undefined when it may be any word. */
function firstWords(nodes: Node[], from = 0): FirstWords | undefined {
  const node = nodes[from];
  if (node === undefined) return undefined;
  switch (node.kind) {
    case 'word': {
      const first = escape(node.words[0]!);
      return node.prefix && node.words.length === 1 ? { words: [], prefixes: [first], numbers: false } : { words: [first], prefixes: [], numbers: false };
    }
    case 'number':
      return { words: [], prefixes: [], numbers: true };
    case 'start':
      return firstWords(nodes, from + 1);
    case 'choice': {
      const all: FirstWords = { words: [], prefixes: [], numbers: false };
      const options = node.optional ? [...node.options, nodes.slice(from + 1)] : node.options;
      for (const option of options) {
        const first = firstWords(option);
        if (first === undefined) return undefined;
        all.words.push(...first.words);
        all.prefixes.push(...first.prefixes);
        all.numbers ||= first.numbers;
      }
      return { words: [...new Set(all.words)], prefixes: [...new Set(all.prefixes)], numbers: all.numbers };
    }
    default:
      // A gap may start with any word; "$" cannot start a match that has words.
      return undefined;
  }
}

function maxWordsOf(nodes: Node[]): number {
  let words = 0;
  for (const node of nodes) {
    if (node.kind === 'word') words += node.words.length;
    else if (node.kind === 'number') words += 1;
    else if (node.kind === 'gap') words += node.max;
    else if (node.kind === 'choice') words += Math.max(...node.options.map(maxWordsOf));
  }
  return words;
}

/** Expands `@name` word groups (which may use other groups) into `(a|b|c)` choices. */
export function expandWordGroups(source: string, groups: ReadonlyMap<string, readonly string[]>, depth = 0): string {
  if (depth > 5) throw new PatternError(`word groups nest too deeply in "${source}"`);
  return source.replace(/@([a-z][a-z0-9-]*)/g, (_whole, name: string) => {
    const members = groups.get(name);
    if (members === undefined) throw new PatternError(`unknown word group "@${name}"`);
    return `(${members.map((member) => expandWordGroups(member, groups, depth + 1)).join('|')})`;
  });
}

/**
 * Parses a phrase (word groups already expanded) into its nodes, for matchers that do not use a
 * RegExp (the concept matcher compares stems as well as words). Throws PatternError.
 */
export function parsePhrase(source: string, groups: ReadonlyMap<string, readonly string[]> = new Map()): PhraseNode[] {
  const nodes = new Parser(lex(expandWordGroups(source, groups)), source).parseAll();
  if (!requiresAWord(nodes)) throw new PatternError(`"${source}" must contain at least one required word`);
  return nodes;
}

/** Compiles one phrase; throws PatternError with a readable reason when it is malformed. */
export function compilePattern(source: string, groups: ReadonlyMap<string, readonly string[]> = new Map()): CompiledPattern {
  const expanded = expandWordGroups(source, groups);
  const nodes = new Parser(lex(expanded), source).parseAll();
  if (!requiresAWord(nodes)) throw new PatternError(`"${source}" must contain at least one required word`);
  const gapCounter = { next: 1, groups: [] as number[] };
  const literals: string[] = [];
  const body = toRegex(nodes, gapCounter, literals);
  const first = firstWords(nodes);
  return {
    source,
    regex: new RegExp(`${body}(?= )`, 'gd'),
    gapGroups: gapCounter.groups,
    literals,
    anchor: sequenceAnchor(nodes),
    ...(first !== undefined ? { first } : {}),
    maxWords: maxWordsOf(nodes),
  };
}
