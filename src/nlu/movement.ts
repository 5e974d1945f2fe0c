/** How symptoms responded to an exercise set, in the person's words (McKenzie outcomes). */
import type { Lexicon, MovementResponse } from '../content/lexicon.ts';
import { compileLexicon } from './compiledLexicon.ts';
import { firstAffirmedLabel } from './phraseSet.ts';
import { prepareText } from './preparedText.ts';

/** The first outcome in the lexicon's order (peripheralized first) with an affirmed phrase. */
export function parseMovementResponse(text: string, lexicon: Lexicon): MovementResponse | undefined {
  return firstAffirmedLabel(compileLexicon(lexicon).movement, prepareText(text));
}
