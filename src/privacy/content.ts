import { join } from 'node:path';
import { z } from 'zod';
import { loadYamlFile } from '../content/loadYamlDir.ts';

const text = z.string().trim().min(1, 'must not be empty');

export const privacyMessagesSchema = z.strictObject({
  whatWeKnow: z.strictObject({
    intro: text,
    nothing: text,
    consent: text,
    noConsent: text,
    profile: text,
    pain: text,
    flags: text,
    referrals: text,
    exercises: text,
    messages: text,
    checkins: text,
    checkinsStopped: text,
    who: text,
    retention: text,
    retentionForever: text,
    rights: text,
  }),
  export: z.strictObject({ summary: text, link: text }),
  delete: z.strictObject({ confirm: text, done: text, careTeamNote: text, kept: text }),
  rateLimited: text,
  unavailable: text,
});
export type PrivacyMessages = z.infer<typeof privacyMessagesSchema>;

/** content/privacy/messages.yaml, validated; problems name the file and the field. */
export function loadPrivacyContent(contentDir: string): { content?: PrivacyMessages; problems: string[] } {
  const loaded = loadYamlFile(join(contentDir, 'privacy', 'messages.yaml'), privacyMessagesSchema, contentDir);
  return { content: loaded.items[0]?.value, problems: loaded.problems };
}
