/**
 * Runs a corpus entry through the bot as it is, end to end through the pure core: the content,
 * the NLU (src/bot/nlu.ts), the machine, eventsForMessage and step(). A conversation is first
 * brought to the entry's state by answering whatever is asked with neutral button values (a table
 * per question key, so it keeps working when questions are added or reordered); that snapshot is
 * cached per state and profile. Then the entry's message is turned into events and stepped.
 */
import { resolve } from 'node:path';
import { createCoachMachine, type CoachMachine } from '../../../dialogs/machine.ts';
import { stateName, step, type StoredConversation } from '../../../dialogs/step.ts';
import type { CoachEvent, Output } from '../../../dialogs/types.ts';
import type { CardValue } from '../../../src/bot/inbound.ts';
import { createNlu } from '../../../src/bot/nlu.ts';
import { eventsForMessage, type Nlu } from '../../../src/bot/understand.ts';
import type { Question } from '../../../src/content/conversation.ts';
import { buildCatalog, loadContent } from '../../../src/content/index.ts';
import { loadScheduleContent } from '../../../src/schedule/content.ts';
import { parseScheduleCommand } from '../../../src/schedule/parse.ts';
import type { Observation } from './outcome.ts';
import type { Entry, Profile, State } from './schema.ts';

/** The report's clock: relative dates in the corpus are read on this day (SCHEMA.md). */
export const MESSAGE_AT = '2026-11-27T09:00:00.000Z';
export const MESSAGE_DAY = '2026-11-27';
/** Check-ins are the next morning after set-up, so set-up for them happens the day before. */
const SETUP_BEFORE_CHECK_IN_AT = '2026-11-26T09:00:00.000Z';
/** The default of MAX_MESSAGE_LENGTH (src/config.ts). */
const MAX_MESSAGE_LENGTH = 4000;

export interface Bot {
  machine: CoachMachine;
  nlu: Nlu;
  questions: Record<string, Question>;
  screeningFlags: Record<string, string[]>;
  zoneAliases: Record<string, string>;
}

export function createBot(contentDir = resolve(import.meta.dirname, '../../../content')): Bot {
  const { content, problems } = loadContent(contentDir);
  if (!content) throw new Error(`content does not load:\n${problems.join('\n')}`);
  const schedule = loadScheduleContent(contentDir);
  if (!schedule.content) throw new Error(`schedule content does not load:\n${schedule.problems.join('\n')}`);
  const catalog = buildCatalog(content);
  return {
    machine: createCoachMachine(catalog),
    nlu: createNlu(content),
    questions: content.conversation.questions,
    screeningFlags: catalog.screeningFlags,
    zoneAliases: schedule.content.zoneAliases,
  };
}

/** What the neutral answers assume when the entry's profile does not say. */
interface Setting {
  region: 'lumbar' | 'thoracic' | 'cervical';
  reach: string;
  surgery: string;
  days: number;
  /** The age to give: 60 when the entry's warning-sign question is one only an age of 50 or more asks. */
  age: number;
}

function settingFor(entry: Entry, bot: Bot): Setting {
  const profile: Profile = entry.profile ?? {};
  // A warning-sign question is asked only in some regions: pick one that asks it.
  const regionAsking = entry.flagId ? (['lumbar', 'cervical', 'thoracic'] as const).find((region) => bot.screeningFlags[region]?.includes(entry.flagId!)) : undefined;
  const region = profile.region ?? regionAsking ?? 'lumbar';
  const reach = profile.reach ?? (region === 'lumbar' ? 'below_knee' : region === 'cervical' ? 'arm_hand' : 'spine_only');
  const surgery = profile.surgery ?? (entry.state === 'surgeryWhen' || entry.state === 'liftingLimit' ? 'discectomy' : 'none');
  const askedByAge = entry.flagId !== undefined && !regionAsking;
  return { region, reach, surgery, days: profile.daysSinceSurgery ?? 28, age: askedByAge ? 60 : 40 };
}

type Neutral = { card: string } | { text: string };

const choiceOr = (question: Question | undefined, ...values: string[]) => values.find((value) => question?.choices.some((choice) => choice.value === value)) ?? values.at(-1)!;
const wantsSession = (target: State) => target === 'exercise' || target === 'liftingLimit';

/**
 * Neutral answers per question key: what a person with the entry's profile and no warning sign
 * would press. A question not listed here gets "no", "none" or its first choice, and is reported.
 */
