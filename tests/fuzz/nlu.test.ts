import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { loadContent } from '../../src/content/index.ts';
import { createNlu } from '../../src/bot/nlu.ts';
import { cardValueSchema, inboundActivitySchema, parseCardValue } from '../../src/bot/inbound.ts';
import { eventsForMessage } from '../../src/bot/understand.ts';

const content = loadContent('content').content!;
const nlu = createNlu(content);
const vignettes = parse(readFileSync('tests/nlu/vignettes.yaml', 'utf8')) as { expect: string; text: string; recent?: string[] }[];
/** Disclosures the detector finds on their own (the vignette suite measures the rest). */
const disclosures = vignettes.filter((v) => (v.expect === 'emergency' || v.expect === 'urgent') && !v.recent && nlu.redFlags(v.text, []).length > 0).map((v) => v.text);

/** Everyday sentences without negation words or symptoms, to wrap a disclosure in. */
const BENIGN_WORDS = ['my', 'back', 'today', 'the', 'weather', 'walked', 'dog', 'coffee', 'work', 'yesterday', 'park', 'kids', 'sofa', 'tea', 'garden', 'bus', 'morning', 'sunny', 'rained', 'cooked', 'dinner', 'and', 'then', 'we', 'went', 'to', 'shops'];
const benignSentence = fc.array(fc.constantFrom(...BENIGN_WORDS), { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));
const separator = fc.constantFrom('. ', '.\n', '! ', '\n\n', ' .  ');

const adversarialText = fc.oneof(
  fc.string({ maxLength: 500 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom('', ' ', '\u0000', '\u202e', '\ud800', '🙂'.repeat(200), 'a'.repeat(20_000), '((((((((((((', '*'.repeat(1000), 'no no no no not never', 'wipe '.repeat(500)),
  fc.array(fc.constantFrom('no', 'not', 'numb', 'wipe', 'pee', 'legs', 'weak', 'both', 'cancer', 'fever', "can't", 'feel', 'and', 'but', '.', ','), { maxLength: 80 }).map((w) => w.join(' ')),
);

describe('fuzz: the warning-sign detector', () => {
  it(`finds ${disclosures.length} known disclosures however much benign text surrounds them`, () => {
    expect(disclosures.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(fc.constantFrom(...disclosures), fc.array(benignSentence, { maxLength: 4 }), fc.array(benignSentence, { maxLength: 4 }), separator, (disclosure, before, after, sep) => {
        const text = [...before, disclosure, ...after].join(sep);
        expect(nlu.redFlags(text, []).length, text).toBeGreaterThan(0);
      }),
      { numRuns: 1500 },
    );
  });

  it('finds a disclosure whatever earlier messages were (the recent-messages window)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...disclosures), fc.array(adversarialText, { maxLength: 3 }), (disclosure, recent) => {
        expect(nlu.redFlags(disclosure, recent).length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws and stays fast on random and adversarial text', () => {
    fc.assert(
      fc.property(adversarialText, fc.array(adversarialText, { maxLength: 3 }), (text, recent) => {
        const started = performance.now();
        const hits = nlu.redFlags(text, recent);
        expect(Array.isArray(hits)).toBe(true);
        for (const hit of hits) expect(['emergency', 'urgent', 'soon']).toContain(hit.urgency);
        nlu.yesNo(text);
        nlu.score(text);
        nlu.region(text);
        nlu.intent(text);
        nlu.movement(text);
        expect(performance.now() - started).toBeLessThan(2000);
      }),
      { numRuns: 400 },
    );
  });

  it('a message with a warning sign always becomes a RED_FLAG event, whatever the card value or question', () => {
    const questions = content.conversation.questions;
    fc.assert(
      fc.property(fc.constantFrom(...disclosures), fc.anything(), fc.constantFrom(undefined, ...Object.keys(questions)), fc.integer({ min: 100, max: 100_000 }), (text, value, asking, maxLength) => {
        const stored = asking ? ({ machineVersion: 1, value: 'x', context: { asking: { question: asking } }, recent: [] } as never) : null;
        const events = eventsForMessage({ text, card: parseCardValue(value), at: '2026-01-01T00:00:00Z', maxLength }, stored, questions, nlu);
        expect(events.some((event) => event.type === 'RED_FLAG')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('fuzz: the inbound activity parser and card values', () => {
  it('never throws; what it accepts has a type, and card values are the one strict shape', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true }), (value) => {
        const activity = inboundActivitySchema.safeParse(value);
        if (activity.success) expect(typeof activity.data.type).toBe('string');
        const card = parseCardValue(value);
        if (card !== undefined) expect(cardValueSchema.safeParse(card).success).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts activity-shaped records with hostile field values without throwing', () => {
    const hostile = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.object(), fc.array(fc.anything()), fc.constant({ toString: 1, valueOf: 2 }), fc.constant({ __proto__: { polluted: true } }));
    fc.assert(
      fc.property(fc.record({ type: hostile, text: hostile, value: hostile, conversation: fc.oneof(hostile, fc.record({ id: hostile })), from: hostile, id: hostile }, { requiredKeys: [] }), (body) => {
        inboundActivitySchema.safeParse(body);
        parseCardValue(body.value);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });
});
