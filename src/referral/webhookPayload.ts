import { z } from 'zod';
import { SPINE_REGIONS, URGENCY_ORDER } from '../vocabulary/index.ts';

/** What the clinician webhook receives; checked before sending so a bad payload never leaves. */
export const webhookPayloadSchema = z.strictObject({
  handoffId: z.number().int().positive(),
  conversationId: z.string().min(1),
  urgency: z.enum(URGENCY_ORDER),
  reasons: z.array(z.string().min(1)),
  region: z.enum([...SPINE_REGIONS, 'unknown']),
  summary: z.string().min(1),
  createdAt: z.string(),
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;
