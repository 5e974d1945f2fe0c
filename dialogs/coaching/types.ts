import type { Dose, Exercise, Phase, Purpose, Region } from '../../src/content/exercises.ts';
import type { Plan, PlanQuestion } from '../../src/content/plans.ts';

/**
 * Data shapes of the coaching rules. Everything here is plain JSON so it can live inside an
 * XState snapshot and be replayed: dates are strings, maps are records, nothing is a class.
 */

export type { Dose, Exercise, Phase, Plan, PlanQuestion, Purpose, Region };

/** A calendar day in the person's own time zone, `YYYY-MM-DD`. The shell converts clock time. */
export type IsoDate = string;
/** An ISO 8601 timestamp, e.g. `2026-03-01T08:30:00Z`. */
export type Instant = string;

/** What the person says their symptoms did after a set, as recorded in the event log. */
export const movementResponses = ['centralized', 'peripheralized', 'no_change', 'local_only', 'could_not'] as const;
export type MovementResponse = (typeof movementResponses)[number];

export type Surgery = 'none' | 'discectomy' | 'fusion';

/**
 * What the coaching rules need to know about a person. Times are stored as dates rather than
 * "weeks since" so the profile does not go stale inside a long-lived snapshot; see
 * profileFromIntake for turning screening answers into this shape.
 */
export interface CoachingProfile {
  region: Region;
  surgery: Surgery;
  surgeryDate?: IsoDate;
  /** The surgeon's lifting limit, when the person has told us. */
  liftingLimitKg?: number;
  symptomsStartedOn?: IsoDate;
}

/** One answer to "what did your symptoms do?", kept per exercise and stage. */
export interface ResponseEntry {
  exerciseId: string;
  stageId: string;
  response: MovementResponse;
  /** Tingling or numbness reached the toes or fingers. */
  toesOrFingers?: boolean;
  sessionDate: IsoDate;
  at: Instant;
}

/**
 * Where a person is in one exercise. A progression earned today only applies from the next
 * session, so a plan recomputed later the same day still shows today's stage.
 */
export interface StageState {
  stageId: string;
  next?: { stageId: string; from: IsoDate };
  /** Last session on which the hardest stage held; drives the move to the later phase. */
  topHeldOn?: IsoDate;
}

export interface CoachingProgress {
  stages: Record<string, StageState>;
  responses: ResponseEntry[];
  /** Exercise id → first day it may be offered again. */
  restUntil: Record<string, IsoDate>;
  /** No more exercise on this day (tingling or numbness reached the toes or fingers). */
  sessionStoppedOn?: IsoDate;
  /** Set at discharge; the person then follows the maintenance plan. */
  dischargedOn?: IsoDate;
}

/** Content the rules read, already loaded and validated by src/content. */
export interface CoachingContent {
  exercises: Record<string, Exercise>;
  plans: readonly Plan[];
}
