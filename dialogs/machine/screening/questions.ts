import type { QuestionKey } from '../../wording.ts';

/**
 * Intake's plain questions, in the order they are asked: the question's key (content/questions.yaml,
 * also the state's name and the step a resumed conversation comes back to), and each answer it
 * takes: the guard that recognises it, the action that records it, and the state it leads to. An
 * answer none of them takes is met the one way every question meets it (`unclearAnswer`).
 * What comes between two questions (a referral a profile triggers, a correction's way back to the
 * read-back) is in the `after…` states of ./states.ts.
 */
interface ScreeningQuestion {
  key: QuestionKey;
  answers: readonly { guard: string; record?: string | { type: string; params: Record<string, string> }; next: string }[];
}

export const SCREENING_QUESTIONS = [
  { key: 'region', answers: [{ guard: 'gaveRegion', record: 'recordRegion', next: 'afterRegion' }] },
  { key: 'pain', answers: [{ guard: 'gavePainScore', record: 'recordPain', next: 'afterPain' }] },
  { key: 'reach', answers: [{ guard: 'gaveChoice', record: { type: 'recordChoice', params: { field: 'reach' } }, next: 'afterReach' }] },
  { key: 'sides', answers: [{ guard: 'gaveChoice', record: { type: 'recordChoice', params: { field: 'sides' } }, next: 'afterSides' }] },
  { key: 'onset', answers: [{ guard: 'gaveChoice', record: { type: 'recordChoice', params: { field: 'onset' } }, next: 'afterOnset' }] },
  { key: 'age', answers: [{ guard: 'gaveAge', record: 'recordAge', next: 'afterAge' }] },
  {
    key: 'surgery',
    answers: [
      { guard: 'saidNoSurgery', record: 'recordSurgery', next: 'afterSurgery' },
      { guard: 'gaveSurgeryKind', record: 'recordSurgery', next: 'surgeryWhen' },
      // A plain "yes": which operation it was comes next.
      { guard: 'saidYes', next: 'surgeryKind' },
    ],
  },
  { key: 'surgeryKind', answers: [{ guard: 'gaveSurgeryKind', record: 'recordSurgery', next: 'surgeryWhen' }] },
  { key: 'surgeryWhen', answers: [{ guard: 'gaveDays', record: 'recordSurgeryWhen', next: 'liftingLimit' }] },
  {
    key: 'liftingLimit',
    answers: [
      { guard: 'gaveKg', record: 'recordScreeningLiftingLimit', next: 'afterSurgery' },
      // "Don't know", "not sure", "they never said": no limit known (the same reading as in coaching).
      { guard: 'limitUnknown', record: 'recordScreeningLiftingLimit', next: 'afterSurgery' },
    ],
  },
  // Older snapshots were asked weeks.
  { key: 'weeksSinceSurgery', answers: [{ guard: 'gaveWeeks', record: 'recordWeeks', next: 'afterSurgery' }] },
] as const satisfies readonly ScreeningQuestion[];
