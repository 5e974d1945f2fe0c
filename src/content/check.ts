import { resolve } from 'node:path';
import { loadAllContent } from '../contentBundle.ts';

/** `npm run content:check`: the same validation as start-up, for clinicians editing content. */
const dir = resolve(process.env.CONTENT_DIR ?? 'content');
const { bundle, problems } = loadAllContent(dir);
if (!bundle) {
  for (const problem of problems) console.error(problem);
  console.error(`content: ${problems.length} problem(s)`);
  process.exit(1);
}
const { content } = bundle;
console.log(
  `content ok: ${content.redFlags.list.length} red flags, ${content.exercises.list.length} exercises, ${content.plans.length} plans, ${content.education.length} education pieces, ${Object.keys(content.conversation.questions).length} questions`,
);
