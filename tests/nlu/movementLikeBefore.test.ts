/** Movement (issue 17): "felt just like before" is no change; a direction said with it still wins. Own wording. */
import { expect, it } from 'vitest';
import { readMovement } from '../../src/nlu/answers/movement.ts';
import { lexicon } from './content.ts';

it.each([
  ['felt pretty much like before', 'no_change'],
  ['it feels just like it did before', 'no_change'],
  ['it crept down my leg like before', 'peripheralized'],
] as const)('"%s" is %s', (text, response) => expect(readMovement(text, lexicon)?.response).toBe(response));
