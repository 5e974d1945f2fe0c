import type { CoachCatalog } from '../../catalog.ts';
import { answerMovement, currentExerciseOutputs, dayOf, painReviewDue, planToday, startProgramme, weeklyProgressDue } from '../../coachingSteps.ts';
import { refer } from '../referral/refer.ts';
import { KEEP_PAIN, push, record, understandingOf, update } from '../shared.ts';

export function coachingActions(catalog: CoachCatalog) {
  return {
    beginProgramme: update(({ context, event }) => ({ coaching: startProgramme(context, event.at) })),
    startCheckIn: update(({ context, event }) => {
      const missed = event.type === 'CHECK_IN' ? (event.missedDays ?? 0) : 0;
      const today = dayOf(event as { at: string; localDate?: string });
      const weekly = weeklyProgressDue(context.coaching, today);
      return {
        coaching: { ...context.coaching, checkIn: true, progressShownOn: weekly ? today : context.coaching.progressShownOn },
        outputs: push(
          context,
          record('checkIn.started', { missedDays: missed }),
          { kind: 'say', key: missed > 0 ? 'checkIn.welcomeBack' : 'checkIn.greeting', vars: { missed } },
          ...(weekly ? [{ kind: 'progress' as const }, record('progress.shown', { weekly: true })] : []),
        ),
      };
    }),
    recordCheckInPain: update(({ context, event }) => {
      const score = understandingOf(event)?.score ?? 0;
      return {
        pain: [...context.pain, { at: event.at, score }].slice(-KEEP_PAIN),
        outputs: push(context, record('pain.score', { score, context: 'checkIn' })),
      };
    }),
    recordCheckInLimb: update(({ context, event }) => {
      const score = understandingOf(event)?.score ?? 0;
      return {
        limb: [...(context.limb ?? []), { at: event.at, score }].slice(-KEEP_PAIN),
        outputs: push(context, record('limb.score', { score, context: 'checkIn' })),
      };
    }),
    referLimbWorse: update(({ context, event }) => ({
      ...refer(context, [{ flagId: 'soon.limb-worsening', urgency: 'soon', matched: 'leg or arm score at check-ins: 2 or more points worse within a week' }], event.at),
      coaching: { ...context.coaching, limbReviewAt: event.at },
    })),
    recordCheckInClear: update(({ context }) => ({ outputs: push(context, record('redFlag.denied', { flagId: 'checkIn.any' })) })),
    recommendReview: update(({ context, event }) => {
      const due = painReviewDue(context.coaching, context.pain, event.at);
      if (!due) return {};
      const coaching = { ...context.coaching, reviewsMade: [...context.coaching.reviewsMade, due] };
      if (due === 'plan_review') {
        return { coaching, outputs: push(context, record('review.recommended', { kind: due }), { kind: 'say', key: 'review.plan' }) };
      }
      return {
        ...refer(context, [{ flagId: 'soon.no-improvement', urgency: 'soon', matched: 'pain history: no meaningful improvement at 6 weeks' }], event.at),
        coaching,
      };
    }),
    planSession: update(({ context, event }) => {
      const today = dayOf(event as { at: string; localDate?: string });
      const plan = planToday(context, catalog.coaching, today);
      if (!plan) return { coaching: { ...context.coaching, session: null, lastDecision: 'no_plan' } };
      if (plan.asks.includes('lifting_limit')) return { coaching: { ...context.coaching, session: null, lastDecision: 'ask_lifting_limit' } };
      return {
        coaching: {
          ...context.coaching,
          checkIn: false,
          lastDecision: plan.stoppedToday ? 'stopped_today' : plan.steps.length ? null : 'nothing_today',
          sessionEducation: plan.education,
          session: plan.steps.length ? { date: today, steps: plan.steps.map((step) => ({ exerciseId: step.exerciseId, stageId: step.stageId, dose: step.dose })), index: 0 } : null,
        },
      };
    }),
    explainNoSession: update(({ context }) => ({
      outputs: push(context, { kind: 'say', key: context.coaching.lastDecision === 'stopped_today' ? 'session.stoppedToday' : 'session.nothingToday' }),
    })),
    recordLiftingLimit: update(({ context, event }) => {
      const kg = understandingOf(event)?.number ?? 0;
      return {
        coaching: { ...context.coaching, lastDecision: null, profile: context.coaching.profile ? { ...context.coaching.profile, liftingLimitKg: kg } : null },
        outputs: push(context, record('liftingLimit.given', { kg })),
      };
    }),
    recordNoLiftingLimit: update(({ context }) => ({
      // Unknown limit: nothing weighted is offered (the rules treat it as 0 kg) until the surgeon is asked.
      coaching: { ...context.coaching, lastDecision: null, profile: context.coaching.profile ? { ...context.coaching.profile, liftingLimitKg: 0 } : null },
      outputs: push(context, record('liftingLimit.given', { kg: 0, known: false }), { kind: 'say', key: 'liftingLimit.unknown' }),
    })),
    recordSessionStarted: update(({ context }) => {
      // One small piece of the plan's education per session, each only once.
      const pieceId = context.coaching.sessionEducation.find((id) => !context.coaching.educationShown.includes(id));
      return {
        outputs: push(
          context,
          record('session.started', { steps: context.coaching.session?.steps.map((s) => `${s.exerciseId}/${s.stageId}`) ?? [] }),
          ...(pieceId ? [{ kind: 'education' as const, pieceId }, record('education.shown', { pieceId, asked: false })] : []),
        ),
        coaching: pieceId ? { ...context.coaching, educationShown: [...context.coaching.educationShown, pieceId] } : context.coaching,
      };
    }),
    showExercise: update(({ context }) => ({ outputs: push(context, ...currentExerciseOutputs(context.coaching)) })),
    applyMovement: update(({ context, event }) => {
      const u = understandingOf(event)!;
      const result = answerMovement(context, catalog.coaching, {
        response: u.movement!,
        toesOrFingers: u.toesOrFingers === true,
        at: event.at,
        today: context.coaching.session?.date ?? dayOf(event as { at: string }),
      });
      const base = { coaching: result.coaching, outputs: push(context, ...result.outputs) };
      if (!result.referSoon) return base;
      const merged = { ...context, ...base };
      return { ...base, ...refer(merged, [{ flagId: 'soon.peripheralizing', urgency: 'soon', matched: 'symptoms spread down the limb in two sessions' }], event.at) };
    }),
    nextStep: update(({ context }) => ({
      coaching: { ...context.coaching, session: context.coaching.session ? { ...context.coaching.session, index: context.coaching.session.index + 1 } : null },
    })),
    finishSession: update(({ context }) => ({
      coaching: { ...context.coaching, session: null },
      outputs: push(
        context,
        record('session.finished', { stopped: context.coaching.lastDecision === 'stop_now' }),
        { kind: 'say', key: context.coaching.lastDecision === 'stop_now' ? 'session.stopped' : 'session.done' },
      ),
    })),
  };
}
