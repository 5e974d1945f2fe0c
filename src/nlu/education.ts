/** Which education piece answers a question the person asked, from the phrases in its front matter. */
import { compileNegation } from './negation.ts';
import type { NegationRules } from './negationRules.ts';
import { compilePattern } from './pattern.ts';
import { compilePhraseSet, firstAffirmedLabel } from './phraseSet.ts';
import { prepareText } from './preparedText.ts';

/** `rules`: the lexicon's context rules; without them (content that failed to load) the phrases are only checked, and matching throws. */
export function compileEducationMatcher(pieces: readonly { id: string; asks?: string[] }[], rules: NegationRules | undefined): (text: string) => string | undefined {
  const lists = Object.fromEntries(pieces.filter((piece) => piece.asks?.length).map((piece) => [piece.id, piece.asks ?? []]));
  if (rules === undefined) {
    for (const phrases of Object.values(lists)) for (const phrase of phrases) compilePattern(phrase);
    return () => {
      throw new Error('compileEducationMatcher: no context rules (content/lexicon/context.yaml)');
    };
  }
  const set = compilePhraseSet(lists, compileNegation(rules));
  // A question about a treatment is often put as a "would it help?": asking, not denying.
  return (text) => firstAffirmedLabel(set, prepareText(text), ['affirmed', 'hypothetical']);
}
