/**
 * A no word that opens a loss ("no feeling at all", "nothing, I can't feel a thing") at a
 * warning-sign question, or an all-clear with a denial inside it ("everything is not normal"), is
 * never recorded as the sign denied: the coach asks again (issue 17, wrong direction). A plain
 * denial ("no numbness at all") still is. Fails without src/nlu/answers/yesNo.ts's losses and gap denials.
 */
import { describe, expect, it } from 'vitest';
import { Harness, createBot } from '../nlu/corpus/harness.ts';
import { entrySchema } from '../nlu/corpus/schema.ts';

const harness = new Harness(createBot());
const denials = (text: string, flagId: string) => {
  const entry = entrySchema.parse({ id: 'loss', register: ['plain'], state: 'redFlagQuestion', flagId, text, answer: { kind: 'yesNo', value: 'unsure' } });
  const { observation } = harness.run(entry);
  return observation.outputs.filter((o) => o.kind === 'record' && o.type === 'redFlag.denied');
};

describe('a loss told after a no word is not a denial', () => {
  it.each([
    ['no feeling at all', 'ces.saddle-numbness'],
    ["nothing, I can't feel a thing", 'ces.saddle-numbness'],
    ['everything is not normal', 'ces.saddle-numbness'],
    ['no urge at all any more', 'ces.bladder-sensation'],
  ])('"%s" at %s records no denial', (text, flagId) => expect(denials(text, flagId)).toEqual([]));

  it('a plain denial is kept', () => expect(denials('no numbness at all', 'ces.saddle-numbness')).toHaveLength(1));
});
