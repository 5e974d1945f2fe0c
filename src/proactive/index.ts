/**
 * The one outbound sender: made once at the start from the channel (src/bot/proactiveChannel.ts)
 * and handed to every part that posts, so all of them share the Teams limits.
 */
import type { Database } from '../store/database.ts';
import type { ProactiveChannel } from './channel.ts';
import { systemClock } from './limiter.ts';
import { ProactiveSender, teamsLimits, type SendLimits } from './sender.ts';
import { SharedSpacingLimiter } from './sharedLimiter.ts';

export { ProactiveSender, teamsLimits, type SendLimits } from './sender.ts';

/**
 * Several instances may share one PostgreSQL (DATABASE_URL): the tenant's limit is then kept in
 * the database so that together they stay under it.
 */
export function createSender(channel: ProactiveChannel, db: Database, limits: SendLimits = teamsLimits, databaseUrl?: string): ProactiveSender {
  const tenants = databaseUrl ? new SharedSpacingLimiter(db, limits.perTenant, systemClock, limits.headroom) : undefined;
  return new ProactiveSender(channel, limits, systemClock, Math.random, tenants);
}
