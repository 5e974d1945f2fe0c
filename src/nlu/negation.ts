/**
 * Decides whether a matched phrase is affirmed, denied, or about someone else, using the
 * scopes of negationRules.ts. Works on token spans; knows nothing about red flags.
 */
import type { Span } from './matcher.ts';
import type { NegationRules } from './negationRules.ts';
import { phraseWords, SENTENCE_BOUNDARY, type Token } from './normalise.ts';

export type SpanContext = 'affirmed' | 'negated' | 'someone-else' | 'hypothetical' | 'resolved';

export interface AfterTrigger { words: string[]; endsSentence: boolean; onlyInPast?: boolean }

export interface CompiledNegation {
  /** The words this file and mention.ts test one by one (context.yaml, after the phrase lists). */
  exampleOpeners: ReadonlySet<string>;
  clauseJoins: ReadonlySet<string>;
  sensesLost: ReadonlySet<string>;
  symptomFeelings: ReadonlySet<string>;
  recoveryToNow: ReadonlySet<string>;
  contrastsBeforeNowAgain: ReadonlySet<string>;
  gaveWayBetween: ReadonlySet<string>;
  limbOpeners: ReadonlySet<string>;
  theyWords: ReadonlySet<string>;
  pronouns: ReadonlySet<string>;
  /** The warning-sign detector's word classes (context.yaml, its last part). */
  clauseOpenersAfterJoin: ReadonlySet<string>;
  inabilityBefore: ReadonlySet<string>;
  inabilityTail: ReadonlySet<string>;
  clauseBreakWords: ReadonlySet<string>;
  clauseJoiningWords: ReadonlySet<string>;
  fragmentAllClear: ReadonlySet<string>;
  fragmentDegree: ReadonlySet<string>;
  believedAtFirst: ReadonlySet<string>;
  causeDeniedBefore: ReadonlySet<string>;
  /** "we": a sign told of "we" leaves whose it is open (context.yaml `sharedSubjects`). */
  sharedSubjects: ReadonlySet<string>;
  sharedNotSubjectAfter: ReadonlySet<string>;
  sharedActs: string[][];
  questionOpenersAfterComma: ReadonlySet<string>;
  stoppedHindered: ReadonlySet<string>;
  anaphoricOpeners: ReadonlySet<string>;
  bodyGone: ReadonlySet<string>;
  wellDeniedBefore: ReadonlySet<string>;
  inability: ReadonlySet<string>;
  fineInSpan: ReadonlySet<string>;
  stativeVerbs: ReadonlySet<string>;
  contrastsEndingDenial: ReadonlySet<string>;
  sideOpeners: ReadonlySet<string>;
  minimisingSubjects: ReadonlySet<string>;
  subjects: ReadonlySet<string>;
  notConsequentBefore: ReadonlySet<string>;
  notConsequentAfter: ReadonlySet<string>;
  everydayActions: ReadonlySet<string>;
  questionOpeners: ReadonlySet<string>;
  ownStatementOpeners: ReadonlySet<string>;
  before: string[][];
  beforeByLast: Map<string, string[][]>;
  /** For the answer parsers: the denials and the old hypothetical frames, which they read as denials. */
  parserBeforeByLast: Map<string, string[][]>;
  hypothetical: string[][];
  /** The hypothetical triggers by their last word: they are matched ending at a word. */
  hypotheticalByLast: Map<string, string[][]>;
  hypotheticalAtStart: Set<string>;
  fearOfFuture: Set<string>;
  fearIs: Set<string>;
  hypotheticalInClause: string[][];
  stillNowHere: string[][];
  futureModals: Set<string>;
  generalQuestion: string[][];
  hypotheticalAfter: string[][];
  surprisedAfter: string[][];
  conditional: string[][];
  pastHabit: string[][];
  pastHabitTurns: string[][];
  ageThen: string[][];
  reportedSaying: string[][];
  generalAfter: string[][];
  asker: string[][];
  affirmedNext: string[][];
  askingAbout: string[][];
  affirmedLater: string[][];
  notHypotheticalIf: string[][];
  presupposedCause: string[][];
  resolvedAfter: AfterTrigger[];
  carerMarkers: string[][];
  hearsay: string[][];
  generic: string[][];
  resolvedMarkers: AfterTrigger[];
  longAgo: string[][];
  longStanding: string[][];
  sinceBirth: Set<string>;
  /** `stillNow` without "since", which a birth's own "since" would always meet. */
  stillNowBesidesSince: string[][];
  echoAnsweredNo: string[][];
  echoTurns: string[][];
  negativeQuestion: Set<string>;
  stillNow: string[][];
  pastMarkers: string[][];
  episodeMarkers: string[][];
  resolvedReach: number;
  notOver: Set<string>;
  singleWordBefore: Set<string>;
  after: AfterTrigger[];
  pseudo: string[][];
  terminators: Set<string>;
  clauseStarters: Set<string>;
  conjunctions: Set<string>;
  listWords: Set<string>;
  otherPeople: Set<string>;
  neverThePatient: Set<string>;
  youngChild: string[][];
  personThrough: Set<string>;
  proVerbAnswers: Set<string>;
  runOnSubjects: Set<string>;
  newSinceLongAgo: string[][];
  subjectLeadIns: Set<string>;
  goneAuxiliaries: Set<string>;
  firstPerson: Set<string>;
  besideMe: Set<string>;
  placeBeforeMy: Set<string>;
  acquaintances: Set<string>;
  writingFor: string[][];
  writingAbout: string[][];
  selfApart: AfterTrigger[];
  notMe: string[][];
  unclearWho: string[][];
  ownCase: string[][];
  ownCaseAlone: string[][];
  overNext: string[][];
  overNextUnlessLoss: string[][];
  episodeCounted: string[][];
  overOpeners: Set<string>;
  resolvedUnlessLoss: AfterTrigger[];
  resolvedIfLoss: AfterTrigger[];
  absenceAfter: AfterTrigger[];
  feelingBack: AfterTrigger[];
  feelingWords: Set<string>;
  datedPast: string[][];
  symptomNamed: Set<string>;
  lossInSign: Set<string>;
  restIsFine: Set<string>;
  goesOn: Set<string>;
  limbs: Set<string>;
  lostWhenGone: Set<string>;
  resolvedAnywhere: string[][];
  resolvedAnywhereUnlessLoss: string[][];
  lookedAt: string[][];
  stillGoing: Set<string>;
  notNew: string[][];
  newNow: Set<string>;
  pastForNext: Set<string>;
  deniedLater: string[][];
  deniedLaterTail: Set<string>;
  wellAfter: Set<string>;
  someoneElsesView: Set<string>;
  sharedWithMe: string[][];
  feelingAbout: string[][];
  feelingDegree: Set<string>;
  sides: Set<string>;
  pairWords: Set<string>;
  beforeReach: number;
  afterReach: number;
}

