/**
 * Answer parsers per question kind (issue 17), driven by content/lexicon. Each reads one kind
 * of answer from free text; `kindOf` says which kind a question takes (question-kinds.yaml).
 */
import type { Lexicon } from '../../content/lexicon.ts';
import type { QuestionKind } from '../../content/answerLexicon.ts';
import { readAge } from './age.ts';
import { isOtherLanguage, isSymbolsOnly, isWave } from './language.ts';
import { readMovement, type MovementReading } from './movement.ts';
import { datesOnlyAVisit, daysAhead, readOnset, type OnsetReading } from './onset.ts';
import { parseDays, parseKg, unknownAmount } from './quantity.ts';
import { readSurgery } from './surgery.ts';
import { readReach, readSide, type ReachReading, type Side } from './reach.ts';
import { parseScoreAnswer, type ScoreAnswer } from './score.ts';
import { asksAboutWording, asksWhatIf, readYesNo, saysPlainly, toldAsPast, toldAsRecent, yesOnlyOnCondition, type YesNoKind, type YesNoReading } from './yesNo.ts';

export type { MovementReading, OnsetReading, QuestionKind, ReachReading, ScoreAnswer, Side, YesNoKind, YesNoReading };

export interface QuestionInfo {
  kind: QuestionKind | undefined;
  /** For a duration question: the unit a bare number is in ("6" to "How many weeks ago?"). */
  unit?: 'days' | 'weeks' | 'months';
}

export interface AnswerParsers {
  kindOf(questionKey: string | undefined): QuestionInfo;
  yesNo(text: string, kind: YesNoKind): YesNoReading;
  /** Nothing in the message doubts, hedges, limits or asks ("not sure", "a bit", "mostly", "?"). */
  saysPlainly(text: string, partsAllowed?: boolean): boolean;
  /** The message tells of something recent or new ("now", "started", "since Monday"). */
  toldAsRecent(text: string): boolean;
  /** The message puts what it tells in the past ("last month", "used to", "years ago"). */
  toldAsPast(text: string): boolean;
  /** The message asks what the question's own words mean ("what do you mean by different?"). */
  asksAboutWording(text: string): boolean;
  /** Every yes only sets a condition ("only if I've overdone it"): with the sign's look-alike beside it, a no at its question. */
  yesOnlyOnCondition?(text: string): boolean;
  /** The sentence asks "what if" ("and if it ever went down both legs?"). */
  asksWhatIf?(sentence: string): boolean;
  score(text: string): ScoreAnswer | undefined;
  days(text: string): { days: number; approximate: boolean } | undefined;
  kg(text: string): { kg: number; approximate: boolean } | undefined;
  reach(text: string): ReachReading;
  movement(text: string): MovementReading | undefined;
  age(text: string): number | undefined;
  /** "They didn't give a number", "can't remember": the person does not know the amount. */
  unknownAmount(text: string): boolean;
  /** Written in another language (then nothing in it is taken as an answer). */
  otherLanguage(text: string): boolean;
  /** Only emoji or symbols; `wave` when they are a greeting. */
  symbols(text: string): 'wave' | 'other' | undefined;
  /** When the episode started, read against `at` (the message's time). */
  onset(text: string, at: string): OnsetReading | undefined;
  /** "it'll be 3 weeks on Tuesday": the days until the day a duration is said to be reached. */
  daysAhead?(text: string, at: string): number | undefined;
  /** Only a visit to a clinician is dated ("I saw my GP yesterday"): the words name no onset. */
  onsetDatesOnlyAVisit(text: string): boolean;
  /** The operation's kind (none when planned or not yet done), and a coarser kind for a question without its button. */
  surgery(text: string): { kind: string; coarser?: string } | undefined;
  side(text: string): Side | 'one' | 'noLimb' | undefined;
}

export function compileAnswerParsers(lexicon: Lexicon): AnswerParsers {
  const kinds = lexicon.answers.questions;
  return {
    kindOf: (key) => {
      const entry = key !== undefined && Object.hasOwn(kinds, key) ? kinds[key] : undefined;
      return entry ? { kind: entry.kind, ...(entry.unit ? { unit: entry.unit } : {}) } : { kind: undefined };
    },
    yesNo: (text, kind) => readYesNo(text, lexicon, kind),
    asksAboutWording: (text) => asksAboutWording(text, lexicon),
    saysPlainly: (text, partsAllowed) => saysPlainly(text, lexicon, partsAllowed),
    toldAsRecent: (text) => toldAsRecent(text, lexicon),
    toldAsPast: (text) => toldAsPast(text, lexicon),
    asksWhatIf: (sentence) => asksWhatIf(sentence, lexicon),
    yesOnlyOnCondition: (text) => yesOnlyOnCondition(text, lexicon),
    score: (text) => parseScoreAnswer(text, lexicon),
    days: (text) => parseDays(text, lexicon),
    kg: (text) => parseKg(text, lexicon),
    reach: (text) => readReach(text, lexicon),
    movement: (text) => readMovement(text, lexicon),
    age: (text) => readAge(text, lexicon),
    otherLanguage: (text) => isOtherLanguage(text, lexicon),
    unknownAmount: (text) => unknownAmount(text, lexicon),
    symbols: (text) => (isSymbolsOnly(text) ? (isWave(text) ? 'wave' : 'other') : undefined),
    onset: (text, at) => readOnset(text, at, lexicon),
    onsetDatesOnlyAVisit: (text) => datesOnlyAVisit(text, lexicon),
    daysAhead: (text, at) => daysAhead(text, at, lexicon),
    surgery: (text) => {
      const kind = readSurgery(text, lexicon);
      if (kind === undefined) return undefined;
      const coarser = kind === 'none' ? undefined : lexicon.answers.surgery.coarser[kind];
      return coarser ? { kind, coarser } : { kind };
    },
    side: (text) => readSide(text, lexicon),
  };
}
