/**
 * The concept lexicon (content/lexicon/concepts/*.yaml): named lists of terms that warning-sign
 * rules combine ("urination + start-trouble"). Every term is test-parsed; a concept name is
 * defined once; `@name` inside a term refers to another concept. Also loads the English word
 * list that keeps spelling tolerance from "correcting" real words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import wordListPath from 'word-list';
import { z } from 'zod';
import type { ConceptVocabulary } from '../nlu/concepts.ts';
import { parsePhrase, PatternError } from '../nlu/pattern.ts';
import { loadYamlDir } from './loadYamlDir.ts';

export const CONCEPT_NAME = /^[a-z][a-z0-9-]*$/;

export const conceptFileSchema = z.object({
  group: z.string().trim().min(1),
  sources: z.array(z.string().trim().min(3)).min(1, 'name the source of these words'),
  notes: z.string().optional(),
  concepts: z.record(
    z.string().regex(CONCEPT_NAME, 'concept names are lower-case-with-dashes'),
    z.array(z.string().trim().min(1, 'a term cannot be empty')).min(1, 'give at least one term'),
  ),
});

let englishWords: ReadonlySet<string> | undefined;

/** The word list of the `word-list` package, read once per process. */
function loadEnglishWords(): ReadonlySet<string> {
  englishWords ??= new Set(readFileSync(wordListPath, 'utf8').split('\n').filter((word) => word.length >= 5));
  return englishWords;
}

export interface ConceptLoad {
  vocabulary: ConceptVocabulary;
  problems: string[];
}

/** Loads `<contentDir>/lexicon/concepts/`; problems name the file and the concept. */
export function loadConcepts(contentDir: string): ConceptLoad {
  const load = loadYamlDir(join(contentDir, 'lexicon', 'concepts'), conceptFileSchema, contentDir);
  const problems = [...load.problems];
  const concepts = new Map<string, string[]>();
  const owner = new Map<string, string>();
  for (const { file, value } of load.items) {
    for (const [name, terms] of Object.entries(value.concepts)) {
      const first = owner.get(name);
      if (first !== undefined) problems.push(`${file}: concepts.${name}: concept "${name}" is already defined in ${first}`);
      else {
        concepts.set(name, terms);
        owner.set(name, file);
      }
    }
  }
  for (const [name, terms] of concepts) {
    terms.forEach((term, index) => {
      try {
        parsePhrase(term, concepts);
      } catch (error) {
        if (!(error instanceof PatternError)) throw error;
        problems.push(`${owner.get(name)}: concepts.${name}.${index}: ${error.message}`);
      }
    });
  }
  return { vocabulary: { concepts, englishWords: loadEnglishWords() }, problems };
}
