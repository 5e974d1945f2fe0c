/**
 * How long ago the operation was (issue 17): "it'll be 3 weeks on Tuesday", "6 weeks tomorrow" tell
 * of a duration reached on a day to come, so today it is that many days less; read as the full
 * duration it was longer ago than it was (the wrong direction: exercise limits end by it). The
 * message's day here is Friday 2026-11-27. Own wording, several registers.
 */
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/bot/understand.ts';
import { daysAhead } from '../../src/nlu/answers/onset.ts';
import { createBot } from './corpus/harness.ts';
import { lexicon } from './content.ts';

const AT = '2026-11-27T09:00:00.000Z';
const bot = createBot();
const daysSaid = (text: string) => understand(text, undefined, bot.questions.surgeryWhen, bot.nlu, 'surgeryWhen', AT).days;

describe('a duration reached on a day to come', () => {
  it.each([
    ['itll be 3 weeks on tuesday', 17],
    ["It'll be six weeks this Sunday", 40],
    ['6 weeks tomorrow', 41],
    ['will be 2 weeks on friday', 7],
    ['gonna be a month next wednesday', 25],
  ] as const)('"%s" is %s days', (text, days) => expect(daysSaid(text)).toBe(days));

  it.each([
    ['3 weeks ago', 21],
    ['3 weeks ago on tuesday', 21],
    ['it was 3 weeks on tuesday just gone', 21],
  ] as const)('"%s" is still %s days', (text, days) => expect(daysSaid(text)).toBe(days));

  it('no day to come, no change', () => expect(daysAhead('two weeks ago', AT, lexicon)).toBeUndefined());
});
