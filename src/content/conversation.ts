import { join } from 'node:path';
import { z } from 'zod';
import { loadYamlFile, type ContentLoad } from './loadYamlDir.ts';

const text = z.string().trim().min(1, 'must not be empty');

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
});
export const questionSchema = z.strictObject({
  text: z.string(),
  choices: z.array(choiceSchema).min(1, 'needs at least one choice'),
  /** What the question means, said when the person asks back about it; then the question comes again. */
  help: text.optional(),
});
export type Question = z.infer<typeof questionSchema>;
export const questionsSchema = z.record(z.string(), questionSchema);

export const labelsSchema = z.record(z.string(), z.record(z.string(), text));
export type Labels = z.infer<typeof labelsSchema>;

export const screeningSchema = z.strictObject({
  source: text,
  triggers: z.array(
    z.strictObject({
      flag: text,
      when: z.strictObject({
        region: z.array(z.enum(['lumbar', 'thoracic', 'cervical'])).optional(),
        reach: z.array(z.enum(['spine_only', 'buttock_thigh', 'below_knee', 'arm_hand', 'trunk'])).optional(),
        sides: z.array(z.enum(['one', 'both'])).optional(),
        surgery: z.array(z.enum(['none', 'discectomy', 'fusion'])).optional(),
      }),
    }),
  ),
});
export type Screening = z.infer<typeof screeningSchema>;

/** Questions and messages the machine refers to by key; a missing one must stop the start, not a turn. */
export const requiredQuestions = ['consent', 'region', 'pain', 'reach', 'sides', 'onset', 'surgery', 'weeksSinceSurgery', 'confirm', 'redFlagAnswer'] as const;

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
  if (loaded.questions) {
    for (const key of requiredQuestions) if (!loaded.questions[key]) problems.push(`questions.yaml: ${key}: question is missing`);
  }
  if (problems.length > 0 || !loaded.consent || !loaded.messages || !loaded.questions || !loaded.labels || !loaded.screening) return { problems };
  return { content: loaded as ConversationContent, problems };
}
