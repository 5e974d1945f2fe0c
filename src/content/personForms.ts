/**
 * The words of the writer's own person and the forms another person's take (content/lexicon/person-forms.yaml):
 * a carer tells the same sign in the third person ("she has to strain", "all his tablets", "he keeps thinking
 * they'd be better off without him"). Every red-flag phrase and concept term written with the first form also
 * matches the others; whose sign it is, the context rules decide. Validated here, like every content file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { loadYamlFile } from './loadYamlDir.ts';

const word = z.string().regex(/^[a-z]+$/, 'a person form is one lower-case word');

export const personFormsSchema = z
  .object({
    sources: z.array(z.string()).optional(),
    forms: z.record(word, z.array(word).min(1)),
  })
  .strict();

export type PersonForms = ReadonlyMap<string, readonly string[]>;

/** Loads `<contentDir>/lexicon/person-forms.yaml`; none when the file is absent (a content folder of a test). */
export function loadPersonForms(contentDir: string, problems: string[]): PersonForms {
  const path = join(contentDir, 'lexicon', 'person-forms.yaml');
  if (!existsSync(path)) return new Map();
  const load = loadYamlFile(path, personFormsSchema, contentDir);
  problems.push(...load.problems);
  return new Map(Object.entries(load.items[0]?.value.forms ?? {}));
}

/** "all my tablets" -> "all (my|his|her|their) tablets": whole words only, never an `=word`, a `word*` or a `@concept`. */
export function withPersonForms(phrase: string, forms: PersonForms): string {
  if (forms.size === 0) return phrase;
  return phrase.replace(/(^|[\s(|[])([a-z]+)(?=[\s)|\]?]|$)/g, (whole, before: string, found: string) => {
    const others = forms.get(found);
    return others ? `${before}(${[found, ...others].join('|')})` : whole;
  });
}
