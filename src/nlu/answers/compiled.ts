/**
 * The answer vocabulary compiled once per lexicon object: phrase sets in the content phrase
 * language, and word maps. Parsers called on every message never compile twice.
 */
import type { Lexicon } from '../../content/lexicon.ts';
import { compilePhraseSet, type PhraseSet } from '../phraseSet.ts';
import { asOwnBody, spelledOut } from './words.ts';

export type YesNoLabel = 'yes' | 'no' | 'wholeYes' | 'wholeNo' | 'agree' | 'decline' | 'allClear' | 'unsure';

export interface CompiledAnswers {
  /** Yes/no words for an offer (with agree/decline) and for a symptom question (with allClear). */
  yesNo: { offer: PhraseSet<YesNoLabel>; symptom: PhraseSet<YesNoLabel> };
  questions: PhraseSet<'question'>;
  statements: PhraseSet<'statement'>;
  /** After a contrast word, these make a no to a safety question only partly a no. */
  hedges: PhraseSet<'hedge'>;
  softNo: PhraseSet<'softNo'>;
  contrastWords: ReadonlySet<string>;
  correctionWords: ReadonlySet<string>;
  fillers: PhraseSet<'filler'>;
  /** One-word fillers, also allowed after a short answer ("I have actually", "I do, thanks"). */
  fillerWords: ReadonlySet<string>;
  approximate: PhraseSet<'approximate'>;
  /** The one-word hedges of `approximate` ("maybe", "prob"): they may join the two numbers of a range. */
  approximateWords: ReadonlySet<string>;
  notScore: PhraseSet<'notScore'>;
  zero: PhraseSet<'zero'>;
  unknownAmount: PhraseSet<'unknown'>;
  scoreUnits: ReadonlySet<string>;
  scoreUnitPrefixes: string[];
  textSpeak: ReadonlyMap<string, string>;
  /** Possessives a carer uses for the patient's body (body.yaml `carer`). */
  carer: ReadonlySet<string>;
  durationUnits: ReadonlyMap<string, number>;
  weightUnits: ReadonlyMap<string, number>;
}

const cache = new WeakMap<Lexicon, CompiledAnswers>();

export function compileAnswers(lexicon: Lexicon): CompiledAnswers {
  const cached = cache.get(lexicon);
  if (cached) return cached;
  const { yesNo, scores, answers } = lexicon;
  const units = scores.units.map((unit) => unit.replace(/[^a-z0-9*]/g, ''));
  const compiled: CompiledAnswers = {
    yesNo: {
      offer: compilePhraseSet<YesNoLabel>({ yes: yesNo.yes, no: yesNo.no, wholeYes: yesNo.wholeYes, wholeNo: yesNo.wholeNo, agree: yesNo.agree, decline: yesNo.decline, unsure: yesNo.unsure } as Record<YesNoLabel, string[]>),
      symptom: compilePhraseSet<YesNoLabel>({ yes: yesNo.yes, no: yesNo.no, wholeYes: yesNo.wholeYes, wholeNo: yesNo.wholeNo, allClear: yesNo.allClear, unsure: yesNo.unsure } as Record<YesNoLabel, string[]>),
    },
    questions: compilePhraseSet({ question: yesNo.questions }),
    statements: compilePhraseSet({ statement: yesNo.statements }),
    hedges: compilePhraseSet({ hedge: yesNo.hedges }),
    softNo: compilePhraseSet({ softNo: yesNo.softNo }),
    contrastWords: new Set(yesNo.contrast),
    correctionWords: new Set(yesNo.corrections),
    fillers: compilePhraseSet({ filler: yesNo.fillers }),
    fillerWords: new Set(yesNo.fillers.filter((filler) => /^[a-z]+$/.test(filler))),
    approximate: compilePhraseSet({ approximate: scores.approximate }),
    approximateWords: new Set(scores.approximate.filter((word) => /^[a-z]+$/.test(word))),
    notScore: compilePhraseSet({ notScore: scores.notScore }),
    zero: compilePhraseSet({ zero: scores.zero }),
    unknownAmount: compilePhraseSet({ unknown: answers.units.unknown }),
    scoreUnits: new Set(units.filter((unit) => !unit.endsWith('*'))),
    scoreUnitPrefixes: units.filter((unit) => unit.endsWith('*')).map((unit) => unit.slice(0, -1)),
    textSpeak: new Map(Object.entries(answers.numbers.textSpeak)),
    carer: new Set(answers.body.carer),
    durationUnits: new Map(answers.units.durations.flatMap(({ days, words }) => words.map((word) => [word, days] as const))),
    weightUnits: new Map(answers.units.weights.flatMap(({ kg, words }) => words.map((word) => [word, kg] as const))),
  };
  cache.set(lexicon, compiled);
  return compiled;
}

export const isScoreUnit = (word: string, compiled: CompiledAnswers) =>
  compiled.scoreUnits.has(word) || compiled.scoreUnitPrefixes.some((prefix) => word.startsWith(prefix));

/** The message as the phrase readers see it: text-speak spelled out and, for answers about the body, a carer's "his" or "her" as "my". */
export function answerText(text: string, compiled: CompiledAnswers, body = false): string {
  const spelled = spelledOut(text, compiled.textSpeak);
  return body ? asOwnBody(spelled, compiled.carer) : spelled;
}
