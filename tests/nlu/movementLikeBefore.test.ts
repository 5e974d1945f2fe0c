/**
 * Movement (issue 17): "felt just like before" is no change; a limb "looser" or "freer" eased; a limb
 * that "stayed quiet" with a sore back is local soreness; "couldn't properly do" could not. A
 * direction said with them still wins (toes reached). Own wording.
 */
import { expect, it } from 'vitest';
import { readMovement } from '../../src/nlu/answers/movement.ts';
import { lexicon } from './content.ts';

it.each([
  ['felt pretty much like before', 'no_change'],
  ['it feels just like it did before', 'no_change'],
  ['it crept down my leg like before', 'peripheralized'],
] as const)('"%s" is %s', (text, response) => expect(readMovement(text, lexicon)?.response).toBe(response));

it.each([
  ['my calf feels looser after those', 'centralized'],
  ['lower back a bit achy, the leg kept calm', 'local_only'],
  ['back is sore but my leg stayed quiet', 'local_only'],
  ["couldn't properly do the last set", 'could_not'],
  ['the thigh feels freer but now it tingles in my toes', 'peripheralized'],
] as const)('"%s" is %s', (text, response) => expect(readMovement(text, lexicon)?.response).toBe(response));

// The pull of the stretch itself is local, not a nerve symptom moving; a direction still wins.
it.each([
  ['the backs of my thighs burn a bit, more like a stretch than anything', 'local_only'],
  ['just a stretchy sort of feeling in my hamstring', 'local_only'],
  ['feels like a muscle pull in my groin, nothing else', 'local_only'],
  ['it crept down to my ankle, more like a stretch though', 'peripheralized'],
] as const)('"%s" is %s', (text, response) => expect(readMovement(text, lexicon)?.response).toBe(response));
