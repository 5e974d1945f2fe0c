/** Bad input (issue 17): nothing crashes, and the warning-sign check still runs. */
import { describe, expect, it } from 'vitest';
import { detector } from './content.ts';

describe('detector on bad input', () => {
  it('reads a 20,000-character message to the end', () => {
    const filler = 'my back has been a bit stiff today and the walking helped. '.repeat(340);
    const text = `${filler}also I can't feel it when I wipe`;
    expect(text.length).toBeGreaterThan(20_000);
    expect(detector.detect(text).map((d) => d.flagId)).toContain('ces.saddle-numbness');
  });

  it('emoji only: no crash, nothing found', () => {
    expect(detector.detect('😀😀🙏🔥')).toEqual([]);
    expect(detector.detect('💩💧❓')).toEqual([]);
  });

  it('another language: no crash, and English disclosures in it are still caught', () => {
    expect(() => detector.detect('Ich habe starke Rückenschmerzen und kann nicht gut schlafen')).not.toThrow();
    expect(() => detector.detect('腰が痛いです')).not.toThrow();
    expect(detector.detect('tengo dolor de espalda, and I wet myself').map((d) => d.flagId)).toContain('ces.bladder-incontinence');
  });

  it('words that are names of object properties are just words', () => {
    for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'prototype', 'valueOf']) {
      expect(() => detector.detect(`${word} ${word}`)).not.toThrow();
      expect(detector.detect(`${word} and my bum is numb`).map((d) => d.flagId)).toContain('ces.saddle-numbness');
    }
  });

  it('empty, whitespace and punctuation-only messages', () => {
    for (const text of ['', '   ', '...', '?!?!', '\n\n', '-', '#50-110', '@saddle']) expect(detector.detect(text)).toEqual([]);
  });
});
