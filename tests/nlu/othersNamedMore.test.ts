/**
 * Someone else named (issue 17): "my eldest", "my boyfriend", "my kid" are other people, like "my
 * wife": their operation is not the person's ("no, my eldest had a discectomy though" was read as
 * a discectomy: surgery and none swapped). The person's own is still read. Own wording.
 */
import { describe, expect, it } from 'vitest';
import { readSurgery } from '../../src/nlu/answers/surgery.ts';
import { lexicon } from './content.ts';

describe("another person's operation", () => {
  it.each([
    ['no, my eldest had a discectomy though', 'none'],
    ["my boyfriend had a fusion, I haven't had anything", 'none'],
    ['never myself, our youngest had a laminectomy', 'none'],
  ] as const)('"%s" is %s', (text, kind) => expect(readSurgery(text, lexicon)).toBe(kind));
  it('my kid had one: not the person\'s', () => expect(readSurgery('my kid had a laminectomy', lexicon)).not.toBe('laminectomy'));
  it('the person\'s own still counts', () => expect(readSurgery('I had a discectomy, my girlfriend had a fusion', lexicon)).toBe('discectomy'));
});
