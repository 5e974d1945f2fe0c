import { readdirSync, readFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import { parseYaml } from './yamlCache.ts';
import { z } from 'zod';
import { formatIssuePath, idFileNameProblem, type ContentLoad } from './loadYamlDir.ts';

/**
 * Education comes in small Markdown pieces with YAML front matter, so a clinician can edit the
 * wording as prose. Each piece is kept short on purpose: the bot offers one where it fits in a
 * session, never a wall of text.
 */

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case words joined by hyphens');
const text = z.string().trim().min(1, 'must not be empty');

export const educationFrontMatterSchema = z.strictObject({
  id: slug,
  title: text,
  topics: z.array(slug).min(1),
  /** Questions in the person's words that this piece answers (phrase language of content/red-flags/README.md). */
  asks: z.array(text).optional(),
  source: text,
});

/** Longest body we accept: a few sentences read comfortably in a chat bubble. */
export const maxEducationChars = 700;

export interface EducationPiece extends z.infer<typeof educationFrontMatterSchema> {
  body: string;
}

const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

export function parseEducation(file: string, source: string): { piece?: EducationPiece; problems: string[] } {
  const match = frontMatter.exec(source);
  if (!match) return { problems: [`${file}: (file): front matter between --- lines is missing`] };
  let raw: unknown;
  try {
    raw = parseYaml(match[1] ?? '');
  } catch (error) {
    return { problems: [`${file}: (front matter): not valid YAML (${(error as Error).message.split('\n')[0]})`] };
  }
  const result = educationFrontMatterSchema.safeParse(raw);
  if (!result.success) return { problems: result.error.issues.map((i) => `${file}: ${formatIssuePath(i.path)}: ${i.message}`) };
  const body = (match[2] ?? '').trim();
  const problems: string[] = [];
  if (body.length === 0) problems.push(`${file}: body: must not be empty`);
  if (body.length > maxEducationChars) problems.push(`${file}: body: ${body.length} characters, keep it under ${maxEducationChars}`);
  const misnamed = idFileNameProblem(file, result.data.id);
  if (misnamed) problems.push(misnamed);
  return problems.length ? { problems } : { piece: { ...result.data, body }, problems };
}

export function loadEducation(dir: string): ContentLoad<EducationPiece> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.md')).sort();
  } catch {
    return { items: [], problems: [`${dir}: content folder is missing`] };
  }
  const items: { file: string; value: EducationPiece }[] = [];
  const problems: string[] = [];
  for (const name of names) {
    // Named from the content root (`education/faq-costs.md`), as a clinician sees it.
    const parsed = parseEducation(join(basename(dir), name), readFileSync(join(dir, name), 'utf8'));
    problems.push(...parsed.problems);
    if (parsed.piece) items.push({ file: join(basename(dir), name), value: parsed.piece });
  }
  return { items, problems };
}
