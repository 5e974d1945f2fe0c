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
  /** Things too vague to be another thing told apart ("but I've had some trouble"). */
  vagueThings: ReadonlySet<string>;
  losses: PhraseSet<'loss'>;
  lossDenied: ReadonlySet<string>;
  wellness: PhraseSet<'wellness'>;
  complaintsDenied: PhraseSet<'complaintDenied'>;
  preambles: PhraseSet<'preamble'>;
  wellWords: ReadonlySet<string>;
  doubtLeadIns: ReadonlySet<string>;
  conditions: PhraseSet<'condition'>;
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
  novelty: PhraseSet<'novelty'>;
  notChange: PhraseSet<'notChange'>;
  resolved: PhraseSet<'resolved'>;
  exceptions: PhraseSet<'exception'>;
  explainedSigns: PhraseSet<'sign'>;
  contrastWords: ReadonlySet<string>;
  particles: ReadonlySet<string>;
  offerTail: ReadonlySet<string>;
  elaborations: PhraseSet<'elaboration'>;
  correctionWords: ReadonlySet<string>;
  conclusionWords: ReadonlySet<string>;
  /** Words that may open an offer's last clause of agreement ("but otherwise ready to go"). */
  finalLeadIns: ReadonlySet<string>;
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
  /** Punctuation said aloud ("comma", "full stop"), as one pattern, and the mark each stands for. */
  dictated: { pattern: RegExp; marks: ReadonlyMap<string, string> } | undefined;
  /** Possessives a carer uses for the patient's body (body.yaml `carer`). */
  carer: ReadonlySet<string>;
  /** A typing slip towards a word the answer lexicon uses ("lowwer" is "lower", "yesturday" "yesterday"). */
  correct: WordCorrector;
  durationUnits: ReadonlyMap<string, number>;
  /** Words after a unit of time that make it a kind of care ("a day case"), not an amount. */
  notDuration: ReadonlySet<string>;
  weightUnits: ReadonlyMap<string, number>;
  /** Words naming someone else before an age said of them ("my husband is 65"), surgery.yaml `others`. */
  ageOthers: ReadonlySet<string>;
  /** The writer's own words beside another's age ("like mine"), surgery.yaml `writerOwn`. */
  writerOwn: ReadonlySet<string>;
}

