import type { CoachingProfile, CoachingProgress, Movement, Phase, ReachLevel, Restriction } from './coaching/types.ts';
import type { ClinicianOutcome, MovementResponse, Onset, QuestionKind, Reach, RedFlagUrgency, Region, Sides, Surgery, SurgeryKind, Urgency } from '../src/vocabulary/index.ts';
import type { MessageKey, QuestionKey } from './wording.ts';

/** The vocabulary shared by the conversation machine and the shell around it (the lists: src/vocabulary). */
export type { ClinicianOutcome, MovementResponse, Onset, Reach, Region, Sides, Surgery, SurgeryKind, Urgency };
export type RedFlagTier = RedFlagUrgency;

/** The question the person is being asked now; the shell uses it to read a typed answer. */
export interface Asking {
  question: QuestionKey;
  flagId?: string;
  /** A group of warning-sign questions shown together as one card (each its own toggle); text channels ask them one at a time. */
  group?: string[];
}

/** What the shell understood of one message, given the question being asked. */
export interface Understanding {
  text: string;
  /** The value of a button, or of a choice recognised in typed words. */
  choice?: string;
  /** A yes, a no, or "not sure", only when the message answers (a statement is none of them). */
  yesNo?: 'yes' | 'no' | 'unsure';
  /** The message asks something back about the question instead of answering it. */
  questionBack?: boolean;
  score?: number;
  /** The score was said as a range ("5-6"): the higher number was taken. */
  range?: boolean;
  /** The side named with the answer ("left leg", "both arms"). */
  side?: 'left' | 'right' | 'both';
  /** The answer sits between two choices: the short question that settles it, and the two choices. */
  between?: { question: string; options: [string, string] };
  /** The person does not know the answer ("they didn't say", "can't remember"). */
  unknown?: boolean;
  /** The kind of answer the question takes (content/lexicon/question-kinds.yaml), for a reply when it is not understood. */
  kind?: QuestionKind;
  /** A time of day said with the intent (checkInTime), as "HH:MM". */
  time?: string;
  number?: number;
  region?: Region;
  movement?: MovementResponse;
  /** Tingling or numbness reaching the toes or fingers. */
  toesOrFingers?: boolean;
  /** What the person wants instead of answering (e.g. `skip` this exercise, `later`), once the shell can tell. */
  intent?: string;
  /** A duration or a date said in any unit ("10 days ago", "since Tuesday", "3 weeks"), converted to days. */
  days?: number;
  /** A weight said in any unit (kg, lb, stone), converted to kilograms. */
  kg?: number;
  /** The number was said approximately or as a range (a range records the higher end). */
  approximate?: boolean;
  /** The warning signs ticked on a group card (the card's values, set by the shell). */
  selected?: string[];
}

/** What a message said instead of answering (src/bot/understand.ts), answered by dialogs/machine/asides. */
export type Aside = 'greeting' | 'help' | 'otherLanguage' | 'symbols' | 'skip' | 'later' | 'tomorrow' | 'checkInTime';

export interface RedFlagHit {
  flagId: string;
  urgency: RedFlagTier;
  /** How it was mentioned (src/nlu/redFlagDetector.ts `Mention`); absent means a present disclosure. */
  mention?: 'present' | 'hypothetical' | 'resolved' | 'vague' | 'unclear-person';
  /** The person's words that disclosed it, or the question they said yes to. */
  matched: string;
}

