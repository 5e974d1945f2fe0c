/**
 * The answer vocabulary compiled once per lexicon object: phrase sets in the content phrase
 * language, and word maps. Parsers called on every message never compile twice.
 */
import type { Lexicon } from '../../content/lexicon.ts';
import { compilePhraseSet, type PhraseSet } from '../phraseSet.ts';
import { compileWordCorrector, type WordCorrector } from '../conceptSpelling.ts';
import { asOwnBody, spelledOut } from './words.ts';
import { negationOf } from '../compiledLexicon.ts';
import { perLexicon } from './perLexicon.ts';

export type YesNoLabel = 'yes' | 'no' | 'wholeYes' | 'wholeNo' | 'agree' | 'decline' | 'allClear' | 'unsure';

export interface CompiledAnswers {
  /** Yes/no words for an offer (with agree/decline) and for a symptom question (with allClear). */
  yesNo: { offer: PhraseSet<YesNoLabel>; symptom: PhraseSet<YesNoLabel> };
  questions: PhraseSet<'question'>;
  statements: PhraseSet<'statement'>;
  wording: PhraseSet<'wording'>;
  whatIf: PhraseSet<'whatIf'>;
  /** After a contrast word, these make a no to a safety question only partly a no. */
  hedges: PhraseSet<'hedge'>;
  softNo: PhraseSet<'softNo'>;
  sensations: PhraseSet<'sensation'>;
  admissions: PhraseSet<'admission'>;
  lately: PhraseSet<'lately'>;
  gapDenials: ReadonlySet<string>;
  losses: PhraseSet<'loss'>;
  lossDenied: ReadonlySet<string>;
  wellness: PhraseSet<'wellness'>;
  complaintsDenied: PhraseSet<'complaintDenied'>;
  preambles: PhraseSet<'preamble'>;
  wellWords: ReadonlySet<string>;
  longstanding: PhraseSet<'longstanding'>;
  recent: PhraseSet<'recent'>;
  allClearLimits: PhraseSet<'limit'>;
  changeTold: PhraseSet<'change'>;
  explanations: PhraseSet<'explanation'>;
  checks: PhraseSet<'check'>;
  describing: PhraseSet<'describing'>;
  partOnly: PhraseSet<'part'>;
  guesses: PhraseSet<'guess'>;
  redescribed: PhraseSet<'redescribed'>;
  resolved: PhraseSet<'resolved'>;
  exceptions: PhraseSet<'exception'>;
  explainedSigns: PhraseSet<'sign'>;
  contrastWords: ReadonlySet<string>;
  particles: ReadonlySet<string>;
  offerTail: ReadonlySet<string>;
  elaborations: PhraseSet<'elaboration'>;
  correctionWords: ReadonlySet<string>;
  conclusionWords: ReadonlySet<string>;
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
  /** A typing slip towards a word the answer lexicon uses ("lowwer" is "lower", "yesturday" "yesterday"). */
  correct: WordCorrector;
  durationUnits: ReadonlyMap<string, number>;
  weightUnits: ReadonlyMap<string, number>;
}