function byLastWord(phrases: string[][]): Map<string, string[][]> {
  const map = new Map<string, string[][]>();
  for (const words of phrases) {
    const last = words[words.length - 1] ?? '';
    map.set(last, [...(map.get(last) ?? []), words]);
  }
  return map;
}


/**
 * Every word the context rules read ("neither", "chance", "though"), and the words this file and
 * mention.ts test directly. The spelling corrector must never rewrite them: "neither" corrected to
 * "nether" loses a denial, "chance" corrected to "change" loses a "what if".
 */
/** The single-word lists other than these five were never kept from correction by this list (mention.ts hands in its own: `mentionWordsOf`); they still are not. */
const READ_ONE_BY_ONE = new Set<string>(['contrastsEndingDenial', 'sideOpeners', 'minimisingSubjects', 'subjects', 'notConsequentBefore', 'notConsequentAfter', 'everydayActions', 'questionOpeners', 'ownStatementOpeners', 'exampleOpeners', 'clauseJoins', 'sensesLost', 'symptomFeelings', 'recoveryToNow', 'contrastsBeforeNowAgain', 'gaveWayBetween', 'limbOpeners', 'theyWords', 'pronouns', 'clauseOpenersAfterJoin', 'inabilityBefore', 'inabilityTail', 'clauseBreakWords', 'clauseJoiningWords', 'fragmentAllClear', 'fragmentDegree', 'believedAtFirst', 'causeDeniedBefore', 'sharedSubjects', 'sharedNotSubjectAfter', 'questionOpenersAfterComma', 'stoppedHindered', 'anaphoricOpeners']);
export function contextWordsOf(rules: NegationRules, extra: Iterable<string> = []): Set<string> {
  const words = new Set<string>([...rules.inability, ...rules.fineInSpan, ...rules.stativeVerbs, ...rules.bodyGone, ...rules.wellDeniedBefore, ...extra]);
  for (const [name, value] of Object.entries(rules)) {
    if (!Array.isArray(value) || READ_ONE_BY_ONE.has(name)) continue;
    for (const phrase of value as string[]) for (const word of phraseWords(phrase.replace(/\$$/, ''))) words.add(word);
  }
  return words;
}

