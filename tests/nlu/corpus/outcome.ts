/**
 * Reads what the bot did with one message, from the pure core's outputs and events, as the
 * corpus's canonical values (SCHEMA.md). This is the one place that knows the shapes of records
 * and outputs: whoever changes a record's shape updates the table and the readers below.
 *
 * | what the bot produced                                                  | canonical reading                                   |
 * | ---------------------------------------------------------------------- | --------------------------------------------------- |
 * | handoff { urgency: emergency / urgent / soon, requestedBy: 'rules' }   | a referral at that tier (the highest of the turn)   |
 * | handoff { requestedBy: 'person' }; event CLINICIAN_REQUESTED           | intent `clinician`                                  |
 * | ask { question: 'redFlagAnswer' or 'redFlagAfterCheck' (the same sign's | asked (a warning-sign question), unless the same     |
 * |   question after a self-check), flagId } or ask { question: 'sign…' }  |                                                     |
 * |   that the neutral answer would not have brought anyway, not a re-ask   |   question comes next in the ordinary flow, or it is |
 * |                                                                        |   the "didn't catch that" re-ask of the pending one |
 * | record consent.given / consent.declined                                | yesNo `yes` / `no` (at consent)                     |
 * | record redFlag.raised { flagId = the question's } / redFlag.denied     | yesNo `yes` / `no` at a warning-sign question       |
 * |   (a denial with answer not_applicable, "does not apply to me": neither) |                                                     |
 * | record redFlag.denied { flagId: 'checkIn.any' }; a redFlagAnswer ask   | yesNo `no` / `yes` at the check-in's warning question |
 * |   (not a re-ask) or any redFlag.raised; a sign… question after a yes    |   (`unsure` when the message was understood as not  |
 * |   understood; a referral after a no understood                         |   sure and nothing was raised; `no` when a no was   |
 * |                                                                        |   understood and the referral is for a sign told    |
 * |                                                                        |   beside it)                                        |
 * | record screening.completed; ask confirmCorrect (or region)             | yesNo `yes` / `no` at confirm                       |
 * | record session.started, an exercise, ask liftingLimit, say             | yesNo `yes` at startSession or idle                 |
 * |   session.nothingToday / referral.stillWaiting; say session.later      |   `no` (and intent `later`)                         |
 * | a referral at startSession or idle, no session started                 | yesNo as understood (understanding.yesNo)           |
 * | record screening.answer { question: region / reach / sides / onset /   | that kind's value; reach side from data.side or a   |
 * |   surgery / age, value }                                               |   screening.answer { question: side }; onset days   |
 * |                                                                        |   from data.days                                    |
 * | record screening.answer { question: weeksSinceSurgery, value: w }      | surgeryWhen { days: 7 w }                           |
 * | record screening.answer { question: surgeryWhen / daysSinceSurgery }   | surgeryWhen { days: data.days ?? value }            |
 * | record pain.score { score } (limb.score at checkInLimb)                | pain                                                |
 * | record liftingLimit.given { kg, known: false } / { kg }                | liftingLimit `unknown` / { kg }                     |
 * | record movement.response { response, toesOrFingers }                   | movement                                            |
 * | understanding.yesNo of the events                                      | yesNo, in states where no record decides it          |
 * | understanding.intent of the events (when the NLU gives one)            | that intent (today's names mapped below)            |
 * | event PROGRESS_REQUESTED; a progress output                            | intent `progress`                                   |
 * | say greeting…                                                          | intent `greeting`                                   |
 * | say …help… (not idle.help, which answers anything at idle); education  | intent `help` and `questionBack`                    |
 * | say …language… / …english…                                             | intent `otherLanguage`                              |
 * | say …skip…, record answer.skipped                                      | intent `skip`                                       |
 * | say …tomorrow…                                                         | intent `tomorrow`                                   |
 * | the shell's schedule command (src/schedule/parse.ts) stop / pause /    | intent `stop` / `pause` / `checkInTime` with time    |
 * |   set with a time                                                      |                                                     |
 *
 * Anything else reads as nothing: an answer the bot cannot show yet counts as not understood.
 */
