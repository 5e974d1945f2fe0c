/**
 * What every concern of the conversation machine shares: reading an event's understanding,
 * adding outputs, and the one way an unusable answer is handled.
 */
import { assign } from 'xstate';
import type { ParameterizedObject } from 'xstate';
import type { ClinicalEventType, CoachContext, CoachEvent, Output, RedFlagHit, Understanding } from '../types.ts';

export const KEEP_PAIN = 30;
export const KEEP_FLAGS = 30;
export const MAX_FAILED_TRIES = 3;

export type MessageEvent = Extract<CoachEvent, { type: 'MESSAGE' }>;

export const understandingOf = (event: CoachEvent): Understanding | undefined =>
  event.type === 'MESSAGE' || event.type === 'RED_FLAG' || event.type === 'SIGN_ANSWER' || event.type === 'SIGN_MENTIONED' || event.type === 'CONFIRM_BETWEEN' || event.type === 'CONFIRMED' ? event.understanding : undefined;

export const choiceOf = (event: CoachEvent) => understandingOf(event)?.choice;

/** What an answer said beyond its value, kept with the record: the side, the days, a range or approximation. */
export function answerDetails(event: CoachEvent): Record<string, unknown> {
  const u = understandingOf(event);
  if (!u) return {};
  return {
    ...(u.side ? { side: u.side } : {}),
    ...(u.days !== undefined ? { days: u.days } : {}),
    ...(u.approximate ? { approximate: true } : {}),
    ...(u.range ? { range: true } : {}),
  };
}

export const yesNoOf = (event: CoachEvent) => {
  const u = understandingOf(event);
  return u?.yesNo ?? (u?.choice === 'yes' || u?.choice === 'no' ? u.choice : undefined);
};

export function hitsOf(event: CoachEvent): RedFlagHit[] {
  return event.type === 'RED_FLAG' ? event.hits : [];
}

export function push(context: CoachContext, ...outputs: Output[]): Output[] {
  return [...context.outputs, ...outputs];
}

export function record(type: ClinicalEventType, data: Record<string, unknown>): Output {
  return { kind: 'record', type, data };
}

/** The arguments every guard and context update of this machine receives. */
export interface MachineArgs {
  context: CoachContext;
  event: CoachEvent;
}

export type Guard<P extends ParameterizedObject['params'] | undefined = undefined> = (args: MachineArgs, params: P) => boolean;

/** A context update as an XState action, typed for this machine so concern files need no setup of their own. */
export function update<P extends ParameterizedObject['params'] | undefined = undefined>(change: (args: MachineArgs, params: P) => Partial<CoachContext>) {
  return assign<CoachContext, CoachEvent, P, CoachEvent, never>(({ context, event }, params) => change({ context, event }, params));
}

/**
 * What every question does with an answer it cannot use: ask again with the buttons, and after
 * three tries also offer a clinician. Never a silent skip.
 */
export function unclearAnswer() {
  return [
    { guard: 'tooManyFailedTries' as const, actions: ['countMessage' as const, 'reask' as const, 'offerClinician' as const] },
    { actions: ['countMessage' as const, 'reask' as const] },
  ];
}
