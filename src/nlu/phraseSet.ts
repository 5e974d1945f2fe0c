/**
 * Labelled phrase lists (yes/no words, region words, intents) compiled once, and the two ways
 * the parsers read them: all affirmed mentions without overlaps (longest first), or the first
 * label in priority order with an affirmed mention.
 */
import { findSpans, type Span } from './matcher.ts';
import { spanContext, type CompiledNegation, type SpanContext } from './negation.ts';
import { compilePattern, type CompiledPattern } from './pattern.ts';
import type { PreparedText } from './preparedText.ts';

export interface PhraseSet<L extends string> {
  entries: Array<{ label: L; pattern: CompiledPattern }>;
  /** Labels in priority order, each with its patterns. */
  byLabel: Array<{ label: L; patterns: CompiledPattern[] }>;
  /**
   * The patterns that can match a text: those whose anchor word is one of its words, and those
   * with a prefix anchor or none (findSpans tests them itself). Every other pattern would find no
   * span, so skipping it changes nothing; the answer lists run on every message, and trying each of
   * their hundreds of phrases was most of an answer's reading.
   */
  possible(text: PreparedText): ReadonlySet<CompiledPattern>;
  /** The context rules a mention is read with (content/lexicon/context.yaml). */
  negation: CompiledNegation;
}

export interface Mention<L extends string> {
  label: L;
  span: Span;
}

/** Label order is kept: it is the priority order for `firstAffirmedLabel`. */
export function compilePhraseSet<L extends string>(lists: Record<L, readonly string[]>, negation: CompiledNegation): PhraseSet<L> {
  const byLabel = (Object.keys(lists) as L[]).map((label) => ({ label, patterns: lists[label].map((phrase) => compilePattern(phrase)) }));
  const entries = byLabel.flatMap(({ label, patterns }) => patterns.map((pattern) => ({ label, pattern })));
  return { byLabel, entries, possible: anchorIndex(entries.map(({ pattern }) => pattern)), negation };
}

function anchorIndex(patterns: readonly CompiledPattern[]): (text: PreparedText) => ReadonlySet<CompiledPattern> {
  const byWord = new Map<string, CompiledPattern[]>();
  const always: CompiledPattern[] = [];
  for (const pattern of patterns) {
    const anchor = pattern.anchor;
    if (anchor === undefined || anchor.prefixes.length > 0 || anchor.words.length === 0) {
      always.push(pattern);
      continue;
    }
    for (const word of anchor.words) {
      const list = byWord.get(word);
      if (list === undefined) byWord.set(word, [pattern]);
      else if (list[list.length - 1] !== pattern) list.push(pattern);
    }
  }
  // A parser asks several times about the same message (readYesNo: its mentions, doubt, the
  // leading word): the last answer is kept. A prepared text never changes, so it cannot go stale.
  let lastText: PreparedText | undefined;
  let lastPossible: ReadonlySet<CompiledPattern> = new Set();
  return (text) => {
    if (text === lastText) return lastPossible;
    const possible = new Set(always);
    for (const word of text.words) {
      const list = byWord.get(word);
      if (list !== undefined) for (const pattern of list) possible.add(pattern);
    }
    lastText = text;
    lastPossible = possible;
    return possible;
  };
}

/**
 * Every mention, leftmost first; where two overlap the longer wins ("not really" over "really").
 * With `affirmedOnly`, a denied mention ("not my neck") is dropped, after overlaps are settled.
 */
export function mentions<L extends string>(set: PhraseSet<L>, text: PreparedText, affirmedOnly: boolean): Mention<L>[] {
  const possible = set.possible(text);
  // A plain loop: the set's hundreds of entries are passed over without an array each (most are not possible).
  const all: Mention<L>[] = [];
  for (const { label, pattern } of set.entries) {
    if (!possible.has(pattern)) continue;
    for (const span of findSpans(pattern, text)) all.push({ label, span });
  }
  all.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const chosen: Mention<L>[] = [];
  let next = 0;
  for (const mention of all) {
    if (mention.span.start < next) continue;
    chosen.push(mention);
    next = mention.span.end + 1;
  }
  return affirmedOnly ? chosen.filter((mention) => spanContext(text.tokens, mention.span, set.negation) === 'affirmed') : chosen;
}

/** The first label, in the set's order, with at least one affirmed mention (or one in a context `accept` allows). */
export function firstAffirmedLabel<L extends string>(set: PhraseSet<L>, text: PreparedText, accept: readonly SpanContext[] = ['affirmed']): L | undefined {
  const possible = set.possible(text);
  const affirmed = (pattern: CompiledPattern): boolean => possible.has(pattern) && findSpans(pattern, text).some((span) => accept.includes(spanContext(text.tokens, span, set.negation)));
  return set.byLabel.find(({ patterns }) => patterns.some(affirmed))?.label;
}
