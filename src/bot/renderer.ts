/**
 * Machine replies as the channel's activities, for the person's own turn and for a proactive one:
 * the progress chart is filled in from the clinical log, a handoff carries the recent transcript.
 */
import { ActivityEx, type Activity, type ConversationReference } from 'botbuilder';
import type { Content } from '../content/index.ts';
import type { ConversationRef, InboundActivity, OutboundActivity } from '../ports/messaging.ts';
import { progressEventTypes, progressReport } from '../progress/report.ts';
import type { Database } from '../store/database.ts';
import { listEvents } from '../store/events.ts';
import type { PictureFolder } from '../channels/cards/index.ts';
import { toActivities, type TranscriptLine } from './activities.ts';
import { isPersonReply, type PersonReply, type Reply } from './render.ts';

export function createRenderer(deps: { db: Database; content: Content; /** The exercise pictures cards may show. */ pictures?: PictureFolder }) {
  async function transcriptOf(conversationId: string): Promise<TranscriptLine[]> {
    const events = await listEvents(deps.db, conversationId, { types: ['message.received', 'message.sent'], limit: 40 });
    return events.map((event) => ({ from: event.type === 'message.received' ? 'person' : 'bot', text: String(event.data.text ?? ''), at: event.at }));
  }

  /** Fills in the progress chart from the clinical log (aggregated per day, last 120 days of events). */
  async function withProgress(conversationId: string, replies: Reply[]): Promise<PersonReply[]> {
    if (!replies.some((reply) => reply.kind === 'progress')) return replies.filter(isPersonReply);
    const events = await listEvents(deps.db, conversationId, { types: progressEventTypes, limit: 2000 });
    const report = progressReport(events, deps.content);
    const image = { dataUrl: `data:image/png;base64,${report.image.png.toString('base64')}`, alt: report.image.alt, title: report.image.title };
    return replies.flatMap((reply): PersonReply[] => (reply.kind === 'progress' ? [{ kind: 'message', text: report.text, image }] : isPersonReply(reply) ? [reply] : []));
  }

  /** Replies answering `turn` (the person's activity), with the transcript a handoff carries. */
  function forTurn(turn: InboundActivity, replies: PersonReply[], transcript: TranscriptLine[]): Partial<Activity>[] {
    return toActivities(turn, replies, () => transcript, deps.pictures);
  }

  /** Activities for replies sent proactively to a stored reference (as from continueConversationAsync's turn). */
  async function activitiesFor(reference: ConversationRef, replies: Reply[]): Promise<OutboundActivity[]> {
    const turn = ActivityEx.getContinuationActivity(reference as Partial<ConversationReference>);
    const conversationId = turn.conversation?.id;
    const transcript = conversationId && replies.some((reply) => reply.kind === 'handoff') ? await transcriptOf(conversationId) : [];
    return toActivities(turn, conversationId ? await withProgress(conversationId, replies) : replies.filter(isPersonReply), () => transcript, deps.pictures) as OutboundActivity[];
  }

  return { transcriptOf, withProgress, forTurn, activitiesFor };
}

export type Renderer = ReturnType<typeof createRenderer>;
