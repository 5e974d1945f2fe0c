import type { CoachCatalog } from '../../catalog.ts';
import { push, record, update } from '../shared.ts';

export function consentActions(catalog: CoachCatalog) {
  return {
    recordConsent: update(({ context }) => ({
      profile: { ...context.profile, consentVersion: catalog.consentVersion },
      outputs: push(context, record('consent.given', { version: catalog.consentVersion })),
    })),
    recordDeclined: update(({ context }) => ({
      outputs: push(context, record('consent.declined', { version: catalog.consentVersion })),
    })),
  };
}
