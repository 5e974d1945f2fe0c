/** The NLU's public surface: pure functions over text and loaded content. */
export { compileRedFlagDetector, type Mention, type RedFlagDetection, type RedFlagDetector, type SignDenial, type DetectOptions } from './redFlagDetector.ts';
export { URGENCY_ORDER, compareUrgency, isAtLeast, mostUrgent, urgencyRank, type RedFlagUrgency, type Urgency } from './urgency.ts';
export { parseYesNo, type YesNo } from './yesNo.ts';
export { parseScore } from './score.ts';
export { parseRegion } from './region.ts';
export { parseMovementResponse } from './movement.ts';
export { detectIntent } from './intent.ts';
export { interpret, type InterpretContext, type Interpretation } from './interpret.ts';
