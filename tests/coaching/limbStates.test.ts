import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import { getAdjacencyMap } from 'xstate/graph';
import { emittedOutputs, restore, stateName, step, type StoredConversation } from '../../dialogs/step.ts';
import type { CoachEvent, Understanding } from '../../dialogs/types.ts';
import { realMachine } from '../helpers/content.ts';

// The states only a person whose symptoms reach a limb meets (where the symptoms reach before a
// set, then the answer about the set) and the later weekly measures: a disclosure refers from each.
const at = '2026-11-27T08:00:00.000Z';
const message = (understanding: Omit<Understanding, 'text'> & { text?: string }): CoachEvent => ({ type: 'MESSAGE', at, understanding: { text: '', ...understanding } });
const no = message({ yesNo: 'no', choice: 'no', text: 'no' });

function limbPersonAtOffer(machine: ReturnType<typeof realMachine>): StoredConversation {
  let conversation: StoredConversation | null = null;
  const say = (event: CoachEvent) => (conversation = step(machine, conversation, [event]).conversation);
  for (const event of [
    { type: 'START', at } as CoachEvent,
    message({ yesNo: 'yes', choice: 'yes', text: 'yes' }),
    message({ region: 'lumbar', choice: 'lumbar' }),
    message({ score: 5, number: 5 }),
    message({ choice: 'below_knee' }),
    message({ choice: 'one' }),
    message({ choice: 'over_6_weeks' }),
    // Age, asked on its own since issue 16 (screening).
    message({ number: 40, score: 4, text: '40' }),
    message({ choice: 'none' }),
  ])
    say(event);
  for (let i = 0; i < 40 && stateName(conversation!).startsWith('screening.redFlag'); i++) say(no);
  say(message({ yesNo: 'yes', choice: 'yes', text: 'yes' }));
  for (const event of [message({ choice: 'doctor' }), no, no]) say(event);
  return conversation!;
}

const answers: CoachEvent[] = [
  message({ text: 'start' }),
  message({ choice: 'far' }),
  message({ choice: 'end' }),
  message({ movement: 'centralized' }),
  message({ movement: 'no_change' }),
  message({ movement: 'peripheralized', toesOrFingers: true }),
  message({ choice: 'skip' }),
  message({ choice: 'lacks_equipment' }),
  { type: 'CHECK_IN', at },
  message({ score: 3, number: 3 }),
  message({ text: 'putting on my socks' }),
  message({ choice: 'done' }),
  no,
];

const cesDisclosure: CoachEvent = {
  type: 'RED_FLAG',
  at,
  hits: [{ flagId: 'ces.bladder-retention', urgency: 'emergency', matched: 'trouble peeing' }],
  understanding: { text: "I can't pee properly" },
};

describe('a limb person: the question before each set, and the weekly measures', () => {
  const machine = realMachine();
  const start = limbPersonAtOffer(machine);
  const map = getAdjacencyMap(machine, {
    events: answers,
    fromState: restore(machine, start).snapshot,
    serializeState: (s) =>
      JSON.stringify([s.value, s.context.asking, s.context.coaching.session?.index ?? null, s.context.coaching.reachNow ?? null, s.context.coaching.outcomes?.psfs.length ?? 0, s.context.coaching.weekly?.psfsIndex ?? null]),
    limit: 200_000,
  });
  const states = Object.values(map).map((entry) => entry.state);

  it('reaches the question before a set, the set itself, and every weekly measure', () => {
    expect(stateName(start)).toBe('coaching.offer');
    const reached = new Set(states.map((s) => JSON.stringify(s.value)));
    for (const leaf of ['reachBefore', 'exercise']) expect(reached).toContain(JSON.stringify({ coaching: leaf }));
    for (const leaf of ['psfsName', 'psfsScore', 'sleep', 'walking', 'medication', 'warning']) expect(reached).toContain(JSON.stringify({ coaching: { checkIn: leaf } }));
  });

  it('refers an emergency in the same turn from each of them, and holds exercise', () => {
    for (const state of states) {
      const [next, actions] = transition(machine, state, cesDisclosure);
      const outputs = emittedOutputs(actions);
      const where = JSON.stringify(state.value);
      expect(outputs, where).toContainEqual(expect.objectContaining({ kind: 'handoff', urgency: 'emergency', reasons: ['ces.bladder-retention'] }));
      expect(next.value, where).toBe('referred');
      const [, afterActions] = transition(machine, next, message({ text: 'start' }));
      expect(emittedOutputs(afterActions).filter((o) => o.kind === 'exercise'), where).toEqual([]);
    }
  });
});
