/**
 * The schema: every part's own migration steps, in one list. A part that needs tables declares
 * its steps in its own folder (an id range each) and is added here; the store knows none of them.
 */
import { channelMigrations } from './channels/migrations.ts';
import { clinicianMigrations } from './clinician/migrations.ts';
import { privacyMigrations } from './privacy/migrations.ts';
import { scheduleMigrations } from './schedule/migrations.ts';
import { storeMigrations, type Migration } from './store/migrations.ts';

export const schema: Migration[] = [
  // Conversations, clinical events, the handoff outbox (src/store/), ids 1-9.
  ...storeMigrations,
  // Daily check-ins (src/schedule/), ids 10-19.
  ...scheduleMigrations,
  // Clinician side (src/clinician/): cases, care-team channels, notices, audit, ids 30-39.
  ...clinicianMigrations,
  // Privacy (src/privacy/): erasure audit, confirmations, export links, ids 40-49.
  ...privacyMigrations,
  // Web chat (src/channels/): Direct Line conversations, tokens, history, web push, ids 50-59.
  ...channelMigrations,
];
