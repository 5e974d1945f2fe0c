/**
 * At the check-in's warning question ("anything new: numbness down below, trouble peeing, a leg
 * getting weaker?"), a yes that only touches a sign ("yes - leaking, it's new") is that sign
 * disclosed and refers in the same turn; a no, or a yes that names only pain, refers nothing (issue 17).
 */
import { describe, expect, it } from 'vitest';
import { Harness, createBot } from '../nlu/corpus/harness.ts';
import { readReferral } from '../nlu/corpus/outcome.ts';
import { entrySchema } from '../nlu/corpus/schema.ts';

const harness = new Harness(createBot());
const referralFor = (text: string) => {
  const entry = entrySchema.parse({ id: 'warning', register: ['plain'], state: 'checkInWarning', text, answer: { kind: 'yesNo', value: 'unsure' } });
  return readReferral(harness.run(entry).observation);
};

describe('a yes at the check-in warning question', () => {
  it.each(["yes - leaking. not loads but it's new", 'yes, some leaking since yesterday'])('"%s" refers at emergency', (text) => {
    expect(referralFor(text)).toBe('emergency');
  });
  it.each(['no, nothing new', "yes, just the usual pain in my back", 'no leaking or anything like that'])('"%s" refers nothing', (text) => {
    expect(referralFor(text)).toBeNull();
  });
});
