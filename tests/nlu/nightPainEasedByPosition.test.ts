/**
 * At the night-pain question ("Does the pain keep you awake at night even when you lie still,
 * whatever position you try?"), pain that a move or lying still settles is the look-alike the
 * question rules out (soon.night-pain `lookAlike: position-change + position-eases`): a no at its own question. It
 * takes nothing from the detection: pain that nothing eases still refers. Written for this suite.
 */
import { describe, expect, it } from 'vitest';
import { detector } from './content.ts';

const denied = (text: string) => detector.deniedSigns(text, ['soon.night-pain']).map((d) => d.how);

describe('night pain eased by a move or by lying still is denied at its own question', () => {
  it.each([
    'it wakes me if I turn over but changing position eases it', 'if I move about it settles down and I get back to sleep',
    'when I lie still it calms down', 'the odd night it wakes me, but shifting my position sorts it out', 'once I lie flat it goes off',
  ])('"%s" is its look-alike', (text) => expect(denied(text)).toContain('lookAlike'));
  it.each([
    'changing position does not help at all', 'even when I lie still it does not settle', 'nothing settles it, not even lying still',
    "shifting position makes no difference, it's there all night",
  ])('"%s" is no denial', (text) => expect(denied(text)).toEqual([]));
  it('the rule is of the night-pain question only', () => expect(detector.deniedSigns('when I lie still it calms down', ['ces.bilateral-sciatica'])).toEqual([]));
});

describe('the detection is as before', () => {
  it.each(['the pain wakes me every night and nothing eases it, whatever position I try', 'at night no position helps, lying still is agony'])(
    '"%s" still refers at soon',
    (text) => expect(detector.detect(text).some((d) => d.flagId === 'soon.night-pain')).toBe(true),
  );
});
