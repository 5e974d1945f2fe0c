/**
 * A movement response said together with a warning sign that holds exercise (issue 17, "a referral
 * never loses the person's answer"): the referral acts, the response is recorded for the clinician,
 * and no further set, advice or question follows.
 */
import { describe, expect, it } from 'vitest';
import type { Output } from '../../dialogs/types.ts';
import { Harness, createBot } from '../nlu/corpus/harness.ts';
import type { Entry } from '../nlu/corpus/schema.ts';

const harness = new Harness(createBot());
const afterSet = (text: string): Output[] => {
  const entry: Entry = { id: 'movement-with-referral', text, state: 'exercise', register: ['plain'], answer: { kind: 'movement', value: { response: 'peripheralized' } } };
  return harness.run(entry).observation.outputs;
};
const recorded = (outputs: Output[]) => outputs.flatMap((o) => (o.kind === 'record' && o.type === 'movement.response' ? [o.data] : []));

describe('the answer after a set, with a disclosure that holds exercise', () => {
  it('refers, records the movement response, and shows no next set', () => {
    const outputs = afterSet("The extension ones sent it further down my leg, and I've wet myself twice today without feeling it");
    expect(outputs.some((o) => o.kind === 'handoff' && o.urgency === 'emergency')).toBe(true);
    expect(recorded(outputs)).toEqual([expect.objectContaining({ response: 'peripheralized' })]);
    expect(outputs.some((o) => o.kind === 'exercise')).toBe(false);
    expect(outputs.some((o) => o.kind === 'ask' && o.question === 'movementResponse')).toBe(false);
    expect(outputs.some((o) => o.kind === 'say' && o.key.startsWith('movement.'))).toBe(false);
  });

  it('without a disclosure the same answer goes on as before', () => {
    const outputs = afterSet('it sent it further down my leg');
    expect(outputs.some((o) => o.kind === 'handoff')).toBe(false);
    expect(recorded(outputs)).toEqual([expect.objectContaining({ response: 'peripheralized' })]);
  });
});
