/**
 * A "no" inside a message that refers is not a denial: "wet myself twice, never happened before" at
 * the check-in's warning question, or "no... well actually I can't feel the paper" at the saddle
 * question, refers and must not also leave "denied" in the history the care team reads (issue 17).
 * A plain no still leaves its denial.
 */
import { describe, expect, it } from 'vitest';
import { Harness, createBot } from '../nlu/corpus/harness.ts';
import { readReferral } from '../nlu/corpus/outcome.ts';
import { entrySchema } from '../nlu/corpus/schema.ts';

const harness = new Harness(createBot());
const run = (state: 'checkInWarning' | 'redFlagQuestion', text: string, flagId?: string) => {
  const entry = entrySchema.parse({ id: 'no-inside', register: ['plain'], state, ...(flagId ? { flagId } : {}), text, answer: { kind: 'yesNo', value: 'unsure' } });
  const { observation } = harness.run(entry);
  const denials = observation.outputs.filter((o) => o.kind === 'record' && o.type === 'redFlag.denied');
  return { referral: readReferral(observation), denials };
};

describe('a no inside a disclosure', () => {
  it('at the check-in warning question: referred, no "no warning signs" record', () => {
    const { referral, denials } = run('checkInWarning', "bit embarrassing but I've wet myself twice since Monday, never happened before");
    expect(referral).toBe('emergency');
    expect(denials).toEqual([]);
  });
  it('at the saddle question: referred, the saddle sign not recorded as denied', () => {
    const { referral, denials } = run('redFlagQuestion', "no. well actually since yesterday I can't feel the toilet paper when I wipe", 'ces.saddle-numbness');
    expect(referral).toBe('emergency');
    expect(denials).toEqual([]);
  });
  it('a plain no at the check-in warning question is kept as a denial', () => {
    const { referral, denials } = run('checkInWarning', 'no, nothing new');
    expect(referral).toBeNull();
    expect(denials).toHaveLength(1);
  });
});
