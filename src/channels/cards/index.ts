import type { Activity } from 'botbuilder';
import type { Reply } from '../../bot/render.ts';
import { exerciseCard, groupCard, textWithChoices } from './adaptive.ts';
import { capabilitiesOf } from './capabilities.ts';

export { capabilitiesOf } from './capabilities.ts';
export { exerciseCard, choiceCard, groupCard, submitData, textWithChoices, ADAPTIVE_CARD_CONTENT_TYPE, ADAPTIVE_CARD_VERSION } from './adaptive.ts';
export { pictureFolder, type PictureFolder } from './pictures.ts';
import type { PictureFolder } from './pictures.ts';

type MessageReply = Extract<Reply, { kind: 'message' }>;

/**
 * The channel-specific part of turning message replies into activities. Returns undefined for a
 * reply that the default rendering (text + suggested actions) already fits; otherwise the activity,
 * and how many replies it used (an exercise card takes the question after it as its buttons).
 */
export function channelMessage(channelId: string | undefined, replies: Reply[], index: number, pictures?: PictureFolder): { activity: Partial<Activity>; used: number } | undefined {
  const reply = replies[index];
  if (!reply || reply.kind !== 'message') return undefined;
  const can = capabilitiesOf(channelId);
  if (reply.exercise && can.cards) {
    const next = replies[index + 1];
    const question = next?.kind === 'message' && next.choices?.length && !next.exercise ? (next as MessageReply) : undefined;
    const card = exerciseCard(reply.exercise, reply.text, question ? { text: question.text, question: question.question, choices: question.choices ?? [] } : undefined, {
      messageBack: can.messageBack,
      pictures: channelId === 'directline' || channelId === 'webchat',
      ...(pictures ? { folder: pictures } : {}),
    });
    return { activity: { type: 'message', summary: reply.exercise.title, attachments: [card], attachmentLayout: 'list' }, used: question ? 2 : 1 };
  }
  if (reply.group && can.cards) {
    // The card shows the questions as toggles; the text before them (what was said first) stays above.
    const intro = reply.text.split('\n\n').slice(0, -2).join('\n\n');
    const question = { text: reply.text.split('\n\n').at(-2) ?? '', question: reply.question, choices: reply.choices ?? [] };
    const card = groupCard(question.text, question, reply.group.items, { messageBack: can.messageBack });
    return { activity: { type: 'message', ...(intro ? { text: intro } : {}), summary: question.text, attachments: [card], attachmentLayout: 'list' }, used: 1 };
  }
  if (!can.buttons && reply.choices?.length) {
    return { activity: { type: 'message', text: textWithChoices(reply.text, reply.choices) }, used: 1 };
  }
  return undefined;
}