export function compileNegation(rules: NegationRules): CompiledNegation {
  const before = rules.before.map(phraseWords);
  const afterTrigger = (text: string): AfterTrigger => ({ words: phraseWords(text.replace(/\$$/, '')), endsSentence: text.endsWith('$') });
  return {
    before,
    beforeByLast: byLastWord(before),
    parserBeforeByLast: byLastWord([...before, ...rules.parserHypothetical.map(phraseWords)]),
    hypothetical: rules.hypothetical.map(phraseWords),
    hypotheticalByLast: byLastWord(rules.hypothetical.map(phraseWords)),
    hypotheticalAtStart: new Set(rules.hypotheticalAtStart),
    fearOfFuture: new Set(rules.fearOfFuture),
    fearIs: new Set(rules.fearIs),
    hypotheticalInClause: rules.hypotheticalInClause.map(phraseWords),
    stillNowHere: rules.stillNowHere.map(phraseWords),
    futureModals: new Set(rules.futureModals),
    generalQuestion: rules.generalQuestion.map(phraseWords),
    hypotheticalAfter: rules.hypotheticalAfter.map(phraseWords),
    surprisedAfter: rules.surprisedAfter.map(phraseWords),
    conditional: rules.conditional.map(phraseWords),
    pastHabit: rules.pastHabit.map(phraseWords),
    pastHabitTurns: rules.pastHabitTurns.map(phraseWords),
    ageThen: rules.ageThen.map(phraseWords),
    reportedSaying: rules.reportedSaying.map(phraseWords),
    generalAfter: rules.generalAfter.map(phraseWords),
    asker: rules.asker.map(phraseWords),
    affirmedNext: rules.affirmedNext.map(phraseWords),
    askingAbout: rules.askingAbout.map(phraseWords),
    affirmedLater: rules.affirmedLater.map(phraseWords),
    notHypotheticalIf: rules.notHypotheticalIf.map(phraseWords),
    presupposedCause: rules.presupposedCause.map(phraseWords),
    resolvedAfter: rules.resolvedAfter.map(afterTrigger),
    carerMarkers: rules.carerMarkers.map(phraseWords),
    hearsay: rules.hearsay.map(phraseWords),
    generic: rules.generic.map(phraseWords),
    resolvedMarkers: [...rules.resolvedMarkers.map(afterTrigger), ...rules.resolvedMarkersInPast.map((text) => ({ ...afterTrigger(text), onlyInPast: true }))],
    pastMarkers: rules.pastMarkers.map(phraseWords),
    episodeMarkers: rules.episodeMarkers.map(phraseWords),
    longAgo: rules.longAgo.map(phraseWords),
    longStanding: rules.longStanding.map(phraseWords),
    sinceBirth: new Set(rules.sinceBirth),
    stillNowBesidesSince: rules.stillNow.filter((phrase) => phrase !== 'since').map(phraseWords),
    echoAnsweredNo: rules.echoAnsweredNo.map(phraseWords),
    echoTurns: rules.echoTurns.map(phraseWords),
    negativeQuestion: new Set(rules.negativeQuestion),
    stillNow: rules.stillNow.map(phraseWords),
    resolvedReach: rules.resolvedReach,
    notOver: new Set(rules.notOver),
    singleWordBefore: new Set(before.filter((words) => words.length === 1).map((words) => words[0] ?? '')),
    after: rules.after.map(afterTrigger),
    pseudo: rules.pseudo.map(phraseWords),
    terminators: new Set(rules.terminators),
    clauseStarters: new Set(rules.clauseStarters),
    conjunctions: new Set(rules.conjunctions),
    listWords: new Set(rules.listWords),
    otherPeople: new Set(rules.otherPeople),
    neverThePatient: new Set(rules.neverThePatient),
    youngChild: rules.youngChild.map(phraseWords),
    personThrough: new Set(rules.personThrough),
    proVerbAnswers: new Set(rules.proVerbAnswers),
    runOnSubjects: new Set(rules.runOnSubjects),
    newSinceLongAgo: rules.newSinceLongAgo.map(phraseWords),
    subjectLeadIns: new Set(rules.subjectLeadIns),
    goneAuxiliaries: new Set(rules.goneAuxiliaries),
    firstPerson: new Set(rules.firstPerson),
    besideMe: new Set(rules.besideMe),
    placeBeforeMy: new Set(rules.placeBeforeMy),
    acquaintances: new Set(rules.acquaintances),
    writingFor: rules.writingFor.map(phraseWords),
    writingAbout: rules.writingAbout.map(phraseWords),
    selfApart: rules.selfApart.map(afterTrigger),
    notMe: rules.notMe.map(phraseWords),
    unclearWho: rules.unclearWho.map(phraseWords),
    ownCase: rules.ownCase.map(phraseWords),
    ownCaseAlone: rules.ownCaseAlone.map(phraseWords),
    overNext: rules.overNext.map(phraseWords),
    overNextUnlessLoss: rules.overNextUnlessLoss.map(phraseWords),
    episodeCounted: rules.episodeCounted.map(phraseWords),
    overOpeners: new Set(rules.overOpeners),
    resolvedUnlessLoss: rules.resolvedUnlessLoss.map(afterTrigger),
    resolvedIfLoss: rules.resolvedIfLoss.map(afterTrigger),
    absenceAfter: rules.absenceAfter.map(afterTrigger),
    feelingBack: rules.feelingBack.map(afterTrigger),
    feelingWords: new Set(rules.feelingWords),
    datedPast: rules.datedPast.map(phraseWords),
    symptomNamed: new Set(rules.symptomNamed),
    lossInSign: new Set(rules.lossInSign),
    restIsFine: new Set(rules.restIsFine),
    goesOn: new Set(rules.goesOn),
    limbs: new Set(rules.limbs),
    lostWhenGone: new Set(rules.lostWhenGone),
    resolvedAnywhere: rules.resolvedAnywhere.map(phraseWords),
    resolvedAnywhereUnlessLoss: rules.resolvedAnywhereUnlessLoss.map(phraseWords),
    lookedAt: rules.lookedAt.map(phraseWords),
    stillGoing: new Set(rules.stillGoing),
    notNew: rules.notNew.map(phraseWords),
    newNow: new Set(rules.newNow),
    pastForNext: new Set(rules.pastForNext),
    deniedLater: rules.deniedLater.map(phraseWords),
    deniedLaterTail: new Set(rules.deniedLaterTail),
    wellAfter: new Set(rules.wellAfter),
    someoneElsesView: new Set(rules.someoneElsesView),
    sharedWithMe: rules.sharedWithMe.map(phraseWords),
    feelingAbout: rules.feelingAbout.map(phraseWords),
    feelingDegree: new Set(rules.feelingDegree),
    sides: new Set(rules.sides),
    pairWords: new Set(rules.pairWords),
    beforeReach: rules.beforeReach,
    afterReach: rules.afterReach,
    bodyGone: new Set(rules.bodyGone),
    wellDeniedBefore: new Set(rules.wellDeniedBefore),
    inability: new Set(rules.inability),
    fineInSpan: new Set(rules.fineInSpan),
    stativeVerbs: new Set(rules.stativeVerbs),
    contrastsEndingDenial: new Set(rules.contrastsEndingDenial),
    sideOpeners: new Set(rules.sideOpeners),
    minimisingSubjects: new Set(rules.minimisingSubjects),
    subjects: new Set(rules.subjects),
    notConsequentBefore: new Set(rules.notConsequentBefore),
    notConsequentAfter: new Set(rules.notConsequentAfter),
    everydayActions: new Set(rules.everydayActions),
    questionOpeners: new Set(rules.questionOpeners),
    ownStatementOpeners: new Set(rules.ownStatementOpeners),
    exampleOpeners: new Set(rules.exampleOpeners),
    clauseJoins: new Set(rules.clauseJoins),
    sensesLost: new Set(rules.sensesLost),
    symptomFeelings: new Set(rules.symptomFeelings),
    recoveryToNow: new Set(rules.recoveryToNow),
    contrastsBeforeNowAgain: new Set(rules.contrastsBeforeNowAgain),
    gaveWayBetween: new Set(rules.gaveWayBetween),
    limbOpeners: new Set(rules.limbOpeners),
    theyWords: new Set(rules.theyWords),
    pronouns: new Set(rules.pronouns),
    clauseOpenersAfterJoin: new Set(rules.clauseOpenersAfterJoin),
    inabilityBefore: new Set(rules.inabilityBefore),
    inabilityTail: new Set(rules.inabilityTail),
    clauseBreakWords: new Set(rules.clauseBreakWords),
    clauseJoiningWords: new Set(rules.clauseJoiningWords),
    fragmentAllClear: new Set(rules.fragmentAllClear),
    fragmentDegree: new Set(rules.fragmentDegree),
    believedAtFirst: new Set(rules.believedAtFirst),
    causeDeniedBefore: new Set(rules.causeDeniedBefore),
    sharedSubjects: new Set(rules.sharedSubjects),
    sharedNotSubjectAfter: new Set(rules.sharedNotSubjectAfter),
    sharedActs: rules.sharedActs.map(phraseWords),
    questionOpenersAfterComma: new Set(rules.questionOpenersAfterComma),
    stoppedHindered: new Set(rules.stoppedHindered),
    anaphoricOpeners: new Set(rules.anaphoricOpeners),
  };
}

