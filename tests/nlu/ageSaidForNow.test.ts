/**
 * Ages (issue 17): of several ages of the person's own, the one said for now wins over one said for
 * when it began ("19 when it started but I'm 34 now" was read as 19). One age alone, or the first
 * said for now, is as before. Own wording.
 */
import { describe, expect, it } from 'vitest';
import { readAge } from '../../src/nlu/answers/age.ts';
import { lexicon } from './content.ts';

describe('the age said for now', () => {
  it.each([
    ["I was 25 when this first happened, I'm 41 now", 41],
    ['started at 30, now 52', 52],
    ['am 60, had my first episode at 45', 60],
    ['twenty when it began, fifty now', 50],
    ["I'm 41, it started when I was 25", 41],
    ['52, since I was 20 on and off', 52],
    ["my husband is 65 and I'm 63", 63],
  ] as const)('"%s" is %s', (text, age) => expect(readAge(text, lexicon)).toBe(age));
});

describe("someone else's age beside the writer's own", () => {
  it.each([
    'my son is 16, his back is worse than mine',
    "my daughter's 15 and she gets twinges like mine",
    'our youngest is 12, I had it at his age myself',
  ])('"%s" gives no age', (text) => expect(readAge(text, lexicon)).toBeUndefined());

  it.each([
    // A carer writing for the patient gives the patient's age.
    ['my mum is 82', 82],
    ['my mum is 82, she lives with me', 82],
    ["I'm writing for my dad, he is 77", 77],
    // The writer's own age said too is the one.
    ["my daughter is 19 but I'm 48 myself", 48],
  ] as const)('"%s" is %s', (text, age) => expect(readAge(text, lexicon)).toBe(age));
});
