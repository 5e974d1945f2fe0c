import { addDays } from './dates.ts';
import { isGoodResponse, isPeripheralization, sessionSummaries, withStage } from './progress.ts';
import { peripheralizedSessionsToRefer, restDaysAfterPainStop, retryDaysAfterRegress, sessionsHeldToProgress } from './thresholds.ts';
import type { CoachingProgress, Exercise, Instant, IsoDate, MovementResponse, ResponseEntry } from './types.ts';

/**
 * The rule applied to every answer to "what did your symptoms do?" (clinical-facts.md,
 * McKenzie MDT). It returns the new progress and one decision for the machine to act on; the
 * decision kind doubles as the message key, so no wording lives here.
 */

export interface MovementAnswer {
  exerciseId: string;
  stageId: string;
  response: MovementResponse;
  /** Tingling or numbness reached the toes or fingers. */
  toesOrFingers?: boolean;
  /** For `could_not`: was it pain that stopped them? Unknown is treated as pain, to be safe. */
  couldNotBecause?: 'pain' | 'other';
  sessionDate: IsoDate;
  at: Instant;
}

export type CoachingDecision =
  /** Keep going. `progressNextSession` when this answer completed the sessions needed to move up. */
  | { kind: 'continue'; exerciseId: string; stageId: string; progressNextSession: boolean; nextStageId?: string }
  /** Limb symptoms spread: stop this exercise now, back one stage, try again another day. */
  | { kind: 'stop_and_regress'; exerciseId: string; fromStageId: string; toStageId: string; retryOn: IsoDate }
  /** Tingling or numbness reached the toes or fingers: stop at once, no more exercise today. */
  | { kind: 'stop_now'; exerciseId: string; fromStageId: string; toStageId: string; retryOn: IsoDate }
  /** Pain stopped the exercise (e.g. propping on the elbows): rest it for a day or two. */
  | { kind: 'rest_days'; exerciseId: string; stageId: string; retryOn: IsoDate }
  /**
   * Peripheralization on two different days: a "soon" clinician review. The exercise is also
   * stopped and regressed; `stopSession` says whether the whole session ends too.
   */
  | {
      kind: 'refer_soon';
      reason: 'peripheralized_in_two_sessions';
      exerciseId: string;
      fromStageId: string;
      toStageId: string;
      retryOn: IsoDate;
      stopSession: boolean;
      peripheralizedOn: IsoDate[];
    };

export type CoachingDecisionKind = CoachingDecision['kind'];

function neighbourStage(exercise: Pick<Exercise, 'stages'>, stageId: string, step: -1 | 1): string | undefined {
  const index = exercise.stages.findIndex((s) => s.id === stageId);
  if (index < 0) return exercise.stages[0]?.id;
  return exercise.stages[index + step]?.id;
}

export function applyMovementResponse(
  progress: CoachingProgress,
  answer: MovementAnswer,
  exercise: Pick<Exercise, 'id' | 'stages'>,
): { progress: CoachingProgress; decision: CoachingDecision } {
  const entry: ResponseEntry = {
    exerciseId: answer.exerciseId,
    stageId: answer.stageId,
    response: answer.response,
    ...(answer.toesOrFingers ? { toesOrFingers: true } : {}),
    sessionDate: answer.sessionDate,
    at: answer.at,
  };
  const recorded: CoachingProgress = { ...progress, responses: [...progress.responses, entry] };
  const { exerciseId, stageId, sessionDate } = answer;

  if (isPeripheralization(answer)) {
    const toStageId = neighbourStage(exercise, stageId, -1) ?? stageId;
    const retryOn = addDays(sessionDate, retryDaysAfterRegress);
    const stopSession = answer.toesOrFingers === true;
    let next = withStage(recorded, exerciseId, { stageId: toStageId });
    next = { ...next, restUntil: { ...next.restUntil, [exerciseId]: retryOn } };
    if (stopSession) next = { ...next, sessionStoppedOn: sessionDate };

    // Counted across all exercises: spreading symptoms on two days is the signal, whatever caused it.
    const peripheralizedOn = sessionSummaries(next.responses)
      .filter((s) => s.response === 'peripheralized')
      .map((s) => s.sessionDate);
    if (peripheralizedOn.length >= peripheralizedSessionsToRefer)
      return {
        progress: next,
        decision: { kind: 'refer_soon', reason: 'peripheralized_in_two_sessions', exerciseId, fromStageId: stageId, toStageId, retryOn, stopSession, peripheralizedOn },
      };
    const kind = stopSession ? 'stop_now' : 'stop_and_regress';
    return { progress: next, decision: { kind, exerciseId, fromStageId: stageId, toStageId, retryOn } };
  }

  if (answer.response === 'could_not' && answer.couldNotBecause !== 'other') {
    const retryOn = addDays(sessionDate, restDaysAfterPainStop);
    return {
      progress: { ...recorded, restUntil: { ...recorded.restUntil, [exerciseId]: retryOn } },
      decision: { kind: 'rest_days', exerciseId, stageId, retryOn },
    };
  }

  return progressIfHeld(recorded, answer, exercise);
}

/** Centralization that held over consecutive sessions at this stage earns the next stage. */
function progressIfHeld(
  progress: CoachingProgress,
  answer: MovementAnswer,
  exercise: Pick<Exercise, 'id' | 'stages'>,
): { progress: CoachingProgress; decision: CoachingDecision } {
  const { exerciseId, stageId, sessionDate } = answer;
  const atStage = sessionSummaries(progress.responses, (e) => e.exerciseId === exerciseId && e.stageId === stageId);
  const recent = atStage.slice(-sessionsHeldToProgress);
  const held = recent.length === sessionsHeldToProgress && recent.every((s) => isGoodResponse(s.response));
  const continueAsIs = { kind: 'continue', exerciseId, stageId, progressNextSession: false } as const;
  if (!held) return { progress, decision: continueAsIs };

  const nextStageId = neighbourStage(exercise, stageId, 1);
  if (nextStageId === undefined) {
    // Already at the hardest stage: remember that it held, which opens the later phase.
    return { progress: withStage(progress, exerciseId, { stageId, topHeldOn: sessionDate }), decision: continueAsIs };
  }
  const state = { stageId, next: { stageId: nextStageId, from: addDays(sessionDate, 1) } };
  return {
    progress: withStage(progress, exerciseId, state),
    decision: { kind: 'continue', exerciseId, stageId, progressNextSession: true, nextStageId },
  };
}
