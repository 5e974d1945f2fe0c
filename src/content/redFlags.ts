/**
 * Red flags (warning signs) as content: one YAML file per group under content/red-flags/.
 * The loader validates every field, expands `@word-group` references, checks every phrase
 * compiles, and rejects duplicate ids, naming the file and field of each problem.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { compilePattern, expandWordGroups, PatternError } from '../nlu/pattern.ts';
import { loadYamlDir, type ContentItem } from './loadYamlDir.ts';

export const spineRegionSchema = z.enum(['lumbar', 'thoracic', 'cervical']);
export const redFlagUrgencySchema = z.enum(['emergency', 'urgent', 'soon']);

const phraseList = z.array(z.string().trim().min(1, 'a phrase cannot be empty'));

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
    phrases: phraseList.min(1, 'give at least one phrase'),
    /** Counts only if one of these was also said, in this message or the last few. */
    requires: phraseList.optional(),
    /** A known look-alike: a phrase match that overlaps one of these does not count. */
    except: phraseList.optional(),
    source: z.string().trim().min(3),
  })
  .superRefine((flag, context) => {
    if (flag.screen && flag.question === undefined) {
      context.addIssue({ code: 'custom', path: ['question'], message: 'a screened flag needs a plain-words question (or set screen: false)' });
    }
  });

export type RedFlag = z.infer<typeof redFlagSchema>;

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
function expandPhrases(phrases: string[] | undefined, field: string, groups: Map<string, string[]>, problems: string[]): string[] | undefined {
  if (phrases === undefined) return undefined;
  const expanded: string[] = [];
  phrases.forEach((phrase, index) => {
    try {
      const text = expandWordGroups(phrase, groups);
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
  const problems = [...load.problems];
  const groups = collectWordGroups(load.items, problems);
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
      const phrases = expandPhrases(flag.phrases, `${field}.phrases`, groups, phraseProblems) ?? [];
      const requires = expandPhrases(flag.requires, `${field}.requires`, groups, phraseProblems);
      const except = expandPhrases(flag.except, `${field}.except`, groups, phraseProblems);
      problems.push(...phraseProblems.map((problem) => `${file}: ${problem}`));
      const expanded: RedFlag = { ...flag, phrases };
      if (requires !== undefined) expanded.requires = requires;
      if (except !== undefined) expanded.except = except;
      items.push({ file, value: expanded });
    });
  }
  return { flags: items.map((item) => item.value), items, problems };
}