export const compileAnswers = perLexicon((lexicon: Lexicon): CompiledAnswers => {
  const { yesNo, scores, answers } = lexicon;
  const units = scores.units.map((unit) => unit.replace(/[^a-z0-9*]/g, ''));
  const compiled: CompiledAnswers = {
    yesNo: {
      offer: compilePhraseSet<YesNoLabel>({ yes: yesNo.yes, no: yesNo.no, wholeYes: yesNo.wholeYes, wholeNo: yesNo.wholeNo, agree: yesNo.agree, decline: yesNo.decline, unsure: yesNo.unsure } as Record<YesNoLabel, string[]>, negationOf(lexicon)),
      symptom: compilePhraseSet<YesNoLabel>({ yes: [...yesNo.yes, ...yesNo.symptomYes], no: [...yesNo.no, ...yesNo.symptomNo], wholeYes: yesNo.wholeYes, wholeNo: yesNo.wholeNo, allClear: yesNo.allClear, unsure: yesNo.unsure } as Record<YesNoLabel, string[]>, negationOf(lexicon)),
    },
    questions: compilePhraseSet({ question: yesNo.questions }, negationOf(lexicon)),
    statements: compilePhraseSet({ statement: yesNo.statements }, negationOf(lexicon)),
    wording: compilePhraseSet({ wording: yesNo.wording }, negationOf(lexicon)),
    whatIf: compilePhraseSet({ whatIf: yesNo.whatIf }, negationOf(lexicon)),
    hedges: compilePhraseSet({ hedge: yesNo.hedges }, negationOf(lexicon)),
    softNo: compilePhraseSet({ softNo: yesNo.softNo }, negationOf(lexicon)),
    sensations: compilePhraseSet({ sensation: yesNo.sensations }, negationOf(lexicon)),
    admissions: compilePhraseSet({ admission: yesNo.admissions }, negationOf(lexicon)),
    lately: compilePhraseSet({ lately: yesNo.lately }, negationOf(lexicon)),
    gapDenials: new Set(yesNo.gapDenials),
    losses: compilePhraseSet({ loss: yesNo.losses }, negationOf(lexicon)),
    lossDenied: new Set(yesNo.lossDenied),
    wellness: compilePhraseSet({ wellness: yesNo.wellness }, negationOf(lexicon)),
    complaintsDenied: compilePhraseSet({ complaintDenied: yesNo.complaintsDenied }, negationOf(lexicon)),
    preambles: compilePhraseSet({ preamble: [...yesNo.preambles, ...yesNo.checks] }, negationOf(lexicon)),
    checks: compilePhraseSet({ check: yesNo.checks }, negationOf(lexicon)),
    describing: compilePhraseSet({ describing: yesNo.describing }, negationOf(lexicon)),
    partOnly: compilePhraseSet({ part: yesNo.partOnly }, negationOf(lexicon)),
    guesses: compilePhraseSet({ guess: yesNo.guesses }, negationOf(lexicon)),
    redescribed: compilePhraseSet({ redescribed: yesNo.redescribed }, negationOf(lexicon)),
    resolved: compilePhraseSet({ resolved: yesNo.resolved }, negationOf(lexicon)),
    wellWords: new Set(yesNo.wellWords),
    longstanding: compilePhraseSet({ longstanding: yesNo.longstanding }, negationOf(lexicon)),
    recent: compilePhraseSet({ recent: yesNo.recent }, negationOf(lexicon)),
    allClearLimits: compilePhraseSet({ limit: yesNo.allClearLimits }, negationOf(lexicon)),
    changeTold: compilePhraseSet({ change: yesNo.changeTold }, negationOf(lexicon)),
    explanations: compilePhraseSet({ explanation: yesNo.explanations }, negationOf(lexicon)),
    exceptions: compilePhraseSet({ exception: yesNo.exceptions }, negationOf(lexicon)),
    explainedSigns: compilePhraseSet({ sign: yesNo.explainedSigns }, negationOf(lexicon)),
    contrastWords: new Set(yesNo.contrast),
    particles: new Set(yesNo.particles),
    offerTail: new Set(yesNo.offerTail),
    elaborations: compilePhraseSet({ elaboration: yesNo.elaborations }, negationOf(lexicon)),
    correctionWords: new Set(yesNo.corrections),
    conclusionWords: new Set(yesNo.conclusions),
    fillers: compilePhraseSet({ filler: yesNo.fillers }, negationOf(lexicon)),
    fillerWords: new Set(yesNo.fillers.filter((filler) => /^[a-z]+$/.test(filler))),
    approximate: compilePhraseSet({ approximate: scores.approximate }, negationOf(lexicon)),
    approximateWords: new Set(scores.approximate.filter((word) => /^[a-z]+$/.test(word))),
    notScore: compilePhraseSet({ notScore: scores.notScore }, negationOf(lexicon)),
    zero: compilePhraseSet({ zero: scores.zero }, negationOf(lexicon)),
    unknownAmount: compilePhraseSet({ unknown: answers.units.unknown }, negationOf(lexicon)),
    scoreUnits: new Set(units.filter((unit) => !unit.endsWith('*'))),
    scoreUnitPrefixes: units.filter((unit) => unit.endsWith('*')).map((unit) => unit.slice(0, -1)),
    textSpeak: new Map(Object.entries(answers.numbers.textSpeak)),
    carer: new Set(answers.body.carer),
    correct: compileWordCorrector(answerVocabulary(lexicon), lexicon.englishWords ?? new Set<string>()),
    durationUnits: new Map(answers.units.durations.flatMap(({ days, words }) => words.map((word) => [word, days] as const))),
    weightUnits: new Map(answers.units.weights.flatMap(({ kg, words }) => words.map((word) => [word, kg] as const))),
  };
  return compiled;
});

export const isScoreUnit = (word: string, compiled: CompiledAnswers) =>
  compiled.scoreUnits.has(word) || compiled.scoreUnitPrefixes.some((prefix) => word.startsWith(prefix));

/** The message as the phrase readers see it: text-speak spelled out, typing slips corrected and, for answers about the body, a carer's "his" or "her" as "my". */
export function answerText(text: string, compiled: CompiledAnswers, body = false): string {
  const spelled = spelledOut(text, compiled.textSpeak).replace(/[A-Za-z]+(?:['\u2019][A-Za-z]+)*/g, (word) => {
    const lower = word.toLowerCase();
    // Contractions ("wouldn't") are whole words, and "coudnt", "shoudnt" (a negative typed without
    // its apostrophe) are never corrected away from their "not".
    if (lower.length < 5 || /['\u2019]/.test(lower) || lower.endsWith('nt')) return word;
    const corrected = compiled.correct(lower);
    return corrected === lower ? word : corrected;
  });
  return body ? asOwnBody(spelled, compiled.carer) : spelled;
}

/** Every word the answer lexicon is written with: what a typing slip is corrected towards. */
function answerVocabulary(lexicon: Lexicon): Set<string> {
  const { yesNo, scores, regions, movement, direction, answers } = lexicon;
  const phrases: string[] = [
    ...Object.values(yesNo).flatMap((value) => (Array.isArray(value) ? value : [])),
    ...scores.zero, ...scores.approximate, ...scores.notScore, ...Object.keys(scores.numbers),
    ...Object.values(regions).flat(), ...Object.values(movement).flat(),
    ...direction.distance.flatMap((entry) => entry.parts), ...direction.moves, ...direction.toward, ...direction.away, ...direction.easing, ...direction.worsening, ...direction.local, ...direction.fine,
    ...Object.values(answers.body.reach).flat(), ...Object.values(answers.body.sides).flat(),
    ...answers.onset.fixed.flatMap((entry) => entry.phrases), ...Object.values(answers.onset.weekdays).flat(), ...Object.values(answers.onset.months).flat(), ...Object.keys(answers.onset.seasons), ...answers.onset.long,
    ...Object.values(answers.surgery.kinds).flat(), ...answers.surgery.none, ...answers.surgery.planned,
    ...answers.units.durations.flatMap((entry) => entry.words), ...answers.units.weights.flatMap((entry) => entry.words), ...answers.units.unknown,
    ...Object.keys(answers.numbers.units), ...Object.keys(answers.numbers.teens), ...Object.keys(answers.numbers.tens),
  ];
  return new Set(phrases.flatMap((phrase) => phrase.toLowerCase().split(/[^a-z]+/)).filter((word) => word.length >= 4));
}
