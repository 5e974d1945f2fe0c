import { describe, expect, it } from 'vitest';
import { SENTENCE_BOUNDARY, tokenise } from '../../src/nlu/normalise.ts';

const words = (text: string) => tokenise(text).map((token) => (token.word === SENTENCE_BOUNDARY ? '|' : token.afterComma ? `,${token.word}` : token.word));

describe('dots trailing off', () => {
  it('are a pause in the sentence before a word in lower case', () => {
    expect(words('feels a bit... different?')).toEqual(['feels', 'a', 'bit', ',different']);
    expect(words('I try to pee and.. nothing comes')).toEqual(['i', 'try', 'to', 'pee', 'and', ',nothing', 'comes']);
  });

  it('still end a sentence before a capital, and one dot always does', () => {
    expect(words('Legs... Both. Weak.')).toEqual(['legs', '|', 'both', '|', 'weak']);
    expect(words('numb. down there')).toEqual(['numb', '|', 'down', 'there']);
  });
});
