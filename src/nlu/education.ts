/** Which education piece answers a question the person asked, from the phrases in its front matter. */
import { compilePhraseSet, firstAffirmedLabel } from './phraseSet.ts';
import { prepareText } from './preparedText.ts';

export function compileEducationMatcher(pieces: readonly { id: string; asks?: string[] }[]): (text: string) => string | undefined {
  const lists = Object.fromEntries(pieces.filter((piece) => piece.asks?.length).map((piece) => [piece.id, piece.asks ?? []]));
  const set = compilePhraseSet(lists);
  // A question about a treatment is often put as a "would it help?": asking, not denying.
  return (text) => firstAffirmedLabel(set, prepareText(text), ['affirmed', 'hypothetical']);
}
