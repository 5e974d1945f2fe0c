import type { CoachSetup } from '../setup.ts';

/** While a clinician owns the conversation: coaching pauses and the person's words go to them. */
export function withClinicianState(machine: CoachSetup) {
  return machine.createStateConfig({
    on: {
      // Warning signs are still checked first (the root RED_FLAG handler), so a disclosure refers even now.
      MESSAGE: { actions: ['countMessage', 'relayToClinician'] },
      // "I was seen in A&E" or "can I talk to someone" go to the clinician in charge: only their
      // hand-back decides whether the exercise hold is lifted, and no second handoff is opened.
      CLINICIAN_ASSESSED: { actions: 'relayToClinician' },
      CLINICIAN_REQUESTED: { actions: 'relayToClinician' },
      CHECK_IN: {},
      CLINICIAN_JOINED: { actions: 'clinicianJoined' },
      CLINICIAN_LEFT: [
        { guard: 'holdStays', target: 'referred', actions: 'clinicianLeft' },
        { guard: 'screeningDone', target: 'coaching.offer', actions: 'clinicianLeft' },
        { target: 'screening.resume', actions: 'clinicianLeft' },
      ],
    },
  });
}
