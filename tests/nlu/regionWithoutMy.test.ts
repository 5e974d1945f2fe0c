/**
 * Regions (issue 17): "my" or "the" left out, as in a hurried message, still names the region
 * ("middle of back, but also chest pain" was not understood). "Middle of the night" is no region.
 * Own wording.
 */
import { describe, expect, it } from 'vitest';
import { parseRegion } from '../../src/nlu/region.ts';
import { lexicon } from './content.ts';

describe('the region with "my" left out', () => {
  it.each([
    ['bottom of spine mostly', 'lumbar'],
    ['small of back', 'lumbar'],
    ['back of neck and into shoulder', 'cervical'],
    ['top part of back', 'thoracic'],
    ['centre of back', 'thoracic'],
  ] as const)('"%s" is %s', (text, region) => expect(parseRegion(text, lexicon)).toBe(region));
  it('"middle of the night is worst, lower back" is lumbar', () => expect(parseRegion('middle of the night is worst, lower back', lexicon)).toBe('lumbar'));
});
