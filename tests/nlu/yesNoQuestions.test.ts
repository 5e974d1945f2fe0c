import { describe, expect, it } from 'vitest';
import { parseYesNo } from '../../src/nlu/index.ts';
import { realContent } from '../helpers/content.ts';

describe('a question back is not an answer', () => {
  const lexicon = realContent().lexicon;
  it.each(['how do I do the exercises', 'how do I do the exercises?', 'do I have to agree?', 'what do you do with my data', 'is it safe if I do it?', 'can I do it later'])('"%s" is neither yes nor no', (text) => {
    expect(parseYesNo(text, lexicon)).toBeUndefined();
  });
  it.each([['yes I do', 'yes'], ['I do', 'yes'], ['no I do not', 'no'], ['yes, a little', 'yes'], ['nope', 'no']] as const)('"%s" is still %s', (text, expected) => {
    expect(parseYesNo(text, lexicon)).toBe(expected);
  });
});
