/** Typed yes/no answers (src/nlu/answers/yesNo.ts). Unsure, or both yes and no, is neither: the coach asks again. */
import type { Lexicon } from '../content/lexicon.ts';
import { readYesNo, type YesNoKind } from './answers/yesNo.ts';

export type YesNo = 'yes' | 'no';

/** A yes or a no only when the message answers; `kind` says whether the question offers something or asks about a symptom. */
export function parseYesNo(text: string, lexicon: Lexicon, kind: YesNoKind = 'offer'): YesNo | undefined {
  const answer = readYesNo(text, lexicon, kind).answer;
  return answer === 'yes' || answer === 'no' ? answer : undefined;
}
