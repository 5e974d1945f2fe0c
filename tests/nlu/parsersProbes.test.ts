/**
 * Probe batches written fresh from how people talk and type (issue 17), before the vocabulary was
 * widened for them: each batch was scored first, then the lexicon widened by concept. They live in
 * tests/nlu/probes/ so that the readings they fixed stay fixed. Wrong direction is the worst error,
 * so every batch holds readings that could go the wrong way.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { detectIntent } from '../../src/nlu/intent.ts';
import { readMovement } from '../../src/nlu/answers/movement.ts';
import { readOnset } from '../../src/nlu/answers/onset.ts';
import { parseDays, parseKg, unknownAmount } from '../../src/nlu/answers/quantity.ts';
import { parseScoreAnswer } from '../../src/nlu/answers/score.ts';
import { readReach } from '../../src/nlu/answers/reach.ts';
import { readSurgery } from '../../src/nlu/answers/surgery.ts';
import { readYesNo, type YesNoKind } from '../../src/nlu/answers/yesNo.ts';
import { lexicon } from './content.ts';

const probes = <T extends unknown[]>(name: string): T[] => YAML.parse(readFileSync(new URL(`probes/${name}.yaml`, import.meta.url), 'utf8')) as T[];
const MOVEMENT = { C: 'centralized', P: 'peripheralized', N: 'no_change', L: 'local_only', X: 'could_not' } as const;
/** The report's clock (tests/nlu/corpus/SCHEMA.md): relative dates are read on this Friday. */
const FRIDAY = '2026-11-27T09:00:00.000Z';

describe('movement after a set, in fresh wording: direction beats location', () => {
  it.each(probes<[string, string]>('movement'))('%s: "%s"', (code, text) => {
    const [response, toes] = code.split('+');
    const reading = readMovement(text, lexicon);
    expect(reading?.response).toBe(MOVEMENT[response as keyof typeof MOVEMENT]);
    expect(reading?.toesOrFingers === true).toBe(toes === 'T');
  });
});

describe('onset in fresh wording', () => {
  it.each(probes<[string, number | null, string]>('onset'))('%s (%s days): "%s"', (band, days, text) => {
    const reading = readOnset(text, FRIDAY, lexicon);
    expect(reading?.band).toBe(band);
    if (days !== null) expect(reading?.days).toBe(days);
  });
});

describe('yes and no in fresh wording: a statement is neither', () => {
  it.each(probes<[YesNoKind, string, string]>('yes-no'))('%s: %s "%s"', (kind, expected, text) => {
    const reading = readYesNo(text, lexicon, kind);
    // `question`: a question back (the help text, then the question again); `statement`: neither an answer nor a question back.
    if (expected === 'question' || expected === 'statement') expect(reading.questionBack).toBe(expected === 'question');
    expect(reading.answer).toBe(['none', 'question', 'statement'].includes(expected) ? undefined : expected);
  });
});

describe('pain scores in fresh wording: a range is never read low', () => {
  it.each(probes<[number | 'none', string]>('scores'))('%s: "%s"', (score, text) => {
    expect(parseScoreAnswer(text, lexicon)?.score).toBe(score === 'none' ? undefined : score);
  });
});

describe('surgery, weights and durations in fresh wording: never a unit read as another', () => {
  it.each(probes<[string, string]>('surgery'))('%s: "%s"', (kind, text) => expect(readSurgery(text, lexicon)).toBe(kind));

  it.each(probes<[number | 'unknown', string]>('weights'))('%s kg: "%s"', (kg, text) => {
    if (kg === 'unknown') expect(unknownAmount(text, lexicon)).toBe(true);
    else expect(parseKg(text, lexicon)?.kg).toBeCloseTo(kg, 0);
  });

  // Relative dates ("monday", "the 10th") are onsets; the duration reader takes amounts with a unit.
  it.each(probes<[number, string]>('surgery-when'))('%s days: "%s"', (days, text) => {
    const read = parseDays(text, lexicon)?.days ?? readOnset(text, FRIDAY, lexicon)?.days;
    expect(Math.abs((read ?? -1) - days)).toBeLessThanOrEqual(0.15 * days);
  });
});

describe('reach in fresh wording', () => {
  it.each(probes<[string, string]>('reach'))('%s: "%s"', (reach, text) => expect(readReach(text, lexicon).reach).toBe(reach));
});

describe('intents said instead of an answer', () => {
  it.each(probes<[string, string]>('intents'))('%s: "%s"', (intent, text) => expect(detectIntent(text, lexicon)).toBe(intent === 'none' ? undefined : intent));
});