const NEUTRAL: Record<string, (setting: Setting, question: Question | undefined, target: State) => Neutral> = {
  consent: () => ({ card: 'yes' }),
  region: (s) => ({ card: s.region }),
  pain: () => ({ card: '4' }),
  reach: (s, q) => ({ card: choiceOr(q, s.reach, 'spine_only') }),
  sides: () => ({ card: 'one' }),
  onset: () => ({ card: 'under_2_weeks' }),
  surgery: (s, q) => ({ card: choiceOr(q, s.surgery, s.surgery === 'none' ? 'none' : 'discectomy') }),
  weeksSinceSurgery: (s) => ({ card: String(Math.max(1, Math.round(s.days / 7))) }),
  // The button nearest the profile's days (its values are days), so the walk does not depend on reading dates.
  surgeryWhen: (s, q) => {
    const days = (q?.choices ?? []).map((c) => Number(c.value)).filter(Number.isFinite);
    const nearest = days.sort((a, b) => Math.abs(a - s.days) - Math.abs(b - s.days))[0];
    return nearest !== undefined ? { card: String(nearest) } : { text: `${s.days} days ago` };
  },
  daysSinceSurgery: (s) => ({ text: `${s.days} days ago` }),
  age: (s) => ({ text: String(s.age) }),
  redFlagAnswer: () => ({ card: 'no' }),
  confirm: () => ({ card: 'yes' }),
  startSession: (_, __, target) => ({ card: wantsSession(target) ? 'yes' : 'no' }),
  liftingLimit: () => ({ card: 'no' }),
  checkInPain: () => ({ card: '4' }),
  checkInLimb: () => ({ card: '4' }),
  checkInWarning: () => ({ card: 'no' }),
  movementResponse: () => ({ card: 'no_change' }),
  clinicianAssessed: () => ({ card: 'assessed' }),
  // The statement that lifts an urgent hold (issue 16): not seen yet, so the hold stays.
  holdSeen: () => ({ card: 'no' }),
  holdSeenBy: () => ({ card: 'gp' }),
  holdExerciseAdvice: () => ({ card: 'not_said' }),
  // The care pathway and the weekly measures (issue 16): a person diagnosed, not pregnant, not shifted.
  diagnosedBy: () => ({ card: 'doctor' }),
  pregnancy: (_, q) => ({ card: choiceOr(q, 'not_applicable', 'no') }),
  lateralShift: () => ({ card: 'no' }),
  osteoporosis: () => ({ card: 'no' }),
  reachBeforeLeg: (s) => ({ card: s.reach === 'spine_only' ? 'spine' : 'near' }),
  reachBeforeArm: (s) => ({ card: s.reach === 'spine_only' ? 'spine' : 'near' }),
  psfsActivity: (_, q) => ({ card: choiceOr(q, 'skip', 'done') }),
  sleepNights: () => ({ card: '0' }),
  walkingMinutes: () => ({ card: '30' }),
  medication: () => ({ card: 'none' }),
};

const CHECK_IN_STATES: State[] = ['checkInPain', 'checkInLimb', 'checkInWarning'];

/** Whether the conversation is now where the entry is to be sent. */
function isAt(target: State, flagId: string | undefined, stored: StoredConversation): boolean {
  const asking = stored.context.asking;
  const name = stateName(stored);
  switch (target) {
    case 'idle':
      return /(^|\.)idle$/.test(name);
    case 'redFlagQuestion':
      return asking?.question === 'redFlagAnswer' && asking.flagId === flagId && name.startsWith('screening.');
    case 'surgeryWhen':
      return ['surgeryWhen', 'weeksSinceSurgery', 'daysSinceSurgery'].includes(asking?.question ?? '');
    case 'exercise':
      return asking?.question === 'movementResponse';
    case 'startSession':
      return asking?.question === 'startSession' && !/(^|\.)idle$/.test(name);
    default:
      return asking?.question === target;
  }
}

export interface Situation {
  /** null: the very first message of a conversation. */
  stored: StoredConversation | null;
  at: string;
  /** Outputs of the neutral answer from here: the ordinary next question. */
  baseline: Output[];
  /** Set when the bot never reached the state; the entry is then sent at `idle` (or first message). */
  unreachable?: string;
  /** Questions answered with the generic fallback because the table had no neutral answer. */
  guessed: string[];
}

export class Harness {
  private readonly cache = new Map<string, Situation>();
  /** Question keys the neutral table did not know, across the run (printed by the report). */
  readonly guessedQuestions = new Set<string>();

  constructor(readonly bot: Bot) {}

  private neutralEvents(stored: StoredConversation, at: string, setting: Setting, target: State): { events: CoachEvent[]; guessed?: string } {
    const asking = stored.context.asking;
    if (!asking) return { events: [] };
    const question = this.bot.questions[asking.question];
    const known = NEUTRAL[asking.question];
    let neutral: Neutral;
    let guessed: string | undefined;
    if (known) neutral = known(setting, question, target);
    else {
      guessed = asking.question;
      neutral = { card: choiceOr(question, 'no', 'none', question?.choices[0]?.value ?? 'no') };
    }
    const card: CardValue | undefined = 'card' in neutral ? { choice: neutral.card } : undefined;
    const text = 'text' in neutral ? neutral.text : '';
    return { events: eventsForMessage({ text, card, at, maxLength: MAX_MESSAGE_LENGTH }, stored, this.bot.questions, this.bot.nlu), guessed };
  }

