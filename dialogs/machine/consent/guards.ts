import type { CoachCatalog } from '../../catalog.ts';
import type { Guard } from '../shared.ts';

export function consentGuards(catalog: CoachCatalog) {
  return {
    consentOutdated: (({ context }) => context.profile.consentVersion !== undefined && context.profile.consentVersion !== catalog.consentVersion) as Guard,
  };
}
