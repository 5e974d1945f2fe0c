import { describe, expect, it } from 'vitest';
import { detectIntent } from '../../src/nlu/intent.ts';
import { parseMovementResponse } from '../../src/nlu/movement.ts';
import { parseRegion } from '../../src/nlu/region.ts';
import { parseScore } from '../../src/nlu/score.ts';
import { parseYesNo } from '../../src/nlu/yesNo.ts';
import { lexicon } from './content.ts';

describe('parseYesNo', () => {
  it.each([
    ['yes', 'yes'], ['Yeah', 'yes'], ['yep!', 'yes'], ['sure', 'yes'], ['yes, a little', 'yes'], ['a bit', 'yes'],
    ['sometimes', 'yes'], ['Yes, no problem', 'yes'], ['no', 'no'], ['Nope', 'no'], ['nah', 'no'], ['not really', 'no'],
    ['No, not at all.', 'no'], ["I don't think so", 'no'],
  ] as const)('%s -> %s', (text, expected) => expect(parseYesNo(text, lexicon)).toBe(expected));

  it.each(['not sure', 'maybe', 'yes and no', 'banana', '', 'I dunno'])('%s is neither', (text) => {
    expect(parseYesNo(text, lexicon)).toBeUndefined();
  });
});

describe('parseScore', () => {
  it.each([
    ['6', 6], ['6/10', 6], ['six', 6], ['Six.', 6], ['about a 7', 7], ['7 out of 10', 7], ['seven out of ten', 7],
    ['0', 0], ['10', 10], ['10/10', 10], ['no pain', 0], ['6.5', 7], ['6-7', 7], ['between 4 and 5', 5], ['3 or 4', 4],
    ['walked 20 minutes, pain is a 4', 4], ['maybe a 5 today', 5],
    // Said for now beats said for the past (issue 17).
    ['it was 3 this morning and 7 now', 7], ["it's a 4 today but it was 8 yesterday", 4],
  ] as const)('%s -> %s', (text, expected) => expect(parseScore(text, lexicon)).toBe(expected));

  it.each(['11', '-1', '3/5', '12 out of 10', 'pain', '', '4 or 14', '50%'])('%s is not a score', (text) => {
    expect(parseScore(text, lexicon)).toBeUndefined();
  });
});

describe('parseRegion', () => {
  it.each([
    ['lower back', 'lumbar'], ['Low back', 'lumbar'], ['my lower back and down my leg', 'lumbar'], ['sciatica', 'lumbar'],
    ['lumbar', 'lumbar'], ['L5/S1', 'lumbar'], ['neck', 'cervical'], ['my neck and down my arm', 'cervical'],
    ['between my shoulder blades', 'thoracic'], ['mid back', 'thoracic'], ['upper back', 'thoracic'],
    ['not my neck, my lower back', 'lumbar'],
  ] as const)('%s -> %s', (text, expected) => expect(parseRegion(text, lexicon)).toBe(expected));

  it.each(['my neck and my lower back', 'everywhere', ''])('%s is not one region', (text) => {
    expect(parseRegion(text, lexicon)).toBeUndefined();
  });
});

describe('parseMovementResponse', () => {
  // The table of cases lives in tests/nlu/probes/movement.yaml (parsersProbes.test.ts).
  it("a denied spread is not a spread: \"it didn't go further down my leg\"", () => {
    expect(parseMovementResponse("it didn't go further down my leg", lexicon)).not.toBe('peripheralized');
  });
});

describe('detectIntent', () => {
  it.each([
    ['can I talk to someone', 'talk_to_clinician'], ['I want a real person', 'talk_to_clinician'],
    ['speak to a physio please', 'talk_to_clinician'],
    ["I've been seen by a doctor", 'clinician_assessed'], ['the ER checked me and said it is fine', 'clinician_assessed'],
    ['I went to A&E last night', 'clinician_assessed'],
    ['stop', 'stop_messages'], ['STOP.', 'stop_messages'], ['unsubscribe', 'stop_messages'], ['no more messages please', 'stop_messages'],
    ['pause the check-ins', 'pause'], ["I'm going on holiday", 'pause'], ['resume', 'resume'], ["I'm back", 'resume'],
    ['delete my data', 'delete_data'], ['please forget me', 'delete_data'], ['can I download my data', 'export_data'],
    ['what do you know about me', 'what_do_you_know'], ['how am I doing?', 'progress'], ['show me my progress', 'progress'],
    ['help', 'help'], ['what can you do', 'help'],
  ] as const)('%s -> %s', (text, expected) => expect(detectIntent(text, lexicon)).toBe(expected));

  it.each(["I don't want to talk to anyone", 'the pain does not stop', 'my leg hurts', "don't stop the messages"])('%s has no intent', (text) => {
    expect(detectIntent(text, lexicon)).toBeUndefined();
  });
});
