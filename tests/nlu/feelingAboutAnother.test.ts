/**
 * Whose sign (issue 17): the writer's own feeling about another person ("and I worry about him", "and I'm so
 * scared for her") or hearing of it ("and I only found out") does not make the other person's story the writer's,
 * as "and I had it too" does. A carer passing on what the patient told them ("she told me she's been ...") writes
 * for the patient, as with "she says". "Injects" said of anyone is a sign whose owner the person reading decides.
 * The writer's own disclosures beside a feeling or a report still refer. Own wording.
 */
import { describe, expect, it } from 'vitest';
import { detector } from './content.ts';

const find = (text: string, flagId: string) => detector.detect(text).find((detection) => detection.flagId === flagId);

describe("a feeling about another person is not the writer's sign", () => {
  it.each([
    ['my uncle injects and I pray for him every night', 'infection.risk'],
    ["my sister is on chemo and I'm so worried for her", 'infection.risk'],
    ['my sister had cancer and I am really scared for her', 'cancer.history'],
    ['my dad had bowel cancer and I miss him', 'cancer.history'],
    ['my cousin uses heroin and I worry about my cousin a lot', 'infection.risk'],
  ] as const)('"%s": no %s', (text, flagId) => expect(find(text, flagId)).toBeUndefined());

  it.each([
    // the experience shared after all: "I have it too", "I do too"
    ['my mum had breast cancer and I had it as well, I had it too', 'cancer.history', 'urgent'],
    ['my brother has cancer and I do too', 'cancer.history', 'urgent'],
    // a worry that goes on to the writer's own
    ['my mum had breast cancer and I worry I have got the same', 'cancer.history', 'urgent'],
    ["I'm scared because I can't feel the loo roll when I wipe", 'ces.saddle-numbness', 'emergency'],
    ['I get so worried, my bottom has gone numb', 'ces.saddle-numbness', 'emergency'],
  ] as const)('"%s" still refers %s', (text, flagId, urgency) => {
    const found = find(text, flagId);
    expect(found).toMatchObject({ urgency });
    expect(found?.mention).toBeUndefined();
  });
});

describe("what the patient told the writer is the patient's", () => {
  it.each([
    ["my partner told me he's been stockpiling his tablets", 'crisis.self-harm'],
    ["my husband told me he's been saving up his painkillers, I'm frightened", 'crisis.self-harm'],
    ["mum tells me she's been wetting herself", 'ces.bladder-incontinence'],
  ] as const)('"%s" refers %s', (text, flagId) => expect(find(text, flagId)).toMatchObject({ urgency: 'emergency' }));

  it("the writer's own sign told by another still refers", () => {
    expect(find("my husband tells me I've been wetting the bed", 'ces.bladder-incontinence')).toMatchObject({ urgency: 'emergency' });
  });

  it("an acquaintance's own story told to the writer stays theirs", () => {
    expect(find('a friend told me she had cancer years ago', 'cancer.history')).toBeUndefined();
  });
});

describe('"injects" said of anyone', () => {
  it('a carer: injecting and a leg gone numb is a possible spinal abscess', () => {
    expect(find("my son injects. since yesterday his back is on fire and he can't feel his right foot", 'combo.epidural-abscess')).toMatchObject({ urgency: 'emergency' });
    expect(find('her boyfriend injects, his back is killing him now', 'infection.risk')).toMatchObject({ urgency: 'urgent' });
  });

  it.each([
    ['my brother injects and I worry about him', 'infection.risk'],
    ['my mum injects her insulin twice a day', 'infection.risk'],
    ['the consultant injects the facet joints under x-ray', 'infection.risk'],
  ] as const)('"%s": no %s', (text, flagId) => expect(find(text, flagId)).toBeUndefined());
});