import type { CoachEvent, Output, Understanding } from '../../../dialogs/types.ts';
import type { ScheduleCommand } from '../../../src/schedule/parse.ts';
import { tierRank, type AnswerKind, type State, type Tier } from './schema.ts';

/** One message's turn, as the harness ran it. */
export interface Observation {
  /** The corpus state the message was sent in. */
  state: State;
  /** The question pending before the message (null at the very first message). */
  asking: { question: string; flagId?: string } | null;
  events: CoachEvent[];
  /** The machine's outputs for the message (none when the shell handled it as a command). */
  outputs: Output[];
  /** The schedule command the shell handled instead of the machine, if any. */
  command?: ScheduleCommand | null;
  /** The outputs a neutral answer would have produced from the same point: the ordinary next question. */
  baseline: Output[];
}

export interface IntentReading {
  intents: Set<string>;
  time?: string;
}

const records = (obs: Observation, type: string) =>
  obs.outputs.flatMap((output) => (output.kind === 'record' && output.type === type ? [output.data] : []));
const says = (obs: Observation) => obs.outputs.flatMap((output) => (output.kind === 'say' ? [output.key] : []));
const understandings = (obs: Observation): Understanding[] =>
  obs.events.flatMap((event) => ('understanding' in event && event.understanding ? [event.understanding] : []));

const isSignQuestion = (output: Output): output is Extract<Output, { kind: 'ask' }> =>
  output.kind === 'ask' && (((output.question === 'redFlagAnswer' || output.question === 'redFlagAfterCheck') && output.flagId !== undefined) || output.question.startsWith('sign'));
const askKey = (output: Extract<Output, { kind: 'ask' }>) => `${output.question}:${output.flagId ?? ''}`;

/** The highest tier the turn referred at, or null. A person's own request (routine) is not a referral here. */
export function readReferral(obs: Observation): Tier | null {
  let best: Tier | null = null;
  for (const output of obs.outputs) {
    if (output.kind !== 'handoff' || output.requestedBy !== 'rules' || output.urgency === 'routine') continue;
    if (best === null || tierRank[output.urgency] < tierRank[best]) best = output.urgency;
  }
  return best;
}

/** The warning-sign ids the turn referred for. */
export function readReferredFlags(obs: Observation): string[] {
  return obs.outputs.flatMap((output) => (output.kind === 'handoff' && output.requestedBy === 'rules' ? output.hits.map((hit) => hit.flagId) : []));
}

/** Warning-sign questions the message brought that the ordinary flow would not have asked anyway. */
export function readSignQuestions(obs: Observation): string[] {
  const ordinary = new Set(obs.baseline.filter(isSignQuestion).map(askKey));
  return obs.outputs
    .filter(isSignQuestion)
    .filter((output) => !output.reask && !ordinary.has(askKey(output)))
    .map((output) => output.flagId ?? output.question);
}

function startedSession(obs: Observation): boolean {
  return (
    records(obs, 'session.started').length > 0 ||
    obs.outputs.some((output) => output.kind === 'exercise' || (output.kind === 'ask' && output.question === 'liftingLimit')) ||
    says(obs).some((key) => key === 'session.nothingToday' || key === 'session.stoppedToday' || key === 'referral.stillWaiting')
  );
}

function understoodYesNo(obs: Observation): 'yes' | 'no' | 'unsure' | undefined {
  for (const understanding of understandings(obs)) {
    const value = (understanding as { yesNo?: string }).yesNo;
    if (value === 'yes' || value === 'no' || value === 'unsure') return value;
  }
  return undefined;
}