function sequenceAt(tokens: Token[], index: number, words: string[]): boolean {
  if (index < 0 || index + words.length > tokens.length) return false;
  // A plain loop: this runs for every trigger word of every match's sentence.
  for (let offset = 0; offset < words.length; offset += 1) if (tokens[index + offset]!.word !== words[offset]) return false;
  return true;
}

/**
 * The items of a list (phrases, or markers by their words) that can start at a word: those whose
 * first word it is, and any with no words (which start anywhere), in the list's order. A loop
 * over a sentence then tries the few that can match at each word, not the whole list (most of
 * them fail on their first word, and these loops run for every match read).
 */
interface StartingWith<T> {
  byWord: Map<string, T[]>;
  /** The items with no words: what every other word can start. */
  empty: T[];
}
const startingWithOf = new WeakMap<readonly object[], StartingWith<object>>();
/**
 * The last two lists asked for, with their indexes: the loops over a sentence ask for the same one
 * or two lists at every word (hundreds of times a message), and this skips the WeakMap for them.
 */
let latestList: readonly object[] | undefined;
let latestIndex: StartingWith<object> | undefined;
let earlierList: readonly object[] | undefined;
let earlierIndex: StartingWith<object> | undefined;
export function startingWith<T extends object>(list: readonly T[], wordsOf: (item: T) => readonly string[], word: string): readonly T[] {
  let index = (list === latestList ? latestIndex : list === earlierList ? earlierIndex : startingWithOf.get(list)) as StartingWith<T> | undefined;
  if (index !== undefined && list !== latestList) {
    earlierList = latestList;
    earlierIndex = latestIndex;
    latestList = list;
    latestIndex = index as StartingWith<object>;
  }
  if (index === undefined) {
    const built: StartingWith<T> = { byWord: new Map(), empty: list.filter((item) => wordsOf(item).length === 0) };
    for (const item of list) {
      const first = wordsOf(item)[0];
      if (first !== undefined && !built.byWord.has(first)) built.byWord.set(first, list.filter((other) => wordsOf(other)[0] === first || wordsOf(other).length === 0));
    }
    startingWithOf.set(list, (index = built));
  }
  return index.byWord.get(word) ?? index.empty;
}
/** A phrase list's items are their own words. */
export const ownWords = (words: string[]): readonly string[] => words;

/** The first phrase of the list (in its order) that starts at `at`, or undefined. */
export function phraseAt(tokens: Token[], at: number, phrases: readonly string[][]): string[] | undefined {
  const starting = startingWith(phrases, ownWords, tokens[at]?.word ?? '');
  for (let k = 0; k < starting.length; k += 1) if (sequenceAt(tokens, at, starting[k]!)) return starting[k];
  return undefined;
}

/** Each pseudo-negation under every word it contains, with that word's place in it. */
const pseudoByWord = new WeakMap<string[][], Map<string, Array<{ pseudo: string[]; offset: number }>>>();
function pseudoIndex(pseudos: string[][]): Map<string, Array<{ pseudo: string[]; offset: number }>> {
  let index = pseudoByWord.get(pseudos);
  if (index === undefined) {
    index = new Map();
    for (const pseudo of pseudos) pseudo.forEach((word, offset) => index!.set(word, [...(index!.get(word) ?? []), { pseudo, offset }]));
    pseudoByWord.set(pseudos, index);
  }
  return index;
}

function coveredByPseudo(tokens: Token[], index: number, rules: CompiledNegation): boolean {
  const word = tokens[index]?.word;
  if (word === undefined) return false;
  // Only the pseudo-negations holding this word can cover it.
  const candidates = pseudoIndex(rules.pseudo).get(word);
  return candidates !== undefined && candidates.some(({ pseudo, offset }) => sequenceAt(tokens, index - offset, pseudo));
}

/** The comma segment starting at `index` (up to the next comma or sentence end) holds a list word. */
function segmentIsList(tokens: Token[], index: number, rules: CompiledNegation): boolean {
  for (let i = index; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (token === undefined || token.word === SENTENCE_BOUNDARY || (i > index && token.afterComma)) return false;
    if (rules.listWords.has(token.word)) return true;
  }
  return false;
}

function isClauseBreakBefore(tokens: Token[], index: number, rules: CompiledNegation): boolean {
  const token = tokens[index];
  const previous = tokens[index - 1];
  if (token === undefined || previous === undefined) return false;
  if (token.afterComma && !segmentIsList(tokens, index, rules)) return true;
  return rules.clauseStarters.has(token.word) && (token.afterComma || rules.conjunctions.has(previous.word));
}

/** The writer's own "I", "my" or "me": not the "me" of "the guy in the bed next to me", nor the "my" of "a chap at my group". */
export function hasOwnFirstPerson(tokens: Token[], from: number, to: number, rules: CompiledNegation): boolean {
  for (let i = from; i <= to; i += 1) {
    const word = tokens[i]?.word ?? '';
    if (!rules.firstPerson.has(word)) continue;
    if (word === 'me' && rules.besideMe.has(tokens[i - 1]?.word ?? '')) continue;
    // "a chap at my support group keeps falling": where the person is from, not the writer's own
    if (word === 'my' && rules.placeBeforeMy.has(tokens[i - 1]?.word ?? '')) continue;
    return true;
  }
  return false;
}

