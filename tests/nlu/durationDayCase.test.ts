/**
 * "A day case", "day surgery": a kind of care said with a unit of time, not how long ago (issue 17).
 * "six weeks ago, done as a day case" is six weeks, not one day; a day said as an amount still is one.
 */
import { describe, expect, it } from 'vitest';
import { parseDays } from '../../src/nlu/answers/quantity.ts';
import { lexicon } from './content.ts';

const days = (text: string) => parseDays(text, lexicon)?.days;

describe('a day case is no duration', () => {
  it.each([
    ['six weeks ago, done as a day case', 42],
    ['they did mine in the day surgery unit 10 days back', 10],
    ['day case procedure about 3 months ago', 91],
  ] as const)('"%s" is %s days', (text, n) => expect(days(text)).toBe(n));

  it.each([
    ['I was in for a day', 1],
    ['home after 2 days', 2],
    ['it was a day ago', 1],
  ] as const)('"%s" is still %s days', (text, n) => expect(days(text)).toBe(n));

  it('"a day case" alone gives no duration', () => expect(days('it was a day case')).toBeUndefined());
});
