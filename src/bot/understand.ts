import type { StoredConversation } from '../../dialogs/step.ts';
import type { Aside, CoachEvent, MovementResponse, RedFlagHit, Region, Understanding } from '../../dialogs/types.ts';
import type { Question } from '../content/conversation.ts';
import type { AnswerParsers, QuestionKind } from '../nlu/answers/index.ts';
import type { CardValue } from './inbound.ts';
import { parseTimeOfDay } from '../schedule/parse.ts';
import { formatLocalTime } from '../schedule/time.ts';
import { questionKey } from './render.ts';
import { withoutQuestions } from '../nlu/answers/words.ts';
import { holdsExercise, SURGERY_KINDS, urgencyRank } from '../vocabulary/index.ts';

/** A message scanned once for warning signs on its own (`Nlu.scanMessage`), passed on to `redFlags`. */
export interface MessageFlags {
  readonly text: string;
  /** The warning signs in the message alone, without earlier messages. */
  readonly hits: RedFlagHit[];
}

/** The free-text understanding the shell needs, compiled once from content (src/nlu). */
export interface Nlu {
  /** Warning signs in `text`, also completed across `recent`; `scanned` (the same text) is reused, not redone. */
  /** `known`: concepts the conversation already knows to be true of the person (knownConcepts). */
  redFlags(text: string, recent: string[], scanned?: MessageFlags, known?: readonly string[]): RedFlagHit[];
  /** Scans one message alone, once per message: the shell's commands and the turn both use it. */
  scanMessage(text: string): MessageFlags;
  /**
   * Of the asked warning signs (all the screened ones when none are named: the check-in's warning
   * question), those the message denies in the sign's own words or says are as usual.
   */
  deniedSigns?(text: string, flagIds?: readonly string[]): Array<{ flagId: string; how: 'denied' | 'asUsual' | 'lookAlike' }>;
  /** The message names only body parts or functions that the sign's own words do not (detector's `aboutSomethingElse`). */
  aboutSomethingElse?(text: string, flagId: string): boolean;
  yesNo(text: string): 'yes' | 'no' | undefined;
  score(text: string): number | undefined;
  region(text: string): Region | undefined;
  intent(text: string): string | undefined;
  movement(text: string): MovementResponse | undefined;
  /** The education piece that answers a question the person asked, if any. */
  education(text: string): string | undefined;
  /** The answer parsers per question kind (src/nlu/answers). */
  answers: AnswerParsers;
}

