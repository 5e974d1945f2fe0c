import { ActionTypes, ActivityTypes, EventFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { InboundActivity } from '../ports/messaging.ts';
import type { PersonReply } from './render.ts';
import { channelMessage, type PictureFolder } from '../channels/cards/index.ts';

/** The transcript that travels with a handoff, as Bot Framework activities. */
export interface TranscriptLine {
  from: 'person' | 'bot';
  text: string;
  at: string;
}

/**
 * The only place replies become Bot Framework activities (suggested actions work in Teams and Web Chat).
 * `turn` is the activity of the turn they answer: the person's message, or the continuation of a
 * proactive turn (the handoff event is addressed from it).
 */
export function toActivities(turn: Partial<Activity> | InboundActivity, replies: PersonReply[], transcript: () => TranscriptLine[], pictures?: PictureFolder): Partial<Activity>[] {
  // Cards and the text-only fallback depend on the channel (src/channels/cards); an exercise card
  // takes the question after it as its buttons, so one activity may stand for two replies.
  const activities: Partial<Activity>[] = [];
  for (let index = 0; index < replies.length; index++) {
    const channel = channelMessage(turn.channelId, replies, index, pictures);
    if (channel) index += channel.used - 1;
    activities.push(channel ? channel.activity : defaultActivity(turn as Partial<Activity>, replies[index]!, transcript));
  }
  return activities;
}

function defaultActivity(turn: Partial<Activity>, reply: PersonReply, transcript: () => TranscriptLine[]): Partial<Activity> {
  if (reply.kind === 'handoff') {
    const lines = transcript();
    // The factory reads only the turn's activity.
    return EventFactory.createHandoffInitiation({ activity: turn } as TurnContext, reply.value, {
      activities: lines.map((line) => ({
        type: ActivityTypes.Message,
        text: line.text,
        timestamp: new Date(line.at),
        from: line.from === 'person' ? turn.from : turn.recipient,
      })) as Activity[],
    });
  }
  if (reply.image) {
    return MessageFactory.attachment({ contentType: 'image/png', contentUrl: reply.image.dataUrl, name: reply.image.alt }, reply.text);
  }
  if (!reply.choices?.length) return MessageFactory.text(reply.text);
  // imBack sends the label as the person's own words, so a typed answer and a tap read the same.
  return MessageFactory.suggestedActions(
    reply.choices.map((choice) => ({ type: ActionTypes.ImBack, title: choice.label, value: choice.label })),
    reply.text,
  );
}
