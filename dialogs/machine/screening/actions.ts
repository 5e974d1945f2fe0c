import { triggeredFlags, type CoachCatalog } from '../../catalog.ts';
import { dayOf } from '../../coachingSteps.ts';
import type { CoachContext, CoachEvent, Onset, Output, Profile, Reach, RedFlagHit, Region, Sides, SurgeryKind } from '../../types.ts';
import { refer } from '../referral/refer.ts';
import { answerDetails, choiceOf, KEEP_PAIN, record, understandingOf, update, type MessageEvent } from '../shared.ts';
import { ageFlags, nextGroup, raisedQueue, recheckQueue, rulesOf, screeningQueue } from './flags.ts';
import { liftingLimitUntil, surgeryDay } from './surgery.ts';

const day = (event: CoachEvent) => dayOf(event as { at: string; localDate?: string });
const asked = (context: CoachContext, ...ids: string[]) => [...new Set([...(context.screeningAsked ?? []), ...ids])];

/** A number the person gave for days or kilograms: the shell's converted value, or a button's value. */
export function daysOf(event: CoachEvent): number | undefined {
  const u = understandingOf(event);
  if (u?.days !== undefined) return u.days;
  const choice = Number(u?.choice);
  return u?.choice !== undefined && Number.isFinite(choice) ? choice : undefined;
}
export function kgOf(event: CoachEvent): number | undefined {
  const u = understandingOf(event);
  if (u?.kg !== undefined) return u.kg;
  const choice = Number(u?.choice);
  return u?.choice !== undefined && Number.isFinite(choice) ? choice : undefined;
}