const normalise = (text: string) => text.toLowerCase().replace(/[’']/g, "'").replace(/[^\p{L}\p{N}' ]+/gu, ' ').replace(/\s+/g, ' ').trim();

/** Words that deny a synonym said right after them: "not ok", "can't go", "don't want to start". */
const DENIALS = new Set(['not', 'no', 'never', 'nothing', 'without', "can't", 'cant', 'cannot', "don't", 'dont', "didn't", 'didnt', "won't", 'wont', "isn't", 'isnt', "wasn't", 'wasnt', "couldn't", 'couldnt', "wouldn't", 'wouldnt', "haven't", 'havent']);
const DENIAL_REACH = 3;

/** Whether the phrase is said in the text and not denied by a word just before it. */
function saysPhrase(haystack: string, phrase: string): boolean {
  const needle = normalise(phrase);
  if (!needle) return false;
  const padded = ` ${haystack} `;
  for (let at = padded.indexOf(` ${needle} `); at >= 0; at = padded.indexOf(` ${needle} `, at + 1)) {
    const before = padded.slice(0, at).trim().split(' ').slice(-DENIAL_REACH);
    if (!before.some((word) => DENIALS.has(word))) return true;
  }
  return false;
}

/** The choice of the current question that a typed answer names, by its label, value or typed synonyms. */
export function matchChoice(text: string, question: Question | undefined): string | undefined {
  return matchChoiceHow(text, question)?.value;
}

/** As matchChoice, and whether the whole message was the choice's label or value (not a synonym inside it). */
function matchChoiceHow(text: string, question: Question | undefined): { value: string; exact: boolean } | undefined {
  if (!question) return undefined;
  const said = normalise(text);
  if (!said) return undefined;
  const exact = question.choices.find((choice) => normalise(choice.label) === said || normalise(choice.value) === said);
  if (exact) return { value: exact.value, exact: true };
  // Longest synonym wins, so "below the knee" beats "knee"; a denied one ("not ok") does not count.
  let best: { value: string; length: number } | undefined;
  for (const choice of question.choices) {
    for (const phrase of choice.match ?? []) {
      if (saysPhrase(said, phrase) && (!best || phrase.length > best.length)) best = { value: choice.value, length: phrase.length };
    }
  }
  return best ? { value: best.value, exact: false } : undefined;
}

const YES_NO_KINDS: ReadonlySet<QuestionKind | undefined> = new Set(['consent', 'offer', 'symptom']);
/** The surgery question's choices that name an operation the surgery reader knows. */
const SURGERY_NAMES: ReadonlySet<string> = new Set(SURGERY_KINDS.filter((kind) => kind !== 'other'));
/** The choice came from words typed, not from a button pressed. */
const typedChoiceOnly = (card: CardValue | undefined) => card?.choice === undefined;

/** A whole number of weeks such as "6", "6 weeks", "about 3". */
export function parseCount(text: string, nlu: Nlu): number | undefined {
  const digits = text.match(/\b(\d{1,3})\b/);
  if (digits) return Number(digits[1]);
  return nlu.score(text);
}

const hasChoice = (question: Question | undefined, value: string | undefined) => value !== undefined && (question?.choices.some((c) => c.value === value) ?? false);

/** The parser of the question's kind reads the choice, where a word list of the choices would guess. */
function readByKind(understanding: Understanding, text: string, kind: QuestionKind | undefined, question: Question | undefined, nlu: Nlu, at: string | undefined): void {
  if (kind === 'reach') {
    const reading = nlu.answers.reach(text);
    if (reading.side) understanding.side = reading.side;
    if (reading.reach && hasChoice(question, reading.reach)) understanding.choice = reading.reach;
    else if (reading.between) {
      delete understanding.choice;
      understanding.between = { question: reading.between.question, options: reading.between.options };
    }
  } else if (kind === 'onset' && at) {
    const onset = nlu.answers.onset(text, at);
    if (onset) {
      understanding.choice = onset.band;
      if (onset.days !== undefined) understanding.days = onset.days;
    } else if (nlu.answers.onsetDatesOnlyAVisit(text)) {
      // "I saw my GP yesterday": the choice's word "yesterday" dates the visit, not the episode.
      delete understanding.choice;
    }
  } else if (kind === 'age') {
    const age = nlu.answers.age(text);
    if (age !== undefined) understanding.number = age;
  } else if (kind === 'weight' && nlu.answers.unknownAmount(text)) {
    understanding.unknown = true;
  } else if (kind === 'surgery') {
    const surgery = nlu.answers.surgery(text);
    if (surgery) understanding.choice = hasChoice(question, surgery.kind) ? surgery.kind : surgery.coarser;
    // The reader found no operation of the person's ("my wife had a discectomy"): a kind's name in
    // the words is not the answer ("not sure which" still is).
    else if (understanding.choice !== undefined && SURGERY_NAMES.has(understanding.choice)) delete understanding.choice;
  } else if (kind === 'sides') {
    const side = nlu.answers.side(text);
    // "both sides of my back, nothing in the legs": the word "both" is no answer about the legs.
    if (side === 'noLimb') delete understanding.choice;
    else if (side === 'both') understanding.choice = 'both';
    else if (side) {
      understanding.choice = 'one';
      if (side !== 'one') understanding.side = side;
    }
  }
  if (understanding.choice !== undefined && !hasChoice(question, understanding.choice)) delete understanding.choice;
}

const DAYS_PER: Record<'days' | 'weeks' | 'months', number> = { days: 1, weeks: 7, months: 30.4 };

/**
 * What one message says in answer to the question being asked (`questionKey`), read by the
 * parser of that question's kind; amounts with a unit (`days`, `kg`) are read for any question.
 */
export function understand(text: string, card: CardValue | undefined, question: Question | undefined, nlu: Nlu, questionKey?: string, at?: string): Understanding {
  const info = nlu.answers.kindOf(questionKey);
  const typed = card?.choice === undefined ? matchChoiceHow(text, question) : undefined;
  const choice = card?.choice ?? typed?.value;
  const said = text || card?.choice || '';
  const understanding: Understanding = { text: said };
  if (choice !== undefined && question?.choices.some((c) => c.value === choice)) understanding.choice = choice;
  if (text) readByKind(understanding, text, info.kind, question, nlu, at);
  const reading = text ? nlu.answers.yesNo(text, info.kind === 'symptom' ? 'symptom' : 'offer') : undefined;
  // A yes/no question: a button word found inside a typed message ("start" in "no, too sore to start")
  // does not outweigh how the message answers; the yes/no reader decides, and without its answer only
  // a "no" word stands (a guessed yes is the worse misreading).
  if (typed && !typed.exact && YES_NO_KINDS.has(info.kind) && ['yes', 'no', 'unsure'].includes(typed.value)) {
    if (reading?.answer && reading.answer !== typed.value) {
      if (hasChoice(question, reading.answer)) understanding.choice = reading.answer;
      else delete understanding.choice;
    } else if (!reading?.answer && typed.value === 'yes') delete understanding.choice;
  }
  if (understanding.choice === 'yes' || understanding.choice === 'no') understanding.yesNo = understanding.choice;
  else if (reading) {
    if (reading.answer) understanding.yesNo = reading.answer;
    if (reading.questionBack) understanding.questionBack = true;
  }
  const score = text ? nlu.answers.score(text) : card?.choice !== undefined ? nlu.answers.score(card.choice) : undefined;
  if (score !== undefined) {
    understanding.score = score.score;
    if (score.approximate) understanding.approximate = true;
    if (score.range) understanding.range = true;
  }
  // The age reader decides for the age ("I have 2 kids" is no age); other questions count digits.
  const count = understanding.number ?? (info.kind === 'age' ? undefined : parseCount(said, nlu));
  if (count !== undefined) understanding.number = count;
  const duration = text ? nlu.answers.days(text) : undefined;
  if (duration && understanding.days === undefined) understanding.days = duration.days;
  else if (info.kind === 'duration' && count !== undefined) understanding.days = Math.round(count * DAYS_PER[info.unit ?? 'days']);
  // "yesterday", "last week", "since the 3rd": a date said instead of a duration.
  if (info.kind === 'duration' && understanding.days === undefined && at && text) {
    const when = nlu.answers.onset(text, at);
    if (when?.days !== undefined) understanding.days = when.days;
  }
  // "it'll be 3 weeks on Tuesday": reached on a day to come, so today it is that many days less.
  const ahead = info.kind === 'duration' && at && text && understanding.days !== undefined ? nlu.answers.daysAhead?.(text, at) : undefined;
  if (ahead !== undefined && understanding.days !== undefined) understanding.days = Math.max(0, understanding.days - ahead);
  // A duration question counting in weeks gets its number from the days said ("10 days" is not 10
  // weeks), rounded down: an operation is never read as longer ago than it was.
  if (info.kind === 'duration' && info.unit && info.unit !== 'days' && understanding.days !== undefined && (duration || count === undefined)) {
    understanding.number = Math.floor(understanding.days / DAYS_PER[info.unit]);
  }
  const weight = text ? nlu.answers.kg(text) : undefined;
  if (weight) understanding.kg = weight.kg;
  // "They never gave me one": with the amount said to be unknown, a bare number word stands for the limit, not a weight ("don't know, maybe 10 kg" still is).
  else if (info.kind === 'weight' && count !== undefined && !(understanding.unknown && !/\d/.test(said))) understanding.kg = count;
  if ((duration?.approximate || weight?.approximate) && understanding.approximate === undefined) understanding.approximate = true;
  const region = nlu.region(said);
  if (region) understanding.region = region;
  if (question && question.choices.some((c) => c.value === 'centralized')) {
    // By direction, not by location; a question back ("what do you mean by centralized?") is not a response.
    // What the message tells beside what it asks is the response: "did the press ups, leg was the
    // same" (no question mark), "leg felt lighter, is that the good kind?".
    const told = text && understanding.questionBack ? withoutQuestions(text) : text;
    const typed = told ? nlu.answers.movement(told) : undefined;
    if (typed && understanding.questionBack) delete understanding.questionBack;
    // Toes or fingers typed anywhere count, whichever button word is longer ("same, but the toes tingle"),
    // unless the typed words move toward the spine ("the tingling in my fingers has gone back to my wrist").
    const toesTyped = typedChoiceOnly(card) && !understanding.questionBack && question.choices.some((c) => c.value === 'toes_or_fingers' && (c.match ?? []).some((phrase) => saysPhrase(normalise(text), phrase)));
    const pressedToes = understanding.choice === 'toes_or_fingers' && !typedChoiceOnly(card);
    if (pressedToes || (toesTyped && typed?.response !== 'centralized')) {
      Object.assign(understanding, { movement: 'peripheralized', toesOrFingers: true });
      if (understanding.choice !== 'skip' && understanding.choice !== 'lacks_equipment') delete understanding.choice;
    }
    else if (typed) {
      understanding.movement = typed.response;
      if (typed.toesOrFingers) understanding.toesOrFingers = true;
      // The typed response is the answer; a button word it happens to contain is not.
      if (understanding.choice !== 'skip' && understanding.choice !== 'lacks_equipment') delete understanding.choice;
    } else if (understanding.choice && !understanding.questionBack) understanding.movement = understanding.choice as MovementResponse;
  }
  // "so maybe 2 kilos?": a question mark of doubt after an answer of another kind is that answer.
  if (understanding.questionBack && reading?.markOnly && !YES_NO_KINDS.has(info.kind) && answersQuestion(understanding, info.kind)) delete understanding.questionBack;
  // "what counts as a fall? I slid down the wall on Tuesday. Pain 5", "buttock and thigh on the
  // right. Is it bad if it goes down both legs?": an answer told in a sentence of its own beside a
  // question back is the answer, as for a movement response. The question's own sentences are left
  // out whole, so a number or a part asked about ("is 10 the worst?") is never the answer.
  // "left bum cheek and down the back of the thigh. and if it ever jumped to the other leg as well?":
  // a "what if" asked beside the answer, though no question back was read, is left out the same way.
  if (text && TOLD_BESIDE_A_QUESTION.has(info.kind)) {
    // Whole sentences only: "one side of what, my back?" tells nothing before its comma.
    const sentences = text.match(/[^.!?\n]+[.!?\n]*/g) ?? [];
    const asked = sentences.filter((sentence) => sentence.includes('?'));
    const kept = sentences.filter((sentence) => !sentence.includes('?'));
    const whatIfBeside = !understanding.questionBack && asked.length > 0 && kept.length > 0 && asked.every((sentence) => nlu.answers.asksWhatIf?.(sentence) === true);
    const told = kept.join(' ').trim();
    // Only when a question's sentence was left out: with none left out the same words came back
    // (with wider spaces) to be read again, for ever ("What's the point of going on like this. I've
    // been thinking about how I'd do it." at the score question overflowed the stack, and its
    // warning sign was never raised).
    if ((understanding.questionBack || whatIfBeside) && told !== '' && asked.length > 0) {
      const beside = understand(told, undefined, question, nlu, questionKey, at);
      if (!beside.questionBack && answersQuestion(beside, info.kind)) return { ...beside, text: said };
    }
  }
  return understanding;
}

/** Kinds whose answer may be told beside a question back, in a sentence of its own. */
const TOLD_BESIDE_A_QUESTION: ReadonlySet<QuestionKind | undefined> = new Set(['score', 'region', 'reach', 'sides']);

const isPresent = (hit: RedFlagHit) => hit.mention === undefined || hit.mention === 'present';

/** The check-in's question that asks about the warning signs all at once ("anything new: numbness
 * around your bottom, trouble peeing, a leg getting weaker?"). */
const WARNING_QUESTION = 'checkInWarning';

/** A yes said as one ("yes - leaking a bit"), not a change told as a statement ("my legs feel odd"), which the warning-sign check reads as it is. */
const isYesWord = (reading: { answer?: string; told?: boolean }) => reading.answer === 'yes' && reading.told !== true;

/** The message says yes to the check-in's warning question (not to one sign's own question). */
function saidYesAtWarningQuestion(text: string, stored: StoredConversation | null, nlu: Nlu): boolean {
  const asking = stored?.context.asking;
  return text !== '' && asking?.question === WARNING_QUESTION && asking.flagId === undefined && isYesWord(nlu.answers.yesNo(text, 'symptom'));
}

/**
 * A yes to the warning question with only a touch of a sign ("yes - leaking, not loads but it's
 * new") is that sign disclosed: the question already asked about it, so asking again only delays the
 * referral. A "what if", a past episode or someone else's sign stays a mention to ask about.
 */
const disclosedByYes = (hit: RedFlagHit): RedFlagHit => (hit.mention === 'vague' ? { ...hit, mention: 'present' } : hit);
const locks = (hit: RedFlagHit) => holdsExercise(hit.urgency);

/** Whether the message holds an answer to the question being asked, read by that question's kind. */
export function answersQuestion(understanding: Understanding, kind: QuestionKind | undefined): boolean {
  switch (kind) {
    case 'score':
      return understanding.score !== undefined;
    case 'region':
      return understanding.region !== undefined || understanding.choice !== undefined;
    case 'duration':
      return understanding.days !== undefined || understanding.number !== undefined;
    case 'weight':
      return understanding.kg !== undefined || understanding.unknown === true || understanding.yesNo === 'no' || understanding.yesNo === 'unsure';
    case 'age':
      return understanding.number !== undefined;
    case 'consent':
    case 'offer':
    case 'symptom':
      return understanding.yesNo === 'yes' || understanding.yesNo === 'no';
    case 'movement':
      return understanding.movement !== undefined || understanding.choice !== undefined;
    default:
      return understanding.choice !== undefined;
  }
}

/**
 * The machine events for one message. Warning signs are looked for first, on every message, in
 * every state; intents such as "talk to a clinician" come next; everything else is an answer.
 * Every message does both: a disclosure refers AND the answer it also holds is recorded. A sign
 * mentioned without a clear disclosure (hypothetical, resolved, vague, whose unclear) gets a
 * direct question first (SIGN_MENTIONED); the next message answers it (SIGN_ANSWER).
 */
/**
 * What the conversation already knows of the person, for the warning signs whose concepts need it
 * (`~after-surgery` in content/red-flags/postop.yaml): chest pain or a swollen calf in someone who
 * told us about a spine operation is a clot sign even when this message does not say "operation".
 */
export function knownConcepts(stored: StoredConversation | null): string[] {
  const profile = stored?.context.profile;
  const known: string[] = [];
  if ((profile?.surgery !== undefined && profile.surgery !== 'none') || profile?.surgeryKind !== undefined) known.push('after-surgery');
  if (profile?.region === 'cervical') known.push('neck');
  if (profile?.region === 'thoracic') known.push('mid-back');
  return known;
}

/**
 * The events of one message. A fault while reading the answer (a parser bug) never costs the
 * warning signs: they were found before the answer is read, so they still go out, with the answer
 * left unread ('UNREADABLE' when there is no sign), and `onAnswerError` hears of the fault.
 */
export function eventsForMessage(
  input: { text: string; card?: CardValue; at: string; maxLength: number; flags?: MessageFlags },
  stored: StoredConversation | null,
  questions: Record<string, Question>,
  nlu: Nlu,
  onAnswerError?: (error: unknown) => void,
): CoachEvent[] {
  const { text, at } = input;
  const recent = stored?.recent ?? [];
  const found = text ? nlu.redFlags(text, recent, input.flags, knownConcepts(stored)) : [];
  let saidYes = false;
  try {
    saidYes = saidYesAtWarningQuestion(text, stored, nlu);
  } catch (error) {
    onAnswerError?.(error);
  }
  const hits = saidYes ? found.map(disclosedByYes) : found;
  const present = hits.filter(isPresent);
  // Nothing disclosed outright: as if routine, so any mention of a warning sign is asked about.
  const topPresent = Math.min(urgencyRank('routine'), ...present.map((hit) => urgencyRank(hit.urgency)));
  // A mention more urgent than anything disclosed outright is asked about; the rest is covered by the referral.
  const toAsk = hits.filter((hit) => !isPresent(hit) && urgencyRank(hit.urgency) < topPresent);
  const signEvents: Extract<CoachEvent, { type: 'SIGN_MENTIONED' }>[] = toAsk.length ? [{ type: 'SIGN_MENTIONED', at, hits: toAsk }] : [];
  if (text.length > input.maxLength) {
    return [...theSigns(at, present, signEvents), { type: 'TOO_LONG', at, length: text.length, limit: input.maxLength }];
  }
  try {
    return eventsWithTheAnswer(input, stored, questions, nlu, present, signEvents);
  } catch (error) {
    onAnswerError?.(error);
    return onlyTheSigns(at, present, signEvents);
  }
}

/** The message's warning-sign events: the referral for what it discloses, then the questions about what it mentions. */
function theSigns(at: string, present: RedFlagHit[], signEvents: CoachEvent[]): CoachEvent[] {
  return [...(present.length ? [{ type: 'RED_FLAG' as const, at, hits: present }] : []), ...signEvents];
}

/** The warning signs alone, the answer left unread: 'UNREADABLE' when there are none. */
function onlyTheSigns(at: string, present: RedFlagHit[], signEvents: CoachEvent[]): CoachEvent[] {
  const signs = theSigns(at, present, signEvents);
  return signs.length ? signs : [{ type: 'UNREADABLE', at }];
}

/** The rest of eventsForMessage, once the warning signs are known: the answer and the intents. */
function eventsWithTheAnswer(
  input: { text: string; card?: CardValue; at: string },
  stored: StoredConversation | null,
  questions: Record<string, Question>,
  nlu: Nlu,
  present: RedFlagHit[],
  signEvents: Extract<CoachEvent, { type: 'SIGN_MENTIONED' }>[],
): CoachEvent[] {
  const { text, at } = input;
  const asking = stored?.context.asking ?? null;
  const question = asking ? questions[asking.question] : undefined;
  // A button on an older card answers the question it was shown with, not the one asked now.
  const stale = input.card?.question !== undefined && (!asking || input.card.question !== questionKey(asking.question, asking.flagId));
  if (stale) return onlyTheSigns(at, present, signEvents);
  const card = input.card;
  const understanding = understand(text, card, question, nlu, asking?.question, at);
  const kind = nlu.answers.kindOf(asking?.question).kind;
  if (kind) understanding.kind = kind;
  if (kind === 'symptom' && present.length === 0 && signEvents.length === 0 && (deniesTheAskedSign(text, understanding, asking, nlu) || lookAlikeOnCondition(text, understanding, asking, nlu))) understanding.yesNo = 'no';
  // "my legs are fine" to the question about feeling when wiping: an all-clear of something else answers nothing (a one-line clarification follows).
  else if (kind === 'symptom' && allClearOfSomethingElse(text, card, asking, nlu)) {
    delete understanding.yesNo;
    if (understanding.choice === 'no') delete understanding.choice;
  }
  // A question back ("which one is the middle back?") answers nothing, whatever words it holds.
  // Another language: nothing in it is taken as an answer (its warning signs still count).
  const foreign = text !== '' && nlu.answers.otherLanguage(text);
  const answers = answersQuestion(understanding, kind) && !understanding.questionBack && !foreign;
  const answered = answers;

  // The direct question about a mentioned sign is pending: this message answers it.
  const check = stored?.context.signCheck ?? null;
  if (check && asking && asking.flagId === check.hit.flagId && (asking.question === 'signNow' || asking.question === 'signQuestion')) {
    return [
      ...(present.length ? [{ type: 'RED_FLAG' as const, at, hits: present }] : []),
      { type: 'SIGN_ANSWER', at, understanding, ...(present.length ? { afterReferral: true } : {}) },
      ...signEvents,
    ];
  }
  // The short question settling an answer between two choices is pending.
  const confirming = stored?.context.confirming ?? null;
  if (confirming && asking?.question === confirming.question && !present.length && !signEvents.length) {
    // Its buttons are "yes, further" then "no": a typed yes or no picks them in that order.
    const settled = understanding.choice ?? (understanding.yesNo === 'yes' ? question?.choices[0]?.value : understanding.yesNo === 'no' ? question?.choices[1]?.value : undefined);
    const options: readonly string[] = confirming.options;
    if (settled !== undefined && options.includes(settled)) return [{ type: 'CONFIRMED', at, understanding: { ...understanding, choice: settled } }];
  }
  if (present.length) {
    // A referral that holds exercise takes the answer along only where recording it cannot lead into exercise.
    // The answer travels with a referral that holds exercise (a referral never loses the person's
    // answer); at the offer of a session it is not acted on (dialogs/machine/referral/states.ts).
    const attach = foreign ? false : present.some(locks) ? answers && asking?.question !== undefined : true;
    const englishOnly: CoachEvent[] = foreign ? [{ type: 'ASIDE', at, aside: 'otherLanguage', understanding: { text, intent: 'otherLanguage' } }] : [];
    return [{ type: 'RED_FLAG', at, hits: present, ...(attach ? { understanding } : {}) }, ...signEvents, ...englishOnly];
  }
  // "What do you mean by different when I wipe?" at that very warning-sign question asks about the
  // question; it tells of no sign to check. Its help text answers it, and the question is asked again.
  // "How would I know if I'd lost the feeling?" is a "what if", still asked about.
  const asksAboutThisSign = understanding.questionBack === true && !answers && asking?.flagId !== undefined && (signEvents[0]?.hits ?? []).every((hit) => hit.flagId === asking.flagId && hit.mention === 'hypothetical') && nlu.answers.asksAboutWording(text);
  if (signEvents.length && !asksAboutThisSign) {
    // The answer it also holds is recorded before the direct question; what it brings next (the next
    // exercise) waits behind the question. Not the offer of a session: that waits for the answer.
    // An unsure at a symptom question ("maybe? my bladder's not acting right") is an answer too: the check-in takes it as not sure.
    const unsureAtSymptom = kind === 'symptom' && understanding.yesNo === 'unsure' && !foreign;
    return signEvents.map((event) => ((answers || unsureAtSymptom) && asking?.question !== undefined && asking.question !== 'startSession' ? { ...event, understanding } : event));
  }
  const intent = card?.choice === 'clinician' ? 'talk_to_clinician' : card?.choice === 'assessed' ? 'clinician_assessed' : text ? nlu.intent(text) : undefined;
  if (intent === 'talk_to_clinician') return [{ type: 'CLINICIAN_REQUESTED', at, text }];
  // "Monday. Saw the GP today" at the onset question answers it: with no hold to lift, the visit is
  // only a note, and the answer must not be lost to it. A hold's statement still starts from the visit.
  const visitOnly = intent === 'clinician_assessed' && card?.choice !== 'assessed' && answers && stored?.context.referral?.exerciseOnHold !== true;
  if (intent === 'clinician_assessed' && !visitOnly) return [{ type: 'CLINICIAN_ASSESSED', at, text }];
  if (intent === 'progress') return [{ type: 'PROGRESS_REQUESTED', at }];
  if (intent && !visitOnly) understanding.intent = INTENT_NAMES[intent] ?? intent;
  const aside = card || stored?.context.clinician ? undefined : asideOf(text, understanding, answered, asking?.question, question, nlu);
  if (aside === 'help' || aside === 'questionBack') {
    // A question the content answers, else the help text of the question asked; then the question again.
    const pieceId = nlu.education(text);
    if (pieceId) return [{ type: 'EDUCATION', at, pieceId }];
  }
  // The very first message starts the conversation (the welcome greets); only another language or emoji is answered apart.
  const first = !stored || (!asking && atStart(stored));
  if (aside && (!first || aside === 'otherLanguage' || aside === 'symbols')) {
    return [{ type: 'ASIDE', at, aside: aside === 'questionBack' ? 'help' : aside, understanding }];
  }
  // A question the content answers, unless the words also answer the question being asked.
  // "three weeks since the op, the wound is healing" answers by its kind (a duration), not only by a choice.
  const pieceId = text && !understandingAnswers(understanding) && !answered ? nlu.education(text) : undefined;
  if (pieceId) return [{ type: 'EDUCATION', at, pieceId }];
  if (understanding.between && understanding.choice === undefined) return [{ type: 'CONFIRM_BETWEEN', at, understanding }];
  return [{ type: 'MESSAGE', at, understanding }];
}

/** The questions that ask about one warning sign (its flagId), and the check-in's, about them all. */
const ONE_SIGN_QUESTIONS: ReadonlySet<string> = new Set(['redFlagAnswer', 'redFlagAfterCheck', 'signQuestion']);

/**
 * "my bum isn't numb", "there's been no trouble peeing", "been weeing like normal", "the feeling's
 * all there when I wipe": with no answer word, a message that names the asked sign only to deny
 * it, or says its function is as usual, answers "no" (the detector reads the denial, as it reads a
 * disclosure). Only when the message finds nothing of any sign, holds no doubt, hedge, limit or
 * question ("mostly normal", "not numb I think", "a bit"), and is of the asked sign: a denial of
 * another sign is no answer to this one ("my legs are fine" to the bladder question).
 */
function deniesTheAskedSign(text: string, understanding: Understanding, asking: StoredConversation['context']['asking'] | null, nlu: Nlu): boolean {
  if (!text || !asking || !nlu.deniedSigns || understanding.yesNo !== undefined || understanding.choice !== undefined || understanding.questionBack) return false;
  const oneSign = ONE_SIGN_QUESTIONS.has(asking.question) && asking.flagId !== undefined;
  if (!oneSign && !(asking.question === WARNING_QUESTION && asking.flagId === undefined)) return false;
  if (nlu.answers.otherLanguage(text) || !nlu.answers.saysPlainly(text, true)) return false;
  const denials = nlu.deniedSigns(text, oneSign ? [asking.flagId!] : undefined);
  if (denials.length === 0) return false;
  // "wiping felt normal last month" says nothing of now, and "right inner thigh normal" nothing of the
  // left; a look-alike is history told as such ("a five-day course of steroids in 2019") and may be
  // of one part ("only my left leg"), but not with anything recent ("only my left leg, now it's both").
  const plain = nlu.answers.saysPlainly(text) && !nlu.answers.toldAsPast(text);
  const recent = nlu.answers.toldAsRecent(text);
  return denials.some((denial) => (denial.how === 'lookAlike' ? !recent : plain));
}

/**
 * "night pain? only if I've overdone it in the day, and changing position helps": at one sign's
 * question, a yes that only sets a condition, with that sign's look-alike told beside it (its
 * `lookAlike` rules), is a no; not with anything recent ("only when I walk, and since Monday
 * only the one leg" may be new), nor with anything of the sign itself detected (checked by the caller).
 */
function lookAlikeOnCondition(text: string, understanding: Understanding, asking: StoredConversation['context']['asking'] | null, nlu: Nlu): boolean {
  if (!text || !asking?.flagId || !ONE_SIGN_QUESTIONS.has(asking.question) || !nlu.deniedSigns || !nlu.answers.yesOnlyOnCondition) return false;
  if (understanding.yesNo !== 'yes' || understanding.choice !== undefined || nlu.answers.otherLanguage(text) || nlu.answers.toldAsRecent(text)) return false;
  if (!nlu.answers.yesOnlyOnCondition(text)) return false;
  return nlu.deniedSigns(text, [asking.flagId]).some((denial) => denial.how === 'lookAlike');
}

/** A typed all-clear ("my legs are fine", no answer word) at one sign's question, of body parts or functions that sign is not about. */
function allClearOfSomethingElse(text: string, card: CardValue | undefined, asking: StoredConversation['context']['asking'] | null, nlu: Nlu): boolean {
  if (!text || card?.choice !== undefined || !asking?.flagId || !ONE_SIGN_QUESTIONS.has(asking.question) || !nlu.aboutSomethingElse) return false;
  const reading = nlu.answers.yesNo(text, 'symptom');
  return reading.answer === 'no' && reading.allClear === true && nlu.aboutSomethingElse(text, asking.flagId);
}

/** The lexicon's intent names where the conversation uses others. */
const INTENT_NAMES: Record<string, string> = { check_in_time: 'checkInTime' };

const atStart = (stored: StoredConversation) => stored.value === 'welcome';

/**
 * What a message says instead of an answer, if anything: another language or only emoji (never an
 * answer), a greeting or a question back (unless it also answers), skip / later / tomorrow where the
 * question has no such choice, or a new check-in time.
 */
function asideOf(text: string, understanding: Understanding, answered: boolean, questionKey: string | undefined, question: Question | undefined, nlu: Nlu): Aside | 'questionBack' | undefined {
  if (!text) return undefined;
  if (nlu.answers.otherLanguage(text)) {
    understanding.intent = 'otherLanguage';
    return 'otherLanguage';
  }
  const symbols = nlu.answers.symbols(text);
  if (symbols === 'wave') {
    understanding.intent = 'greeting';
    return 'greeting';
  }
  if (symbols === 'other') return 'symbols';
  // "Can we skip that?" asks to skip, not about the question; "can we stop there for now?" asks to pause.
  // A greeting is the whole message ("hello?"), so its question mark asks nothing.
  const wantsOut = understanding.intent === 'skip' || understanding.intent === 'later' || understanding.intent === 'tomorrow' || understanding.intent === 'checkInTime' || understanding.intent === 'greeting' || understanding.intent === 'pause';
  if (understanding.questionBack && !answered && !wantsOut) {
    understanding.intent = 'questionBack';
    return 'questionBack';
  }
  // "later, like 8.15pm" at the offer is also its no: the time said is kept with the intent either way.
  if (understanding.intent === 'checkInTime') {
    const time = parseTimeOfDay(text);
    if (time) understanding.time = formatLocalTime(time);
  }
  if (answered) return undefined;
  const has = (value: string) => question?.choices.some((choice) => choice.value === value) ?? false;
  const kind = understanding.kind;
  switch (understanding.intent) {
    case 'greeting':
      return 'greeting';
    case 'help':
      return 'help';
    case 'checkInTime':
      return 'checkInTime';
    case 'skip':
      if (has('skip')) {
        understanding.choice = 'skip';
        return undefined;
      }
      return 'skip';
    case 'later':
      if (has('skip')) {
        understanding.choice = 'skip';
        return undefined;
      }
      return kind === 'offer' || kind === 'movement' || questionKey === undefined ? undefined : 'later';
    case 'tomorrow':
      return questionKey === 'startSession' ? undefined : 'tomorrow';
    default:
      return undefined;
  }
}

function understandingAnswers(understanding: Understanding): boolean {
  return understanding.choice !== undefined || understanding.yesNo !== undefined || understanding.score !== undefined || understanding.movement !== undefined;
}
