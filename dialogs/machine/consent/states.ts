import { and } from 'xstate';
import type { CoachSetup } from '../setup.ts';

/** The first message, the consent question, a refusal, and asking again when the consent text changed. */
export function consentStates(machine: CoachSetup) {
  return {
    welcome: machine.createStateConfig({
      on: {
        START: { target: 'consent', actions: [{ type: 'say', params: { key: 'greeting' } }, { type: 'say', params: { key: 'about' } }] },
        MESSAGE: { target: 'consent', actions: ['countMessage', { type: 'say', params: { key: 'greeting' } }, { type: 'say', params: { key: 'about' } }] },
        // A first message in another language or in emoji: said so, then the conversation starts as usual.
        ASIDE: { target: 'consent', actions: ['countMessage', 'replyAside', { type: 'say', params: { key: 'greeting' } }, { type: 'say', params: { key: 'about' } }] },
      },
    }),
    consent: machine.createStateConfig({
      entry: [{ type: 'say', params: { key: 'consent' } }, { type: 'ask', params: { question: 'consent' } }],
      on: {
        MESSAGE: [
          { guard: 'saidYes', target: 'screening', actions: ['countMessage', 'recordConsent', { type: 'say', params: { key: 'consentThanks' } }] },
          { guard: 'saidNo', target: 'declined', actions: ['countMessage', 'recordDeclined', { type: 'say', params: { key: 'consentDeclined' } }] },
          { actions: ['countMessage', 'reask'] },
        ],
      },
    }),
    declined: machine.createStateConfig({
      on: {
        MESSAGE: [
          { guard: 'saidStart', target: 'consent', actions: 'countMessage' },
          { actions: ['countMessage', { type: 'say', params: { key: 'declinedReminder' } }] },
        ],
        // A person who has not consented can still ask for a human.
      },
    }),
    // The consent text changed since the person agreed: they are asked again before going on.
    reconsent: machine.createStateConfig({
      entry: [{ type: 'say', params: { key: 'consentChanged' } }, { type: 'say', params: { key: 'consent' } }, { type: 'ask', params: { question: 'consent' } }],
      on: {
        MESSAGE: [
          { guard: and(['saidYes', 'screeningDone']), target: 'coaching.offer', actions: ['countMessage', 'recordConsent', { type: 'say', params: { key: 'consentThanks' } }] },
          { guard: 'saidYes', target: 'screening.resume', actions: ['countMessage', 'recordConsent', { type: 'say', params: { key: 'consentThanks' } }] },
          { guard: 'saidNo', target: 'declined', actions: ['countMessage', 'recordDeclined', { type: 'say', params: { key: 'consentDeclined' } }] },
          { actions: ['countMessage', 'reask'] },
        ],
        CHECK_IN: { actions: 'reaskPending' },
      },
    }),
  };
}
