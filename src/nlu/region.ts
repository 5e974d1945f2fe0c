/** Which part of the spine, from lay words ("lower back", "between my shoulder blades", "neck"). */
import type { Lexicon, SpineRegion } from '../content/lexicon.ts';
import { compileLexicon } from './compiledLexicon.ts';
import { mentions } from './phraseSet.ts';
import { prepareText } from './preparedText.ts';

/** One region, or undefined when none or more than one is named ("neck and low back"). */
export function parseRegion(text: string, lexicon: Lexicon): SpineRegion | undefined {
  const named = new Set(mentions(compileLexicon(lexicon).regions, prepareText(text), true).map((mention) => mention.label));
  return named.size === 1 ? [...named][0] : undefined;
}
