/**
 * Red flags (warning signs) as content: one YAML file per group under content/red-flags/.
 * The loader validates every field, expands `@word-group` references, checks every phrase
 * compiles, and rejects duplicate ids, naming the file and field of each problem.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { ConceptVocabulary } from '../nlu/concepts.ts';
import { compilePattern, expandWordGroups, PatternError } from '../nlu/pattern.ts';
import { loadConcepts } from './concepts.ts';
import { loadPersonForms, withPersonForms, type PersonForms } from './personForms.ts';
import { loadYamlDir, type ContentItem } from './loadYamlDir.ts';
import { RED_FLAG_TIERS, SPINE_REGIONS } from '../vocabulary/index.ts';

export const spineRegionSchema = z.enum(SPINE_REGIONS);
export const redFlagUrgencySchema = z.enum(RED_FLAG_TIERS);

const phraseList = z.array(z.string().trim().min(1, 'a phrase cannot be empty'));
/** "urination + start-trouble|strain": every part (one of its `|` alternatives) in one clause. */
const conceptRule = z.string().trim().regex(/^[!~]?[a-z0-9.*-]+(\|[a-z0-9.*-]+)*(\s*\+\s*[!~]?[a-z0-9.*-]+(\|[a-z0-9.*-]+)*)*$/, 'write concept names joined by " + " (all of them) and "|" (one of them); "!name": not in the same clause; "~name": anywhere in the conversation');
const conceptRules = z.array(conceptRule).min(1);

export const redFlagSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)+$/, 'use group.name, lower case, e.g. ces.saddle-numbness'),
    regions: z.array(spineRegionSchema).min(1, 'name at least one region'),
    urgency: redFlagUrgencySchema,
    label: z.string().trim().min(3, 'write a short label for the clinician summary'),
    /** Asked in screening? Flags that are only spotted in free text set this to false. */
    screen: z.boolean().default(true),
    question: z.string().trim().min(10).optional(),
    tell: z.string().trim().min(10, 'say what the person should do'),
    phrases: phraseList.default([]),
    /** Concept combinations (content/lexicon/concepts) that disclose the sign. */
    concepts: conceptRules.optional(),
    /**
     * A benign cause told of the matched symptom in the clause or sentence next to it ("both legs ache.
     * did a long hike yesterday", "... but that's from the 10k"): "first + cause + !never". The first
     * part in the clause of the match, the others in its sentence or the one before or after it, the
     * "!" parts nowhere in the message. A present match so explained is asked about (`vague`), never dropped.
     */
    explainedBy: conceptRules.optional(),
    /** Concept combinations that touch the sign without a clear disclosure: asked, not referred. */
    vague: conceptRules.optional(),
    /**
     * Concept combinations that say the sign's function is as usual ("been weeing like normal",
     * "the feeling's all there when I wipe"): at the sign's own question, in a message with no
     * answer word and nothing of any sign in it, that is a "no" (src/bot/understand.ts).
     */
    asUsual: conceptRules.optional(),
    /**
     * Concept combinations of a known look-alike said instead of the sign ("a five-day course of
     * prednisolone", "steroid cream, not tablets"): at the sign's own question, a "no" as `asUsual`
     * is, and told in the past too (the look-alike is a fact of the person's history).
     */
    lookAlike: conceptRules.optional(),
    /** Concept rules count only when one of these concepts was said in this message or the last few (or is known). */
    conceptsRequire: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/)).min(1).optional(),
    /** A history is the sign itself: "the cancer was all gone" still counts (a resolved mention is present). */
    history: z.boolean().optional(),
    /**
     * With `history`: phrases of the flag that tell a state now, not the history ("a red, weeping wound"). They are
     * matched as the flag's phrases, but a past episode of them that is over ("the wound was red, looks fine now") is
     * asked about as for any sign, not taken as the history.
     */
    notHistory: phraseList.optional(),

    /** Other signs or concepts that together make this one: "cancer.history + ces.*|weakness.*|limb-numbness". */
    combines: conceptRules.optional(),
    /** Counts only if one of these was also said, in this message or the last few. */
    requires: phraseList.optional(),
    /** A known look-alike: a phrase match that overlaps one of these does not count. */
    except: phraseList.optional(),
    source: z.string().trim().min(3),
  })
  .superRefine((flag, context) => {
    if (flag.phrases.length === 0 && flag.concepts === undefined && flag.combines === undefined && flag.vague === undefined) {
      context.addIssue({ code: 'custom', path: ['phrases'], message: 'give at least one phrase, concept rule or combination' });
    }
    if (flag.screen && flag.question === undefined) {
      context.addIssue({ code: 'custom', path: ['question'], message: 'a screened flag needs a plain-words question (or set screen: false)' });
    }
  });

export type RedFlag = z.infer<typeof redFlagSchema> & {
  /** The concept lexicon the flag's concept rules use (set by the loader; shared by every flag). */
  vocabulary?: ConceptVocabulary;
};

/** The parts of a concept rule: each part a list of alternatives (concept names or flag ids). */
export function ruleParts(rule: string): string[][] {
  return rule.split('+').map((part) => part.trim().split('|').map((name) => name.trim()));
}

const isFlagReference = (name: string): boolean => name.includes('.');

function globMatches(pattern: string, id: string): boolean {
  return pattern.endsWith('*') ? id.startsWith(pattern.slice(0, -1)) : id === pattern;
}