/** Looks back from the phrase for a denial or another person, stopping at the first clause break. */
function contextBefore(tokens: Token[], span: Span, rules: CompiledNegation, denials: Map<string, string[][]>): SpanContext {
  let reach = 0;
  // Past "still" a denial no longer reaches ("no pain still numb"), but the person it is said of does: "my son still wets the bed"
  let personOnly = false;
  for (let j = span.start - 1; j >= 0 && reach < rules.beforeReach; j -= 1) {
    const token = tokens[j];
    if (token === undefined || token.word === SENTENCE_BOUNDARY) break;
    if (isClauseBreakBefore(tokens, j + 1, rules)) {
      if (proVerbAnswerBefore(tokens, j, span.start, rules)) return 'someone-else';
      break;
    }
    if (runOnBreakBefore(tokens, j + 1, rules)) break;
    if (rules.terminators.has(token.word)) {
      if (!rules.personThrough.has(token.word)) break;
      personOnly = true;
      reach += 1;
      continue;
    }
    const denies = !personOnly && denials.get(token.word)?.some((words) => sequenceAt(tokens, j - words.length + 1, words)) === true;
    if (denies && !coveredByPseudo(tokens, j, rules)) return 'negated';
    if (rules.otherPeople.has(token.word) && !hasOwnFirstPerson(tokens, j + 1, span.start - 1, rules)) return 'someone-else';
    reach += 1;
  }
  return 'affirmed';
}

/**
 * A sentence typed without its stops ("i don't have much pain i can't feel when i wipe though"): a new "I" right
 * after a word that never leads one into its clause (not "that", "when", "think", "can") starts a clause of its
 * own, as after a comma, so a denial or a person before it does not reach the sign after it.
 */
function runOnBreakBefore(tokens: Token[], index: number, rules: CompiledNegation): boolean {
  const token = tokens[index];
  const previous = tokens[index - 1];
  if (token === undefined || previous === undefined || previous.word === SENTENCE_BOUNDARY) return false;
  return rules.runOnSubjects.has(token.word) && !rules.subjectLeadIns.has(previous.word);
}

/**
 * "No, but my mum did, breast cancer when she was 60": the clause before the comma ends on another person and a
 * verb standing for the sign ("did", "had"), and the sign after it, with no "I" or "my" of the writer's own before
 * it, names what that person had.
 */
function proVerbAnswerBefore(tokens: Token[], last: number, signStart: number, rules: CompiledNegation): boolean {
  if (!rules.proVerbAnswers.has(tokens[last]?.word ?? '')) return false;
  if (hasOwnFirstPerson(tokens, last + 1, signStart - 1, rules)) return false;
  for (let k = last - 1; k >= Math.max(0, last - 2); k -= 1) if (rules.otherPeople.has(tokens[k]?.word ?? '') && !rules.pronouns.has(tokens[k]?.word ?? '')) return true;
  return false;
}

/** A sign that ends on its verb, and the word after says all is well: "both legs are | fine", "both legs are | strong". */
function wellRightAfter(tokens: Token[], span: Span, rules: CompiledNegation, warningSign: boolean): boolean {
  // ("I cannot feel | normal", "it doesn't feel | right": the verb is denied, so the all-clear is too)
  if (rules.stativeVerbs.has(tokens[span.end]?.word ?? '') && rules.wellAfter.has(tokens[span.end + 1]?.word ?? '') && !rules.wellDeniedBefore.has(tokens[span.end - 1]?.word ?? '')) return true;
  // ... or the span itself ends so: "no the feeling's normal"
  // (the "'s" of "feeling's" is dropped by the tokeniser; "not as strong as normal" is no all-clear)
  // Only for a warning sign: a parser's own phrase may end on such a word ("rather not say if that's ok").
  if (warningSign && span.end > span.start && rules.wellAfter.has(tokens[span.end]?.word ?? '') && !rules.wellDeniedBefore.has(tokens[span.end - 1]?.word ?? '')) return true;
  // ... or in the span's gap, ending a clause: "both legs are strong, it's only the pain"
  // ("left inner thigh is fine, right one I can hardly feel": that all-clear is the other side's)
  return span.gapTokens.some((index) => rules.stativeVerbs.has(tokens[index - 1]?.word ?? '') && rules.wellAfter.has(tokens[index]?.word ?? '') && tokens[index + 1]?.afterComma === true && !otherSideAfterFine(tokens, span, index, rules));
}

/** A denial sitting in a `...` gap ("down there is not numb") denies the phrase. */
/** "could not", "won't": an inability or a refusal of the body, part of a disclosure ("at the loo I couldn't get anything to come out"). */

/** A telegraphic all-clear inside the span: "both legs fine, back sore" ("my bum was fine, now numb" tells a change). */
const saidFine = (tokens: Token[], index: number, rules: CompiledNegation) => rules.fineInSpan.has(tokens[index]?.word ?? '') && tokens[index + 1]?.afterComma === true && !rules.stativeVerbs.has(tokens[index - 1]?.word ?? '');

function negatedInsideGap(tokens: Token[], span: Span, rules: CompiledNegation): boolean {
  // a concept span has no gap of its own: "toe walking test, both legs fine, no weakness" holds its all-clear inside
  for (let index = span.start + 1; index < span.end; index += 1) if (saidFine(tokens, index, rules) && !otherSideAfterFine(tokens, span, index, rules)) return true;
  // ... and a denial after a contrast inside it: "it's sharp when I sneeze, but no leaking" ("but no feeling in my bum" is the sign: a pseudo-negation)
  if (span.gapTokens.length === 0) {
    for (let index = span.start + 1; index < span.end; index += 1) {
      if (rules.contrastsEndingDenial.has(tokens[index - 1]?.word ?? '') && rules.singleWordBefore.has(tokens[index]?.word ?? '') && !coveredByPseudo(tokens, index, rules)) return true;
    }
  }
  return span.gapTokens.some(
    (index) =>
      (rules.singleWordBefore.has(tokens[index]?.word ?? '') && !coveredByPseudo(tokens, index, rules) && !(tokens[index]?.word === 'not' && rules.inability.has(tokens[index - 1]?.word ?? '')) && !contrastAfter(tokens, span, index, rules)) ||
      (saidFine(tokens, index, rules) && !otherSideAfterFine(tokens, span, index, rules)),
  );
}

