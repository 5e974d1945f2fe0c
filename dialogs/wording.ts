import { CLINICIAN_OUTCOMES, QUESTION_KINDS, URGENCY_ORDER, type ClinicianOutcome, type QuestionKind, type Urgency } from '../src/vocabulary/index.ts';

/**
 * Every message the conversation can say and every question it can ask, by key, with the slots
 * the coach fills in each message. `Output` (dialogs/types.ts) is typed against these, so a new
 * key cannot be emitted without being listed here, and content loading (src/content/wording.ts,
 * run at start-up and by `npm run content:check`) refuses content that lacks one or whose words
 * use a slot the coach does not fill. Grouped by the concern that says it.
 */
const consent = {
  greeting: [], about: [], consentThanks: [], consentDeclined: [], declinedReminder: [], consentChanged: [],
  /** The consent text itself (content/consent.yaml). */
  consent: [],
} as const;

const screening = {
  regionNoted: ['region'], screeningIntro: [], 'correct.ok': [], 'unsure.noted': [],
  /** The read-back; the shell adds the parts it builds from confirm.* (src/bot/render.ts `confirmText`). */
  confirm: ['region', 'reach', 'sides', 'onset', 'score', 'age', 'surgery', 'surgeryKind', 'surgeryDays', 'liftingKg'],
  'liftingLimit.review': ['weeks', 'kg'], 'liftingLimit.reviewUnknown': ['weeks', 'kg'],
  'liftingLimit.readBack': ['kg', 'lb', 'until'], 'liftingLimit.unknownScreening': ['until'],
  /** The flag's self-check (content/screening.yaml `selfChecks`), else selfCheck.generic. */
  selfCheck: ['flag'],
} as const;

/** The replies to a message that is not an answer, and what any state says (dialogs/machine/asides). */
const asides = {
  tooLong: ['length', 'limit'], emptyMessage: [], notUnderstood: [], offerClinicianAfterRetries: [], restartPolitely: [], 'checkIn.finishSetup': [],
  'heard.score': ['score'], 'heard.region': ['region'], 'heard.days': ['days'],
  'unclear.statement': [], 'unclear.again': [],
  'greeting.again': [], 'help.menu': [], 'help.default': [], 'language.englishOnly': [], symbolsOnly: [], 'skip.needed': [], 'skip.safety': [],
  'session.later': [], 'session.tomorrow': [], 'checkInTime.howTo': [],
} as const;

const referral = {
  'referral.noExerciseUntilSeen': [], 'referral.stillWaiting': [], 'referral.cleared': [], 'checkIn.onHold': [],
  'hold.emergencyNeedsClinician': [], 'hold.statementIntro': ['date'], 'hold.liftedOnStatement': [], 'hold.answerPlainly': [],
  'hold.notSeenYet': [], 'hold.keptAfterStatement': [],
  // The direct question about a sign mentioned without a clear disclosure (dialogs/machine/referral/askNow.ts).
  'signNow.hypothetical': [], 'signNow.resolved': [], 'signNow.unclearPerson': [], 'signNow.vague': [],
  'signNow.thanks': [], 'signNow.unsure': [], 'signNow.unclear': [], 'signNow.help': [],
} as const;

