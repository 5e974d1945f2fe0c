/**
 * Properties: a disclosure surrounded by ordinary sentences is still found (no benign sentence
 * may silence it), and no input, however odd, makes the NLU throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpret } from '../../src/nlu/interpret.ts';
import { detector, lexicon } from './content.ts';

const disclosures: Array<[string, string]> = [
  ["I can't feel when I wipe", 'ces.saddle-numbness'],
  ['my bum is numb', 'ces.saddle-numbness'],
  ['I wet myself yesterday', 'ces.bladder-incontinence'],
  ['I cant pee', 'ces.bladder-retention'],
  ['the pain is going down both legs now', 'ces.bilateral-sciatica'],
  ['my foot slaps down when I walk', 'weakness.foot-drop'],
  ['I keep dropping things', 'myelopathy.hands'],
  ["I've had a fever since Tuesday", 'infection.fever'],
  ['I had breast cancer five years ago', 'cancer.history'],
];

const benignSentences = [
  'I did my exercises this morning.', 'No fever.', 'My bladder is fine.', 'I walked to the shops.',
  'The weather is awful today!', 'No numbness in my legs.', 'Pain is about a 4.', "I don't have any weakness.",
  'Nothing else to report.', 'My neck is a bit stiff.', 'I slept badly.', 'Thanks for checking in.',
  'No problems peeing.', 'I had a coffee.', 'My back feels better after lying on my stomach.', 'Not really.',
];

describe('properties', () => {
  it('benign sentences around a disclosure never silence it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...disclosures),
        fc.array(fc.constantFrom(...benignSentences), { maxLength: 4 }),
        fc.array(fc.constantFrom(...benignSentences), { maxLength: 4 }),
        ([disclosure, flagId], before, after) => {
          const text = [...before, `${disclosure}.`, ...after].join(' ');
          expect(detector.detect(text).map((d) => d.flagId)).toContain(flagId);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('benign recent messages never silence a disclosure either', () => {
    fc.assert(
      fc.property(fc.constantFrom(...disclosures), fc.array(fc.constantFrom(...benignSentences), { maxLength: 3 }), ([disclosure, flagId], recent) => {
        expect(detector.detect(disclosure, { recent }).map((d) => d.flagId)).toContain(flagId);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws, whatever the input', () => {
    const words = fc.constantFrom('no', 'not', "can't", 'pee', 'numb', 'both', 'legs', ',', '.', '?', '-', '6/10', '-1', '@', '(', ')', '*', 'wipe', 'down there', '...');
    const input = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }), fc.array(words, { maxLength: 30 }).map((w) => w.join(' ')));
    fc.assert(
      fc.property(input, fc.array(input, { maxLength: 3 }), (text, recent) => {
        const result = interpret(text, { lexicon, detector, recent });
        expect(Array.isArray(result.redFlags)).toBe(true);
        if (result.score !== undefined) expect(result.score >= 0 && result.score <= 10 && Number.isInteger(result.score)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        expect(detector.detect(text)).toEqual(detector.detect(text));
      }),
      { numRuns: 100 },
    );
  });
});