export type CoachEvent =
  | { type: 'START'; at: string }
  | {
      type: 'MESSAGE';
      at: string;
      understanding: Understanding;
      localDate?: string;
      cards?: boolean;
      /** Internal: the answer replayed from a disclosure, after the referral it made in the same turn. */
      afterReferral?: boolean;
    }
  | { type: 'RED_FLAG'; at: string; hits: RedFlagHit[]; understanding?: Understanding }
  /** Warning signs mentioned without a clear disclosure (hypothetical, resolved, vague, whose unclear): ask first. */
  | { type: 'SIGN_MENTIONED'; at: string; hits: RedFlagHit[]; understanding?: Understanding }
  /** Internal: the direct question of a SIGN_MENTIONED, asked once the answer it came with is recorded. */
  | { type: 'SIGN_ASK'; at: string; hits: RedFlagHit[] }
  /** The answer to that direct question; `afterReferral` when the same message also referred. */
  | { type: 'SIGN_ANSWER'; at: string; understanding: Understanding; afterReferral?: boolean }
  /** Internal: after a disclosure whose answer was recorded, exercise is held (dialogs/machine/referral/answerThenHold.ts). */
  | { type: 'HOLD_AFTER_ANSWER'; at: string }
  /** An answer between two choices ("down my leg"): a short question settles which (dialogs/machine/asides/between.ts). */
  | { type: 'CONFIRM_BETWEEN'; at: string; understanding: Understanding }
  /** The answer to that short question, as the choice of the question it belongs to. */
  | { type: 'CONFIRMED'; at: string; understanding: Understanding }
  /** Something said instead of an answer: a greeting, a question back, another language, emoji only, skip, later, tomorrow. */
  | { type: 'ASIDE'; at: string; aside: Aside; understanding?: Understanding }
  /** Internal: after a confirmed sign, the question the person was at comes again (unless exercise is held). */
  | { type: 'SIGN_RESUME'; at: string }
  | { type: 'CLINICIAN_REQUESTED'; at: string; text: string }
  | { type: 'CLINICIAN_ASSESSED'; at: string; text: string }
  /** `limit`: the longest message read, said back so the person knows how short to be. */
  | { type: 'TOO_LONG'; at: string; length: number; limit?: number }
  /** A message with nothing to read in it (empty, only a picture or a sticker). */
  | { type: 'UNREADABLE'; at: string }
  /** The daily check-in is due (sent by the scheduler); missedDays counts check-ins left unanswered. */
  | { type: 'CHECK_IN'; at: string; localDate?: string; missedDays?: number }
  /** A clinician accepted the case and now owns the conversation: the bot relays, it does not coach. */
  | { type: 'CLINICIAN_JOINED'; at: string; clinician: string; caseId: string }
  /** The person asked something an education piece answers. */
  | { type: 'EDUCATION'; at: string; pieceId: string }
  /** The person asked how they are doing. */
  | { type: 'PROGRESS_REQUESTED'; at: string }
  /** The clinician handed the conversation back, with the outcome of their assessment. */
  | { type: 'CLINICIAN_LEFT'; at: string; outcome: ClinicianOutcome; note?: string }
  /** A clinician changed the programme from the console: phase, preferred direction, what to avoid, or discharge. */
  | { type: 'CLINICIAN_PLAN'; at: string; clinician: string; change: ClinicianPlanChange; localDate?: string };

/** What a clinician may set for the programme; `null` hands a setting back to the automatic rules. */
export interface ClinicianPlanChange {
  phase?: Exclude<Phase, 'flare_up' | 'maintenance'> | null;
  direction?: Movement | null;
  avoid?: Restriction[];
  /** Discharge to the maintenance plan. */
  discharge?: boolean;
}

/** What a clinician has set, kept with the programme and applied to every plan. */
export interface ClinicianPlan {
  phase?: Exclude<Phase, 'flare_up' | 'maintenance'>;
  direction?: Movement;
  avoid?: Restriction[];
  by: string;
  at: string;
}


export type ClinicalEventType =
  | 'consent.given'
  | 'consent.declined'
  | 'screening.answer'
  | 'pain.score'
  | 'limb.score'
  | 'redFlag.raised'
  | 'redFlag.denied'
  /** "Not sure" to a warning-sign question (after the self-check, for an emergency one). */
  | 'redFlag.unsure'
  | 'referral.made'
  | 'clinician.assessed'
  | 'screening.completed'
  | 'answer.unclear'
  | 'session.started'
  | 'session.finished'
  | 'exercise.shown'
  | 'movement.response'
  | 'liftingLimit.given'
  | 'checkIn.started'
  | 'review.recommended'
  | 'clinician.joined'
  | 'clinician.left'
  | 'message.relayed'
  | 'education.shown'
  | 'progress.shown'
  | 'reach.before'
  | 'exercise.skipped'
  | 'equipment.lacking'
  | 'pathway.answer'
  | 'flareUp.started'
  | 'advice.painRelief'
  | 'directional.noCentralization'
  | 'psfs.named'
  | 'psfs.score'
  | 'outcome.sleep'
  | 'outcome.walking'
  | 'outcome.medication'
  | 'outcome.groc'
  | 'outcome.skipped'
  | 'plan.changed'
  | 'reminders.planned';

