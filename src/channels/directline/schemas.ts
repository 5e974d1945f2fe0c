import { z } from 'zod';

/** What a browser may post to start a conversation (Direct Line 3.0); everything is optional. */
export const startConversationSchema = z
  .looseObject({
    user: z.looseObject({ id: z.string().max(200).optional(), name: z.string().max(200).optional() }).optional(),
    locale: z.string().max(35).optional(),
  })
  .optional();

/**
 * An activity a browser posts. Only what a person can say is accepted: messages (text and/or a card
 * value), events and typing. Identity fields (`from`, `conversation`, `recipient`, `serviceUrl`) are
 * ignored and set by the endpoint, so nobody can post as someone else.
 */
export const clientActivitySchema = z.looseObject({
  type: z.enum(['message', 'event', 'typing'], { message: 'type must be message, event or typing' }),
  text: z.string().max(20_000).optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  value: z.unknown().optional(),
  name: z.string().max(200).optional(),
  locale: z.string().max(35).optional(),
  localTimestamp: z.string().max(64).optional(),
  localTimezone: z.string().max(64).optional(),
  entities: z.array(z.looseObject({ type: z.string() })).max(20).optional(),
  channelData: z
    .looseObject({
      clientActivityID: z.string().max(200).optional(),
      clientTimestamp: z.string().max(64).optional(),
      messageBack: z.looseObject({ displayText: z.string().max(1000).optional() }).optional(),
    })
    .optional(),
});
export type ClientActivity = z.infer<typeof clientActivitySchema>;

/** What the bot sends to the in-process connector (Bot Framework Connector API, send/reply to conversation). */
export const botActivitySchema = z.looseObject({
  type: z.string().min(1),
  id: z.string().optional(),
  text: z.string().optional(),
  speak: z.string().optional(),
  summary: z.string().optional(),
  inputHint: z.string().optional(),
  textFormat: z.string().optional(),
  locale: z.string().optional(),
  name: z.string().optional(),
  value: z.unknown().optional(),
  attachmentLayout: z.string().optional(),
  attachments: z.array(z.looseObject({ contentType: z.string() })).optional(),
  suggestedActions: z.looseObject({ actions: z.array(z.looseObject({ type: z.string() })) }).optional(),
  entities: z.array(z.looseObject({ type: z.string() })).optional(),
  channelData: z.unknown().optional(),
  replyToId: z.string().optional(),
  from: z.looseObject({ id: z.string() }).optional(),
});
export type BotActivity = z.infer<typeof botActivitySchema>;
