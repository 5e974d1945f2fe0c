/**
 * The context rules of English (content/lexicon/context.yaml): NegEx/ConText word lists that
 * decide whether a matched phrase is denied, a "what if", over, or someone else's. Validated here
 * so a broken list is reported at start-up and by `npm run content:check`, never met on a message.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { loadYamlFile } from './loadYamlDir.ts';

/** One phrase as the tokeniser gives words: lower case, single spaces, a trailing `$` if it must end the sentence. */
const phrase = z.string().regex(/^[a-z0-9]+(?:[ -][a-z0-9]+)*\$?$/, 'lower-case words with single spaces (a trailing $ only)');
const phrases = z.array(phrase).min(1, 'give at least one phrase');
const reach = z.number().int().min(1).max(50);

/** Every field, in the file's order (the order the rules are read in); the reaches are word counts. */
const FIELDS = {
  before: phrases,
  hypothetical: phrases,
  parserHypothetical: phrases,
  fearOfFuture: phrases,
  futureModals: phrases,
  stillNowHere: phrases,
  hypotheticalInClause: phrases,
  hypotheticalAtStart: phrases,
  generalQuestion: phrases,
  askingAbout: phrases,
  affirmedNext: phrases,
  affirmedLater: phrases,
  generalAfter: phrases,
  asker: phrases,
  hypotheticalAfter: phrases,
  notHypotheticalIf: phrases,
  presupposedCause: phrases,
  after: phrases,
  resolvedAfter: phrases,
  pseudo: phrases,
  terminators: phrases,
  clauseStarters: phrases,
  listWords: phrases,
  conjunctions: phrases,
  otherPeople: phrases,
  neverThePatient: phrases,
  carerMarkers: phrases,
  generic: phrases,
  hearsay: phrases,
  resolvedMarkers: phrases,
  resolvedMarkersInPast: phrases,
  longAgo: phrases,
  longStanding: phrases,
  echoAnsweredNo: phrases,
  negativeQuestion: phrases,
  echoTurns: phrases,
  sinceBirth: phrases,
  stillNow: phrases,
  pastMarkers: phrases,
  episodeMarkers: phrases,
  overNext: phrases,
  overOpeners: phrases,
  restIsFine: phrases,
  resolvedUnlessLoss: phrases,
  resolvedIfLoss: phrases,
  lossInSign: phrases,
  limbs: phrases,
  goesOn: phrases,
  resolvedReach: reach,
  notOver: phrases,
  firstPerson: phrases,
  placeBeforeMy: phrases,
  besideMe: phrases,
  acquaintances: phrases,
  ownCase: phrases,
  writingFor: phrases,
  notMe: phrases,
  ownCaseAlone: phrases,
  lostWhenGone: phrases,
  resolvedAnywhere: phrases,
  stillGoing: phrases,
  notNew: phrases,
  newNow: phrases,
  pastForNext: phrases,
  unclearWho: phrases,
  deniedLater: phrases,
  deniedLaterTail: phrases,
  someoneElsesView: phrases,
  wellAfter: phrases,
  sharedWithMe: phrases,
  feelingAbout: phrases,
  feelingDegree: phrases,
  sides: phrases,
  pairWords: phrases,
  beforeReach: reach,
  afterReach: reach,
  bodyGone: phrases,
  wellDeniedBefore: phrases,
  inability: phrases,
  fineInSpan: phrases,
  stativeVerbs: phrases,
  contrastsEndingDenial: phrases,
  sideOpeners: phrases,
  minimisingSubjects: phrases,
  subjects: phrases,
  notConsequentBefore: phrases,
  notConsequentAfter: phrases,
  everydayActions: phrases,
  questionOpeners: phrases,
  ownStatementOpeners: phrases,
  exampleOpeners: phrases,
  clauseJoins: phrases,
  sensesLost: phrases,
  symptomFeelings: phrases,
  recoveryToNow: phrases,
  contrastsBeforeNowAgain: phrases,
  gaveWayBetween: phrases,
  limbOpeners: phrases,
  theyWords: phrases,
  pronouns: phrases,
  fearIs: phrases,
  youngChild: phrases,
  personThrough: phrases,
  goneAuxiliaries: phrases,
  episodeCounted: phrases,
  overNextUnlessLoss: phrases,
  feelingBack: phrases,
  datedPast: phrases,
  feelingWords: phrases,
  symptomNamed: phrases,
  absenceAfter: phrases,
  resolvedAnywhereUnlessLoss: phrases,
  lookedAt: phrases,
  clauseOpenersAfterJoin: phrases,
  inabilityBefore: phrases,
  inabilityTail: phrases,
  clauseBreakWords: phrases,
  clauseJoiningWords: phrases,
  fragmentAllClear: phrases,
  fragmentDegree: phrases,
  believedAtFirst: phrases,
  causeDeniedBefore: phrases,
  sharedSubjects: phrases,
  sharedNotSubjectAfter: phrases,
  sharedActs: phrases,
  questionOpenersAfterComma: phrases,
  stoppedHindered: phrases,
  anaphoricOpeners: phrases,
} as const;

/** Every list the rules read is required (an empty or missing one would silently stop a rule), and no others. */
export const contextRulesSchema = z
  .object(FIELDS)
  .strict();

export type ContextRules = z.infer<typeof contextRulesSchema>;

/** Loads `<contentDir>/lexicon/context.yaml`; problems name the file and the list. */
export function loadContextRules(contentDir: string, problems: string[]): ContextRules | undefined {
  const load = loadYamlFile(join(contentDir, 'lexicon', 'context.yaml'), contextRulesSchema, contentDir);
  problems.push(...load.problems);
  return load.items[0]?.value;
}
