import { triggeredFlags, type CoachCatalog } from '../../catalog.ts';
import type { Guard } from '../shared.ts';
import { choiceOf, understandingOf, yesNoOf } from '../shared.ts';
import { daysOf, kgOf } from './actions.ts';
import { ageFlags, raisedQueue, rulesOf } from './flags.ts';
import { dayOf } from '../../coachingSteps.ts';
import { SPINE_REGIONS, SURGERY_KINDS, holdsExercise as tierHoldsExercise } from '../../../src/vocabulary/index.ts';

const holdsExercise = (catalog: CoachCatalog, flagId: string) => tierHoldsExercise(catalog.flagUrgency[flagId]);
const isOneOf = (names: readonly string[], value: string | undefined) => value !== undefined && names.includes(value);

export function screeningGuards(catalog: CoachCatalog) {
  return {
    gaveRegion: (({ event }) => {
      const u = understandingOf(event);
      return u?.region !== undefined || isOneOf(SPINE_REGIONS, u?.choice);
    }) as Guard,
    gavePainScore: (({ event }) => understandingOf(event)?.score !== undefined) as Guard,
    gaveChoice: (({ event }) => choiceOf(event) !== undefined) as Guard,
    gaveWeeks: (({ event }) => {
      const n = understandingOf(event)?.number;
      return n !== undefined && n >= 0 && n <= 520;
    }) as Guard,
    gaveAge: (({ event }) => {
      const u = understandingOf(event);
      return u?.choice === 'skip' || (u?.number !== undefined && u.number >= 1 && u.number <= 120);
    }) as Guard,
    gaveSurgeryKind: (({ event }) => isOneOf(SURGERY_KINDS, choiceOf(event))) as Guard,
    saidNoSurgery: (({ event }) => choiceOf(event) === 'none' || (choiceOf(event) === undefined && yesNoOf(event) === 'no')) as Guard,
    gaveDays: (({ event }) => {
      const days = daysOf(event);
      return days !== undefined && days >= 0 && days <= 36_500;
    }) as Guard,
    gaveKg: (({ event }) => {
      const kg = kgOf(event);
      return kg !== undefined && kg >= 0 && kg <= 200;
    }) as Guard,
    /** Symptoms spread beyond the spine (to a limb, or round the trunk): which side is asked. */
    spreads: (({ context }) => context.profile.reach !== undefined && context.profile.reach !== 'spine_only') as Guard,
    /** A leg or an arm: the check-in asks its score (not for pain round the ribs). */
    reachesLimb: (({ context }) => context.profile.reach !== undefined && context.profile.reach !== 'spine_only' && context.profile.reach !== 'trunk') as Guard,
    hadSurgery: (({ context }) => context.profile.surgery !== undefined && context.profile.surgery !== 'none') as Guard,
    surgeryKindKnown: (({ context }) => context.profile.surgeryKind !== undefined) as Guard,
    screeningQueueEmpty: (({ context }) => context.screeningQueue.length === 0) as Guard,
    currentFlagHoldsExercise: (({ context }) => {
      const flagId = context.screeningQueue[0];
      return flagId !== undefined && holdsExercise(catalog, flagId);
    }) as Guard,
    currentFlagIsEmergency: (({ context }) => catalog.flagUrgency[context.screeningQueue[0] ?? ''] === 'emergency') as Guard,
    profileTriggersFlag: (({ context }) => triggeredFlags(catalog, context.profile).some((id) => !context.redFlags.some((r) => r.flagId === id))) as Guard,
    triggeredFlagHoldsExercise: (({ context }) => triggeredFlags(catalog, context.profile).some((id) => holdsExercise(catalog, id) && !context.redFlags.some((r) => r.flagId === id))) as Guard,
    ageRaisesFlag: (({ context }) => ageFlags(catalog, context.profile.age).raise.some((id) => !context.redFlags.some((r) => r.flagId === id))) as Guard,
    screeningDone: (({ context }) => context.screeningDone) as Guard,
    screeningWasAt: (({ context }, params) => context.screeningAt === params.step) as Guard<{ step: string }>,
    saidUnsure: (({ event }) => choiceOf(event) === 'unsure') as Guard,
    flagNotApplicable: (({ event }) => choiceOf(event) === 'not_applicable') as Guard,
    askingGroup: (({ context }) => (context.asking?.group?.length ?? 0) > 0) as Guard,
    groupNone: (({ event }) => choiceOf(event) === 'none_of_these' || (choiceOf(event) === undefined && yesNoOf(event) === 'no')) as Guard,
    groupTicked: (({ event }) => choiceOf(event) === 'selected' && (understandingOf(event)?.selected?.length ?? 0) > 0) as Guard,
    groupTickedHoldsExercise: (({ context, event }) =>
      (understandingOf(event)?.selected ?? []).some((id) => (context.asking?.group ?? []).includes(id) && holdsExercise(catalog, id))) as Guard,
    correctionIs: (({ event }, params) => choiceOf(event) === `change_${params.field}`) as Guard<{ field: string }>,
    correcting: (({ context }) => context.correcting === true) as Guard,
    /** The surgeon's limit has reached its review day (6 and 12 weeks after the operation). */
    liftingLimitReviewDue: (({ context, event }) => {
      const until = context.profile.liftingLimit?.until;
      return context.profile.surgery !== undefined && context.profile.surgery !== 'none' && until !== undefined && until <= dayOf(event as { at: string; localDate?: string });
    }) as Guard,
    /** A week (content/screening.yaml) since raised warning signs were last asked again, and there are some. */
    flagRecheckDue: (({ context, event }) => {
      if (raisedQueue(catalog, context).length === 0) return false;
      const last = context.flagsRecheckedOn;
      const today = dayOf(event as { at: string; localDate?: string });
      return !last || Date.parse(today) - Date.parse(last) >= rulesOf(catalog).recheckEveryDays * 86_400_000;
    }) as Guard,
    reachUnknown: (({ context }) => context.profile.reach === undefined) as Guard,
    gaveChoiceOf: (({ event }, params) => choiceOf(event) === params.value) as Guard<{ value: string }>,
  };
}
