/** How symptoms responded to an exercise set, by direction (src/nlu/answers/movement.ts). */
import type { Lexicon, MovementResponse } from '../content/lexicon.ts';
import { readMovement } from './answers/movement.ts';

export function parseMovementResponse(text: string, lexicon: Lexicon): MovementResponse | undefined {
  return readMovement(text, lexicon)?.response;
}
