/**
 * The words the coach understands in typed answers (content/lexicon/*.yaml): yes/no, 0-10 scores,
 * spine regions, movement responses and requests. Every phrase is test-compiled at load time so a
 * bad one is reported with its file and field instead of failing on a person's message.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { compilePattern, PatternError } from '../nlu/pattern.ts';
import { loadAnswerLexicon, type AnswerLexicon } from './answerLexicon.ts';
import { loadContextRules, type ContextRules } from './contextRules.ts';
import { loadEnglishWords } from './concepts.ts';
import { loadYamlFile } from './loadYamlDir.ts';
import { INTENTS, MOVEMENT_RESPONSES, SPINE_REGIONS, type Intent, type MovementResponse } from '../vocabulary/index.ts';

/** The names each phrase list is for (src/vocabulary), re-exported for the lexicon's callers. */
export { INTENTS, MOVEMENT_RESPONSES, SPINE_REGIONS, type Intent, type MovementResponse, type Region as SpineRegion } from '../vocabulary/index.ts';

const phrases = z.array(z.string().trim().min(1)).min(1, 'give at least one phrase');
const sources = z.array(z.string().trim().min(3)).min(1, 'name the source');

/** A map whose key order is the priority order; every key of `keys` must be there, no others. */
function orderedMap<const K extends readonly string[]>(keys: K) {
  return z.record(z.string(), phrases).superRefine((value, context) => {
    for (const key of Object.keys(value)) {
      if (!keys.includes(key)) context.addIssue({ code: 'custom', path: [key], message: `unknown name; use one of ${keys.join(', ')}` });
    }
    for (const key of keys) {
      if (!(key in value)) context.addIssue({ code: 'custom', path: [key], message: 'is missing' });
    }
  }) as unknown as z.ZodType<Record<K[number], string[]>>;
}

/** `questions`: how a message that asks something starts; such a message is not an answer. */
/**
 * `agree` / `decline`: a yes or no to an offer (consent, "shall we start?"); `allClear`: a no to
 * "have you noticed ...?" ("all fine"); `fillers`: words before a leading yes or no ("oh", "well").
 */
