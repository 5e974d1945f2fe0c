import { and } from 'xstate';
import type { CoachSetup } from '../setup.ts';
import { unclearAnswer } from '../shared.ts';
import { followUpStates, recheckAnswers } from '../screening/followUp.ts';

/** What any state does with a clinician's change to the programme (the console's plan form). */
export function coachingTransitions(machine: CoachSetup) {
  return machine.createStateConfig({ on: { CLINICIAN_PLAN: { actions: 'applyClinicianPlan' } } }).on;
}

/**
 * What a set's answer can be, in every state that waits for one: "skip this one", "I don't have
 * what it needs", or the movement response. Skips come first: a button's value is also read as a
 * movement when nothing else matches.
 */
function setAnswers(next: string) {
  return [
    { guard: 'lacksEquipment' as const, target: next, actions: ['countMessage' as const, 'markLacking' as const] },
    { guard: 'wantsToSkip' as const, target: next, actions: ['countMessage' as const, 'skipExercise' as const] },
    { guard: 'gaveMovement' as const, target: next, actions: ['countMessage' as const, 'applyMovement' as const] },
  ];
}

/**
 * A care-pathway question: yes, no, or its third answer ("does not apply", "not sure") is recorded
 * and leads on to `next`; anything else is asked again.
 */
function pathwayQuestion<A extends string>(question: 'pregnancy' | 'lateralShift' | 'osteoporosis', record: A, next: string, third?: 'notApplicable' | 'notSure') {
  return {
    entry: { type: 'ask' as const, params: { question } },
    on: {
      MESSAGE: [
        ...[...(third ? [third] : []), 'saidYes' as const, 'saidNo' as const].map((guard) => ({ guard, target: next, actions: ['countMessage' as const, record] })),
        ...unclearAnswer(),
      ],
    },
  };
}

/** A weekly question: "not today" ends this week's questions; the answer moves on; anything else is asked again. */
function weeklyAnswer<G extends string, A extends string>(guard: G, action: A, next: string) {
  return [
    { guard: 'skipsWeekly' as const, target: 'warning', actions: ['countMessage' as const, 'skipWeekly' as const] },
    { guard, target: next, actions: ['countMessage' as const, action] },
    ...unclearAnswer(),
  ];
}

