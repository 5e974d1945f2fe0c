import webpush from 'web-push';
import { z } from 'zod';
import type { Sql } from '../../store/database.ts';
import { channelSecret } from '../secrets.ts';

const vapidSchema = z.object({ publicKey: z.string().min(80), privateKey: z.string().min(40) });
export type VapidKeys = z.infer<typeof vapidSchema>;

/** The VAPID keys: made on the first start, kept in the database, the same for every instance after. */
export async function vapidKeys(db: Sql): Promise<VapidKeys> {
  const stored = await channelSecret(db, 'webpush.vapid', () => JSON.stringify(webpush.generateVAPIDKeys()));
  return vapidSchema.parse(JSON.parse(stored));
}