export const yesNoLexiconSchema = z.object({
  sources, yes: phrases, no: phrases, unsure: phrases, questions: phrases,
  wholeYes: phrases, wholeNo: phrases, agree: phrases, decline: phrases, allClear: phrases, fillers: phrases,
  /** Words that open a clause qualifying the answer before it ("no, but ..."), and words of a self-correction ("no wait, yes"). */
  contrast: z.array(z.string().regex(/^[a-z]+$/, 'one lower-case word')).default([]),
  corrections: z.array(z.string().regex(/^[a-z]+$/, 'one lower-case word')).default([]),
  /** "I said yes on the last screen, so yes": a word that brings the answer at the end of a message. */
  conclusions: z.array(z.string().regex(/^[a-z]+$/, 'one lower-case word')).default([]),
  /** "a bit", "sometimes", "odd": after a contrast word, a no to a safety question is only partly a no. */
  hedges: z.array(z.string().trim().min(1)).default([]),
  /** A no said softly ("not really"): with a hedge after it ("not really, just a bit") it is neither. */
  softNo: z.array(z.string().trim().min(1)).default([]),
  /** A yes at a safety question only ("sometimes I don't notice"); never agreement to an offer. */
  symptomYes: z.array(z.string().trim().min(1)).default([]),
  symptomNo: z.array(z.string().trim().min(1)).default([]),
  /** The plain yes and no words: at an offer only these open an answer that goes on (see yes-no.yaml). */
  particles: z.array(z.string().regex(/^[a-z]+$/, 'one lower-case word')).default([]),
  /** The words that may follow a yes to an offer in its clause ("ok, happy with that"); any other word makes it a statement ("sure my back hurts"). */
  offerTail: z.array(z.string().regex(/^[a-z]+$/, 'one lower-case word')).default([]),
  /** "I mean", "basically": after an offer's yes, the clause they open must agree too ("sure, I mean the pain is unbearable" is a statement). */
  elaborations: z.array(z.string().trim().min(1)).default([]),
  /** After a no to a safety question: the sign told of in a later clause ("No, it's numb on the left"). */
  sensations: z.array(z.string().trim().min(1)).default([]),
  admissions: z.array(z.string().trim().min(1)).default([]),
  /** After a bare no to a safety question: the sign dated in a later clause ("no, only today"). */
  lately: z.array(z.string().trim().min(1)).default([]),
  /** Openings that look like a question but describe ("where my bra strap goes"), when no question mark is typed. */
  statements: z.array(z.string().trim().min(1)).default([]),
  /** A question back about what the question's own words mean ("what do you mean by different?"). */
  wording: z.array(z.string().trim().min(1)).default([]),
  /** A sentence asking "what if" beside the answer ("and if it ever jumped to the other leg?"): its words are not the answer. */
  whatIf: z.array(z.string().trim().min(1)).default([]),
  /** Words that deny an all-clear from inside it or just before it ("my bladder is not normal"). */
  gapDenials: z.array(z.string().regex(/^[a-z]+$/, 'one lower-case word')).default([]),
  /** After a no, a later clause "but I've had a fever ..." tells of another thing; not when the thing is one of these ("some trouble", "something"). */
  vagueThings: z.array(z.string().regex(/^[a-z]+$/, 'one lower-case word')).default([]),
  /** Words that may open an offer's last clause of agreement ("but otherwise ready to go"). */
  finalLeadIns: z.array(z.string().regex(/^[a-z]+$/, 'one lower-case word')).default([]),
  /** A no word opening a statement of something lost ("no feeling down there"), and the words after it that make it a denial after all. */
  losses: z.array(z.string().trim().min(1)).default([]),
  lossDenied: z.array(z.string().regex(/^[a-z]+$/, 'one lower-case word')).default([]),
  /** After a yes word at a safety question, a clause saying all is normal ("yes, all normal"): the yes affirms the all-clear. */
  wellness: z.array(z.string().trim().min(1)).default([]),
  /** At an offer, a later "no" that denies a complaint ("yes please. no numbness anywhere") tells how things are; it takes nothing back. */
  complaintsDenied: z.array(z.string().trim().min(1)).default([]),
  /** Words before the answer saying who speaks or how they checked ("she says", "I checked with a tissue and"). */
  preambles: z.array(z.string().trim().min(1)).default([]),
  /** Preambles that tell of a check made for the question ("did the tissue thing", "I checked with a tissue and"): skipped like preambles, and a feeling lost told after one is a yes. */
  checks: z.array(z.string().trim().min(1)).default([]),
  /** Finding it hard to put into words ("not sure how to explain"): no doubt about the answer. */
  describing: z.array(z.string().trim().min(1)).default([]),
  partOnly: z.array(z.string().trim().min(1)).default([]),
  guesses: z.array(z.string().trim().min(1)).default([]),
  redescribed: z.array(z.string().trim().min(1)).default([]),
  /** Said after telling of a change, it is new ("Never had that before"): no "no" to the question, whatever its "never". */
  novelty: z.array(z.string().trim().min(1)).default([]),
  /** Idioms holding a word of `changeTold` that tell of no change in the body ("sex has been off the cards", "I've been off work"). */
  notChange: z.array(z.string().trim().min(1)).default([]),
  /** After a check, words that put the feeling lost in the past ("it was numb last week but that's gone"): then it is no yes. */
  resolved: z.array(z.string().trim().min(1)).default([]),
  /** A first clause of only these ("Honestly fine.") lets an all-clear after it answer. */
  wellWords: z.array(z.string().regex(/^[a-z]+$/, 'one lower-case word')).default([]),
  /** A yes that only sets a condition ("only if I've overdone it", "only when I cough"). */
  conditions: z.array(z.string().trim().min(1)).default([]),
  /** Words that may come before the doubt opening the clause after an answer ("sort of. it's hard to say"). */
  doubtLeadIns: z.array(z.string().regex(/^[a-z]+$/, 'one lower-case word')).default([]),
  /** Something longstanding ("always been like that"), and what tells of something recent ("now", "since Monday"). */
  longstanding: z.array(z.string().trim().min(1)).default([]),
  recent: z.array(z.string().trim().min(1)).default([]),
  /** A change told as a statement ("my legs feel odd", "my toilet habits have changed"): a yes at a safety question. */
  changeTold: z.array(z.string().trim().min(1)).default([]),
  /** Words after an all-clear in its clause that limit it ("works fine until I cough", "all normal apart from ..."). */
  allClearLimits: z.array(z.string().trim().min(1)).default([]),
  /** A look-alike given its cause ("constipated from the painkillers", "because it hurts my back"), before an all-clear that ends the message. */
  explanations: z.array(z.string().trim().min(1)).default([]),
  /** Words that make an all-clear the rest only ("otherwise normal", "everything else is fine"). */
  exceptions: z.array(z.string().trim().min(1)).default([]),
  /** Before such an all-clear, words that tell of a sign or may ("leaking", "had an accident", "couldn't"): then it is no no. */
  explainedSigns: z.array(z.string().trim().min(1)).default([]),
});
export const scoreLexiconSchema = z.object({
  sources,
  numbers: z.record(z.string().regex(/^[a-z]+$/), z.number().int().min(0)),
  zero: phrases,
  units: phrases,
  /** Words that make a score approximate ("about", "-ish", "maybe more"). */
  approximate: phrases,
  /** Messages that hold no score although they look like one ("nothing eases it"). */
  notScore: phrases,
});
/** `landmarks`: words that place the region against another part ("below the neck", "above the waist"): that part is not the region. */
export const regionLexiconSchema = z.object({ sources, regions: orderedMap(SPINE_REGIONS), landmarks: z.array(z.string().trim().min(1)).default([]) });
/** `outcomes`: phrases said outright; the rest is the vocabulary of direction (src/nlu/answers/movement.ts). */
export const movementLexiconSchema = z.object({
  sources,
  outcomes: orderedMap(MOVEMENT_RESPONSES),
  distance: z.array(z.object({ d: z.number().int().min(0).max(9), parts: phrases })).min(1),
  moves: phrases, toward: phrases, away: phrases, easing: phrases, worsening: phrases, local: phrases, fine: phrases, atFirst: phrases,
  /** Symptoms that arose in a part: further out in a limb, no direction in the back. */
  arising: phrases.default([]),
  /** Verbs that also say how much: "the pain went down" is less pain, "went down my leg" a place. */
  levelVerbs: z.array(z.string().regex(/^[a-z]+$/, 'one lower-case word')).default([]),
  /** What a part can do ("less power", "more feeling"): a change said of these is no change of the symptoms. */
  functions: z.array(z.string().regex(/^[a-z]+$/, 'one lower-case word')).default([]),
  /** A side or end of a part ("the back of my calf", "the side of my knee"): the part after "of" is the one named. */
  partSides: z.array(z.string().regex(/^[a-z]+$/, 'one lower-case word')).default([]),
  /** The person's own body moving or giving way ("get down on the floor and back up", "my legs just went"): no direction of the symptoms. */
  bodyMoves: phrases.default([]),
  /** A jolt brought on by bending the head ("every time I tip my head down I get an electric shock down my back"): its clause tells no direction of the symptoms. */
  headBendJolts: phrases.default([]),
});
export const intentLexiconSchema = z.object({ sources, intents: orderedMap(INTENTS) });