/** The programme: the care-pathway questions, the offer of today's session, the daily check-in, the session one exercise at a time. */
export function coachingState(machine: CoachSetup) {
  return machine.createStateConfig({
    initial: 'intro',
    always: { guard: 'consentOutdated', target: 'reconsent' },
    // A new day's check-in replaces whatever was left open (an unfinished session, a question).
    on: { CHECK_IN: { target: '.checkIn', actions: 'startCheckIn' } },
    states: {
      intro: {
        entry: ['beginProgramme', { type: 'say', params: { key: 'readyForCoaching' } }],
        always: 'pathway',
      },
      // Asked once: who diagnosed it, pregnancy, a shifted trunk (low back), thin bones (when screening did not ask).
      pathway: {
        initial: 'start',
        states: {
          start: { always: [{ guard: 'pathwayIncomplete', target: 'diagnosed' }, { target: '#coach.coaching.offer' }] },
          diagnosed: {
            entry: ['askPathwayIntro', 'askDiagnosedBy'],
            on: { MESSAGE: [{ guard: 'gaveDiagnosedBy', target: 'afterDiagnosed', actions: ['countMessage', 'recordDiagnosedBy'] }, ...unclearAnswer()] },
          },
          afterDiagnosed: { always: [{ guard: 'undiagnosed', target: 'pregnancy', actions: 'referUndiagnosed' }, { target: 'pregnancy' }] },
          pregnancy: pathwayQuestion('pregnancy', 'recordPregnancy', 'afterPregnancy', 'notApplicable'),
          afterPregnancy: { always: [{ guard: 'isLumbar', target: 'lateralShift' }, { target: 'bones' }] },
          lateralShift: pathwayQuestion('lateralShift', 'recordLateralShift', 'bones', 'notSure'),
          bones: { always: [{ guard: 'bonesAskedInScreening', target: '#coach.coaching.offer' }, { target: 'osteoporosis' }] },
          osteoporosis: pathwayQuestion('osteoporosis', 'recordOsteoporosis', '#coach.coaching.offer'),
        },
      },
      offer: {
        entry: { type: 'ask', params: { question: 'startSession' } },
        on: {
          MESSAGE: [
            { guard: 'wantsTomorrow', target: 'idle', actions: ['countMessage', { type: 'say', params: { key: 'session.tomorrow' } }] },
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
              MESSAGE: [{ guard: 'gavePainScore', target: 'afterPain', actions: ['countMessage', 'recordCheckInPain'] }, ...unclearAnswer()],
            },
          },
          afterPain: { always: [{ guard: 'reachesLimb', target: 'limb' }, { target: 'reviewGate' }] },
          // Only for people whose symptoms reach a leg or arm: the score behind the one-week worsening rule.
          limb: {
            entry: { type: 'ask', params: { question: 'checkInLimb' } },
            on: {
              MESSAGE: [{ guard: 'gavePainScore', target: 'afterLimb', actions: ['countMessage', 'recordCheckInLimb'] }, ...unclearAnswer()],
            },
          },
          afterLimb: {
            always: [{ guard: 'limbReviewDue', target: 'reviewGate', actions: 'referLimbWorse' }, { target: 'reviewGate' }],
          },
          // The 6-week review, on today's scores (the leg or arm score when symptoms reach a limb).
          reviewGate: { always: [{ guard: 'painReviewDue', target: 'weeklyGate', actions: 'recommendReview' }, { target: 'weeklyGate' }] },
          // The weekly measures, on one check-in a week; any of them can be put off with "not today".
          weeklyGate: { always: [{ guard: 'weeklyDue', target: 'psfsNext', actions: 'startWeekly' }, { target: 'warning' }] },
          psfsNext: {
            always: [{ guard: 'psfsNeedsName', target: 'psfsName' }, { guard: 'psfsNeedsScore', target: 'psfsScore' }, { target: 'sleep' }],
          },
          psfsName: {
            entry: { type: 'ask', params: { question: 'psfsActivity' } },
            on: {
              MESSAGE: [
                { guard: 'skipsWeekly', target: 'warning', actions: ['countMessage', 'skipWeekly'] },
                { guard: 'namedDone', target: 'psfsNext', actions: ['countMessage', 'endPsfsNaming'] },
                { guard: 'gaveActivity', target: 'psfsNext', actions: ['countMessage', 'recordPsfsActivity'] },
                ...unclearAnswer(),
              ],
            },
          },
          psfsScore: {
            entry: 'askPsfsScore',
            on: { MESSAGE: weeklyAnswer('gavePainScore' as const, 'recordPsfsScore' as const, 'psfsNext') },
          },
          sleep: {
            entry: { type: 'ask', params: { question: 'sleepNights' } },
            on: { MESSAGE: weeklyAnswer('gaveNights', 'recordSleep', 'walking') },
          },
          walking: {
            entry: { type: 'ask', params: { question: 'walkingMinutes' } },
            on: { MESSAGE: weeklyAnswer('gaveMinutes', 'recordWalking', 'medication') },
          },
          medication: {
            entry: { type: 'ask', params: { question: 'medication' } },
            on: { MESSAGE: weeklyAnswer('gaveMedication', 'recordMedication', 'afterMedication') },
          },
          // The global rating compares with the start: from the second week on.
          afterMedication: { always: [{ guard: 'grocDue', target: 'groc' }, { target: 'weeklyDone' }] },
          groc: {
            entry: { type: 'ask', params: { question: 'globalChange' } },
            on: { MESSAGE: weeklyAnswer('gaveGroc', 'recordGroc', 'weeklyDone') },
          },
          weeklyDone: { entry: 'finishWeekly', always: 'warning' },
          warning: {
            entry: { type: 'ask', params: { question: 'checkInWarning' } },
            on: {
              MESSAGE: [
                // Issue 16 (screening): the lifting limit's review and the weekly warning-sign recheck come first.
                { guard: 'saidNo', target: 'followUp', actions: ['countMessage', 'recordCheckInClear'] },
                // "Yes" without details: ask the region's warning-sign questions one by one.
                { guard: 'saidYes', target: 'recheck', actions: ['countMessage', 'planScreening'] },
                ...unclearAnswer(),
              ],
            },
          },
          ...followUpStates(machine),
          recheck: { always: [{ guard: 'screeningQueueEmpty', target: '#coach.coaching.planning' }, { target: 'recheckQuestion' }] },
          recheckQuestion: {
            entry: 'askCurrentFlag',
            on: {
              MESSAGE: [
                { guard: and(['saidYes', 'currentFlagHoldsExercise']), target: '#coach.referred', actions: ['countMessage', 'referForCurrentFlag'] },
                { guard: 'saidYes', target: 'recheck', actions: ['countMessage', 'referForCurrentFlag'] },
                { guard: 'saidNo', target: 'recheck', actions: ['countMessage', 'denyCurrentFlag'] },
                ...recheckAnswers,
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
          // A check-in before the pathway questions were answered: they come first.
          { guard: 'pathwayIncomplete', target: 'pathway' },
          { guard: 'needsLiftingLimit', target: 'liftingLimit' },
          { guard: 'sessionHasSteps', target: 'nextSet', actions: 'recordSessionStarted' },
          { target: 'idle', actions: 'explainNoSession' },
        ],
      },
      liftingLimit: {
        entry: { type: 'ask', params: { question: 'liftingLimit' } },
        on: {
          MESSAGE: [
            { guard: 'gaveWeight', target: 'planning', actions: ['countMessage', 'recordLiftingLimit'] },
            { guard: 'limitUnknown', target: 'planning', actions: ['countMessage', 'recordNoLiftingLimit'] },
            ...unclearAnswer(),
          ],
        },
      },
      // Before each set: where the limb symptoms reach, when that is not known (start of a session, or
      // they moved). Asked before the exercise card, so the card's buttons stay the answers about the set.
      nextSet: { always: [{ guard: 'needsReachBefore', target: 'reachBefore' }, { target: 'exercise' }] },
      reachBefore: {
        entry: 'askReachBefore',
        on: {
          MESSAGE: [
            { guard: and(['sessionIsStale', 'wantsSession']), target: 'planning', actions: 'countMessage' },
            { guard: 'gaveReachLevel', target: 'exercise', actions: ['countMessage', 'recordReachBefore'] },
            { guard: 'wantsToSkip', target: 'afterResponse', actions: ['countMessage', 'skipExercise'] },
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
            // "I'll do it later": the session waits; "start" picks it up again.
            { guard: 'wantsLater', target: 'idle', actions: ['countMessage', { type: 'say', params: { key: 'session.later' } }] },
            ...setAnswers('afterResponse'),
            ...unclearAnswer(),
          ],
        },
      },
      afterResponse: {
        always: [
          { guard: 'sessionContinues', target: 'nextSet', actions: 'nextStep' },
          { target: 'idle', actions: 'finishSession' },
        ],
      },
    },
  });
}
