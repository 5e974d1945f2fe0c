/**
 * Yes and no to an offer (issue 17): a last clause of its own that only agrees ("...? right, go on
 * then", "but apart from that ready when you are") is the answer, never after a no or doubt; punctuation
 * said aloud to a dictating phone ("comma", "full stop") and an emoji between words end a thought as
 * the marks do; "never had that problem before" tells that what was said is new, it is no "no".
 * Own wording, both ways.
 */
import { describe, expect, it } from 'vitest';
import { readYesNo } from '../../src/nlu/answers/yesNo.ts';
import { lexicon } from './content.ts';

const offer = (text: string) => readYesNo(text, lexicon, 'offer').answer;
const symptom = (text: string) => readYesNo(text, lexicon, 'symptom').answer;

describe('an offer agreed at the end', () => {
  it.each([
    'hmm, will it take long? alright, go ahead',
    'my knees are stiff from gardening. Ready when you are.',
    'slept badly, but anyway happy to carry on',
    'do I need a mat? yes ok',
  ])('"%s" is yes', (text) => expect(offer(text)).toBe('yes'));
  it.each([
    'no, not today. ok',
    'not sure, my leg is playing up. maybe later',
    'sure my hip aches',
    'will it hurt? what do I do first',
  ])('"%s" is no yes', (text) => expect(offer(text)).not.toBe('yes'));
});

describe('punctuation said aloud, emoji between words', () => {
  it.each(['sure comma sounds good full stop', 'yes new line happy to go ahead', 'Deal 🤝 lets get going'])('"%s" is yes', (text) => expect(offer(text)).toBe('yes'));
  it.each(['no thanks full stop', 'nope 🙅 not for me'])('"%s" is no', (text) => expect(offer(text)).toBe('no'));
  it('"sure my back hurts 😩" is still no consent', () => expect(offer('sure my back hurts 😩')).toBeUndefined());
});

describe('never had that problem before: new, not a no', () => {
  it.each(['yes, and it will not go, never had that issue before', 'yes. never had a feeling like that before'])('"%s" is yes', (text) => expect(symptom(text)).toBe('yes'));
  it.each(['no, never had that problem', 'never had a problem with it'])('"%s" is no', (text) => expect(symptom(text)).toBe('no'));
});