/** Every concept a rule names exists; every flag id (with `*`) matches a flag. */
function checkRuleNames(flag: RedFlag, field: 'concepts' | 'vague' | 'asUsual' | 'lookAlike' | 'combines' | 'explainedBy', vocabulary: ConceptVocabulary, ids: string[], problems: string[]): void {
  (flag[field] ?? []).forEach((rule, index) => {
    for (const part of ruleParts(rule)) {
      for (const raw of part) {
        const name = raw.replace(/^[!~]/, '');
        if (isFlagReference(name)) {
          if (field !== 'combines') problems.push(`${field}.${index}: "${name}" is a flag id; only combines may name flags`);
          else if (!ids.some((id) => id !== flag.id && globMatches(name, id))) problems.push(`${field}.${index}: no other flag matches "${name}"`);
        } else if (!vocabulary.concepts.has(name)) problems.push(`${field}.${index}: unknown concept "${name}" (content/lexicon/concepts)`);
      }
    }
  });
  for (const name of field === 'concepts' ? flag.conceptsRequire ?? [] : []) {
    if (!vocabulary.concepts.has(name)) problems.push(`conceptsRequire: unknown concept "${name}" (content/lexicon/concepts)`);
  }
}

export const redFlagFileSchema = z.object({
  group: z.string().trim().min(1),
  sources: z.array(z.string().trim().min(3)).min(1, 'name the source of these rules'),
  notes: z.string().optional(),
  /** Word groups usable as @name in any red-flag file. */
  words: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'word group names are lower-case-with-dashes'), phraseList.min(1)).optional(),
  flags: z.array(redFlagSchema).default([]),
});

export type RedFlagFile = z.infer<typeof redFlagFileSchema>;

export interface RedFlagLoad {
  /** Every flag in file order, phrases with word groups already expanded. */
  flags: RedFlag[];
  items: ContentItem<RedFlag>[];
  problems: string[];
}

function collectWordGroups(files: ContentItem<RedFlagFile>[], problems: string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  const owner = new Map<string, string>();
  for (const { file, value } of files) {
    for (const [name, members] of Object.entries(value.words ?? {})) {
      const first = owner.get(name);
      if (first !== undefined) problems.push(`${file}: words.${name}: word group "${name}" is already defined in ${first}`);
      else {
        groups.set(name, members);
        owner.set(name, file);
      }
    }
  }
  return groups;
}

/** Expands and test-compiles each phrase; a bad one is dropped with a problem naming its field. */
function expandPhrases(phrases: string[] | undefined, field: string, groups: Map<string, string[]>, problems: string[], forms: PersonForms = new Map()): string[] | undefined {
  if (phrases === undefined) return undefined;
  const expanded: string[] = [];
  phrases.forEach((phrase, index) => {
    try {
      const text = withPersonForms(expandWordGroups(phrase, groups), forms);
      compilePattern(text);
      expanded.push(text);
    } catch (error) {
      if (!(error instanceof PatternError)) throw error;
      problems.push(`${field}.${index}: ${error.message}`);
    }
  });
  return expanded;
}

/** Loads `<contentDir>/red-flags/**.yaml`; problems name the file from the content root (`red-flags/ces.yaml`). */
export function loadRedFlags(contentDir: string): RedFlagLoad {
  const load = loadYamlDir(join(contentDir, 'red-flags'), redFlagFileSchema, contentDir);
  const concepts = loadConcepts(contentDir);
  const problems = [...load.problems, ...concepts.problems];
  const ids = load.items.flatMap(({ value }) => value.flags.map((flag) => flag.id));
  const groups = collectWordGroups(load.items, problems);
  const forms = loadPersonForms(contentDir, problems);
  const seen = new Map<string, string>();
  const items: ContentItem<RedFlag>[] = [];
  for (const { file, value } of load.items) {
    value.flags.forEach((flag, index) => {
      const field = `flags.${index}`;
      const first = seen.get(flag.id);
      if (first !== undefined) {
        problems.push(`${file}: ${field}.id: duplicate red-flag id "${flag.id}" (first defined in ${first})`);
        return;
      }
      seen.set(flag.id, file);
      const phraseProblems: string[] = [];
      const phrases = expandPhrases(flag.phrases, `${field}.phrases`, groups, phraseProblems, forms) ?? [];
      const requires = expandPhrases(flag.requires, `${field}.requires`, groups, phraseProblems, forms);
      const except = expandPhrases(flag.except, `${field}.except`, groups, phraseProblems, forms);
      const notHistory = expandPhrases(flag.notHistory, `${field}.notHistory`, groups, phraseProblems, forms);
      if (notHistory !== undefined && flag.history !== true) phraseProblems.push(`${field}.notHistory: only a flag with history: true has phrases that are not its history`);
      const ruleProblems: string[] = [];
      for (const rules of ['concepts', 'vague', 'asUsual', 'lookAlike', 'combines', 'explainedBy'] as const) checkRuleNames(flag, rules, concepts.vocabulary, ids, ruleProblems);
      problems.push(...phraseProblems.map((problem) => `${file}: ${problem}`), ...ruleProblems.map((problem) => `${file}: ${field}.${problem}`));
      const expanded: RedFlag = { ...flag, phrases, vocabulary: concepts.vocabulary };
      if (requires !== undefined) expanded.requires = requires;
      if (except !== undefined) expanded.except = except;
      if (notHistory !== undefined) expanded.notHistory = notHistory;
      items.push({ file, value: expanded });
    });
  }
  return { flags: items.map((item) => item.value), items, problems };
}
