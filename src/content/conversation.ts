import { join } from 'node:path';
import { z } from 'zod';
import { loadYamlFile, type ContentLoad } from './loadYamlDir.ts';
import { RED_FLAG_TIERS, REACHES, SIDES, SPINE_REGIONS, SURGERIES, SURGERY_KINDS } from '../vocabulary/index.ts';

const text = z.string().trim().min(1, 'must not be empty');
const region = z.enum(SPINE_REGIONS);

export const consentSchema = z.strictObject({ version: text, text });
export type Consent = z.infer<typeof consentSchema>;

/** Keys are referenced by the conversation machine; values are what the person reads. */
export const messagesSchema = z.record(z.string().regex(/^[a-zA-Z][\w.]*$/, 'keys are letters, digits, dots'), text);
export type Messages = z.infer<typeof messagesSchema>;

export const choiceSchema = z.strictObject({
  value: text,
  label: text,
  /** Words a person might type instead of pressing the button. */
  match: z.array(text).optional(),
  /** Shown only for these regions (typing it is understood everywhere). */
  regions: z.array(region).optional(),
  /** Shown only with these warning-sign questions. */
  flags: z.array(text).optional(),
});
export const questionSchema = z.strictObject({
  text: z.string(),
  /** The wording for a region, where the signs to ask about differ (the neck and mid back). */
  byRegion: z.partialRecord(region, text).optional(),
  choices: z.array(choiceSchema).min(1, 'needs at least one choice'),
  /** What the question means, said when the person asks back about it; then the question comes again. */
  help: text.optional(),
});
export type Question = z.infer<typeof questionSchema>;
export const questionsSchema = z.record(z.string(), questionSchema);

export const labelsSchema = z.record(z.string(), z.record(z.string(), text));
export type Labels = z.infer<typeof labelsSchema>;

const tier = z.enum(RED_FLAG_TIERS);
const flagId = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)+$/, 'a red-flag id such as ces.bowel');

export const screeningSchema = z.strictObject({
  source: text,
  sources: z.array(text).optional(),
  triggers: z.array(
    z.strictObject({
      flag: flagId,
      /** The tier when the flag is not in content/red-flags (a sign only screening answers raise). */
      urgency: tier.optional(),
      label: text.optional(),
      when: z.strictObject({
        region: z.array(region).optional(),
        reach: z.array(z.enum(REACHES)).optional(),
        sides: z.array(z.enum(SIDES)).optional(),
        surgery: z.array(z.enum(SURGERIES)).optional(),
      }),
    }),
  ),
  /** Warning-sign questions a region asks beyond the flags' own `regions` (cord compression in every region). */
  alsoAsk: z.partialRecord(region, z.array(flagId)).default({}),
  /** What an age means: `from` (at least) or `below`; `ask` puts the flag's question in the queue instead of raising it. */
  age: z
    .array(z.strictObject({ flag: flagId, from: z.number().int().min(0).max(130).optional(), below: z.number().int().min(0).max(130).optional(), ask: z.boolean().default(false), urgency: tier.optional(), label: text.optional() }))
    .default([]),
  surgeryKinds: z.record(z.enum(SURGERY_KINDS), z.enum(['discectomy', 'fusion'])).optional(),
  liftingLimitReviewWeeks: z.array(z.number().int().min(1).max(104)).default([6, 12]),
  recheckEveryDays: z.number().int().min(1).max(90).default(7),
  unsureTier: tier.default('urgent'),
  selfChecks: z.array(z.strictObject({ flags: z.array(flagId).min(1), text })).default([]),
  safetyQuestions: z.array(text).default([]),
});
export type Screening = z.infer<typeof screeningSchema>;

export interface ConversationContent {
  consent: Consent;
  messages: Messages;
  questions: Record<string, Question>;
  labels: Labels;
  screening: Screening;
}

function only<T>(load: ContentLoad<T>): T | undefined {
  return load.items[0]?.value;
}

export function loadConversationContent(dir: string): { content?: ConversationContent; problems: string[] } {
  const consent = loadYamlFile(join(dir, 'consent.yaml'), consentSchema, dir);
  const messages = loadYamlFile(join(dir, 'messages.yaml'), messagesSchema, dir);
  const questions = loadYamlFile(join(dir, 'questions.yaml'), questionsSchema, dir);
  const labels = loadYamlFile(join(dir, 'labels.yaml'), labelsSchema, dir);
  const screening = loadYamlFile(join(dir, 'screening.yaml'), screeningSchema, dir);
  const problems = [...consent.problems, ...messages.problems, ...questions.problems, ...labels.problems, ...screening.problems];
  const loaded = { consent: only(consent), messages: only(messages), questions: only(questions), labels: only(labels), screening: only(screening) };
  if (problems.length > 0 || !loaded.consent || !loaded.messages || !loaded.questions || !loaded.labels || !loaded.screening) return { problems };
  return { content: loaded as ConversationContent, problems };
}
