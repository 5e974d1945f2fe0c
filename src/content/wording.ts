/**
 * Every message and question the conversation can emit (dialogs/wording.ts) and every message the
 * shell builds its replies from (SHELL_MESSAGES) must be in content, and its words may use only
 * the slots the coach fills: a missing key would be dropped or shown as its key, and an unfilled
 * slot would come out empty (src/wording/fill.ts). Run at start-up and by `npm run content:check`.
 */
import { MESSAGES, QUESTIONS, isQuestionKey, type MessageKey } from '../../dialogs/wording.ts';
import { URGENCY_ORDER } from '../vocabulary/index.ts';
import { missingSlots } from '../wording/fill.ts';
import type { ConversationContent } from './conversation.ts';
import type { Lexicon } from './lexicon.ts';
import type { ReferralTiers } from './referral.ts';

/** The parts of the read-back the renderer builds and puts into `confirm` (src/bot/render.ts `confirmText`). */
export const CONFIRM_PARTS = ['sidesPart', 'agePart', 'surgeryPart'] as const;

/** Messages the shell fills itself (the renderer, the hold timer, reminders, the handoff summary), with their slots. */
export const SHELL_MESSAGES: Readonly<Record<string, readonly string[]>> = {
  'confirm.sides': ['sides'], 'confirm.age': ['age'], 'confirm.noSurgery': [], 'confirm.surgery': ['surgeryKind', 'ago', 'limit'],
  'confirm.limit': ['kg', 'lb'], 'confirm.limitUnknown': [],
  'ago.today': ['n'], 'ago.days': ['n'], 'ago.aboutAWeek': ['n'], 'ago.weeks': ['n'], 'ago.aMonth': ['n'], 'ago.months': ['n'], 'ago.aYear': ['n'], 'ago.years': ['n'],
  'selfCheck.generic': [], 'safety.notUnderstood': [],
  'exercise.header': ['position', 'of', 'name', 'stage'], 'exercise.doseLabel': ['dose'], 'exercise.acceptable': ['acceptable'], 'exercise.stopIf': ['stopIf'], 'exercise.timerHint': [],
  'dose.setsReps': ['sets', 'reps'], 'dose.reps': ['reps'], 'dose.perSide': [], 'dose.hold': ['holdSeconds'], 'dose.holdMinutes': ['minutes'],
  'dose.minutes': ['minutes'], 'dose.timesPerDay': ['timesPerDay'], 'dose.load': ['loadKg'],
  'timer.started': ['time'], 'timer.notNow': [], 'timer.minutes': ['n'], 'timer.seconds': ['n'],
  'reminder.directional': ['name', 'dose'],
  'summary.template': ['urgencyLabel', 'region', 'reach', 'sides', 'onset', 'surgery', 'flags', 'pain', 'extra'],
  'summary.coaching': ['coaching'], 'summary.reason.noCentralization': [], 'summary.reason.undiagnosed': [],
  // The coaching part of the handoff summary (src/referral/summary.ts `coachingPart`).
  'summary.part.limb': ['first', 'last', 'days', 'trend', 'readings'], 'summary.part.limbOne': ['last'], 'summary.part.centralizes': ['value'],
  'summary.part.preference': ['direction', 'source'], 'summary.part.phase': ['phase'], 'summary.part.exercises': ['list'], 'summary.part.psfs': ['list'],
  'summary.part.psfsMean': ['first', 'last'], 'summary.part.sleep': ['n'], 'summary.part.walking': ['n'], 'summary.part.medication': ['use'],
  'summary.part.groc': ['groc'], 'summary.part.age': ['age'], 'summary.part.surgery': ['kind', 'date', 'limit'], 'summary.part.pathway': ['diagnosedBy'],
  'summary.part.pregnant': [], 'summary.part.osteoporosis': [], 'summary.part.shift': [], 'summary.part.denied': ['list'],
};

const slotProblem = (where: string, template: string, filled: readonly string[]) => {
  const missing = missingSlots(template, filled);
  return missing.length
    ? [`${where}: uses ${missing.map((slot) => `{${slot}}`).join(', ')}, which the coach does not fill here (it fills: ${filled.length ? filled.join(', ') : 'nothing'})`]
    : [];
};

/** Where the words of a machine message come from, when not `messages.yaml` under its own key. */
function machineMessage(key: MessageKey, content: ConversationContent, tiers: ReferralTiers | undefined): string[] {
  const filled = (MESSAGES as Record<string, readonly string[]>)[key] ?? [];
  if (key === 'consent') return slotProblem('consent.yaml: text', content.consent.text, []);
  const tier = URGENCY_ORDER.find((t) => key === `referral.${t}`);
  // A referral's words are the tier's own (content/referral/tiers.yaml), shown as written.
  if (tier) return tiers ? [...slotProblem(`referral/tiers.yaml: ${tier}.say`, tiers[tier].say, []), ...slotProblem(`referral/tiers.yaml: ${tier}.reminder`, tiers[tier].reminder, [])] : [];
  // A flag's own self-check, else the general one (a shell message).
  if (key === 'selfCheck') return [];
  const template = content.messages[key];
  if (template === undefined) return [`messages.yaml: ${key}: message is missing`];
  return slotProblem(`messages.yaml: ${key}`, template, key === 'confirm' ? [...filled, ...CONFIRM_PARTS] : filled);
}

export function checkWording(content: ConversationContent, tiers: ReferralTiers | undefined, lexicon: Lexicon | undefined): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(MESSAGES) as MessageKey[]) problems.push(...machineMessage(key, content, tiers));
  for (const [key, filled] of Object.entries(SHELL_MESSAGES)) {
    const template = content.messages[key];
    problems.push(...(template === undefined ? [`messages.yaml: ${key}: message is missing`] : slotProblem(`messages.yaml: ${key}`, template, filled)));
  }
  for (const key of QUESTIONS) if (!content.questions[key]) problems.push(`questions.yaml: ${key}: question is missing`);
  // The short question that settles an answer between two choices is named by the lexicon.
  for (const entry of lexicon?.answers.body.between ?? []) {
    if (!isQuestionKey(entry.question)) problems.push(`lexicon/body.yaml: between: "${entry.question}" is not a question the coach can ask (dialogs/wording.ts QUESTIONS)`);
  }
  return problems;
}
