import { and } from 'xstate';
import type { CoachSetup } from '../setup.ts';
import { unclearAnswer } from '../shared.ts';
import type { QuestionKey } from '../../wording.ts';
import { SCREENING_QUESTIONS } from './questions.ts';
import { selfCheckState } from './selfCheck.ts';

const ask = (step: QuestionKey, question: QuestionKey = step) => [{ type: 'markScreening' as const, params: { step } }, { type: 'ask' as const, params: { question } }];
/** After an answer: back to the read-back when one answer is being corrected, else on to `next`. */
const then = (next: string) => ({ always: [{ guard: 'correcting' as const, target: 'review' }, { target: next }] });
const CORRECTIONS = ['region', 'pain', 'reach', 'onset', 'age', 'surgery'] as const;

/** A plain question's state: asked on entry, each answer recorded and on to its next state. */
function questionState(machine: CoachSetup, question: (typeof SCREENING_QUESTIONS)[number]) {
  return machine.createStateConfig({
    entry: ask(question.key),
    on: {
      MESSAGE: [
        ...question.answers.map((answer) => ({ guard: answer.guard, target: answer.next, actions: 'record' in answer ? ['countMessage' as const, answer.record] : ['countMessage' as const] })),
        ...unclearAnswer(),
      ],
    },
  });
}

/**
 * Intake: region, pain, how far and which side, onset, age, spine surgery (kind, when, the surgeon's
 * lifting limit), then the region's warning-sign questions (one card per group where the channel
 * shows cards) and a read-back of every value, where one answer can be corrected (issue 16).
 */
export function screeningState(machine: CoachSetup) {
  const corrections = CORRECTIONS.map((field) => ({ guard: { type: 'correctionIs' as const, params: { field } }, target: field, actions: ['countMessage' as const, 'startCorrection' as const] }));
  return machine.createStateConfig({
    initial: 'region',
    always: { guard: 'consentOutdated', target: 'reconsent' },
    states: {
      // The plain questions, one state each, from the table (./questions.ts).
      ...Object.fromEntries(SCREENING_QUESTIONS.map((question) => [question.key, questionState(machine, question)])),
      // A corrected region whose old spread no longer fits (an arm for the low back) asks the spread again.
      afterRegion: { always: [{ guard: and(['correcting', 'reachUnknown']), target: 'reach' }, { guard: 'correcting', target: 'review' }, { target: 'pain' }] },
      afterPain: then('reach'),
      afterReach: { always: [{ guard: 'spreads', target: 'sides' }, { target: 'afterSides' }] },
      afterSides: {
        always: [
          { guard: 'triggeredFlagHoldsExercise', target: '#coach.referred', actions: 'referFromTriggers' },
          { guard: 'profileTriggersFlag', target: 'afterTriggers', actions: 'referFromTriggers' },
          { target: 'afterTriggers' },
        ],
      },
      afterTriggers: then('onset'),
      afterOnset: then('age'),
      afterAge: { always: [{ guard: 'ageRaisesFlag', target: 'afterAgeFlags', actions: 'referForAge' }, { target: 'afterAgeFlags' }] },
      afterAgeFlags: then('surgery'),
      afterSurgery: then('redFlagsIntro'),
      redFlagsIntro: {
        entry: ['noteChannel', 'planScreening', { type: 'say', params: { key: 'screeningIntro' } }],
        always: 'nextRedFlag',
      },
      nextRedFlag: { always: [{ guard: 'screeningQueueEmpty', target: 'confirm' }, { target: 'redFlagQuestion' }] },
      redFlagQuestion: {
        entry: [{ type: 'markScreening', params: { step: 'nextRedFlag' } }, 'askFlagOrGroup'],
        // Resuming here after a referral, with every question already asked.
        always: { guard: 'screeningQueueEmpty', target: 'confirm' },
        on: {
          MESSAGE: [
            // A group card: "None of these", the ticked ones, or a typed yes (then one at a time, so each answer is explicit).
            { guard: and(['askingGroup', 'groupNone']), target: 'nextRedFlag', actions: ['countMessage', 'denyGroup'] },
            { guard: and(['askingGroup', 'groupTicked', 'groupTickedHoldsExercise']), target: '#coach.referred', actions: ['countMessage', 'answerGroup'] },
            { guard: and(['askingGroup', 'groupTicked']), target: 'nextRedFlag', actions: ['countMessage', 'answerGroup'] },
            { guard: and(['askingGroup', 'saidYes']), target: 'nextRedFlag', actions: ['countMessage', 'ungroup'] },
            { guard: and(['askingGroup', { type: 'gaveChoiceOf', params: { value: 'selected' } }]), target: 'nextRedFlag', actions: ['countMessage', 'ungroup'] },
            { guard: 'askingGroup', actions: unclearAnswer()[1]!.actions },
            { guard: and(['saidYes', 'currentFlagHoldsExercise']), target: '#coach.referred', actions: ['countMessage', 'referForCurrentFlag'] },
            { guard: 'saidYes', target: 'nextRedFlag', actions: ['countMessage', 'referForCurrentFlag'] },
            { guard: 'flagNotApplicable', target: 'nextRedFlag', actions: ['countMessage', 'denyCurrentFlag'] },
            { guard: 'saidNo', target: 'nextRedFlag', actions: ['countMessage', 'denyCurrentFlag'] },
            // "Not sure" to an emergency question: a short self-check, then the question once more.
            { guard: and(['saidUnsure', 'currentFlagIsEmergency']), target: 'selfCheck', actions: ['countMessage', 'showSelfCheck'] },
            { guard: 'saidUnsure', target: 'nextRedFlag', actions: ['countMessage', 'noteUnsure'] },
            ...unclearAnswer(),
          ],
        },
      },
      selfCheck: selfCheckState(machine, 'nextRedFlag'),
      confirm: {
        entry: [{ type: 'markScreening', params: { step: 'confirm' } }, 'confirmProfile', { type: 'ask', params: { question: 'confirm' } }],
        on: {
          MESSAGE: [
            { guard: 'saidYes', target: '#coach.coaching', actions: ['countMessage', 'completeScreening'] },
            ...corrections,
            { guard: 'saidNo', target: 'confirmCorrect', actions: 'countMessage' },
            { actions: ['countMessage', 'reask'] },
          ],
        },
      },
      confirmCorrect: {
        entry: ask('confirm', 'confirmCorrect'),
        on: { MESSAGE: [...corrections, { guard: 'saidYes', target: 'confirm', actions: 'countMessage' }, { actions: ['countMessage', 'reask'] }] },
      },
      // After a correction: the questions the new answers add (another region's, another age's), then the read-back again.
      review: { entry: 'planScreening', always: 'nextRedFlag' },
      // Back to the question the person was at. Explicit rather than XState history, because
      // history is not part of the stored snapshot and would be lost between turns.
      resume: {
        always: [
          ...[...SCREENING_QUESTIONS.map((question) => question.key), 'confirm', 'nextRedFlag'].map((step) => ({
            guard: { type: 'screeningWasAt' as const, params: { step } },
            target: step,
          })),
          { target: 'region' },
        ],
      },
    },
  });
}
