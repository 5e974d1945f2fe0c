import type { CoachCatalog } from '../../catalog.ts';
import { flareUpToday, markDischarged, painReliefDue, type ReachLevel } from '../../coaching/index.ts';
import { answerMovement, currentExerciseOutputs, dayOf, painReviewDue, planningProfile, planToday, reviewMeasure, startProgramme, weeklyProgressDue } from '../../coachingSteps.ts';
import type { CoachContext, CoachEvent, CoachingState, Outcomes, Output, Pathway } from '../../types.ts';
import { refer } from '../referral/refer.ts';
import { choiceOf, KEEP_PAIN, record, understandingOf, update, yesNoOf } from '../shared.ts';

/** Weekly measures kept per kind: a year of weeks. */
const KEEP_WEEKS = 52;

const emptyOutcomes = (): Outcomes => ({ psfs: [], sleep: [], walking: [], medication: [], groc: [] });
const grocValues: Record<string, number> = { much_worse: -3, worse: -2, a_little_worse: -1, same: 0, a_little_better: 1, better: 2, much_better: 3 };

const today = (event: { at: string; localDate?: string }) => dayOf(event);

/** A handoff the rules make at the routine tier: the care team is told, nothing is held back. */
function routineHandoff(reason: string, data: Record<string, unknown> = {}): Output[] {
  return [
    { kind: 'handoff', urgency: 'routine', reasons: [reason], hits: [], requestedBy: 'rules' },
    record('referral.made', { urgency: 'routine', reasons: [reason], ...data }),
  ];
}

