/**
 * Movement responses by direction (issue 17): a jolt running along the spine itself ("a zap ran
 * down my spine") goes away from no part of it; a direction phrase that opens on a part ("down my
 * back into my bum": "back" is the back, not "back into") goes the way of the route; a jolt brought
 * on by bending the head (Lhermitte's sign, the warning-sign check's) tells no direction; the body
 * stopping the set ("my hips wouldn't let me kneel") is a could-not; the muscles working and the
 * back pain staying put are local. Own wording, both ways.
 */
import { describe, expect, it } from 'vitest';
import { readMovement } from '../../src/nlu/answers/movement.ts';
import { lexicon } from './content.ts';

const read = (text: string) => readMovement(text, lexicon);

describe('along the spine is no direction', () => {
  it.each([
    ['hand tingling drew back up to my elbow, then a zap ran down my spine', 'centralized'],
    ['the forearm ache eased and a shiver went down my back', 'centralized'],
  ] as const)('"%s" is %s', (text, response) => expect(read(text)?.response).toBe(response));
  it.each([
    'a jolt went down my back and into my thigh',
    'it ran down my spine then down into my calf',
    'pain shot down my arm',
  ])('"%s" still spread', (text) => expect(read(text)?.response).toBe('peripheralized'));
});

describe('a part, not a direction: "my back into"', () => {
  it.each(['the ache went down my lower back into my buttock', 'tingling crept from my back into my hip'])('"%s" spread', (text) =>
    expect(read(text)?.response).toBe('peripheralized'),
  );
  it.each(['the calf pain moved back into my thigh', 'it went back up into my back from my knee'])('"%s" centralized', (text) =>
    expect(read(text)?.response).toBe('centralized'),
  );
});

describe('a jolt on bending the head is no response of the symptoms', () => {
  it.each([
    'fingers felt less fuzzy. but each time I bow my head I get a buzz like electricity down my spine to my legs',
    'arm ache went up to my shoulder, though when I drop my chin an electric shock runs down my back',
  ])('"%s" is centralized', (text) => expect(read(text)?.response).toBe('centralized'));
  it.each([
    'when I tucked my chin the tingling went down into my forearm',
    'every time I bend my head the zaps go further down my arm',
  ])('"%s" (the arm symptoms) still spread', (text) => expect(read(text)?.response).toBe('peripheralized'));
});

describe('the body stopped the set', () => {
  it.each(['my hips would not let me kneel down', "had a go but my back wouldn't allow it"])('"%s" could not', (text) =>
    expect(read(text)?.response).toBe('could_not'),
  );
  it('"the pain did not let me sleep, but it moved up into my bum" is centralized', () =>
    expect(read('the pain did not let me sleep, but it moved up into my bum')?.response).toBe('centralized'));
});

describe('muscles working, the back pain staying put', () => {
  it.each(['thighs shaking, my muscles were burning, the back ache stayed put', 'muscles trembling after the plank, otherwise nothing'])('"%s" is local', (text) =>
    expect(read(text)?.response).toBe('local_only'),
  );
  it('"muscles burning and the tingling spread to my shin" spread', () =>
    expect(read('muscles burning and the tingling spread to my shin')?.response).toBe('peripheralized'));
  it('"the leg pain stayed put" is no change', () => expect(read('the leg pain stayed put')?.response).toBe('no_change'));
});
