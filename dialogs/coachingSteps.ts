import {
  applyMovementResponse,
  emptyProgress,
  limbReview,
  painReview,
  profileFromIntake,
  sessionPlan,
  type CoachingContent,
  type CoachingDecision,
  type CoachingProfile,
  type ReachLevel,
} from './coaching/index.ts';
import type { CoachContext, CoachingState, Onset, Output, PainEntry, Understanding } from './types.ts';

/** Days since symptoms began, as the onset answer allows us to say (the middle of each band). */
const ONSET_DAYS: Record<Onset, number> = { last_2_days: 1, under_2_weeks: 7, under_6_weeks: 28, over_6_weeks: 60 };

export function emptyCoaching(): CoachingState {
  return { profile: null, progress: emptyProgress(), session: null, baseline: null, programmeStart: null, reviewsMade: [], lastDecision: null, checkIn: false, educationShown: [], sessionEducation: [], progressShownOn: null };
}

export const dayOf = (event: { at: string; localDate?: string }) => event.localDate ?? event.at.slice(0, 10);

/** Screening answers become the coaching profile; the programme starts with the screening pain score. */
export function startProgramme(context: CoachContext, at: string): CoachingState {
  const { profile } = context;
  const coachingProfile = profileFromIntake(
    {
      region: profile.region ?? 'lumbar',
      surgery: profile.surgery ?? 'none',
      ...(profile.weeksSinceSurgery !== undefined ? { weeksSinceSurgery: profile.weeksSinceSurgery } : {}),
      ...(profile.onset ? { symptomsStartedDaysAgo: ONSET_DAYS[profile.onset] } : {}),
      // Pain around the ribs (the mid back's spread) is not a leg or arm to track before each set.
      ...(profile.reach ? { limbSymptoms: profile.reach !== 'spine_only' && profile.reach !== 'trunk' } : {}),
    },
    at.slice(0, 10),
  );
  const coaching = context.coaching ?? emptyCoaching();
  // The surgeon's limit taken in screening (an unknown one allows no weight), so coaching does not ask it twice.
  const screened = profile.liftingLimit ? { liftingLimitKg: profile.liftingLimit.kg ?? 0 } : {};
  return {
    ...coaching,
    profile: { ...coachingProfile, ...screened, ...(coaching.profile?.liftingLimitKg !== undefined ? { liftingLimitKg: coaching.profile.liftingLimitKg } : {}), ...(coaching.profile?.equipment ? { equipment: coaching.profile.equipment } : {}) },
    baseline: coaching.baseline ?? context.pain.at(-1) ?? null,
    programmeStart: coaching.programmeStart ?? at,
  };
}

/**
 * The profile the rules plan with today: the intake profile plus the care-pathway answers
 * (pregnancy, thin bones, a shifted trunk) and what a clinician set.
 */
export function planningProfile(context: CoachContext, content: CoachingContent): CoachingProfile | null {
  const base = context.coaching.profile;
  if (!base) return null;
  const pathway = context.coaching.pathway ?? {};
  const clinician = context.coaching.clinicianPlan;
  const bones = pathway.osteoporosis === true || context.redFlags.some((flag) => content.rules.pathway.boneFlags.includes(flag.flagId));
  return {
    ...base,
    ...(pathway.pregnant ? { pregnant: true } : {}),
    ...(bones ? { osteoporosis: true } : {}),
    ...(pathway.lateralShift ? { lateralShift: true } : {}),
    ...(pathway.diagnosedBy ? { diagnosedBy: pathway.diagnosedBy } : {}),
    ...(clinician?.phase ? { clinicianPhase: clinician.phase } : {}),
    ...(clinician?.direction ? { clinicianDirection: clinician.direction } : {}),
    ...(clinician?.avoid?.length ? { avoid: clinician.avoid } : {}),
  };
}

export function planToday(context: CoachContext, content: CoachingContent, today: string) {
  const profile = planningProfile(context, content);
  if (!profile) return null;
  return sessionPlan(profile, context.coaching.progress, content, today, { pain: context.pain, limb: context.limb ?? [] });
}

/** The exercise card for the current step, and the question that follows it. */
export function currentExerciseOutputs(coaching: CoachingState): Output[] {
  const session = coaching.session;
  const step = session?.steps[session.index];
  if (!session || !step) return [];
  return [
    { kind: 'exercise', exerciseId: step.exerciseId, stageId: step.stageId, dose: step.dose, position: session.index + 1, of: session.steps.length },
    { kind: 'record', type: 'exercise.shown', data: { exerciseId: step.exerciseId, stageId: step.stageId, dose: step.dose } },
  ];
}

/** The person's words for where the symptoms reach (leg or arm), from content. */
export function reachWords(content: CoachingContent, region: string | undefined, level: ReachLevel): string {
  return content.rules.reachWords[region === 'cervical' ? 'arm' : 'leg'][level];
}

/** Where symptoms reached before this set: as told, or the back itself for someone whose symptoms never reach a limb. */
export function reachBeforeSet(coaching: CoachingState): ReachLevel | undefined {
  if (coaching.profile && coaching.profile.limbSymptoms === false) return 'spine';
  return coaching.reachNow ?? undefined;
}

