/** Typed 0-10 scores (src/nlu/answers/score.ts; rules in content/lexicon/scores.yaml). */
import type { Lexicon } from '../content/lexicon.ts';
import { parseScoreAnswer } from './answers/score.ts';

export function parseScore(text: string, lexicon: Lexicon): number | undefined {
  return parseScoreAnswer(text, lexicon)?.score;
}
