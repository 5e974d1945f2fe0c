import type { CoachCatalog } from '../../catalog.ts';
import { record, update } from '../shared.ts';

export function consentActions(catalog: CoachCatalog) {
  return {
    recordConsent: update(({ context }) => ({
      profile: { ...context.profile, consentVersion: catalog.consentVersion },
      outputs: [record('consent.given', { version: catalog.consentVersion })],
    })),
    recordDeclined: update(() => ({
      outputs: [record('consent.declined', { version: catalog.consentVersion })],
    })),
  };
}
