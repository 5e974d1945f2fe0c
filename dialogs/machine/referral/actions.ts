import { raise } from 'xstate';
import type { CoachCatalog } from '../../catalog.ts';
import type { CoachContext, CoachEvent, RedFlagHit } from '../../types.ts';
import { choiceOf, hitsOf, record, understandingOf, update } from '../shared.ts';
import { refer } from './refer.ts';

/** Thoughts of suicide or self-harm are an emergency whatever tier the hit came with (content/referral/crisis.yaml). */
export function withCrisisTier(catalog: CoachCatalog, hits: RedFlagHit[]): RedFlagHit[] {
  return hits.map((hit) => (catalog.crisisFlags.includes(hit.flagId) ? { ...hit, urgency: 'emergency' } : hit));
}

/** The person's statement about being seen since an urgent referral, as the care team reads it. */
const personsStatement = (context: CoachContext, details: Record<string, unknown>) =>
  record('clinician.assessed', { by: 'person', words: context.holdStatement?.words ?? '', seenBy: context.holdStatement?.seenBy ?? null, ...details });

const wordsOf = (event: CoachEvent) => (event.type === 'CLINICIAN_ASSESSED' || event.type === 'CLINICIAN_REQUESTED' ? event.text : (understandingOf(event)?.text ?? ''));

export function referralActions(catalog: CoachCatalog) {
  return {
    referDisclosure: update(({ context, event }) => refer(context, withCrisisTier(catalog, hitsOf(event)), event.at)),
    // A disclosure that also answered the question: the answer is handled after the referral, and knows it came after one.
    replayMessage: raise<CoachContext, CoachEvent, CoachEvent, undefined, never, never>(({ event }) => ({
      type: 'MESSAGE' as const,
      at: event.at,
      understanding: (event as Extract<CoachEvent, { type: 'RED_FLAG' }>).understanding ?? { text: '' },
      // refer() makes no referral without hits.
      ...(hitsOf(event).length > 0 ? { afterReferral: true } : {}),
    })),
    handOffOnRequest: update(({ event }) => ({
      outputs: [
        { kind: 'say', key: 'referral.routine' },
        { kind: 'handoff', urgency: 'routine', reasons: ['person.asked'], hits: [], requestedBy: 'person' },
        record('referral.made', { urgency: 'routine', reasons: ['person.asked'], words: event.type === 'CLINICIAN_REQUESTED' ? event.text : '' }),
      ],
    })),
    /** "I've been seen" with nothing held: noted for the care team; there is nothing to lift. */
    recordAssessed: update(({ event }) => ({
      outputs: [record('clinician.assessed', { words: wordsOf(event), holdLifted: false }), { kind: 'say', key: 'referral.cleared' }],
    })),

    /**
     * After an emergency referral the person's own account ("I went to A&E, the scan was clear")
     * lifts nothing: only a clinician's hand-back does (console or Teams card). The account is kept
     * for the care team, and the person is told why the pause stays.
     */
    noteEmergencyStatement: update(({ event }) => ({
      outputs: [
        record('clinician.assessed', { words: wordsOf(event), hold: 'emergency', holdLifted: false }),
        { kind: 'say', key: 'hold.emergencyNeedsClinician' },
      ],
    })),
    /** An urgent hold: the person's statement is taken as three short answers (seen since, by whom, exercise advice). */
    beginHoldStatement: update(({ context, event }) => ({
      holdStatement: { words: event.type === 'CLINICIAN_ASSESSED' ? event.text : '' },
      outputs: [{ kind: 'say', key: 'hold.statementIntro', vars: { date: (context.referral?.at ?? event.at).slice(0, 10) } }],
    })),
    recordSeenBy: update(({ context, event }) => ({
      holdStatement: { words: context.holdStatement?.words ?? '', seenBy: choiceOf(event) ?? 'other' },
    })),
    /** Seen after the referral, by a named clinician, told exercise is fine: the hold is lifted and the care team sees the statement. */
    liftHoldOnStatement: update(({ context, event }) => ({
      referral: context.referral ? { ...context.referral, exerciseOnHold: false } : null,
      holdStatement: null,
      outputs: [
        personsStatement(context, { seenAfter: context.referral?.at ?? null, toldExerciseOk: true, hold: 'urgent', holdLifted: true, at: event.at }),
        { kind: 'say', key: 'hold.liftedOnStatement' },
      ],
    })),
    /** Not seen since, or not told exercise is fine: the pause stays, and what was said is kept. */
    keepHoldAfterStatement: update<{ answer: string }>(({ context }, params) => ({
      holdStatement: null,
      outputs: [
        personsStatement(context, {
          ...(params.answer === 'not_seen' ? { seenSinceReferral: false } : { toldExerciseOk: false, exerciseAdvice: params.answer }),
          hold: 'urgent',
          holdLifted: false,
        }),
        { kind: 'say', key: params.answer === 'not_seen' ? 'hold.notSeenYet' : 'hold.keptAfterStatement' },
      ],
    })),
  };
}