/** A contrast later in the span's gap ends the denial's reach: "my sex life isn't something to tell a computer but something's changed". */
function contrastAfter(tokens: Token[], span: Span, index: number, rules: CompiledNegation): boolean {
  return span.gapTokens.some((other) => other > index && rules.contrastsEndingDenial.has(tokens[other]?.word ?? ''));
}

/** Before a side: "the right", "my left", "and the other". */
/** A side named at `index`, perhaps after an opener or two ("the right", "and the left"). */
function sideAt(tokens: Token[], index: number, rules: CompiledNegation): boolean {
  for (let k = index; k <= index + 2; k += 1) {
    const word = tokens[k]?.word ?? '';
    if (rules.sides.has(word)) return true;
    if (!rules.sideOpeners.has(word) || (k > index && tokens[k]?.afterComma)) return false;
  }
  return false;
}
const aboutBoth = (tokens: Token[], span: Span, rules: CompiledNegation) => {
  for (let k = span.start; k <= span.end; k += 1) if (rules.pairWords.has(tokens[k]?.word ?? '')) return true;
  return false;
};

/**
 * A telegraphic all-clear of one side, and the sign on the other after its comma: "left inner thigh normal, right side I
 * barely feel it" (not for a sign of both: "both legs, left fine, ..." takes one back).
 */
function otherSideAfterFine(tokens: Token[], span: Span, fine: number, rules: CompiledNegation): boolean {
  if (aboutBoth(tokens, span, rules) || !sideAt(tokens, fine + 1, rules)) return false;
  for (let k = fine - 1; k >= Math.max(0, fine - 4) && tokens[k]?.word !== SENTENCE_BOUNDARY; k -= 1) {
    if (rules.sides.has(tokens[k]?.word ?? '')) return true;
    if (tokens[k]?.afterComma) break;
  }
  return false;
}


/** Triggers by their first word, so that each word after a phrase looks up only its own. */
const triggersByFirst = new WeakMap<AfterTrigger[], Map<string, AfterTrigger[]>>();
function byFirstWord(triggers: AfterTrigger[]): Map<string, AfterTrigger[]> {
  let index = triggersByFirst.get(triggers);
  if (index === undefined) {
    index = new Map();
    for (const trigger of triggers) {
      const first = trigger.words[0];
      if (first !== undefined) index.set(first, [...(index.get(first) ?? []), trigger]);
    }
    triggersByFirst.set(triggers, index);
  }
  return index;
}

function negatedAfter(tokens: Token[], span: Span, rules: CompiledNegation, triggers: AfterTrigger[] = rules.after): boolean {
  const byFirst = byFirstWord(triggers);
  for (let j = span.end + 1; j < tokens.length && j <= span.end + rules.afterReach; j += 1) {
    const word = tokens[j]?.word ?? SENTENCE_BOUNDARY;
    if (word === SENTENCE_BOUNDARY || rules.terminators.has(word)) return false;
    // "slight trouble starting to pee, it's fine really": a new clause that plays it down, not a denial
    if (tokens[j]?.afterComma && rules.minimisingSubjects.has(word)) return false;
    // "the left side of my bum feels like nothing, right is normal": the all-clear is the other side's
    if (tokens[j]?.afterComma && sideAt(tokens, j, rules) && !aboutBoth(tokens, span, rules)) return false;
    for (const trigger of byFirst.get(word) ?? []) {
      if (!sequenceAt(tokens, j, trigger.words)) continue;
      // "the first time my back has gone": a back that has gone gave way; it is not over
      if (triggers === rules.resolvedAfter && (rules.bodyGone.has(tokens[j - 1]?.word ?? '') || rules.lostWhenGone.has(tokens[j - 1]?.word ?? ''))) continue;
      // "the numbness has not gone away": still there
      if (triggers === rules.resolvedAfter && notOverBefore(tokens, j, span, rules)) continue;
      const next = tokens[j + trigger.words.length];
      // "couldn't feel the paper for a day, all fine again now": over, not denied (read as resolved)
      if (triggers === rules.after && (next?.word === 'again' || next?.word === 'now')) continue;
      if (!trigger.endsSentence || next === undefined || next.word === SENTENCE_BOUNDARY) return true;
    }
  }
  return false;
}

/** "has not worn off", "never went away", "not gone yet": a marker of it being over, denied one or two words before. */
export function notOverBefore(tokens: Token[], at: number, span: Span, rules: CompiledNegation): boolean {
  // only after the phrase: the "not" of "I couldn't pee, it was sorted" is part of the sign
  return (at - 1 > span.end && rules.notOver.has(tokens[at - 1]?.word ?? '')) || (at - 2 > span.end && rules.notOver.has(tokens[at - 2]?.word ?? ''));
}

export function sharedWithMeLater(tokens: Token[], span: Span, rules: CompiledNegation): boolean {
  for (let j = span.end + 1; j < tokens.length && tokens[j]?.word !== SENTENCE_BOUNDARY; j += 1) {
    const shared = phraseAt(tokens, j, rules.sharedWithMe);
    if (shared !== undefined && !feelingAboutAfter(tokens, j + shared.length, rules)) return true;
  }
  return false;
}

/**
 * After the "I" of "and I": a feeling toward the other person or hearing of it ("and I worry about him", "and I'm scared
 * for her", "and I only found out"), with a person within three words or the clause ending there. "And I worry I have it
 * too" goes on to the writer's own.
 */
