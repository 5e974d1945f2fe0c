import { and, assign, raise, setup } from 'xstate';
import { triggeredFlags, type CoachCatalog } from './catalog.ts';
import { answerMovement, currentExerciseOutputs, dayOf, emptyCoaching, limbReviewDue, painReviewDue, planToday, sessionContinues, startProgramme, weeklyProgressDue } from './coachingSteps.ts';
import type {
  CoachContext,
  CoachEvent,
  ClinicalEventType,
  Onset,
  Output,
  Reach,
  RedFlagHit,
  Region,
  Sides,
  Surgery,
  Understanding,
} from './types.ts';

/** Bump when a stored snapshot of the previous version can no longer be resumed as it is. */
export const MACHINE_VERSION = 1;

const KEEP_PAIN = 30;
const KEEP_FLAGS = 30;
const MAX_FAILED_TRIES = 3;

type MessageEvent = Extract<CoachEvent, { type: 'MESSAGE' }>;

const understandingOf = (event: CoachEvent): Understanding | undefined =>
  event.type === 'MESSAGE' ? event.understanding : event.type === 'RED_FLAG' ? event.understanding : undefined;

const choiceOf = (event: CoachEvent) => understandingOf(event)?.choice;
const yesNoOf = (event: CoachEvent) => {
  const u = understandingOf(event);
  return u?.yesNo ?? (u?.choice === 'yes' || u?.choice === 'no' ? u.choice : undefined);
};

function push(context: CoachContext, ...outputs: Output[]): Output[] {
  return [...context.outputs, ...outputs];
}

function record(type: ClinicalEventType, data: Record<string, unknown>): Output {
  return { kind: 'record', type, data };
}

function hitsOf(event: CoachEvent): RedFlagHit[] {
  return event.type === 'RED_FLAG' ? event.hits : [];
}

const tierRank = { emergency: 0, urgent: 1, soon: 2, routine: 3 } as const;

/**
 * What every question does with an answer it cannot use: ask again with the buttons, and after
 * three tries also offer a clinician. Never a silent skip.
 */
function unclearAnswer() {
  return [
    { guard: 'tooManyFailedTries' as const, actions: ['countMessage' as const, 'reask' as const, 'offerClinician' as const] },
    { actions: ['countMessage' as const, 'reask' as const] },
  ];
}

