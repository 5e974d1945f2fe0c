import type { Direction, Dose, EquipmentKind, Exercise, Involvement, Phase, Purpose, Region } from '../../src/content/exercises.ts';
import type { Plan, PlanQuestion } from '../../src/content/plans.ts';
import type { CoachingRules } from '../../src/content/coachingRules.ts';
import type { MovementResponse, Surgery } from '../../src/vocabulary/index.ts';

/**
 * Data shapes of the coaching rules. Everything here is plain JSON so it can live inside an
 * XState snapshot and be replayed: dates are strings, maps are records, nothing is a class.
 */

export type { CoachingRules, Direction, Dose, EquipmentKind, Exercise, Involvement, Phase, Plan, PlanQuestion, Purpose, Region };

/**
 * How far limb symptoms reach, nearest the spine first: the back or neck only, the buttock or
 * thigh (shoulder or upper arm), below the knee (below the elbow), the foot or toes (hand or fingers).
 * Region-neutral so one rule serves legs and arms; the wording lives in content.
 */
export const reachLevels = ['spine', 'near', 'far', 'end'] as const;
export type ReachLevel = (typeof reachLevels)[number];

/** A direction of movement other than neutral. */
export type Movement = Exclude<Direction, 'neutral'>;

/** What a person must avoid: something an exercise involves, or a whole direction of movement. */
export type Restriction = Involvement | Movement;

/** Who told the person they have a disc herniation. */
export type DiagnosedBy = 'doctor' | 'physio' | 'specialist' | 'nobody';

/** A calendar day in the person's own time zone, `YYYY-MM-DD`. The shell converts clock time. */
export type IsoDate = string;
/** An ISO 8601 timestamp, e.g. `2026-03-01T08:30:00Z`. */
export type Instant = string;

/** What the person says their symptoms did after a set, as recorded in the event log (the list: src/vocabulary). */
export { MOVEMENT_RESPONSES as movementResponses } from '../../src/vocabulary/index.ts';
export type { MovementResponse, Surgery } from '../../src/vocabulary/index.ts';

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
  /** Symptoms reach a leg or an arm (not only the back or neck): the limb score and reach questions apply. */
  limbSymptoms?: boolean;
  /** The trunk is visibly shifted to one side (lumbar): the shift is corrected before other directions. */
  lateralShift?: boolean;
  /** What the person has said they have (true) or lack (false); unknown is offered with a way to say so. */
  equipment?: Partial<Record<EquipmentKind, boolean>>;
  /** Pregnant (or may be): nothing lying face down. */
  pregnant?: boolean;
  /** Thin bones (osteoporosis) or long-term steroids: nothing bending forward under load. */
  osteoporosis?: boolean;
  /** Set by a clinician: movements and positions this person must not be offered. */
  avoid?: Restriction[];
  /** Set by a clinician: the phase to follow, whatever the automatic rules say. */
  clinicianPhase?: Exclude<Phase, 'flare_up'>;
  /** Set by a clinician: the direction of movement that helps, from their own assessment. */
  clinicianDirection?: Movement;
  diagnosedBy?: DiagnosedBy;
}

/** One answer to "what did your symptoms do?", kept per exercise and stage. */
export interface ResponseEntry {
  exerciseId: string;
  stageId: string;
  response: MovementResponse;
  /** Tingling or numbness reached the toes or fingers (reported after the set). */
  toesOrFingers?: boolean;
  /** Where the limb symptoms reached just before the set, when known. */
  reachBefore?: ReachLevel;
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
  /** The hardest stage brought no change twice: this direction has been fully tried without centralizing. */
  testedOutOn?: IsoDate;
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
  /** A bad day: this day follows the flare-up plan. */
  flareUpOn?: IsoDate;
}

/** A 0-10 score with when it was given. */
export interface ScoreEntry {
  at: Instant;
  score: number;
}

/** What the check-ins measured, for rules that depend on symptoms as well as on exercise answers. */
export interface PlanSignals {
  /** Pain scores, any order (intake and check-ins). */
  pain?: readonly ScoreEntry[];
  /** Leg or arm scores from check-ins, any order. */
  limb?: readonly ScoreEntry[];
}

/** Content the rules read, already loaded and validated by src/content. */
export interface CoachingContent {
  exercises: Record<string, Exercise>;
  plans: readonly Plan[];
  /** The numbers of the rules (content/coaching/rules.yaml). */
  rules: CoachingRules;
}