export function feelingAboutAfter(message: Token[], from: number, rules: CompiledNegation): boolean {
  if (message[from - 1]?.word !== 'i') return false;
  // the words after the "I", degree words left out ("I'm so worried for her" reads "I am worried for her")
  const tokens = message.slice(from, from + 16).filter((token) => !rules.feelingDegree.has(token.word));
  const feeling = phraseAt(tokens, 0, rules.feelingAbout);
  if (feeling === undefined) return false;
  const end = feeling.length;
  const next = tokens[end];
  if (next === undefined || next.word === SENTENCE_BOUNDARY || next.afterComma) return true;
  for (let k = end; k < end + 3; k += 1) {
    const word = tokens[k]?.word;
    if (word === undefined || word === SENTENCE_BOUNDARY || (k > end && tokens[k]?.afterComma)) return false;
    if (rules.firstPerson.has(word) && word !== 'my') return false;
    if (rules.otherPeople.has(word)) return true;
  }
  return false;
}

/** Before a subject: it opens another subordinate clause or a question, not the consequence. */
/** After a subject: advice or a possibility ("if I can't pee I should go to A&E"), so the "if" stays a "what if". */

/** Actions after "if I" that describe what keeps happening, not what might. */

/** A question opens the sentence before the "if" ("should I worry if I sneeze and leak?"). */
function askedBefore(tokens: Token[], at: number, rules: CompiledNegation): boolean {
  for (let k = at - 1; k >= 0 && tokens[k]?.word !== SENTENCE_BOUNDARY; k -= 1) if (rules.questionOpeners.has(tokens[k]?.word ?? '')) return true;
  return false;
}

/**
 * An "if" of what happens each time, not of what might happen: "if I cough I leak", "if I put my
 * chin on my chest I get a shock down my spine". Its consequence (a subject and a plain verb after
 * the condition) is the disclosure itself, or comes before it. "If I ever...", "if I couldn't pee,
 * would that...", "if I lose control I should go to A&E" stay "what if"s.
 */
function habitualIf(tokens: Token[], at: number, span: Span, rules: CompiledNegation): boolean {
  if (tokens[at + 1]?.word === 'ever' || tokens[at + 2]?.word === 'ever' || tokens[at - 1]?.word === 'what' || tokens[at - 1]?.word === 'even') return false;
  // "if I cough", "if I stand up too fast": an everyday action, in a sentence that asks nothing before it
  if (tokens[at + 1]?.word === 'i' && rules.everydayActions.has(tokens[at + 2]?.word ?? '') && !askedBefore(tokens, at, rules)) return true;
  for (let k = at + 3; k <= span.end; k += 1) {
    const word = tokens[k]?.word;
    if (word === undefined || word === SENTENCE_BOUNDARY) return false;
    if (!rules.subjects.has(word) || rules.notConsequentBefore.has(tokens[k - 1]?.word ?? '')) continue;
    const next = tokens[k + 1]?.word;
    if (next === undefined || next === SENTENCE_BOUNDARY || rules.notConsequentAfter.has(next)) return false;
    return true;
  }
  return false;
}

/**
 * A "what if" before the phrase, within its sentence and up to a contrast ("but"): "what should I
 * do if I ever lose control of my bladder", "would a fever mean...". An "if" that belongs to the
 * disclosure ("not sure if my bladder is empty") does not count.
 */
export function hypotheticalBefore(tokens: Token[], span: Span, rules: CompiledNegation): boolean {
  // A frame ending on the phrase's first word ("worried I might" + "might fall"): it starts before the phrase.
  const endingHere = rules.hypotheticalByLast.get(tokens[span.start]?.word ?? '');
  if (endingHere?.some((trigger) => trigger.length > 1 && sequenceAt(tokens, span.start - trigger.length + 1, trigger))) return true;
  // ... or the phrase opens with a frame of several words ("could I lose control of my bowels?"), not said to be so now
  const openingHere = phraseAt(tokens, span.start, rules.hypothetical);
  if (openingHere !== undefined && openingHere.length > 1 && !saidToBeSoLater(tokens, span, rules)) return true;
  let j = span.start - 1;
  for (; j >= 0 && span.start - j <= 12; j -= 1) {
    const word = tokens[j]?.word;
    if (word === undefined || word === SENTENCE_BOUNDARY) break;
    // "nothing new, but I keep reading about numbness down below": a frame after the contrast still counts
    if (word === 'but' || word === 'however' || word === 'although' || word === 'though' || word === 'because') return askedInClause(tokens, span, rules, j + 1);
    const triggers = rules.hypotheticalByLast.get(word);
    if (triggers === undefined) continue;
    for (const trigger of triggers) {
      const from = j - trigger.length + 1;
      if (!sequenceAt(tokens, from, trigger)) continue;
      // "is it bad if it ever goes down both legs?": with "ever" the "if" is always a "what if"
      const ever = tokens[j + 1]?.word === 'ever' || tokens[j + 2]?.word === 'ever';
      if (trigger.length === 1 && trigger[0] === 'if' && !ever && rules.notHypotheticalIf.some((words) => sequenceAt(tokens, from - words.length, words))) continue;
      if (trigger.length === 1 && trigger[0] === 'if' && habitualIf(tokens, j, span, rules)) continue;
      if (nowInOwnClause(tokens, j, span, rules)) continue;
      if (!coveredByPseudo(tokens, j, rules)) return true;
    }
  }
  if (fearOfWhatMayCome(tokens, span, rules) || askedInClause(tokens, span, rules)) return true;
  const atSentenceStart = j < 0 || tokens[j]?.word === SENTENCE_BOUNDARY;
  const first = tokens[j + 1];
  if (atSentenceStart && first !== undefined && rules.hypotheticalAtStart.has(first.word) && !causeAskedOf(tokens, j + 1, span.start, rules)) return true;
  // ... or a comma clause before the phrase ("6, would it be serious if...", "just wondering, would leaking be...")
  for (let k = j + 2; k < span.start; k += 1) {
    const token = tokens[k];
    if (token?.afterComma && rules.hypotheticalAtStart.has(token.word)) return true;
  }
  return false;
}