  private walk(target: State, flagId: string | undefined, setting: Setting): Situation {
    const checkIn = CHECK_IN_STATES.includes(target);
    const setupAt = checkIn ? SETUP_BEFORE_CHECK_IN_AT : MESSAGE_AT;
    const guessed: string[] = [];
    let stored = step(this.bot.machine, null, [{ type: 'START', at: setupAt }]).conversation;
    let checkInSent = false;
    let at = setupAt;
    const seen = new Map<string, number>();
    for (let turn = 0; turn < 150; turn++) {
      if (isAt(target, flagId, stored)) {
        const { events } = this.neutralEvents(stored, at, setting, target);
        const baseline = events.length ? step(this.bot.machine, stored, events).outputs : [];
        return { stored, at, baseline, guessed };
      }
      const name = stateName(stored);
      if (checkIn && !checkInSent && /(^|\.)(idle|offer)$/.test(name) && name.startsWith('coaching')) {
        at = MESSAGE_AT;
        stored = step(this.bot.machine, stored, [{ type: 'CHECK_IN', at, localDate: MESSAGE_DAY }]).conversation;
        checkInSent = true;
        continue;
      }
      const asking = stored.context.asking;
      const place = `${name}|${asking?.question ?? ''}|${asking?.flagId ?? ''}`;
      seen.set(place, (seen.get(place) ?? 0) + 1);
      if (!asking || (seen.get(place) ?? 0) > 3) return { stored, at, baseline: [], unreachable: `not asked (stopped at ${name}${asking ? `, asking ${asking.question}` : ''})`, guessed };
      const { events, guessed: guess } = this.neutralEvents(stored, at, setting, target);
      if (guess) guessed.push(guess);
      const result = step(this.bot.machine, stored, events);
      if (result.outputs.some((output) => output.kind === 'handoff')) return { stored, at, baseline: [], unreachable: 'the neutral answers on the way referred', guessed };
      stored = result.conversation;
    }
    return { stored, at, baseline: [], unreachable: 'not reached within 150 turns', guessed };
  }

  /** The conversation snapshot an entry is sent in (cached per state, flag and profile). */
  situation(entry: Entry): Situation {
    if (entry.state === 'greeting') return { stored: null, at: MESSAGE_AT, baseline: [], guessed: [] };
    const setting = settingFor(entry, this.bot);
    const key = JSON.stringify([entry.state, entry.flagId ?? null, setting]);
    let situation = this.cache.get(key);
    if (!situation) {
      situation = this.walk(entry.state, entry.flagId, setting);
      if (situation.unreachable) {
        // Warning signs are still measured, at idle, so a missing state does not hide a missed referral.
        const idle = this.walk('idle', undefined, setting);
        situation = { ...idle, baseline: idle.baseline, unreachable: situation.unreachable };
      }
      for (const question of situation.guessed) this.guessedQuestions.add(question);
      this.cache.set(key, situation);
    }
    return situation;
  }

  /** Sends the entry's message in its state and returns what the bot did. */
  run(entry: Entry): { observation: Observation; unreachable?: { reason: string; measuredAt: State | null } } {
    const situation = this.situation(entry);
    const stored: StoredConversation | null = situation.stored ? { ...structuredClone(situation.stored), recent: [...(entry.recent ?? [])] } : null;
    const { nlu, questions } = this.bot;
    const flags = nlu.scanMessage(entry.text);
    const events = eventsForMessage({ text: entry.text, at: situation.at, maxLength: MAX_MESSAGE_LENGTH, flags }, stored, questions, nlu);
    const asking = stored?.context.asking ?? null;
    const observationBase = { state: entry.state, asking, events, baseline: situation.baseline };
    const unreachable = situation.unreachable ? { reason: situation.unreachable, measuredAt: situation.stored ? ('idle' as const) : null } : undefined;
    // The shell handles schedule commands before the machine, for a message without a warning sign of its own (src/bot/coachBot.ts).
    if (flags.hits.length === 0) {
      const command = parseScheduleCommand(entry.text, { intent: nlu.intent(entry.text), aliases: this.bot.zoneAliases });
      if (command) return { observation: { ...observationBase, outputs: [], command }, unreachable };
    }
    const outputs = step(this.bot.machine, stored, events).outputs;
    return { observation: { ...observationBase, outputs }, unreachable };
  }
}
