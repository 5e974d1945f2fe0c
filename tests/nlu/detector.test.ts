import { describe, expect, it } from 'vitest';
import type { RedFlag } from '../../src/content/redFlags.ts';
import { compileRedFlagDetector } from '../../src/nlu/redFlagDetector.ts';
import { URGENCY_ORDER, compareUrgency, isAtLeast, mostUrgent } from '../../src/nlu/urgency.ts';
import { detector } from './content.ts';

const ids = (text: string, recent?: string[]) => detector.detect(text, recent === undefined ? {} : { recent }).map((d) => d.flagId);

describe('red-flag detector', () => {
  it('explains itself with the flag id and the words that matched', () => {
    expect(detector.detect("I can't feel when I wipe")).toEqual([
      { flagId: 'ces.saddle-numbness', urgency: 'emergency', matched: "can't feel when I wipe" },
    ]);
  });

  it('sorts detections most urgent first', () => {
    const tiers = detector.detect('I had cancer years ago, I have lost weight without trying and my bum is numb').map((d) => d.urgency);
    expect(tiers[0]).toBe('emergency');
    expect([...tiers].sort(compareUrgency)).toEqual(tiers);
  });

  it('completes a disclosure from the previous message, and says which words came from it', () => {
    const [detection] = detector.detect("now it's in both legs", { recent: ['my sciatica used to be in the right leg'] });
    expect(detection?.flagId).toBe('ces.bilateral-sciatica');
    // "Both legs" without a symptom word is not a disclosure ("I can lift both legs now")...
    expect(ids('I can lift both legs now', ['I did my exercises'])).toEqual([]);
    // ...but "it" spreading into both legs is the pain in a back-pain coach, whatever came before.
    expect(ids("now it's in both legs", ['I did my exercises'])).toContain('ces.bilateral-sciatica');
    const [split] = detector.detect("I can't feel anything", { recent: ['something odd happens when I wipe'] });
    expect(split).toMatchObject({ flagId: 'ces.saddle-numbness', fromRecent: 'wipe' });
  });

  it('does not fire again on an old message alone', () => {
    expect(ids('ok thanks', ["I can't feel when I wipe"])).toEqual([]);
  });

  it('separates a relative\'s history from the person\'s own', () => {
    expect(ids('my mum had breast cancer')).toEqual([]);
    expect(ids('my mum had breast cancer and so did I')).toContain('cancer.history');
  });

  it('tolerates one slip of the finger in longer words, not a different word', () => {
    expect(ids('there is numbess in my groin')).toContain('ces.saddle-numbness');
    expect(ids('I keep tripping over my foot and it slaps')).toContain('weakness.foot-drop');
    expect(ids('numbness in my left buttock')).toEqual([]);
  });

  it('compiles phrases once: detection does not depend on call order', () => {
    const first = detector.detect('I wet myself');
    detector.detect('no problems peeing');
    expect(detector.detect('I wet myself')).toEqual(first);
  });

  it('reads "lets go" at the start of a message as a start word, not a bladder letting go', () => {
    for (const text of ['lets go', "let's go!", 'ok lets go then']) expect(detector.detect(text), text).toEqual([]);
    expect(detector.detect('it just lets go sometimes').map((d) => [d.flagId, d.mention])).toContainEqual(['ces.bladder-incontinence', 'vague']);
    expect(ids('sometimes my bladder lets go when I stand up')).toContain('ces.bladder-incontinence');
  });

  it('refuses a flag whose word groups were not expanded (a loader bypass)', () => {
    const flag: RedFlag = { id: 'x.y', regions: ['lumbar'], urgency: 'soon', label: 'test', screen: false, tell: 'test tell text', phrases: ['@missing words'], source: 'test' };
    expect(() => compileRedFlagDetector([flag])).toThrow(/word group/);
  });
});

describe('urgency order', () => {
  it('runs emergency, urgent, soon, routine', () => {
    expect(URGENCY_ORDER).toEqual(['emergency', 'urgent', 'soon', 'routine']);
    expect(mostUrgent(['soon', 'routine', 'urgent'])).toBe('urgent');
    expect(mostUrgent([])).toBeUndefined();
    expect(isAtLeast('emergency', 'urgent')).toBe(true);
    expect(isAtLeast('soon', 'urgent')).toBe(false);
  });
});
