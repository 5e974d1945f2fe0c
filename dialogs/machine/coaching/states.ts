import { and } from 'xstate';
import type { CoachSetup } from '../setup.ts';
import { unclearAnswer } from '../shared.ts';

/** The programme: the offer of today's session, the daily check-in, the session one exercise at a time. */
export function coachingState(machine: CoachSetup) {
  return machine.createStateConfig({
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
              MESSAGE: [{ guard: 'gavePainScore', target: 'afterPain', actions: ['countMessage', 'recordCheckInPain'] }, ...unclearAnswer()],
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
              MESSAGE: [{ guard: 'gavePainScore', target: 'afterLimb', actions: ['countMessage', 'recordCheckInLimb'] }, ...unclearAnswer()],
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
  });
}
