/** Typed yes/no answers. Unsure, or both yes and no, is neither: the coach asks again. */
import type { Lexicon } from '../content/lexicon.ts';
import { compileLexicon } from './compiledLexicon.ts';
import { findSpans } from './matcher.ts';
import { mentions } from './phraseSet.ts';
import { prepareText } from './preparedText.ts';

export type YesNo = 'yes' | 'no';

export function parseYesNo(text: string, lexicon: Lexicon): YesNo | undefined {
  const set = compileLexicon(lexicon).yesNo;
  const prepared = prepareText(text);
  // Any doubt at all ("I dunno" also reads as "I do not") wins: a guessed "no" to a safety
  // question would be the worst kind of misreading.
  if (set.entries.some(({ label, pattern }) => label === 'unsure' && findSpans(pattern, prepared).length > 0)) return undefined;
  // A question back ("how do I do the exercises?") is not an answer, whatever words it holds.
  if (set.entries.some(({ label, pattern }) => label === 'question' && findSpans(pattern, prepared).length > 0)) return undefined;
  const found = new Set(mentions(set, prepared, false).map((mention) => mention.label));
  if (found.has('yes') && found.has('no')) return undefined;
  if (found.has('yes')) return 'yes';
  if (found.has('no')) return 'no';
  return undefined;
}
