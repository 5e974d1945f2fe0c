import { raise } from 'xstate';
import type { CoachContext, CoachEvent } from '../../types.ts';
import { hitsOf, push, record, update } from '../shared.ts';
import { refer } from './refer.ts';

export const referralActions = {
  referDisclosure: update(({ context, event }) => refer(context, hitsOf(event), event.at)),
  // A disclosure that also answered the question: the answer is handled after the referral.
  replayMessage: raise<CoachContext, CoachEvent, CoachEvent, undefined, never, never>(({ event }) => ({
    type: 'MESSAGE' as const,
    at: event.at,
    understanding: (event as Extract<CoachEvent, { type: 'RED_FLAG' }>).understanding ?? { text: '' },
  })),
  handOffOnRequest: update(({ context, event }) => ({
    outputs: push(
      context,
      { kind: 'say', key: 'referral.routine' },
      { kind: 'handoff', urgency: 'routine', reasons: ['person.asked'], hits: [], requestedBy: 'person' },
      record('referral.made', { urgency: 'routine', reasons: ['person.asked'], words: event.type === 'CLINICIAN_REQUESTED' ? event.text : '' }),
    ),
  })),
  recordAssessed: update(({ context, event }) => ({
    referral: context.referral ? { ...context.referral, exerciseOnHold: false } : null,
    outputs: push(
      context,
      record('clinician.assessed', { words: event.type === 'CLINICIAN_ASSESSED' ? event.text : '' }),
      { kind: 'say', key: 'referral.cleared' },
    ),
  })),
};
