/** Finds every place a compiled phrase matches a prepared message, as token spans. */
import type { Anchor, CompiledPattern } from './pattern.ts';
import { PREFIX_KEY, type PreparedText } from './preparedText.ts';

export interface Span {
  /** First and last token index, inclusive. */
  start: number;
  end: number;
  /** Tokens that filled a `...` gap: not part of the phrase, so a negation there still counts. */
  gapTokens: number[];
}

/**
 * All matches, including ones that start inside an earlier match: a negated first match must
 * not hide a later, affirmed one ("no tingling in my bum but my bum is numb").
 */
export function findSpans(pattern: CompiledPattern, text: PreparedText): Span[] {
  if (pattern.anchor !== undefined && !anchorPresent(pattern.anchor, text)) return [];
  const spans: Span[] = [];
  const regex = pattern.regex;
  regex.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(text.joined)) !== null) {
    const span = spanOf(pattern, match, text);
    if (span !== undefined) spans.push(span);
    regex.lastIndex = match.index + 1;
  }
  return spans;
}

/** The tokens a regex match covers (`match` of `pattern.regex` or a copy of it over `text.joined`). */
export function spanOf(pattern: CompiledPattern, match: RegExpExecArray, text: PreparedText): Span | undefined {
  const first = text.tokenAt(match.index + 1);
  const last = text.tokenAt(match.index + match[0].length - 1);
  return first >= 0 && last >= first ? { start: first, end: last, gapTokens: gapTokens(pattern, match, text) } : undefined;
}

function gapTokens(pattern: CompiledPattern, match: RegExpExecArray, text: PreparedText): number[] {
  const tokens: number[] = [];
  for (const group of pattern.gapGroups) {
    const range = match.indices?.[group];
    if (range === undefined) continue;
    // Each word of the range once: from a character inside a word on to the space after it.
    for (let char = range[0]; char < range[1]; ) {
      const token = text.tokenAt(char);
      if (token < 0) {
        char += 1;
        continue;
      }
      if (tokens[tokens.length - 1] !== token) tokens.push(token);
      char = text.wordStart(token) + text.tokens[token]!.word.length;
    }
  }
  return tokens;
}

/** A necessary condition for any match: the anchor's word, or a word with its prefix, is in the text. */
function anchorPresent(anchor: Anchor, text: PreparedText): boolean {
  for (const word of anchor.words) if (text.words.has(word)) return true;
  for (const prefix of anchor.prefixes) {
    if (prefix.length >= PREFIX_KEY && !text.starts.has(prefix.slice(0, PREFIX_KEY))) continue;
    if (text.joined.includes(` ${prefix}`)) return true;
  }
  return false;
}
