/**
 * The vocabulary of typed answers beyond yes/no and regions (content/lexicon/*.yaml, documented
 * in content/lexicon/ANSWERS.md): numbers in words, units of time and weight, body parts and
 * sides, dates and times, surgery, the kind of answer each question takes, and the words of
 * other languages. Loaded and checked at start-up like every content file.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { loadYamlFile } from './loadYamlDir.ts';
import { QUESTION_KINDS, REACHES, type Reach } from '../vocabulary/index.ts';

const sources = z.array(z.string().trim().min(3)).min(1, 'name the source');
const word = z.string().trim().min(1);
const words = z.array(word).min(1, 'give at least one word');
const wordNumbers = z.record(z.string().regex(/^[a-z]+$/, 'one lower-case word'), z.number().min(0));

export const numbersSchema = z.object({
  sources,
  units: wordNumbers,
  teens: wordNumbers,
  tens: wordNumbers,
  hundred: words,
  article: words,
  vague: wordNumbers,
  fractions: wordNumbers,
  notNumbers: words,
  /** Whole typed words read as others before anything else ("2day" is "today"). */
  textSpeak: z.record(z.string().regex(/^[a-z0-9]+$/), z.string().min(1)).default({}),
  /** Punctuation said aloud to a dictating phone ("yes comma I agree full stop"): the mark it stands for. */
  dictated: z.record(z.string().regex(/^[a-z]+( [a-z]+)*$/), z.enum([',', '.'])).default({}),
  /** Words that sound like a number ("for", "ate"): a score only where a score stands alone or before "out of". */
  scoreSounds: z.record(z.string().regex(/^[a-z]+$/), z.number().int().min(0).max(10)).default({}),
  /** Sound-alikes too common to read alone ("too", "to"): a score only right after "a" ("sort of a too"). */
  scoreSoundsAfterA: z.record(z.string().regex(/^[a-z]+$/), z.number().int().min(0).max(10)).default({}),
  /** "one" as a pronoun or a count of things ("the one leg", "the other one", "one side"): no score. */
  pronounOne: z.object({ before: z.array(z.string().regex(/^[a-z]+$/)).default([]), after: z.array(z.string().regex(/^[a-z]+$/)).default([]) }).default({ before: [], after: [] }),
});

export const unitsSchema = z.object({
  sources,
  durations: z.array(z.object({ days: z.number().positive(), words })).min(1),
  weights: z.array(z.object({ kg: z.number().positive(), words })).min(1),
  /** Words after a unit of time that make it a kind of care, not an amount ("a day case", "day surgery"). */
  notDuration: z.array(z.string().regex(/^[a-z]+$/, 'one lower-case word')).default([]),
  /** Said when the amount is not known ("they didn't give a number"). */
  unknown: z.array(z.string().trim().min(1)).min(1),
});

export { QUESTION_KINDS, type QuestionKind } from '../vocabulary/index.ts';

export const questionKindsSchema = z.object({
  sources,
  questions: z.record(z.string().min(1), z.object({ kind: z.enum(QUESTION_KINDS), unit: z.enum(['days', 'weeks', 'months']).optional() })),
});

const phrases = z.array(z.string().trim().min(1)).min(1, 'give at least one phrase');
export type ReachLevel = Reach;

export const bodySchema = z.object({
  sources,
  reach: z.object({ below_knee: phrases, buttock_thigh: phrases, arm_hand: phrases, trunk: phrases, spine_only: phrases }),
  between: z.array(z.object({ words, options: z.tuple([z.enum(REACHES), z.enum(REACHES)]), question: z.string().min(1) })),
  sides: z.object({ left: phrases, right: phrases, both: phrases, one: phrases }),
  /** Possessives a carer writes for the patient's own body ("his left leg"): read as the person's own. */
  carer: z.array(z.string().regex(/^[a-z]+$/, 'one lower-case word')).default([]),
  /** "right down the back of my leg": "right" meaning "all the way", not a side. */
  notSide: z.array(z.string().trim().min(1)).default([]),
  /** The legs and arms by name: a side answer that only denies them ("both sides of my back, nothing in the legs") names no side of a limb. */
  limbs: z.array(z.string().trim().min(1)).default([]),
  /** "both buttocks but no further": with a buttock or hip named and no limb, the symptoms said to stop there name no side of a limb. */
  noFurther: z.array(z.string().trim().min(1)).default([]),
  /** "like a toothache in the leg": a comparison, whose part between two answers says how it feels, not how far it reaches. */
  similes: z.array(z.string().trim().min(1)).default([]),
  /** What a part can do ("my hand doesn't grip right"): said of a part with no symptom in its clause, it names no reach. */
  functions: z.array(z.string().trim().min(1)).default([]),
  /** Symptom words: a part's clause with one of these tells where the symptoms reach ("my hand is weak and tingly"). */
  symptoms: z.array(z.string().trim().min(1)).default([]),
  /** A later sentence that says it tells of something else ("but that's a separate thing"): its body parts and sides are not the answer. */
  aside: z.array(z.string().trim().min(1)).default([]),
  /** Another person named in a clause ("my mate says his went into both legs"): that clause is not of the person's body. */
  others: z.array(z.string().trim().min(1)).default([]),
  /** Words of the present: a side said of now ("just the left now") outweighs one said of before. */
  now: z.array(z.string().trim().min(1)).default([]),
  /** Words of the past, against which a side said of now counts ("last week both, the left now"). */
  before: z.array(z.string().trim().min(1)).default([]),
  /** Words that add a side to the one before ("now the right too"): then both count. */
  also: z.array(z.string().trim().min(1)).default([]),
});

