import { dayOf } from '../../coachingSteps.ts';
import { push, record, update } from '../shared.ts';

/**
 * What any state may do: say something, ask a question, ask it again, and the asides a person
 * can take at any time (an explanation, the progress chart) after which the pending question returns.
 */
export const asideActions = {
  countMessage: update(({ context }) => ({ messages: context.messages + 1 })),
  say: update<{ key: string }>(({ context }, params) => ({ outputs: push(context, { kind: 'say', key: params.key }) })),
  ask: update<{ question: string }>(({ context }, params) => ({
    outputs: push(context, { kind: 'ask', question: params.question }),
    asking: { question: params.question },
    failedTries: 0,
  })),
  reask: update(({ context }) => ({
    outputs: push(
      context,
      { kind: 'say', key: 'notUnderstood' },
      record('answer.unclear', { question: context.asking?.question ?? null, flagId: context.asking?.flagId ?? null }),
      { kind: 'ask', question: context.asking?.question ?? 'consent', flagId: context.asking?.flagId, reask: true },
    ),
    failedTries: context.failedTries + 1,
  })),
  offerClinician: update(({ context }) => ({
    outputs: push(context, { kind: 'say', key: 'offerClinicianAfterRetries' }),
    failedTries: 0,
  })),
  teach: update(({ context, event }) => {
    if (event.type !== 'EDUCATION') return {};
    return {
      outputs: push(context, { kind: 'education', pieceId: event.pieceId }, record('education.shown', { pieceId: event.pieceId, asked: true })),
      coaching: { ...context.coaching, educationShown: [...new Set([...context.coaching.educationShown, event.pieceId])] },
    };
  }),
  showProgress: update(({ context, event }) => ({
    outputs: push(context, { kind: 'progress' }, record('progress.shown', { asked: event.type === 'PROGRESS_REQUESTED' })),
    coaching: { ...context.coaching, progressShownOn: dayOf(event as { at: string; localDate?: string }) },
  })),
  // After an aside (an explanation, the chart) the pending question is asked again, so nothing is skipped.
  reaskPending: update(({ context }) => ({
    outputs: context.asking ? push(context, { kind: 'ask', question: context.asking.question, flagId: context.asking.flagId, reask: true }) : context.outputs,
  })),
  nudgeSetup: update(({ context }) => ({
    outputs: push(
      context,
      { kind: 'say', key: 'checkIn.finishSetup' },
      ...(context.asking ? [{ kind: 'ask' as const, question: context.asking.question, flagId: context.asking.flagId, reask: true }] : []),
    ),
  })),
  tooLong: update(({ context, event }) => ({
    outputs: push(context, { kind: 'say', key: 'tooLong', vars: { length: event.type === 'TOO_LONG' ? event.length : 0 } }),
  })),
};