export function createCoachMachine(catalog: CoachCatalog) {
  const isLockingHit = (hit: RedFlagHit) => hit.urgency === 'emergency' || hit.urgency === 'urgent';

  /** Outputs and context changes of a referral for the given hits, shared by disclosures and screening answers. */
  function refer(context: CoachContext, hits: RedFlagHit[], at: string): Partial<CoachContext> {
    const sorted = [...hits].sort((a, b) => tierRank[a.urgency] - tierRank[b.urgency]);
    const top = sorted[0];
    if (!top) return {};
    const urgency = top.urgency;
    const exerciseOnHold = sorted.some(isLockingHit) || (context.referral?.exerciseOnHold ?? false);
    const outputs: Output[] = [
      ...sorted.map((hit) => record('redFlag.raised', { flagId: hit.flagId, urgency: hit.urgency, matched: hit.matched })),
      { kind: 'say', key: `referral.${urgency}`, vars: { flags: sorted.map((hit) => hit.flagId).join(',') } },
      { kind: 'handoff', urgency, reasons: sorted.map((hit) => hit.flagId), hits: sorted, requestedBy: 'rules' },
      record('referral.made', { urgency, reasons: sorted.map((hit) => hit.flagId) }),
    ];
    if (exerciseOnHold) outputs.push({ kind: 'say', key: 'referral.noExerciseUntilSeen' });
    return {
      outputs: push(context, ...outputs),
      redFlags: [...context.redFlags, ...sorted.map((hit) => ({ ...hit, at }))].slice(-KEEP_FLAGS),
      referral: {
        urgency: context.referral && tierRank[context.referral.urgency] < tierRank[urgency] && context.referral.exerciseOnHold ? context.referral.urgency : urgency,
        at,
        exerciseOnHold,
      },
    };
  }

  return setup({
    types: {
      context: {} as CoachContext,
      events: {} as CoachEvent,
    },
    guards: {
      hitsHoldExercise: ({ event }) => hitsOf(event).some(isLockingHit),
      hasFollowUpMessage: ({ event }) => event.type === 'RED_FLAG' && event.understanding !== undefined,
      saidYes: ({ event }) => yesNoOf(event) === 'yes',
      saidNo: ({ event }) => yesNoOf(event) === 'no',
      saidStart: ({ event }) => yesNoOf(event) === 'yes' || /\b(start|begin|restart)\b/i.test(understandingOf(event)?.text ?? ''),
      gaveRegion: ({ event }) => {
        const u = understandingOf(event);
        return u?.region !== undefined || ['lumbar', 'thoracic', 'cervical'].includes(u?.choice ?? '');
      },
      gavePainScore: ({ event }) => understandingOf(event)?.score !== undefined,
      gaveChoice: ({ event }) => choiceOf(event) !== undefined,
      gaveWeeks: ({ event }) => {
        const n = understandingOf(event)?.number;
        return n !== undefined && n >= 0 && n <= 520;
      },
      reachesLimb: ({ context }) => context.profile.reach !== undefined && context.profile.reach !== 'spine_only',
      hadSurgery: ({ context }) => context.profile.surgery !== undefined && context.profile.surgery !== 'none',
      screeningQueueEmpty: ({ context }) => context.screeningQueue.length === 0,
      currentFlagHoldsExercise: ({ context }) => {
        const flagId = context.screeningQueue[0];
        return flagId !== undefined && ['emergency', 'urgent'].includes(catalog.flagUrgency[flagId] ?? '');
      },
      profileTriggersFlag: ({ context }) => triggeredFlags(catalog, context.profile).length > 0,
      triggeredFlagHoldsExercise: ({ context }) =>
        triggeredFlags(catalog, context.profile).some((id) => ['emergency', 'urgent'].includes(catalog.flagUrgency[id] ?? '')),
      tooManyFailedTries: ({ context }) => context.failedTries + 1 >= MAX_FAILED_TRIES,
      screeningDone: ({ context }) => context.screeningDone,
      screeningWasAt: ({ context }, params: { step: string }) => context.screeningAt === params.step,
      consentOutdated: ({ context }) => context.profile.consentVersion !== undefined && context.profile.consentVersion !== catalog.consentVersion,
      holdStays: ({ context, event }) => context.referral?.exerciseOnHold === true && !(event.type === 'CLINICIAN_LEFT' && event.outcome === 'cleared_to_exercise'),
      wantsSession: ({ event }) => yesNoOf(event) === 'yes' || choiceOf(event) === 'start' || /\b(start|begin|exercise|exercises|session|ready|go)\b/i.test(understandingOf(event)?.text ?? ''),
      sessionIsStale: ({ context, event }) => context.coaching.session !== null && context.coaching.session.date < dayOf(event as { at: string; localDate?: string }),
      gaveMovement: ({ event }) => understandingOf(event)?.movement !== undefined,
      exerciseOnHold: ({ context }) => context.referral?.exerciseOnHold === true,
      needsLiftingLimit: ({ context }) => context.coaching.session === null && context.coaching.lastDecision === 'ask_lifting_limit',
      sessionHasSteps: ({ context }) => (context.coaching.session?.steps.length ?? 0) > 0,
      sessionContinues: ({ context }) => sessionContinues(context.coaching),
      painReviewDue: ({ context, event }) => painReviewDue(context.coaching, context.pain, event.at) !== null,
      limbReviewDue: ({ context, event }) => limbReviewDue(context.coaching, context.limb, event.at),
    },
    actions: {
      countMessage: assign({ messages: ({ context }) => context.messages + 1 }),
      say: assign({ outputs: ({ context }, params: { key: string }) => push(context, { kind: 'say', key: params.key }) }),
      ask: assign(({ context }, params: { question: string }) => ({
        outputs: push(context, { kind: 'ask', question: params.question }),
        asking: { question: params.question },
        failedTries: 0,
      })),
      askCurrentFlag: assign(({ context }) => {
        const flagId = context.screeningQueue[0];
        if (flagId === undefined) return {};
        return {
          outputs: push(context, { kind: 'ask', question: 'redFlagAnswer', flagId }),
          asking: { question: 'redFlagAnswer', flagId },
          failedTries: 0,
        };
      }),
      reask: assign(({ context }) => ({
        outputs: push(
          context,
          { kind: 'say', key: 'notUnderstood' },
          record('answer.unclear', { question: context.asking?.question ?? null, flagId: context.asking?.flagId ?? null }),
          { kind: 'ask', question: context.asking?.question ?? 'consent', flagId: context.asking?.flagId, reask: true },
        ),
        failedTries: context.failedTries + 1,
      })),
      offerClinician: assign(({ context }) => ({
        outputs: push(context, { kind: 'say', key: 'offerClinicianAfterRetries' }),
        failedTries: 0,
      })),
      recordConsent: assign(({ context }) => ({
        profile: { ...context.profile, consentVersion: catalog.consentVersion },
        outputs: push(context, record('consent.given', { version: catalog.consentVersion })),
      })),
      recordDeclined: assign(({ context }) => ({
        outputs: push(context, record('consent.declined', { version: catalog.consentVersion })),
      })),
      recordRegion: assign(({ context, event }) => {
        const u = understandingOf(event);
        const region = (u?.region ?? u?.choice) as Region;
        return {
          profile: { ...context.profile, region },
          outputs: push(context, record('screening.answer', { question: 'region', value: region }), {
            kind: 'say',
            key: 'regionNoted',
            vars: { region },
          }),
        };
      }),
      recordPain: assign(({ context, event }) => {
        const score = understandingOf(event)?.score ?? 0;
        const at = (event as MessageEvent).at;
        return {
          pain: [...context.pain, { at, score }].slice(-KEEP_PAIN),
          outputs: push(context, record('pain.score', { score, context: 'screening' })),
        };
      }),
      recordChoice: assign(({ context, event }, params: { field: 'reach' | 'sides' | 'onset' | 'surgery' }) => {
        const value = choiceOf(event) as Reach & Sides & Onset & Surgery;
        return {
          profile: { ...context.profile, [params.field]: value },
          outputs: push(context, record('screening.answer', { question: params.field, value })),
        };
      }),
      recordWeeks: assign(({ context, event }) => {
        const weeks = understandingOf(event)?.number ?? 0;
        return {
          profile: { ...context.profile, weeksSinceSurgery: weeks },
          outputs: push(context, record('screening.answer', { question: 'weeksSinceSurgery', value: weeks })),
        };
      }),
      planScreening: assign(({ context }) => ({
        screeningQueue: catalog.screeningFlags[context.profile.region ?? 'lumbar'].filter(
          (id) => !context.redFlags.some((raised) => raised.flagId === id),
        ),
      })),
      referFromTriggers: assign(({ context, event }) =>
        refer(
          context,
          triggeredFlags(catalog, context.profile).map((flagId) => ({
            flagId,
            urgency: catalog.flagUrgency[flagId] ?? 'urgent',
            matched: `answers: ${[context.profile.reach, context.profile.sides].filter(Boolean).join(', ')}`,
          })),
          (event as MessageEvent).at,
        ),
      ),
      referForCurrentFlag: assign(({ context, event }) => {
        const flagId = context.screeningQueue[0] ?? '';
        return {
          ...refer(context, [{ flagId, urgency: catalog.flagUrgency[flagId] ?? 'urgent', matched: `yes to: ${flagId}` }], (event as MessageEvent).at),
          screeningQueue: context.screeningQueue.slice(1),
        };
      }),
      denyCurrentFlag: assign(({ context }) => ({
        outputs: push(context, record('redFlag.denied', { flagId: context.screeningQueue[0] ?? null })),
        screeningQueue: context.screeningQueue.slice(1),
      })),
      completeScreening: assign(({ context }) => ({
        screeningDone: true,
        outputs: push(context, record('screening.completed', { profile: context.profile })),
      })),
      restartScreening: assign(({ context }) => ({ profile: { consentVersion: context.profile.consentVersion }, screeningDone: false })),
      confirmProfile: assign(({ context }) => ({
        outputs: push(context, {
          kind: 'say',
          key: 'confirm',
          vars: {
            region: context.profile.region ?? 'unknown',
            reach: context.profile.reach ?? 'spine_only',
            onset: context.profile.onset ?? 'over_6_weeks',
            score: context.pain.at(-1)?.score ?? '?',
            surgery: context.profile.surgery ?? 'none',
          },
        }),
      })),
      referDisclosure: assign(({ context, event }) => refer(context, hitsOf(event), event.at)),
      replayMessage: raise(({ event }) => ({
        type: 'MESSAGE' as const,
        at: event.at,
        understanding: (event as Extract<CoachEvent, { type: 'RED_FLAG' }>).understanding ?? { text: '' },
      })),
      handOffOnRequest: assign(({ context, event }) => ({
        outputs: push(
          context,
          { kind: 'say', key: 'referral.routine' },
          { kind: 'handoff', urgency: 'routine', reasons: ['person.asked'], hits: [], requestedBy: 'person' },
          record('referral.made', { urgency: 'routine', reasons: ['person.asked'], words: event.type === 'CLINICIAN_REQUESTED' ? event.text : '' }),
        ),
      })),
      recordAssessed: assign(({ context, event }) => ({
        referral: context.referral ? { ...context.referral, exerciseOnHold: false } : null,
        outputs: push(
          context,
          record('clinician.assessed', { words: event.type === 'CLINICIAN_ASSESSED' ? event.text : '' }),
          { kind: 'say', key: 'referral.cleared' },
        ),
      })),
      markScreening: assign((_, params: { step: string }) => ({ screeningAt: params.step })),
      beginProgramme: assign(({ context, event }) => ({ coaching: startProgramme(context, event.at) })),
      startCheckIn: assign(({ context, event }) => {
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
      recordCheckInPain: assign(({ context, event }) => {
        const score = understandingOf(event)?.score ?? 0;
        return {
          pain: [...context.pain, { at: event.at, score }].slice(-KEEP_PAIN),
          outputs: push(context, record('pain.score', { score, context: 'checkIn' })),
        };
      }),
      recordCheckInLimb: assign(({ context, event }) => {
        const score = understandingOf(event)?.score ?? 0;
        return {
          limb: [...(context.limb ?? []), { at: event.at, score }].slice(-KEEP_PAIN),
          outputs: push(context, record('limb.score', { score, context: 'checkIn' })),
        };
      }),
      referLimbWorse: assign(({ context, event }) => ({
        ...refer(context, [{ flagId: 'soon.limb-worsening', urgency: 'soon', matched: 'leg or arm score at check-ins: 2 or more points worse within a week' }], event.at),
        coaching: { ...context.coaching, limbReviewAt: event.at },
      })),
      recordCheckInClear: assign(({ context }) => ({ outputs: push(context, record('redFlag.denied', { flagId: 'checkIn.any' })) })),
      recommendReview: assign(({ context, event }) => {
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
      planSession: assign(({ context, event }) => {
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
      explainNoSession: assign(({ context }) => ({
        outputs: push(context, { kind: 'say', key: context.coaching.lastDecision === 'stopped_today' ? 'session.stoppedToday' : 'session.nothingToday' }),
      })),
      recordLiftingLimit: assign(({ context, event }) => {
        const kg = understandingOf(event)?.number ?? 0;
        return {
          coaching: { ...context.coaching, lastDecision: null, profile: context.coaching.profile ? { ...context.coaching.profile, liftingLimitKg: kg } : null },
          outputs: push(context, record('liftingLimit.given', { kg })),
        };
      }),
      recordNoLiftingLimit: assign(({ context }) => ({
        // Unknown limit: nothing weighted is offered (the rules treat it as 0 kg) until the surgeon is asked.
        coaching: { ...context.coaching, lastDecision: null, profile: context.coaching.profile ? { ...context.coaching.profile, liftingLimitKg: 0 } : null },
        outputs: push(context, record('liftingLimit.given', { kg: 0, known: false }), { kind: 'say', key: 'liftingLimit.unknown' }),
      })),
      recordSessionStarted: assign(({ context }) => {
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
      showExercise: assign(({ context }) => ({ outputs: push(context, ...currentExerciseOutputs(context.coaching)) })),
      applyMovement: assign(({ context, event }) => {
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
      nextStep: assign(({ context }) => ({
        coaching: { ...context.coaching, session: context.coaching.session ? { ...context.coaching.session, index: context.coaching.session.index + 1 } : null },
      })),
      finishSession: assign(({ context }) => ({
        coaching: { ...context.coaching, session: null },
        outputs: push(
          context,
          record('session.finished', { stopped: context.coaching.lastDecision === 'stop_now' }),
          { kind: 'say', key: context.coaching.lastDecision === 'stop_now' ? 'session.stopped' : 'session.done' },
        ),
      })),
      clinicianJoined: assign(({ context, event }) => {
        if (event.type !== 'CLINICIAN_JOINED') return {};
        return {
          clinician: { name: event.clinician, caseId: event.caseId, since: event.at },
          outputs: push(context, record('clinician.joined', { clinician: event.clinician, caseId: event.caseId }), {
            kind: 'say',
            key: 'clinician.joined',
            vars: { name: event.clinician },
          }),
        };
      }),
      relayToClinician: assign(({ context, event }) => {
        const text = event.type === 'CLINICIAN_ASSESSED' || event.type === 'CLINICIAN_REQUESTED' ? event.text : (understandingOf(event)?.text ?? '');
        return {
          outputs: push(context, { kind: 'relay', text, caseId: context.clinician?.caseId ?? '' }, record('message.relayed', { caseId: context.clinician?.caseId ?? null })),
        };
      }),
      clinicianLeft: assign(({ context, event }) => {
        if (event.type !== 'CLINICIAN_LEFT') return {};
        const cleared = event.outcome === 'cleared_to_exercise';
        return {
          clinician: null,
          referral: context.referral && cleared ? { ...context.referral, exerciseOnHold: false } : context.referral,
          outputs: push(
            context,
            record('clinician.left', { outcome: event.outcome, note: event.note ?? null }),
            ...(cleared && context.referral?.exerciseOnHold ? [record('clinician.assessed', { by: context.clinician?.name ?? null, outcome: event.outcome })] : []),
            { kind: 'say', key: `clinician.left.${event.outcome}` },
          ),
        };
      }),
      teach: assign(({ context, event }) => {
        if (event.type !== 'EDUCATION') return {};
        return {
          outputs: push(context, { kind: 'education', pieceId: event.pieceId }, record('education.shown', { pieceId: event.pieceId, asked: true })),
          coaching: { ...context.coaching, educationShown: [...new Set([...context.coaching.educationShown, event.pieceId])] },
        };
      }),
      showProgress: assign(({ context, event }) => ({
        outputs: push(context, { kind: 'progress' }, record('progress.shown', { asked: event.type === 'PROGRESS_REQUESTED' })),
        coaching: { ...context.coaching, progressShownOn: dayOf(event as { at: string; localDate?: string }) },
      })),
      // After an aside (an explanation, the chart) the pending question is asked again, so nothing is skipped.
      reaskPending: assign(({ context }) => ({
        outputs: context.asking ? push(context, { kind: 'ask', question: context.asking.question, flagId: context.asking.flagId, reask: true }) : context.outputs,
      })),
      nudgeSetup: assign(({ context }) => ({
        outputs: push(
          context,
          { kind: 'say', key: 'checkIn.finishSetup' },
          ...(context.asking ? [{ kind: 'ask' as const, question: context.asking.question, flagId: context.asking.flagId, reask: true }] : []),
        ),
      })),
      tooLong: assign(({ context, event }) => ({
        outputs: push(context, { kind: 'say', key: 'tooLong', vars: { length: event.type === 'TOO_LONG' ? event.length : 0 } }),
      })),
    },
  }).createMachine({
    id: 'coach',
    initial: 'welcome',
    context: {
      profile: {},
      pain: [],
      redFlags: [],
      referral: null,
      screeningQueue: [],
      screeningDone: false,
      asking: null,
      failedTries: 0,
      messages: 0,
      coaching: emptyCoaching(),
      clinician: null,
      screeningAt: null,
      outputs: [],
    },
    on: {
      // Safety is global: a disclosure in any state refers in the same turn.
      RED_FLAG: [
        { guard: 'hitsHoldExercise', target: '.referred', actions: 'referDisclosure' },
        { guard: 'hasFollowUpMessage', actions: ['referDisclosure', 'replayMessage'] },
        { actions: 'referDisclosure' },
      ],
      CLINICIAN_REQUESTED: { actions: 'handOffOnRequest' },
      CLINICIAN_ASSESSED: { actions: 'recordAssessed' },
      // Never a silent skip: after a message we cannot read, the pending question comes again with its buttons.
      TOO_LONG: { actions: ['tooLong', 'reaskPending'] },
      UNREADABLE: { actions: [{ type: 'say', params: { key: 'emptyMessage' } }, 'reaskPending'] },
      // A check-in that arrives before set-up is finished only nudges: the person is mid-question.
      CHECK_IN: { actions: 'nudgeSetup' },
      CLINICIAN_JOINED: { target: '.withClinician', actions: 'clinicianJoined' },
      EDUCATION: { actions: ['teach', 'reaskPending'] },
      PROGRESS_REQUESTED: { actions: ['showProgress', 'reaskPending'] },
      MESSAGE: { actions: 'countMessage' },
    },
    states: {
      welcome: {
        on: {
          START: { target: 'consent', actions: [{ type: 'say', params: { key: 'greeting' } }, { type: 'say', params: { key: 'about' } }] },
          MESSAGE: { target: 'consent', actions: ['countMessage', { type: 'say', params: { key: 'greeting' } }, { type: 'say', params: { key: 'about' } }] },
        },
      },
      consent: {
        entry: [{ type: 'say', params: { key: 'consent' } }, { type: 'ask', params: { question: 'consent' } }],
        on: {
          MESSAGE: [
            { guard: 'saidYes', target: 'screening', actions: ['countMessage', 'recordConsent', { type: 'say', params: { key: 'consentThanks' } }] },
            { guard: 'saidNo', target: 'declined', actions: ['countMessage', 'recordDeclined', { type: 'say', params: { key: 'consentDeclined' } }] },
            { actions: ['countMessage', 'reask'] },
          ],
        },
      },
      declined: {
        on: {
          MESSAGE: [
            { guard: 'saidStart', target: 'consent', actions: 'countMessage' },
            { actions: ['countMessage', { type: 'say', params: { key: 'declinedReminder' } }] },
          ],
          // A person who has not consented can still ask for a human.
        },
      },
      screening: {
        initial: 'region',
        always: { guard: 'consentOutdated', target: 'reconsent' },
        states: {
          region: {
            entry: [{ type: 'markScreening', params: { step: 'region' } }, { type: 'ask', params: { question: 'region' } }],
            on: { MESSAGE: [{ guard: 'gaveRegion', target: 'pain', actions: ['countMessage', 'recordRegion'] }, ...unclearAnswer()] },
          },
          pain: {
            entry: [{ type: 'markScreening', params: { step: 'pain' } }, { type: 'ask', params: { question: 'pain' } }],
            on: { MESSAGE: [{ guard: 'gavePainScore', target: 'reach', actions: ['countMessage', 'recordPain'] }, ...unclearAnswer()] },
          },
          reach: {
            entry: [{ type: 'markScreening', params: { step: 'reach' } }, { type: 'ask', params: { question: 'reach' } }],
            on: {
              MESSAGE: [
                { guard: 'gaveChoice', target: 'afterReach', actions: ['countMessage', { type: 'recordChoice', params: { field: 'reach' } }] },
                ...unclearAnswer(),
              ],
            },
          },
          afterReach: { always: [{ guard: 'reachesLimb', target: 'sides' }, { target: 'onset' }] },
          sides: {
            entry: [{ type: 'markScreening', params: { step: 'sides' } }, { type: 'ask', params: { question: 'sides' } }],
            on: {
              MESSAGE: [
                { guard: 'gaveChoice', target: 'afterSides', actions: ['countMessage', { type: 'recordChoice', params: { field: 'sides' } }] },
                ...unclearAnswer(),
              ],
            },
          },
          afterSides: {
            always: [
              { guard: 'triggeredFlagHoldsExercise', target: '#coach.referred', actions: 'referFromTriggers' },
              { guard: 'profileTriggersFlag', target: 'onset', actions: 'referFromTriggers' },
              { target: 'onset' },
            ],
          },
          onset: {
            entry: [{ type: 'markScreening', params: { step: 'onset' } }, { type: 'ask', params: { question: 'onset' } }],
            on: {
              MESSAGE: [
                { guard: 'gaveChoice', target: 'surgery', actions: ['countMessage', { type: 'recordChoice', params: { field: 'onset' } }] },
                ...unclearAnswer(),
              ],
            },
          },
          surgery: {
            entry: [{ type: 'markScreening', params: { step: 'surgery' } }, { type: 'ask', params: { question: 'surgery' } }],
            on: {
              MESSAGE: [
                { guard: 'gaveChoice', target: 'afterSurgery', actions: ['countMessage', { type: 'recordChoice', params: { field: 'surgery' } }] },
                ...unclearAnswer(),
              ],
            },
          },
          afterSurgery: { always: [{ guard: 'hadSurgery', target: 'weeksSinceSurgery' }, { target: 'redFlagsIntro' }] },
          weeksSinceSurgery: {
            entry: [{ type: 'markScreening', params: { step: 'weeksSinceSurgery' } }, { type: 'ask', params: { question: 'weeksSinceSurgery' } }],
            on: {
              MESSAGE: [
                { guard: 'gaveWeeks', target: 'redFlagsIntro', actions: ['countMessage', 'recordWeeks'] },
                ...unclearAnswer(),
              ],
            },
          },
          redFlagsIntro: {
            entry: ['planScreening', { type: 'say', params: { key: 'screeningIntro' } }],
            always: 'nextRedFlag',
          },
          nextRedFlag: { always: [{ guard: 'screeningQueueEmpty', target: 'confirm' }, { target: 'redFlagQuestion' }] },
          redFlagQuestion: {
            entry: [{ type: 'markScreening', params: { step: 'nextRedFlag' } }, 'askCurrentFlag'],
            // Resuming here after a referral, with every question already asked.
            always: { guard: 'screeningQueueEmpty', target: 'confirm' },
            on: {
              MESSAGE: [
                { guard: and(['saidYes', 'currentFlagHoldsExercise']), target: '#coach.referred', actions: ['countMessage', 'referForCurrentFlag'] },
                { guard: 'saidYes', target: 'nextRedFlag', actions: ['countMessage', 'referForCurrentFlag'] },
                { guard: 'saidNo', target: 'nextRedFlag', actions: ['countMessage', 'denyCurrentFlag'] },
                ...unclearAnswer(),
              ],
            },
          },
          confirm: {
            entry: [{ type: 'markScreening', params: { step: 'confirm' } }, 'confirmProfile', { type: 'ask', params: { question: 'confirm' } }],
            on: {
              MESSAGE: [
                { guard: 'saidYes', target: '#coach.coaching', actions: ['countMessage', 'completeScreening'] },
                { guard: 'saidNo', target: 'region', actions: ['countMessage', 'restartScreening'] },
                { actions: ['countMessage', 'reask'] },
              ],
            },
          },
          // Back to the question the person was at. Explicit rather than XState history, because
          // history is not part of the stored snapshot and would be lost between turns.
          resume: {
            always: [
              { guard: { type: 'screeningWasAt', params: { step: 'region' } }, target: 'region' },
              { guard: { type: 'screeningWasAt', params: { step: 'pain' } }, target: 'pain' },
              { guard: { type: 'screeningWasAt', params: { step: 'reach' } }, target: 'reach' },
              { guard: { type: 'screeningWasAt', params: { step: 'sides' } }, target: 'sides' },
              { guard: { type: 'screeningWasAt', params: { step: 'onset' } }, target: 'onset' },
              { guard: { type: 'screeningWasAt', params: { step: 'surgery' } }, target: 'surgery' },
              { guard: { type: 'screeningWasAt', params: { step: 'weeksSinceSurgery' } }, target: 'weeksSinceSurgery' },
              { guard: { type: 'screeningWasAt', params: { step: 'confirm' } }, target: 'confirm' },
              { guard: { type: 'screeningWasAt', params: { step: 'nextRedFlag' } }, target: 'nextRedFlag' },
              { target: 'region' },
            ],
          },
        },
      },
      coaching: {
        initial: 'intro',
        always: { guard: 'consentOutdated', target: 'reconsent' },
        // A new day's check-in replaces whatever was left open (an unfinished session, a question).
        on: { CHECK_IN: { target: '.checkIn', actions: 'startCheckIn' } },
        states: {
          intro: {
            entry: ['beginProgramme', { type: 'say', params: { key: 'readyForCoaching' } }],
            always: 'offer',
          },
          offer: {
            entry: { type: 'ask', params: { question: 'startSession' } },
            on: {
              MESSAGE: [
                { guard: 'wantsSession', target: 'planning', actions: 'countMessage' },
                { guard: 'saidNo', target: 'idle', actions: ['countMessage', { type: 'say', params: { key: 'session.later' } }] },
                { actions: ['countMessage', 'reask'] },
              ],
              CHECK_IN: { target: 'checkIn', actions: 'startCheckIn' },
            },
          },
          idle: {
            on: {
              MESSAGE: [
                { guard: 'wantsSession', target: 'planning', actions: 'countMessage' },
                { target: 'offer', actions: ['countMessage', { type: 'say', params: { key: 'idle.help' } }] },
              ],
              CHECK_IN: { target: 'checkIn', actions: 'startCheckIn' },
            },
          },
          checkIn: {
            initial: 'pain',
            states: {
              pain: {
                entry: { type: 'ask', params: { question: 'checkInPain' } },
                on: {
                  MESSAGE: [
                    { guard: 'gavePainScore', target: 'afterPain', actions: ['countMessage', 'recordCheckInPain'] },
                    ...unclearAnswer(),
                  ],
                },
              },
              afterPain: {
                always: [
                  { guard: and(['painReviewDue', 'reachesLimb']), target: 'limb', actions: 'recommendReview' },
                  { guard: 'painReviewDue', target: 'warning', actions: 'recommendReview' },
                  { guard: 'reachesLimb', target: 'limb' },
                  { target: 'warning' },
                ],
              },
              // Only for people whose symptoms reach a leg or arm: the score behind the one-week worsening rule.
              limb: {
                entry: { type: 'ask', params: { question: 'checkInLimb' } },
                on: {
                  MESSAGE: [
                    { guard: 'gavePainScore', target: 'afterLimb', actions: ['countMessage', 'recordCheckInLimb'] },
                    ...unclearAnswer(),
                  ],
                },
              },
              afterLimb: {
                always: [{ guard: 'limbReviewDue', target: 'warning', actions: 'referLimbWorse' }, { target: 'warning' }],
              },
              warning: {
                entry: { type: 'ask', params: { question: 'checkInWarning' } },
                on: {
                  MESSAGE: [
                    { guard: 'saidNo', target: '#coach.coaching.planning', actions: ['countMessage', 'recordCheckInClear'] },
                    // "Yes" without details: ask the region's warning-sign questions one by one.
                    { guard: 'saidYes', target: 'recheck', actions: ['countMessage', 'planScreening'] },
                    ...unclearAnswer(),
                  ],
                },
              },
              recheck: { always: [{ guard: 'screeningQueueEmpty', target: '#coach.coaching.planning' }, { target: 'recheckQuestion' }] },
              recheckQuestion: {
                entry: 'askCurrentFlag',
                on: {
                  MESSAGE: [
                    { guard: and(['saidYes', 'currentFlagHoldsExercise']), target: '#coach.referred', actions: ['countMessage', 'referForCurrentFlag'] },
                    { guard: 'saidYes', target: 'recheck', actions: ['countMessage', 'referForCurrentFlag'] },
                    { guard: 'saidNo', target: 'recheck', actions: ['countMessage', 'denyCurrentFlag'] },
                    { actions: ['countMessage', 'reask'] },
                  ],
                },
              },
            },
          },
          planning: {
            entry: 'planSession',
            always: [
              { guard: 'exerciseOnHold', target: '#coach.referred', actions: { type: 'say', params: { key: 'referral.stillWaiting' } } },
              { guard: 'needsLiftingLimit', target: 'liftingLimit' },
              { guard: 'sessionHasSteps', target: 'exercise', actions: 'recordSessionStarted' },
              { target: 'idle', actions: 'explainNoSession' },
            ],
          },
          liftingLimit: {
            entry: { type: 'ask', params: { question: 'liftingLimit' } },
            on: {
              MESSAGE: [
                { guard: 'gaveWeeks', target: 'planning', actions: ['countMessage', 'recordLiftingLimit'] },
                { guard: 'saidNo', target: 'planning', actions: ['countMessage', 'recordNoLiftingLimit'] },
                ...unclearAnswer(),
              ],
            },
          },
          exercise: {
            entry: ['showExercise', { type: 'ask', params: { question: 'movementResponse' } }],
            on: {
              MESSAGE: [
                // Yesterday's unfinished session is not resumed: today's plan starts afresh.
                { guard: and(['sessionIsStale', 'wantsSession']), target: 'planning', actions: 'countMessage' },
                { guard: 'gaveMovement', target: 'afterResponse', actions: ['countMessage', 'applyMovement'] },
                ...unclearAnswer(),
              ],
            },
          },
          afterResponse: {
            always: [
              { guard: 'sessionContinues', target: 'exercise', reenter: true, actions: 'nextStep' },
              { target: 'idle', actions: 'finishSession' },
            ],
          },
        },
      },
      // The consent text changed since the person agreed: they are asked again before going on.
      reconsent: {
        entry: [{ type: 'say', params: { key: 'consentChanged' } }, { type: 'say', params: { key: 'consent' } }, { type: 'ask', params: { question: 'consent' } }],
        on: {
          MESSAGE: [
            { guard: and(['saidYes', 'screeningDone']), target: 'coaching.offer', actions: ['countMessage', 'recordConsent', { type: 'say', params: { key: 'consentThanks' } }] },
            { guard: 'saidYes', target: 'screening.resume', actions: ['countMessage', 'recordConsent', { type: 'say', params: { key: 'consentThanks' } }] },
            { guard: 'saidNo', target: 'declined', actions: ['countMessage', 'recordDeclined', { type: 'say', params: { key: 'consentDeclined' } }] },
            { actions: ['countMessage', 'reask'] },
          ],
          CHECK_IN: { actions: 'reaskPending' },
        },
      },
      withClinician: {
        on: {
          // Coaching pauses; what the person writes goes to the clinician. Warning signs are still
          // checked first (the root RED_FLAG handler), so a disclosure refers even now.
          MESSAGE: { actions: ['countMessage', 'relayToClinician'] },
          // "I was seen in A&E" or "can I talk to someone" go to the clinician in charge: only their
          // hand-back decides whether the exercise hold is lifted, and no second handoff is opened.
          CLINICIAN_ASSESSED: { actions: 'relayToClinician' },
          CLINICIAN_REQUESTED: { actions: 'relayToClinician' },
          CHECK_IN: {},
          CLINICIAN_JOINED: { actions: 'clinicianJoined' },
          CLINICIAN_LEFT: [
            { guard: 'holdStays', target: 'referred', actions: 'clinicianLeft' },
            { guard: 'screeningDone', target: 'coaching.offer', actions: 'clinicianLeft' },
            { target: 'screening.resume', actions: 'clinicianLeft' },
          ],
        },
      },
      referred: {
        on: {
          CLINICIAN_ASSESSED: [
            { guard: 'screeningDone', target: 'coaching.offer', actions: 'recordAssessed' },
            { target: 'screening.resume', actions: 'recordAssessed' },
          ],
          MESSAGE: { actions: ['countMessage', { type: 'say', params: { key: 'referral.stillWaiting' } }] },
          CHECK_IN: { actions: [{ type: 'say', params: { key: 'checkIn.onHold' } }, { type: 'ask', params: { question: 'clinicianAssessed' } }] },
        },
      },
    },
  });
}

export type CoachMachine = ReturnType<typeof createCoachMachine>;