export interface Lexicon {
  yesNo: z.infer<typeof yesNoLexiconSchema>;
  scores: z.infer<typeof scoreLexiconSchema>;
  regions: z.infer<typeof regionLexiconSchema>['regions'];
  /** Words before a part that use it as a landmark ("below the neck"): regions.yaml `landmarks`. */
  regionLandmarks?: string[];
  /** Key order is the order outcomes are checked in. */
  movement: Record<MovementResponse, string[]>;
  /** The vocabulary of direction: how far parts are from the spine, and words of movement and change. */
  direction: Omit<z.infer<typeof movementLexiconSchema>, 'sources' | 'outcomes'>;
  /** Key order is the order intents are checked in. */
  intents: Record<Intent, string[]>;
  /** Numbers, units, body parts, dates, surgery and question kinds (src/content/answerLexicon.ts). */
  answers: AnswerLexicon;
  /** The context rules of English: denials, "what if"s, episodes over, other people (content/lexicon/context.yaml). */
  context: ContextRules;
  /** English words, never "corrected" towards the answer vocabulary ("fine" is not "five"). */
  englishWords?: { has(word: string): boolean };
}

export interface LexiconLoad {
  lexicon: Lexicon | undefined;
  problems: string[];
}

/** Reports each phrase that does not compile, as `file: field.index: reason`. */
function checkPhrases(file: string, field: string, list: string[], problems: string[]): void {
  list.forEach((phrase, index) => {
    try {
      compilePattern(phrase);
    } catch (error) {
      if (!(error instanceof PatternError)) throw error;
      problems.push(`${file}: ${field}.${index}: ${error.message}`);
    }
  });
}

