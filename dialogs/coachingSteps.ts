import { applyMovementResponse, emptyProgress, limbReview, painReview, profileFromIntake, sessionPlan, type CoachingContent } from './coaching/index.ts';
import type { CoachContext, CoachingState, Onset, Output, PainEntry } from './types.ts';

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
    },
    at.slice(0, 10),
  );
  const coaching = context.coaching ?? emptyCoaching();
  return {
    ...coaching,
    profile: { ...coachingProfile, ...(coaching.profile?.liftingLimitKg !== undefined ? { liftingLimitKg: coaching.profile.liftingLimitKg } : {}) },
    baseline: coaching.baseline ?? context.pain.at(-1) ?? null,
    programmeStart: coaching.programmeStart ?? at,
  };
}

export function planToday(context: CoachContext, content: CoachingContent, today: string) {
  const profile = context.coaching.profile;
  if (!profile) return null;
  return sessionPlan(profile, context.coaching.progress, content, today);
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

/** Applies the person's movement response to the current step; the decision names the message to say. */
export function answerMovement(
  context: CoachContext,
  content: CoachingContent,
  answer: { response: NonNullable<import('./types.ts').Understanding['movement']>; toesOrFingers: boolean; at: string; today: string },
): { coaching: CoachingState; outputs: Output[]; referSoon: boolean } {
  const session = context.coaching.session;
  const step = session?.steps[session.index];
  const exercise = step ? content.exercises[step.exerciseId] : undefined;
  if (!session || !step || !exercise) return { coaching: context.coaching, outputs: [], referSoon: false };
  const { progress, decision } = applyMovementResponse(
    context.coaching.progress,
    { exerciseId: step.exerciseId, stageId: step.stageId, response: answer.response, toesOrFingers: answer.toesOrFingers, sessionDate: answer.today, at: answer.at },
    exercise,
  );
  const outputs: Output[] = [
    {
      kind: 'record',
      type: 'movement.response',
      data: { exerciseId: step.exerciseId, stageId: step.stageId, response: answer.response, toesOrFingers: answer.toesOrFingers, decision: decision.kind },
    },
    { kind: 'say', key: `movement.${decision.kind}${decision.kind === 'continue' && decision.progressNextSession ? '.progress' : ''}` },
  ];
  return { coaching: { ...context.coaching, progress, lastDecision: decision.kind, session: { ...session } }, outputs, referSoon: decision.kind === 'refer_soon' };
}

/** Whether the session goes on after the last decision, and with which step. */
export function sessionContinues(coaching: CoachingState): boolean {
  const session = coaching.session;
  if (!session) return false;
  if (coaching.lastDecision === 'stop_now') return false;
  if (coaching.lastDecision === 'refer_soon' && coaching.progress.sessionStoppedOn === session.date) return false;
  return session.index + 1 < session.steps.length;
}

/** The 6-week rule on the pain history: a "soon" review once, when no meaningful improvement. */
export function painReviewDue(coaching: CoachingState, pain: PainEntry[], now: string): 'review_soon' | 'plan_review' | null {
  if (!coaching.programmeStart || !coaching.baseline) return null;
  const history = [coaching.baseline, ...pain.filter((entry) => entry.at > coaching.baseline!.at)];
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
