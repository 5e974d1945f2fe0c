/**
 * "No change" after a set is how the symptoms took it, not weeks of care that have not helped: with "Start
 * exercises" (the button) or "More than 6 weeks ago" among the last messages it referred soon.no-improvement
 * in the middle of the first session (found when the web chat test clicked the button instead of typing
 * "start"). The movement answer alone refers nothing; no change told with the weeks or the care still does.
 */
import { describe, expect, it } from 'vitest';
import { createBot } from './corpus/harness.ts';

const bot = createBot();
const flags = (text: string, recent: string[]) => bot.nlu.redFlags(text, recent).map((hit) => hit.flagId);

describe('the movement answer alone is no sign', () => {
  it.each<[string, string[]]>([
    ['No change', ['Start exercises']],
    ['no change', ['More than 6 weeks ago', 'Start exercises']],
    ['about the same really', ["let's do the exercises"]],
    ['No difference', ['I have been doing the exercises for 3 weeks']],
  ])('"%s" after %j', (text, recent) => expect(flags(text, recent)).not.toContain('soon.no-improvement'));
});

describe('no change with the weeks or the care still refers', () => {
  it.each<[string, string[]]>([
    ['8 weeks of physio and no change', []],
    ['no change at all since I started the physio in september', ['been at this for months']],
    ['still no change after all the exercises', ['it has been 10 weeks']],
    // the answer first, then the weeks in the same message: not the answer alone
    ["about the same. it's been like this for 12 weeks even with the physio", []],
  ])('"%s"', (text, recent) => expect(flags(text, recent)).toContain('soon.no-improvement'));
});