export const compileAnswers = perLexicon((lexicon: Lexicon): CompiledAnswers => {
  const { yesNo, scores, answers } = lexicon;
  const units = scores.units.map((unit) => unit.replace(/[^a-z0-9*]/g, ''));
  // Every phrase set of the answers reads its phrases in context with the lexicon's one set of context rules.
  const negation = negationOf(lexicon);
  const phrases = <L extends string>(lists: Record<L, readonly string[]>): PhraseSet<L> => compilePhraseSet(lists, negation);
  const compiled: CompiledAnswers = {
    yesNo: {
      offer: phrases<YesNoLabel>({ yes: yesNo.yes, no: yesNo.no, wholeYes: yesNo.wholeYes, wholeNo: yesNo.wholeNo, agree: yesNo.agree, decline: yesNo.decline, unsure: yesNo.unsure } as Record<YesNoLabel, string[]>),
      symptom: phrases<YesNoLabel>({ yes: [...yesNo.yes, ...yesNo.symptomYes], no: [...yesNo.no, ...yesNo.symptomNo], wholeYes: yesNo.wholeYes, wholeNo: yesNo.wholeNo, allClear: yesNo.allClear, unsure: yesNo.unsure } as Record<YesNoLabel, string[]>),
    },
    questions: phrases({ question: yesNo.questions }),
    statements: phrases({ statement: yesNo.statements }),
    wording: phrases({ wording: yesNo.wording }),
    whatIf: phrases({ whatIf: yesNo.whatIf }),
    hedges: phrases({ hedge: yesNo.hedges }),
    softNo: phrases({ softNo: yesNo.softNo }),
    sensations: phrases({ sensation: yesNo.sensations }),
    admissions: phrases({ admission: yesNo.admissions }),
    lately: phrases({ lately: yesNo.lately }),
    gapDenials: new Set(yesNo.gapDenials),
    vagueThings: new Set(yesNo.vagueThings),
    losses: phrases({ loss: yesNo.losses }),
    lossDenied: new Set(yesNo.lossDenied),
    wellness: phrases({ wellness: yesNo.wellness }),
    complaintsDenied: phrases({ complaintDenied: yesNo.complaintsDenied }),
    preambles: phrases({ preamble: [...yesNo.preambles, ...yesNo.checks] }),
    checks: phrases({ check: yesNo.checks }),
    describing: phrases({ describing: yesNo.describing }),
    partOnly: phrases({ part: yesNo.partOnly }),
    guesses: phrases({ guess: yesNo.guesses }),
    redescribed: phrases({ redescribed: yesNo.redescribed }),
    novelty: phrases({ novelty: yesNo.novelty }),
    notChange: phrases({ notChange: yesNo.notChange }),
    resolved: phrases({ resolved: yesNo.resolved }),
    wellWords: new Set(yesNo.wellWords),
    doubtLeadIns: new Set(yesNo.doubtLeadIns),
    conditions: phrases({ condition: yesNo.conditions }),
    longstanding: phrases({ longstanding: yesNo.longstanding }),
    recent: phrases({ recent: yesNo.recent }),
    allClearLimits: phrases({ limit: yesNo.allClearLimits }),
    changeTold: phrases({ change: yesNo.changeTold }),
    explanations: phrases({ explanation: yesNo.explanations }),
    exceptions: phrases({ exception: yesNo.exceptions }),
    explainedSigns: phrases({ sign: yesNo.explainedSigns }),
    contrastWords: new Set(yesNo.contrast),
    particles: new Set(yesNo.particles),
    offerTail: new Set(yesNo.offerTail),
    elaborations: phrases({ elaboration: yesNo.elaborations }),
    correctionWords: new Set(yesNo.corrections),
    conclusionWords: new Set(yesNo.conclusions),
    finalLeadIns: new Set(yesNo.finalLeadIns),
    fillers: phrases({ filler: yesNo.fillers }),
    fillerWords: new Set(yesNo.fillers.filter((filler) => /^[a-z]+$/.test(filler))),
    approximate: phrases({ approximate: scores.approximate }),
    approximateWords: new Set(scores.approximate.filter((word) => /^[a-z]+$/.test(word))),
    notScore: phrases({ notScore: scores.notScore }),
    zero: phrases({ zero: scores.zero }),
    unknownAmount: phrases({ unknown: answers.units.unknown }),
    scoreUnits: new Set(units.filter((unit) => !unit.endsWith('*'))),
    scoreUnitPrefixes: units.filter((unit) => unit.endsWith('*')).map((unit) => unit.slice(0, -1)),
    textSpeak: new Map(Object.entries(answers.numbers.textSpeak)),
    dictated: dictatedMarks(answers.numbers.dictated),
    carer: new Set(answers.body.carer),
    correct: compileWordCorrector(answerVocabulary(lexicon), lexicon.englishWords ?? new Set<string>()),
    durationUnits: new Map(answers.units.durations.flatMap(({ days, words }) => words.map((word) => [word, days] as const))),
    notDuration: new Set(answers.units.notDuration),
    weightUnits: new Map(answers.units.weights.flatMap(({ kg, words }) => words.map((word) => [word, kg] as const))),
    ageOthers: new Set(answers.surgery.others),
    writerOwn: new Set(answers.surgery.writerOwn),
  };
  return compiled;
});

export const isScoreUnit = (word: string, compiled: CompiledAnswers) =>
  compiled.scoreUnits.has(word) || compiled.scoreUnitPrefixes.some((prefix) => word.startsWith(prefix));

/** One pattern for the punctuation said aloud, longest first ("full stop" before "stop" would be none). */
function dictatedMarks(dictated: Record<string, string>): CompiledAnswers['dictated'] {
  const words = Object.keys(dictated).sort((a, b) => b.length - a.length);
  if (words.length === 0) return undefined;
  return { pattern: new RegExp(`\\b(?:${words.map((w) => w.replace(/ /g, '\\s+')).join('|')})\\b`, 'gi'), marks: new Map(Object.entries(dictated)) };
}

/** An emoji between words ("Agreed 👍 lets crack on") ends a thought as a comma does. */
const EMOJI_RUN = /\s*\p{Extended_Pictographic}[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f]*\s*/gu;

/** Punctuation said aloud, and emoji between words, as the marks they stand for. */
function punctuated(text: string, compiled: CompiledAnswers): string {
  const { dictated } = compiled;
  const marked = dictated ? text.replace(dictated.pattern, (said) => dictated.marks.get(said.toLowerCase().replace(/\s+/g, ' ')) ?? said) : text;
  return /\p{Extended_Pictographic}/u.test(marked) ? marked.replace(EMOJI_RUN, ', ').replace(/^[\s,]+|[\s,]+$/g, '') : marked;
}

/** The message as the phrase readers see it: punctuation said aloud and emoji as marks, text-speak spelled out, typing slips corrected and, for answers about the body, a carer's "his" or "her" as "my". */
export function answerText(text: string, compiled: CompiledAnswers, body = false): string {
  const spelled = spelledOut(punctuated(text, compiled), compiled.textSpeak).replace(/[A-Za-z]+(?:['\u2019][A-Za-z]+)*/g, (word) => {
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
