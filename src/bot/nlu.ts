import type { Content } from '../content/index.ts';
import { compileRedFlagDetector, detectIntent, parseMovementResponse, parseRegion, parseScore, parseYesNo } from '../nlu/index.ts';
import { compileEducationMatcher } from '../nlu/education.ts';
import type { Nlu } from './understand.ts';

/** Compiles the free-text understanding once at start-up, from content only. */
export function createNlu(content: Content): Nlu {
  const detector = compileRedFlagDetector(content.redFlags.list);
  const lexicon = content.lexicon;
  return {
    redFlags: (text, recent) =>
      detector.detect(text, { recent }).map((hit) => ({
        flagId: hit.flagId,
        urgency: hit.urgency,
        matched: hit.fromRecent ? `${hit.fromRecent} … ${hit.matched}` : hit.matched,
      })),
    yesNo: (text) => {
      const answer = parseYesNo(text, lexicon);
      return answer === 'yes' || answer === 'no' ? answer : undefined;
    },
    score: (text) => parseScore(text, lexicon),
    region: (text) => parseRegion(text, lexicon),
    intent: (text) => detectIntent(text, lexicon),
    movement: (text) => parseMovementResponse(text, lexicon),
    education: compileEducationMatcher(content.education),
  };
}