export function screeningActions(catalog: CoachCatalog) {
  const rules = rulesOf(catalog);
  const hitFor = (flagId: string, matched: string): RedFlagHit => ({ flagId, urgency: catalog.flagUrgency[flagId] ?? 'urgent', matched });

  return {
    askCurrentFlag: update(({ context }) => {
      const flagId = context.screeningQueue[0];
      if (flagId === undefined) return {};
      return {
        outputs: [{ kind: 'ask', question: 'redFlagAnswer', flagId }],
        asking: { question: 'redFlagAnswer', flagId },
        failedTries: 0,
      };
    }),
    /** On a card channel the next questions of one group come as one card (each its own toggle); elsewhere one at a time. */
    askFlagOrGroup: update(({ context }) => {
      const flagId = context.screeningQueue[0];
      if (flagId === undefined) return {};
      const group = context.cardChannel ? nextGroup(context.screeningQueue, catalog.flagUrgency) : [];
      if (group.length >= 2) {
        return {
          outputs: [{ kind: 'ask', question: 'redFlagGroup', flagId, group }],
          asking: { question: 'redFlagGroup', flagId, group },
          failedTries: 0,
        };
      }
      return { outputs: [{ kind: 'ask', question: 'redFlagAnswer', flagId }], asking: { question: 'redFlagAnswer', flagId }, failedTries: 0 };
    }),
    /** The channel the answer came from decides how the warning-sign questions are shown. */
    noteChannel: update(({ event }) => (event.type === 'MESSAGE' ? { cardChannel: event.cards === true } : {})),
    /** A typed "yes" to a group card: its questions are asked one at a time, so each answer is explicit. */
    ungroup: update(() => ({ cardChannel: false })),
    recordRegion: update(({ context, event }) => {
      const u = understandingOf(event);
      const region = (u?.region ?? u?.choice) as Region;
      // A corrected region may not have the spread the old one had (an arm for the low back).
      const reach = context.profile.reach === 'arm_hand' && region !== 'cervical' ? undefined : context.profile.reach === 'trunk' && region !== 'thoracic' ? undefined : context.profile.reach;
      return {
        profile: { ...context.profile, region, reach },
        outputs: [record('screening.answer', { question: 'region', value: region }), { kind: 'say', key: 'regionNoted', vars: { region } }],
      };
    }),
    recordPain: update(({ context, event }) => {
      const score = understandingOf(event)?.score ?? 0;
      const at = (event as MessageEvent).at;
      return {
        pain: [...context.pain, { at, score }].slice(-KEEP_PAIN),
        outputs: [record('pain.score', { score, context: 'screening', ...answerDetails(event) })],
      };
    }),
    recordChoice: update<{ field: 'reach' | 'sides' | 'onset' }>(({ context, event }, params) => {
      const value = choiceOf(event) as Reach & Sides & Onset;
      const profile: Profile = { ...context.profile, [params.field]: value };
      // Symptoms that stay in the spine have no side.
      if (params.field === 'reach' && value === 'spine_only') delete profile.sides;
      return { profile, outputs: [record('screening.answer', { question: params.field, value, ...answerDetails(event) })] };
    }),
    /** Older snapshots asked weeks; kept so they can finish. */
    recordWeeks: update(({ context, event }) => {
      const weeks = understandingOf(event)?.number ?? 0;
      return {
        profile: { ...context.profile, weeksSinceSurgery: weeks, daysSinceSurgery: weeks * 7, surgeryAskedOn: day(event) },
        outputs: [record('screening.answer', { question: 'weeksSinceSurgery', value: weeks })],
      };
    }),
    recordAge: update(({ context, event }) => {
      const u = understandingOf(event);
      const age = u?.choice === 'skip' ? undefined : u?.number;
      const profile: Profile = { ...context.profile };
      if (age === undefined) delete profile.age;
      else profile.age = age;
      return { profile, outputs: [record('screening.answer', { question: 'age', value: age ?? null })] };
    }),
    /** An age that is a warning sign by itself (under 20) refers at its tier; 50 or older asks whether the pain is new. */
    referForAge: update(({ context, event }) => {
      const raise = ageFlags(catalog, context.profile.age).raise.filter((id) => !context.redFlags.some((r) => r.flagId === id));
      return refer(context, raise.map((id) => hitFor(id, `age ${context.profile.age}`)), event.at);
    }),
    recordSurgery: update(({ context, event }) => {
      const kind = (choiceOf(event) ?? 'none') as SurgeryKind | 'none';
      const profile: Profile = { ...context.profile };
      if (kind === 'none') {
        profile.surgery = 'none';
        for (const key of ['surgeryKind', 'daysSinceSurgery', 'weeksSinceSurgery', 'surgeryAskedOn', 'liftingLimit'] as const) delete profile[key];
      } else {
        profile.surgeryKind = kind;
        profile.surgery = rules.surgeryKinds[kind] ?? (kind === 'fusion' ? 'fusion' : 'discectomy');
      }
      return { profile, outputs: [record('screening.answer', { question: 'surgery', value: kind })] };
    }),
    recordSurgeryWhen: update(({ context, event }) => {
      const days = Math.round(daysOf(event) ?? 0);
      return {
        profile: { ...context.profile, daysSinceSurgery: days, weeksSinceSurgery: Math.round(days / 7), surgeryAskedOn: day(event) },
        outputs: [record('screening.answer', { question: 'surgeryWhen', value: days, days })],
      };
    }),
    /** The surgeon's limit, converted to kg and read back, with the day it is asked again (6 and 12 weeks after the operation). */
    recordScreeningLiftingLimit: update(({ context, event }) => {
      const kg = kgOf(event);
      const known = kg !== undefined;
      const until = liftingLimitUntil(context.profile, day(event), rules.liftingLimitReviewWeeks);
      const limit = { kg: known ? Math.round(kg * 10) / 10 : null, known, until };
      return {
        profile: { ...context.profile, liftingLimit: limit },
        outputs: [
          record('liftingLimit.given', { kg: limit.kg ?? 0, ...(known ? {} : { known: false }), until, context: 'screening' }),
          known ? { kind: 'say', key: 'liftingLimit.readBack', vars: { kg: limit.kg!, lb: Math.round(limit.kg! * 2.20462), until } } : { kind: 'say', key: 'liftingLimit.unknownScreening', vars: { until } },
        ],
      };
    }),
    planScreening: update(({ context, event }) =>
      // At a check-in (screening done) every question of the region is asked again, raised and cleared ones too.
      context.screeningDone ? { screeningQueue: recheckQueue(catalog, context), flagsRecheckedOn: day(event) } : { screeningQueue: screeningQueue(catalog, context) },
    ),
    /** The weekly recheck: the warning signs raised before (and since cleared) are asked again. */
    planWeeklyRecheck: update(({ context, event }) => ({ screeningQueue: raisedQueue(catalog, context), flagsRecheckedOn: day(event) })),
    askLimitReview: update(({ context, event }) => {
      const operated = surgeryDay(context.profile);
      const weeks = operated ? Math.round((Date.parse(day(event)) - Date.parse(operated)) / (7 * 86_400_000)) : undefined;
      const kg = context.profile.liftingLimit?.kg;
      return {
        outputs: [
          { kind: 'say', key: kg !== null && kg !== undefined ? 'liftingLimit.review' : 'liftingLimit.reviewUnknown', vars: { weeks: weeks ?? '?', kg: kg ?? '' } },
          { kind: 'ask', question: 'liftingLimitReview' },
        ],
        asking: { question: 'liftingLimitReview' },
        failedTries: 0,
      };
    }),
    /** The limit at its review: a new weight, the same, or not known; the coaching plan follows it at once. */
    recordLimitReview: update(({ context, event }) => {
      const before = context.profile.liftingLimit;
      const same = choiceOf(event) === 'same';
      const kg = same ? (before?.kg ?? null) : (kgOf(event) ?? null);
      const until = liftingLimitUntil(context.profile, day(event), rules.liftingLimitReviewWeeks);
      const limit = { kg: kg === null ? null : Math.round(kg * 10) / 10, known: kg !== null, until };
      const coachingProfile = context.coaching.profile ? { ...context.coaching.profile, liftingLimitKg: limit.kg ?? 0 } : null;
      return {
        profile: { ...context.profile, liftingLimit: limit },
        coaching: { ...context.coaching, profile: coachingProfile },
        outputs: [
          record('liftingLimit.given', { kg: limit.kg ?? 0, ...(limit.known ? {} : { known: false }), until, context: 'review', ...(same ? { unchanged: true } : {}) }),
          limit.known ? { kind: 'say', key: 'liftingLimit.readBack', vars: { kg: limit.kg!, lb: Math.round(limit.kg! * 2.20462), until } } : { kind: 'say', key: 'liftingLimit.unknownScreening', vars: { until } },
        ],
      };
    }),
    referFromTriggers: update(({ context, event }) =>
      refer(
        context,
        triggeredFlags(catalog, context.profile)
          .filter((flagId) => !context.redFlags.some((r) => r.flagId === flagId))
          .map((flagId) => hitFor(flagId, `answers: ${[context.profile.region, context.profile.reach, context.profile.sides].filter(Boolean).join(', ')}`)),
        (event as MessageEvent).at,
      ),
    ),
    referForCurrentFlag: update(({ context, event }) => {
      const flagId = context.screeningQueue[0] ?? '';
      return {
        ...refer(context, [hitFor(flagId, `yes to: ${flagId}`)], event.at),
        screeningQueue: context.screeningQueue.slice(1),
        screeningAsked: asked(context, flagId),
      };
    }),
    denyCurrentFlag: update(({ context, event }) => {
      const u = understandingOf(event);
      const answer = u?.choice === 'not_applicable' ? { answer: 'not_applicable' } : {};
      return {
        outputs: [record('redFlag.denied', { flagId: context.screeningQueue[0] ?? null, ...answer })],
        screeningQueue: context.screeningQueue.slice(1),
        screeningAsked: asked(context, context.screeningQueue[0] ?? ''),
      };
    }),
    /** "Not sure" to a question that is not an emergency one: noted for the clinician, and on to the next. */
    noteUnsure: update(({ context }) => ({
      outputs: [record('redFlag.unsure', { flagId: context.screeningQueue[0] ?? null, answer: 'unsure' }), { kind: 'say', key: 'unsure.noted' }],
      screeningQueue: context.screeningQueue.slice(1),
      screeningAsked: asked(context, context.screeningQueue[0] ?? ''),
    })),
    /** "Not sure" to an emergency question: a short self-check, then the question once more. */
    showSelfCheck: update(({ context }) => {
      const flagId = context.screeningQueue[0] ?? '';
      return {
        outputs: [
          record('redFlag.unsure', { flagId, answer: 'unsure', selfCheck: true }),
          { kind: 'say', key: 'selfCheck', vars: { flag: flagId } },
          { kind: 'ask', question: 'redFlagAfterCheck', flagId },
        ],
        asking: { question: 'redFlagAfterCheck', flagId },
        failedTries: 0,
      };
    }),
    /** Still not sure after the self-check: same-day contact, and no exercise until checked. */
    referUnsure: update(({ context, event }) => {
      const flagId = context.screeningQueue[0] ?? '';
      return {
        ...refer(context, [{ flagId, urgency: rules.unsureTier, matched: `not sure, after the self-check: ${flagId}` }], event.at),
        screeningQueue: context.screeningQueue.slice(1),
        screeningAsked: asked(context, flagId),
      };
    }),
    /** "None of these" on a group card: each of its questions is recorded as denied. */
    denyGroup: update(({ context }) => {
      const group = context.asking?.group ?? [];
      return {
        outputs: [...group.map((flagId) => record('redFlag.denied', { flagId, via: 'group' }))],
        screeningQueue: context.screeningQueue.filter((id) => !group.includes(id)),
        screeningAsked: asked(context, ...group),
      };
    }),
    /** The ticked ones of a group card are raised (one referral), the others denied. */
    answerGroup: update(({ context, event }) => {
      const group = context.asking?.group ?? [];
      const ticked = new Set((understandingOf(event)?.selected ?? []).filter((id) => group.includes(id)));
      const denied = group.filter((id) => !ticked.has(id));
      const referral = refer(context, [...ticked].map((id) => hitFor(id, `ticked: ${id}`)), event.at);
      return {
        ...referral,
        outputs: [...(referral.outputs ?? []), ...denied.map((flagId) => record('redFlag.denied', { flagId, via: 'group' }))],
        screeningQueue: context.screeningQueue.filter((id) => !group.includes(id)),
        screeningAsked: asked(context, ...group),
      };
    }),
    completeScreening: update(({ context }) => ({
      screeningDone: true,
      correcting: false,
      outputs: [record('screening.completed', { profile: context.profile })],
    })),
    /** Every value the answers gave, read back so that one can be corrected (issue 16, item 4). */
    confirmProfile: update(({ context }) => {
      const p = context.profile;
      const vars: Record<string, string | number> = {
        region: p.region ?? 'unknown',
        reach: p.reach ?? 'spine_only',
        onset: p.onset ?? 'over_6_weeks',
        score: context.pain.at(-1)?.score ?? '?',
        surgery: p.surgery ?? 'none',
      };
      if (p.sides) vars.sides = p.sides;
      if (p.age !== undefined) vars.age = p.age;
      if (p.surgeryKind) vars.surgeryKind = p.surgeryKind;
      if (p.daysSinceSurgery !== undefined) vars.surgeryDays = p.daysSinceSurgery;
      if (p.liftingLimit) vars.liftingKg = p.liftingLimit.kg ?? 'unknown';
      return { correcting: false, outputs: [{ kind: 'say', key: 'confirm', vars }] };
    }),
    startCorrection: update(() => ({ correcting: true, outputs: [{ kind: 'say', key: 'correct.ok' }] })),
    markScreening: update<{ step: string }>((_, params) => ({ screeningAt: params.step })),
  };
}