export function coachingActions(catalog: CoachCatalog) {
  const content = catalog.coaching;
  const rules = content.rules;

  const withPathway = (context: CoachContext, change: Partial<Pathway>, question: string, value: unknown) => ({
    coaching: { ...context.coaching, pathway: { ...(context.coaching.pathway ?? {}), ...change } },
    outputs: [record('pathway.answer', { question, value })],
  });

  const withOutcomes = (coaching: CoachingState, change: (o: Outcomes) => Outcomes): CoachingState => ({ ...coaching, outcomes: change(coaching.outcomes ?? emptyOutcomes()) });

  /** What the person said a set did to their symptoms, applied to the session (as answered, or kept for the record beside a referral). */
  const movementAnswered = (context: CoachContext, event: CoachEvent & { at: string }) => {
    const u = understandingOf(event)!;
    return answerMovement(context, content, {
      response: u.movement!,
      toesOrFingers: u.toesOrFingers === true,
      at: event.at,
      today: context.coaching.session?.date ?? dayOf(event as { at: string }),
    });
  };

  return {
    beginProgramme: update(({ context, event }) => ({ coaching: startProgramme(context, event.at) })),
    startCheckIn: update(({ context, event }) => {
      const missed = event.type === 'CHECK_IN' ? (event.missedDays ?? 0) : 0;
      const day = today(event as { at: string; localDate?: string });
      const weekly = weeklyProgressDue(context.coaching, day);
      return {
        coaching: { ...context.coaching, checkIn: true, progressShownOn: weekly ? day : context.coaching.progressShownOn },
        outputs: [
          record('checkIn.started', { missedDays: missed }),
          { kind: 'say', key: missed > 0 ? 'checkIn.welcomeBack' : 'checkIn.greeting', vars: { missed } },
          ...(weekly ? [{ kind: 'progress' as const }, record('progress.shown', { weekly: true })] : []),
        ],
      };
    }),
    /**
     * The check-in pain score, and what it means today: a bad day (the flare-up plan) when it is
     * high and clearly above the last one; a word with the GP or pharmacist about pain relief after
     * several high scores in a row (content/coaching/rules.yaml).
     */
    recordCheckInPain: update(({ context, event }) => {
      const score = understandingOf(event)?.score ?? 0;
      const entry = { at: event.at, score };
      const day = today(event as { at: string; localDate?: string });
      const start = context.coaching.programmeStart;
      const checkInScores = [...context.pain.filter((p) => start !== null && p.at > start), entry];
      const flareUp = flareUpToday(context.pain, entry, rules.flareUp);
      const painRelief = painReliefDue(checkInScores, context.coaching.painReliefSuggestedAt, event.at, rules.painRelief);
      return {
        pain: [...context.pain, entry].slice(-KEEP_PAIN),
        coaching: {
          ...context.coaching,
          ...(flareUp ? { progress: { ...context.coaching.progress, flareUpOn: day } } : {}),
          ...(painRelief ? { painReliefSuggestedAt: event.at } : {}),
        },
        outputs: [
          record('pain.score', { score, context: 'checkIn' }),
          ...(flareUp ? [record('flareUp.started', { score, day }), { kind: 'say' as const, key: 'checkIn.flareUp' as const }] : []),
          ...(painRelief ? [record('advice.painRelief', { scores: checkInScores.slice(-rules.painRelief.checkIns).map((s) => s.score) }), { kind: 'say' as const, key: 'checkIn.painRelief' as const }] : []),
        ],
      };
    }),
    recordCheckInLimb: update(({ context, event }) => {
      const score = understandingOf(event)?.score ?? 0;
      return {
        limb: [...(context.limb ?? []), { at: event.at, score }].slice(-KEEP_PAIN),
        outputs: [record('limb.score', { score, context: 'checkIn' })],
      };
    }),
    referLimbWorse: update(({ context, event }) => ({
      ...refer(context, [{ flagId: 'soon.limb-worsening', urgency: 'soon', matched: 'leg or arm score at check-ins: 2 or more points worse within a week' }], event.at),
      coaching: { ...context.coaching, limbReviewAt: event.at },
    })),
    /**
     * "No warning signs" is kept for the care team, unless the same message was referred: then its
     * "no" ("never happened before", "no, but I've wet myself") is not a denial, and a record saying so
     * would contradict the referral in the history.
     */
    recordCheckInClear: update(({ event }) =>
      event.type === 'MESSAGE' && event.afterReferral ? {} : { outputs: [record('redFlag.denied', { flagId: 'checkIn.any' })] },
    ),
    recommendReview: update(({ context, event }) => {
      const due = painReviewDue(context.coaching, context.pain, event.at, context.limb);
      if (!due) return {};
      const measure = reviewMeasure(context.coaching, context.limb) === 'limb' ? 'leg or arm score' : 'pain history';
      const coaching = { ...context.coaching, reviewsMade: [...context.coaching.reviewsMade, due] };
      if (due === 'plan_review') {
        return { coaching, outputs: [record('review.recommended', { kind: due }), { kind: 'say', key: 'review.plan' }] };
      }
      return {
        ...refer(context, [{ flagId: 'soon.no-improvement', urgency: 'soon', matched: `${measure}: no meaningful improvement at 6 weeks` }], event.at),
        coaching,
      };
    }),
    planSession: update(({ context, event }) => {
      const day = today(event as { at: string; localDate?: string });
      const plan = planToday(context, content, day);
      if (!plan) return { coaching: { ...context.coaching, session: null, lastDecision: 'no_plan' } };
      if (plan.asks.includes('lifting_limit')) return { coaching: { ...context.coaching, session: null, lastDecision: 'ask_lifting_limit' } };
      // Every direction tried without centralizing: the care team is told once (Werneke & Hart 2001).
      const profile = planningProfile(context, content);
      const report = plan.noCentralizationAfterFullTest && profile?.limbSymptoms !== false && !context.coaching.reviewsMade.includes('no_centralization');
      const hasSteps = plan.steps.length > 0;
      // A programme begun before limb symptoms were kept on the profile learns them from the intake.
      const known = context.coaching.profile;
      const coachingProfile = known && known.limbSymptoms === undefined && context.profile.reach ? { ...known, limbSymptoms: context.profile.reach !== 'spine_only' } : known;
      return {
        coaching: {
          ...context.coaching,
          profile: coachingProfile,
          checkIn: false,
          // Where the limb symptoms reach is asked afresh at the start of each session.
          reachNow: null,
          lastDecision: plan.stoppedToday ? 'stopped_today' : hasSteps ? null : 'nothing_today',
          sessionEducation: plan.education,
          reviewsMade: report ? [...context.coaching.reviewsMade, 'no_centralization'] : context.coaching.reviewsMade,
          session: hasSteps
            ? { date: day, phase: plan.phase, reduced: plan.reduced, index: 0, steps: plan.steps.map((step) => ({ exerciseId: step.exerciseId, stageId: step.stageId, dose: step.dose, purpose: step.purpose })) }
            : null,
        },
        outputs: [
          ...(report
            ? [
                record('directional.noCentralization', { tried: plan.omitted.filter((o) => o.reason === 'direction_tried_without_centralizing').map((o) => o.exerciseId) }),
                { kind: 'say' as const, key: 'directional.noCentralization' as const },
                ...routineHandoff('coaching.no-centralization'),
              ]
            : []),
          ...(hasSteps && plan.phase === 'flare_up' ? [{ kind: 'say' as const, key: 'session.flareUp' as const }] : hasSteps && plan.reduced ? [{ kind: 'say' as const, key: 'session.reduced' as const }] : []),
        ],
      };
    }),
    explainNoSession: update(({ context }) => ({
      outputs: [{ kind: 'say', key: context.coaching.lastDecision === 'stopped_today' ? 'session.stoppedToday' : 'session.nothingToday' }],
    })),
    recordLiftingLimit: update(({ context, event }) => {
      const kg = understandingOf(event)?.kg ?? 0;
      return {
        coaching: { ...context.coaching, lastDecision: null, profile: context.coaching.profile ? { ...context.coaching.profile, liftingLimitKg: kg } : null },
        outputs: [record('liftingLimit.given', { kg })],
      };
    }),
    recordNoLiftingLimit: update(({ context }) => ({
      // Unknown limit: nothing weighted is offered (the rules treat it as 0 kg) until the surgeon is asked.
      coaching: { ...context.coaching, lastDecision: null, profile: context.coaching.profile ? { ...context.coaching.profile, liftingLimitKg: 0 } : null },
      outputs: [record('liftingLimit.given', { kg: 0, known: false }), { kind: 'say', key: 'liftingLimit.unknown' }],
    })),
    recordSessionStarted: update(({ context }) => {
      // One small piece of the plan's education per session, each only once.
      const pieceId = context.coaching.sessionEducation.find((id) => !context.coaching.educationShown.includes(id));
      return {
        outputs: [
          record('session.started', { steps: context.coaching.session?.steps.map((s) => `${s.exerciseId}/${s.stageId}`) ?? [], phase: context.coaching.session?.phase ?? null, reduced: context.coaching.session?.reduced ?? null }),
          ...(pieceId ? [{ kind: 'education' as const, pieceId }, record('education.shown', { pieceId, asked: false })] : []),
        ],
        coaching: pieceId ? { ...context.coaching, educationShown: [...context.coaching.educationShown, pieceId] } : context.coaching,
      };
    }),
    showExercise: update(({ context }) => ({ outputs: [...currentExerciseOutputs(context.coaching)] })),
    askReachBefore: update(({ context }) => {
      const question = context.coaching.profile?.region === 'cervical' ? 'reachBeforeArm' : 'reachBeforeLeg';
      return { outputs: [{ kind: 'ask', question }], asking: { question }, failedTries: 0 };
    }),
    recordReachBefore: update(({ context, event }) => {
      const level = choiceOf(event) as ReachLevel;
      const step = context.coaching.session?.steps[context.coaching.session.index];
      return {
        coaching: { ...context.coaching, reachNow: level },
        outputs: [record('reach.before', { level, exerciseId: step?.exerciseId ?? null, stageId: step?.stageId ?? null })],
      };
    }),
    applyMovement: update(({ context, event }) => {
      const result = movementAnswered(context, event);
      const decision = result.decision;
      if (decision?.kind !== 'refer_soon') return { coaching: result.coaching, outputs: result.outputs };
      const names = decision.exercises.map((id) => content.exercises[id]?.name ?? id).join('; ');
      const matched = `symptoms spread further down the limb on ${decision.peripheralizedOn.length} days within ${decision.windowDays} (${decision.peripheralizedOn.join(', ')}), during: ${names}`;
      const referral = refer({ ...context, coaching: result.coaching }, [{ flagId: 'soon.peripheralizing', urgency: 'soon', matched }], event.at);
      return { coaching: result.coaching, ...referral, outputs: [...result.outputs, ...(referral.outputs ?? [])] };
    }),
    /**
     * A movement response said together with a disclosure that holds exercise ("it went further down
     * my leg, and I've leaked"): recorded for the clinician and the exercise's history, but the
     * session goes no further and no coaching advice follows; the referral speaks.
     */
    recordMovementBeforeHold: update(({ context, event }) => {
      const result = movementAnswered(context, event);
      return { coaching: { ...context.coaching, progress: result.coaching.progress }, outputs: [...result.outputs.filter((output) => output.kind === 'record')] };
    }),
    skipExercise: update(({ context }) => {
      const step = context.coaching.session?.steps[context.coaching.session.index];
      return {
        coaching: { ...context.coaching, lastDecision: 'skipped' },
        outputs: [record('exercise.skipped', { exerciseId: step?.exerciseId ?? null, stageId: step?.stageId ?? null }), { kind: 'say', key: 'exercise.skipped' }],
      };
    }),
    /** "I don't have a pool": the exercise's equipment is marked as lacking, so it is never offered again. */
    markLacking: update(({ context }) => {
      const step = context.coaching.session?.steps[context.coaching.session.index];
      const needs = step ? (content.exercises[step.exerciseId]?.needs ?? []) : [];
      const profile = context.coaching.profile;
      if (!profile || needs.length === 0) {
        return {
          coaching: { ...context.coaching, lastDecision: 'skipped' },
          outputs: [record('exercise.skipped', { exerciseId: step?.exerciseId ?? null, stageId: step?.stageId ?? null }), { kind: 'say', key: 'exercise.noEquipmentUnknown' }],
        };
      }
      const equipment = { ...(profile.equipment ?? {}), ...Object.fromEntries(needs.map((kind) => [kind, false])) };
      return {
        coaching: { ...context.coaching, lastDecision: 'skipped', profile: { ...profile, equipment } },
        outputs: [
          record('equipment.lacking', { needs, exerciseId: step?.exerciseId ?? null }),
          { kind: 'say', key: 'exercise.noEquipment', vars: { equipment: needs.map((kind) => rules.equipmentWords[kind]).join(' or ') } },
        ],
      };
    }),
    nextStep: update(({ context }) => ({
      coaching: { ...context.coaching, session: context.coaching.session ? { ...context.coaching.session, index: context.coaching.session.index + 1 } : null },
    })),
    finishSession: update(({ context }) => {
      const session = context.coaching.session;
      const stopped = context.coaching.lastDecision === 'stop_now';
      // The directional exercise repeated through the day: the shell schedules the reminders.
      const repeated = !stopped && session ? session.steps.find((s) => s.purpose === 'directional' && typeof s.dose.timesPerDay === 'number' && s.dose.timesPerDay > 1) : undefined;
      return {
        coaching: { ...context.coaching, session: null },
        outputs: [
          record('session.finished', { stopped }),
          ...(repeated && session
            ? [record('reminders.planned', { exerciseId: repeated.exerciseId, stageId: repeated.stageId, dose: repeated.dose, timesPerDay: repeated.dose.timesPerDay, date: session.date })]
            : []),
          { kind: 'say', key: stopped ? 'session.stopped' : 'session.done' },
          ...(repeated ? [{ kind: 'say' as const, key: 'session.remindersPlanned' as const }] : []),
        ],
      };
    }),

    // Item 10: the care pathway, asked once when coaching starts.
    askPathwayIntro: update(() => ({ outputs: [{ kind: 'say', key: 'pathway.intro' }] })),
    askDiagnosedBy: update(() => ({ outputs: [{ kind: 'ask', question: 'diagnosedBy' }], asking: { question: 'diagnosedBy' }, failedTries: 0 })),
    recordDiagnosedBy: update(({ context, event }) => {
      const value = choiceOf(event) as NonNullable<Pathway['diagnosedBy']>;
      return withPathway(context, { diagnosedBy: value }, 'diagnosedBy', value);
    }),
    /** No one has diagnosed it: a routine referral, made before any exercise. */
    referUndiagnosed: update(() => ({
      outputs: [{ kind: 'say', key: 'pathway.undiagnosed' }, ...routineHandoff('pathway.undiagnosed')],
    })),
    recordPregnancy: update(({ context, event }) => {
      const pregnant = yesNoOf(event) === 'yes';
      const result = withPathway(context, { pregnant }, 'pregnancy', choiceOf(event) ?? yesNoOf(event) ?? null);
      return pregnant ? { ...result, outputs: [...result.outputs, { kind: 'say', key: 'pathway.pregnant' }] } : result;
    }),
    recordLateralShift: update(({ context, event }) => {
      const shifted = yesNoOf(event) === 'yes' && choiceOf(event) !== 'not_sure';
      const result = withPathway(context, { lateralShift: shifted }, 'lateralShift', choiceOf(event) ?? yesNoOf(event) ?? null);
      return shifted ? { ...result, outputs: [...result.outputs, { kind: 'say', key: 'pathway.shifted' }] } : result;
    }),
    recordOsteoporosis: update(({ context, event }) => withPathway(context, { osteoporosis: yesNoOf(event) === 'yes' }, 'osteoporosis', yesNoOf(event) ?? null)),

    // Item 9: the weekly measures.
    startWeekly: update(({ context, event }) => ({
      coaching: { ...context.coaching, weeklyAskedOn: today(event as { at: string; localDate?: string }), weekly: { psfsIndex: 0, namingDone: false } },
      outputs: [{ kind: 'say', key: 'weekly.intro' }],
    })),
    skipWeekly: update(({ context }) => ({
      coaching: { ...context.coaching, weekly: null },
      outputs: [record('outcome.skipped', { at: context.asking?.question ?? null }), { kind: 'say', key: 'weekly.skipped' }],
    })),
    finishWeekly: update(({ context }) => ({ coaching: { ...context.coaching, weekly: null }, outputs: [{ kind: 'say', key: 'weekly.thanks' }] })),
    recordPsfsActivity: update(({ context, event }) => {
      const activity = (understandingOf(event)?.text ?? '').trim().slice(0, 80);
      const coaching = withOutcomes(context.coaching, (o) => ({ ...o, psfs: [...o.psfs, { activity, scores: [] }] }));
      return {
        coaching,
        outputs: [record('psfs.named', { activityIndex: coaching.outcomes!.psfs.length - 1, activity }), { kind: 'say', key: 'weekly.psfsNamed' }],
      };
    }),
    endPsfsNaming: update(({ context }) => ({ coaching: { ...context.coaching, weekly: { psfsIndex: context.coaching.weekly?.psfsIndex ?? 0, namingDone: true } } })),
    askPsfsScore: update(({ context }) => {
      const index = context.coaching.weekly?.psfsIndex ?? 0;
      const activity = context.coaching.outcomes?.psfs[index]?.activity ?? '';
      return {
        outputs: [{ kind: 'say', key: 'weekly.psfsActivity', vars: { n: index + 1, activity } }, { kind: 'ask', question: 'psfsScore' }],
        asking: { question: 'psfsScore' },
        failedTries: 0,
      };
    }),
    recordPsfsScore: update(({ context, event }) => {
      const score = understandingOf(event)?.score ?? 0;
      const index = context.coaching.weekly?.psfsIndex ?? 0;
      const coaching = withOutcomes(context.coaching, (o) => ({
        ...o,
        psfs: o.psfs.map((item, i) => (i === index ? { ...item, scores: [...item.scores, { at: event.at, value: score }].slice(-KEEP_WEEKS) } : item)),
      }));
      return {
        coaching: { ...coaching, weekly: { psfsIndex: index + 1, namingDone: context.coaching.weekly?.namingDone ?? false } },
        outputs: [record('psfs.score', { activityIndex: index, activity: context.coaching.outcomes?.psfs[index]?.activity ?? '', score })],
      };
    }),
    recordSleep: update(({ context, event }) => {
      const nights = understandingOf(event)?.number ?? understandingOf(event)?.score ?? 0;
      return {
        coaching: withOutcomes(context.coaching, (o) => ({ ...o, sleep: [...o.sleep, { at: event.at, value: nights }].slice(-KEEP_WEEKS) })),
        outputs: [record('outcome.sleep', { nightsWoken: nights })],
      };
    }),
    recordWalking: update(({ context, event }) => {
      const minutes = understandingOf(event)?.number ?? 0;
      return {
        coaching: withOutcomes(context.coaching, (o) => ({ ...o, walking: [...o.walking, { at: event.at, value: minutes }].slice(-KEEP_WEEKS) })),
        outputs: [record('outcome.walking', { minutes })],
      };
    }),
    recordMedication: update(({ context, event }) => {
      const use = choiceOf(event) ?? 'none';
      return {
        coaching: withOutcomes(context.coaching, (o) => ({ ...o, medication: [...o.medication, { at: event.at, value: use }].slice(-KEEP_WEEKS) })),
        outputs: [record('outcome.medication', { use })],
      };
    }),
    recordGroc: update(({ context, event }) => {
      const value = grocValues[choiceOf(event) ?? 'same'] ?? 0;
      return {
        coaching: withOutcomes(context.coaching, (o) => ({ ...o, groc: [...o.groc, { at: event.at, value }].slice(-KEEP_WEEKS) })),
        outputs: [record('outcome.groc', { value, answer: choiceOf(event) ?? null })],
      };
    }),

    /**
     * Item 10: a clinician's change from the console. It is kept with the programme and applied to
     * every plan from now on; the person is told in plain words; a question they were answering
     * is asked again (unless a clinician is talking with them).
     */
    applyClinicianPlan: update(({ context, event }) => {
      if (event.type !== 'CLINICIAN_PLAN') return {};
      const { change, clinician } = event;
      const day = today(event);
      const current = context.coaching.clinicianPlan ?? null;
      const next = { ...(current ?? {}), by: clinician, at: event.at } as NonNullable<CoachingState['clinicianPlan']>;
      const said: Output[] = [];
      if (change.phase !== undefined) {
        if (change.phase === null) delete next.phase;
        else next.phase = change.phase;
        said.push({ kind: 'say', key: change.phase === null ? 'plan.changed.phaseAuto' : 'plan.changed.phase', vars: { name: clinician, phase: change.phase ?? '' } });
      }
      if (change.direction !== undefined) {
        if (change.direction === null) delete next.direction;
        else next.direction = change.direction;
        said.push({ kind: 'say', key: change.direction === null ? 'plan.changed.directionAuto' : 'plan.changed.direction', vars: { name: clinician, direction: change.direction ?? '' } });
      }
      if (change.avoid !== undefined) {
        next.avoid = [...new Set(change.avoid)];
        said.push({ kind: 'say', key: 'plan.changed.avoid', vars: { name: clinician } });
      }
      let progress = context.coaching.progress;
      if (change.discharge) {
        delete next.phase;
        progress = markDischarged(progress, day);
        said.push({ kind: 'say', key: 'plan.changed.discharge', vars: { name: clinician } });
      } else if (change.phase) {
        // A phase set after a discharge takes the person back into the programme.
        const { dischargedOn: _, ...rest } = progress;
        progress = rest;
      }
      const reask = context.asking && !context.clinician ? [{ kind: 'ask' as const, question: context.asking.question, flagId: context.asking.flagId, reask: true }] : [];
      return {
        coaching: { ...context.coaching, clinicianPlan: next, progress },
        outputs: [record('plan.changed', { by: clinician, ...change }), ...said, ...reask],
      };
    }),
  };
}

