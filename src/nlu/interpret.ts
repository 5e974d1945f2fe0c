/**
 * Everything the NLU can read from one message, at once. The bot runs this on every message;
 * the warning signs come first and are never skipped, whatever state the conversation is in.
 */
import type { Intent, Lexicon, MovementResponse, SpineRegion } from '../content/lexicon.ts';
import { detectIntent } from './intent.ts';
import { parseMovementResponse } from './movement.ts';
import type { RedFlagDetection, RedFlagDetector } from './redFlagDetector.ts';
import { parseRegion } from './region.ts';
import { parseScore } from './score.ts';
import { parseYesNo, type YesNo } from './yesNo.ts';

export interface Interpretation {
  /** Most urgent first. */
  redFlags: RedFlagDetection[];
  intent: Intent | undefined;
  yesNo: YesNo | undefined;
  score: number | undefined;
  region: SpineRegion | undefined;
  movement: MovementResponse | undefined;
}

export interface InterpretContext {
  lexicon: Lexicon;
  detector: RedFlagDetector;
  /** The person's previous few messages, oldest first. */
  recent?: string[];
}

export function interpret(text: string, context: InterpretContext): Interpretation {
  const options = context.recent === undefined ? {} : { recent: context.recent };
  return {
    redFlags: context.detector.detect(text, options),
    intent: detectIntent(text, context.lexicon),
    yesNo: parseYesNo(text, context.lexicon),
    score: parseScore(text, context.lexicon),
    region: parseRegion(text, context.lexicon),
    movement: parseMovementResponse(text, context.lexicon),
  };
}
