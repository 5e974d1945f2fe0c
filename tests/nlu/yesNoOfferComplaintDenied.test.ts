/**
 * At an offer (consent, starting a session) a yes followed by a clause that denies a complaint
 * ("Yes please. Feeling good today, no numbness anywhere") is still a yes: that "no" tells how
 * things are and takes nothing back. A "no" that corrects the yes ("yes. no wait, not today") still
 * leaves the offer unanswered, and at a safety question such a message stays not sure.
 */
import { describe, expect, it } from 'vitest';
import { readYesNo } from '../../src/nlu/answers/yesNo.ts';
import { lexicon } from './content.ts';

describe('a yes to an offer, then a complaint denied', () => {
  it.each([
    'yep go on. no twinges this morning',
    'sure thing, no new symptoms',
    'yes. no pain to speak of today',
    'ok lets do it. no pins and needles at all',
    'Yes please, slept well, no sciatica today',
    'yes, go ahead. the doctor ruled out the nasty stuff, no cancer, no infection, nothing like that',
    'ok lets go. scan showed no fracture',
    'sure. nothing serious according to the GP',
    'yep. GP says no red flags',
  ])('"%s" is a yes', (text) => expect(readYesNo(text, lexicon, 'offer').answer).toBe('yes'));

  it.each([
    'yes please. no, not today',
    'yes. no wait, not today',
    'yes. no time today though',
    'ok. no not now',
  ])('"%s" stays unanswered at an offer', (text) => expect(readYesNo(text, lexicon, 'offer').answer).toBeUndefined());

  it.each(['yes. no pain today', 'yes, no numbness'])('"%s" at a safety question is still not sure', (text) =>
    expect(readYesNo(text, lexicon, 'symptom').answer).toBe('unsure'));
});
