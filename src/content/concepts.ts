/**
 * The concept lexicon (content/lexicon/concepts/*.yaml): named lists of terms that warning-sign
 * rules combine ("urination + start-trouble"). Every term is test-parsed; a concept name is
 * defined once; `@name` inside a term refers to another concept. Also loads the English word
 * list that keeps spelling tolerance from "correcting" real words.
 */
import { loadPersonForms, withPersonForms } from './personForms.ts';
import { loadContextRules } from './contextRules.ts';
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

let englishWords: WordList | undefined;

/**
 * The word list of the `word-list` package (about 275,000 words), read once per process and
 * kept as one sorted array searched by halves: a Set of that many strings costs a third of a
 * second at start-up, the sorted array a tenth.
 */
class WordList {
  constructor(private readonly words: readonly string[]) {}
  has(word: string): boolean {
    let low = 0;
    let high = this.words.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const here = this.words[middle]!;
      if (here === word) return true;
      if (here < word) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }
}

export function loadEnglishWords(): WordList {
  englishWords ??= new WordList(readFileSync(wordListPath, 'utf8').split('\n').sort());
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
  // A carer's third person reads like the writer's own ("she has to push to wee"), as in the red-flag phrases.
  const forms = loadPersonForms(contentDir, problems);
  for (const [name, terms] of concepts) concepts.set(name, terms.map((term) => withPersonForms(term, forms)));
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
  // The detector reads every match with the context rules: they travel with the vocabulary it is given.
  const context = loadContextRules(contentDir, problems);
  return { vocabulary: { concepts, englishWords: loadEnglishWords(), ...(context ? { context } : {}) }, problems };
}
