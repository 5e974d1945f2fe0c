import { triggeredFlags, type CoachCatalog } from '../../catalog.ts';
import type { Onset, Reach, Region, Sides, Surgery } from '../../types.ts';
import { refer } from '../referral/refer.ts';
import { answerDetails, choiceOf, KEEP_PAIN, push, record, understandingOf, update, type MessageEvent } from '../shared.ts';

export function screeningActions(catalog: CoachCatalog) {
  return {
    askCurrentFlag: update(({ context }) => {
      const flagId = context.screeningQueue[0];
      if (flagId === undefined) return {};
      return {
        outputs: push(context, { kind: 'ask', question: 'redFlagAnswer', flagId }),
        asking: { question: 'redFlagAnswer', flagId },
        failedTries: 0,
      };
    }),
    recordRegion: update(({ context, event }) => {
      const u = understandingOf(event);
      const region = (u?.region ?? u?.choice) as Region;
      return {
        profile: { ...context.profile, region },
        outputs: push(context, record('screening.answer', { question: 'region', value: region }), {
          kind: 'say',
          key: 'regionNoted',
          vars: { region },
        }),
      };
    }),
    recordPain: update(({ context, event }) => {
      const score = understandingOf(event)?.score ?? 0;
      const at = (event as MessageEvent).at;
      return {
        pain: [...context.pain, { at, score }].slice(-KEEP_PAIN),
        outputs: push(context, record('pain.score', { score, context: 'screening', ...answerDetails(event) })),
      };
    }),
    recordChoice: update<{ field: 'reach' | 'sides' | 'onset' | 'surgery' }>(({ context, event }, params) => {
      const value = choiceOf(event) as Reach & Sides & Onset & Surgery;
      return {
        profile: { ...context.profile, [params.field]: value },
        outputs: push(context, record('screening.answer', { question: params.field, value, ...answerDetails(event) })),
      };
    }),
    recordWeeks: update(({ context, event }) => {
      const weeks = understandingOf(event)?.number ?? 0;
      return {
        profile: { ...context.profile, weeksSinceSurgery: weeks },
        outputs: push(context, record('screening.answer', { question: 'weeksSinceSurgery', value: weeks })),
      };
    }),
    planScreening: update(({ context }) => ({
      screeningQueue: catalog.screeningFlags[context.profile.region ?? 'lumbar'].filter((id) => !context.redFlags.some((raised) => raised.flagId === id)),
    })),
    referFromTriggers: update(({ context, event }) =>
      refer(
        context,
        triggeredFlags(catalog, context.profile).map((flagId) => ({
          flagId,
          urgency: catalog.flagUrgency[flagId] ?? 'urgent',
          matched: `answers: ${[context.profile.reach, context.profile.sides].filter(Boolean).join(', ')}`,
        })),
        (event as MessageEvent).at,
      ),
    ),
    referForCurrentFlag: update(({ context, event }) => {
      const flagId = context.screeningQueue[0] ?? '';
      return {
        ...refer(context, [{ flagId, urgency: catalog.flagUrgency[flagId] ?? 'urgent', matched: `yes to: ${flagId}` }], (event as MessageEvent).at),
        screeningQueue: context.screeningQueue.slice(1),
      };
    }),
    denyCurrentFlag: update(({ context }) => ({
      outputs: push(context, record('redFlag.denied', { flagId: context.screeningQueue[0] ?? null })),
      screeningQueue: context.screeningQueue.slice(1),
    })),
    completeScreening: update(({ context }) => ({
      screeningDone: true,
      outputs: push(context, record('screening.completed', { profile: context.profile })),
    })),
    restartScreening: update(({ context }) => ({ profile: { consentVersion: context.profile.consentVersion }, screeningDone: false })),
    confirmProfile: update(({ context }) => ({
      outputs: push(context, {
        kind: 'say',
        key: 'confirm',
        vars: {
          region: context.profile.region ?? 'unknown',
          reach: context.profile.reach ?? 'spine_only',
          onset: context.profile.onset ?? 'over_6_weeks',
          score: context.pain.at(-1)?.score ?? '?',
          surgery: context.profile.surgery ?? 'none',
        },
      }),
    })),
    markScreening: update<{ step: string }>((_, params) => ({ screeningAt: params.step })),
  };
}
