/**
 * At a sign's own question, its function said as usual or its look-alike told answers no (issue
 * 17): heel or tiptoe walking done as usual at the foot-drop question (weakness.foot-drop
 * `asUsual: heel-toe-able + as-usual`), weight lost on purpose at the weight-loss question
 * (soon.weight-loss `lookAlike: weight-lost + diet`). Never when the function is denied, doubted
 * or recent, nor a detection: these rules take nothing from it. Own wording, end to end.
 */
import { describe, expect, it } from 'vitest';
import { Harness, createBot } from './corpus/harness.ts';
import { entrySchema } from './corpus/schema.ts';
import { judge } from './corpus/score.ts';
import { detector } from './content.ts';

const harness = new Harness(createBot());

function answered(text: string, flagId: string): unknown {
  const entry = entrySchema.parse({
    id: 'sign-question-look-alike', register: ['plain'], state: 'redFlagQuestion', flagId, text,
    answer: { kind: 'yesNo', value: 'no' }, sign: { expect: 'none', how: 'benign' },
  });
  const { observation, unreachable } = harness.run(entry);
  return judge(entry, observation, unreachable).answer?.got;
}

describe('heel and tiptoe walking as usual at the foot-drop question', () => {
  it.each(['I can stand on my heels fine', 'can still walk on my tiptoes no problem', 'I can get up on my toes and heels ok', 'heel walking is fine'])(
    '"%s" is a no',
    (text) => expect(answered(text, 'weakness.foot-drop')).toBe('no'),
  );
  it.each(["I can't get up on my left heel", 'heel walking is not fine on the right', 'I can stand on my heels but my right foot slaps down', 'I could walk on my heels fine until yesterday'])(
    '"%s" is no no',
    (text) => expect(answered(text, 'weakness.foot-drop')).not.toBe('no'),
  );
  it('"I can not walk on my heels" is still detected', () => expect(detector.detect('I can not walk on my heels').some((d) => d.flagId === 'weakness.foot-drop')).toBe(true));
});

describe('weight lost on purpose at the weight-loss question', () => {
  it.each(['lost 5 kg, all on purpose', "I've lost a stone on weight watchers", 'lost half a stone dieting'])(
    '"%s" is a no',
    (text) => expect(answered(text, 'soon.weight-loss')).toBe('no'),
  );
  it.each(['lost 5 kg without trying', "I've lost a stone and I'm not dieting", 'I think I have lost some weight, not sure why'])(
    '"%s" is no no',
    (text) => expect(answered(text, 'soon.weight-loss')).not.toBe('no'),
  );
  it('"lost 8 kg without trying" is still detected', () => expect(detector.detect('lost 8 kg in a month without trying').some((d) => d.flagId === 'soon.weight-loss')).toBe(true));
});

describe('weight lost on purpose told across a "but", or weight put on, at the weight-loss question', () => {
  it.each(["dropped half a stone but that's the low carb thing, deliberate", "I've put on weight if anything, not lost it", 'gained a few pounds sitting about'])(
    '"%s" is a no',
    (text) => expect(answered(text, 'soon.weight-loss')).toBe('no'),
  );
  it.each(['lost a stone but I am not dieting at all', 'put weight on at first, then lost a stone without trying'])(
    '"%s" is no no',
    (text) => expect(answered(text, 'soon.weight-loss')).not.toBe('no'),
  );
});

describe('night pain eased once comfortable, at the night-pain question', () => {
  it('"the pain wakes me if I roll over but it settles once I get comfy" is a no', () =>
    expect(answered('the pain wakes me if I roll over but it settles once I get comfy', 'soon.night-pain')).toBe('no'));
  it('"it wakes me and nothing settles it, not even lying still" is no no', () =>
    expect(answered('it wakes me and nothing settles it, not even lying still', 'soon.night-pain')).not.toBe('no'));
});