export const onsetSchema = z.object({
  sources,
  fixed: z.array(z.object({ days: z.number().int().min(0), phrases })),
  weekdays: z.object({ monday: words, tuesday: words, wednesday: words, thursday: words, friday: words, saturday: words, sunday: words }),
  months: z.object({
    january: words, february: words, march: words, april: words, may: words, june: words,
    july: words, august: words, september: words, october: words, november: words, december: words,
  }),
  seasons: z.record(z.string().regex(/^[a-z]+$/), z.string().regex(/^\d\d-\d\d$/, 'month-day, e.g. 08-31')),
  /** Seasons that are also everyday words ("didn't actually fall", "felt a spring go"), each with the word or two words before it that make it the season ("last fall", "in the spring"). */
  everydaySeasons: z.record(z.string().regex(/^[a-z]+$/), z.array(z.string().regex(/^[a-z]+( [a-z]+)?$/, 'one or two lower-case words'))).default({}),
  long: phrases,
  /** "this flare", "started again": the most recent time named is this episode's start. */
  flare: phrases.default([]),
  /** "saw the GP today": the time of a visit to a clinician, not of the episode's start. */
  visits: phrases.default([]),
  /** "it'll be 3 weeks on Tuesday": a duration reached on a day to come (then it is that many days less today). */
  ahead: phrases.default([]),
});

export const SURGERY_KINDS = ['fusion', 'disc_replacement', 'laminectomy', 'discectomy'] as const;
export type SurgeryKind = (typeof SURGERY_KINDS)[number] | 'none';

export const surgerySchema = z.object({
  sources,
  kinds: z.object({ fusion: phrases, disc_replacement: phrases, laminectomy: phrases, discectomy: phrases }),
  none: phrases,
  planned: phrases,
  /** An operation said as had ("had a fusion, said no to more surgery") is done whatever plan follows. */
  had: z.array(z.string().trim().min(1)).default([]),
  /** "rather than", "instead of": the operation named right after is the one not done. */
  instead: z.array(z.string().trim().min(1)).default([]),
  coarser: z.partialRecord(z.enum(SURGERY_KINDS), z.enum(SURGERY_KINDS)).default({}),
  /** Relatives and others whose own operation is not the person's ("my wife had a discectomy"). */
  others: z.array(z.string().regex(/^[a-z]+$/, 'one lower-case word')).default([]),
  /** Words of the writer's own, said beside another's age ("our eldest is 17 and has back pain like mine"): that age is not the writer's. */
  writerOwn: z.array(z.string().regex(/^[a-z]+$/, 'one lower-case word')).default([]),
  /** Parts of the body that are not the spine ("a plate and screws in my ankle"): an operation said of one is not spine surgery. */
  elsewhere: z.array(z.string().trim().min(1)).default([]),
  /** Words of the spine: an operation said of the spine and another part ("screws in my back and my hip") is still spinal. */
  spine: z.array(z.string().trim().min(1)).default([]),
  /** Symptoms: an operation said with one ("fused for the pain down to my knee") may be the spine's, wherever the part. */
  symptoms: z.array(z.string().trim().min(1)).default([]),
});

export const languagesSchema = z.object({
  sources,
  minWords: z.number().int().min(1),
  english: words,
  other: z.record(z.string().regex(/^[a-z]+$/), words),
  /** Asked in English to go on in another language ("can we talk in Polish?"): read like a message in one. */
  requests: z.array(z.string().trim().min(1)).default([]),
});

export type NumbersLexicon = z.infer<typeof numbersSchema>;
export type UnitsLexicon = z.infer<typeof unitsSchema>;

export interface AnswerLexicon {
  numbers: NumbersLexicon;
  units: UnitsLexicon;
  body: z.infer<typeof bodySchema>;
  onset: z.infer<typeof onsetSchema>;
  surgery: z.infer<typeof surgerySchema>;
  languages: z.infer<typeof languagesSchema>;
  /** Question key -> the kind of answer it takes (and the unit of a bare number of a duration). */
  questions: z.infer<typeof questionKindsSchema>['questions'];
}

export function loadAnswerLexicon(contentDir: string, problems: string[]): AnswerLexicon | undefined {
  const part = <T>(name: string, schema: z.ZodType<T>): T | undefined => {
    const load = loadYamlFile(join(contentDir, 'lexicon', name), schema, contentDir);
    problems.push(...load.problems);
    return load.items[0]?.value;
  };
  const numbers = part('numbers.yaml', numbersSchema);
  const units = part('units.yaml', unitsSchema);
  const kinds = part('question-kinds.yaml', questionKindsSchema);
  const body = part('body.yaml', bodySchema);
  const onset = part('onset.yaml', onsetSchema);
  const surgery = part('surgery.yaml', surgerySchema);
  const languages = part('languages.yaml', languagesSchema);
  if (!numbers || !units || !kinds || !body || !onset || !surgery || !languages) return undefined;
  return { numbers, units, body, onset, surgery, languages, questions: kinds.questions };
}
