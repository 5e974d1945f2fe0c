/**
 * Labelled phrase lists (yes/no words, region words, intents) compiled once, and the two ways
 * the parsers read them: all affirmed mentions without overlaps (longest first), or the first
 * label in priority order with an affirmed mention.
 */
import { findSpans, type Span } from './matcher.ts';
import { compileNegation, spanContext, type CompiledNegation, type SpanContext } from './negation.ts';
import { compilePattern, type CompiledPattern } from './pattern.ts';
import type { PreparedText } from './preparedText.ts';

export interface PhraseSet<L extends string> {
  entries: Array<{ label: L; pattern: CompiledPattern }>;
  /** Labels in priority order, each with its patterns. */
  byLabel: Array<{ label: L; patterns: CompiledPattern[] }>;
}

export interface Mention<L extends string> {
  label: L;
  span: Span;
}

const negation: CompiledNegation = compileNegation();

/** Label order is kept: it is the priority order for `firstAffirmedLabel`. */
export function compilePhraseSet<L extends string>(lists: Record<L, readonly string[]>): PhraseSet<L> {
  const byLabel = (Object.keys(lists) as L[]).map((label) => ({ label, patterns: lists[label].map((phrase) => compilePattern(phrase)) }));
  return { byLabel, entries: byLabel.flatMap(({ label, patterns }) => patterns.map((pattern) => ({ label, pattern }))) };
}

/**
 * Every mention, leftmost first; where two overlap the longer wins ("not really" over "really").
 * With `affirmedOnly`, a denied mention ("not my neck") is dropped, after overlaps are settled.
 */
export function mentions<L extends string>(set: PhraseSet<L>, text: PreparedText, affirmedOnly: boolean): Mention<L>[] {
  const all = set.entries.flatMap(({ label, pattern }) => findSpans(pattern, text).map((span) => ({ label, span })));
  all.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const chosen: Mention<L>[] = [];
  let next = 0;
  for (const mention of all) {
    if (mention.span.start < next) continue;
    chosen.push(mention);
    next = mention.span.end + 1;
  }
  return affirmedOnly ? chosen.filter((mention) => spanContext(text.tokens, mention.span, negation) === 'affirmed') : chosen;
}

/** The first label, in the set's order, with at least one affirmed mention (or one in a context `accept` allows). */
export function firstAffirmedLabel<L extends string>(set: PhraseSet<L>, text: PreparedText, accept: readonly SpanContext[] = ['affirmed']): L | undefined {
  const affirmed = (pattern: CompiledPattern): boolean => findSpans(pattern, text).some((span) => accept.includes(spanContext(text.tokens, span, negation)));
  return set.byLabel.find(({ patterns }) => patterns.some(affirmed))?.label;
}
