/** Which part of the spine, from lay words ("lower back", "between my shoulder blades", "neck"). */
import type { Lexicon, SpineRegion } from '../content/lexicon.ts';
import { compileLexicon, negationOf } from './compiledLexicon.ts';
import { compilePhraseSet, mentions, type Mention, type PhraseSet } from './phraseSet.ts';
import { SENTENCE_BOUNDARY } from './normalise.ts';
import { prepareText, prepareTokens, type PreparedText } from './preparedText.ts';
import { answerText, compileAnswers } from './answers/compiled.ts';
import { perLexicon } from './answers/perLexicon.ts';

/** From the thigh and upper arm out (movement.yaml `distance`): a region named by one is inferred from where the symptoms go. */
const LIMB_DISTANCE = 2;

const compileLimbs = perLexicon((lexicon: Lexicon): PhraseSet<'limb'> =>
  compilePhraseSet({ limb: lexicon.direction.distance.filter((entry) => entry.d >= LIMB_DISTANCE).flatMap((entry) => entry.parts) }, negationOf(lexicon)),
);

const compileLandmarks = perLexicon((lexicon: Lexicon): PhraseSet<'landmark'> => compilePhraseSet({ landmark: lexicon.regionLandmarks ?? [] }, negationOf(lexicon)));

/**
 * One region, or undefined when none or more than one is named ("neck and low back"); a region
 * named by the spine outweighs a limb named alone ("my neck, and my legs feel like they'll go" is
 * the neck); when the first sentence names exactly one, that is the answer and the rest is
 * a story told after it.
 */
export function parseRegion(text: string, lexicon: Lexicon): SpineRegion | undefined {
  const answers = compileAnswers(lexicon);
  const whole = prepareText(answerText(text, answers, true));
  // "she says it's the lower back": a carer's report opens the answer; what follows is the patient's.
  const report = mentions(answers.preambles, whole, false).find((mention) => mention.span.start === 0);
  const prepared = report ? prepareTokens(whole.tokens.slice(report.span.end + 1)) : whole;
  const all = mentions(compileLexicon(lexicon).regions, prepared, true);
  // "mid back, below the neck but above the waist": a part named as a landmark is not the region.
  const landmarks = mentions(compileLandmarks(lexicon), prepared, false);
  const asLandmark = (mention: Mention<SpineRegion>) => landmarks.some((landmark) => landmark.span.start < mention.span.start && landmark.span.end >= mention.span.start - 1);
  const found = all.some((mention) => !asLandmark(mention)) ? all.filter((mention) => !asLandmark(mention)) : all;
  const named = new Set(found.map((mention) => mention.label));
  if (named.size === 1) return [...named][0];
  const bySpine = new Set(found.filter((mention) => !namesALimb(prepared, mention, lexicon)).map((mention) => mention.label));
  if (bySpine.size === 1) return [...bySpine][0];
  const firstEnd = prepared.tokens.findIndex((token) => token.word === SENTENCE_BOUNDARY);
  if (firstEnd < 0) return undefined;
  const first = new Set(found.filter((mention) => mention.span.end < firstEnd).map((mention) => mention.label));
  return first.size === 1 ? [...first][0] : undefined;
}

/**
 * "my legs", "my arm" alone: a limb named, not where the symptoms go ("down my arm", "in my leg"
 * place them, and with "between my shoulder blades" leave the region open: the neck refers there).
 */
function namesALimb(prepared: PreparedText, mention: Mention<SpineRegion>, lexicon: Lexicon): boolean {
  const { start, end } = mention.span;
  if (prepared.tokens[start]?.word !== 'my') return false;
  return mentions(compileLimbs(lexicon), prepared, false).some((limb) => limb.span.start === start + 1 && limb.span.end === end);
}
