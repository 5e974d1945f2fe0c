/** Which part of the spine, from lay words ("lower back", "between my shoulder blades", "neck"). */
import type { Lexicon, SpineRegion } from '../content/lexicon.ts';
import { compileLexicon } from './compiledLexicon.ts';
import { mentions } from './phraseSet.ts';
import { SENTENCE_BOUNDARY } from './normalise.ts';
import { prepareText } from './preparedText.ts';
import { answerText, compileAnswers } from './answers/compiled.ts';

/**
 * One region, or undefined when none or more than one is named ("neck and low back"); when the
 * first sentence names exactly one, that is the answer and the rest is a story told after it.
 */
export function parseRegion(text: string, lexicon: Lexicon): SpineRegion | undefined {
  const prepared = prepareText(answerText(text, compileAnswers(lexicon), true));
  const found = mentions(compileLexicon(lexicon).regions, prepared, true);
  const named = new Set(found.map((mention) => mention.label));
  if (named.size === 1) return [...named][0];
  const firstEnd = prepared.tokens.findIndex((token) => token.word === SENTENCE_BOUNDARY);
  if (firstEnd < 0) return undefined;
  const first = new Set(found.filter((mention) => mention.span.end < firstEnd).map((mention) => mention.label));
  return first.size === 1 ? [...first][0] : undefined;
}
