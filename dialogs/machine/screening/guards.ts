import { triggeredFlags, type CoachCatalog } from '../../catalog.ts';
import type { Guard } from '../shared.ts';
import { choiceOf, understandingOf } from '../shared.ts';

const holdsExercise = (catalog: CoachCatalog, flagId: string) => ['emergency', 'urgent'].includes(catalog.flagUrgency[flagId] ?? '');

export function screeningGuards(catalog: CoachCatalog) {
  return {
    gaveRegion: (({ event }) => {
      const u = understandingOf(event);
      return u?.region !== undefined || ['lumbar', 'thoracic', 'cervical'].includes(u?.choice ?? '');
    }) as Guard,
    gavePainScore: (({ event }) => understandingOf(event)?.score !== undefined) as Guard,
    gaveChoice: (({ event }) => choiceOf(event) !== undefined) as Guard,
    gaveWeeks: (({ event }) => {
      const n = understandingOf(event)?.number;
      return n !== undefined && n >= 0 && n <= 520;
    }) as Guard,
    reachesLimb: (({ context }) => context.profile.reach !== undefined && context.profile.reach !== 'spine_only') as Guard,
    hadSurgery: (({ context }) => context.profile.surgery !== undefined && context.profile.surgery !== 'none') as Guard,
    screeningQueueEmpty: (({ context }) => context.screeningQueue.length === 0) as Guard,
    currentFlagHoldsExercise: (({ context }) => {
      const flagId = context.screeningQueue[0];
      return flagId !== undefined && holdsExercise(catalog, flagId);
    }) as Guard,
    profileTriggersFlag: (({ context }) => triggeredFlags(catalog, context.profile).length > 0) as Guard,
    triggeredFlagHoldsExercise: (({ context }) => triggeredFlags(catalog, context.profile).some((id) => holdsExercise(catalog, id))) as Guard,
    screeningDone: (({ context }) => context.screeningDone) as Guard,
    screeningWasAt: (({ context }, params) => context.screeningAt === params.step) as Guard<{ step: string }>,
  };
}
