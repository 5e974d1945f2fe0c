import { addDays, daysBetween } from './dates.ts';
import { isGoodResponse, isPeripheralization, sessionSummaries, withStage } from './progress.ts';
import { newlyAtEnd } from './reach.ts';
import { defaultMovementRules } from './thresholds.ts';
import type { CoachingProgress, CoachingRules, Exercise, Instant, IsoDate, MovementResponse, ReachLevel, ResponseEntry } from './types.ts';

/**
 * The rule applied to every answer to "what did your symptoms do?" (clinical-facts.md,
 * McKenzie MDT). It returns the new progress and one decision for the machine to act on; the
 * decision kind doubles as the message key, so no wording lives here.
 *
 * Where the symptoms reached before the set is part of the answer: "stop now" is for symptoms
 * that newly reach the toes or fingers, not for a person whose toes were numb from the start.
 */

export interface MovementAnswer {
  exerciseId: string;
  stageId: string;
  response: MovementResponse;
  /** Tingling or numbness reached the toes or fingers. */
  toesOrFingers?: boolean;
  /** Where the limb symptoms reached just before this set, when the person told us. */
  reachBefore?: ReachLevel;
  /** For `could_not`: was it pain that stopped them? Unknown is treated as pain, to be safe. */
  couldNotBecause?: 'pain' | 'other';
  /** A bad day's gentlest stage: record the answer, but do not move stages up on it. */
  holdStage?: boolean;
  sessionDate: IsoDate;
  at: Instant;
}

type MovementRules = CoachingRules['movement'];

export type CoachingDecision =
  /**
   * Keep going. `progressNextSession` when this answer completed the sessions needed to move up;
   * `toesAsBefore` when tingling in the toes or fingers was reported but was already there before the set.
   */
  | { kind: 'continue'; exerciseId: string; stageId: string; progressNextSession: boolean; nextStageId?: string; toesAsBefore?: boolean; testedOut?: boolean }
  /** Limb symptoms spread: stop this exercise now, back one stage, try again another day. */
  | { kind: 'stop_and_regress'; exerciseId: string; fromStageId: string; toStageId: string; retryOn: IsoDate; reachBefore?: ReachLevel }
  /** Tingling or numbness newly reached the toes or fingers: stop at once, no more exercise today. */
  | { kind: 'stop_now'; exerciseId: string; fromStageId: string; toStageId: string; retryOn: IsoDate; reachBefore?: ReachLevel }
  /** Pain stopped the exercise (e.g. propping on the elbows): rest it for a day or two. */
  | { kind: 'rest_days'; exerciseId: string; stageId: string; retryOn: IsoDate }
  /**
   * Peripheralization on two different days within the window: a "soon" clinician review. The
   * exercise is also stopped and regressed; `stopSession` says whether the whole session ends too.
   * `peripheralizedOn` and `exercises` say what really happened, for the message and the clinician.
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
      exercises: string[];
      windowDays: number;
      reachBefore?: ReachLevel;
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
  exercise: Pick<Exercise, 'id' | 'stages'> & Partial<Pick<Exercise, 'kind'>>,
  rules: MovementRules = defaultMovementRules,
): { progress: CoachingProgress; decision: CoachingDecision } {
  // Toes or fingers that were already tingling before the set are not a change: read the answer as "no change".
  const toesAsBefore = answer.toesOrFingers === true && answer.reachBefore === 'end';
  const response: MovementResponse = toesAsBefore && answer.response === 'peripheralized' ? 'no_change' : answer.response;
  const entry: ResponseEntry = {
    exerciseId: answer.exerciseId,
    stageId: answer.stageId,
    response,
    ...(answer.toesOrFingers ? { toesOrFingers: true } : {}),
    ...(answer.reachBefore ? { reachBefore: answer.reachBefore } : {}),
    sessionDate: answer.sessionDate,
    at: answer.at,
  };
  const recorded: CoachingProgress = { ...progress, responses: [...progress.responses, entry] };
  const { exerciseId, stageId, sessionDate } = answer;
  const reachBefore = answer.reachBefore ? { reachBefore: answer.reachBefore } : {};

  if (isPeripheralization(entry)) {
    const toStageId = neighbourStage(exercise, stageId, -1) ?? stageId;
    const retryOn = addDays(sessionDate, rules.retryDaysAfterRegress);
    const stopSession = newlyAtEnd(entry);
    let next = withStage(recorded, exerciseId, { stageId: toStageId });
    next = { ...next, restUntil: { ...next.restUntil, [exerciseId]: retryOn } };
    if (stopSession) next = { ...next, sessionStoppedOn: sessionDate };

    // Counted across all exercises: spreading symptoms on two days is the signal, whatever caused
    // it, but only recent days count: an episode weeks ago that settled says nothing about now.
    const recent = (e: ResponseEntry) => {
      const age = daysBetween(e.sessionDate, sessionDate);
      return age >= 0 && age < rules.peripheralizationWindowDays;
    };
    const peripheralizedOn = sessionSummaries(next.responses, recent)
      .filter((s) => s.response === 'peripheralized')
      .map((s) => s.sessionDate);
    if (peripheralizedOn.length >= rules.peripheralizedSessionsToRefer) {
      const exercises = [...new Set(next.responses.filter((e) => recent(e) && isPeripheralization(e)).map((e) => e.exerciseId))];
      return {
        progress: next,
        decision: {
          kind: 'refer_soon',
          reason: 'peripheralized_in_two_sessions',
          exerciseId,
          fromStageId: stageId,
          toStageId,
          retryOn,
          stopSession,
          peripheralizedOn,
          exercises,
          windowDays: rules.peripheralizationWindowDays,
          ...reachBefore,
        },
      };
    }
    const kind = stopSession ? 'stop_now' : 'stop_and_regress';
    return { progress: next, decision: { kind, exerciseId, fromStageId: stageId, toStageId, retryOn, ...reachBefore } };
  }

  if (response === 'could_not' && answer.couldNotBecause !== 'other') {
    const retryOn = addDays(sessionDate, rules.restDaysAfterPainStop);
    return {
      progress: { ...recorded, restUntil: { ...recorded.restUntil, [exerciseId]: retryOn } },
      decision: { kind: 'rest_days', exerciseId, stageId, retryOn },
    };
  }

  const held = answer.holdStage
    ? { progress: recorded, decision: { kind: 'continue', exerciseId, stageId, progressNextSession: false } as const }
    : progressIfHeld(recorded, answer, exercise, rules);
  return toesAsBefore && held.decision.kind === 'continue' ? { ...held, decision: { ...held.decision, toesAsBefore: true } } : held;
}

/**
 * Centralization that held over consecutive sessions at this stage earns the next stage. For a
 * directional exercise, "no change" held as long also moves up: the next stage adds force (McKenzie
 * force progression). "No change" at the hardest stage means that direction has been fully tried.
 */
