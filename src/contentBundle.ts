import { loadClinicianWording } from './clinician/index.ts';
import { loadWebChatWording } from './channels/content.ts';
import { loadContent } from './content/index.ts';
import { loadPrivacyContent } from './privacy/index.ts';
import { loadCheckinContent } from './schedule/index.ts';

/**
 * Every content file the product reads, loaded and validated in one pass: start-up and
 * `npm run content:check` use this same function, so they can never disagree.
 */
export function loadAllContent(dir: string) {
  const core = loadContent(dir);
  const schedule = loadCheckinContent(dir);
  const privacy = loadPrivacyContent(dir);
  const clinician = loadClinicianWording(dir);
  const webChat = loadWebChatWording(dir);
  const problems = [...core.problems, ...schedule.problems, ...privacy.problems, ...clinician.problems, ...webChat.problems];
  if (!core.content || !schedule.content || !privacy.content || !clinician.wording || !webChat.wording || problems.length > 0) return { problems };
  return { problems, bundle: { content: core.content, schedule: schedule.content, privacy: privacy.content, clinician: clinician.wording, webChat: webChat.wording } };
}