/** "would the disc explain why my bum is numb?": the sign is taken as so, its cause is asked. */
function causeAskedOf(tokens: Token[], from: number, to: number, rules: CompiledNegation): boolean {
  for (let k = from; k < to; k += 1) if (phraseAt(tokens, k, rules.presupposedCause) !== undefined) return true;
  return false;
}

/**
 * A fear or an imagining before the phrase, and a future "will", "might", "going to" after it and up to the
 * phrase's end: "scared every time I go to the loo that I won't be able to go", "I keep imagining my foot will
 * start dragging". A refusal of the body now ("I'm scared, my legs won't hold me") is no future: "will not"
 * counts only as "will not be".
 */
function fearOfWhatMayCome(tokens: Token[], span: Span, rules: CompiledNegation): boolean {
  // "petrified of wetting myself in public": feared as a thing to come ("scared of the numbness" is of a thing there)
  const first = tokens[span.start]?.word ?? '';
  // ("scared of wetting myself again, it happened twice today" has happened)
  if (tokens[span.start - 1]?.word === 'of' && rules.fearOfFuture.has(tokens[span.start - 2]?.word ?? '') && first.endsWith('ing')) return !saidToBeSoLater(tokens, span, rules);
  // "my biggest fear is wetting myself in the supermarket one day": the thing feared, told as "-ing"
  if (tokens[span.start - 1]?.word === 'is' && rules.fearIs.has(tokens[span.start - 2]?.word ?? '') && first.endsWith('ing')) return !saidToBeSoLater(tokens, span, rules);
  let fear = -1;
  for (let j = span.start - 1; j >= 0 && span.start - j <= 14; j -= 1) {
    const word = tokens[j]?.word ?? SENTENCE_BOUNDARY;
    if (word === SENTENCE_BOUNDARY || word === 'but' || word === 'however' || word === 'although' || word === 'because') break;
    if (rules.fearOfFuture.has(word)) fear = j;
    // "I'm scared, my legs might be giving way": the fear is its own clause
    if (tokens[j]?.afterComma) break;
  }
  if (fear < 0) return false;
  for (let k = fear + 1; k <= span.end; k += 1) {
    const word = tokens[k]?.word ?? '';
    if (!rules.futureModals.has(word)) continue;
    const next = tokens[k + 1]?.word;
    if (word === 'going' && next !== 'to') continue;
    if (word === 'will' && next === 'not' && tokens[k + 2]?.word !== 'be') continue;
    // "worried my legs might be going": a hedge on what is there now, not a thing to come
    if ((word === 'might' || word === 'may') && next === 'be') continue;
    return true;
  }
  return false;
}

/**
 * The frame ends before a comma and the sign's own comma clause says it is so now: "I'm worried I will
 * fall, my legs are both weak now" is a fear, then a disclosure.
 */
function nowInOwnClause(tokens: Token[], at: number, span: Span, rules: CompiledNegation): boolean {
  let from = span.start;
  while (from > at + 1 && !tokens[from]?.afterComma) from -= 1;
  if (from <= at + 1 || !tokens[from]?.afterComma) return false;
  let to = span.end;
  while (to + 1 < tokens.length && tokens[to + 1]?.word !== SENTENCE_BOUNDARY && !tokens[to + 1]?.afterComma) to += 1;
  for (let k = from; k <= to; k += 1) if (phraseAt(tokens, k, rules.stillNowHere) !== undefined) return true;
  return false;
}

/** After the sign, to its sentence's end: it is so now ("again", "today", "keeps"). */
function saidToBeSoLater(tokens: Token[], span: Span, rules: CompiledNegation): boolean {
  for (let k = span.end + 1; k < tokens.length && tokens[k]?.word !== SENTENCE_BOUNDARY; k += 1) {
    if (phraseAt(tokens, k, rules.stillNowHere) !== undefined) return true;
  }
  return false;
}

/** A `hypotheticalInClause` frame in the sign's own comma clause, before it (and from `after` on, past a contrast). */
function askedInClause(tokens: Token[], span: Span, rules: CompiledNegation, after = 0): boolean {
  let from = span.start;
  while (from > after && !tokens[from]?.afterComma && tokens[from - 1]?.word !== SENTENCE_BOUNDARY) from -= 1;
  for (let j = from; j < span.start; j += 1) {
    const frame = phraseAt(tokens, j, rules.hypotheticalInClause);
    if (frame !== undefined && !newStatementAfter(tokens, j + frame.length, span, rules)) return true;
  }
  return false;
}

/** Opening a statement of the writer's own after a frame: "I read about it and my bum is numb now", "... and now I can't feel when I wee". */
function newStatementAfter(tokens: Token[], from: number, span: Span, rules: CompiledNegation): boolean {
  for (let k = from; k < span.start; k += 1) if (tokens[k]?.word === 'and' && rules.ownStatementOpeners.has(tokens[k + 1]?.word ?? '')) return true;
  return false;
}

export { sequenceAt };

/**
 * `warningSign`: tell a "what if" (`hypothetical`) and an episode that is over (`resolved`) from a
 * denial, as warning signs need. Without it (the answer parsers), both read as before: not
 * affirmed, and only the old short list of "what if" frames counts.
 */
export function spanContext(tokens: Token[], span: Span, rules: CompiledNegation, warningSign = false): SpanContext {
  if (negatedInsideGap(tokens, span, rules) || wellRightAfter(tokens, span, rules, warningSign)) return 'negated';
  const before = contextBefore(tokens, span, rules, warningSign ? rules.beforeByLast : rules.parserBeforeByLast);
  if (before === 'negated') return before;
  if (negatedAfter(tokens, span, rules)) return 'negated';
  if (warningSign && hypotheticalBefore(tokens, span, rules)) return 'hypothetical';
  if (negatedAfter(tokens, span, rules, rules.resolvedAfter)) return warningSign ? 'resolved' : 'negated';
  if (before === 'someone-else' && !sharedWithMeLater(tokens, span, rules)) return 'someone-else';
  return 'affirmed';
}
