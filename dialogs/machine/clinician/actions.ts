import { record, understandingOf, update } from '../shared.ts';

/** A clinician takes the conversation over, the person's words are relayed, and the clinician hands back. */
export const clinicianActions = {
  clinicianJoined: update(({ event }) => {
    if (event.type !== 'CLINICIAN_JOINED') return {};
    return {
      clinician: { name: event.clinician, caseId: event.caseId, since: event.at },
      outputs: [record('clinician.joined', { clinician: event.clinician, caseId: event.caseId }), {
        kind: 'say',
        key: 'clinician.joined',
        vars: { name: event.clinician },
      }],
    };
  }),
  relayToClinician: update(({ context, event }) => {
    const text = event.type === 'CLINICIAN_ASSESSED' || event.type === 'CLINICIAN_REQUESTED' ? event.text : (understandingOf(event)?.text ?? '');
    return {
      outputs: [{ kind: 'relay', text, caseId: context.clinician?.caseId ?? '' }, record('message.relayed', { caseId: context.clinician?.caseId ?? null })],
    };
  }),
  clinicianLeft: update(({ context, event }) => {
    if (event.type !== 'CLINICIAN_LEFT') return {};
    const cleared = event.outcome === 'cleared_to_exercise';
    return {
      clinician: null,
      referral: context.referral && cleared ? { ...context.referral, exerciseOnHold: false } : context.referral,
      outputs: [
        record('clinician.left', { outcome: event.outcome, note: event.note ?? null }),
        ...(cleared && context.referral?.exerciseOnHold ? [record('clinician.assessed', { by: context.clinician?.name ?? null, outcome: event.outcome })] : []),
        // The person is told the clinician has gone before what the hand-back means for them.
        ...(context.clinician ? [{ kind: 'say' as const, key: 'clinician.leftChat' as const, vars: { name: context.clinician.name } }] : []),
        { kind: 'say', key: `clinician.left.${event.outcome}` },
      ],
    };
  }),
};
