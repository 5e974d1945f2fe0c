/**
 * An earlier message followed by the current one, so that a phrase split over the two is found
 * ("something odd happens when I wipe" + "I can't feel it"). The words around the join are read
 * first, which is enough to tell whether any phrase crosses it; the whole joined text is
 * prepared only when one does.
 */
import type { Span } from './matcher.ts';
import { SENTENCE_BOUNDARY, type Token } from './normalise.ts';
import { indexText, type IndexedText, type PhraseIndex } from './phraseIndex.ts';
import { prepareTokens } from './preparedText.ts';

/** A message as joins need it: its corrected words, read against the phrase index. */
export interface Joinable {
  phrases: IndexedText;
}

/** One earlier message joined to the current one; `boundary`: the first word of the current one. */
export interface Join<M extends Joinable> {
  earlier: M;
  boundary: number;
  window(): { text: IndexedText; boundary: number };
  joined(): IndexedText;
}

/** Stands for the words cut off a window, so that "^" and "$" hold only where the joined text starts and ends. */
const CUT: Token = { word: SENTENCE_BOUNDARY, start: 0, end: 0, afterComma: false };

export function joinsOf<M extends Joinable>(current: M, recent: M[], index: PhraseIndex, reach: number, joins: number): Join<M>[] {
  return recent
    .slice(-joins)
    .reverse()
    .filter((earlier) => earlier.phrases.prepared.tokens.length > 0)
    .map((earlier) => {
      const before = earlier.phrases.prepared.tokens;
      const after = current.phrases.prepared.tokens;
      let joined: IndexedText | undefined;
      let window: { text: IndexedText; boundary: number } | undefined;
      return {
        earlier,
        boundary: before.length,
        joined: () => (joined ??= indexText(index, prepareTokens([...before, ...after]))),
        window: () => {
          if (window !== undefined) return window;
          // A match spans at most `reach` words: one crossing the join starts and ends within `reach` of it.
          const from = Math.max(0, before.length - reach);
          const to = Math.min(after.length, reach);
          const tokens = [...(from > 0 ? [CUT] : []), ...before.slice(from), ...after.slice(0, to), ...(to < after.length ? [CUT] : [])];
          const boundary = before.length - from + (from > 0 ? 1 : 0);
          // Only a match that starts before the join can cross it; it lies within the window, anchor and all.
          window = { text: indexText(index, prepareTokens(tokens), boundary), boundary };
          return window;
        },
      };
    });
}

/** A match that starts in the earlier message and ends in the current one. */
export const crosses = (span: Span, boundary: number): boolean => span.start < boundary && span.end >= boundary;