const coaching = {
  readyForCoaching: [], 'idle.help': [], 'session.done': [], 'session.stopped': [], 'session.stoppedToday': [], 'session.nothingToday': [],
  'movement.continue': [], 'movement.continue.noChange': [], 'movement.continue.progress': [], 'movement.continue.toesAsBefore': ['before'], 'movement.continue.testedOut': [],
  'movement.stop_and_regress': [], 'movement.stop_and_regress.known': ['before'], 'movement.stop_now': [], 'movement.stop_now.known': ['before'],
  'movement.rest_days': [], 'movement.refer_soon.detail': ['count', 'window', 'days', 'exercises'],
  'exercise.skipped': [], 'exercise.noEquipment': ['equipment'], 'exercise.noEquipmentUnknown': [],
  'pathway.intro': [], 'pathway.undiagnosed': [], 'pathway.pregnant': [], 'pathway.shifted': [],
  'directional.noCentralization': [], 'session.reduced': [], 'session.flareUp': [], 'session.remindersPlanned': [],
  'checkIn.greeting': ['missed'], 'checkIn.welcomeBack': ['missed'], 'checkIn.flareUp': [], 'checkIn.painRelief': [], 'review.plan': [], 'liftingLimit.unknown': [],
  'weekly.intro': [], 'weekly.psfsActivity': ['n', 'activity'], 'weekly.psfsNamed': [], 'weekly.skipped': [], 'weekly.thanks': [],
  'plan.changed.phase': ['name', 'phase'], 'plan.changed.phaseAuto': ['name', 'phase'], 'plan.changed.direction': ['name', 'direction'],
  'plan.changed.directionAuto': ['name', 'direction'], 'plan.changed.avoid': ['name'], 'plan.changed.discharge': ['name'],
} as const;

const clinician = { 'clinician.joined': ['name'], 'clinician.leftChat': ['name'] } as const;

/** Keys made from a value: one per kind of answer, per tier, per outcome. */
const unclearByKind = Object.fromEntries(QUESTION_KINDS.map((kind) => [`unclear.${kind}`, []])) as unknown as Record<`unclear.${QuestionKind}`, readonly []>;
/** The tier's own wording (content/referral/tiers.yaml), with the flags whose words it adds. */
const referralByTier = Object.fromEntries(URGENCY_ORDER.map((tier) => [`referral.${tier}`, ['flags']])) as unknown as Record<`referral.${Urgency}`, readonly ['flags']>;
const clinicianLeft = Object.fromEntries(CLINICIAN_OUTCOMES.map((outcome) => [`clinician.left.${outcome}`, []])) as unknown as Record<`clinician.left.${ClinicianOutcome}`, readonly []>;

/** Said by the shell through the renderer, not by the machine (src/coaching/holdTimer.ts). */
const shell = { 'timer.done': ['time'] } as const;

export const MESSAGES = {
  ...consent, ...screening, ...asides, ...referral, ...coaching, ...clinician, ...unclearByKind, ...referralByTier, ...clinicianLeft, ...shell,
};

/** Every question the conversation can ask (content/questions.yaml). */
export const QUESTIONS = [
  // consent and screening
  'consent', 'region', 'pain', 'reach', 'sides', 'onset', 'surgery', 'surgeryKind', 'surgeryWhen', 'weeksSinceSurgery', 'age',
  'liftingLimit', 'liftingLimitReview', 'confirm', 'confirmCorrect', 'redFlagAnswer', 'redFlagAfterCheck', 'redFlagGroup',
  // a sign mentioned without a clear disclosure; the short questions settling an answer between two choices (content/lexicon/body.yaml)
  'signNow', 'signQuestion', 'reachPastKnee', 'reachIntoArm',
  // referral and the hold
  'clinicianAssessed', 'holdSeen', 'holdSeenBy', 'holdExerciseAdvice',
  // coaching
  'startSession', 'checkInPain', 'checkInLimb', 'checkInWarning', 'movementResponse',
  'diagnosedBy', 'pregnancy', 'lateralShift', 'osteoporosis', 'reachBeforeLeg', 'reachBeforeArm',
  'psfsActivity', 'psfsScore', 'sleepNights', 'walkingMinutes', 'medication', 'globalChange',
] as const;

export type QuestionKey = (typeof QUESTIONS)[number];
/** "help.<question>": that question's own help text, else help.default (src/bot/render.ts). */
export type HelpKey = `help.${QuestionKey}`;
export type MessageKey = Exclude<keyof typeof MESSAGES, number> | HelpKey;

export const isQuestionKey = (key: string): key is QuestionKey => (QUESTIONS as readonly string[]).includes(key);

/** The slots the coach fills in a message (none for a help text). */
export function slotsFilled(key: MessageKey): readonly string[] {
  return (MESSAGES as Record<string, readonly string[]>)[key] ?? [];
}
