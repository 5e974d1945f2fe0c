/** What the person is asking for: a clinician, stop, pause, their data... */
import type { Intent, Lexicon } from '../content/lexicon.ts';
import { compileLexicon } from './compiledLexicon.ts';
import { firstAffirmedLabel } from './phraseSet.ts';
import { prepareText } from './preparedText.ts';

export function detectIntent(text: string, lexicon: Lexicon): Intent | undefined {
  return firstAffirmedLabel(compileLexicon(lexicon).intents, prepareText(text));
}
