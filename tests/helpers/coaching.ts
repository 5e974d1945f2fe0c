import type { Reply } from '../../src/bot/render.ts';
import { allText, buttons, type BotActivity, type Person, type RunningBot } from './botClient.ts';

/** Exercise headers in replies: "Exercise 1 of 3: <name> — <stage>". */
export const shownExercises = (replies: BotActivity[]) =>
  replies.map((r) => r.text ?? '').filter((t) => t.startsWith('Exercise ')).map((t) => t.split('\n')[0]!);

/** The question before a set: where the limb symptoms reach right now. */
export const reachAsked = (replies: BotActivity[]) => /where do you feel the pain, tingling or numbness right now/i.test(allText(replies));

/** Text of replies from a proactive turn (a check-in, a clinician's change). */
export const replyText = (replies: Reply[] | undefined) =>
  (replies ?? []).flatMap((r) => (r.kind === 'message' ? [r.text] : [])).join('\n');

/**
 * Answers the current session one set at a time: `reach` when asked where the symptoms are
 * (before the exercise's card), then `answer(header)` for each exercise (or the same words for all), until the session ends
 * or `sets` sets were answered. Returns the headers seen and every reply.
 */
export async function answerSets(
  person: Person,
  first: BotActivity[],
  answer: string | ((header: string) => string),
  options: { reach?: string; sets?: number } = {},
): Promise<{ headers: string[]; replies: BotActivity[] }> {
  let replies = first;
  const headers: string[] = [];
  const all = [...first];
  for (let i = 0; i < (options.sets ?? 12); i++) {
    if (reachAsked(replies)) {
      replies = await person.say(options.reach ?? 'below the knee');
      all.push(...replies);
    }
    const shown = shownExercises(replies);
    if (shown.length === 0) break;
    headers.push(...shown);
    replies = await person.say(typeof answer === 'string' ? answer : answer(shown.at(-1)!));
    all.push(...replies);
  }
  return { headers, replies: all };
}

/**
 * A daily check-in at `when`: the pain score, the leg or arm score when asked, "not today" to the
 * weekly measures (unless `weekly` answers them), then "no" to the warning question. Returns what
 * the person saw; the session that follows has just been offered.
 */
export async function checkIn(
  bot: RunningBot,
  person: Person,
  setClock: (at: Date) => void,
  when: Date,
  answers: { pain: string; limb?: string; weekly?: (question: string) => string | undefined },
): Promise<BotActivity[]> {
  setClock(when);
  const started = await bot.app.bot.proactiveTurn(person.conversationId, () => [{ type: 'CHECK_IN', at: when.toISOString() }]);
  const opening = replyText(started?.replies);
  if (!/pain/i.test(opening)) throw new Error(`no check-in question: ${opening}`);
  let replies = await person.say(answers.pain);
  const seen = [...replies];
  for (let i = 0; i < 16; i++) {
    const text = allText(replies);
    if (/leg or arm today/i.test(text)) replies = await person.say(answers.limb ?? '3');
    else if (/anything new/i.test(text)) {
      replies = await person.say('no');
      seen.push(...replies);
      break;
    } else if (buttons(replies).includes('Not today')) replies = await person.say(answers.weekly?.(text) ?? 'not today');
    else throw new Error(`unexpected check-in question: ${text}`);
    seen.push(...replies);
  }
  return seen;
}
