/** Reads what the FHIR Bundle is built from: the conversation, its clinical log and its closed cases. */
import type { Bundle } from '@medplum/fhirtypes';
import type { Database } from '../../store/database.ts';
import { identityOf, readConversation } from '../../store/conversations.ts';
import { listEvents } from '../../store/events.ts';
import { casesOfConversation } from '../store.ts';
import { buildPatientBundle, type FhirDeps } from './bundle.ts';

/** The person's Bundle, or null when there is no such conversation. */
export async function loadPatientBundle(db: Database, deps: FhirDeps, conversationId: string, now: Date): Promise<Bundle | null> {
  const row = await readConversation(db, conversationId);
  if (!row) return null;
  const ids = await identityOf(db, conversationId);
  const events = await listEvents(db, conversationId, { limit: 20000 });
  const closedAt = (await casesOfConversation(db, conversationId)).flatMap((item) => (item.closedAt ? [item.closedAt] : []));
  return buildPatientBundle({ conversationId, channelId: ids?.channel_id ?? null, userId: ids?.user_id ?? null, context: row.conversation.context, events, closedAt, now }, deps);
}