/** What the machine asks the shell to do, as data. The shell renders, stores and sends. */
export type Output =
  /** `key` and `question` are the declared ones (dialogs/wording.ts), so content loading can check each. */
  | { kind: 'say'; key: MessageKey; vars?: Record<string, string | number> }
  | { kind: 'ask'; question: QuestionKey; flagId?: string; reask?: boolean; group?: string[] }
  | { kind: 'record'; type: ClinicalEventType; data: Record<string, unknown> }
  | { kind: 'handoff'; urgency: Urgency; reasons: string[]; hits: RedFlagHit[]; requestedBy: 'rules' | 'person' }
  | { kind: 'exercise'; exerciseId: string; stageId: string; dose: Record<string, unknown>; position: number; of: number }
  | { kind: 'education'; pieceId: string }
  /** The progress chart and summary, built by the shell from the clinical log. */
  | { kind: 'progress' }
  /** A message from the person to pass to the clinician who owns the conversation. */
  | { kind: 'relay'; text: string; caseId: string };

export interface Profile {
  region?: Region;
  reach?: Reach;
  sides?: Sides;
  onset?: Onset;
  surgery?: Surgery;
  weeksSinceSurgery?: number;
  consentVersion?: string;
  age?: number;
  surgeryKind?: SurgeryKind;
  daysSinceSurgery?: number;
  /** The local day the operation's date was asked (the date is that day minus daysSinceSurgery). */
  surgeryAskedOn?: string;
  /** The surgeon's lifting limit; `kg: null` when the person does not know it. `until`: the day it is asked again. */
  liftingLimit?: { kg: number | null; known: boolean; until?: string };
}

/** What the person has said so far about being seen after an urgent referral (dialogs/machine/referral). */
export interface HoldStatement {
  /** Their own words, when they started with a message such as "I went to A&E". */
  words: string;
  seenBy?: string;
}

export interface PainEntry {
  at: string;
  score: number;
}

export interface RaisedFlag extends RedFlagHit {
  at: string;
}

export interface Referral {
  urgency: Urgency;
  at: string;
  /** Emergency and urgent referrals hold back exercise until a clinician has seen the person. */
  exerciseOnHold: boolean;
}

export interface SessionState {
  date: string;
  steps: { exerciseId: string; stageId: string; dose: Record<string, unknown>; purpose?: string }[];
  index: number;
  /** The phase today's plan came from (a flare-up day does not move stages). */
  phase?: string;
  /** Why today's plan is the reduced one, if it is. */
  reduced?: string | null;
}

export interface CoachingState {
  profile: CoachingProfile | null;
  progress: CoachingProgress;
  session: SessionState | null;
  /** First pain score of the programme: the baseline the 6-week review compares against. */
  baseline: PainEntry | null;
  programmeStart: string | null;
  /** Reviews already recommended, so one is not handed off twice. */
  reviewsMade: string[];
  lastDecision: string | null;
  /** True while a check-in is asking its questions, before the session. */
  checkIn: boolean;
  /** Education pieces already offered in sessions, so each comes once. */
  educationShown: string[];
  /** The education pieces of today's plan, in order. */
  sessionEducation: string[];
  /** Local day the progress chart was last shown; shown again weekly at check-in. */
  progressShownOn: string | null;
  /** When worse leg or arm symptoms were last handed off (absent in snapshots from before it existed). */
  limbReviewAt?: string | null;
  /** Where limb symptoms reach now, as told before the current set; null when it must be asked again. */
  reachNow?: ReachLevel | null;
  /** The local day the weekly measures were last asked (answered or skipped). */
  weeklyAskedOn?: string | null;
  /** The weekly measures being asked now: which PSFS activity is next, and whether naming is over. */
  weekly?: { psfsIndex: number; namingDone: boolean } | null;
  /** The outcome measures so far (bounded), for the summary, the console and "how am I doing". */
  outcomes?: Outcomes;
  /** When a word with the GP or pharmacist about pain relief was last suggested. */
  painReliefSuggestedAt?: string | null;
  /** What a clinician set for the programme. */
  clinicianPlan?: ClinicianPlan | null;
  /** The answers about the care pathway asked when coaching starts (who diagnosed it, pregnancy, ...). */
  pathway?: Pathway;
}

