import { and } from 'xstate';
import type { CoachSetup } from '../setup.ts';
import { unclearAnswer } from '../shared.ts';

/** Intake: region, pain, how far and which side, onset, surgery, then the region's warning-sign questions and a read-back. */
export function screeningState(machine: CoachSetup) {
  return machine.createStateConfig({
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
          MESSAGE: [{ guard: 'gaveWeeks', target: 'redFlagsIntro', actions: ['countMessage', 'recordWeeks'] }, ...unclearAnswer()],
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
  });
}
