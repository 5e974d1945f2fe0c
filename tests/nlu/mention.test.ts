/**
 * How a warning sign is mentioned (issue 17 item 2): a present disclosure refers; a "what if",
 * an episode that is over, an unclear person or a vague touch is kept with its mention so the
 * coach asks; a denial and a relative's own story are not detections at all.
 */
import { describe, expect, it } from 'vitest';
import { detector } from './content.ts';

const find = (text: string, flagId: string, recent?: string[]) =>
  detector.detect(text, recent === undefined ? {} : { recent }).find((detection) => detection.flagId === flagId);

describe('mention of a warning sign', () => {
  it('a present disclosure has no mention field and refers', () => {
    expect(find("I can't feel it when I wipe", 'ces.saddle-numbness')).toMatchObject({ urgency: 'emergency' });
    expect(find("I can't feel it when I wipe", 'ces.saddle-numbness')?.mention).toBeUndefined();
  });

  it('a denial is not a detection', () => {
    expect(find('no numbness down there at all', 'ces.saddle-numbness')).toBeUndefined();
    expect(find("I haven't had any trouble peeing", 'ces.bladder-retention')).toBeUndefined();
  });

  it('a "what if" is hypothetical, not silence and not a referral', () => {
    expect(find('what should I do if I ever lose control of my bladder?', 'ces.bladder-incontinence')?.mention).toBe('hypothetical');
    expect(find('would a fever with this back pain mean something bad?', 'infection.fever')?.mention).toBe('hypothetical');
  });

  it('an episode that was looked at and has gone is resolved', () => {
    expect(find('I had some numbness down below last month but it went after a day', 'ces.saddle-numbness')?.mention).toBe('resolved');
    expect(find("last year I had trouble weeing but it got checked and it's fine now", 'ces.bladder-retention')?.mention).toBe('resolved');
  });

  it('a carer writing for the patient discloses the patient\'s sign', () => {
    expect(find("he can't feel when he goes for a wee", 'ces.bladder-sensation')?.mention).toBeUndefined();
    expect(find('my dad has been wetting himself since his back got worse', 'ces.bladder-incontinence')).toMatchObject({ urgency: 'emergency' });
    expect(find('my dad has been wetting himself since his back got worse', 'ces.bladder-incontinence')?.mention).toBeUndefined();
  });

  it("a relative's own history is not a detection", () => {
    expect(find('my mum had cancer', 'cancer.history')).toBeUndefined();
    expect(find('my friend fell off a ladder last week', 'trauma.significant')).toBeUndefined();
  });

  it('unclear whose symptom it is: asked', () => {
    expect(find("numb down there, they said", 'ces.saddle-numbness')?.mention).toBe('unclear-person');
  });

  it('a vague touch of the concept is asked with that sign', () => {
    expect(find('my waterworks feel a bit odd', 'ces.bladder-retention')?.mention).toBe('vague');
    expect(find('pain in both buttocks, nothing in my legs', 'ces.bilateral-sciatica')?.mention).toBe('vague');
  });

  it('a present disclosure in the same message wins over a vague or hypothetical one', () => {
    const both = detector.detect("what if it gets worse? and my pee won't start");
    expect(both[0]).toMatchObject({ flagId: 'ces.bladder-retention' });
    expect(both[0]?.mention).toBeUndefined();
    const mixed = detector.detect('my bowels feel a bit off and I have to strain to pee');
    expect(mixed[0]?.mention).toBeUndefined();
    expect(mixed.findIndex((d) => d.mention !== undefined)).toBeGreaterThan(mixed.findIndex((d) => d.mention === undefined));
  });

  it('combinations raise the tier, with the highest first', () => {
    const detections = detector.detect('I had lymphoma and now my legs are numb');
    expect(detections[0]).toMatchObject({ flagId: 'combo.metastatic-cord', urgency: 'emergency' });
    expect(detections.map((d) => d.flagId)).toContain('cancer.history');
    expect(find('I have osteoporosis and I fell over in the kitchen', 'combo.fracture-risk')).toMatchObject({ urgency: 'urgent' });
  });

  it('knows from the conversation what the person said before (known concepts)', () => {
    expect(find('my chest hurts when I breathe in', 'postop.clot')).toBeUndefined();
    expect(detector.detect('my chest hurts when I breathe in', { known: ['after-surgery'] }).map((d) => d.flagId)).toContain('postop.clot');
  });
});
