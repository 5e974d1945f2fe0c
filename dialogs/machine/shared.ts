/**
 * What every concern of the conversation machine shares: reading an event's understanding,
 * emitting outputs, and the one way an unusable answer is handled.
 */
import { enqueueActions } from 'xstate';
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

export function record(type: ClinicalEventType, data: Record<string, unknown>): Output {
  return { kind: 'record', type, data };
}

/** The arguments every guard and context update of this machine receives. */
export interface MachineArgs {
  context: CoachContext;
  event: CoachEvent;
}

export type Guard<P extends ParameterizedObject['params'] | undefined = undefined> = (args: MachineArgs, params: P) => boolean;

/**
 * The one event the machine emits: an output of the turn, in order (dialogs/step.ts collects them).
 * Typed on `update` only, not in setup's `types.emitted`: xstate/graph's traversal (the all-states
 * tests) does not accept a machine whose emitted events are narrowed.
 */
export interface OutputEmitted {
  type: 'output';
  output: Output;
}

/** What an action does: the facts of the conversation it changes, and what it outputs this turn. */
export type Change = Partial<CoachContext> & { outputs?: Output[] };

/**
 * Where an action's outputs go; the one place that decides it. Most are emitted as they come.
 * - After a referral that holds exercise, the rest of the turn asks nothing: the person must act
 *   on the referral first (`askingPaused`, dialogs/machine/referral/answerThenHold.ts).
 * - Before a mentioned warning sign's direct question, the turn shows what the answer did; what it
 *   brought next (the next exercise card and all after it, or a question it ended with) waits
 *   behind that question (`heldForSign`, dialogs/machine/referral/askNow.ts). A question is only
 *   known to be the last thing once the next output comes, so it waits until then.
 */
function route(context: CoachContext, outputs: Output[]): { emitted: Output[]; held?: Output[] } {
  if (context.askingPaused) return { emitted: outputs.filter((output) => output.kind !== 'ask') };
  if (!context.heldForSign || outputs.length === 0) return { emitted: outputs };
  const emitted: Output[] = [];
  let held = context.heldForSign;
  for (const output of outputs) {
    if (held[0]?.kind === 'exercise') {
      held = [...held, output];
      continue;
    }
    // A question followed by something else did not end the turn: it is shown, in its place.
    emitted.push(...held);
    held = [];
    if (output.kind === 'exercise' || output.kind === 'ask') held = [output];
    else emitted.push(output);
  }
  return { emitted, held };
}

/**
 * An action of this machine: a change to the context and outputs emitted in order, typed for this
 * machine so concern files need no setup of their own. The outputs are never kept in the context.
 */
export function update<P extends ParameterizedObject['params'] | undefined = undefined>(change: (args: MachineArgs, params: P) => Change) {
  return enqueueActions<CoachContext, CoachEvent, P, CoachEvent, never, never, never, never, OutputEmitted>(({ context, event, enqueue }, params) => {
    const { outputs = [], ...facts } = change({ context, event }, params);
    // Routed by the turn as this action leaves it: the direct question itself is not held behind itself.
    const { emitted, held } = route({ ...context, ...facts }, outputs);
    const next = held ? { ...facts, heldForSign: held } : facts;
    if (Object.keys(next).length > 0) enqueue.assign(next);
    for (const output of emitted) enqueue.emit({ type: 'output', output });
  });
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
