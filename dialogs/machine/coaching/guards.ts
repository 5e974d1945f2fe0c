import type { CoachCatalog } from '../../catalog.ts';
import { isReachLevel, movementResponses, weeklyMeasuresDue } from '../../coaching/index.ts';
import { dayOf, limbReviewDue, painReviewDue, sessionContinues } from '../../coachingSteps.ts';
import type { Guard } from '../shared.ts';
import { choiceOf, understandingOf, yesNoOf } from '../shared.ts';

const wantsToSkip = (event: Parameters<Guard>[0]['event']) => {
  const u = understandingOf(event);
  return u?.choice === 'skip' || u?.intent === 'skip';
};

export function coachingGuards(catalog: CoachCatalog) {
  const rules = catalog.coaching.rules;
  return {
    wantsSession: (({ event }) => yesNoOf(event) === 'yes' || choiceOf(event) === 'start' || understandingOf(event)?.intent === 'start_session') as Guard,
    wantsTomorrow: (({ event }) => understandingOf(event)?.intent === 'tomorrow') as Guard,
    wantsLater: (({ event }) => understandingOf(event)?.intent === 'later') as Guard,
    sessionIsStale: (({ context, event }) => context.coaching.session !== null && context.coaching.session.date < dayOf(event as { at: string; localDate?: string })) as Guard,
    gaveMovement: (({ event }) => (movementResponses as readonly string[]).includes(understandingOf(event)?.movement ?? '')) as Guard,
    // A limit in any unit, converted to kg by the shell ("20 lbs" is 9.1 kg); a bare number is in kg, as asked.
    gaveWeight: (({ event }) => {
      const kg = understandingOf(event)?.kg;
      return kg !== undefined && kg >= 0 && kg <= 200;
    }) as Guard,
    // "I don't know", "they didn't say", "not sure": no limit known.
    limitUnknown: (({ event }) => yesNoOf(event) === 'no' || yesNoOf(event) === 'unsure' || understandingOf(event)?.unknown === true) as Guard,
    needsLiftingLimit: (({ context }) => context.coaching.session === null && context.coaching.lastDecision === 'ask_lifting_limit') as Guard,
    sessionHasSteps: (({ context }) => (context.coaching.session?.steps.length ?? 0) > 0) as Guard,
    sessionContinues: (({ context }) => sessionContinues(context.coaching)) as Guard,
    painReviewDue: (({ context, event }) => painReviewDue(context.coaching, context.pain, event.at, context.limb) !== null) as Guard,
    limbReviewDue: (({ context, event }) => limbReviewDue(context.coaching, context.limb, event.at)) as Guard,

    // Item 6: where the symptoms reach before a set; asked when not known (session start, or after they moved).
    needsReachBefore: (({ context }) => context.coaching.profile?.limbSymptoms === true && (context.coaching.reachNow ?? null) === null) as Guard,
    gaveReachLevel: (({ event }) => isReachLevel(choiceOf(event))) as Guard,
    // Item 8: "skip this one", "I don't have a pool".
    wantsToSkip: (({ event }) => wantsToSkip(event)) as Guard,
    lacksEquipment: (({ event }) => choiceOf(event) === 'lacks_equipment') as Guard,

    // Item 10: the care-pathway questions, asked once when coaching starts.
    pathwayIncomplete: (({ context }) => context.coaching.profile !== null && context.coaching.pathway?.diagnosedBy === undefined) as Guard,
    gaveDiagnosedBy: (({ event }) => ['doctor', 'physio', 'specialist', 'nobody'].includes(choiceOf(event) ?? '')) as Guard,
    undiagnosed: (({ context }) => context.coaching.pathway?.diagnosedBy === 'nobody') as Guard,
    notApplicable: (({ event }) => choiceOf(event) === 'not_applicable') as Guard,
    notSure: (({ event }) => choiceOf(event) === 'not_sure') as Guard,
    isLumbar: (({ context }) => context.coaching.profile?.region === 'lumbar') as Guard,
    bonesAskedInScreening: (({ context }) => {
      const asked = catalog.screeningFlags[context.coaching.profile?.region ?? 'lumbar'] ?? [];
      return rules.pathway.boneFlags.some((flag) => asked.includes(flag)) || context.coaching.pathway?.osteoporosis !== undefined;
    }) as Guard,

    // Item 9: the weekly measures, on one check-in a week.
    weeklyDue: (({ context, event }) => context.coaching.programmeStart !== null && weeklyMeasuresDue(context.coaching.weeklyAskedOn, dayOf(event as { at: string; localDate?: string }), rules.weeklyMeasures)) as Guard,
    skipsWeekly: (({ event }) => wantsToSkip(event)) as Guard,
    psfsNeedsName: (({ context }) => !context.coaching.weekly?.namingDone && (context.coaching.outcomes?.psfs.length ?? 0) < rules.weeklyMeasures.psfsActivities) as Guard,
    psfsNeedsScore: (({ context }) => (context.coaching.weekly?.psfsIndex ?? 0) < (context.coaching.outcomes?.psfs.length ?? 0)) as Guard,
    namedDone: (({ event }) => choiceOf(event) === 'done') as Guard,
    gaveActivity: (({ event }) => {
      const u = understandingOf(event);
      return u !== undefined && u.choice === undefined && u.text.trim().length >= 3;
    }) as Guard,
    gaveNights: (({ event }) => {
      const n = understandingOf(event)?.number ?? understandingOf(event)?.score;
      return n !== undefined && n >= 0 && n <= 7;
    }) as Guard,
    gaveMinutes: (({ event }) => {
      const n = understandingOf(event)?.number;
      return n !== undefined && n >= 0 && n <= 600;
    }) as Guard,
    gaveMedication: (({ event }) => ['none', 'some_days', 'most_days', 'every_day'].includes(choiceOf(event) ?? '')) as Guard,
    grocDue: (({ context, event }) => {
      const start = context.coaching.programmeStart;
      return start !== null && Date.parse(event.at) - Date.parse(start) >= rules.weeklyMeasures.everyDays * 86_400_000 - 3_600_000;
    }) as Guard,
    gaveGroc: (({ event }) => ['much_better', 'better', 'a_little_better', 'same', 'a_little_worse', 'worse', 'much_worse'].includes(choiceOf(event) ?? '')) as Guard,
  };
}