function loadPart<T>(contentDir: string, name: string, schema: z.ZodType<T>, problems: string[]): T | undefined {
  const load = loadYamlFile(join(contentDir, 'lexicon', name), schema, contentDir);
  problems.push(...load.problems);
  return load.items[0]?.value;
}

/** Loads `<contentDir>/lexicon/*.yaml`; problems name the file from the content root. */
export function loadLexicon(contentDir: string): LexiconLoad {
  const problems: string[] = [];
  const yesNo = loadPart(contentDir, 'yes-no.yaml', yesNoLexiconSchema, problems);
  const scores = loadPart(contentDir, 'scores.yaml', scoreLexiconSchema, problems);
  const regions = loadPart(contentDir, 'regions.yaml', regionLexiconSchema, problems);
  const movement = loadPart(contentDir, 'movement.yaml', movementLexiconSchema, problems);
  const intents = loadPart(contentDir, 'intents.yaml', intentLexiconSchema, problems);
  const groups: Array<[string, Record<string, string[]> | undefined]> = [
    ['lexicon/yes-no.yaml', yesNo && { yes: yesNo.yes, no: yesNo.no, unsure: yesNo.unsure, questions: yesNo.questions, wholeYes: yesNo.wholeYes, wholeNo: yesNo.wholeNo, agree: yesNo.agree, decline: yesNo.decline, allClear: yesNo.allClear, fillers: yesNo.fillers, hedges: yesNo.hedges, softNo: yesNo.softNo, symptomYes: yesNo.symptomYes, symptomNo: yesNo.symptomNo, sensations: yesNo.sensations, admissions: yesNo.admissions, lately: yesNo.lately, statements: yesNo.statements, wording: yesNo.wording, whatIf: yesNo.whatIf, losses: yesNo.losses, wellness: yesNo.wellness, complaintsDenied: yesNo.complaintsDenied, preambles: yesNo.preambles, longstanding: yesNo.longstanding, recent: yesNo.recent, novelty: yesNo.novelty, notChange: yesNo.notChange, conditions: yesNo.conditions }],
    ['lexicon/scores.yaml', scores && { zero: scores.zero, units: scores.units, approximate: scores.approximate, notScore: scores.notScore }],
    ['lexicon/regions.yaml', regions && { ...regions.regions, landmarks: regions.landmarks }],
    ['lexicon/movement.yaml', movement?.outcomes],
    ['lexicon/intents.yaml', intents?.intents],
  ];
  for (const [file, lists] of groups) {
    for (const [field, list] of Object.entries(lists ?? {})) checkPhrases(file, field, list, problems);
  }
  const answers = loadAnswerLexicon(contentDir, problems);
  const context = loadContextRules(contentDir, problems);
  if (!yesNo || !scores || !regions || !movement || !intents || !answers || !context || problems.length > 0) return { lexicon: undefined, problems };
  const { sources: _, outcomes, ...direction } = movement;
  return { lexicon: { yesNo, scores, regions: regions.regions, regionLandmarks: regions.landmarks, movement: outcomes, direction, intents: intents.intents, answers, context, englishWords: loadEnglishWords() }, problems };
}
