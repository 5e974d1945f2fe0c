/**
 * The person's own body moving or giving way ("get down on the floor and back up", "my knee gave
 * way") is no direction of the symptoms, and a set said not done before a change ("couldn't do it
 * ... dropped to the floor") is not read as centralized. A direction of the symptoms still stands.
 */
import { describe, expect, it } from 'vitest';
import { readMovement } from '../../src/nlu/answers/movement.ts';
import { lexicon } from './content.ts';

describe('the body moving, or a set not done', () => {
  it.each([
    "couldn't manage it, too weak to get down onto the mat and back up again",
    'could not do it, fell to the floor halfway, my knees buckled',
    'tried but my knee gave way on the second one',
    "couldn't finish, getting myself back up off the floor was a struggle",
  ])('"%s" could not be done', (text) => expect(readMovement(text, lexicon)?.response).toBe('could_not'));

  it.each([
    ['the pain went back up into my back', 'centralized'],
    ['it went back up to my thigh', 'centralized'],
    ['the ache went down to my knees', 'peripheralized'],
    ['got down on the mat fine and the leg pain moved up into my buttock', 'centralized'],
    ["couldn't finish it, the pain spread down to my calf", 'peripheralized'],
    ['it eased off and moved up into my bum, but I cant lift the front of my foot since this morning', 'centralized'],
  ] as const)('"%s" is %s', (text, response) => expect(readMovement(text, lexicon)?.response).toBe(response));
});