/** Yes, no or unsure as the bot took it, in the state the message was sent in. */
export function readYesNo(obs: Observation): 'yes' | 'no' | 'unsure' | undefined {
  const unsure = [...obs.outputs].some((output) => output.kind === 'record' && (output.data as { answer?: unknown }).answer === 'unsure') || understoodYesNo(obs) === 'unsure';
  switch (obs.state) {
    case 'consent':
      if (records(obs, 'consent.given').length) return 'yes';
      if (records(obs, 'consent.declined').length) return 'no';
      return unsure ? 'unsure' : undefined;
    case 'redFlagQuestion': {
      const flagId = obs.asking?.flagId;
      if (records(obs, 'redFlag.raised').some((data) => data.flagId === flagId)) return 'yes';
      // "Does not apply to me" (the sex question's own choice, recorded with the denial so that the
      // flow moves on) is neither a yes nor a no.
      if (records(obs, 'redFlag.denied').some((data) => data.flagId === flagId && data.answer === 'not_applicable')) return undefined;
      if (records(obs, 'redFlag.denied').some((data) => data.flagId === flagId)) return 'no';
      return unsure ? 'unsure' : undefined;
    }
    case 'checkInWarning': {
      if (records(obs, 'redFlag.denied').some((data) => data.flagId === 'checkIn.any')) return 'no';
      const understood = understoodYesNo(obs);
      // "no new numbness, but I've started cutting again": a referral in the same turn is the
      // warning-sign check's, for the sign told after the answer; the no is read from what the
      // coach understood (as a sign's own question records its denial beside another sign's referral).
      if (understood === 'no' && readReferral(obs) !== null) return 'no';
      if (records(obs, 'redFlag.raised').length) return 'yes';
      // Not sure: the check-in's detailed questions follow, but the person did not say yes.
      if (understood === 'unsure') return 'unsure';
      if (obs.outputs.some((output) => output.kind === 'ask' && output.question === 'redFlagAnswer' && !output.reask)) return 'yes';
      // "my legs feel odd, both of them": a yes the coach understood, held behind the direct question
      // about the sign it mentions (vague, resolved, whose unclear) before anything is raised.
      if (understood === 'yes' && obs.outputs.some((output) => isSignQuestion(output) && output.question.startsWith('sign') && !output.reask)) return 'yes';
      return unsure ? 'unsure' : undefined;
    }
    case 'confirm':
      if (records(obs, 'screening.completed').length) return 'yes';
      // A "no" asks which answer to correct (issue 16), or, before that, the intake from the start.
      if (obs.outputs.some((output) => output.kind === 'ask' && (output.question === 'region' || output.question === 'confirmCorrect'))) return 'no';
      return unsure ? 'unsure' : undefined;
    case 'startSession':
    case 'idle':
      if (startedSession(obs)) return 'yes';
      if (says(obs).includes('session.later')) return 'no';
      // A referral in the same turn holds the session back whatever the answer was ("not today,
      // and my speech is slurred"), so the yes or no is read from what the coach understood.
      if (readReferral(obs) !== null) return understoodYesNo(obs) ?? (unsure ? 'unsure' : undefined);
      return unsure ? 'unsure' : undefined;
    default:
      return understoodYesNo(obs);
  }
}

function screeningAnswer(obs: Observation, question: string): Record<string, unknown> | undefined {
  return records(obs, 'screening.answer').find((data) => data.question === question);
}

/** The value the bot recorded for an answer of this kind, as a canonical value, or undefined. */
export function readAnswer(kind: AnswerKind, obs: Observation): unknown {
  switch (kind) {
    case 'yesNo':
      return readYesNo(obs);
    case 'region':
    case 'sides':
    case 'surgery':
      return screeningAnswer(obs, kind)?.value;
    case 'age': {
      const value = screeningAnswer(obs, 'age')?.value;
      return typeof value === 'number' ? value : undefined;
    }
    case 'reach': {
      const data = screeningAnswer(obs, 'reach');
      if (!data) return undefined;
      const side = data.side ?? screeningAnswer(obs, 'side')?.value;
      return { reach: data.value, ...(typeof side === 'string' ? { side } : {}) };
    }
    case 'onset': {
      const data = screeningAnswer(obs, 'onset');
      if (!data) return undefined;
      return { band: data.value, ...(typeof data.days === 'number' ? { days: data.days } : {}) };
    }
    case 'surgeryWhen': {
      const weeks = screeningAnswer(obs, 'weeksSinceSurgery');
      if (typeof weeks?.value === 'number') return { days: weeks.value * 7 };
      const days = screeningAnswer(obs, 'surgeryWhen') ?? screeningAnswer(obs, 'daysSinceSurgery');
      const n = days?.days ?? days?.value;
      return typeof n === 'number' ? { days: n } : undefined;
    }
    case 'pain': {
      const data = records(obs, obs.state === 'checkInLimb' ? 'limb.score' : 'pain.score')[0];
      return typeof data?.score === 'number' ? data.score : undefined;
    }
    case 'liftingLimit': {
      const data = records(obs, 'liftingLimit.given')[0];
      if (!data) return undefined;
      return data.known === false ? 'unknown' : { kg: data.kg };
    }
    case 'movement': {
      const data = records(obs, 'movement.response')[0];
      if (!data) return undefined;
      return { response: data.response, ...(data.toesOrFingers === true ? { toesOrFingers: true } : {}) };
    }
    case 'intent':
      return readIntents(obs);
  }
}