function progressIfHeld(
  progress: CoachingProgress,
  answer: MovementAnswer,
  exercise: Pick<Exercise, 'id' | 'stages'> & Partial<Pick<Exercise, 'kind'>>,
  rules: MovementRules,
): { progress: CoachingProgress; decision: CoachingDecision } {
  const { exerciseId, stageId, sessionDate } = answer;
  const atStage = sessionSummaries(progress.responses, (e) => e.exerciseId === exerciseId && e.stageId === stageId);
  const continueAsIs = { kind: 'continue', exerciseId, stageId, progressNextSession: false } as const;
  const good = atStage.slice(-rules.sessionsHeldToProgress);
  const held = good.length === rules.sessionsHeldToProgress && good.every((s) => isGoodResponse(s.response));
  const unchanged = atStage.slice(-rules.noChangeSessionsToProgress);
  const noChangeHeld =
    exercise.kind === 'directional' && unchanged.length === rules.noChangeSessionsToProgress && unchanged.every((s) => s.response === 'no_change');
  if (!held && !noChangeHeld) return { progress, decision: continueAsIs };

  const nextStageId = neighbourStage(exercise, stageId, 1);
  const current = progress.stages[exerciseId];
  if (nextStageId === undefined) {
    // Already at the hardest stage: remember that it held (this opens the later phase), or that
    // the whole progression was tried without any change.
    const keep = { ...(current?.topHeldOn ? { topHeldOn: current.topHeldOn } : {}), ...(current?.testedOutOn ? { testedOutOn: current.testedOutOn } : {}) };
    const state = held ? { ...keep, stageId, topHeldOn: sessionDate } : { ...keep, stageId, testedOutOn: sessionDate };
    return { progress: withStage(progress, exerciseId, state), decision: held ? continueAsIs : { ...continueAsIs, testedOut: true } };
  }
  const state = { stageId, next: { stageId: nextStageId, from: addDays(sessionDate, 1) } };
  return {
    progress: withStage(progress, exerciseId, state),
    decision: { kind: 'continue', exerciseId, stageId, progressNextSession: true, nextStageId },
  };
}
