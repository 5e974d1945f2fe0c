/** What the person is asking for: a clinician, stop, pause, their data... */
import type { Intent, Lexicon } from '../content/lexicon.ts';
import { compileLexicon } from './compiledLexicon.ts';
import { firstAffirmedLabel } from './phraseSet.ts';
import { prepareText } from './preparedText.ts';

/** "7:30pm" glued: "pm" apart, so the check-in time phrases read it as "7 30 pm" ("7.30pm" is "7 point 30 pm" already). */
const spacedClock = (text: string) => text.replace(/(\d:\d{2})(am|pm)\b/gi, '$1 $2');

export function detectIntent(text: string, lexicon: Lexicon): Intent | undefined {
  return firstAffirmedLabel(compileLexicon(lexicon).intents, prepareText(spacedClock(text)));
}