/** The answer kind a state's question takes, for "the message holds no answer to it". */
export const STATE_KIND: Partial<Record<State, AnswerKind>> = {
  consent: 'yesNo',
  region: 'region',
  pain: 'pain',
  reach: 'reach',
  sides: 'sides',
  onset: 'onset',
  surgery: 'surgery',
  surgeryWhen: 'surgeryWhen',
  age: 'age',
  liftingLimit: 'liftingLimit',
  redFlagQuestion: 'yesNo',
  confirm: 'yesNo',
  startSession: 'yesNo',
  checkInPain: 'pain',
  checkInLimb: 'pain',
  checkInWarning: 'yesNo',
  exercise: 'movement',
  idle: 'yesNo',
};

/** Whatever the bot took as the answer to the question pending in this state, or undefined. */
export function readStateAnswer(obs: Observation): unknown {
  const kind = STATE_KIND[obs.state];
  return kind ? readAnswer(kind, obs) : undefined;
}

/** Today's intent names (content/lexicon) and the corpus's canonical ones. */
const INTENT_NAMES: Record<string, string> = { talk_to_clinician: 'clinician', stop_messages: 'stop' };

const pad = (n: number) => String(n).padStart(2, '0');

export function readIntents(obs: Observation): IntentReading {
  const intents = new Set<string>();
  let time: string | undefined;
  for (const understanding of understandings(obs)) {
    const intent = (understanding as { intent?: unknown }).intent;
    if (typeof intent === 'string') intents.add(INTENT_NAMES[intent] ?? intent);
    const said = (understanding as { time?: unknown }).time;
    if (typeof said === 'string') time = said;
  }
  for (const event of obs.events) {
    if (event.type === 'CLINICIAN_REQUESTED') intents.add('clinician');
    if (event.type === 'PROGRESS_REQUESTED') intents.add('progress');
  }
  for (const output of obs.outputs) {
    if (output.kind === 'handoff' && output.requestedBy === 'person') intents.add('clinician');
    if (output.kind === 'progress') intents.add('progress');
    if (output.kind === 'education') intents.add('help').add('questionBack');
    if (output.kind === 'record' && output.type === ('answer.skipped' as string)) intents.add('skip');
  }
  for (const key of says(obs)) {
    if (/^greeting\b/.test(key)) intents.add('greeting');
    if (/help/i.test(key) && key !== 'idle.help') intents.add('help').add('questionBack');
    if (/language|english/i.test(key)) intents.add('otherLanguage');
    if (/skip/i.test(key)) intents.add('skip');
    if (key === 'session.later') intents.add('later');
    if (/tomorrow/i.test(key)) intents.add('tomorrow');
  }
  const command = obs.command;
  if (command?.kind === 'stop') intents.add('stop');
  if (command?.kind === 'pause') intents.add('pause');
  if (command?.kind === 'set' && command.time) {
    intents.add('checkInTime');
    time = `${pad(command.time.hour)}:${pad(command.time.minute)}`;
  }
  return { intents, ...(time ? { time } : {}) };
}