function messageFor(decision: CoachingDecision, content: CoachingContent, region: string | undefined, response: string): Output {
  const before = 'reachBefore' in decision && decision.reachBefore ? reachWords(content, region, decision.reachBefore) : undefined;
  switch (decision.kind) {
    case 'continue':
      if (decision.toesAsBefore) return { kind: 'say', key: 'movement.continue.toesAsBefore', vars: { before: reachWords(content, region, 'end') } };
      if (decision.testedOut) return { kind: 'say', key: 'movement.continue.testedOut' };
      if (decision.progressNextSession) return { kind: 'say', key: 'movement.continue.progress' };
      // "No change" is worth knowing, but it is not the response we hope for.
      return { kind: 'say', key: response === 'no_change' ? 'movement.continue.noChange' : 'movement.continue' };
    case 'stop_now':
    case 'stop_and_regress':
      return before && decision.reachBefore !== 'end' ? { kind: 'say', key: `movement.${decision.kind}.known`, vars: { before } } : { kind: 'say', key: `movement.${decision.kind}` };
    case 'refer_soon':
      return {
        kind: 'say',
        key: 'movement.refer_soon.detail',
        vars: {
          count: decision.peripheralizedOn.length,
          window: decision.windowDays,
          days: decision.peripheralizedOn.join(', '),
          exercises: decision.exercises.map((id) => content.exercises[id]?.name ?? id).join('; '),
        },
      };
    case 'rest_days':
      return { kind: 'say', key: 'movement.rest_days' };
  }
}

/** Applies the person's movement response to the current step; the decision names the message to say. */
export function answerMovement(
  context: CoachContext,
  content: CoachingContent,
  answer: { response: NonNullable<Understanding['movement']>; toesOrFingers: boolean; at: string; today: string },
): { coaching: CoachingState; outputs: Output[]; decision?: CoachingDecision } {
  const session = context.coaching.session;
  const step = session?.steps[session.index];
  const exercise = step ? content.exercises[step.exerciseId] : undefined;
  if (!session || !step || !exercise) return { coaching: context.coaching, outputs: [] };
  const reachBefore = reachBeforeSet(context.coaching);
  const { progress, decision } = applyMovementResponse(
    context.coaching.progress,
    {
      exerciseId: step.exerciseId,
      stageId: step.stageId,
      response: answer.response,
      toesOrFingers: answer.toesOrFingers,
      ...(reachBefore ? { reachBefore } : {}),
      ...(session.phase === 'flare_up' ? { holdStage: true } : {}),
      sessionDate: answer.today,
      at: answer.at,
    },
    exercise,
    content.rules.movement,
  );
  const effective = progress.responses.at(-1)?.response ?? answer.response;
  const outputs: Output[] = [
    {
      kind: 'record',
      type: 'movement.response',
      data: {
        exerciseId: step.exerciseId,
        stageId: step.stageId,
        response: effective,
        toesOrFingers: answer.toesOrFingers,
        ...(reachBefore ? { reachBefore } : {}),
        ...(effective !== answer.response ? { said: answer.response } : {}),
        decision: decision.kind,
      },
    },
    messageFor(decision, content, context.coaching.profile?.region, effective),
  ];
  // Symptoms that moved (in or out) must be asked again before the next set; otherwise they are where they were.
  const moved = effective === 'centralized' || decision.kind === 'stop_and_regress' || decision.kind === 'refer_soon';
  const reachNow = decision.kind === 'stop_now' ? 'end' : moved ? null : (context.coaching.reachNow ?? null);
  return { coaching: { ...context.coaching, progress, reachNow, lastDecision: decision.kind, session: { ...session } }, outputs, decision };
}

/** Whether the session goes on after the last decision, and with which step. */
export function sessionContinues(coaching: CoachingState): boolean {
  const session = coaching.session;
  if (!session) return false;
  if (coaching.lastDecision === 'stop_now') return false;
  if (coaching.lastDecision === 'refer_soon' && coaching.progress.sessionStoppedOn === session.date) return false;
  return session.index + 1 < session.steps.length;
}

/**
 * The 6-week rule: a "soon" review once, when no meaningful improvement. In sciatica (and its arm
 * equivalent) the leg or arm score is the main outcome, so it decides when symptoms reach a limb
 * and check-ins have scored it; otherwise the pain score does.
 */
export function reviewMeasure(coaching: CoachingState, limb: PainEntry[] | undefined): 'limb' | 'pain' {
  return coaching.profile?.limbSymptoms === true && (limb?.length ?? 0) > 0 ? 'limb' : 'pain';
}

export function painReviewDue(coaching: CoachingState, pain: PainEntry[], now: string, limb?: PainEntry[]): 'review_soon' | 'plan_review' | null {
  if (!coaching.programmeStart || !coaching.baseline) return null;
  const history = reviewMeasure(coaching, limb) === 'limb' ? [...limb!] : [coaching.baseline, ...pain.filter((entry) => entry.at > coaching.baseline!.at)];
  const review = painReview(history, coaching.programmeStart, now);
  if (review.kind === 'review_soon' && !coaching.reviewsMade.includes('review_soon')) return 'review_soon';
  if (review.planReview && !coaching.reviewsMade.includes('plan_review')) return 'plan_review';
  return null;
}

/**
 * Leg or arm scores clearly worse over a week: a "soon" review, at most once a week, so a person
 * whose symptoms stay bad is not handed off again at every check-in.
 */
export function limbReviewDue(coaching: CoachingState, limb: PainEntry[] | undefined, now: string): boolean {
  const last = coaching.limbReviewAt;
  if (last && (Date.parse(now) - Date.parse(last)) / 86_400_000 < 7) return false;
  return limbReview(limb ?? [], now).kind === 'refer_soon';
}

/** Weekly progress: due at a check-in when it was never shown or shown 7 or more days ago. */
export function weeklyProgressDue(coaching: CoachingState, today: string): boolean {
  if (!coaching.programmeStart) return false;
  const since = coaching.progressShownOn ?? coaching.programmeStart.slice(0, 10);
  return (Date.parse(today) - Date.parse(since)) / 86_400_000 >= 7;
}
