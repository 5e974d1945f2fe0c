/**
 * Region (issue 17): a part named as a landmark ("below the neck", "above my waist") places the
 * region and is not one; named alone it still counts. A carer's report ("he says ...") tells of
 * the patient's back; another person's story without one stays theirs. Own wording.
 */
import { expect, it } from 'vitest';
import { parseRegion } from '../../src/nlu/region.ts';
import { lexicon } from './content.ts';

it.each([
  ['the middle of my back, a bit below my neck', 'thoracic'],
  ['lower back, just above my bum', 'lumbar'],
  ['between the shoulder blades, under the neck', 'thoracic'],
  ['he says it is his low back and it goes down his right leg', 'lumbar'],
  ['my wife says her neck, into her arm', 'cervical'],
  ['just below my neck', 'cervical'],
] as const)('"%s" is %s', (text, region) => expect(parseRegion(text, lexicon)).toBe(region));

it('another person\'s story with no report is not the patient\'s: "my dad had neck surgery" names no region', () => {
  expect(parseRegion('my dad had neck surgery', lexicon)).toBeUndefined();
});
