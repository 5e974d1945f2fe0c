import { z } from 'zod';
import type { CoachEvent } from '../../dialogs/types.ts';

/**
 * The shape an activity must have before anything acts on it. botbuilder checks little, so this is
 * where a malformed body is turned away with a clear message and nothing changes.
 */
export const inboundActivitySchema = z.looseObject({
  type: z.string({ message: 'type is required' }).min(1, 'type is required'),
  id: z.string().optional(),
  text: z.string().optional(),
  value: z.unknown().optional(),
  channelId: z.string().optional(),
  serviceUrl: z.string().optional(),
  conversation: z.looseObject({ id: z.string().min(1) }).optional(),
  from: z.looseObject({ id: z.string() }).optional(),
  recipient: z.looseObject({ id: z.string() }).optional(),
});

/** Values a button or card may send back; anything else is treated as typed text. */
export const cardValueSchema = z.strictObject({
  choice: z.string().min(1).max(100),
  question: z.string().max(100).optional(),
  /** The toggles ticked on a group card of warning-sign questions: their flag ids, comma-separated (Adaptive Cards' multi-select). */
  selected: z.string().max(2000).optional(),
});
export type CardValue = z.infer<typeof cardValueSchema>;

export function parseCardValue(value: unknown): CardValue | undefined {
  const result = cardValueSchema.safeParse(value);
  return result.success ? result.data : undefined;
}

/**
 * What the card tells the machine beyond the choice: the ticked toggles of a group card, and that
 * the channel shows cards (so warning-sign questions of one group may come as one card).
 */
export function withCardDetails(events: CoachEvent[], card: CardValue | undefined, cards: boolean): CoachEvent[] {
  const selected = card?.selected?.split(',').map((id) => id.trim()).filter(Boolean);
  return events.map((event) => {
    if (event.type !== 'MESSAGE') return event;
    return {
      ...event,
      ...(cards ? { cards: true } : {}),
      ...(selected?.length ? { understanding: { ...event.understanding, selected } } : {}),
    };
  });
}