/** Answers that shape the programme, asked once when coaching starts. */
export interface Pathway {
  diagnosedBy?: 'doctor' | 'physio' | 'specialist' | 'nobody';
  pregnant?: boolean;
  lateralShift?: boolean;
  osteoporosis?: boolean;
}

export interface DatedValue<T> {
  at: string;
  value: T;
}

/** The outcome measures a physio uses, each a short dated history (content/coaching/measures.yaml). */
export interface Outcomes {
  /** Patient-Specific Functional Scale: the activities the person named, each with its weekly 0-10 scores. */
  psfs: { activity: string; scores: DatedValue<number>[] }[];
  /** Nights in the last week woken by pain (0-7). */
  sleep: DatedValue<number>[];
  /** Minutes of walking before symptoms make the person stop. */
  walking: DatedValue<number>[];
  /** Pain medicine in the last week: none, some_days, most_days, every_day. */
  medication: DatedValue<string>[];
  /** Global rating of change, -3 (much worse) to +3 (much better). */
  groc: DatedValue<number>[];
}

export interface CoachContext {
  profile: Profile;
  /** Most recent pain scores, newest last; bounded so the snapshot stays small. */
  pain: PainEntry[];
  /** Leg or arm symptom scores from check-ins, newest last; bounded (absent in older snapshots). */
  limb?: PainEntry[];
  /** Warning signs raised, newest last; bounded. */
  redFlags: RaisedFlag[];
  referral: Referral | null;
  /** Red-flag questions still to ask in screening, in order. */
  screeningQueue: string[];
  screeningDone: boolean;
  asking: Asking | null;
  failedTries: number;
  messages: number;
  coaching: CoachingState;
  /** The screening step the person was at, to come back to after a referral or a renewed consent. */
  screeningAt: string | null;
  /** Set while a clinician owns the conversation. */
  clinician: { name: string; caseId: string; since: string } | null;
  /** The person's structured statement that lifts an urgent hold, while it is being asked (absent in older snapshots). */
  holdStatement?: HoldStatement | null;
  /** Warning-sign questions answered in screening (so a correction asks only what a new region adds). */
  screeningAsked?: string[];
  /** Set while one answer of the read-back is being corrected: the flow returns to the summary. */
  correcting?: boolean;
  /** The person's channel shows cards: warning-sign questions of one group come as one card. */
  cardChannel?: boolean;
  /** The local day raised or denied warning signs were last asked again at a check-in. */
  flagsRecheckedOn?: string | null;
  /**
   * Within one turn only, from a referral that holds exercise until its message's answer has been
   * handled: no question is asked (dialogs/machine/referral/answerThenHold.ts).
   */
  askingPaused?: boolean;
  /**
   * Within one turn only, from a mentioned warning sign until its direct question: what the turn
   * brought next, waiting behind that question (dialogs/machine/shared.ts). Then moved into `signCheck.held`.
   */
  heldForSign?: Output[];
  /** A direct question about a warning sign mentioned without a clear disclosure, waiting for its answer. */
  signCheck?: SignCheck | null;
  /** A short question settling an answer that sat between two choices, and the question it belongs to. */
  confirming?: { question: QuestionKey; options: [string, string]; back: Asking; side?: 'left' | 'right' | 'both' } | null;
}

/** The direct question asked about a mention that was not a clear disclosure, and where to go back to. */
export interface SignCheck {
  hit: RedFlagHit;
  /** The question the person was at, asked again after a "no". */
  back: Asking | null;
  /** What the answer in the same message brought next (the next exercise and its question), shown after a "no". */
  held?: Output[];
}
