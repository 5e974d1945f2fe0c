import { z } from 'zod';

/** What the clinician webhook receives; checked before sending so a bad payload never leaves. */
export const webhookPayloadSchema = z.strictObject({
  handoffId: z.number().int().positive(),
  conversationId: z.string().min(1),
  urgency: z.enum(['emergency', 'urgent', 'soon', 'routine']),
  reasons: z.array(z.string().min(1)),
  region: z.enum(['lumbar', 'thoracic', 'cervical', 'unknown']),
  summary: z.string().min(1),
  createdAt: z.string(),
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;
