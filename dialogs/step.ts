import { initialTransition, transition } from 'xstate';
import { MACHINE_VERSION, type CoachMachine } from './machine.ts';
import type { OutputEmitted } from './machine/shared.ts';
import type { CoachContext, CoachEvent, Output } from './types.ts';

/** What is stored per conversation: enough to resume the machine exactly where it was. */
export interface StoredConversation {
  machineVersion: number;
  value: unknown;
  context: CoachContext;
  /** The person's last few messages, so a warning sign told over two messages is still seen. */
  recent?: string[];
}

export interface StepResult {
  conversation: StoredConversation;
  outputs: Output[];
  /** True when a stored snapshot could not be resumed and the conversation began again. */
  restarted: boolean;
}

type Snapshot = ReturnType<CoachMachine['resolveState']>;
/** What `transition` returns besides the snapshot: the actions it left for the caller to run, emits among them. */
type Actions = ReadonlyArray<{ type: string; params?: unknown }>;

/** The outputs a transition emitted, in order: the machine keeps none of them in its context. */
export function emittedOutputs(actions: Actions): Output[] {
  return actions.flatMap((action) => (action.type === 'xstate.emit' ? [((action.params as { event: OutputEmitted }).event).output] : []));
}

function toStored(snapshot: Snapshot): StoredConversation {
  return { machineVersion: MACHINE_VERSION, value: snapshot.value, context: snapshot.context };
}

function fresh(machine: CoachMachine): { snapshot: Snapshot; outputs: Output[] } {
  const [snapshot, actions] = initialTransition(machine);
  return { snapshot, outputs: emittedOutputs(actions) };
}

/** Snapshots stored before the outputs left the context still carry an (empty) `outputs`: it is dropped. */
function withoutOldOutputs(context: CoachContext): CoachContext {
  const { outputs: _, ...rest } = context as CoachContext & { outputs?: unknown };
  return rest;
}

/**
 * Brings a stored conversation back as a machine snapshot. A snapshot from another machine version,
 * or one that no longer fits the machine, is not resumed: the caller starts again politely,
 * keeping the clinical facts (profile, pain, red flags, referral) the person already gave.
 * `outputs` are those of starting afresh (none unless the first state says something on entry).
 */
export function restore(machine: CoachMachine, stored: StoredConversation | null): { snapshot: Snapshot; restarted: boolean; outputs: Output[] } {
  if (!stored) return { ...fresh(machine), restarted: false };
  if (stored.machineVersion === MACHINE_VERSION) {
    try {
      return { snapshot: machine.resolveState({ value: stored.value as never, context: withoutOldOutputs(stored.context) }), restarted: false, outputs: [] };
    } catch {
      // falls through to a polite restart
    }
  }
  const { snapshot: base, outputs } = fresh(machine);
  const kept = stored.context ?? ({} as Partial<CoachContext>);
  const snapshot = machine.resolveState({
    value: base.value,
    context: {
      ...base.context,
      profile: kept.profile ?? {},
      pain: Array.isArray(kept.pain) ? kept.pain : [],
      redFlags: Array.isArray(kept.redFlags) ? kept.redFlags : [],
      referral: kept.referral ?? null,
      // Also clinical facts: the leg or arm scores, and the programme's history (stages, answers,
      // outcome measures, care-pathway answers, what a clinician set), without an unfinished session.
      ...(Array.isArray(kept.limb) ? { limb: kept.limb } : {}),
      ...(kept.coaching && typeof kept.coaching === 'object' && kept.coaching.progress ? { coaching: { ...base.context.coaching, ...kept.coaching, session: null, checkIn: false, weekly: null } } : {}),
    },
  });
  return { snapshot, restarted: true, outputs };
}

/** Applies events in order to a stored conversation: pure, deterministic, no clock, no I/O. */
export function step(machine: CoachMachine, stored: StoredConversation | null, events: CoachEvent[]): StepResult {
  const { snapshot: start, restarted, outputs: opening } = restore(machine, stored);
  let snapshot = start;
  const outputs: Output[] = [...(restarted ? [{ kind: 'say', key: 'restartPolitely' } as const] : []), ...opening];
  for (const event of events) {
    const [next, actions] = transition(machine, snapshot, event);
    snapshot = next;
    outputs.push(...emittedOutputs(actions));
  }
  return { conversation: toStored(snapshot), outputs, restarted };
}

/** Dotted name of the current state, for logs, tests and the shell's routing. */
export function stateName(stored: StoredConversation): string {
  const walk = (value: unknown): string =>
    typeof value === 'string' ? value : Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}.${walk(v)}`).join(',');
  return walk(stored.value);
}
