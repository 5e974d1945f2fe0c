import { join } from 'node:path';
import { z } from 'zod';
import { loadYamlFile } from '../content/loadYamlDir.ts';

const text = z.string().trim().min(1);

export const webChatWordingSchema = z.strictObject({
  push: z.strictObject({ title: text.max(60), body: text.max(160) }),
});

export type WebChatWording = z.infer<typeof webChatWordingSchema>;

/** content/webchat/wording.yaml, checked at start-up and by `npm run content:check`. */
export function loadWebChatWording(contentDir: string): { wording?: WebChatWording; problems: string[] } {
  const load = loadYamlFile(join(contentDir, 'webchat', 'wording.yaml'), webChatWordingSchema, contentDir);
  return { wording: load.items[0]?.value, problems: load.problems };
}
